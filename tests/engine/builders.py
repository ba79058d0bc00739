"""Small scenarios and configs built in code, for crafted-state rule tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs

from consortium.engine.actions import Action, IllegalAction, Vote
from consortium.engine.game import apply, new_game
from consortium.engine.ops import (
    evolve_public,
    join_task,
    make_public,
    set_participant,
    set_private,
)
from consortium.engine.scenario import (
    Defaults,
    Domain,
    EventSpec,
    Family,
    Rules,
    Scenario,
    Sector,
    TaskSpec,
)
from consortium.engine.state import (
    Card,
    GameConfig,
    GameState,
    Mode,
    Phase,
    ScheduleEntry,
    SeatRound,
    SeatSetup,
)

FAMILIES = ("technical", "social", "institutional", "economic")
DOMAINS = {
    "technical": ("oncology", "imaging", "data"),
    "social": ("patients", "nursing", "primary-care"),
    "institutional": ("policy", "regional", "procurement"),
    "economic": ("reimbursement", "medtech", "finance"),
}
SECTORS = (
    ("business", "economic"),
    ("government", "institutional"),
    ("academia", "technical"),
    ("civil-society", "social"),
)


def task(
    id: str, visible: tuple[str, ...], latent: tuple[str, ...] = (), effort: int = 30,
    value: float = 15,
) -> TaskSpec:
    title = id.replace("-", " ").title()
    return TaskSpec(id, title, f"Text of {id}.", effort, value, visible, latent)


DEFAULT_TASKS = (
    task("screening-vans", ("oncology", "regional"), ("patients",)),
    task("data-platform", ("data", "policy"), ("nursing",)),
    task("care-pathway", ("nursing", "oncology"), ("reimbursement",)),
    task("patient-panel", ("patients",), ("policy",)),
    task("procurement-pilot", ("procurement", "medtech"), ("imaging",)),
    task("funding-model", ("reimbursement", "finance"), ("primary-care",)),
    task("gp-referrals", ("primary-care",), ("data",)),
    task("imaging-network", ("imaging", "regional"), ("finance",)),
)


TEST_RULES = Rules(
    intro_minutes_per_speaker=15,
    deliberation_minutes_per_member=15,
    familiarity_floor=0,
    crowding_cost=0,
    onboarding_factor=1,
    handover_loss=0,
    knowledge_walks_out=False,
)
"""The rules of the crafted-state tests: each test isolates the rule it names, so rules v3's
costs of crowding, onboarding, handover, knowledge walking out and the familiarity floor are
off unless a test turns one on (tests/engine/test_rules_v3.py does), and an introduction or a
deliberation costs 1 hour at the 4 seats these tests use (15 minutes a person)."""


def scenario(
    tasks: tuple[TaskSpec, ...] = DEFAULT_TASKS, rules: Rules | None = None, **changes: object
) -> Scenario:
    base = Scenario(
        format=1,
        id="test",
        title="Test partnership",
        blurb="A small partnership for tests.",
        language="en",
        target=40,
        defaults=Defaults(rounds=4, turnover=0.0, capacity=8, hand_size=3),
        rules=rules or TEST_RULES,
        families=tuple(Family(f, f.title()) for f in FAMILIES),
        domains=tuple(Domain(d, d.title(), f) for f in FAMILIES for d in DOMAINS[f]),
        sectors=tuple(Sector(s, s.title(), h) for s, h in SECTORS),
        tasks=tasks,
    )
    return attrs.evolve(base, **changes)


def config(
    seats: int = 4,
    mode: ScheduleEntry = Mode.DEMOCRATIC,
    *,
    rounds: int = 3,
    seed: int = 1,
    turnover: float = 0.0,
    people: tuple[int, ...] = (),
    policy: str = "balanced",
    secret_ballot: bool = False,
    schedule: tuple[ScheduleEntry, ...] | None = None,
) -> GameConfig:
    return GameConfig(
        seats=tuple(
            SeatSetup(f"P{i + 1}", SECTORS[i % 4][0], None if i in people else policy)
            for i in range(seats)
        ),
        rounds=rounds,
        turnover=turnover,
        schedule=schedule or (mode,) * rounds,
        seed=seed,
        capacity=8,
        hand_size=3,
        secret_ballot=secret_ballot,
        group_policy=policy,
    )


# --- crafted states ------------------------------------------------------------------------
# A game built with ``paused`` waits at the mode choice of round 1 (every round's schedule
# entry is "choose"), after the private hours are drawn and before anything is charged, so a
# test can set hands, hours and teams and then apply ``ChooseMode`` like the facilitator.

def card(domain: str, level: int = 1) -> Card:
    return Card(domain, level)


def paused(
    seats: int = 4,
    *,
    tasks: tuple[TaskSpec, ...] = DEFAULT_TASKS,
    rules: Rules | None = None,
    events: tuple[EventSpec, ...] = (),
    target: float = 40,
    rounds: int = 3,
    hours: float | None = 8.0,
    **config_changes: Any,
) -> GameState:
    """A new game at round 1's mode choice, every seat's hours set to ``hours``."""
    schedule: tuple[ScheduleEntry, ...] = ("choose",) * rounds
    state = new_game(
        scenario(tasks, rules, events=events, target=target),
        config(seats, rounds=rounds, schedule=schedule, **config_changes),
    )
    assert state.public.phase is Phase.MODE_CHOICE
    if hours is not None:
        state = with_hours(state, hours)
    return state


def with_hours(state: GameState, hours: float, seats: Iterable[int] | None = None) -> GameState:
    for seat in range(state.public.seats) if seats is None else seats:
        state = set_private(state, seat, hours=float(hours))
    return state


def with_hands(state: GameState, *hands: Sequence[Card]) -> GameState:
    """Give seats 0, 1, … these hands (slot order as given), all cards hidden."""
    for seat, hand in enumerate(hands):
        state = set_private(state, seat, hand=tuple(hand))
        state = set_participant(state, seat, public_cards=(None,) * len(hand))
    return state


def with_motivation(state: GameState, seat: int, motivation: int) -> GameState:
    return set_private(state, seat, motivation=motivation)


def with_familiarity(
    state: GameState, level: int, pairs: Iterable[tuple[int, int]] | None = None
) -> GameState:
    """Set the familiarity of these pairs (every pair by default) to ``level``."""
    n = state.public.seats
    fam = [list(row) for row in state.public.familiarity]
    every = [(a, b) for a in range(n) for b in range(a + 1, n)]
    for i, j in every if pairs is None else pairs:
        fam[i][j] = fam[j][i] = level
    return evolve_public(state, familiarity=tuple(tuple(row) for row in fam))


def shown(state: GameState, seat: int, *slots: int) -> GameState:
    """Make these cards of a seat's hand public, as if revealed earlier."""
    for slot in slots:
        state = make_public(state, seat, slot)
    return state


def on_task(state: GameState, seat: int, task_id: str, *, lead: bool = False) -> GameState:
    """Seat a participant on a task (as if placed there in an earlier round)."""
    return join_task(state, seat, task_id, lead=lead)


def play(state: GameState, *actions: Action) -> GameState:
    for action in actions:
        state = apply(state, action)
    return state


def in_turn(state: GameState, choices: Mapping[int, Action | Sequence[Action]]) -> GameState:
    """Play one round of a seat-by-seat phase: each seat, when it is its turn, takes its next
    action from ``choices`` (a list when a seat acts twice, e.g. after being turned away),
    until the phase ends or every action is used."""
    phase = state.public.phase
    queues = {
        seat: list(acts) if isinstance(acts, Sequence) else [acts]
        for seat, acts in choices.items()
    }
    while state.public.phase is phase and state.public.actor is not None:
        seat = state.public.actor
        if not queues.get(seat):
            assert not any(queues.values()), f"no action left for seat {seat} in {phase.value}"
            break  # e.g. the next introduction began: a new round of turns
        state = apply(state, queues[seat].pop(0))
    assert not any(queues.values()), f"actions left over: {queues}"
    return state


def votes(state: GameState, *approve: bool) -> GameState:
    """Every voter (seat ``i`` votes ``approve[i]``) casts a vote, in turn order."""
    assert state.public.phase is Phase.VOTE
    return in_turn(state, {s: Vote(s, approve[s]) for s in state.public.order})


def everyone(state: GameState, make: Callable[[int], Action]) -> GameState:
    """Each seat taking a turn in this phase does ``make(seat)``."""
    return in_turn(state, {s: make(s) for s in state.public.order})


def seat_record(state: GameState, seat: int, round_no: int = -1) -> SeatRound:
    """The hidden ledger's record of a seat in a round (the last by default)."""
    record = state.hidden.ledger[round_no] if round_no < 0 else state.hidden.ledger[round_no - 1]
    return next(r for r in record.seats if r.seat == seat)


def refusal(state: GameState, action: Action) -> str:
    """The reason ``apply`` gives for refusing ``action`` (fails if it is accepted)."""
    try:
        apply(state, action)
    except IllegalAction as refused:
        return refused.reason
    raise AssertionError(f"{action} was accepted")
