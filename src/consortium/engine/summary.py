"""Many bot-only games summarised: what ``consortium simulate`` prints and calibration checks."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.engine.metrics import GameMetrics, game_metrics
from consortium.engine.scenario import Scenario
from consortium.engine.simulate import bot_config, percentile, play_bot_game

SUMMARY_KEYS = (
    "impact",
    "win_rate",
    "jointholism_index",
    "empty_talk_hours",
    "alignophilia_index",
    "lost_perspectives_present",
    "lost_perspectives_absent",
    "excluded_perspectives",
    "mismatch_hours",
    "meeting_hours",
    "burned_out",
    "early_progress_per_hour",
    # rules v3
    "crowding_hours",
    "talk_yield",
    "alignophilia_ratio",
    "concentration",
    "concentration_rate",
    "jointholism_flag_rate",
    "lost_per_finished",
    "at_risk",
)
"""What ``consortium simulate`` prints, in order (its ``--json`` has these plus ``impact_p60``,
``games``, ``seeds_from``, ``scenario``, ``policy`` and ``seconds``). Means over games; a
figure that a game may lack (alignophilia with no team of two, talk yield with no meetings,
lost per finished task with none finished) is the mean over the games that have it."""


def play_many(
    scenario: Scenario,
    policy: str,
    seeds: int,
    *,
    rounds: int | None = None,
    turnover: float | None = None,
    seats: int = 6,
    seed_start: int = 0,
) -> Iterator[GameMetrics]:
    """Seeds ``seed_start`` .. ``seed_start + seeds − 1``, each a bot-only game under
    ``policy``."""
    for seed in range(seed_start, seed_start + seeds):
        config = bot_config(
            scenario, policy, seed, seats=seats, rounds=rounds, turnover=turnover
        )
        yield game_metrics(play_bot_game(scenario, config))


def summarise(games: list[GameMetrics]) -> dict[str, float]:
    """Means over games (the alignophilia mean skips games with no team of two), plus the
    60th percentile of impact as ``impact_p60`` and the number of games."""
    n = len(games)

    def mean(values: list[float]) -> float:
        return sum(values) / len(values) if values else 0.0

    def mean_of(values: list[float | None]) -> float:
        return mean([v for v in values if v is not None])

    out: dict[str, float] = {
        "impact": mean([g.impact for g in games]),
        "win_rate": mean([1.0 if g.won else 0.0 for g in games]),
        "jointholism_index": mean([g.jointholism_index for g in games]),
        "empty_talk_hours": mean([g.empty_talk_hours for g in games]),
        "alignophilia_index": mean_of([g.alignophilia_index for g in games]),
        "lost_perspectives_present": mean([g.lost_perspectives_present for g in games]),
        "lost_perspectives_absent": mean([g.lost_perspectives_absent for g in games]),
        "excluded_perspectives": mean([g.excluded_perspectives for g in games]),
        "mismatch_hours": mean([g.mismatch_hours for g in games]),
        "meeting_hours": mean([g.meeting_hours for g in games]),
        "burned_out": mean([g.burned_out for g in games]),
        "early_progress_per_hour": mean([g.early_progress_per_hour for g in games]),
        "crowding_hours": mean([g.crowding_hours for g in games]),
        "talk_yield": mean_of([g.talk_yield for g in games]),
        "alignophilia_ratio": mean_of([g.alignophilia_ratio for g in games]),
        "concentration": mean_of([g.concentration for g in games]),
        "concentration_rate": mean([1.0 if g.concentration_flag else 0.0 for g in games]),
        "jointholism_flag_rate": mean([1.0 if g.jointholism_flag else 0.0 for g in games]),
        "lost_per_finished": mean_of([g.lost_per_finished for g in games]),
        "at_risk": mean([g.at_risk for g in games]),
        "impact_p60": percentile([g.impact for g in games], 60) if games else 0.0,
        "games": n,
    }
    return out
