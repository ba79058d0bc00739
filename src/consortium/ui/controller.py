"""The one object that owns a game in play (ARCHITECTURE.md, "The shell").

``GameController`` holds the full state and the action log, applies every action through
``engine.apply`` (which re-checks it), lets bots take their decisions paced by a ``QTimer``,
and emits a single ``changed`` signal carrying a :class:`~consortium.ui.session.Change`: the
*public* view plus flags saying what moved. Widgets call :meth:`submit` (or one of the
facilitator helpers, which submit legal actions) and never touch state.

Bots run on the GUI thread one decision per timer tick: a decision costs under half a
millisecond here (measured over whole games), far below a frame. Fast-forward applies
decisions in chunks of at most ``CHUNK_SECONDS`` and yields to the event loop between chunks,
so the window keeps painting and answering (bench/latency.py shows the heartbeat).

The game's past is a store :class:`~consortium.store.history.History`: every state since the
start, so the facilitator's Undo steps back over the bots' moves to the last decision a
person or the facilitator made, never past a reveal, and Redo goes forward again. After
every action, undo and redo the game is handed to :class:`~consortium.ui.saving.Saving`
(autosave on a writer thread), and a session can be taken over from a save
(:meth:`resume`) exactly where it was.

The full state leaves this class only for the engine, for :meth:`reveal` (the end-of-game
debrief, built into a plain record), for saves, for the facilitator's "Name a holder"
dialog on the laptop (:meth:`hidden_cards`) and for tests that compare figures with the
engine's. The one private view it hands out is :meth:`player_view`, to the hand-off
curtain, for the person whose turn it is.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import attrs
from PySide6.QtCore import QObject, QTimer, Signal

from consortium.engine.actions import (
    Action,
    CallVote,
    Declare,
    Deliberate,
    EndGame,
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
from consortium.engine.game import apply, check, facilitator_actions, legal_actions, new_game
from consortium.engine.simulate import bot_action, seat_policy
from consortium.engine.state import Card, GameState, Phase, PublicState
from consortium.engine.views import PlayerView, player_view, public_view
from consortium.present.debrief_data import RevealedDebrief, build_debrief
from consortium.store.autosave import utc_now
from consortium.store.history import History
from consortium.store.locks import OwnerLock
from consortium.store.save_file import Room
from consortium.store.save_load import LoadedSave
from consortium.ui.saving import Saving
from consortium.ui.session import Change, SessionSetup, SessionView
from consortium.ui.talk_clock import TalkClock
from consortium.ui.undo_steps import redo_to_decision, rewind_notice, undo_block, undo_to_decision

CHUNK_SECONDS = 0.008  # fast-forward: at most this long between two event-loop turns
PIT_STOP_PACING = 4  # an all-bot game lingers on a pit stop this many bot paces


def round_start(history: History) -> PublicState:
    """The public view when the current round began: replayed from the start (only when a
    game is taken over, so a resumed pit stop shows what its round added)."""
    state = history.start
    target = history.state.public.round
    for action in history.actions:
        if state.public.round == target:
            break
        state = apply(state, action)
    return state.public


class GameController(QObject):
    """Owns the state; emits ``changed(Change)`` after every action and session change."""

    changed = Signal(object)

    def __init__(
        self,
        *,
        pacing_ms: int = 700,
        now: Callable[[], float] = time.monotonic,
        saving: Saving | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._pacing_ms = pacing_ms
        self._state: GameState | None = None
        self._history: History | None = None
        self.started_at: datetime = utc_now()  # when the session began (saves carry it)
        self.saving = saving  # None: nothing is saved (a crafted state, some tests)
        if saving is not None and saving.parent() is None:
            saving.setParent(self)
        self._session = SessionView()
        self._now = now
        self._clock = TalkClock(now)
        self._clock_before_pause = False  # Pause stops the clock; Resume starts it again
        self._debrief: RevealedDebrief | None = None
        self._pending: dict[int, bool] = {}
        self._bot_timer = QTimer(self)
        self._bot_timer.setSingleShot(True)
        self._bot_timer.timeout.connect(self._on_bot_timer_timeout)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(1000)
        self._clock_timer.timeout.connect(self._on_clock_timer_timeout)
        self.submitted_at: float = 0.0  # perf_counter of the last applied action (benchmarks)

    # --- reading ----------------------------------------------------------------------

    @property
    def has_game(self) -> bool:
        return self._state is not None

    @property
    def view(self) -> PublicState:
        """The public view: what the shared screen may show."""
        return public_view(self._game)

    @property
    def session(self) -> SessionView:
        return self._session

    @property
    def state(self) -> GameState:
        """The full state: for the engine, saves, the debrief builder and tests only."""
        return self._game

    @property
    def actions(self) -> tuple[Action, ...]:
        """The action log from the start (what a save holds)."""
        return self._history.actions if self._history is not None else ()

    @property
    def room(self) -> Room:
        """What a save keeps of the session around the game."""
        s = self._session
        return Room(s.people, s.talk_clock, s.ended_early)

    @property
    def debrief(self) -> RevealedDebrief | None:
        """The end-of-game debrief, available after :meth:`reveal`."""
        return self._debrief

    @property
    def busy(self) -> bool:
        """Whether a bot move (or a queued vote) is scheduled: the game will move by itself."""
        return self._bot_timer.isActive()

    @property
    def pacing_ms(self) -> int:
        return self._pacing_ms

    def set_pacing(self, ms: int) -> None:
        self._pacing_ms = max(0, ms)

    @property
    def _game(self) -> GameState:
        if self._state is None:
            raise RuntimeError("no game is in play")
        return self._state

    def player_view(self, seat: int) -> PlayerView:
        """One seat's private view, for the hand-off curtain of the person whose turn it is."""
        state = self._game
        if seat != state.public.actor or not self._session.is_person(seat):
            raise PermissionError("a private view is shown only to the person whose turn it is")
        return player_view(state, seat)

    def seat_actions(self, seat: int) -> list[Action]:
        """The legal choices of the acting person (shown behind the curtain only)."""
        state = self._game
        if seat != state.public.actor or not self._session.is_person(seat):
            return []
        return legal_actions(state, seat)

    def group_actions(self) -> list[Action]:
        """The group decisions open now (empty during a seat's turn)."""
        if self._state is None or self._state.public.actor is not None:
            return []
        return legal_actions(self._state, None)

    def clock_minutes(self) -> int:
        return self._clock.minutes()

    # --- starting -----------------------------------------------------------------------

    def start(self, setup: SessionSetup) -> None:
        """A new game from the new-session page, autosaved in a new session folder."""
        state = new_game(setup.scenario, setup.config)
        people = tuple(seat.bot is None for seat in setup.config.seats)
        self._take_over(History(state), people, talk_clock=setup.talk_clock)
        if self.saving is not None:
            self.saving.begin(state, started_at=self.started_at)
            self._autosave()

    def load(self, state: GameState, people: tuple[bool, ...], *, talk_clock: bool = False) -> None:
        """Take over a crafted state (tests, benchmarks). Not autosaved: a save is the action
        log from the start, and this state has none."""
        self._stop_saving()
        self._take_over(History(state), people, talk_clock=talk_clock)

    def resume(
        self, loaded: LoadedSave, *, folder: Path | None = None, lock: OwnerLock | None = None
    ) -> None:
        """Take over a save exactly where it was, the curtain down. ``folder``: the session's
        own folder (from the resume list), where saving goes on, with its ``lock`` when the
        window claimed it (:func:`~consortium.store.sessions.claim_session`); ``None`` for a
        file opened from elsewhere, which is never written to: saving goes to a new session
        folder. A game that is over is not saved again, and its lock is let go at once."""
        room = loaded.room
        people = tuple(room.people)
        self._take_over(loaded.history, people, talk_clock=room.talk_clock,
                        ended_early=room.ended_early, started_at=loaded.header.started_at)
        if self.saving is not None and not self._game.over and not room.ended_early:
            self.saving.begin(loaded.state, folder=folder, started_at=loaded.header.started_at,
                              lock=lock)
            self._autosave()  # marks the session open at once, and replaces a damaged newest
        elif lock is not None:
            lock.release()

    def _take_over(self, history: History, people: tuple[bool, ...], *, talk_clock: bool,
                   ended_early: bool = False, started_at: datetime | None = None) -> None:
        self._bot_timer.stop()
        self.started_at = started_at or utc_now()
        self._history = history
        self._state = history.state
        self._debrief = None
        self._pending = {}
        self._clock = TalkClock(self._clock._now)
        self._clock_before_pause = False
        self._clock_timer.stop()
        self._session = SessionView(
            people=people,
            talk_clock=talk_clock,
            pending_votes=(None,) * len(people),
            ended_early=ended_early,
        )
        self.changed.emit(Change.everything(self.view, self._session, round_start(history)))
        self._schedule()

    def shutdown(self) -> None:
        """The window closes: stop the bots and end the autosave cleanly (the session stays
        in the resume list; the next start offers no crash recovery)."""
        self._bot_timer.stop()
        self._clock_timer.stop()
        self._stop_saving()

    # --- saving -------------------------------------------------------------------------

    def _autosave(self) -> None:
        if self.saving is None or self._history is None:
            return
        self.saving.save(self._history.state, self._history.actions, self.room)
        if self._history.state.over:
            self.saving.close()  # a finished game: written, and its folder closed cleanly

    def _stop_saving(self) -> None:
        if self.saving is not None:
            self.saving.close()

    # --- acting -------------------------------------------------------------------------

    def submit(self, action: Action) -> bool:
        """Apply a legal action; a refused one leaves the game as it was and says why."""
        if self._state is None or self._session.ended_early:
            return False
        if self._session.paused:
            self._set_session(notice="The game is paused.")
            return False
        try:
            check(self._state, action)
        except IllegalAction as refused:
            self._set_session(notice=refused.reason)
            return False
        self._apply(action)
        return True

    def _apply(self, action: Action, *, emit: bool = True) -> None:
        old = self._game
        self.submitted_at = time.perf_counter()
        new = apply(old, action)
        self._state = new
        assert self._history is not None
        self._history.record(action, new)
        if new.public.phase is not Phase.VOTE:
            self._pending = {}
        selected = self._session.selected_seat
        if new.public.phase is not Phase.PLACEMENT:
            selected = None
        if new.public.phase is Phase.GAME_OVER:
            self._clock.stop()
            self._clock_timer.stop()
        self._session = attrs.evolve(
            self._session,
            notice="",
            selected_seat=selected,
            pending_votes=self._pending_tuple(),
            clock_running=self._clock.running,
            fast_forward=self._session.fast_forward and not new.over,
        )
        if emit:
            self._autosave()
            self._emit(old.public, new.public)
        self._schedule()

    def _emit(self, old: PublicState | None, new: PublicState) -> None:
        if old is None:
            self.changed.emit(Change.everything(new, self._session))
            return
        self.changed.emit(
            Change(
                new,
                self._session,
                phase=(old.phase, old.actor, old.round, old.turn, old.mode)
                != (new.phase, new.actor, new.round, new.turn, new.mode),
                tasks=old.tasks is not new.tasks and old.tasks != new.tasks,
                participants=old.participants is not new.participants
                and old.participants != new.participants,
                board=(old.board, old.votes, old.ballots) != (new.board, new.votes, new.ballots),
                log=len(old.log) != len(new.log),
                pit_stops=len(old.pit_stops) != len(new.pit_stops),
                session_changed=True,
            )
        )

    def _set_session(self, **changes: object) -> None:
        self._session = attrs.evolve(self._session, **changes)  # type: ignore[arg-type]
        if self._state is not None:
            view = self.view
            self.changed.emit(
                Change(view, self._session, phase=False, tasks=False, participants=False,
                       board=False, log=False, pit_stops=False)
            )

    def _pending_tuple(self) -> tuple[bool | None, ...]:
        n = len(self._session.people)
        return tuple(self._pending.get(s) for s in range(n))

    # --- automation: bots, queued votes -------------------------------------------------

    def _automatic(self, state: GameState) -> bool:
        """Whether the next decision is taken without a person: a bot seat, the bot group
        when nobody is seated, everything while fast-forwarding."""
        public = state.public
        if public.phase is Phase.GAME_OVER:
            return False
        if self._session.fast_forward:
            return True
        seat = public.actor
        if seat is None:
            return not self._session.anyone_seated
        return not self._session.is_person(seat)

    def _schedule(self) -> None:
        self._bot_timer.stop()
        state = self._state
        if state is None or self._session.paused or self._session.ended_early or state.over:
            return
        seat = state.public.actor
        if seat is not None and seat in self._pending and state.public.phase is Phase.VOTE:
            self._bot_timer.start(0)  # a vote entered ahead of its turn goes in at once
            return
        if not self._automatic(state):
            return
        pace = 0 if self._session.fast_forward else self._pacing_ms
        if state.public.phase is Phase.PIT_STOP:
            pace *= PIT_STOP_PACING
        self._bot_timer.start(pace)

    def _on_bot_timer_timeout(self) -> None:
        state = self._state
        if state is None or self._session.paused or state.over:
            return
        seat = state.public.actor
        if seat is not None and seat in self._pending and state.public.phase is Phase.VOTE:
            self._apply(Vote(seat, self._pending.pop(seat)))
            return
        if not self._automatic(state):
            return
        if not self._session.fast_forward:
            self._apply(bot_action(state, seat_policy(state, seat)))
            return
        old = state.public
        deadline = time.perf_counter() + CHUNK_SECONDS
        while not state.over and time.perf_counter() < deadline:
            self._apply(bot_action(state, seat_policy(state, state.public.actor)), emit=False)
            self._bot_timer.stop()
            state = self._game
        self._autosave()  # once per chunk: each save holds the whole log
        self._emit(old, state.public)  # schedules the next chunk via _apply's last _schedule
        self._schedule()

    # --- facilitator helpers (each submits legal actions only) -------------------------

    def cast_open_vote(self, seat: int, approve: bool) -> None:
        """Open hands: the facilitator enters one person's vote, in any order; it is cast
        when that person's turn in the vote comes."""
        state = self._game
        if state.public.phase is not Phase.VOTE or state.public.secret_ballot:
            return
        if state.public.votes[seat] is not None or seat not in state.public.order:
            return
        if state.public.actor == seat:
            self.submit(Vote(seat, approve))
            return
        self._pending[seat] = approve
        self._set_session(pending_votes=self._pending_tuple())
        self._schedule()

    def select_seat(self, seat: int | None) -> None:
        """Placement, first click: the participant to move."""
        if self._state is None or self._state.public.phase is not Phase.PLACEMENT:
            return
        if seat is not None and not any(
            isinstance(a, Place) and a.seat == seat for a in self.group_actions()
        ):
            self._set_session(notice="Only members of the plenary are placed on the board.")
            return
        self._set_session(selected_seat=seat, notice="")

    def place_selected(self, task_id: str | None) -> None:
        """Placement, second click: the task (``None`` takes the participant off)."""
        seat = self._session.selected_seat
        if seat is None:
            self._set_session(notice="Click a participant first, then a task.")
            return
        self.place(seat, task_id)

    def place(self, seat: int, task_id: str | None) -> None:
        if self._state is None:
            return
        if self._state.public.board[seat] == task_id:
            self._set_session(selected_seat=None)
            return
        if self.submit(Place(seat, task_id)):
            self._set_session(selected_seat=None)

    def suggest_board(self) -> None:
        """Put the democratic bot's proposal (public information only) on the board."""
        state = self._game
        if state.public.phase is not Phase.PLACEMENT:
            return
        action = bot_action(state, seat_policy(state, None))
        if not isinstance(action, CallVote):
            self.submit(action)

    def finish_talk(self) -> None:
        """Deliberation: the plenary has talked; the clock's minutes are charged (or
        ``deliberation_cost`` with the clock off)."""
        minutes: int | None = None
        self._clock_before_pause = False
        if self._session.talk_clock:
            self._clock.stop()
            minutes = self._clock.minutes()
            self._clock.reset()
            self._clock_timer.stop()
        self.submit(Deliberate(minutes))

    def call_vote(self) -> None:
        """Charge any talk on the clock since deliberation, then put the board to a vote."""
        if self._session.talk_clock:
            self._charge_talk()
        self.submit(CallVote())

    def _charge_talk(self) -> None:
        self._clock_before_pause = False
        self._clock.stop()
        minutes = self._clock.minutes()
        self._clock.reset()
        self._clock_timer.stop()
        if minutes > 0 and self._state is not None and self._state.public.phase is Phase.PLACEMENT:
            self.submit(Talk(minutes))

    def start_clock(self) -> None:
        if not self._session.talk_clock or self._state is None:
            return
        if self._state.public.phase not in (Phase.DELIBERATION, Phase.PLACEMENT):
            self._set_session(notice="The talk clock runs while the plenary talks.")
            return
        self._clock.start()
        self._clock_timer.start()
        self._set_session(clock_running=True, clock_seconds=int(self._clock.seconds()))

    def stop_clock(self) -> None:
        self._clock_before_pause = False
        if self._state is not None and self._state.public.phase is Phase.PLACEMENT:
            self._charge_talk()
        else:
            self._clock.stop()
            self._clock_timer.stop()
        self._set_session(clock_running=False, clock_seconds=int(self._clock.seconds()))

    def toggle_clock(self) -> None:
        """Start or stop the talk clock. A session set up without it can switch it on here
        (from then on talk is charged by the clock's minutes); the choice is saved."""
        if self._clock.running:
            self.stop_clock()
            return
        if self._session.paused:  # the clock waits for Resume; Ctrl+T cancels that
            resumes = self._clock_before_pause
            self._clock_before_pause = False
            self._set_session(notice="The talk clock stays stopped after the pause." if resumes
                              else "Resume first: the talk clock does not run in a pause.")
            return
        if not self._session.talk_clock and self._state is not None:
            self._set_session(talk_clock=True)
            self._autosave()
        self.start_clock()

    def _on_clock_timer_timeout(self) -> None:
        self._set_session(clock_seconds=int(self._clock.seconds()))

    def set_paused(self, paused: bool) -> None:
        """Pause stops the bots and the talk clock; Resume starts the clock again if it
        was running (the minutes on it stay)."""
        if paused:
            self._clock_before_pause = self._clock_before_pause or self._clock.running
            self._clock.stop()
            self._clock_timer.stop()
        elif self._clock_before_pause:
            self._clock_before_pause = False
            if self._state is not None and self._state.public.phase in (
                Phase.DELIBERATION, Phase.PLACEMENT,
            ):
                self.start_clock()
        self._set_session(paused=paused, clock_running=self._clock.running)
        self._schedule()

    def set_person(self, seat: int, person: bool) -> None:
        """Replace an absent person by a bot (the group policy plays the seat) or back."""
        people = list(self._session.people)
        people[seat] = person
        self._set_session(people=tuple(people))
        self._autosave()  # a resumed session knows who is a person
        self._schedule()

    def skip_turn(self) -> None:
        """Skip the acting seat's turn through a legal action: Stay, else sit out; own way
        in a declaration; decline an invitation; pass in an introduction when allowed.
        Where the rules offer no neutral choice (a card must be shown, a vote cast) the
        seat's bot decides this one turn."""
        state = self._game
        seat = state.public.actor
        if seat is None:
            return
        legal = legal_actions(state, seat)
        for candidate in (
            Stay(seat),
            SitOut(seat),
            Declare(seat, False),
            Respond(seat, False),
            Reveal(seat, None),
        ):
            if candidate in legal:
                self.submit(candidate)
                return
        self.submit(bot_action(state, seat_policy(state, seat)))

    def fast_forward(self) -> None:
        """Bots take every remaining decision, seats and group alike, to the end."""
        if self._state is None or self._state.over or self._session.ended_early:
            return
        self._clock.stop()
        self._clock_timer.stop()
        self._set_session(fast_forward=True, paused=False, clock_running=False)
        self._schedule()

    def end_game(self) -> None:
        """End the game early through the engine's ``EndGame`` (in the action log, so a save
        replays it); the debrief covers the rounds played."""
        if self._state is None or self._state.over:
            return
        self._bot_timer.stop()
        self._clock.stop()
        self._clock_timer.stop()
        self._session = attrs.evolve(self._session, ended_early=True, fast_forward=False,
                                     paused=False, clock_running=False)
        self._apply(EndGame())

    # --- undo, redo, naming a holder --------------------------------------------------

    def _people_decide(self, state: GameState) -> bool:
        """Whether a person or the facilitator takes the decision open in ``state`` (where
        one Undo stops)."""
        public = state.public
        if public.phase is Phase.GAME_OVER:
            return True
        if public.actor is None:
            return self._session.anyone_seated
        return self._session.is_person(public.actor)

    def undo_blocked(self) -> str | None:
        """Why Undo is not possible now (shown beside the greyed-out menu item), or None."""
        if self._history is None:
            return "no game is in play"
        if self._session.fast_forward:
            return "the bots are fast-forwarding"
        return undo_block(self._history, self._people_decide)

    @property
    def can_redo(self) -> bool:
        return (self._history is not None and self._history.can_redo
                and not self._session.fast_forward)

    def undo(self) -> bool:
        """Step back to the last decision a person or the facilitator made, never past a
        reveal; the curtain comes down. A refusal says why on the board."""
        why = self.undo_blocked()
        if why is not None or self._history is None:
            self._set_session(notice=f"Cannot undo: {why}.")
            return False
        steps = undo_to_decision(self._history, self._people_decide)
        self._rewound("Undone", steps)
        return True

    def redo(self) -> bool:
        """Go forward again over what Undo took back, to the next decision of a person."""
        if not self.can_redo or self._history is None:
            return False
        steps = redo_to_decision(self._history, self._people_decide)
        self._rewound("Redone", steps)
        return True

    def _rewound(self, verb: str, steps: int) -> None:
        self._clock_before_pause = False  # the clock is reset below; Resume leaves it so
        assert self._history is not None
        self._bot_timer.stop()
        self._state = self._history.state
        self._debrief = None
        self._pending = {}
        self._clock.stop()
        self._clock.reset()
        self._clock_timer.stop()
        self._session = attrs.evolve(
            self._session,
            notice=rewind_notice(verb, self.view, steps),
            selected_seat=None,
            pending_votes=(None,) * len(self._session.people),
            clock_running=False,
            clock_seconds=0,
            fast_forward=False,
            revealed=False,
        )
        self._autosave()
        # Everything redraws, and the curtain forgets any open hand: it comes down.
        self.changed.emit(Change.everything(self.view, self._session))
        self._schedule()

    def hidden_cards(self) -> list[tuple[int, int, Card]]:
        """(seat, slot, card) of every hidden card of a participant in the room, for the
        facilitator's "Name a holder" dialog on the laptop. Never for the shared board."""
        if self._state is None:
            return []
        state = self._state
        return [
            (a.seat, a.slot, state.seats[a.seat].hand[a.slot])
            for a in facilitator_actions(state)
            if isinstance(a, NameHolder)
        ]

    def name_holder(self, seat: int, slot: int) -> bool:
        """Name who holds a card: it is shown to everyone, for good (the engine's
        ``NameHolder``, in the log)."""
        return self.submit(NameHolder(seat, slot))

    @property
    def can_reveal(self) -> bool:
        return self._state is not None and (self._state.over or self._session.ended_early)

    def reveal(self) -> None:
        """The end-of-game Reveal: every hand, holders, and the concept names."""
        if not self.can_reveal or self._debrief is not None:
            return
        self._debrief = build_debrief(self._game, ended_early=self._session.ended_early)
        self._session = attrs.evolve(self._session, revealed=True)
        self.changed.emit(
            Change(self.view, self._session, phase=False, tasks=False, participants=False,
                   board=False, log=False, pit_stops=False, debrief=True)
        )
