"""``consortium calibrate SCENARIO``: a scenario built to fail names its failing claims and
their cause; ``--json`` has every claim; exit 0 / 1 / 2; a bad file is said, not a traceback.

Few seeds (``--seeds``), so the whole file takes seconds: the scenarios fail far from the
edge. One run is a real subprocess with a worker process; the others run in this process
(``--workers 0``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from consortium import calibrate_command
from consortium.cli import main
from consortium.engine.calibration_causes import Diagnosis, Verdict
from tests.calibrate_files import broken, low_effort


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "consortium", "calibrate", *args],
                          capture_output=True, text=True, timeout=180, check=False)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("scenarios")


def test_a_scenario_with_effort_far_too_low_names_the_failing_claims_and_the_cause(
    folder: Path,
) -> None:
    result = run(str(low_effort(folder)), "--seeds", "8", "--workers", "1")
    assert result.returncode == 1, result.stderr
    out = " ".join(result.stdout.split())  # the report is wrapped for a terminal
    assert max(len(line) for line in result.stdout.splitlines()) <= 100
    assert "✗ 3." in out  # balanced wins nearly every game
    assert "Likely cause: The work does not outrun the partnership" in out
    assert "raise `tasks[].effort` or lower `defaults.capacity`" in out
    assert "claims hold;" in out
    assert "games (" in result.stderr  # progress on stderr, not in the report
    assert "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def tree(folder: Path) -> dict[str, Any]:
    path = low_effort(folder)
    with pytest.MonkeyPatch.context() as patch:
        lines: list[str] = []
        patch.setattr("builtins.print", lambda *a, **k: lines.append(" ".join(map(str, a)))
                      if k.get("file") is None else None)
        code = main(["calibrate", str(path), "--seeds", "8", "--workers", "0", "--json"])
    assert code == 1
    (line,) = lines
    data: dict[str, Any] = json.loads(line)
    return data


def test_json_has_every_claim_with_holds_margin_causes_and_keys(tree: dict[str, Any]) -> None:
    assert tree["scenario"] == "low-effort"
    assert tree["holds"] is False
    assert tree["seeds"] == 8 and tree["all"] is False and tree["games"] > 0
    assert [c["number"] for c in tree["claims"]] == list(range(1, 11))
    for claim in tree["claims"]:
        assert set(claim) == {"number", "statement", "holds", "margin", "conditions",
                              "failing", "causes"}
        assert isinstance(claim["holds"], bool)
        assert claim["margin"] is None or isinstance(claim["margin"], float)
        assert claim["statement"]
        assert claim["holds"] == (not claim["failing"])
        for cause in claim["causes"]:
            assert set(cause) == {"code", "text", "keys", "figures"}
            for key in cause["keys"]:
                assert key["change"] in ("raise", "lower", "check")
    (three,) = [c for c in tree["claims"] if c["number"] == 3]
    assert not three["holds"]
    assert three["causes"][0]["code"] == "work-does-not-outrun"
    assert three["causes"][0]["keys"][0] == {"key": "tasks[].effort", "change": "raise"}
    assert three["causes"][0]["figures"]["effort"] == 72


def test_a_broken_file_says_what_and_where_without_a_traceback(folder: Path) -> None:
    result = run(str(broken(folder)))
    assert result.returncode == 2
    assert "tasks[0].effort" in result.stderr
    assert "consortium validate" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout == ""


def test_an_unknown_id_and_a_bad_option_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calibrate", "no-such-scenario"]) == 2
    assert "no shipped scenario" in capsys.readouterr().err
    assert main(["calibrate", "cancer-care", "--seeds", "1"]) == 2
    assert "--seeds" in capsys.readouterr().err


class _Held:
    """A job whose every claim held (exit 0 without playing 6,600 games)."""

    games_total = games_done = 10
    seconds = 1.0
    error = None

    def __init__(self, scenario: object, **_kwargs: object) -> None:
        verdicts = tuple(Verdict(n, True, 5.0, ("base",)) for n in range(1, 11))
        self.diagnosis = Diagnosis("cancer-care", "Cancer care partnership", 23, 200, False,
                                   verdicts, 10)

    def progress(self) -> float:
        return 1.0

    def start(self) -> None:
        pass

    def wait(self, timeout: float | None = None) -> bool:
        return True


def test_every_claim_holding_exits_0(monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(calibrate_command, "CalibrationJob", _Held)
    assert main(["calibrate", "cancer-care"]) == 0
    out = capsys.readouterr().out
    assert "All 10 claims hold" in out
    assert out.count("✓") == 10
