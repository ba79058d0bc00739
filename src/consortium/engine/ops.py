"""Small pure helpers that return a new state with one part changed.

Rules read better as "move seat 3 to task X, charge everyone an hour" than as nested
``attrs.evolve`` calls; these keep the team lists, leads and the charging order consistent.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from consortium.engine.events import Event
from consortium.engine.frozen import evolve
from consortium.engine.scenario import TaskSpec
from consortium.engine.state import (
    Card,
    Context,
    GameState,
    LogEntry,
    Participant,
    PrivateSeat,
    PublicState,
    Spend,
    TaskState,
)

_PUBLIC_FIELDS = frozenset(a.name for a in attrs.fields(PublicState))
_SPEND_KINDS = frozenset(a.name for a in attrs.fields(Spend))
_new = object.__new__
_set = object.__setattr__


def evolve_public(state: GameState, **changes: Any) -> GameState:
    """The state with some public fields changed. The commonest copy in the engine (two or
    three per action), so it copies both dict-backed records directly (see frozen.py)."""
    if not _PUBLIC_FIELDS.issuperset(changes):
        raise TypeError(f"PublicState has no field(s) {sorted(set(changes) - _PUBLIC_FIELDS)}")
    d = state.public.__dict__.copy()
    d.update(changes)
    public = _new(PublicState)
    _set(public, "__dict__", d)
    d = state.__dict__.copy()
    d["public"] = public
    new = _new(GameState)
    _set(new, "__dict__", d)
    return new


def next_step(state: GameState) -> GameState:
    """The state with its action counter advanced (once per applied action)."""
    d = state.__dict__.copy()
    d["step"] = state.step + 1
    new = _new(GameState)
    _set(new, "__dict__", d)
    return new


def participants_with(state: GameState, seat: int, **changes: Any) -> tuple[Participant, ...]:
    """The participants with one of them changed (to hand to a single public copy)."""
    people = list(state.public.participants)
    people[seat] = evolve(people[seat], **changes)
    return tuple(people)


def set_participant(state: GameState, seat: int, **changes: Any) -> GameState:
    people = list(state.public.participants)
    people[seat] = evolve(people[seat], **changes)
    return evolve_public(state, participants=tuple(people))


def set_private(state: GameState, seat: int, **changes: Any) -> GameState:
    seats = list(state.seats)
    seats[seat] = evolve(seats[seat], **changes)
    return evolve(state, seats=tuple(seats))


def replace_task(public: PublicState, task: TaskState) -> PublicState:
    return evolve(public, tasks=tuple(task if t.id == task.id else t for t in public.tasks))


def set_task(state: GameState, task_id: str, **changes: Any) -> GameState:
    public = state.public
    tasks = list(public.tasks)
    for i, t in enumerate(tasks):
        if t.id == task_id:
            tasks[i] = evolve(t, **changes)
            return evolve(state, public=evolve(public, tasks=tuple(tasks)))
    raise KeyError(task_id)


def log(state: GameState, event: Event) -> GameState:
    return evolve_public(state, log=logged(state.public, event))


def logged(public: PublicState, event: Event) -> tuple[LogEntry, ...]:
    """The public log with one Event added (for a rule's single public copy)."""
    return (*public.log, LogEntry(public.round, event))


def shown_cards(state: GameState, seat: int, slot: int) -> tuple[Card | None, ...]:
    """A participant's public cards once the card in ``slot`` is public (see make_public)."""
    cards = state.public.participants[seat].public_cards
    card = state.seats[seat].hand[slot]
    if cards[slot] == card:
        return cards
    new = list(cards)
    new[slot] = card
    return tuple(new)


def present_seats(public: PublicState) -> list[int]:
    return [i for i, p in enumerate(public.participants) if p.present]


def _without(task: TaskState, seat: int) -> TaskState:
    """A task after ``seat`` leaves its team: the longest-serving member leads if the lead
    left; a task with no members is open again with its progress, no lead and not closed."""
    members = tuple(m for m in task.members if m != seat)
    lead = task.lead
    if lead == seat:
        lead = members[0] if members else None
    return evolve(task, members=members, lead=lead, closed=task.closed if members else False)


def moved(
    public: PublicState,
    seat: int,
    task_id: str | None,
    *,
    lead: bool = False,
    closed: bool | None = None,
) -> tuple[tuple[TaskState, ...], list[Participant]]:
    """The tasks and participants after moving a participant from their team (if any) to
    ``task_id`` (or to none), for a rule to hand to a single public copy with its other
    changes."""
    tasks = list(public.tasks)
    people = list(public.participants)
    move_in(tasks, people, seat, task_id, lead=lead, closed=closed)
    return tuple(tasks), people


def move_in(
    tasks: list[TaskState],
    people: list[Participant],
    seat: int,
    task_id: str | None,
    *,
    lead: bool = False,
    closed: bool | None = None,
) -> None:
    """:func:`moved` on lists a rule is building, for several moves before one copy."""
    old_id = people[seat].task
    if old_id == task_id and not lead and closed is None:
        return  # staying where one is, with the team as it is: nothing changes
    for i, task in enumerate(tasks):
        if task.id == old_id and old_id != task_id:
            tasks[i] = _without(task, seat)
        elif task.id == task_id:
            closing = {} if closed is None else {"closed": closed}
            if old_id == task_id:
                if lead or closing:
                    tasks[i] = evolve(task, lead=seat if lead else task.lead, **closing)
            else:
                new_lead = seat if lead or task.lead is None else task.lead
                tasks[i] = evolve(task, members=(*task.members, seat), lead=new_lead, **closing)
    people[seat] = evolve(people[seat], task=task_id)


def _move(
    state: GameState,
    seat: int,
    task_id: str | None,
    *,
    lead: bool = False,
    closed: bool | None = None,
) -> GameState:
    """Move a participant from their team (if any) to ``task_id`` (or to none), with one
    copy of the board: rules call this for every placement, join and departure."""
    tasks, people = moved(state.public, seat, task_id, lead=lead, closed=closed)
    return evolve_public(state, tasks=tasks, participants=tuple(people))


def leave_task(state: GameState, seat: int) -> GameState:
    """Take a participant off their team (see :func:`_without` for who leads then)."""
    if state.public.participants[seat].task is None:
        return state
    return _move(state, seat, None)


def join_task(
    state: GameState, seat: int, task_id: str, *, lead: bool = False, closed: bool | None = None
) -> GameState:
    """Put a participant on a task (leaving any other), at the end of the serving order;
    ``closed`` also marks the team closed or open (a lead initiating it)."""
    return _move(state, seat, task_id, lead=lead, closed=closed)


def make_public(state: GameState, seat: int, slot: int) -> GameState:
    """A card becomes public for good (revealed in an introduction or signalled)."""
    card = state.seats[seat].hand[slot]
    cards = list(state.public.participants[seat].public_cards)
    if cards[slot] == card:
        return state
    cards[slot] = card
    return set_participant(state, seat, public_cards=tuple(cards))


def charge(state: GameState, seats: Iterable[int], kind: str, hours: float) -> GameState:
    """Charge meeting hours of one kind (``intro``, ``talk``, ``votes``, ``check``) to each
    seat, capped at the hours they have left, so work never goes negative."""
    if hours <= 0:
        return state
    if kind not in _SPEND_KINDS:
        raise TypeError(f"Spend has no field {kind}")
    new = list(state.seats)
    for seat in seats:
        private = new[seat]
        paid = min(hours, private.hours_left)
        # evolve(private, spent=evolve(spent, kind=spent.kind + paid)) on the two dicts: this
        # runs for every seat at every introduction, deliberation and failed vote
        spent = private.spent.__dict__.copy()
        spent[kind] += paid
        new_spent = _new(Spend)
        _set(new_spent, "__dict__", spent)
        d = private.__dict__.copy()
        d["spent"] = new_spent
        new_private = _new(PrivateSeat)
        _set(new_private, "__dict__", d)
        new[seat] = new_private
    d = state.__dict__.copy()
    d["seats"] = tuple(new)
    out = _new(GameState)
    _set(out, "__dict__", d)
    return out


def raise_familiarity(state: GameState, pairs: Iterable[tuple[int, int]]) -> GameState:
    familiarity = raised_familiarity(
        state.public.familiarity, pairs, state.ctx.rules.familiarity_max
    )
    return evolve_public(state, familiarity=familiarity)


def raised_familiarity(
    familiarity: tuple[tuple[int, ...], ...], pairs: Iterable[tuple[int, int]], cap: int
) -> tuple[tuple[int, ...], ...]:
    """The familiarity table after each pair's rises by one (up to ``cap``)."""
    fam = [list(row) for row in familiarity]
    for i, j in pairs:
        if i != j and fam[i][j] < cap:
            fam[i][j] += 1
            fam[j][i] += 1
    return tuple([tuple(row) for row in fam])


def matches(cards: Iterable[Card | None], requirements: Iterable[str]) -> bool:
    needed = set(requirements)
    return any(c is not None and c.domain in needed for c in cards)


def best_level(cards: Iterable[Card | None], requirements: Iterable[str]) -> int:
    """The highest level among the cards matching any requirement; 0 when none matches."""
    needed = set(requirements)
    return max((c.level for c in cards if c is not None and c.domain in needed), default=0)


def fit_of_level(ctx: Context, level: int) -> float:
    """GAME.md: fit = fit_base + fit_per_level · level with a matching card, else
    fit_nonexpert (mismatch hours)."""
    r = ctx.rules
    return r.fit_base + r.fit_per_level * level if level else r.fit_nonexpert


def similarity(ctx: Context, a: Iterable[Card | None], b: Iterable[Card | None]) -> float:
    """``sim``: 1 if the two share a domain, 0.5 if any card of one shares a family with any
    card of the other, else 0."""
    da = {c.domain for c in a if c is not None}
    db = {c.domain for c in b if c is not None}
    if not da or not db:
        return 0.0
    if da & db:
        return 1.0
    fam = ctx.family_of
    if {fam[d] for d in da} & {fam[d] for d in db}:
        return 0.5
    return 0.0


def similarity_table(
    ctx: Context,
    hands: Sequence[Sequence[Card]],
    domains: Sequence[set[str]] | None = None,
) -> list[list[float]]:
    """``sim`` for every pair of seats, computed once per work resolution from each hand's
    domain and family sets (the same rule as :func:`similarity`). ``domains``: each hand's
    domain set, when the caller has it already."""
    fam = ctx.family_of
    if domains is None:
        domains = [{c.domain for c in hand} for hand in hands]
    know = [(ds, {fam[d] for d in ds}) for ds in domains]
    n = len(hands)
    table = [[0.0] * n for _ in range(n)]
    for i in range(n):
        di, fi = know[i]
        for j in range(i + 1, n):
            dj, fj = know[j]
            if not di or not dj:
                value = 0.0
            elif not di.isdisjoint(dj):
                value = 1.0
            elif not fi.isdisjoint(fj):
                value = 0.5
            else:
                value = 0.0
            table[i][j] = table[j][i] = value
    return table


def private_of(state: GameState, seat: int) -> PrivateSeat:
    return state.seats[seat]


def participant(state: GameState, seat: int) -> Participant:
    return state.public.participants[seat]


def new_task_state(spec: TaskSpec) -> TaskState:
    """A task as it enters the queue: public fields only, latent needs as a count."""
    return TaskState(
        id=spec.id,
        title=spec.title,
        text=spec.text,
        effort=spec.effort,
        base_value=spec.value,
        visible=spec.visible,
        hidden_count=len(spec.latent),
    )
