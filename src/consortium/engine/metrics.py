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

CONCENTRATION_SHARE = 0.6
"""One team holding at least this share of a round's working hours while other tasks stood
open is *concentration* (rules v3): the alignophilia index cannot compare a team with itself,
so the debrief names it instead."""


@attrs.frozen
class RoundMetrics:
    round: int
    time: TimeBudget
    hours: float
    jointholism: float  # (meeting + crowding hours) ÷ hours
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
    crowding_hours: float = 0.0
    team_likeness: float | None = None  # the alignophilia comparison as a ratio
    talk_paid: int = 0  # needs found in meetings + shown cards that covered a requirement
    largest_team_share: float | None = None  # of the working hours; None: nobody worked
    concentrated: bool = False  # that share ≥ CONCENTRATION_SHARE while tasks stood open


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
    # --- rules v3 ---
    crowding_hours: float = 0.0
    talk_yield: float | None = None  # talk that paid off per meeting hour; None: no meetings
    alignophilia_ratio: float | None = None  # "teams were N× as alike as random teams"
    concentration: float | None = None  # mean largest team's share of the working hours
    concentrated_rounds: int = 0
    concentration_flag: bool = False
    finished_tasks: int = 0
    lost_per_finished: float | None = None  # lost perspectives per finished task


def round_metrics(record: RoundRecord) -> RoundMetrics:
    time = TimeBudget.sum_of([seat.time for seat in record.seats])
    hours = sum(s.hours for s in record.seats)
    share, concentrated = _largest_team(record)
    return RoundMetrics(
        round=record.round,
        time=time,
        hours=hours,
        jointholism=(time.meetings + time.crowding) / hours if hours else 0.0,
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
        crowding_hours=time.crowding,
        team_likeness=record.team_likeness,
        talk_paid=record.meeting_finds + record.reveals_paid,
        largest_team_share=share,
        concentrated=concentrated,
    )


def _largest_team(record: RoundRecord) -> tuple[float | None, bool]:
    """The largest team's share of the round's working hours (work and overhead on a task),
    and whether that is concentration: at least :data:`CONCENTRATION_SHARE` while another
    open task had nobody on it."""
    by_task: dict[str, float] = {}
    for seat in record.seats:
        if seat.task is not None:
            t = seat.time
            by_task[seat.task] = (
                by_task.get(seat.task, 0.0) + t.expert_work + t.mismatch_work + t.overhead
            )
    working = sum(by_task.values())
    if working <= 0:
        return None, False
    share = max(by_task.values()) / working
    return share, share >= CONCENTRATION_SHARE and record.open_tasks > len(by_task)


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
    crowding = sum(r.crowding_hours for r in rounds)
    valued = [r.alignophilia for r in rounds if r.alignophilia is not None]
    ratios = [r.team_likeness for r in rounds if r.team_likeness is not None]
    shares = [r.largest_team_share for r in rounds if r.largest_team_share is not None]
    concentrated = sum(1 for r in rounds if r.concentrated)
    finished = sum(1 for t in state.public.tasks if t.status == "finished")
    lost = sum(r.lost_present + r.lost_absent for r in rounds)
    early = rounds[:2]
    early_hours = sum(r.time.expert_work + r.time.mismatch_work + r.time.overhead for r in early)
    early_progress = sum(r.progress for r in early)
    departures = [d for r in state.hidden.ledger for d in r.departures]
    jointholism = (meetings + crowding) / hours if hours else 0.0
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
        at_risk=at_risk(state),
        mismatch_hours=sum(r.mismatch_hours for r in rounds),
        meeting_hours=meetings,
        burned_out=sum(1 for d in departures if d.reason == "burned out"),
        moved_on=sum(1 for d in departures if d.reason != "burned out"),
        early_progress_per_hour=early_progress / early_hours if early_hours else 0.0,
        value_in_progress=pits[-1].value_in_progress if pits else 0.0,
        jointholism_flag=jointholism >= rules.jointholism_flag or empty_talk > 0,
        alignophilia_flag=_alignophilia_flag(rounds, rules.alignophilia_flag),
        crowding_hours=crowding,
        talk_yield=sum(r.talk_paid for r in rounds) / meetings if meetings else None,
        alignophilia_ratio=sum(ratios) / len(ratios) if ratios else None,
        concentration=sum(shares) / len(shares) if shares else None,
        concentrated_rounds=concentrated,
        concentration_flag=bool(shares) and 2 * concentrated >= len(shares),
        finished_tasks=finished,
        lost_per_finished=lost / finished if finished else None,
    )


def at_risk(state: GameState) -> int:
    """Perspectives at risk (rules v3): the uncovered requirements, known or still hidden, of
    tasks that were worked on but not finished. Counted beside the lost ones, so a group
    that finished little does not look as if it lost little."""
    return sum(
        t.requirement_count - len(t.covered)
        for t in state.public.tasks
        if t.status == "open" and t.progress > 0
    )

