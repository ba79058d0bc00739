"""The debrief's figures, per round and per game (GAME.md, "Debrief metrics").

Computed from the hidden ledger the work resolution writes each round, so they are exact and
cost nothing during play. Per-round public summaries (the pit stop) live in the state; this
module adds the game-level figures and the flags that choose the discussion prompts.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import attrs

from consortium.engine.state import GameState, RoundRecord, TimeBudget


@attrs.frozen
class RoundMetrics:
    round: int
    time: TimeBudget
    hours: float
    jointholism: float
    empty_talk_hours: float
    alignophilia: float | None
    excluded: int
    lost_present: int
    lost_absent: int
    mismatch_hours: float
    progress: float
    departures: int
    burned_out: int
    arrivals: int


@attrs.frozen
class GameMetrics:
    """Everything the end-of-game debrief and ``consortium simulate`` report."""

    rounds: tuple[RoundMetrics, ...]
    impact: float
    target: float
    won: bool
    jointholism_index: float
    empty_talk_hours: float
    alignophilia_index: float | None
    excluded_perspectives: int
    lost_perspectives_present: int
    lost_perspectives_absent: int
    at_risk: int
    mismatch_hours: float
    meeting_hours: float
    burned_out: int
    moved_on: int
    early_progress_per_hour: float
    value_in_progress: float
    jointholism_flag: bool
    alignophilia_flag: bool


def round_metrics(record: RoundRecord) -> RoundMetrics:
    # the sum of the seats' time budgets (TimeBudget.__add__), field by field in seat order
    meetings = overhead = expert = mismatch = sitting = 0.0
    for seat in record.seats:
        t = seat.time
        meetings += t.meetings
        overhead += t.overhead
        expert += t.expert_work
        mismatch += t.mismatch_work
        sitting += t.sitting_out
    time = TimeBudget(meetings, overhead, expert, mismatch, sitting)
    hours = sum(s.hours for s in record.seats)
    return RoundMetrics(
        round=record.round,
        time=time,
        hours=hours,
        jointholism=time.meetings / hours if hours else 0.0,
        empty_talk_hours=sum(s.empty_talk for s in record.seats),
        alignophilia=record.alignophilia,
        excluded=len(record.excluded),
        lost_present=sum(1 for x in record.lost if x.present),
        lost_absent=sum(1 for x in record.lost if not x.present),
        mismatch_hours=time.mismatch_work,
        progress=record.progress,
        departures=len(record.departures),
        burned_out=sum(1 for d in record.departures if d.reason == "burned out"),
        arrivals=len(record.arrivals),
    )


def _alignophilia_flag(rounds: Sequence[RoundMetrics], threshold: float) -> bool:
    """Flag only if the index is at or above the threshold in two rounds in a row **and**
    there was an excluded perspective in them."""
    for a, b in pairwise(rounds):
        if (
            a.alignophilia is not None and b.alignophilia is not None
            and a.alignophilia >= threshold and b.alignophilia >= threshold
            and (a.excluded or b.excluded)
        ):
            return True
    return False


def game_metrics(state: GameState) -> GameMetrics:
    """The game's figures so far (complete once the game is over). Reads hidden records:
    for the revealed debrief, saves and simulation, never for the shared screen in play."""
    rules = state.ctx.rules
    rounds = tuple(round_metrics(r) for r in state.hidden.ledger)
    hours = sum(r.hours for r in rounds)
    meetings = sum(r.time.meetings for r in rounds)
    valued = [r.alignophilia for r in rounds if r.alignophilia is not None]
    early = rounds[:2]
    early_hours = sum(r.time.expert_work + r.time.mismatch_work + r.time.overhead for r in early)
    early_progress = sum(r.progress for r in early)
    departures = [d for r in state.hidden.ledger for d in r.departures]
    jointholism = meetings / hours if hours else 0.0
    empty_talk = sum(r.empty_talk_hours for r in rounds)
    pits = state.public.pit_stops
    return GameMetrics(
        rounds=rounds,
        impact=state.public.impact,
        target=state.public.target,
        won=state.public.impact >= state.public.target,
        jointholism_index=jointholism,
        empty_talk_hours=empty_talk,
        alignophilia_index=sum(valued) / len(valued) if valued else None,
        excluded_perspectives=sum(r.excluded for r in rounds),
        lost_perspectives_present=sum(r.lost_present for r in rounds),
        lost_perspectives_absent=sum(r.lost_absent for r in rounds),
        at_risk=pits[-1].at_risk if pits else 0,
        mismatch_hours=sum(r.mismatch_hours for r in rounds),
        meeting_hours=meetings,
        burned_out=sum(1 for d in departures if d.reason == "burned out"),
        moved_on=sum(1 for d in departures if d.reason != "burned out"),
        early_progress_per_hour=early_progress / early_hours if early_hours else 0.0,
        value_in_progress=pits[-1].value_in_progress if pits else 0.0,
        jointholism_flag=jointholism >= rules.jointholism_flag or empty_talk > 0,
        alignophilia_flag=_alignophilia_flag(rounds, rules.alignophilia_flag),
    )

