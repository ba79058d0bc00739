"""GAME.md's ten calibration claims hold on every shipped scenario (rules v3).

Every CI run checks the base condition (6 bot seats, 4 rounds, seeds 0–199: claims 1–9) and
two one-step changes of claim 10's grid, so every claim is checked once (about 8,000 bot
games on two processes). The whole grid — other seed blocks, 4 and 8 seats, 6 rounds and all
twelve one-step changes — is the ``slow`` test below, run by ``pytest -m slow`` or, with a
table, by ``python scripts/calibrate.py --all``. docs/calibration.md has the figures.
"""

from __future__ import annotations

import os

import pytest

from consortium.engine.calibration import Calibration, calibrate, ci_grid
from consortium.store.scenarios import shipped_scenarios

SCENARIOS = shipped_scenarios()
WORKERS = min(2, os.cpu_count() or 1)


@pytest.fixture(scope="module", params=sorted(SCENARIOS))
def subset(request: pytest.FixtureRequest) -> Calibration:
    scenario = SCENARIOS[request.param]
    return calibrate(scenario, all_=False, workers=WORKERS, grid=ci_grid(scenario))


@pytest.mark.parametrize("number", range(1, 11))
def test_claim_holds_in_the_base_condition(subset: Calibration, number: int) -> None:
    rows = [(where, claim) for where, claim in subset.table() if claim.number == number]
    assert rows, f"claim {number} is not checked in CI"
    for where, claim in rows:
        assert claim.holds, f"{subset.scenario.id}, {where}: claim {number} ({claim.text}): " \
                            f"{claim.detail}"


def test_every_shipped_scenario_is_calibrated() -> None:
    assert sorted(SCENARIOS) == ["cancer-care", "climate-adaptation", "fossil-free-transport"]


@pytest.mark.slow
@pytest.mark.parametrize("scenario_id", sorted(SCENARIOS))
def test_every_claim_holds_in_every_variation(scenario_id: str) -> None:
    full = calibrate(SCENARIOS[scenario_id], all_=True, workers=WORKERS)
    failing = [f"{where}: claim {c.number}: {c.detail}" for where, c in full.table()
               if not c.holds]
    assert not failing, "\n".join(failing)
