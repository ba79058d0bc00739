"""Work resolution, motivation, and the round's record (GAME.md, "Carry-over and work
resolution", "Motivation and churn", "Debrief metrics").

For participant i on task t with team T, after meetings:
``overhead_i = Σ_{j∈T, j≠i} overhead_k · (1 − sim(i,j)) · (1 − (1 − floor) · fam(i,j)/max)``
(rules v3: familiarity never cuts the cost of working together below ``familiarity_floor``),
plus crowding: ``crowding_cost`` per member beyond the task's useful team size (rules v3),
``work_i = hours_i − meetings_i − overhead_i`` and ``progress_t += work_i · fit(i,t)``,
where fit comes from i's best card matching any visible or hidden requirement, plus the
same-language bonus when a teammate shares that domain. The round's full record (hands,
holders, time budgets) goes to the hidden ledger for the revealed debrief; the pit stop gets
only the public summary with neutral labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from consortium.engine.events import NeedDiscovered, TaskFinished
from consortium.engine.frozen import evolve
from consortium.engine.ops import (
    evolve_public,
    present_seats,
    raised_familiarity,
    similarity_table,
)
from consortium.engine.scenario import Rules
from consortium.engine.state import (
    Card,
    Context,
    Excluded,
    GameState,
    LogEntry,
    Lost,
    Phase,
    PitStop,
    PrivateSeat,
    PublicState,
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


_Worked = tuple[TimeBudget, float, Card | None]
"""One seat's round of work: its time budget, the progress it made, the card it worked with."""


def _work_of(
    rules: Rules,
    state: GameState,
    seat: int,
    task: TaskState,
    needed: set[str],
    crew: int,
    hands: Sequence[Sequence[Card]],
    held: Sequence[set[str]],
    sims: Sequence[Sequence[float]],
) -> _Worked:
    private = state.seats[seat]
    meetings = private.spent.meetings
    left = max(0.0, private.hours - meetings)  # private.hours_left
    fam = state.public.familiarity[seat]
    overhead = 0.0
    k = rules.overhead_k
    fmax = rules.familiarity_max
    unfamiliar = 1 - rules.familiarity_floor
    mine = sims[seat]
    for other in task.members:
        if other != seat:
            overhead += k * (1 - mine[other]) * (1 - unfamiliar * fam[other] / fmax)
    overhead = min(overhead, left)
    crowding = 0.0
    extra = len(task.members) - crew
    if extra > 0 and rules.crowding_cost > 0:
        crowding = min(rules.crowding_cost * extra, left - overhead)
        overhead += crowding
    work = left - overhead
    # best_card(hand, requirements), with the requirement set made once per task
    card: Card | None = None
    for c in hands[seat]:
        if c.domain in needed and (
            card is None or (-c.level, c.domain) < (-card.level, card.domain)
        ):
            card = c
    level = card.level if card else 0
    fit = rules.fit_base + rules.fit_per_level * level if level else rules.fit_nonexpert
    if card is None:
        time = TimeBudget(meetings, overhead, 0.0, work, 0.0, crowding)
    else:
        domain = card.domain
        if any(other != seat and domain in held[other] for other in task.members):
            fit += rules.same_language_bonus
        time = TimeBudget(meetings, overhead, work, 0.0, 0.0, crowding)
    return (time, work * fit, card)


def resolve_work(state: GameState) -> GameState:
    """Resolve the round's work, then enter the pit stop."""
    ctx = state.ctx
    rules = ctx.rules
    public = state.public
    round_no = public.round
    present = present_seats(public)
    hands = [s.hand for s in state.seats]
    held = [{c.domain for c in hand} for hand in hands]
    sims = similarity_table(ctx, hands, held)
    worked: dict[int, _Worked] = {}
    teams = [t for t in public.tasks if t.status == "open" and t.members]
    needs: dict[str, set[str]] = {}
    for task in teams:
        spec = ctx.spec_of[task.id]
        needed = needs[task.id] = set(spec.requirements)
        crew = spec.useful_team
        for seat in task.members:
            worked[seat] = _work_of(rules, state, seat, task, needed, crew, hands, held, sims)

    # progress, coverage, finishing
    finished: list[str] = []
    updated: dict[str, TaskState] = {}
    lost: list[Lost] = []
    entries: list[LogEntry] = []
    impact_round = 0.0
    progress_round = 0.0
    exponent = rules.quality_exponent
    unused = state.hidden.shown_in_meetings
    paid: list[tuple[int, str]] = []
    for task in teams:
        spec = ctx.spec_of[task.id]
        members = task.members
        gained = sum([worked[s][1] for s in members])
        progress_round += gained
        team_held = set().union(*[held[s] for s in members])
        requirements = spec.requirements
        covered = tuple(r for r in requirements if r in team_held or r in task.covered)
        if unused:
            paid += [
                (s, r) for s, r in unused
                if s in members and r in covered and r not in task.covered
            ]
        newly_found = tuple(r for r in spec.latent if r in team_held and r not in task.discovered)
        progress = task.progress + gained
        done = progress >= task.effort
        quality = len(covered) / len(requirements)
        impact = task.value_in(round_no) * quality**exponent if done else 0.0
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
            names = tuple(ctx.scenario.domain(d).name for d in newly_found)
            entries.append(LogEntry(
                round_no, NeedDiscovered(task.id, task.title, newly_found, names, "team")
            ))
        if done:
            impact_round += impact
            finished.append(task.id)
            entries.append(
                LogEntry(round_no, TaskFinished(task.id, task.title, quality, impact))
            )
            for req in requirements:
                if req not in covered:
                    holders = tuple(
                        (s, public.participants[s].name) for s in present if req in held[s]
                    )
                    lost.append(Lost(round_no, task.id, req, bool(holders), holders))

    tasks = tuple([updated.get(t.id, t) for t in public.tasks])
    open_now = [t for t in tasks if t.status == "open"]
    excluded = _excluded(public, ctx, teams, updated, worked, held, present)
    pairs = [pair for t in teams for pair in combinations(sorted(t.members), 2)]
    familiarity = raised_familiarity(public.familiarity, pairs, rules.familiarity_max)

    # time budgets and motivation
    records: list[SeatRound] = []
    new_seats = list(state.seats)
    sat_out = public.sat_out
    idle = set(sat_out) | {s for s, _ in public.turned_away}
    before = state.hidden.motivation_before
    for seat in present:
        private = new_seats[seat]
        person = public.participants[seat]
        task_id = person.task
        if seat in worked:
            time, progress_made, _ = worked[seat]
        else:
            meetings = private.spent.meetings
            time = TimeBudget(meetings=meetings, sitting_out=max(0.0, private.hours - meetings))
            progress_made = 0.0
        quality_done = updated[task_id].quality if task_id in finished else None
        motivation = _motivation(private, quality_done, seat in sat_out, seat in idle)
        was_idle = seat in idle
        if motivation != private.motivation or was_idle != private.idle_last_round:
            new_seats[seat] = evolve(private, motivation=motivation, idle_last_round=was_idle)
        records.append(
            SeatRound(
                seat,
                person.name,
                person.sector,
                task_id,
                private.hours,
                time,
                before[seat],
                motivation,
                private.empty_talk,
                progress_made,
            )
        )

    alignophilia, likeness = _alignophilia(teams, sims, pairs)
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
        meeting_finds=state.hidden.meeting_finds,
        reveals_paid=len(paid),
        team_likeness=likeness,
        open_tasks=sum(1 for t in public.tasks if t.status == "open"),
    )
    total_time = TimeBudget.sum_of([r.time for r in records])
    impact_total = public.impact + impact_round
    pit = PitStop(
        round=round_no,
        mode=public.mode,  # type: ignore[arg-type]
        time=total_time,
        hours=sum([r.hours for r in records]),
        impact_this_round=impact_round,
        impact_total=impact_total,
        value_in_progress=_value_in_progress(open_now, round_no, exponent),
        finished=tuple(finished),
        lost_present=sum(1 for x in lost if x.present),
        lost_absent=sum(1 for x in lost if not x.present),
        at_risk=sum([t.requirement_count - len(t.covered) for t in open_now]),
        team_similarity=alignophilia,
        arrivals=len(record.arrivals),
        departures=len(record.departures),
    )
    state = evolve(
        state,
        seats=tuple(new_seats),
        hidden=evolve(
            state.hidden,
            ledger=(*state.hidden.ledger, record),
            shown_in_meetings=tuple(x for x in unused if x not in paid) if paid else unused,
        ),
    )
    return evolve_public(
        state,
        tasks=tasks,
        log=(*public.log, *entries) if entries else public.log,
        familiarity=familiarity,
        impact=impact_total,
        pit_stops=(*public.pit_stops, pit),
        phase=Phase.PIT_STOP,
        actor=None,
        order=(),
        turn=0,
        phase_done=False,
    )


def _motivation(
    private: PrivateSeat, quality_done: float | None, sat_out: bool, idle: bool
) -> int:
    """``quality_done``: the quality of the seat's task if it finished this round, else
    ``None``."""
    motivation = private.motivation
    if quality_done is not None and (quality_done or 0.0) >= QUALITY_FOR_PRIDE - 1e-9:
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
    public: PublicState,
    ctx: Context,
    teams: Sequence[TaskState],
    updated: dict[str, TaskState],
    worked: dict[int, _Worked],
    held: Sequence[set[str]],
    present: Sequence[int],
) -> list[Excluded]:
    """A worked task left a requirement uncovered while a present participant outside the
    team who held it was sitting out, mismatched, duplicating a domain already covered on
    their own team, or turned away."""
    turned = {s for s, _ in public.turned_away}
    team_of = {seat: task for task in teams for seat in task.members}
    # the present seats holding each domain, in seat order (looked up by domain only, so
    # the sets' iteration order never shows)
    holding: dict[str, list[int]] = {}
    for seat in present:
        for domain in held[seat]:
            holding.setdefault(domain, []).append(seat)
    # why a seat's perspective was elsewhere depends on the seat alone: found once per seat,
    # when first needed
    why_of: dict[int, str | None] = {}
    out: list[Excluded] = []
    for task in teams:
        spec = ctx.spec_of[task.id]
        covered = updated[task.id].covered
        members = task.members
        for req in spec.requirements:
            if req in covered or req not in holding:
                continue
            holders = []
            for seat in holding[req]:
                if seat in members:
                    continue
                if seat in why_of:
                    why = why_of[seat]
                else:
                    why = why_of[seat] = _why_elsewhere(
                        seat, team_of.get(seat), turned, worked, held
                    )
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
    card = worked[seat][2]
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
    pairs = [pair for t in teams for pair in combinations(sorted(t.members), 2)]
    return _alignophilia(teams, sims, pairs)[0]


def _alignophilia(
    teams: Sequence[TaskState], sims: Sequence[Sequence[float]], team_pairs: list[tuple[int, int]]
) -> tuple[float | None, float | None]:
    """:func:`alignophilia_index` with the teammate pairs already listed (in team order),
    and the same comparison as a ratio for people (rules v3: "teams were 1.8× as alike as
    teams drawn at random"); the ratio is ``None`` when random teams would share nothing."""
    within = [sims[a][b] for a, b in team_pairs]
    if not within:
        return None, None
    everyone = sorted(s for t in teams for s in t.members)
    pairs = [sims[a][b] for a, b in combinations(everyone, 2)]
    alike = sum(within) / len(within)
    expected = sum(pairs) / len(pairs)
    return alike - expected, (alike / expected if expected > 0 else None)


def value_in_progress(state: GameState) -> float:
    """Σ value · progress/effort · quality^exponent over open tasks."""
    return _value_in_progress(
        state.public.open_tasks, state.public.round, state.ctx.rules.quality_exponent
    )


def _value_in_progress(open_tasks: Sequence[TaskState], round_no: int, exponent: float) -> float:
    total = 0.0
    for t in open_tasks:
        quality = len(t.covered) / t.requirement_count
        share = min(1.0, t.progress / t.effort)
        total += t.value_in(round_no) * share * quality**exponent
    return total
