"""Small frozen records the controller hands to widgets.

``SessionView`` is the public part of the *session* (not the game): who is a person, whether
play is paused, the talk clock, open votes entered ahead of their turn. Everything in it may
be shown on the shared screen. ``Change`` is what one ``GameController.changed`` emission
carries: the public view plus flags saying which parts moved, so widgets redraw only their
part (ARCHITECTURE.md, "The shell").
"""

from __future__ import annotations

import attrs

from consortium.engine.scenario import Scenario
from consortium.engine.state import GameConfig, PublicState


@attrs.frozen
class SessionSetup:
    """What the new-session page produces: everything needed to start a game."""

    scenario: Scenario
    config: GameConfig
    talk_clock: bool = False


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
    fast_forward: bool = False
    ended_early: bool = False
    revealed: bool = False
    notice: str = ""  # the last refusal or hint, in plain words

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
    # With a game taken over from a save: the public view as the round began, so the pit
    # stop can say what this round added (a window that watched the round remembers it).
    round_start: PublicState | None = None

    @classmethod
    def everything(
        cls, view: PublicState, session: SessionView, round_start: PublicState | None = None
    ) -> Change:
        return cls(view, session, debrief=True, new_game=True, round_start=round_start)
