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


RULES_VERSION = 3
"""The rules new games play under (GAME.md "rules v3"). Saves record it; a save of rules
version 1 (Consortium 0.1.0, which played what GAME.md calls the v2 rules) replays under
:func:`rules_version_1`. There is no rules version 2 in any save."""


@attrs.frozen
class Rules:
    """The tunable constants of GAME.md, with its defaults and SCENARIO_FORMAT.md's ranges.

    ``version`` is not a scenario key: it says which rules the game plays under (see
    :data:`RULES_VERSION`); only the loader of an old save sets it to 1.
    """

    sector_bias: float = 0.6
    capacity_spread: int = 2
    intro_cost: float | None = None  # v2 key: fixed hours per introduction, whatever the seats
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
    # --- rules v3 ---
    hours_swing: int = 3
    min_useful_hours: float = 2
    lead_hours: float = 4
    intro_minutes_per_speaker: float = 10
    deliberation_minutes_per_member: float = 10
    familiarity_floor: float = 0.25
    crowding_cost: float = 1.0  # GAME.md says 0.5; calibration (docs/calibration.md) needs 1.0
    onboarding_factor: float = 0.5
    handover_loss: float = 0.10
    knowledge_walks_out: bool = True
    version: int = RULES_VERSION

    def fit(self, level: int) -> float:
        """GAME.md: fit = ``fit_base + fit_per_level · level`` with a matching card of that
        level, else ``fit_nonexpert`` (level 0: mismatch hours). The one formula: the work
        a round resolves and the fit a bot expects both come from here."""
        return self.fit_base + self.fit_per_level * level if level else self.fit_nonexpert

    def fit_by_level(self) -> tuple[float, float, float, float]:
        """:meth:`fit` for no match and for each card level 1–3, for a caller that looks it
        up many times in one decision (the bots score every open task)."""
        return (self.fit(0), self.fit(1), self.fit(2), self.fit(3))

    def intro_hours(self, speakers: int) -> float:
        """What one introduction costs each participant: every speaker takes
        ``intro_minutes_per_speaker`` (1 hour at 6 seats), or the v2 key's fixed hours."""
        if self.intro_cost is not None:
            return self.intro_cost
        return self.intro_minutes_per_speaker * speakers / 60

    def deliberation_hours(self, members: int) -> float:
        """What a deliberation costs each plenary member without the talk clock: a bigger
        plenary talks longer (1 hour at 6 members, 1 h 20 at 8), never below
        ``deliberation_cost``."""
        return max(self.deliberation_cost, self.deliberation_minutes_per_member * members / 60)


V3_ONLY_KEYS = (
    "hours_swing",
    "min_useful_hours",
    "lead_hours",
    "intro_minutes_per_speaker",
    "deliberation_minutes_per_member",
    "familiarity_floor",
    "crowding_cost",
    "onboarding_factor",
    "handover_loss",
    "knowledge_walks_out",
    "version",
)
"""The fields rules v3 added to :class:`Rules` (a 0.1.0 save's scenario has none of them)."""


def rules_version_1(rules: Rules) -> Rules:
    """The rules a 0.1.0 save was played under (GAME.md's v2): hours shifted by −2, 0 or +2,
    a fixed hour per introduction and per deliberation, no onboarding, no knowledge walking
    out, no handover loss, no familiarity floor, no crowding; its bots knew nothing of their
    own hours. Kept as a code path so old saves replay to exactly the board they had."""
    return attrs.evolve(
        rules,
        version=1,
        intro_cost=1.0 if rules.intro_cost is None else rules.intro_cost,
        hours_swing=2,
        min_useful_hours=0,
        lead_hours=0,
        deliberation_minutes_per_member=0,
        familiarity_floor=0,
        crowding_cost=0,
        onboarding_factor=1,
        handover_loss=0,
        knowledge_walks_out=False,
    )


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
    crew: int | None = None  # v3: useful team size; None = requirements + 1

    @property
    def requirements(self) -> tuple[str, ...]:
        return self.visible + self.latent

    @property
    def useful_team(self) -> int:
        """Beyond this many members a team crowds (Ringelmann, Brooks): everyone pays
        ``crowding_cost`` per extra member."""
        return self.crew if self.crew is not None else len(self.visible) + len(self.latent) + 1


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
class Translation:
    """One text of the scenario in another language than the file's: SCENARIO_FORMAT.md's
    ``title_sv = …`` (rules never read it; the words layer shows it, see
    :mod:`consortium.present.scenario_words`).

    ``key`` names the text by ids, never by position: ``title`` and ``blurb`` of the scenario,
    else ``<table>.<id>.<field>`` (:func:`text_key`) with the table ``families``, ``domains``,
    ``sectors``, ``tasks`` (an ``add_task`` event's task too: task ids are unique across
    both) or ``events``.
    """

    key: str
    language: str
    text: str


TRANSLATABLE_TABLES = ("families", "domains", "sectors", "tasks", "events")
"""The tables whose texts a file may translate, in the order of SCENARIO_FORMAT.md."""


def text_key(table: str, entry_id: str, field: str) -> str:
    """The :attr:`Translation.key` of one entry's text: ``tasks.rain-gardens.title``."""
    return f"{table}.{entry_id}.{field}"


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
    translations: tuple[Translation, ...] = ()
    """The file's texts in other languages, in file order; a save leaves the key out when
    there are none, so a scenario without translations keeps its content hash."""

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
