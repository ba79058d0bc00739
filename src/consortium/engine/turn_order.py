"""Rotating seat order: round r starts with seat (r − 1) mod seats, so nobody always goes
first (or last) in private turns, declarations and introductions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from consortium.engine.ops import evolve_public
from consortium.engine.state import GameState, Phase


def rotating(state: GameState, seats: Iterable[int]) -> tuple[int, ...]:
    n = state.public.seats
    start = (state.public.round - 1) % n
    return tuple(sorted(seats, key=lambda s: (s - start) % n))


def start_turns(state: GameState, phase: Phase, seats: Iterable[int]) -> GameState | None:
    """Enter a seat-by-seat phase; ``None`` when nobody takes a turn in it."""
    order = rotating(state, seats)
    if not order:
        return None
    return evolve_public(state, phase=phase, order=order, turn=0, actor=order[0], phase_done=False)


def next_turn(state: GameState, **changes: Any) -> GameState:
    """Pass to the next seat in ``order``, or mark the phase done after the last one.
    ``changes`` are other public fields the finished turn changed (one copy instead of two)."""
    turn = state.public.turn + 1
    if turn >= len(state.public.order):
        return evolve_public(state, turn=turn, actor=None, phase_done=True, **changes)
    return evolve_public(state, turn=turn, actor=state.public.order[turn], **changes)


def group_phase(state: GameState, phase: Phase) -> GameState:
    """Enter a phase decided by the group (actor ``None``)."""
    return evolve_public(state, phase=phase, actor=None, order=(), turn=0, phase_done=False)
