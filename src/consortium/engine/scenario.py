"""The scenario model: what a trainer writes in a TOML file, as frozen values.

Every number of GAME.md is a field of :class:`Rules` or :class:`Defaults` with the default the
design gives, so a scenario can tune it and calibration can check the result. Parsing and
validation live in :mod:`consortium.engine.scenario_toml`; this module only holds the shapes
and the derived lookup tables the rules use on every decision.
"""

from __future__ import annotations

from typing import Literal

import attrs

TaskOrder = Literal["file", "shuffled"]


@attrs.frozen
class Defaults:
    """Session settings a trainer usually keeps; the setup screen may override them."""

    rounds: int = 4
    turnover: float = 0.15
    capacity: int = 8
    hand_size: int = 3


@attrs.frozen
class Rules:
    """The tunable constants of GAME.md, with its defaults and SCENARIO_FORMAT.md's ranges."""

    sector_bias: float = 0.6
    capacity_spread: int = 2
    intro_cost: float = 1
    max_intros: int = 3
    deliberation_cost: float = 1
    talk_minutes_per_hour: int = 3
    max_failed_votes: int = 3
    overhead_k: float = 1.5
    same_language_bonus: float = 0.25
    fit_base: float = 1.0
    fit_per_level: float = 0.5
    fit_nonexpert: float = 0.5
    quality_exponent: float = 2
    familiarity_max: int = 3
    open_tasks: int = 6
    task_order: TaskOrder = "file"
    motivation_start: int = 3
    low_motivation: int = 1
    perspective_check_cost: float = 1
    jointholism_flag: float = 0.30
    alignophilia_flag: float = 0.25


@attrs.frozen
class Family:
    id: str
    name: str


@attrs.frozen
class Domain:
    id: str
    name: str
    family: str


@attrs.frozen
class Sector:
    id: str
    name: str
    home_family: str


@attrs.frozen
class TaskSpec:
    """A task as written: effort in work units, value = impact at full quality.

    ``latent`` are the hidden needs: required, but shown only once discovered.
    """

    id: str
    title: str
    text: str
    effort: int
    value: float
    visible: tuple[str, ...]
    latent: tuple[str, ...] = ()

    @property
    def requirements(self) -> tuple[str, ...]:
        return self.visible + self.latent


EffectKind = Literal["task_value", "capacity", "replace", "add_task"]


@attrs.frozen
class Effect:
    """What an event does. Which fields matter depends on ``kind`` (see SCENARIO_FORMAT.md)."""

    kind: EffectKind
    task: str | None = None  # task_value
    factor: float = 1.0  # task_value
    rounds: int | None = None  # task_value: how many rounds it lasts (None = for good)
    delta: int = 0  # capacity
    sector: str | None = None  # replace
    new_task: TaskSpec | None = None  # add_task


@attrs.frozen
class EventSpec:
    """A scenario event: fires at the start of ``round``, or with ``chance`` every round."""

    id: str
    title: str
    text: str
    effect: Effect
    round: int | None = None
    chance: float | None = None


@attrs.frozen
class Scenario:
    format: int
    id: str
    title: str
    blurb: str
    language: str
    target: float
    defaults: Defaults
    rules: Rules
    families: tuple[Family, ...]
    domains: tuple[Domain, ...]
    sectors: tuple[Sector, ...]
    tasks: tuple[TaskSpec, ...]
    events: tuple[EventSpec, ...] = ()

    def domain(self, domain_id: str) -> Domain:
        for d in self.domains:
            if d.id == domain_id:
                return d
        raise KeyError(domain_id)

    def sector(self, sector_id: str) -> Sector:
        for s in self.sectors:
            if s.id == sector_id:
                return s
        raise KeyError(sector_id)

    def all_task_specs(self) -> tuple[TaskSpec, ...]:
        """The file's tasks followed by the tasks that `add_task` events bring."""
        extra = tuple(
            e.effect.new_task
            for e in self.events
            if e.effect.kind == "add_task" and e.effect.new_task is not None
        )
        return self.tasks + extra

    def total_effort(self) -> int:
        return sum(t.effort for t in self.tasks)

    def effort_floor(self, seats: int = 6) -> float:
        """GAME.md's balance rule: effort must outrun 1.5 × seats × capacity × rounds × 2.0."""
        return 1.5 * seats * self.defaults.capacity * self.defaults.rounds * 2.0
