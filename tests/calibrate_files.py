"""Scenario files built to fail the calibration claims in known ways, from the shipped
cancer-care file (the checks of ``consortium calibrate`` and "Check that it teaches…")."""

from __future__ import annotations

import re
from pathlib import Path

from consortium.resources import shipped_scenario_paths


def _cancer_care() -> str:
    (path,) = [p for p in shipped_scenario_paths() if p.name == "cancer-care.toml"]
    return path.read_text(encoding="utf-8")


def low_effort(folder: Path) -> Path:
    """Every task's effort 4 (602 in all → 72): the work does not outrun the partnership."""
    text = re.sub(r"(?m)^effort = \d+", "effort = 4", _cancer_care())
    path = folder / "low-effort.toml"
    path.write_text(text.replace('id = "cancer-care"', 'id = "low-effort"', 1), encoding="utf-8")
    return path


def high_target(folder: Path) -> Path:
    """A target of 120 (23 shipped): reachable on paper (the tasks are worth 245), never in
    four rounds."""
    text = re.sub(r"(?m)^target = \d+", "target = 120", _cancer_care())
    path = folder / "high-target.toml"
    path.write_text(text.replace('id = "cancer-care"', 'id = "high-target"', 1),
                    encoding="utf-8")
    return path


def broken(folder: Path) -> Path:
    """A file validate refuses: the first task's effort is a word."""
    text = re.sub(r"(?m)^effort = \d+", 'effort = "ten"', _cancer_care(), count=1)
    path = folder / "broken.toml"
    path.write_text(text, encoding="utf-8")
    return path
