"""GAME.md's calibration claims hold on every shipped scenario: 6 bot seats, 200 seeds.

Slow by design (about 2,000 bot games); it is what keeps the game teaching what the research
found, so it runs in CI. docs/calibration.md has the figures (scripts/calibrate.py).
"""

from __future__ import annotations

import pytest

from consortium.engine.calibration import calibrate
from consortium.store.scenarios import shipped_scenarios

SCENARIOS = shipped_scenarios()


@pytest.fixture(scope="module", params=sorted(SCENARIOS))
def calibration(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    return calibrate(SCENARIOS[request.param], seeds=200)


@pytest.mark.parametrize("number", [1, 2, 3, 4, 5, 6])
def test_claim_holds(calibration, number: int) -> None:  # type: ignore[no-untyped-def]
    claim = next(c for c in calibration.claims() if c.number == number)
    assert claim.holds, f"{calibration.scenario}: claim {number} ({claim.text}): {claim.detail}"


def test_every_shipped_scenario_is_calibrated() -> None:
    assert "cancer-care" in SCENARIOS
