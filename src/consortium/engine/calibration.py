"""GAME.md's calibration claims, measured: each shipped scenario, 6 bot seats, 200+ seeds.

The claims are what makes the game teach the research: if democratic-heavy did not drown in
meetings, or self-select did not lose perspectives, the debrief would have nothing to show.
``tests/engine/test_calibration.py`` checks them on every shipped scenario and
``scripts/calibrate.py`` writes the figures to docs/calibration.md.
"""

from __future__ import annotations

import attrs

from consortium.engine.bots import POLICIES
from consortium.engine.scenario import Scenario
from consortium.engine.summary import play_many, summarise

EXTREMES = ("democratic-heavy", "self-select")


@attrs.frozen
class Claim:
    number: int
    text: str
    holds: bool
    detail: str


@attrs.frozen
class Calibration:
    scenario: str
    seeds: int
    target: float
    policies: dict[str, dict[str, float]]
    keep_by_turnover: dict[float, dict[str, float]]
    select_by_turnover: dict[float, dict[str, float]]

    def claims(self) -> list[Claim]:
        p = self.policies
        bal = p["balanced"]
        heavy = p["democratic-heavy"]
        sel = p["self-select"]
        fit = p["self-select-fit"]
        top_joint = max(p, key=lambda k: p[k]["jointholism_index"])
        top_lost = max(p, key=lambda k: p[k]["lost_perspectives_present"])
        k0, k3 = self.keep_by_turnover[0.0], self.keep_by_turnover[0.3]
        s0, s3 = self.select_by_turnover[0.0], self.select_by_turnover[0.3]
        rel0 = s0["impact"] / k0["impact"] if k0["impact"] else 0.0
        rel3 = s3["impact"] / k3["impact"] if k3["impact"] else 0.0
        return [
            Claim(
                1, "democratic-heavy has the highest jointholism index and lower impact than "
                "balanced",
                top_joint == "democratic-heavy" and heavy["impact"] < bal["impact"],
                f"highest jointholism: {top_joint} ({p[top_joint]['jointholism_index']:.3f}); "
                f"impact {heavy['impact']:.1f} vs balanced {bal['impact']:.1f}",
            ),
            Claim(
                2, "self-select has the most present lost perspectives and lower impact than "
                "balanced",
                top_lost == "self-select" and sel["impact"] < bal["impact"],
                f"most present lost: {top_lost} ({p[top_lost]['lost_perspectives_present']:.2f}); "
                f"impact {sel['impact']:.1f} vs balanced {bal['impact']:.1f}",
            ),
            Claim(
                3, "balanced beats both extremes on mean impact and wins 40–60 % at the target; "
                "each extreme wins at most 25 %",
                bal["impact"] > max(heavy["impact"], sel["impact"])
                and 0.40 <= bal["win_rate"] <= 0.60
                and heavy["win_rate"] <= 0.25 and sel["win_rate"] <= 0.25,
                f"target {self.target:g}; win rates balanced {bal['win_rate']:.0%}, "
                f"democratic-heavy {heavy['win_rate']:.0%}, self-select {sel['win_rate']:.0%}",
            ),
            Claim(
                4, "democratic-keep meets ≥ 20 % more at turnover 0.3 than at 0, and "
                "self-select's impact relative to it is higher at 0.3",
                k3["meeting_hours"] >= 1.2 * k0["meeting_hours"] and rel3 > rel0,
                f"meeting hours {k0['meeting_hours']:.1f} → {k3['meeting_hours']:.1f} "
                f"({k3['meeting_hours'] / max(k0['meeting_hours'], 1e-9):.2f}×); "
                f"self-select/keep impact {rel0:.3f} → {rel3:.3f}",
            ),
            Claim(
                5, "in rounds 1–2 self-select makes more progress per hour than "
                "self-select-fit, and ends with lower impact",
                sel["early_progress_per_hour"] > fit["early_progress_per_hour"]
                and sel["impact"] < fit["impact"],
                f"progress/hour {sel['early_progress_per_hour']:.3f} vs "
                f"{fit['early_progress_per_hour']:.3f}; impact {sel['impact']:.1f} vs "
                f"{fit['impact']:.1f}",
            ),
            Claim(
                6, "democratic-heavy loses at least 0.5 participants per game to burn-out",
                heavy["burned_out"] >= 0.5,
                f"{heavy['burned_out']:.2f} burned out per game",
            ),
        ]


def calibrate(scenario: Scenario, seeds: int = 200) -> Calibration:
    policies = {
        name: summarise(list(play_many(scenario, name, seeds))) for name in POLICIES
    }

    def at(policy: str, turnover: float) -> dict[str, float]:
        return summarise(list(play_many(scenario, policy, seeds, turnover=turnover)))

    return Calibration(
        scenario=scenario.id,
        seeds=seeds,
        target=scenario.target,
        policies=policies,
        keep_by_turnover={t: at("democratic-keep", t) for t in (0.0, 0.3)},
        select_by_turnover={t: at("self-select", t) for t in (0.0, 0.3)},
    )
