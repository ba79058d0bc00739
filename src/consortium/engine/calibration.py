"""GAME.md's ten calibration claims (rules v3), measured and judged robustly.

The claims are what makes the game teach the research: if democratic-heavy did not drown in
meetings, self-select did not lose perspectives, turnover did not feed jointholism or herding
everyone onto one task paid off, the debrief would teach the opposite of the thesis. Each
claim is checked on every shipped scenario with bot seats over 200 seeds, in the **base
condition** (6 seats, 4 rounds, seeds 0–199) and in each **variation**, one change at a time:
another block of 200 seeds, 4 seats, 8 seats, 6 rounds (:func:`conditions`). Claim 10 is its
own grid of one-step rule changes in the base condition.

"Lower", "higher" and "beats" mean that the paired difference over the same seeds exceeds
:data:`SE_MARGIN` standard errors (:func:`paired`). A comparison of ratios of means (claims
4, 6 and 7) uses the ratio's linearisation (each seed's influence on the ratio), so it too
has a standard error rather than a bare point estimate. Win rates depend on the target,
which is set for the base condition, so win-rate parts apply there only.

Every game is a pure function of its scenario, policy, seats, rounds, turnover and seed, so
the games a claim needs are listed first (:class:`Run`) and played once each, in parallel
when asked (``workers``); the claims then read the shared results.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import attrs

from consortium.engine import flow
from consortium.engine.bots import MAIN_POLICIES, POLICIES, Policy
from consortium.engine.game import opening
from consortium.engine.metrics import game_metrics
from consortium.engine.scenario import Scenario, TaskSpec
from consortium.engine.simulate import bot_config, play_to_end

SE_MARGIN = 2.0
"""A difference counts when it exceeds this many standard errors (GAME.md: 2)."""
SEEDS = 200
WIN_BAND = (0.35, 0.65)
WIN_LEAD = 0.15
HERD_FLAG_SHARE = 0.60
"""Claim 8: the share of games in which the debrief must raise the flag or line."""

FIGURES = (
    "impact",
    "won",
    "jointholism_index",
    "meeting_hours",
    "lost_present",
    "early_progress_per_hour",
    "burned_out",
    "jointholism_flag",
    "concentration_flag",
)


# --- what to play -----------------------------------------------------------------------


@attrs.frozen
class Variant:
    """A scenario changed for a claim or a condition: rule and default overrides, work
    scaled to the group (claim 6), one more hidden need on every task (claim 7)."""

    name: str = "as shipped"
    rules: tuple[tuple[str, float], ...] = ()
    capacity: int | None = None
    scale_to_seats: int | None = None
    extra_need: bool = False

    def apply(self, scenario: Scenario) -> Scenario:
        changes: dict[str, Any] = dict(self.rules)
        rules = attrs.evolve(scenario.rules, **changes) if changes else scenario.rules
        defaults = scenario.defaults
        if self.capacity is not None:
            defaults = attrs.evolve(defaults, capacity=self.capacity)
        target = scenario.target
        if self.scale_to_seats is not None:
            rules = attrs.evolve(rules, open_tasks=self.scale_to_seats)
            target = target * self.scale_to_seats / 6
        specs = scenario.all_task_specs()
        changed = {t.id: self._task(scenario, t, i) for i, t in enumerate(specs)}
        events = tuple(
            attrs.evolve(e, effect=attrs.evolve(e.effect, new_task=changed[e.effect.new_task.id]))
            if e.effect.new_task is not None else e
            for e in scenario.events
        )
        return attrs.evolve(
            scenario, rules=rules, defaults=defaults, target=target,
            tasks=tuple(changed[t.id] for t in scenario.tasks), events=events,
        )

    def _task(self, scenario: Scenario, task: TaskSpec, index: int) -> TaskSpec:
        """A task (of the file or an ``add_task`` event) as this variant changes it."""
        if self.scale_to_seats is not None:
            task = attrs.evolve(task, effort=max(1, round(task.effort * self.scale_to_seats / 6)))
        if self.extra_need:
            task = _with_extra_need(scenario, task, index)
        return task


def _with_extra_need(scenario: Scenario, task: TaskSpec, index: int) -> TaskSpec:
    """One more hidden need, from a family the task's requirements do not name yet (GAME.md:
    hidden needs mostly come from such a family), else from any domain it does not require;
    the ``index``-th task takes the ``index``-th such domain (wrapping), so the new needs
    spread over the domains instead of all naming the same one."""
    family = {d.id: d.family for d in scenario.domains}
    named = {family[r] for r in task.requirements}
    spare = [d.id for d in scenario.domains if d.id not in task.requirements]
    other = [d for d in spare if family[d] not in named] or spare
    if not other:
        return task
    return attrs.evolve(task, latent=(*task.latent, other[index % len(other)]))


def homophily_policy(homophily: float) -> Policy:
    """Self-selection with teams left open at a given homophily (claim 5's ladder)."""
    base = POLICIES["self-select-fit"]
    if homophily == base.homophily:
        return base
    return attrs.evolve(base, name=f"self-select-open-h{homophily:g}", homophily=homophily)


@attrs.frozen
class Run:
    """200 bot-only games that differ only in their seed."""

    policy: str
    seats: int = 6
    rounds: int = 4
    turnover: float | None = None
    seed_start: int = 0
    seeds: int = SEEDS
    variant: Variant = Variant()
    homophily: float | None = None  # claim 5: self-selection with open teams at this value


Games = dict[str, list[float]]
"""One run's per-seed figures, by name (:data:`FIGURES`), in seed order."""


def play_run(scenario: Scenario, run: Run) -> Games:
    """Play one run; every seat and the bot group take the run's policy."""
    scenario = run.variant.apply(scenario)
    policy = POLICIES[run.policy] if run.homophily is None else homophily_policy(run.homophily)
    out: Games = {name: [] for name in FIGURES}
    for seed in range(run.seed_start, run.seed_start + run.seeds):
        config = bot_config(
            scenario, run.policy, seed, seats=run.seats, rounds=run.rounds,
            turnover=run.turnover,
        )
        m = game_metrics(play_to_end(flow.start_organizing(opening(scenario, config)), policy))
        for name, value in (
            ("impact", m.impact),
            ("won", float(m.won)),
            ("jointholism_index", m.jointholism_index),
            ("meeting_hours", m.meeting_hours),
            ("lost_present", float(m.lost_perspectives_present)),
            ("early_progress_per_hour", m.early_progress_per_hour),
            ("burned_out", float(m.burned_out)),
            ("jointholism_flag", float(m.jointholism_flag)),
            ("concentration_flag", float(m.concentration_flag)),
        ):
            out[name].append(value)
    return out


def _play_one(args: tuple[Scenario, Run]) -> Games:
    return play_run(*args)


def play_runs(scenario: Scenario, runs: Iterable[Run], workers: int = 1) -> dict[Run, Games]:
    """Every run once (duplicates merged), on ``workers`` processes when more than one."""
    todo = list(dict.fromkeys(runs))
    if workers <= 1:
        return {run: play_run(scenario, run) for run in todo}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = pool.map(_play_one, [(scenario, run) for run in todo], chunksize=1)
        return dict(zip(todo, results, strict=True))


# --- statistics ---------------------------------------------------------------------------


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def standard_error(values: Sequence[float]) -> float:
    n = len(values)
    if n < 2:
        return 0.0
    m = mean(values)
    return math.sqrt(sum((v - m) ** 2 for v in values) / (n - 1) / n)


@attrs.frozen
class Test:
    """One comparison: ``difference`` should be positive; it counts when it exceeds
    :data:`SE_MARGIN` standard errors (``se``)."""

    what: str
    difference: float
    se: float

    @property
    def margin(self) -> float:
        """The difference in standard errors (infinite when there is no noise at all)."""
        if self.se == 0:
            return math.inf if self.difference > 0 else -math.inf
        return self.difference / self.se

    @property
    def holds(self) -> bool:
        return self.margin > SE_MARGIN


def paired(what: str, higher: Sequence[float], lower: Sequence[float]) -> Test:
    """``higher`` beats ``lower`` over the same seeds: the mean of the per-seed differences
    and its standard error."""
    diffs = [a - b for a, b in zip(higher, lower, strict=True)]
    return Test(what, mean(diffs), standard_error(diffs))


def independent(what: str, higher: Sequence[float], lower: Sequence[float]) -> Test:
    se = math.hypot(standard_error(higher), standard_error(lower))
    return Test(what, mean(higher) - mean(lower), se)


def ratio_influence(top: Sequence[float], bottom: Sequence[float]) -> tuple[float, list[float]]:
    """mean(top) ÷ mean(bottom) and each seed's influence on it (the linearisation
    ``(top_i − R · bottom_i) / mean(bottom)``), whose standard error is the ratio's."""
    mb = mean(bottom)
    ratio = mean(top) / mb if mb else 0.0
    return ratio, [(t - ratio * b) / mb if mb else 0.0 for t, b in zip(top, bottom, strict=True)]


def ratio_rise(
    what: str,
    after: tuple[Sequence[float], Sequence[float]],
    before: tuple[Sequence[float], Sequence[float]],
    *,
    same_seeds: bool = True,
) -> Test:
    """The ratio ``after[0] / after[1]`` is above ``before[0] / before[1]``."""
    r1, inf1 = ratio_influence(*after)
    r0, inf0 = ratio_influence(*before)
    if same_seeds:
        return Test(what, r1 - r0, standard_error([a - b for a, b in zip(inf1, inf0, strict=True)]))
    return Test(what, r1 - r0, math.hypot(standard_error(inf1), standard_error(inf0)))


# --- the claims ---------------------------------------------------------------------------


@attrs.frozen
class Claim:
    number: int
    text: str
    tests: tuple[Test, ...]
    checks: tuple[tuple[str, bool], ...] = ()  # point conditions (win bands, shares)

    @property
    def holds(self) -> bool:
        return all(t.holds for t in self.tests) and all(ok for _, ok in self.checks)

    @property
    def margin(self) -> float:
        """The smallest margin in standard errors among its tests."""
        return min((t.margin for t in self.tests), default=math.inf)

    @property
    def detail(self) -> str:
        parts = [f"{t.what} {t.difference:+.3g} ({_sigmas(t.margin)})" for t in self.tests]
        parts += [f"{what}{'' if ok else ' FAILS'}" for what, ok in self.checks]
        return "; ".join(parts)


def _sigmas(margin: float) -> str:
    return "∞ SE" if math.isinf(margin) else f"{margin:.1f} SE"


@attrs.frozen
class Condition:
    """A base condition or a one-at-a-time variation, and which claims apply in it."""

    name: str
    seats: int = 6
    rounds: int = 4
    seed_start: int = 0
    claims: tuple[int, ...] = (1, 2, 3, 4, 5, 6, 7, 8, 9)
    base: bool = False  # win-rate parts apply
    seeds: int = SEEDS

    def run(self, policy: str, **changes: Any) -> Run:
        return Run(policy, seats=self.seats, rounds=self.rounds, seed_start=self.seed_start,
                   seeds=self.seeds, **changes)


def conditions(*, all_: bool = True, seeds: int = SEEDS) -> list[Condition]:
    """The base condition and, with ``all_``, GAME.md's variations. Claims 6 (it varies the
    seats itself) and 8 and the herd part of 3 (from 6 seats) do not apply at 4 seats;
    claim 6 compares 4 with 8 seats and is not repeated at 4 or 8. ``seeds`` games per run
    (GAME.md: 200; fewer only for a quick look, such as the tests of the calibrate command)."""
    def block(start: int) -> str:
        return f"seeds {start}–{start + seeds - 1}"

    base = Condition(f"base (6 seats, 4 rounds, {block(0)})", base=True, seeds=seeds)
    if not all_:
        return [base]
    return [
        base,
        Condition(block(200), seed_start=200, seeds=seeds),
        Condition(block(5000), seed_start=5000, seeds=seeds),
        Condition("4 seats", seats=4, claims=(1, 2, 3, 4, 5, 7, 9), seeds=seeds),
        Condition("8 seats", seats=8, claims=(1, 2, 3, 4, 5, 7, 8, 9), seeds=seeds),
        Condition("6 rounds", rounds=6, seeds=seeds),
    ]


def one_step_grid(scenario: Scenario) -> list[Variant]:
    """Claim 10's one-step changes from this scenario's own values."""
    r, d = scenario.rules, scenario.defaults
    out = [Variant(f"capacity {s:+d}", capacity=d.capacity + s) for s in (-1, 1)]
    for key, step in (
        ("quality_exponent", 0.5),
        ("fit_per_level", 0.1),
        ("overhead_k", 0.5),
        ("open_tasks", 1),
        ("max_intros", 1),
    ):
        value = getattr(r, key)
        for sign in (-1, 1):
            changed = value + sign * step
            if key in ("open_tasks", "max_intros"):
                changed = int(changed)
            out.append(Variant(f"{key} {sign * step:+g}", rules=((key, changed),)))
    return out


CI_GRID = ("capacity -1", "overhead_k +0.5")
"""The one-step changes every CI run checks (claim 10 once); ``--all`` checks all twelve."""


def ci_grid(scenario: Scenario) -> list[Variant]:
    return [v for v in one_step_grid(scenario) if v.name in CI_GRID]


class Calibration:
    """The claims on one scenario: list the runs (:meth:`runs`), play them, judge them."""

    def __init__(
        self,
        scenario: Scenario,
        *,
        all_: bool = True,
        grid: Sequence[Variant] | None = None,
        seeds: int = SEEDS,
    ) -> None:
        self.scenario = scenario
        self.conditions = conditions(all_=all_, seeds=seeds)
        self.grid = list(one_step_grid(scenario) if grid is None else grid)
        self.results: dict[Run, Games] = {}

    # -- what each claim needs --

    def runs(self) -> list[Run]:
        out: list[Run] = []
        for c in self.conditions:
            out += [c.run(p) for p in POLICIES]
            if 4 in c.claims:
                out += [c.run(p, turnover=t) for p in
                        ("democratic-keep", "democratic-heavy", "self-select-fit")
                        for t in (0.0, 0.3)]
            if 5 in c.claims:
                out += [c.run("self-select-fit", homophily=h) for h in (0.5, 1.0)]
            if 6 in c.claims:
                out += [
                    Run(p, seats=n, rounds=c.rounds, seed_start=c.seed_start, seeds=c.seeds,
                        variant=Variant(f"scaled to {n}", scale_to_seats=n))
                    for p in ("democratic-light", "self-select-fit") for n in (4, 6, 8)
                ]
            if 7 in c.claims:
                out += [c.run(p, variant=Variant("one more hidden need", extra_need=True))
                        for p in ("balanced", "self-select-fit", "democratic-light")]
        base = self.conditions[0]
        for variant in self.grid:
            out += [base.run(p, variant=variant) for p in
                    ("democratic-heavy", "self-select", "balanced", "herd")]
        return list(dict.fromkeys(out))

    def play(self, workers: int = 1) -> Calibration:
        self.results = play_runs(self.scenario, self.runs(), workers)
        return self

    def _get(self, run: Run, figure: str) -> list[float]:
        return self.results[run][figure]

    # -- the claims in one condition --

    def claims(self, condition: Condition) -> list[Claim]:
        c = condition
        g = self._get

        def fig(policy: str, figure: str, **changes: Any) -> list[float]:
            return g(c.run(policy, **changes), figure)

        out: list[Claim] = []
        makers: Mapping[int, Callable[[], Claim]] = {
            1: lambda: self._claim_1(fig),
            2: lambda: self._claim_2(fig),
            3: lambda: self._claim_3(fig, c),
            4: lambda: self._claim_4(fig),
            5: lambda: self._claim_5(fig),
            6: lambda: self._claim_6(c),
            7: lambda: self._claim_7(fig),
            8: lambda: self._claim_8(fig),
            9: lambda: self._claim_9(fig),
        }
        for number in c.claims:
            out.append(makers[number]())
        return out

    def _claim_1(self, fig: Callable[..., list[float]]) -> Claim:
        tests = [paired(f"jointholism heavy − {p}", fig("democratic-heavy", "jointholism_index"),
                        fig(p, "jointholism_index"))
                 for p in MAIN_POLICIES if p != "democratic-heavy"]
        tests.append(paired("impact balanced − heavy", fig("balanced", "impact"),
                            fig("democratic-heavy", "impact")))
        return Claim(1, "democratic-heavy has the highest jointholism index of the six main "
                     "policies and lower impact than balanced", tuple(tests))

    def _claim_2(self, fig: Callable[..., list[float]]) -> Claim:
        tests = [paired(f"present lost self-select − {p}", fig("self-select", "lost_present"),
                        fig(p, "lost_present"))
                 for p in MAIN_POLICIES if p != "self-select"]
        tests.append(paired("impact balanced − self-select", fig("balanced", "impact"),
                            fig("self-select", "impact")))
        return Claim(2, "self-select has the most present lost perspectives of the six main "
                     "policies and lower impact than balanced", tuple(tests))

    def _claim_3(self, fig: Callable[..., list[float]], c: Condition) -> Claim:
        rivals = ["democratic-heavy", "self-select"] + (["herd"] if c.seats >= 6 else [])
        tests = [paired(f"impact balanced − {p}", fig("balanced", "impact"), fig(p, "impact"))
                 for p in rivals]
        checks: list[tuple[str, bool]] = []
        if c.base:
            wins = mean(fig("balanced", "won"))
            low, high = WIN_BAND
            checks.append((f"balanced wins {wins:.0%} (band {low:.0%}–{high:.0%})",
                           low <= wins <= high))
            for p in rivals:
                lead = wins - mean(fig(p, "won"))
                checks.append((f"wins {lead * 100:+.0f} pp over {p}", lead >= WIN_LEAD))
        return Claim(3, "balanced beats democratic-heavy, self-select and (from 6 seats) herd "
                     "on impact" + ("; wins 35–65 %, 15 pp more than each" if c.base else ""),
                     tuple(tests), tuple(checks))

    def _claim_4(self, fig: Callable[..., list[float]]) -> Claim:
        keep0, keep3 = (fig("democratic-keep", "impact", turnover=t) for t in (0.0, 0.3))
        heavy0, heavy3 = (fig("democratic-heavy", "impact", turnover=t) for t in (0.0, 0.3))
        fit0, fit3 = (fig("self-select-fit", "impact", turnover=t) for t in (0.0, 0.3))
        meet0, meet3 = (fig("democratic-keep", "meeting_hours", turnover=t) for t in (0.0, 0.3))
        more = mean(meet3) / mean(meet0) if mean(meet0) else math.inf
        return Claim(
            4, "turnover 0 → 0.3: democratic-keep and -heavy lose impact, keep meets ≥ 20 % "
            "more, self-select-fit gains relative to keep",
            (
                paired("keep impact lost", keep0, keep3),
                paired("heavy impact lost", heavy0, heavy3),
                paired("keep meeting hours +20 %", meet3, [1.2 * m for m in meet0]),
                ratio_rise("fit ÷ keep rise", (fit3, keep3), (fit0, keep0)),
            ),
            ((f"keep meets {more:.2f}×", more >= 1.2),),
        )

    def _claim_5(self, fig: Callable[..., list[float]]) -> Claim:
        h0 = fig("self-select-fit", "impact")
        h5 = fig("self-select-fit", "impact", homophily=0.5)
        h1 = fig("self-select-fit", "impact", homophily=1.0)
        return Claim(
            5, "rounds 1–2: self-select makes more progress per hour than self-select-fit and "
            "ends lower; open teams' impact falls as homophily goes 0 → 0.5 → 1",
            (
                paired("early progress/h self-select − fit",
                       fig("self-select", "early_progress_per_hour"),
                       fig("self-select-fit", "early_progress_per_hour")),
                paired("impact fit − self-select", fig("self-select-fit", "impact"),
                       fig("self-select", "impact")),
                paired("impact h0 − h0.5", h0, h5),
                paired("impact h0.5 − h1", h5, h1),
            ),
        )

    def _claim_6(self, c: Condition) -> Claim:
        def scaled(policy: str, n: int, figure: str) -> list[float]:
            run = Run(policy, seats=n, rounds=c.rounds, seed_start=c.seed_start,
                      seeds=c.seeds, variant=Variant(f"scaled to {n}", scale_to_seats=n))
            return self._get(run, figure)

        def per_person(n: int) -> list[float]:
            return [h / n for h in scaled("democratic-light", n, "meeting_hours")]

        return Claim(
            6, "work scaled to the group: self-select-fit ÷ democratic-light is higher at 8 "
            "seats than at 4; democratic-light's meeting hours per person rise with seats",
            (
                ratio_rise("fit ÷ light, 8 vs 4 seats",
                           (scaled("self-select-fit", 8, "impact"),
                            scaled("democratic-light", 8, "impact")),
                           (scaled("self-select-fit", 4, "impact"),
                            scaled("democratic-light", 4, "impact")),
                           same_seeds=False),
                independent("light meeting h/person 6 − 4 seats", per_person(6), per_person(4)),
                independent("light meeting h/person 8 − 6 seats", per_person(8), per_person(6)),
            ),
        )

    def _claim_7(self, fig: Callable[..., list[float]]) -> Claim:
        """Relative to balanced, multiplicatively: a policy keeps ``(X₁/bal₁) ÷ (X₀/bal₀)``
        of its standing when every task gets one more hidden need, so comparing what
        self-select-fit and democratic-light keep is comparing ``X₁/X₀`` (balanced's own
        drop divides both and cancels, and with it its noise)."""
        more = Variant("one more hidden need", extra_need=True)
        bal0, fit0, light0 = (fig(p, "impact") for p in
                              ("balanced", "self-select-fit", "democratic-light"))
        bal1, fit1, light1 = (fig(p, "impact", variant=more) for p in
                              ("balanced", "self-select-fit", "democratic-light"))
        kept = ratio_rise("impact kept: light − fit", (light1, light0), (fit1, fit0))
        bal_kept = mean(bal1) / mean(bal0) if mean(bal0) else 0.0
        fit_kept = mean(fit1) / mean(fit0) if mean(fit0) else 0.0
        light_kept = mean(light1) / mean(light0) if mean(light0) else 0.0
        return Claim(
            7, "one more hidden need on every task: self-select-fit loses more impact "
            "relative to balanced than democratic-light does",
            (kept,),
            ((f"kept: self-select-fit {fit_kept:.0%}, democratic-light {light_kept:.0%}, "
              f"balanced {bal_kept:.0%}", True),),
        )

    def _claim_8(self, fig: Callable[..., list[float]]) -> Claim:
        checks = []
        for p in ("herd", "self-select-herd"):
            share = mean(fig(p, "concentration_flag"))
            checks.append((f"{p} concentration line in {share:.0%}", share >= HERD_FLAG_SHARE))
        flagged = mean(fig("herd", "jointholism_flag"))
        checks.append((f"herd jointholism flag in {flagged:.0%}", flagged >= HERD_FLAG_SHARE))
        return Claim(
            8, "no spotless shortcut: herd and self-select-herd score lower than balanced, "
            "the debrief names concentration for both and flags herd's jointholism",
            tuple(paired(f"impact balanced − {p}", fig("balanced", "impact"), fig(p, "impact"))
                  for p in ("herd", "self-select-herd")),
            tuple(checks),
        )

    def _claim_9(self, fig: Callable[..., list[float]]) -> Claim:
        burned = fig("democratic-heavy", "burned_out")
        return Claim(
            9, "democratic-heavy loses at least 0.5 participants per game to burn-out",
            (Test("heavy burn-outs − 0.5", mean(burned) - 0.5, standard_error(burned)),),
        )

    def claim_10(self) -> Claim:
        """The impact orderings of claims 1–3 under each one-step change (base condition)."""
        base = self.conditions[0]
        tests = []
        for variant in self.grid:
            def imp(policy: str, v: Variant = variant) -> list[float]:
                return self._get(base.run(policy, variant=v), "impact")

            for rival in ("democratic-heavy", "self-select", "herd"):
                tests.append(paired(f"{variant.name}: balanced − {rival}", imp("balanced"),
                                    imp(rival)))
        return Claim(10, "the impact orderings of claims 1–3 hold under each one-step change of "
                     "capacity, quality_exponent, fit_per_level, overhead_k, open_tasks and "
                     "max_intros", tuple(tests))

    def table(self) -> list[tuple[str, Claim]]:
        """Every claim in every condition where it applies, then claim 10."""
        rows = [(c.name, claim) for c in self.conditions for claim in self.claims(c)]
        if self.grid:
            rows.append(("base, one-step grid", self.claim_10()))
        return rows

    def means(self, condition: Condition | None = None) -> dict[str, dict[str, float]]:
        """Each policy's mean figures in a condition (the base one by default)."""
        c = condition or self.conditions[0]
        return {p: {f: mean(self._get(c.run(p), f)) for f in FIGURES} for p in POLICIES}


def calibrate(scenario: Scenario, *, all_: bool = True, workers: int = 1,
              grid: Sequence[Variant] | None = None, seeds: int = SEEDS) -> Calibration:
    return Calibration(scenario, all_=all_, grid=grid, seeds=seeds).play(workers)
