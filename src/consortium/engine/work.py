"""Work resolution, motivation, and the round's record (GAME.md, "Carry-over and work
resolution", "Motivation and churn", "Debrief metrics").

For participant i on task t with team T, after meetings:
``overhead_i = Σ_{j∈T, j≠i} overhead_k · (1 − sim(i,j)) · (1 − familiarity(i,j)/max)``,
``work_i = hours_i − meetings_i − overhead_i`` and ``progress_t += work_i · fit(i,t)``,
where fit comes from i's best card matching any visible or hidden requirement, plus the
same-language bonus when a teammate shares that domain. The round's full record (hands,
holders, time budgets) goes to the hidden ledger for the revealed debrief; the pit stop gets
only the public summary with neutral labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

import attrs

from consortium.engine.frozen import evolve
from consortium.engine.ops import (
    evolve_public,
    fit_of_level,
    log,
    present_seats,
    raise_familiarity,
    similarity_table,
)
from consortium.engine.state import (
    Card,
    Context,
    Excluded,
    GameState,
    Lost,
    Phase,
    PitStop,
    PrivateSeat,
    RoundRecord,
    SeatRound,
    TaskState,
    TimeBudget,
)

QUALITY_FOR_PRIDE = 2 / 3
MOTIVATION_MAX = 5


def best_card(hand: Sequence[Card], requirements: Sequence[str]) -> Card | None:
    """The highest-level card matching a requirement (ties: domain order, for determinism)."""
    needed = set(requirements)
    found = [c for c in hand if c.domain in needed]
    return min(found, key=lambda c: (-c.level, c.domain)) if found else None


@attrs.frozen
class _Worked:
    time: TimeBudget
    progress: float
    fit_card: Card | None


def _work_of(
    ctx: Context,
    state: GameState,
    seat: int,
    task: TaskState,
    hands: Sequence[Sequence[Card]],
    sims: Sequence[Sequence[float]],
) -> _Worked:
    rules = ctx.rules
    private = state.seats[seat]
    left = private.hours_left
    fam = state.public.familiarity[seat]
    overhead = 0.0
    for other in task.members:
        if other != seat:
            sim = sims[seat][other]
            overhead += rules.overhead_k * (1 - sim) * (1 - fam[other] / rules.familiarity_max)
    overhead = min(overhead, left)
    work = left - overhead
    card = best_card(hands[seat], ctx.spec_of[task.id].requirements)
    fit = fit_of_level(ctx, card.level if card else 0)
    if card is not None and any(
        other != seat and any(c.domain == card.domain for c in hands[other])
        for other in task.members
    ):
        fit += rules.same_language_bonus
    meetings = private.spent.meetings
    time = TimeBudget(
        meetings=meetings,
        overhead=overhead,
        expert_work=work if card else 0.0,
        mismatch_work=0.0 if card else work,
    )
    return _Worked(time, work * fit, card)


def resolve_work(state: GameState) -> GameState:
    """Resolve the round's work, then enter the pit stop."""
    ctx = state.ctx
    rules = ctx.rules
    public = state.public
    round_no = public.round
    present = present_seats(public)
    hands = [s.hand for s in state.seats]
    sims = similarity_table(ctx, hands)
    worked: dict[int, _Worked] = {}
    teams = [t for t in public.open_tasks if t.members]
    for task in teams:
        for seat in task.members:
            worked[seat] = _work_of(ctx, state, seat, task, hands, sims)

    # progress, coverage, finishing
    finished: list[str] = []
    updated: dict[str, TaskState] = {}
    lost: list[Lost] = []
    impact_round = 0.0
    progress_round = 0.0
    for task in teams:
        spec = ctx.spec_of[task.id]
        gained = sum(worked[s].progress for s in task.members)
        progress_round += gained
        held = {c.domain for s in task.members for c in hands[s]}
        covered = tuple(r for r in spec.requirements if r in held or r in task.covered)
        newly_found = tuple(r for r in spec.latent if r in held and r not in task.discovered)
        progress = task.progress + gained
        done = progress >= task.effort
        quality = len(covered) / len(spec.requirements)
        impact = task.value_in(round_no) * quality**rules.quality_exponent if done else 0.0
        updated[task.id] = evolve(
            task,
            progress=progress,
            covered=covered,
            discovered=task.discovered + newly_found,
            **(
                {
                    "status": "finished",
                    "finished_round": round_no,
                    "quality": quality,
                    "impact": impact,
                }
                if done
                else {}
            ),
        )
        if newly_found:
            names = ", ".join(ctx.scenario.domain(d).name for d in newly_found)
            state = log(state, "discovery", f"{task.title}: the team found a need ({names}).")
        if done:
            impact_round += impact
            finished.append(task.id)
            state = log(
                state,
                "finished",
                f"{task.title} finished: quality {quality:.0%}, impact {impact:.1f}.",
            )
            for req in spec.requirements:
                if req not in covered:
                    holders = tuple(
                        (s, public.participants[s].name)
                        for s in present
                        if any(c.domain == req for c in hands[s])
                    )
                    lost.append(Lost(round_no, task.id, req, bool(holders), holders))

    state = evolve_public(
        state, tasks=tuple(updated.get(t.id, t) for t in state.public.tasks)
    )
    excluded = _excluded(state, teams, worked, hands)
    state = raise_familiarity(
        state, [pair for t in teams for pair in combinations(sorted(t.members), 2)]
    )

    # time budgets and motivation
    records: list[SeatRound] = []
    new_seats = list(state.seats)
    idle = set(public.sat_out) | {s for s, _ in public.turned_away}
    for seat in present:
        private = state.seats[seat]
        if seat in worked:
            time = worked[seat].time
        else:
            time = TimeBudget(meetings=private.spent.meetings, sitting_out=private.hours_left)
        task_id = public.participants[seat].task
        motivation = _motivation(
            state, seat, private, task_id in finished, seat in public.sat_out, seat in idle
        )
        new_seats[seat] = evolve(private, motivation=motivation, idle_last_round=seat in idle)
        records.append(
            SeatRound(
                seat=seat,
                name=public.participants[seat].name,
                sector=public.participants[seat].sector,
                task=task_id,
                hours=private.hours,
                time=time,
                motivation_before=state.hidden.motivation_before[seat],
                motivation_after=motivation,
                empty_talk=private.empty_talk,
                progress=worked[seat].progress if seat in worked else 0.0,
            )
        )
    state = evolve(state, seats=tuple(new_seats))

    alignophilia = alignophilia_index(teams, sims)
    record = RoundRecord(
        round=round_no,
        mode=public.mode,  # type: ignore[arg-type]
        seats=tuple(records),
        alignophilia=alignophilia,
        excluded=tuple(excluded),
        lost=tuple(lost),
        progress=progress_round,
        departures=state.hidden.departures,
        arrivals=tuple(public.newcomers) if round_no > 1 else (),
        hands=tuple(tuple(hands[s]) if s in present else () for s in range(public.seats)),
    )
    state = evolve(state, hidden=evolve(state.hidden, ledger=(*state.hidden.ledger, record)))
    total_time = TimeBudget()
    for r in records:
        total_time = total_time + r.time
    impact_total = state.public.impact + impact_round
    pit = PitStop(
        round=round_no,
        mode=public.mode,  # type: ignore[arg-type]
        time=total_time,
        hours=sum(r.hours for r in records),
        impact_this_round=impact_round,
        impact_total=impact_total,
        value_in_progress=value_in_progress(state),
        finished=tuple(finished),
        lost_present=sum(1 for x in lost if x.present),
        lost_absent=sum(1 for x in lost if not x.present),
        at_risk=sum(t.requirement_count - len(t.covered) for t in state.public.open_tasks),
        team_similarity=alignophilia,
        arrivals=len(record.arrivals),
        departures=len(record.departures),
    )
    return evolve_public(
        state,
        impact=impact_total,
        pit_stops=(*state.public.pit_stops, pit),
        phase=Phase.PIT_STOP,
        actor=None,
        order=(),
        turn=0,
        phase_done=False,
    )


def _motivation(
    state: GameState,
    seat: int,
    private: PrivateSeat,
    task_finished_well: bool,
    sat_out: bool,
    idle: bool,
) -> int:
    motivation = private.motivation
    task_id = state.public.participants[seat].task
    if task_finished_well and task_id is not None:
        quality = state.public.task(task_id).quality or 0.0
        if quality >= QUALITY_FOR_PRIDE - 1e-9:
            motivation += 1
    if sat_out:
        motivation += 1
    if private.placed_without_match:
        motivation -= 1
    if private.hours > 0 and private.spent.meetings >= private.hours / 2:
        motivation -= 1
    if idle and private.idle_last_round:
        motivation -= 1
    return max(0, min(MOTIVATION_MAX, motivation))


def _excluded(
    state: GameState,
    teams: Sequence[TaskState],
    worked: dict[int, _Worked],
    hands: Sequence[Sequence[Card]],
) -> list[Excluded]:
    """A worked task left a requirement uncovered while a present participant outside the
    team who held it was sitting out, mismatched, duplicating a domain already covered on
    their own team, or turned away."""
    public = state.public
    ctx = state.ctx
    present = present_seats(public)
    turned = {s for s, _ in public.turned_away}
    held = [{c.domain for c in hand} for hand in hands]
    team_of = {seat: task for task in teams for seat in task.members}
    out: list[Excluded] = []
    for task in teams:
        spec = ctx.spec_of[task.id]
        current = state.public.task(task.id)
        for req in spec.requirements:
            if req in current.covered:
                continue
            holders = []
            for seat in present:
                if seat in task.members or req not in held[seat]:
                    continue
                why = _why_elsewhere(seat, team_of.get(seat), turned, worked, held)
                if why:
                    holders.append((seat, public.participants[seat].name, why))
            if holders:
                out.append(Excluded(public.round, task.id, req, tuple(holders)))
    return out


def _why_elsewhere(
    seat: int,
    team: TaskState | None,
    turned: set[int],
    worked: dict[int, _Worked],
    held: Sequence[set[str]],
) -> str | None:
    if seat in turned:
        return "turned away"
    if seat not in worked:
        return "sitting out"
    card = worked[seat].fit_card
    if card is None:
        return "mismatched"
    if team is not None and any(
        other != seat and card.domain in held[other] for other in team.members
    ):
        return "duplicating"
    return None


def alignophilia_index(teams: Sequence[TaskState], sims: Sequence[Sequence[float]]) -> float | None:
    """Mean ``sim`` over teammate pairs minus mean ``sim`` over all pairs of participants on
    any team. Under random teams of the same sizes every pair is equally likely to be
    teammates, so the second term is the exact expectation (closed form, never sampled).
    ``None`` ("—") when no team has two members."""
    within = [sims[a][b] for t in teams for a, b in combinations(sorted(t.members), 2)]
    if not within:
        return None
    everyone = sorted(s for t in teams for s in t.members)
    pairs = [sims[a][b] for a, b in combinations(everyone, 2)]
    return sum(within) / len(within) - sum(pairs) / len(pairs)


def value_in_progress(state: GameState) -> float:
    """Σ value · progress/effort · quality^exponent over open tasks."""
    rules = state.ctx.rules
    total = 0.0
    for t in state.public.open_tasks:
        quality = len(t.covered) / t.requirement_count
        share = min(1.0, t.progress / t.effort)
        total += t.value_in(state.public.round) * share * quality**rules.quality_exponent
    return total
