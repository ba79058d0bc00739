"""A game in play, without Qt: the session any front end drives (the window, a phone page, a
second table).

``Session`` holds the game's :class:`~consortium.engine.history.History` and the session
around it (who is a person, the talk clock, votes entered ahead, the placement's first
click, pause, fast-forward, reveal), applies every action through ``engine.step`` (which
re-checks it), and tells its listeners what changed with one
:class:`~consortium.play.records.Change` per change: the public view, the Events that caused
it and the parts of the screen they touch. It never words anything: refusals and hints are
:class:`~consortium.play.records.Notice` codes, the log holds Events; ``consortium.present``
turns both into words.

Time is the front end's: the talk clock reads an injected clock function, and the bots move
when the front end calls :meth:`Session.move` (a window after a timer of
:meth:`Session.next_move_in` milliseconds, a test at once). Saving is the front end's too: a
Change with ``save`` set says the session's record (:attr:`Session.actions`,
:attr:`Session.room`) moved.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

import attrs

from consortium.engine.actions import (
    Action,
    CallVote,
    Declare,
    Deliberate,
    EndGame,
    Facilitated,
    IllegalAction,
    NameHolder,
    Place,
    Respond,
    Reveal,
    SitOut,
    Stay,
    Talk,
    Vote,
)
from consortium.engine.events import Event
from consortium.engine.game import check, facilitator_actions, legal_actions, step
from consortium.engine.happened import events_of
from consortium.engine.history import History
from consortium.engine.intros import may_pass_with
from consortium.engine.simulate import bot_action, seat_policy
from consortium.engine.state import Card, GameState, Mode, Phase, PublicState
from consortium.engine.views import PlayerView, player_view, public_view
from consortium.engine.what_if_bands import WhatIfResult
from consortium.play.clock import TalkClock
from consortium.play.early import early_actions
from consortium.play.printed import PublicAct, ballot_votes, slot_of, to_action
from consortium.play.records import Change, Notice, SessionView
from consortium.play.undo import (
    FAST_FORWARD,
    NO_GAME,
    UndoAnswer,
    redo_to_decision,
    undo_answer,
    undo_to_decision,
)
from consortium.store.notes import NO_NOTES, DebriefNotes, Predictions
from consortium.store.save_file import Room
from consortium.store.stored_what_if import StoredWhatIf
from consortium.store.table_code import table_code

ENTERED_ACT_REFUSED = "entered-act-refused"  # printed hands: one notice for any refusal
PIT_STOP_PACING = 4  # an all-bot game lingers on a pit stop this many bot paces

Listener = Callable[[Change], None]


def round_events(history: History) -> tuple[Event, ...]:
    """The Events of the current round so far, read from the recorded steps (when a game is
    taken over or an undo moved it, a front end did not watch them: a resumed pit stop still
    says what its round added)."""
    target = history.state.public.round
    steps = []
    for action, before, after in history.steps_back():
        steps.append((before, action, after))
        if before.public.round != target:
            break
    return tuple(e for before, action, after in reversed(steps)
                 for e in events_of(before, action, after))


class Session:
    """One game in play and the session around it; notifies listeners of every change."""

    def __init__(
        self, *, now: Callable[[], float] = time.monotonic, pacing_ms: int = 700
    ) -> None:
        self._now = now
        self.pacing_ms = pacing_ms
        self._history: History | None = None
        self._view = SessionView()
        self._clock = TalkClock(now)
        self._clock_before_pause = False  # Pause stops the clock; Resume starts it again
        self._pending: dict[int, bool] = {}
        # introductions chosen ahead: per seat, the slots for its next introductions in turn
        # (private: never in the SessionView, which the shared screen may show)
        self._ahead: dict[int, list[int | None]] = {}
        self._listeners: list[Listener] = []
        self.applied_at: float = 0.0  # perf_counter of the last applied action (benchmarks)

    # --- listening -----------------------------------------------------------------------

    def listen(self, listener: Listener) -> None:
        """Call ``listener(change)`` after every change, in the order listeners came."""
        self._listeners.append(listener)

    def unlisten(self, listener: Listener) -> None:
        """Stop calling ``listener`` (a front end that closes, a phone desk turned off)."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _tell(self, change: Change) -> None:
        for listener in self._listeners:
            listener(change)

    # --- reading -------------------------------------------------------------------------

    @property
    def has_game(self) -> bool:
        return self._history is not None

    @property
    def history(self) -> History:
        if self._history is None:
            raise RuntimeError("no game is in play")
        return self._history

    @property
    def state(self) -> GameState:
        """The full state: for the engine, saves, the debrief and tests only."""
        return self.history.state

    @property
    def view(self) -> PublicState:
        """The public view: what the shared screen may show."""
        return public_view(self.state)

    @property
    def session(self) -> SessionView:
        return self._view

    @property
    def actions(self) -> tuple[Action, ...]:
        """The action log from the start (what a save holds)."""
        return self._history.actions if self._history is not None else ()

    @property
    def room(self) -> Room:
        """What a save keeps of the session around the game."""
        s = self._view
        return Room(s.people, s.talk_clock, s.ended_early, round(self._clock.seconds(), 3),
                    s.printed_hands, s.notes, s.what_if)

    @property
    def clock(self) -> TalkClock:
        return self._clock

    def clock_minutes(self) -> int:
        return self._clock.minutes()

    def player_view(self, seat: int) -> PlayerView:
        """One seat's private view, only for the person whose turn it is."""
        state = self.state
        if seat != state.public.actor or not self._view.is_person(seat):
            raise PermissionError("a private view is shown only to the person whose turn it is")
        if self._view.printed_hands:
            raise PermissionError("with printed hands no private view is shown on any screen")
        return player_view(state, seat)

    def seat_actions(self, seat: int) -> list[Action]:
        """The legal choices of the acting person (shown to that person only)."""
        if self._history is None:
            return []
        state = self.state
        if seat != state.public.actor or not self._view.is_person(seat):
            return []
        if self._view.printed_hands:  # the choices are on the sheet, entered as public acts
            return []
        return legal_actions(state, seat)

    def group_actions(self) -> list[Action]:
        """The group decisions open now (empty during a seat's turn)."""
        if self._history is None or self.state.public.actor is not None:
            return []
        return legal_actions(self.state, None)

    def hidden_cards(self) -> list[tuple[int, int, Card]]:
        """(seat, slot, card) of every hidden card of a participant in the room, for the
        facilitator naming a holder. Never for the shared board."""
        if self._history is None or self._view.printed_hands:  # printed: the holder says it
            return []
        state = self.state
        return [
            (a.seat, a.slot, state.seats[a.seat].hand[a.slot])
            for a in facilitator_actions(state)
            if isinstance(a, NameHolder)
        ]

    # --- taking over a game --------------------------------------------------------------

    def take_over(self, history: History, people: tuple[bool, ...], *, talk_clock: bool,
                  ended_early: bool = False, talk_seconds: float = 0.0,
                  printed_hands: bool = False, notes: DebriefNotes = NO_NOTES,
                  practice: bool = False,
                  what_if: StoredWhatIf | None = None) -> None:
        """Play ``history`` from where it stands (a new game, a crafted state, a save): the
        listeners hear of a new game, with the view as its round began (a resumed pit stop
        says what its round added). ``practice``: the practice round (play/practice.py)."""
        self._history = history
        self._pending = {}
        self._ahead = {}
        # the talk clock goes on from the seconds a save carried (stopped: a resumed session
        # waits for the facilitator), only while there is talk to charge them to
        talking = history.state.public.phase in (Phase.DELIBERATION, Phase.PLACEMENT)
        self._clock = TalkClock(self._now, talk_seconds if talking else 0.0)
        self._clock_before_pause = False
        self._view = SessionView(
            people=people,
            talk_clock=talk_clock,
            clock_seconds=int(self._clock.seconds()),
            pending_votes=(None,) * len(people),
            ended_early=ended_early,
            printed_hands=printed_hands,
            notes=notes,
            practice=practice,
            what_if=what_if,
        )
        self._tell(Change.everything(self.view, self._view, round_events(history)))

    # --- acting --------------------------------------------------------------------------

    def submit(self, action: Action) -> bool:
        """Apply a legal action; a refused one leaves the game as it was and says why."""
        if self._history is None or self._view.ended_early:
            return False
        if self._view.paused:
            self._set(notice_code=Notice("paused"))
            return False
        try:
            check(self.state, action)
        except IllegalAction as refused:
            self._set(notice_code=Notice("refused", {
                "refusal": refused.code, "reason": refused.reason, **refused.arguments,
            }))
            return False
        self._apply(action)
        return True

    def _apply(self, action: Action, *, tell: bool = True) -> tuple[Event, ...]:
        history = self.history
        self.applied_at = time.perf_counter()
        stepped = step(history.state, action)
        new = stepped.state
        history.record(action, new)
        if new.public.phase is not Phase.VOTE:
            self._pending = {}
        if new.public.phase is not Phase.INTRODUCTIONS:
            self._ahead = {}
        selected = self._view.selected_seat
        if new.public.phase is not Phase.PLACEMENT:
            selected = None
        if new.public.phase is Phase.GAME_OVER:
            self._clock.stop()
        self._view = attrs.evolve(
            self._view,
            notice_code=None,
            selected_seat=selected,
            pending_votes=self._pending_tuple(),
            chosen_ahead=self._ahead_seats(),
            clock_running=self._clock.running,
            fast_forward=self._view.fast_forward and not new.over,
        )
        if tell:
            self._tell(Change.of_events(self.view, self._view, stepped.events))
        return stepped.events

    def _set(self, *, save: bool = False, **changes: object) -> None:
        """Change the session (not the game) and tell the listeners."""
        self._view = attrs.evolve(self._view, **changes)  # type: ignore[arg-type]
        if self._history is not None:
            self._tell(Change.session_only(self.view, self._view, save=save))

    def _pending_tuple(self) -> tuple[bool | None, ...]:
        if self._history is not None and self.state.public.secret_ballot:
            return (None,) * len(self._view.people)  # counted paper ballots: never shown
        return tuple(self._pending.get(s) for s in range(len(self._view.people)))

    # --- automation: bots, votes entered ahead -------------------------------------------

    def _automatic(self, state: GameState) -> bool:
        """Whether the next decision is taken without a person: a bot seat, the bot group
        when nobody is seated, everything while fast-forwarding."""
        public = state.public
        if public.phase is Phase.GAME_OVER:
            return False
        if self._view.fast_forward:
            return True
        seat = public.actor
        if seat is None:
            return not self._view.anyone_seated
        return not self._view.is_person(seat)

    def _queued_vote(self, state: GameState) -> int | None:
        seat = state.public.actor
        if seat is not None and seat in self._pending and state.public.phase is Phase.VOTE:
            return seat
        return None

    def _queued_reveal(self, state: GameState) -> int | None:
        seat = state.public.actor
        if seat is not None and self._ahead.get(seat) \
                and state.public.phase is Phase.INTRODUCTIONS:
            return seat
        return None

    def next_move_in(self) -> int | None:
        """In how many milliseconds the game moves by itself (then call :meth:`move`), or
        ``None`` when it waits for a person: a vote entered ahead goes in at once, a bot
        decides after the pacing (longer on a pit stop), fast-forward runs at once."""
        if self._history is None:
            return None
        state = self.state
        if self._view.paused or self._view.ended_early or state.over:
            return None
        if self._queued_vote(state) is not None or self._queued_reveal(state) is not None:
            return 0
        if not self._automatic(state):
            return None
        pace = 0 if self._view.fast_forward else self.pacing_ms
        if state.public.phase is Phase.PIT_STOP:
            pace *= PIT_STOP_PACING
        return pace

    def move(self, until: Callable[[], bool] = lambda: True) -> bool:
        """Take the automatic decision due now: a vote entered ahead, else a bot's. While
        fast-forwarding, the bots decide on until ``until()`` says stop (checked after each
        decision) or the game ends, and listeners hear of it once. Whether anything moved."""
        if self._history is None:
            return False
        state = self.state
        if self._view.paused or state.over:
            return False
        seat = self._queued_vote(state)
        if seat is not None:
            self._apply(Vote(seat, self._pending.pop(seat)))
            return True
        seat = self._queued_reveal(state)
        if seat is not None:
            slot = self._ahead[seat].pop(0)
            self._view = attrs.evolve(self._view, chosen_ahead=self._ahead_seats())
            if not self.submit(Reveal(seat, slot)):
                self._ahead.pop(seat, None)  # no longer possible: the person decides then
                self._set(chosen_ahead=self._ahead_seats())
            return True
        if not self._automatic(state):
            return False
        if not self._view.fast_forward:
            self._apply(bot_action(state, seat_policy(state, state.public.actor)))
            return True
        events: list[Event] = []
        while not state.over:
            events += self._apply(bot_action(state, seat_policy(state, state.public.actor)),
                                  tell=False)
            state = self.state
            if until():
                break
        self._tell(Change.of_events(self.view, self._view, tuple(events)))
        return True

    def cast_open_vote(self, seat: int, approve: bool) -> None:
        """Open hands: one person's vote, entered in any order; it is cast when that
        person's turn in the vote comes."""
        if self._history is None:
            return
        public = self.state.public
        if public.phase is not Phase.VOTE or public.secret_ballot:
            return
        if public.votes[seat] is not None or seat not in public.order:
            return
        if public.actor == seat:
            self.submit(Vote(seat, approve))
            return
        self._pending[seat] = approve
        self._set(pending_votes=self._pending_tuple())

    # --- printed hands: private acts entered as public acts (play/printed.py) ------------

    def enter_act(self, act: PublicAct) -> bool:
        """Printed hands: the facilitator enters what the acting seat did aloud; it goes in
        as the engine action a curtain game would have submitted."""
        if self._history is None or not self._view.printed_hands:
            return False
        if act.seat != self.state.public.actor:
            self._set(notice_code=Notice("refused", {"refusal": "not-your-turn",
                                                     "reason": "not this seat's turn"}))
            return False
        try:
            action = to_action(self.state, act)
            check(self.state, action)
        except IllegalAction:
            self._refuse_entered()
            return False
        return self.submit(action)

    def _refuse_entered(self) -> None:
        """An act entered for a printed hand was refused. The board shows one neutral notice
        whatever the reason: "not on the sheet" against "on it, but it does not match" would
        tell the room, guess by guess, which cards a seat holds."""
        self._set(notice_code=Notice("refused", {"refusal": ENTERED_ACT_REFUSED,
                                                 "reason": "check what was said"}))

    def enter_holder(self, seat: int, domain: str) -> bool:
        """Printed hands, "Name a holder": the holder said aloud which card of their sheet
        they hold; it becomes public for good (the engine's ``NameHolder``)."""
        if self._history is None or not self._view.printed_hands:
            return False
        try:
            slot = slot_of(self.state, seat, domain)
            check(self.state, NameHolder(seat, slot))
        except IllegalAction:
            self._refuse_entered()
            return False
        return self.name_holder(seat, slot)

    def enter_ballots(self, votes_for: int) -> bool:
        """Printed hands, secret ballot: the paper ballots of the people still to vote,
        counted (``votes_for`` said yes). Each goes in when its turn comes (the bots vote
        between them as usual)."""
        if self._history is None or not self._view.printed_hands:
            return False
        try:
            votes = ballot_votes(self.state, self._view.people, votes_for)
        except IllegalAction as refused:
            self._set(notice_code=Notice("refused", {
                "refusal": refused.code, "reason": refused.reason, **refused.arguments,
            }))
            return False
        if not votes:
            return False
        for vote in votes:
            self._pending[vote.seat] = vote.approve
        seat = self.state.public.actor
        if seat in self._pending:
            self._apply(Vote(seat, self._pending.pop(seat)))
        else:
            self._set()
        return True

    def cast_open_votes_for_the_rest(self, approve: bool = True) -> None:
        """Open hands in one step: every person who has not voted (nor been entered ahead)
        votes ``approve``; mark the exceptions first with :meth:`cast_open_vote`."""
        if self._history is None:
            return
        public = self.state.public
        if public.phase is not Phase.VOTE or public.secret_ballot:
            return
        for seat in public.order:
            if self._view.is_person(seat) and public.votes[seat] is None \
                    and seat not in self._pending:
                self._pending[seat] = approve
        self._set(pending_votes=self._pending_tuple())

    # --- introductions: chosen ahead, passes in public -----------------------------------

    def introductions_ahead(self, seat: int) -> int:
        """How many later introductions of this round ``seat`` may choose a card for now,
        during its turn in an introduction (0 outside a Plenary round's introductions)."""
        if self._history is None:
            return 0
        public = self.state.public
        if public.phase is not Phase.INTRODUCTIONS or public.actor != seat \
                or public.mode is Mode.HYBRID:
            return 0
        return max(0, public.intros_planned - public.intros_done - 1)

    def choose_ahead(self, seat: int, slots: Sequence[int | None]) -> bool:
        """The acting person picks now the card they will show in each later introduction of
        this round (``None``: pass, where the rules allow). Kept private in the session and
        applied when their turn in each introduction comes, in the engine's turn order, as the
        same ``Reveal`` actions one at a time would be (a save holds no difference). Call it
        before submitting this introduction's own ``Reveal``."""
        if self._history is None or not self._view.is_person(seat):
            return False
        if len(slots) > self.introductions_ahead(seat):
            return False
        public = self.state.public
        shown = public.participants[seat].public_cards
        picked = [slot for slot in slots if slot is not None]
        if len(set(picked)) != len(picked) or any(
            not 0 <= slot < len(shown) or shown[slot] is not None for slot in picked
        ):
            return False
        self._ahead[seat] = list(slots)
        self._set(chosen_ahead=self._ahead_seats())
        return True

    def _ahead_seats(self) -> tuple[int, ...]:
        """Seats whose next private act waits, chosen: an introduction's card, or a secret
        ballot (open hands entered ahead are public: ``pending_votes``)."""
        seats = {seat for seat, slots in self._ahead.items() if slots}
        if self._history is not None and self.state.public.secret_ballot:
            seats |= set(self._pending)
        return tuple(sorted(seats))

    # --- acts entered before their turn (play/early.py) -----------------------------------

    def early_actions(self, seat: int) -> list[Action]:
        """What person ``seat`` may enter now for its coming turn in this introduction or
        secret ballot (nothing once it has entered one: the choice stands)."""
        if self._history is None or not self._view.is_person(seat) or self._view.printed_hands \
                or self._view.paused or self._view.ended_early or self._view.fast_forward:
            return []
        if self._ahead.get(seat) or seat in self._pending:
            return []
        return early_actions(self.state, seat)

    def enter_early(self, action: Action) -> bool:
        """Keep ``action`` (one of :meth:`early_actions`) privately and apply it when its
        seat's turn comes, in the engine's turn order."""
        seat = getattr(action, "seat", None)
        if seat is None or action not in self.early_actions(seat):
            return False
        if isinstance(action, Reveal):
            self._ahead[seat] = [action.slot]
        elif isinstance(action, Vote):
            self._pending[seat] = action.approve
        self._set(chosen_ahead=self._ahead_seats())
        return True

    # --- phones --------------------------------------------------------------------------

    def set_on_phone(self, seat: int, on: bool) -> None:
        """``seat``'s private acts come from its player's phone (``on``) or from the curtain.
        Only a person's seat goes on a phone. Not saved: the links die with the program, so a
        resumed session starts at the curtain (docs/phones.md)."""
        if on and not self._view.is_person(seat):
            return
        phones = set(self._view.phones)
        phones = phones | {seat} if on else phones - {seat}
        if tuple(sorted(phones)) != self._view.phones:
            self._set(phones=tuple(sorted(phones)))

    def may_pass_in_public(self, seat: int) -> bool:
        """Whether the acting ``seat`` may pass this introduction, from public facts only (a
        Mixed round's non-newcomer, or someone with every card shown): a pass shows nothing,
        so the facilitator enters it without a curtain."""
        if self._history is None:
            return False
        public = self.state.public
        if public.phase is not Phase.INTRODUCTIONS or public.actor != seat:
            return False
        hides = any(card is None for card in public.participants[seat].public_cards)
        return may_pass_with(public, seat, hides_cards=hides)

    def pass_in_public(self, seat: int) -> bool:
        """The acting person passes this introduction, said aloud (no hand-off)."""
        if not self.may_pass_in_public(seat):
            return False
        return self.submit(Reveal(seat, None))

    # --- placement -----------------------------------------------------------------------

    def select_seat(self, seat: int | None) -> None:
        """Placement, first click: the participant to move."""
        if self._history is None or self.state.public.phase is not Phase.PLACEMENT:
            return
        if seat is not None and not any(
            isinstance(a, Place) and a.seat == seat for a in self.group_actions()
        ):
            self._set(notice_code=Notice("not-in-plenary"))
            return
        self._set(selected_seat=seat, notice_code=None)

    def place_selected(self, task_id: str | None) -> None:
        """Placement, second click: the task (``None`` takes the participant off)."""
        seat = self._view.selected_seat
        if seat is None:
            self._set(notice_code=Notice("choose-participant-first"))
            return
        self.place(seat, task_id)

    def place(self, seat: int, task_id: str | None) -> None:
        if self._history is None:
            return
        if self.state.public.board[seat] == task_id:
            self._set(selected_seat=None)
            return
        if self.submit(Place(seat, task_id)):
            self._set(selected_seat=None)

    def suggest_board(self) -> None:
        """Put the democratic bot's proposal (public information only) on the board."""
        if self._history is None:
            return
        state = self.state
        if state.public.phase is not Phase.PLACEMENT:
            return
        action = bot_action(state, seat_policy(state, None))
        if not isinstance(action, CallVote):
            self.submit(action)

    # --- talk and the talk clock ---------------------------------------------------------

    def finish_talk(self) -> None:
        """Deliberation: the plenary has talked; the clock's minutes are charged (or the
        rules' ``deliberation_cost`` with the clock off)."""
        minutes: int | None = None
        self._clock_before_pause = False
        if self._view.talk_clock:
            self._clock.stop()
            minutes = self._clock.minutes()
            self._clock.reset()
        self.submit(Deliberate(minutes))

    def call_vote(self) -> None:
        """Charge any talk on the clock since deliberation, then put the board to a vote."""
        if self._view.talk_clock:
            self._charge_talk()
        self.submit(CallVote())

    def _charge_talk(self) -> None:
        self._clock_before_pause = False
        self._clock.stop()
        minutes = self._clock.minutes()
        self._clock.reset()
        if minutes > 0 and self._history is not None \
                and self.state.public.phase is Phase.PLACEMENT:
            self.submit(Talk(minutes))

    def start_clock(self) -> None:
        if not self._view.talk_clock or self._history is None:
            return
        if self.state.public.phase not in (Phase.DELIBERATION, Phase.PLACEMENT):
            self._set(notice_code=Notice("clock-while-talking"))
            return
        self._clock.start()
        self._set(clock_running=True, clock_seconds=int(self._clock.seconds()))

    def stop_clock(self) -> None:
        self._clock_before_pause = False
        if self._history is not None and self.state.public.phase is Phase.PLACEMENT:
            self._charge_talk()
        else:
            self._clock.stop()
        self._set(clock_running=False, clock_seconds=int(self._clock.seconds()), save=True)

    def toggle_clock(self) -> None:
        """Start or stop the talk clock. A session set up without it can switch it on here
        (from then on talk is charged by the clock's minutes); the choice is saved."""
        if self._clock.running:
            self.stop_clock()
            return
        if self._view.paused:  # the clock waits for Resume; toggling cancels that
            resumes = self._clock_before_pause
            self._clock_before_pause = False
            self._set(notice_code=Notice("clock-stays-stopped" if resumes else "resume-first"))
            return
        if not self._view.talk_clock and self._history is not None:
            self._set(talk_clock=True, save=True)
        self.start_clock()

    def tick(self) -> None:
        """A second of the talk clock went by (the front end's timer, while it runs); each new
        started minute is saved, so a session resumed after a crash keeps its talk."""
        before = self._view.clock_seconds
        seconds = int(self._clock.seconds())
        self._set(clock_seconds=seconds, save=seconds // 60 != before // 60)

    # --- the session around the game -----------------------------------------------------

    def set_paused(self, paused: bool) -> None:
        """Pause stops the bots and the talk clock; Resume starts the clock again if it was
        running (the minutes on it stay)."""
        if paused:
            self._clock_before_pause = self._clock_before_pause or self._clock.running
            self._clock.stop()
        elif self._clock_before_pause:
            self._clock_before_pause = False
            if self._history is not None and self.state.public.phase in (
                Phase.DELIBERATION, Phase.PLACEMENT,
            ):
                self.start_clock()
        self._set(paused=paused, clock_running=self._clock.running, save=paused)

    def _facilitate(self, what: str, seat: int | None = None) -> None:
        """Record a facilitator's act in the public log (an engine ``Facilitated``), paused
        or not; nothing when the game is over."""
        if self._history is None or self.state.over:
            return
        action = Facilitated(what, seat)
        try:
            check(self.state, action)
        except IllegalAction:
            return
        self._apply(action)

    def set_person(self, seat: int, person: bool) -> None:
        """Replace an absent person by a bot (the group policy plays the seat) or back; the
        public log says so."""
        if person == self._view.is_person(seat):
            return
        people = list(self._view.people)
        people[seat] = person
        phones = self._view.phones
        if not person:  # what the person chose ahead goes with them; the bot decides
            self._ahead.pop(seat, None)
            if self._history is not None and self.state.public.secret_ballot:
                self._pending.pop(seat, None)
            phones = tuple(s for s in phones if s != seat)
        self._view = attrs.evolve(self._view, people=tuple(people), phones=phones,
                                  chosen_ahead=self._ahead_seats())
        self._facilitate("person" if person else "bot", seat)
        self._set(save=True)  # a resumed session knows who is a person

    def skip_turn(self) -> None:
        """Skip the acting seat's turn through a legal action: Stay, else sit out; own way
        in a declaration; decline an invitation; pass in an introduction when allowed.
        Where the rules offer no neutral choice (a card must be shown, a vote cast) the
        seat's bot decides this one turn."""
        if self._history is None:
            return
        state = self.state
        seat = state.public.actor
        if seat is None:
            return
        if self._view.paused:
            self._set(notice_code=Notice("paused"))
            return
        self._facilitate("skip", seat)  # in the log, then the turn's neutral choice
        state = self.state
        legal = legal_actions(state, seat)
        for candidate in (
            Stay(seat), SitOut(seat), Declare(seat, False), Respond(seat, False), Reveal(seat, None)
        ):
            if candidate in legal:
                self.submit(candidate)
                return
        self.submit(bot_action(state, seat_policy(state, seat)))

    def fast_forward(self) -> None:
        """Bots take every remaining decision, seats and group alike, to the end."""
        if self._history is None or self.state.over or self._view.ended_early:
            return
        self._clock.stop()
        self._view = attrs.evolve(self._view, paused=False)
        self._facilitate("fast-forward")
        self._set(fast_forward=True, paused=False, clock_running=False)

    def end_game(self) -> None:
        """End the game early through the engine's ``EndGame`` (in the action log, so a save
        replays it); the debrief covers the rounds played."""
        if self._history is None or self.state.over:
            return
        self._clock.stop()
        self._view = attrs.evolve(self._view, ended_early=True, fast_forward=False,
                                  paused=False, clock_running=False)
        self._apply(EndGame())

    def name_holder(self, seat: int, slot: int) -> bool:
        """Name who holds a card: it is shown to everyone, for good (in the log)."""
        return self.submit(NameHolder(seat, slot))

    # --- undo and redo -------------------------------------------------------------------

    def _people_decide(self, state: GameState) -> bool:
        """Whether a person or the facilitator takes the decision open in ``state`` (where
        one Undo stops)."""
        public = state.public
        if public.phase is Phase.GAME_OVER:
            return True
        if public.actor is None:
            return self._view.anyone_seated
        return self._view.is_person(public.actor)

    def undo_answer(self) -> UndoAnswer:
        """What one Undo would do now, and why not: read, nothing undone."""
        if self._history is None:
            return UndoAnswer(0, NO_GAME)
        if self._view.fast_forward:
            return UndoAnswer(0, FAST_FORWARD)
        return undo_answer(self._history, self._people_decide)

    @property
    def can_redo(self) -> bool:
        return (self._history is not None and self._history.can_redo
                and not self._view.fast_forward)

    def undo(self) -> bool:
        """Step back to the last decision a person or the facilitator made, never past a
        reveal. A refusal says why (a notice)."""
        answer = self.undo_answer()
        if not answer.possible or self._history is None:
            reveal = answer.reveal
            self._set(notice_code=Notice("cannot-undo", {
                "blocked_by": answer.blocked_by,
                "name": reveal.name if reveal else "",
                "title": reveal.title if reveal else "",
                "task": reveal.task if reveal else "",
            }))
            return False
        before = self.state
        undone = undo_to_decision(self._history, self._people_decide)
        self._rewound("undone", undone.steps, before)
        return True

    def redo(self) -> bool:
        """Go forward again over what Undo took back, to the next decision of a person."""
        if not self.can_redo or self._history is None:
            return False
        before = self.state
        self._rewound("redone", redo_to_decision(self._history, self._people_decide), before)
        return True

    def _rewound(self, code: str, steps: int, before: GameState) -> None:
        # a seat handed to a bot (or back) on the way: who plays it follows the game
        people = list(self._view.people)
        for seat, (was, now) in enumerate(zip(before.public.participants,
                                              self.state.public.participants, strict=True)):
            if was.is_bot != now.is_bot:
                people[seat] = not now.is_bot
        self._view = attrs.evolve(self._view, people=tuple(people))
        self._clock_before_pause = False  # the clock is reset; Resume leaves it so
        self._pending = {}
        self._ahead = {}
        self._view = attrs.evolve(self._view, chosen_ahead=())
        self._clock.stop()
        self._clock.reset()
        view = self.view
        actor = view.actor
        name = "" if actor is None else view.participants[actor].name
        self._view = attrs.evolve(
            self._view,
            notice_code=Notice(code, {"steps": steps, "actor": actor, "name": name}),
            selected_seat=None,
            pending_votes=(None,) * len(self._view.people),
            clock_running=False,
            clock_seconds=0,
            fast_forward=False,
            revealed=False,
        )
        # Everything redraws, and a curtain forgets any open hand: it comes down.
        self._tell(Change.everything(view, self._view, round_events(self.history), save=True))

    # --- the end -------------------------------------------------------------------------

    @property
    def can_reveal(self) -> bool:
        return self._history is not None and (self.state.over or self._view.ended_early)

    def reveal(self) -> None:
        """The end-of-game Reveal: every hand, holders and the concept names may be shown
        (a Change with ``debrief`` set; ``consortium.present`` builds the debrief)."""
        if not self.can_reveal or self._view.revealed:
            return
        self._view = attrs.evolve(self._view, revealed=True, debrief_screen=0)
        self._tell(Change.session_only(self.view, self._view, debrief=True))

    # --- the debrief: predictions, screens, the agreement --------------------------------

    def record_predictions(self, predictions: Predictions) -> bool:
        """The room's predictions, entered before the Reveal (after it the answers are on the
        board, so a prediction would be a guess of what everyone can see)."""
        if not self.can_reveal or self._view.revealed:
            return False
        self._set(notes=attrs.evolve(self._view.notes, predictions=predictions), save=True)
        return True

    def set_agreement(self, text: str) -> bool:
        """What the group agreed, typed in Transfer; kept as typed (trimmed), saved."""
        if not self.can_reveal:
            return False
        text = text.strip()
        if text != self._view.notes.agreement:
            self._set(notes=attrs.evolve(self._view.notes, agreement=text), save=True)
        return True

    def keep_what_if(self, result: WhatIfResult) -> bool:
        """Keep the what-if from round 1 with the session (saved with it, so a comparison of
        tables finds it: store/stored_what_if.py); whether it was kept. A what-if from a
        later round is the facilitator's question of the moment and is not kept."""
        if self._history is None or result.from_round != 1:
            return False
        start = self._history.start
        stored = StoredWhatIf.of(result, table_code(start.ctx.scenario, start.ctx.config))
        if stored != self._view.what_if:
            self._set(what_if=stored, save=True)
        return True

    def set_what_if_glance(self, on: bool) -> None:
        """The pit stop's optional what-if glance, on or off (the facilitator's choice)."""
        if on != self._view.what_if_glance:
            self._set(what_if_glance=on)

    def show_what_if_measure(self, measure: str) -> None:
        """Which measure the what-if screen's bands show (``impact``, ``jointholism``,
        ``lost``)."""
        if measure in ("impact", "jointholism", "lost") and \
                measure != self._view.what_if_measure:
            self._set(what_if_measure=measure)

    def show_debrief_screen(self, screen: int) -> None:
        """Which of the revealed debrief's screens the board shows (the facilitator steps
        through them)."""
        if self._view.revealed and screen != self._view.debrief_screen and screen >= 0:
            self._set(debrief_screen=screen)
