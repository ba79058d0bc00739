"""Why a calibration claim fails on a scenario, read from the figures the claim uses.

``consortium calibrate`` and the window's "Check that it teaches…" run the claims of
:mod:`consortium.engine.calibration` on a trainer's scenario; a failing claim alone tells the
trainer nothing they can act on. :func:`diagnose` turns each claim into a :class:`Verdict`:
whether it holds, its margin, which of its comparisons fail and, for a failing claim, the
likely :class:`Cause` and the scenario keys to change (SCENARIO_FORMAT.md's places, such as
``tasks[].effort`` or ``rules.crowding_cost``).

Causes are chosen by comparing figures, not fixed per claim: a claim 3 whose win band fails
because balanced wins every game names a target it would win about half the games at (the
target that best meets the band and the 15-point lead over the seeds played); claim 1 blames
the amount of work when the tasks' effort is below GAME.md's balance rule and the cost of
meetings when it is not; a comparison that points the right way but within noise is told
apart from one that is reversed. Words are :mod:`consortium.present.calibrate_words`'s job:
a cause here is a code, its figures and its keys.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Literal

import attrs

from consortium.engine.calibration import (
    SE_MARGIN,
    WIN_BAND,
    WIN_LEAD,
    Calibration,
    Claim,
    Condition,
    Test,
    mean,
)
from consortium.engine.scenario import Scenario

OUTRUN = 1.5
"""GAME.md's balance rule: total effort ≥ 1.5 × 6 seats × capacity × rounds × 2.0."""

Change = Literal["raise", "lower", "check"]


@attrs.frozen
class Key:
    """A scenario key (a place of SCENARIO_FORMAT.md) and which way to move it."""

    place: str
    change: Change


@attrs.frozen
class Cause:
    """A likely cause: ``code`` says which (the words are present's), ``figures`` the numbers
    it was read from, ``keys`` what to change."""

    code: str
    keys: tuple[Key, ...]
    figures: tuple[tuple[str, float | str], ...] = ()

    def figure(self, name: str) -> float | str:
        return dict(self.figures)[name]


@attrs.frozen
class Part:
    """One failing comparison or condition of a claim, as the engine states it, with its
    margin in standard errors (``None`` for a point condition such as the win band)."""

    condition: str
    what: str
    margin: float | None


@attrs.frozen
class Verdict:
    """A claim over every condition it was checked in."""

    number: int
    holds: bool
    margin: float  # the smallest margin in standard errors over its conditions
    conditions: tuple[str, ...]  # where it was checked
    failing: tuple[Part, ...] = ()
    causes: tuple[Cause, ...] = ()


@attrs.frozen
class Diagnosis:
    scenario_id: str
    title: str
    target: float
    seeds: int
    full: bool  # every variation and the whole one-step grid (``--all``)
    verdicts: tuple[Verdict, ...]
    games: int = 0

    @property
    def holds(self) -> bool:
        return all(v.holds for v in self.verdicts)

    @property
    def failing(self) -> tuple[Verdict, ...]:
        return tuple(v for v in self.verdicts if not v.holds)


# --- figures of the scenario itself ---------------------------------------------------------


def work_load(scenario: Scenario) -> float:
    """Total effort ÷ what 6 level-2 experts could do in the scenario's rounds (GAME.md's
    balance rule wants at least :data:`OUTRUN`)."""
    d = scenario.defaults
    can_do = 6 * d.capacity * d.rounds * 2.0
    return scenario.total_effort() / can_do if can_do else math.inf


def total_value(scenario: Scenario) -> float:
    return sum(t.value for t in scenario.tasks)


def hidden_needs(scenario: Scenario) -> tuple[float, float]:
    """Hidden needs per task, and the share of them from a family the task's visible
    requirements do not name (GAME.md: they should mostly be)."""
    family = {d.id: d.family for d in scenario.domains}
    needs = [(n, t) for t in scenario.tasks for n in t.latent]
    if not needs:
        return 0.0, 0.0
    foreign = sum(1 for n, t in needs if family[n] not in {family[v] for v in t.visible})
    return len(needs) / len(scenario.tasks), foreign / len(needs)


def suggest_target(balanced: Sequence[float], rivals: Sequence[Sequence[float]]) -> float | None:
    """The target at which ``balanced`` (per-seed impacts) wins closest to half its games
    while leading every rival by :data:`WIN_LEAD`, among the impacts reached; ``None``
    when no target meets both the band and the lead."""
    if not balanced:
        return None
    best: tuple[float, float] | None = None
    low, high = WIN_BAND
    for target in sorted({round(v, 1) for v in balanced if v > 0}):
        wins = sum(v >= target for v in balanced) / len(balanced)
        if not low <= wins <= high:
            continue
        if any(wins - sum(v >= target for v in r) / len(r) < WIN_LEAD for r in rivals if r):
            continue
        score = abs(wins - 0.5)
        if best is None or score < best[0]:
            best = (score, target)
    return None if best is None else best[1]


# --- the diagnosis --------------------------------------------------------------------------


class _Reader:
    """The figures of one condition of a played calibration."""

    def __init__(self, cal: Calibration, condition: Condition) -> None:
        self.cal, self.c = cal, condition

    def games(self, policy: str, figure: str, **changes: object) -> list[float]:
        return self.cal.results[self.c.run(policy, **changes)][figure]

    def mean(self, policy: str, figure: str, **changes: object) -> float:
        return mean(self.games(policy, figure, **changes))


def _parts(condition: str, claim: Claim) -> list[Part]:
    out = [Part(condition, t.what, t.margin) for t in claim.tests if not t.holds]
    out += [Part(condition, what, None) for what, ok in claim.checks if not ok]
    return out


def _noise(test: Test) -> Cause | None:
    """A comparison that points the right way but within :data:`SE_MARGIN` standard errors:
    more seeds may settle it, or the effect is too weak in this scenario."""
    if test.holds or test.difference <= 0 or math.isinf(test.margin):
        return None
    return Cause("thin", (), (("what", test.what), ("margin", round(test.margin, 2))))


_MEETING_KEYS = (Key("rules.intro_minutes_per_speaker", "raise"),
                 Key("rules.deliberation_minutes_per_member", "raise"),
                 Key("defaults.capacity", "lower"))
_WORK_KEYS = (Key("tasks[].effort", "raise"), Key("defaults.capacity", "lower"))
_NEED_KEYS = (Key("tasks[].latent", "raise"), Key("rules.quality_exponent", "raise"))
_CROWD_KEYS = (Key("rules.crowding_cost", "raise"), Key("tasks[].crew", "lower"))


def work_cause(scenario: Scenario) -> Cause | None:
    """When the work does not outrun the partnership (GAME.md's balance rule), meetings,
    mismatches and crowding cost nothing that matters and every ordering by impact blurs: the
    first cause of any failing claim, before the claim's own."""
    load = work_load(scenario)
    if load >= OUTRUN:
        return None
    return Cause("work-does-not-outrun", _WORK_KEYS, (
        ("load", round(load, 2)), ("effort", scenario.total_effort()),
        ("floor", scenario.effort_floor())))


def _claim_1(s: Scenario, r: _Reader, failing: set[str]) -> list[Cause]:
    out = []
    if any(w.startswith("jointholism heavy") for w in failing):
        rivals = [w.removeprefix("jointholism heavy − ") for w in failing
                  if w.startswith("jointholism heavy")]
        top = max(rivals, key=lambda p: r.mean(p, "jointholism_index"))
        keys = (*_MEETING_KEYS[:2], Key("rules.max_intros", "raise"))
        out.append(Cause("meetings-cheap", keys, (
            ("heavy", round(r.mean("democratic-heavy", "jointholism_index"), 3)),
            ("rival", top), ("rival_index", round(r.mean(top, "jointholism_index"), 3)))))
    if "impact balanced − heavy" in failing:
        out.append(Cause("meetings-cost-no-work", _MEETING_KEYS, (
            ("heavy", round(r.mean("democratic-heavy", "impact"), 1)),
            ("balanced", round(r.mean("balanced", "impact"), 1)),
            ("heavy_meeting_share", round(r.mean("democratic-heavy", "jointholism_index"), 3)))))
    return out


def _lost_cause(s: Scenario, rival: str, r: _Reader) -> Cause:
    per_task, foreign = hidden_needs(s)
    return Cause("needs-not-missed", (Key("tasks[].latent", "raise"),
                                      Key("rules.sector_bias", "raise")), (
        ("self_select", round(r.mean("self-select", "lost_present"), 2)),
        ("rival", rival), ("rival_lost", round(r.mean(rival, "lost_present"), 2)),
        ("needs_per_task", round(per_task, 2)), ("foreign_share", round(foreign, 2))))


def _claim_2(s: Scenario, r: _Reader, failing: set[str]) -> list[Cause]:
    out = []
    rivals = [w.removeprefix("present lost self-select − ") for w in failing
              if w.startswith("present lost")]
    if rivals:
        out.append(_lost_cause(s, max(rivals, key=lambda p: r.mean(p, "lost_present")), r))
    if "impact balanced − self-select" in failing:
        per_task, foreign = hidden_needs(s)
        out.append(Cause("closing-costs-little", _NEED_KEYS, (
            ("self_select", round(r.mean("self-select", "impact"), 1)),
            ("balanced", round(r.mean("balanced", "impact"), 1)),
            ("needs_per_task", round(per_task, 2)), ("foreign_share", round(foreign, 2)))))
    return out


def _rival_cause(s: Scenario, r: _Reader, rival: str) -> Cause:
    """Why balanced does not beat ``rival`` on impact."""
    figures: tuple[tuple[str, float | str], ...] = (
        ("rival", rival), ("rival_impact", round(r.mean(rival, "impact"), 1)),
        ("balanced", round(r.mean("balanced", "impact"), 1)))
    if rival == "herd":
        return Cause("crowding-cheap", _CROWD_KEYS, figures)
    if rival == "democratic-heavy":
        share = round(r.mean("democratic-heavy", "jointholism_index"), 3)
        return Cause("meetings-cost-no-work", _MEETING_KEYS,
                     (*figures, ("heavy_meeting_share", share)))
    return Cause("closing-costs-little", _NEED_KEYS, figures)


def _claim_3(s: Scenario, r: _Reader, failing: set[str]) -> list[Cause]:
    out = []
    for w in sorted(failing):
        if w.startswith("impact balanced − "):
            out.append(_rival_cause(s, r, w.removeprefix("impact balanced − ")))
    band = [w for w in failing if w.startswith("balanced wins")]
    lead = [w for w in failing if w.startswith("wins ")]
    if band or lead:
        rivals = ["democratic-heavy", "self-select"] + (["herd"] if r.c.seats >= 6 else [])
        balanced = r.games("balanced", "impact")
        wins = mean([float(v >= s.target) for v in balanced])
        suggested = suggest_target(balanced, [r.games(p, "impact") for p in rivals])
        figures: tuple[tuple[str, float | str], ...] = (
            ("wins", round(wins, 3)), ("target", s.target),
            ("balanced_impact", round(mean(balanced), 1)),
            ("best_rival_wins", round(max(r.mean(p, "won") for p in rivals), 3)))
        if suggested is not None:
            code = "target-too-low" if suggested > s.target else "target-too-high"
            out.append(Cause(code, (Key("target", "raise" if code == "target-too-low"
                                        else "lower"),),
                             (*figures, ("suggested", suggested))))
        else:
            # no target gives balanced both the band and its lead: the impacts are too close
            out.append(Cause("no-target-works", (
                Key("target", "check"), *_MEETING_KEYS[:1], *_CROWD_KEYS[:1],
                Key("tasks[].latent", "raise")), figures))
    return out


def _claim_4(s: Scenario, r: _Reader, failing: set[str]) -> list[Cause]:
    out = []
    if failing & {"keep impact lost", "heavy impact lost", "fit ÷ keep rise"}:
        out.append(Cause("turnover-cheap", (
            Key("rules.onboarding_factor", "lower"), Key("rules.handover_loss", "raise"),
            Key("rules.knowledge_walks_out", "check")), (
            ("keep_0", round(r.mean("democratic-keep", "impact", turnover=0.0), 1)),
            ("keep_3", round(r.mean("democratic-keep", "impact", turnover=0.3), 1)),
            ("heavy_0", round(r.mean("democratic-heavy", "impact", turnover=0.0), 1)),
            ("heavy_3", round(r.mean("democratic-heavy", "impact", turnover=0.3), 1)),
            ("onboarding_factor", s.rules.onboarding_factor),
            ("handover_loss", s.rules.handover_loss))))
    if "keep meeting hours +20 %" in failing or any(w.startswith("keep meets") for w in failing):
        m0 = r.mean("democratic-keep", "meeting_hours", turnover=0.0)
        m3 = r.mean("democratic-keep", "meeting_hours", turnover=0.3)
        out.append(Cause("newcomers-meet-little", (
            Key("rules.intro_minutes_per_speaker", "raise"), Key("rules.max_intros", "raise"),
            Key("defaults.hand_size", "raise")), (
            ("ratio", round(m3 / m0, 2) if m0 else 0.0), ("meeting_0", round(m0, 1)),
            ("meeting_3", round(m3, 1)))))
    return out


def _claim_5(s: Scenario, r: _Reader, failing: set[str]) -> list[Cause]:
    out = []
    if "early progress/h self-select − fit" in failing:
        out.append(Cause("similarity-no-faster", (
            Key("rules.same_language_bonus", "raise"), Key("rules.overhead_k", "raise")), (
            ("self_select", round(r.mean("self-select", "early_progress_per_hour"), 3)),
            ("fit", round(r.mean("self-select-fit", "early_progress_per_hour"), 3)))))
    if failing & {"impact fit − self-select", "impact h0 − h0.5", "impact h0.5 − h1"}:
        per_task, foreign = hidden_needs(s)
        out.append(Cause("similarity-costs-little", _NEED_KEYS, (
            ("h0", round(r.mean("self-select-fit", "impact"), 1)),
            ("h05", round(r.mean("self-select-fit", "impact", homophily=0.5), 1)),
            ("h1", round(r.mean("self-select-fit", "impact", homophily=1.0), 1)),
            ("needs_per_task", round(per_task, 2)), ("foreign_share", round(foreign, 2)))))
    return out


def _claim_6(s: Scenario, r: _Reader, failing: set[str]) -> list[Cause]:
    if s.rules.intro_cost is not None:
        return [Cause("fixed-intro-cost", (Key("rules.intro_cost", "check"),
                                           Key("rules.intro_minutes_per_speaker", "raise")),
                      (("intro_cost", s.rules.intro_cost),))]
    return [Cause("big-plenary-no-longer", (
        Key("rules.deliberation_minutes_per_member", "raise"),
        Key("rules.intro_minutes_per_speaker", "raise")), (
        ("deliberation", s.rules.deliberation_minutes_per_member),
        ("intro", s.rules.intro_minutes_per_speaker),
        ("floor", s.rules.deliberation_cost)))]


def _claim_7(s: Scenario, r: _Reader, failing: set[str]) -> list[Cause]:
    per_task, foreign = hidden_needs(s)
    return [Cause("needs-found-anyway", _NEED_KEYS, (
        ("needs_per_task", round(per_task, 2)), ("foreign_share", round(foreign, 2)),
        ("quality_exponent", s.rules.quality_exponent)))]


def _claim_8(s: Scenario, r: _Reader, failing: set[str]) -> list[Cause]:
    out = []
    for w in sorted(failing):
        if w.startswith("impact balanced − "):
            rival = w.removeprefix("impact balanced − ")
            out.append(Cause("crowding-cheap", _CROWD_KEYS, (
                ("rival", rival), ("rival_impact", round(r.mean(rival, "impact"), 1)),
                ("balanced", round(r.mean("balanced", "impact"), 1)),
                ("crowding_cost", s.rules.crowding_cost))))
    if any(w.startswith("herd jointholism flag") for w in failing):
        out.append(Cause("flag-too-high", (Key("rules.jointholism_flag", "lower"),), (
            ("share", round(r.mean("herd", "jointholism_flag"), 3)),
            ("index", round(r.mean("herd", "jointholism_index"), 3)),
            ("flag", s.rules.jointholism_flag))))
    if any("concentration line" in w for w in failing):
        out.append(Cause("too-few-tasks-open", (Key("rules.open_tasks", "raise"),), (
            ("herd", round(r.mean("herd", "concentration_flag"), 3)),
            ("self_select_herd", round(r.mean("self-select-herd", "concentration_flag"), 3)),
            ("open_tasks", s.rules.open_tasks))))
    return out


def _claim_9(s: Scenario, r: _Reader, failing: set[str]) -> list[Cause]:
    return [Cause("no-burn-out", (
        Key("defaults.capacity", "lower"), Key("rules.intro_minutes_per_speaker", "raise"),
        Key("rules.motivation_start", "lower")), (
        ("burned_out", round(r.mean("democratic-heavy", "burned_out"), 2)),
        ("meeting_share", round(r.mean("democratic-heavy", "jointholism_index"), 3)),
        ("motivation_start", s.rules.motivation_start)))]


_CAUSES: dict[int, Callable[[Scenario, _Reader, set[str]], list[Cause]]] = {
    1: _claim_1, 2: _claim_2, 3: _claim_3, 4: _claim_4, 5: _claim_5,
    6: _claim_6, 7: _claim_7, 8: _claim_8, 9: _claim_9,
}


def _claim_10(s: Scenario, claim: Claim) -> list[Cause]:
    """Which one-step changes break which ordering: the changed key is the one to look at,
    and the scenario sits too close to an edge there."""
    broken: dict[str, list[str]] = {}
    for t in claim.tests:
        if not t.holds:
            change, _, pair = t.what.partition(": ")
            broken.setdefault(change, []).append(pair.removeprefix("balanced − "))
    out = []
    for change, rivals in broken.items():
        key, _, step = change.rpartition(" ")
        place = "defaults.capacity" if key == "capacity" else f"rules.{key}"
        out.append(Cause("fragile", (Key(place, "check"),), (
            ("change", change), ("key", place), ("step", step),
            ("rivals", ", ".join(rivals)))))
    return out


def diagnose(cal: Calibration, *, full: bool = False, games: int = 0) -> Diagnosis:
    """Every claim of a played calibration, judged over the conditions it was checked in,
    with the likely causes of each failure (read in the first condition where it fails)."""
    by_number: dict[int, list[tuple[Condition | None, Claim]]] = {}
    for condition in cal.conditions:
        for claim in cal.claims(condition):
            by_number.setdefault(claim.number, []).append((condition, claim))
    if cal.grid:
        by_number.setdefault(10, []).append((None, cal.claim_10()))
    verdicts = []
    for number in sorted(by_number):
        rows = by_number[number]
        names = tuple(c.name if c is not None else "base, one-step grid" for c, _ in rows)
        parts: list[Part] = []
        causes: list[Cause] = []
        for (where, claim), name in zip(rows, names, strict=True):
            if claim.holds:
                continue
            parts += _parts(name, claim)
            if causes:
                continue  # the causes are read where it first fails
            if where is None:
                causes = _claim_10(cal.scenario, claim)
            else:
                failing = {p.what for p in _parts(name, claim)}
                causes = _CAUSES[number](cal.scenario, _Reader(cal, where), failing)
            causes += [c for t in claim.tests if (c := _noise(t)) is not None]
            if all(p.margin is not None and p.margin > 0 for p in _parts(name, claim)):
                # every failing comparison points the right way: noise or a weak effect first
                causes.sort(key=lambda c: c.code != "thin")
            root = work_cause(cal.scenario)
            if root is not None and root not in causes:
                causes.insert(0, root)
        verdicts.append(Verdict(
            number, all(claim.holds for _, claim in rows),
            min(claim.margin for _, claim in rows), names, tuple(parts), tuple(causes)))
    seeds = cal.conditions[0].seeds
    s = cal.scenario
    return Diagnosis(s.id, s.title, s.target, seeds, full, tuple(verdicts), games)


__all__ = [
    "OUTRUN",
    "SE_MARGIN",
    "Cause",
    "Diagnosis",
    "Key",
    "Part",
    "Verdict",
    "diagnose",
    "hidden_needs",
    "suggest_target",
    "total_value",
    "work_load",
]
