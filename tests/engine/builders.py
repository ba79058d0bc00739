"""Small scenarios and configs built in code, for crafted-state rule tests."""

from __future__ import annotations

import attrs

from consortium.engine.scenario import (
    Defaults,
    Domain,
    Family,
    Rules,
    Scenario,
    Sector,
    TaskSpec,
)
from consortium.engine.state import GameConfig, Mode, ScheduleEntry, SeatSetup

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
        rules=rules or Rules(),
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
