"""The automatic start of a round: comings and goings, events, open tasks, private hours.

GAME.md, "A round, in order", steps 1–2. Nothing here waits for a decision; every chance
outcome comes from its own stream, so a replay or a what-if with the same seeds meets the same
comings and goings whatever the players did (common random numbers).
"""

from __future__ import annotations

import math

from consortium.engine.deal import newcomer
from consortium.engine.events import Arrived, EventFired, Handover, KnowledgeWalkedOut, Left
from consortium.engine.frozen import evolve
from consortium.engine.ops import evolve_public, log, moved, new_task_state, set_task
from consortium.engine.rng import Draws
from consortium.engine.state import (
    Departure,
    GameState,
    LogEntry,
    Participant,
    PrivateSeat,
    Spend,
    TaskState,
)


def begin_round(state: GameState, round_no: int) -> GameState:
    public = state.public
    participants = public.participants
    if any(p.declared_plenary is not None for p in participants):
        participants = tuple(evolve(p, declared_plenary=None) for p in participants)
    state = evolve_public(
        state,
        round=round_no,
        mode=None,
        newcomers=tuple(range(public.seats)) if round_no == 1 else (),
        sat_out=(),
        turned_away=(),
        ballots=(),
        failed_votes=0,
        deliberated=False,
        talk_minutes=0,
        intros_planned=0,
        intros_done=0,
        invitation=None,
        checked=False,
        votes=(),
        board=(),
        order=(),
        turn=0,
        participants=participants,
    )
    state = evolve(
        state,
        hidden=evolve(state.hidden, departures=(), capacity_delta=0, meeting_finds=0),
        seats=tuple(s if s.notice is None else evolve(s, notice=None) for s in state.seats),
    )
    if round_no != 1:
        state = comings_and_goings(state)
    state = fire_events(state)
    state = refill_open_tasks(state)
    return draw_hours(state)


def comings_and_goings(state: GameState) -> GameState:
    """Each participant leaves with probability ``turnover`` ("moved on"), or for sure at
    motivation 0 ("burned out"); a newcomer takes the seat. The turnover draw is made for
    every seat every round, so burn-outs do not shift anyone else's luck."""
    draws = Draws(state.hidden.streams.turnover)
    turnover = state.ctx.config.turnover
    leaving: list[tuple[int, str]] = []
    for seat in range(state.public.seats):
        moved_on = draws.chance(turnover)
        if state.seats[seat].motivation <= 0:
            leaving.append((seat, "burned out"))
        elif moved_on:
            leaving.append((seat, "moved on"))
    streams = evolve(state.hidden.streams, turnover=draws.stream)
    state = evolve(state, hidden=evolve(state.hidden, streams=streams))
    for seat, reason in leaving:
        state = replace_participant(state, seat, reason)
    return state


def replace_participant(
    state: GameState, seat: int, reason: str, sector: str | None = None
) -> GameState:
    """The person in ``seat`` leaves; the next newcomer in arrival order takes the seat with no
    familiarity and nothing public. The screen says who left and who arrived, never what they
    hold; the seat is told privately who they are now."""
    ctx = state.ctx
    public = state.public
    old = public.participants[seat]
    entries: list[LogEntry] = []
    if old.task is None:  # leave_task: nothing to leave
        tasks, people = public.tasks, list(public.participants)
    else:
        tasks, people = moved(public, seat, None)
        tasks = _left_behind(state, tasks, seat, public.task(old.task), entries)
    index = state.hidden.arrivals
    new = newcomer(
        ctx.scenario,
        state.hidden.streams.newcomers,
        index,
        ctx.config.capacity,
        ctx.config.hand_size,
        sector,
    )
    sector_name = ctx.scenario.sector(new.sector).name
    people[seat] = Participant(
        name=new.name,
        sector=new.sector,
        public_cards=(None,) * len(new.hand),
        task=None,
        arrived_round=public.round,
        is_bot=old.is_bot,
    )
    fam = [list(row) for row in public.familiarity]
    for j in range(len(fam)):
        fam[seat][j] = 0
        fam[j][seat] = 0
    seats = list(state.seats)
    seats[seat] = PrivateSeat(
        hand=new.hand,
        capacity=new.capacity,
        hours=0.0,
        motivation=ctx.rules.motivation_start,
        notice=f"You are now {new.name}, {sector_name}; your old hand is gone.",
    )
    departure = Departure(public.round, seat, old.name, reason)  # type: ignore[arg-type]
    state = evolve(
        state,
        seats=tuple(seats),
        hidden=evolve(
            state.hidden,
            arrivals=index + 1,
            departures=(*state.hidden.departures, departure),
            shown_in_meetings=tuple(x for x in state.hidden.shown_in_meetings if x[0] != seat),
        ),
    )
    left = LogEntry(public.round, Left(seat, old.name, reason))
    arrived = LogEntry(public.round, Arrived(seat, new.name, new.sector, sector_name))
    return evolve_public(
        state,
        tasks=tasks,
        participants=tuple(people),
        familiarity=tuple(tuple(r) for r in fam),
        newcomers=tuple(sorted({*public.newcomers, seat})),
        log=(*public.log, left, *entries, arrived),
    )


def _left_behind(
    state: GameState,
    tasks: tuple[TaskState, ...],
    seat: int,
    before: TaskState,
    entries: list[LogEntry],
) -> tuple[TaskState, ...]:
    """What a departure costs the task the leaver worked on (rules v3: comings and goings
    are never free). *Knowledge walks out*: a covered requirement that only the leaver held
    among the team is uncovered again (discovered needs stay discovered). *Handover*: when
    the lead leaves, the task loses ``handover_loss`` of its progress."""
    rules = state.ctx.rules
    if before.status != "open":
        return tasks
    index = next(i for i, t in enumerate(tasks) if t.id == before.id)
    task = tasks[index]
    round_no = state.public.round
    changes: dict[str, object] = {}
    if rules.knowledge_walks_out:
        mine = {c.domain for c in state.seats[seat].hand}
        kept = {c.domain for m in task.members for c in state.seats[m].hand}
        gone = [r for r in task.covered if r in mine and r not in kept]
        if gone:
            changes["covered"] = tuple(r for r in task.covered if r not in gone)
            names = tuple(state.ctx.scenario.domain(d).name for d in gone)
            who = state.public.participants[seat].name
            entries.append(LogEntry(
                round_no, KnowledgeWalkedOut(seat, who, task.id, task.title, tuple(gone), names)
            ))
    if before.lead == seat and rules.handover_loss > 0 and task.progress > 0:
        changes["progress"] = task.progress * (1 - rules.handover_loss)
        entries.append(LogEntry(round_no, Handover(task.id, task.title, rules.handover_loss)))
    if not changes:
        return tasks
    return (*tasks[:index], evolve(task, **changes), *tasks[index + 1:])


def fire_events(state: GameState) -> GameState:
    """Scenario events due this round: fixed-round ones, and chance ones drawn from the
    events stream (one draw per chance event per round, fired or not)."""
    draws = Draws(state.hidden.streams.events)
    round_no = state.public.round
    due = []
    for event in state.ctx.scenario.events:
        if event.chance is not None:
            if draws.chance(event.chance):
                due.append(event)
        elif event.round == round_no:
            due.append(event)
    for event in due:
        effect = event.effect
        state = log(state, EventFired(event.id, event.title, event.text))
        if effect.kind == "task_value" and effect.task is not None:
            until = None if effect.rounds is None else round_no + effect.rounds - 1
            task = state.public.task(effect.task)
            state = set_task(
                state, effect.task, value_factors=(*task.value_factors, (effect.factor, until))
            )
        elif effect.kind == "capacity":
            state = evolve(
                state,
                hidden=evolve(
                    state.hidden, capacity_delta=state.hidden.capacity_delta + effect.delta
                ),
            )
        elif effect.kind == "replace":
            candidates = [
                i
                for i, p in enumerate(state.public.participants)
                if effect.sector is None or p.sector == effect.sector
            ]
            if candidates:
                seat = draws.pick(candidates)
                state = replace_participant(state, seat, "replaced")
        elif (
            effect.kind == "add_task"
            and effect.new_task is not None
            and all(t.id != effect.new_task.id for t in state.public.tasks)
        ):
            state = _queue_first(state, new_task_state(effect.new_task))
    streams = evolve(state.hidden.streams, events=draws.stream)
    return evolve(state, hidden=evolve(state.hidden, streams=streams))


def _queue_first(state: GameState, task: TaskState) -> GameState:
    """An ``add_task`` task joins the game first among the tasks not yet open."""
    tasks = [t for t in state.public.tasks if t.id != task.id]
    first_queued = next((i for i, t in enumerate(tasks) if t.status == "queued"), len(tasks))
    tasks.insert(first_queued, task)
    return evolve_public(state, tasks=tuple(tasks))


def refill_open_tasks(state: GameState) -> GameState:
    """Open tasks are the first ``open_tasks`` unfinished tasks in queue order."""
    limit = state.ctx.rules.open_tasks
    tasks = list(state.public.tasks)
    open_count = sum([1 for t in tasks if t.status == "open"])
    if open_count >= limit:
        return state
    for i, task in enumerate(tasks):
        if task.status == "queued":
            tasks[i] = evolve(task, status="open")
            open_count += 1
            if open_count >= limit:
                break
    return evolve_public(state, tasks=tuple(tasks))


_NOTHING_SPENT = Spend()


def draw_hours(state: GameState) -> GameState:
    """This round's private hours: dealt capacity + a private shift + capacity events, never
    below 0; halved at motivation ≤ ``low_motivation``; a newcomer seated at comings and
    goings has them multiplied by ``onboarding_factor`` (learning the partnership). The shift
    is a whole number uniform in ±``hours_swing`` (rules v3: home organizations pull people
    away, enough to matter); rules version 1 drew −2, 0 or +2. Also notes everyone's
    motivation at the start of the round (for the round's record)."""
    draws = Draws(state.hidden.streams.hours)
    rules = state.ctx.rules
    low = rules.low_motivation
    delta = state.hidden.capacity_delta
    swing = rules.hours_swing
    legacy = rules.version == 1
    onboarding = rules.onboarding_factor
    public = state.public
    onboarded = set(public.newcomers) if public.round > 1 and onboarding != 1 else set()
    seats = []
    for seat, private in enumerate(state.seats):
        shift = (-2, 0, 2)[draws.below(3)] if legacy else draws.below(2 * swing + 1) - swing
        hours = float(max(0, private.capacity + shift + delta))
        if private.motivation <= low:
            hours /= 2
        if seat in onboarded:
            hours *= onboarding
        # a fresh round: nothing spent yet (this is also where last round's spending resets)
        seats.append(
            evolve(
                private,
                hours=hours,
                spent=_NOTHING_SPENT,
                placed_without_match=False,
                empty_talk=0.0,
            )
        )
    streams = evolve(state.hidden.streams, hours=draws.stream)
    hidden = evolve(
        state.hidden, streams=streams, motivation_before=tuple(s.motivation for s in seats)
    )
    return evolve(state, seats=tuple(seats), hidden=hidden)


def ceil_hours(minutes: int, per_hour: int) -> int:
    """Every started ``per_hour`` minutes of talk cost one meeting hour."""
    return math.ceil(minutes / per_hour) if minutes > 0 else 0
