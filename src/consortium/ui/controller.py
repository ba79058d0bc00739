"""The window's hold on a game in play (ARCHITECTURE.md, "The shell"): a thin QObject over a
:class:`~consortium.play.session.Session`.

The game's logic (actions through ``engine.step``, bots, votes entered ahead, placement,
talk charging, the talk clock, the undo policy, reveal) lives in ``consortium.play``, so a
second front end (a phone page, a second table) drives the same session without Qt. What is
left here is what only a window needs:

- **timers**: the bots' pacing (one ``QTimer``, started for :meth:`Session.next_move_in`) and
  the talk clock's second hand;
- **one signal**, ``changed(Change)``: the session's own notification, with the notice put
  into words (``consortium.present``) for the widgets;
- **autosave**: every Change with ``save`` set goes to :class:`~consortium.ui.saving.Saving`
  (a writer thread); a session can be taken over from a save (:meth:`resume`);
- the debrief, built by ``consortium.present`` when the session is revealed.

Bots run on the GUI thread one decision per timer tick: a decision costs under half a
millisecond here (measured over whole games), far below a frame. Fast-forward applies
decisions in chunks of at most ``CHUNK_SECONDS`` and yields to the event loop between chunks,
so the window keeps painting and answering (bench/latency.py shows the heartbeat). It yields
for as long as the chunk took with the widgets' redraw of it (at most ``YIELD_SECONDS``): a
chunk's redraw costs more than its 8 ms of bots (the board's cards and chips, the laptop's
panel), and its paint and the board's fit follow in the next turn, so a chunk started at
once would run in the same turn as those, with no turn between for anything else (issue 14:
the stalls while the what-if is computed; bench/what_if.py). The window thus spends at most
about half its time on fast-forward.

The full state leaves this class only for the engine, the debrief, saves, the facilitator's
"Name a holder" dialog on the laptop (:meth:`hidden_cards`) and for tests that compare
figures with the engine's. The one private view it hands out is :meth:`player_view`, to the
hand-off curtain, for the person whose turn it is.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import attrs
from PySide6.QtCore import QObject, QTimer, Signal

from consortium.engine.actions import Action
from consortium.engine.game import new_game
from consortium.engine.history import History
from consortium.engine.state import Card, Catalog, GameState, PublicState
from consortium.engine.views import PlayerView
from consortium.engine.what_if_bands import WhatIfResult
from consortium.play.printed import PublicAct
from consortium.play.records import Change, SessionSetup, SessionView
from consortium.play.session import Session, round_events
from consortium.present.debrief_data import RevealedDebrief, build_debrief
from consortium.present.event_words import notice_text, undo_answer_text
from consortium.present.predictions import HolderQuestion, holder_question
from consortium.store.autosave import utc_now
from consortium.store.locks import OwnerLock
from consortium.store.notes import NO_NOTES, DebriefNotes, Predictions
from consortium.store.save_file import Room
from consortium.store.save_load import LoadedSave
from consortium.store.stored_what_if import StoredWhatIf
from consortium.ui.saving import Saving
from consortium.ui.what_if_runner import WhatIfRunner

CHUNK_SECONDS = 0.008  # fast-forward: at most this long between two event-loop turns
YIELD_SECONDS = 0.05  # fast-forward: the longest wait for the next chunk (module docstring)


class GameController(QObject):
    """Runs a :class:`Session` in the window; emits ``changed(Change)`` after every change."""

    changed = Signal(object)

    def __init__(
        self,
        *,
        pacing_ms: int = 700,
        now: Callable[[], float] = time.monotonic,
        saving: Saving | None = None,
        what_if_seeds: int = 0,
        what_if_workers: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.play = Session(now=now, pacing_ms=pacing_ms)
        self.play.listen(self._on_session_changed)
        # the debrief's what-if (ui/what_if_runner.py): ``what_if_seeds`` runs per policy,
        # 0 for none (the program asks for 100; most tests for none)
        self.what_if: WhatIfRunner | None = None
        if what_if_seeds > 0:
            self.what_if = WhatIfRunner(self.play, seeds=what_if_seeds,
                                        workers=what_if_workers, parent=self)
        self.started_at: datetime = utc_now()  # when the session began (saves carry it)
        self.saving = saving  # None: nothing is saved (a crafted state, some tests)
        if saving is not None and saving.parent() is None:
            saving.setParent(self)
        self._debrief: RevealedDebrief | None = None
        self._question: tuple[object, HolderQuestion | None] | None = None
        self._scheduled_for: tuple[object, ...] = ()
        self._chunk_started = 0.0  # perf_counter when the bot timer fired, during its chunk
        self._worded_session: tuple[SessionView, SessionView] | None = None
        self._bot_timer = QTimer(self)
        self._bot_timer.setSingleShot(True)
        self._bot_timer.timeout.connect(self._on_bot_timer_timeout)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(1000)
        self._clock_timer.timeout.connect(self.play.tick)

    # --- reading ----------------------------------------------------------------------

    @property
    def has_game(self) -> bool:
        return self.play.has_game

    @property
    def view(self) -> PublicState:
        """The public view: what the shared screen may show."""
        return self.play.view

    @property
    def session(self) -> SessionView:
        """The session as the widgets see it: its notice in words."""
        return self._worded(self.play.session)

    def _worded(self, session: SessionView) -> SessionView:
        """``session`` with its notice put into words (``consortium.present``)."""
        cached = self._worded_session
        if cached is not None and cached[0] is session:
            return cached[1]
        words = notice_text(session.notice_code, self._texts())
        worded = session if words == session.notice else attrs.evolve(session, notice=words)
        self._worded_session = (session, worded)
        return worded

    @property
    def state(self) -> GameState:
        """The full state: for the engine, saves, the debrief builder and tests only."""
        return self.play.state

    @property
    def actions(self) -> tuple[Action, ...]:
        """The action log from the start (what a save holds)."""
        return self.play.actions

    @property
    def room(self) -> Room:
        """What a save keeps of the session around the game."""
        return self.play.room

    def what_if_result(self) -> WhatIfResult | None:
        """The what-if band with the group's own result, when worked out (bots, not people)."""
        return self.what_if.result() if self.what_if is not None else None

    def debrief_question(self) -> HolderQuestion | None:
        """The second prediction's task (public once the game is over), for the board and
        the facilitator's form; never who held it."""
        if not self.play.has_game or not self.play.can_reveal:
            return None
        key = (self.play.history, len(self.play.actions))
        if self._question is None or self._question[0] != key:
            self._question = (key, holder_question(self.state))
        return self._question[1]

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
        return self.play.pacing_ms

    def set_pacing(self, ms: int) -> None:
        self.play.pacing_ms = max(0, ms)

    @property
    def submitted_at(self) -> float:
        """perf_counter of the last applied action (benchmarks)."""
        return self.play.applied_at

    def player_view(self, seat: int) -> PlayerView:
        """One seat's private view, for the hand-off curtain of the person whose turn it is."""
        return self.play.player_view(seat)

    def seat_actions(self, seat: int) -> list[Action]:
        """The legal choices of the acting person (shown behind the curtain only)."""
        return self.play.seat_actions(seat)

    def group_actions(self) -> list[Action]:
        """The group decisions open now (empty during a seat's turn)."""
        return self.play.group_actions()

    def clock_minutes(self) -> int:
        return self.play.clock_minutes()

    def hidden_cards(self) -> list[tuple[int, int, Card]]:
        """(seat, slot, card) of every hidden card of a participant in the room, for the
        facilitator's "Name a holder" dialog on the laptop. Never for the shared board."""
        return self.play.hidden_cards()

    # --- starting -----------------------------------------------------------------------

    def start(self, setup: SessionSetup) -> None:
        """A new game from the new-session page, autosaved in a new session folder. The
        practice round (play/practice.py) is not saved: nothing of it is resumed or
        reported."""
        state = new_game(setup.scenario, setup.config)
        people = tuple(seat.bot is None for seat in setup.config.seats)
        if setup.practice:
            self._stop_saving()  # the game before it (if any) is saved up to here
        self._take_over(History(state), people, talk_clock=setup.talk_clock,
                        printed_hands=setup.printed_hands, practice=setup.practice)
        if self.saving is not None and not setup.practice:
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
        folder. A game that is over is saved on only from its own folder (its debrief's
        notes); from elsewhere it is only read, and a lock is let go at once."""
        room = loaded.room
        self._take_over(loaded.history, tuple(room.people), talk_clock=room.talk_clock,
                        ended_early=room.ended_early, started_at=loaded.header.started_at,
                        talk_seconds=room.talk_seconds, printed_hands=room.printed_hands,
                        notes=room.notes, what_if=room.what_if)
        finished = self.state.over or room.ended_early
        if self.saving is not None and (not finished or folder is not None):
            # a finished game from its own folder is saved on too: the debrief's predictions
            # and agreement go into it (a finished file from elsewhere is only read)
            self.saving.begin(loaded.state, folder=folder, started_at=loaded.header.started_at,
                              lock=lock)
            if not finished:
                self._autosave()  # marks the session open at once, replaces a damaged newest
        elif lock is not None:
            lock.release()

    def _take_over(self, history: History, people: tuple[bool, ...], *, talk_clock: bool,
                   ended_early: bool = False, started_at: datetime | None = None,
                   talk_seconds: float = 0.0, printed_hands: bool = False,
                   notes: DebriefNotes = NO_NOTES, practice: bool = False,
                   what_if: StoredWhatIf | None = None) -> None:
        self._bot_timer.stop()
        self.started_at = started_at or utc_now()
        self._debrief = None
        self._scheduled_for = ()
        self.play.take_over(history, people, talk_clock=talk_clock, ended_early=ended_early,
                            talk_seconds=talk_seconds, printed_hands=printed_hands,
                            notes=notes, practice=practice, what_if=what_if)

    def retell(self) -> None:
        """Tell the widgets the whole game again, as at a resume: for a game screen built
        anew (a language change; ui/shell/main_window.py). Nothing in the game changes and
        nothing is saved; the debrief and the notice are put into words anew; other front
        ends (the phones) hear nothing, since nothing happened."""
        play = self.play
        if not play.has_game:
            return
        self._worded_session = None
        self._on_session_changed(
            Change.everything(play.view, play.session, round_events(play.history)))

    def shutdown(self) -> None:
        """The window closes: stop the bots and end the autosave cleanly (the session stays
        in the resume list; the next start offers no crash recovery)."""
        self._bot_timer.stop()
        self._clock_timer.stop()
        if self.what_if is not None:
            self.what_if.cancel()
        self._stop_saving()

    # --- the session's one notification ----------------------------------------------

    def _on_session_changed(self, change: Change) -> None:
        """Save, word the notice, tell the widgets, and set the timers for what comes."""
        if change.save:
            self._autosave()
        if change.new_game:
            self._debrief = None
        if change.debrief and change.session.revealed and self._debrief is None:
            self._debrief = build_debrief(self.state, ended_early=change.session.ended_early)
        worded = self._worded(change.session)
        if worded is not change.session:
            change = attrs.evolve(change, session=worded)
        if self.what_if is not None:
            self.what_if.follow(change)
        self.changed.emit(change)
        self._sync_clock_timer()
        self._schedule()

    def _sync_clock_timer(self) -> None:
        if self.play.clock.running:
            if not self._clock_timer.isActive():
                self._clock_timer.start()
        else:
            self._clock_timer.stop()

    def _schedule(self) -> None:
        """(Re)start the bot timer when what the game waits for changed: the state, a pause,
        fast-forward, who is a person, a vote entered ahead. A clock tick or a notice
        leaves a pending bot move as it is."""
        play = self.play
        if not play.has_game:
            return
        s = play.session
        state = play.state
        waits_for = (s.paused, s.fast_forward, s.people, s.pending_votes, s.ended_early,
                     s.chosen_ahead)
        before = self._scheduled_for
        if before and before[0] is state and before[1] == waits_for:
            return
        self._scheduled_for = (state, waits_for)
        self._bot_timer.stop()
        delay = play.next_move_in()
        if delay == 0 and s.fast_forward and self._chunk_started:
            # the chunk and its redraw so far: as long again for the paint, the fit and
            # whatever else waits (module docstring)
            took = time.perf_counter() - self._chunk_started
            delay = round(min(took, YIELD_SECONDS) * 1000)
        if delay is not None:
            self._bot_timer.start(delay)

    def _on_bot_timer_timeout(self) -> None:
        self._chunk_started = time.perf_counter()
        deadline = self._chunk_started + CHUNK_SECONDS
        self._scheduled_for = ()  # whatever comes next is scheduled afresh
        try:
            if not self.play.move(until=lambda: time.perf_counter() >= deadline):
                self._schedule()
        finally:
            self._chunk_started = 0.0  # fast-forward asked for later starts at once

    # --- saving -------------------------------------------------------------------------

    def _autosave(self) -> None:
        if self.saving is None or not self.play.has_game or self.play.session.practice:
            return  # the practice round is never saved (play/practice.py)
        history = self.play.history
        self.saving.save(history.state, history.actions, self.room)
        # A finished game's folder stays open through the debrief: the room's predictions
        # and agreement are saved into it as they are entered; it closes cleanly when the
        # window closes or the next session begins.

    def _stop_saving(self) -> None:
        if self.saving is not None:
            self.saving.close()

    # --- acting: each delegates to the session ----------------------------------------

    def submit(self, action: Action) -> bool:
        """Apply a legal action; a refused one leaves the game as it was and says why."""
        return self.play.submit(action)

    def cast_open_vote(self, seat: int, approve: bool) -> None:
        self.play.cast_open_vote(seat, approve)

    def introductions_ahead(self, seat: int) -> int:
        return self.play.introductions_ahead(seat)

    def choose_ahead(self, seat: int, slots: list[int]) -> bool:
        return self.play.choose_ahead(seat, slots)

    def may_pass_in_public(self, seat: int) -> bool:
        return self.play.may_pass_in_public(seat)

    def pass_in_public(self, seat: int) -> bool:
        return self.play.pass_in_public(seat)

    def cast_open_votes_for_the_rest(self) -> None:
        self.play.cast_open_votes_for_the_rest(True)

    def select_seat(self, seat: int | None) -> None:
        self.play.select_seat(seat)

    def place_selected(self, task_id: str | None) -> None:
        self.play.place_selected(task_id)

    def place(self, seat: int, task_id: str | None) -> None:
        self.play.place(seat, task_id)

    def suggest_board(self) -> None:
        self.play.suggest_board()

    def finish_talk(self) -> None:
        self.play.finish_talk()

    def call_vote(self) -> None:
        self.play.call_vote()

    def start_clock(self) -> None:
        self.play.start_clock()

    def stop_clock(self) -> None:
        self.play.stop_clock()

    def toggle_clock(self) -> None:
        self.play.toggle_clock()

    def set_paused(self, paused: bool) -> None:
        self.play.set_paused(paused)

    def set_person(self, seat: int, person: bool) -> None:
        self.play.set_person(seat, person)

    def skip_turn(self) -> None:
        self.play.skip_turn()

    def fast_forward(self) -> None:
        self.play.fast_forward()

    def end_game(self) -> None:
        self._bot_timer.stop()
        self.play.end_game()

    def name_holder(self, seat: int, slot: int) -> bool:
        return self.play.name_holder(seat, slot)

    # --- printed hands (play/printed.py) -----------------------------------------------

    def enter_act(self, act: PublicAct) -> bool:
        return self.play.enter_act(act)

    def enter_holder(self, seat: int, domain: str) -> bool:
        return self.play.enter_holder(seat, domain)

    def enter_ballots(self, votes_for: int) -> bool:
        return self.play.enter_ballots(votes_for)

    # --- undo, redo, reveal -------------------------------------------------------------

    def undo_blocked(self) -> str | None:
        """Why Undo is not possible now (shown beside the greyed-out menu item), or None."""
        return undo_answer_text(self.play.undo_answer(), self._texts())

    def _texts(self) -> Catalog | None:
        """The game's scenario texts, to name its tasks in the reader's language."""
        return self.view.catalog if self.play.has_game else None

    @property
    def can_redo(self) -> bool:
        return self.play.can_redo

    def undo(self) -> bool:
        return self.play.undo()

    def redo(self) -> bool:
        return self.play.redo()

    @property
    def can_reveal(self) -> bool:
        return self.play.can_reveal

    def reveal(self) -> None:
        """The end-of-game Reveal: every hand, holders, and the concept names."""
        self.play.reveal()

    def record_predictions(self, predictions: Predictions) -> bool:
        return self.play.record_predictions(predictions)

    def set_agreement(self, text: str) -> bool:
        return self.play.set_agreement(text)

    def show_debrief_screen(self, screen: int) -> None:
        self.play.show_debrief_screen(screen)

    def show_what_if_measure(self, measure: str) -> None:
        self.play.show_what_if_measure(measure)

    def set_what_if_glance(self, on: bool) -> None:
        self.play.set_what_if_glance(on)
