"""Phases as data: what each phase allows, who acts in it, how it is entered, and which phases
each mode runs through (ARCHITECTURE.md, "Phases as data").

A rule that completes a phase sets ``phase_done``; :func:`settle` then enters the next phase
of the mode's sequence, skipping any that do not apply (``enter`` returns ``None``), and after
the last one resolves the work and opens the pit stop.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import attrs

from consortium.engine import intros, perspective, plenary, turns
from consortium.engine.actions import (
    CallVote,
    ChooseMode,
    Continue,
    Declare,
    Deliberate,
    Initiate,
    Invite,
    Join,
    NoInvite,
    Place,
    ProposeBoard,
    Respond,
    Reveal,
    SetIntroductions,
    SitOut,
    Stay,
    Talk,
    Vote,
)
from consortium.engine.events import GameOver, ModeStarted
from consortium.engine.ops import evolve_public, log
from consortium.engine.round_start import begin_round
from consortium.engine.state import GameState, Mode, Phase
from consortium.engine.turn_order import group_phase
from consortium.engine.work import resolve_work

Enter = Callable[[GameState], GameState | None]


@attrs.frozen
class PhaseRule:
    actor: Literal["group", "seat"]
    actions: tuple[type, ...]
    enter: Enter | None


PHASES: dict[Phase, PhaseRule] = {
    Phase.MODE_CHOICE: PhaseRule("group", (ChooseMode,), None),
    Phase.INTRO_COUNT: PhaseRule("group", (SetIntroductions,), intros.enter_intro_count),
    Phase.INTRODUCTIONS: PhaseRule("seat", (Reveal,), intros.enter_introductions),
    Phase.DECLARE: PhaseRule("seat", (Declare,), turns.enter_declare),
    Phase.TURNS: PhaseRule("seat", (Stay, Initiate, Join, SitOut), turns.enter_turns),
    Phase.DELIBERATION: PhaseRule("group", (Deliberate,), plenary.enter_deliberation),
    Phase.PLACEMENT: PhaseRule(
        "group", (Place, ProposeBoard, Talk, CallVote), plenary.enter_placement
    ),
    Phase.VOTE: PhaseRule("seat", (Vote,), plenary.enter_vote),
    Phase.PERSPECTIVE_CHECK: PhaseRule("group", (Invite, NoInvite), perspective.enter_check),
    Phase.INVITATION: PhaseRule("seat", (Respond,), perspective.enter_invitation),
    Phase.PIT_STOP: PhaseRule("group", (Continue,), None),
    Phase.GAME_OVER: PhaseRule("group", (), None),
}

SEQUENCE: dict[Mode, tuple[Phase, ...]] = {
    Mode.DEMOCRATIC: (
        Phase.INTRO_COUNT,
        Phase.INTRODUCTIONS,
        Phase.DELIBERATION,
        Phase.PLACEMENT,
        Phase.VOTE,
    ),
    Mode.SELF_SELECTION: (Phase.TURNS,),
    Mode.HYBRID: (
        Phase.INTRODUCTIONS,
        Phase.DECLARE,
        Phase.TURNS,
        Phase.DELIBERATION,
        Phase.PLACEMENT,
        Phase.VOTE,
        Phase.PERSPECTIVE_CHECK,
        Phase.INVITATION,
    ),
}


# What follows each phase of each mode, as the ``enter`` functions to try in order, keyed by
# the members' names (``settle`` runs after every action; a str key hashes in C where an
# Enum key calls ``Enum.__hash__``). Derived once from PHASES and SEQUENCE.
_ENTERS_AFTER: dict[tuple[str, str | None], tuple[Enter, ...]] = {
    (mode._name_, after._name_ if after is not None else None): tuple(
        enter
        for phase in (sequence[sequence.index(after) + 1 :] if after is not None else sequence)
        if (enter := PHASES[phase].enter) is not None
    )
    for mode, sequence in SEQUENCE.items()
    for after in (None, *sequence)
}


def _enter_from(state: GameState, enters: tuple[Enter, ...]) -> GameState:
    for enter in enters:
        entered = enter(state)
        if entered is not None:
            return entered
    return resolve_work(state)


def start_mode(state: GameState, mode: Mode) -> GameState:
    state = evolve_public(state, mode=mode)
    state = log(state, ModeStarted(state.public.round, mode.value))
    return _enter_from(state, _ENTERS_AFTER[mode._name_, None])


def start_organizing(state: GameState) -> GameState:
    """Step 3: the mode comes from the facilitator's schedule, or the room chooses."""
    entry = state.public.schedule[state.public.round - 1]
    if entry == "choose":
        return group_phase(state, Phase.MODE_CHOICE)
    assert isinstance(entry, Mode)
    return start_mode(state, entry)


def settle(state: GameState) -> GameState:
    """Move past every completed phase to the next decision (or the end of the game)."""
    while state.public.phase_done:
        phase = state.public.phase
        mode = state.public.mode
        if phase is Phase.MODE_CHOICE:
            assert mode is not None
            state = start_mode(evolve_public(state, phase_done=False), mode)
            continue
        assert mode is not None
        rest = _ENTERS_AFTER[mode._name_, phase._name_]
        state = _enter_from(evolve_public(state, phase_done=False), rest)
    return state


def end_game(state: GameState, *, early: bool = False) -> GameState:
    """The game is over: the partnership won if its impact reached the target."""
    public = state.public
    won = public.impact >= public.target
    state = evolve_public(
        state, phase=Phase.GAME_OVER, actor=None, order=(), turn=0, phase_done=False, won=won
    )
    return log(state, GameOver(won, public.round if early else None))


def next_round(state: GameState) -> GameState:
    """Leave the pit stop: the next round begins, or the game ends after the last one."""
    public = state.public
    if public.round >= public.rounds:
        return end_game(state)
    state = begin_round(state, public.round + 1)
    return start_organizing(state)
