"""Small frozen records a :class:`~consortium.play.session.Session` hands to its front ends.

``SessionView`` is the public part of the *session* (not the game): who is a person, whether
play is paused, the talk clock, open votes entered ahead of their turn, the last notice.
Everything in it may be shown on the shared screen. ``Change`` is what one notification
carries (and the window's ``GameController.changed`` signal passes on): the public view, the
Events that caused it, and flags built from those Events saying which parts moved, so a
screen redraws only its part (ARCHITECTURE.md, "The shell").

A notice is a code with arguments (:class:`Notice`); ``consortium.present`` puts it into
words, and the window fills ``SessionView.notice`` with them before its widgets see it.
"""

from __future__ import annotations

import attrs

from consortium.engine.events import BOARD, LOG, PARTICIPANTS, PHASE, PIT_STOPS, TASKS, Event
from consortium.engine.events import touched as touched_by
from consortium.engine.scenario import Scenario
from consortium.engine.state import GameConfig, PublicState
from consortium.store.notes import NO_NOTES, DebriefNotes
from consortium.store.stored_what_if import StoredWhatIf


@attrs.frozen
class Notice:
    """The last refusal or hint, as a code and its arguments (words: ``consortium.present``).

    Codes: ``paused``; ``refused`` (``refusal``: the engine's code, ``reason``: its English,
    and the refusal's own arguments); ``not-in-plenary``; ``choose-participant-first``;
    ``clock-while-talking``; ``clock-stays-stopped``; ``resume-first``; ``cannot-undo``
    (``blocked_by``, and ``name``/``title`` of a reveal); ``undone`` and ``redone``
    (``steps``, ``actor``: the seat deciding now or ``None`` for the group, ``name``).
    """

    code: str
    args: dict[str, object] = attrs.field(factory=dict, hash=False)


@attrs.frozen
class SessionSetup:
    """What the new-session page produces: everything needed to start a game."""

    scenario: Scenario
    config: GameConfig
    talk_clock: bool = False
    printed_hands: bool = False  # hands on printed sheets: no curtain (docs/printed-hands.md)
    phones: bool = False  # every person's hand on their phone (docs/phones.md)
    practice: bool = False  # the unscored practice round before the game (play/practice.py)


@attrs.frozen
class SessionView:
    """Public facts about the session around the game (safe for the shared screen)."""

    people: tuple[bool, ...] = ()  # per seat: a person (True) or a bot (False)
    paused: bool = False
    talk_clock: bool = False  # the clock is used this session
    clock_running: bool = False
    clock_seconds: int = 0
    pending_votes: tuple[bool | None, ...] = ()  # open-hands votes entered ahead of the turn
    selected_seat: int | None = None  # placement: the participant clicked first
    # seats whose next private act was chosen ahead — an introduction's card, a secret
    # ballot (which card, which way, stays private): their turn goes in by itself, with no
    # curtain (play/early.py)
    chosen_ahead: tuple[int, ...] = ()
    # seats whose private acts come from the player's phone (docs/phones.md): no curtain for
    # them; the board waits for the phone
    phones: tuple[int, ...] = ()
    fast_forward: bool = False
    ended_early: bool = False
    revealed: bool = False
    notice_code: Notice | None = None  # the last refusal or hint
    notice: str = ""  # its words, filled in by the front end (play never words anything)
    printed_hands: bool = False  # hands on printed sheets: every act public, no curtain
    # the debrief: what the room predicted and agreed (said aloud, saved: store/notes.py), and
    # which of the debrief's screens the board shows (DEBRIEF_SCREENS)
    notes: DebriefNotes = NO_NOTES
    debrief_screen: int = 0
    what_if_measure: str = "impact"  # the what-if screen's measure: impact, jointholism, lost
    what_if_glance: bool = False  # the pit stop shows the what-if of the same deal so far
    practice: bool = False  # the practice round (play/practice.py): a coach line, no debrief
    # the what-if from round 1 as the save keeps it (store/stored_what_if.py), once worked out
    what_if: StoredWhatIf | None = None

    def on_phone(self, seat: int | None) -> bool:
        return seat is not None and seat in self.phones and self.is_person(seat)

    def is_person(self, seat: int | None) -> bool:
        return seat is not None and 0 <= seat < len(self.people) and self.people[seat]

    @property
    def anyone_seated(self) -> bool:
        return any(self.people)


@attrs.frozen
class Change:
    """One ``changed`` emission: the public view and which parts of the screen it touches."""

    view: PublicState
    session: SessionView
    phase: bool = True  # round, phase or whose turn it is
    tasks: bool = True
    participants: bool = True
    board: bool = True  # proposed placements and votes
    log: bool = True
    pit_stops: bool = True
    session_changed: bool = True
    debrief: bool = False  # the revealed debrief became available (or went, for a new game)
    new_game: bool = False  # a different game: forget everything remembered from the last
    # With a game taken over (a save, an undo): the Events of the current round so far, so
    # the pit stop can say what this round added (a window that watched the round has them
    # from each Change's ``events``).
    round_events: tuple[Event, ...] | None = None
    events: tuple[Event, ...] = ()  # what the game's actions caused (empty: session only)
    save: bool = False  # the session's record moved: a front end that saves saves now

    @classmethod
    def everything(
        cls, view: PublicState, session: SessionView,
        round_events: tuple[Event, ...] | None = None, *, save: bool = False,
    ) -> Change:
        return cls(view, session, debrief=True, new_game=True, round_events=round_events,
                   save=save)

    @classmethod
    def session_only(cls, view: PublicState, session: SessionView, *, save: bool = False,
                     debrief: bool = False) -> Change:
        """Only the session moved (a notice, the clock, a pause): the game is as it was."""
        return cls(view, session, phase=False, tasks=False, participants=False, board=False,
                   log=False, pit_stops=False, debrief=debrief, save=save)

    @classmethod
    def of_events(cls, view: PublicState, session: SessionView, events: tuple[Event, ...],
                  *, save: bool = True) -> Change:
        """The game moved: the parts of the screen the ``events`` touch."""
        parts = touched_by(events)
        return cls(
            view, session,
            phase=PHASE in parts, tasks=TASKS in parts, participants=PARTICIPANTS in parts,
            board=BOARD in parts, log=LOG in parts, pit_stops=PIT_STOPS in parts,
            events=events, save=save,
        )
