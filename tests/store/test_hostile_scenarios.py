"""Hostile scenario files and task sheets from disk (issue 10, defect 1): refused with a place,
never parsed for a minute. Time and memory: bench/hostile_scenario.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from consortium.engine.scenario_toml import ScenarioError, parse_scenario
from consortium.engine.simulate import bot_config
from consortium.resources import asset_path
from consortium.store.save_load import load_save
from consortium.store.scenarios import read_scenario_file
from consortium.store.task_csv import (
    COLUMNS,
    MAX_HEADER_CELLS,
    MAX_TASK_ROWS,
    read_tasks_csv,
    read_tasks_csv_file,
)
from tests.store.games import Game, cancer_care, play, save_bytes

SHIPPED = asset_path("scenarios", "cancer-care.toml").read_text("utf-8")
HEADER = ",".join(COLUMNS) + "\n"


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    import resource

    # 0.1.0 needed gigabytes for this file; with a cap, a regression fails instead of
    # swamping the machine.
    resource.setrlimit(resource.RLIMIT_AS, (1024 * 2**20, 1024 * 2**20))


def test_validate_refuses_the_issues_50000_part_key_with_its_place(tmp_path: Path) -> None:
    path = tmp_path / "hostile.toml"
    path.write_text("x" + ".a" * 50_000 + " = 1\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "consortium", "validate", str(path)],
        capture_output=True, text=True, timeout=60, check=False,
        preexec_fn=_limit_memory if os.name == "posix" else None,
    )
    assert (result.returncode, result.stderr) == (2, "")
    assert result.stdout == (
        f"{path}: file: has a dotted key of 50,001 parts at line 1, column 1; "
        "a scenario's keys have at most 10 parts\n"
    )


def test_a_dotted_table_header_in_a_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "header.toml"
    path.write_text(SHIPPED + "\n[tasks" + ".x" * 30 + "]\n", "utf-8")
    with pytest.raises(ScenarioError) as caught:
        read_scenario_file(path)
    line = SHIPPED.count("\n") + 2
    assert [str(p) for p in caught.value.problems] == [
        f"file: has a dotted key of 31 parts at line {line}, column 2; "
        "a scenario's keys have at most 10 parts"
    ]


def _minimal_tasks(count: int) -> str:
    """Tasks with only the required keys: a save writes each with two more (text, latent)."""
    return "".join(
        f'\n[[tasks]]\nid = "t{i}"\ntitle = "T"\neffort = 10\nvalue = 5\nvisible = ["oncology"]\n'
        for i in range(count)
    )


def test_a_scenario_whose_saves_could_not_reopen_is_refused_when_read(tmp_path: Path) -> None:
    """2,500 short tasks pass the value limit as written, not as a save writes them."""
    path = tmp_path / "huge.toml"
    path.write_text(SHIPPED + _minimal_tasks(2_500), "utf-8")
    assert len(parse_scenario(path.read_bytes()).tasks) == 2_518  # the engine alone takes it
    with pytest.raises(ScenarioError) as caught:
        read_scenario_file(path)
    (problem,) = caught.value.problems
    assert problem.place == "tasks"
    assert problem.message.startswith("written out in full, as a save holds it, holds ")


def test_a_large_scenario_within_the_limits_saves_and_reopens(tmp_path: Path) -> None:
    path = tmp_path / "large.toml"
    path.write_text(SHIPPED + _minimal_tasks(1_000), "utf-8")
    scenario = read_scenario_file(path)
    state, actions = play(Game(scenario, bot_config(scenario, "balanced", 1), (), 5))
    assert load_save(save_bytes(state, actions)).state == state


# --- task sheets ----------------------------------------------------------------------------


def csv_problems(text: str) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        read_tasks_csv(text.encode("utf-8"), cancer_care())
    return [str(p) for p in caught.value.problems]


def test_a_sheet_of_more_tasks_than_any_scenario_is_refused_at_the_first_row_too_many() -> None:
    rows = "".join(f"t{i},T,,10,5,oncology,\n" for i in range(MAX_TASK_ROWS + 5))
    assert csv_problems(HEADER + rows) == [
        f"row {MAX_TASK_ROWS + 2}: is task {MAX_TASK_ROWS + 1:,}; a task sheet has at most "
        f"{MAX_TASK_ROWS:,} tasks"
    ]


def test_a_header_of_thousands_of_cells_is_one_problem() -> None:
    assert csv_problems("id," * 5_000 + "\n") == [
        "row 1: has 5,001 cells; the columns are " + ", ".join(COLUMNS)
    ]
    assert MAX_HEADER_CELLS < 5_000


def test_a_sheet_line_of_a_mebibyte_is_refused_with_its_number(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text(HEADER + "t,T,x,1,1," + "oncology;" * 110_000 + "\n", "utf-8")
    with pytest.raises(ScenarioError) as caught:
        read_tasks_csv_file(path, cancer_care())
    assert [str(p) for p in caught.value.problems] == [
        "file: has a line of 990,010 characters at line 2; "
        "a task sheet's lines have at most 100,000"
    ]
