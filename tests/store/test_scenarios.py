"""Scenario files on disk and the shipped assets: IO failures become ScenarioError at `file`."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from importlib.resources import as_file
from pathlib import Path

import pytest

from consortium.engine.scenario_toml import MAX_SCENARIO_BYTES, ScenarioError
from consortium.resources import asset_path, shipped_scenario_paths
from consortium.store.scenarios import find_scenario, read_scenario_file, shipped_scenarios


def shipped_bytes() -> bytes:
    return asset_path("scenarios", "cancer-care.toml").read_bytes()


def write(folder: Path, data: bytes, name: str = "my-scenario.toml") -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def only_problem(call: Callable[..., object], *args: object) -> str:
    with pytest.raises(ScenarioError) as caught:
        call(*args)
    (problem,) = caught.value.problems
    return str(problem)


# --- resources -----------------------------------------------------------------------------


def test_assets_are_found_through_the_package() -> None:
    path = asset_path("scenarios", "cancer-care.toml")
    assert path.is_file()
    with as_file(path) as real:
        assert Path(real).stat().st_size > 0


def test_shipped_scenario_paths_are_the_toml_files_sorted() -> None:
    names = [p.name for p in shipped_scenario_paths()]
    assert "cancer-care.toml" in names
    assert names == sorted(names)
    assert all(name.endswith(".toml") for name in names)


def test_a_never_installed_checkout_falls_back_to_its_assets_folder() -> None:
    """With only ``src`` on the path (no install, no site-packages), the folder is found."""
    checkout = Path(__file__).resolve().parents[2]
    script = (
        "import consortium.resources as r; "
        "print(r.__file__); print(r.asset_path('scenarios', 'cancer-care.toml').is_file())"
    )
    result = subprocess.run(
        [sys.executable, "-S", "-c", script],
        env={**os.environ, "PYTHONPATH": str(checkout / "src")},
        cwd=checkout,
        capture_output=True,
        text=True,
        check=True,
    )
    module_file, found = result.stdout.split()
    assert Path(module_file).resolve().is_relative_to(checkout / "src")
    assert found == "True"


# --- reading files -------------------------------------------------------------------------


def test_a_scenario_file_is_read(tmp_path: Path) -> None:
    assert read_scenario_file(write(tmp_path, shipped_bytes())).id == "cancer-care"


def test_a_path_may_be_given_as_text(tmp_path: Path) -> None:
    assert read_scenario_file(str(write(tmp_path, shipped_bytes()))).id == "cancer-care"


def test_a_missing_file_is_a_problem_at_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.toml"
    assert only_problem(read_scenario_file, missing) == f"file: no such file: {missing}"


def test_a_folder_is_not_a_scenario(tmp_path: Path) -> None:
    assert only_problem(read_scenario_file, tmp_path) == (
        f"file: is a folder, not a scenario file: {tmp_path}"
    )


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (PermissionError(13, "Permission denied"), "permission denied"),
        (OSError(5, "I/O error"), "I/O error"),
    ],
)
def test_an_unreadable_file_is_a_problem_at_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, reason: str
) -> None:
    path = write(tmp_path, shipped_bytes())

    def refuse(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(os, "open", refuse)
    assert only_problem(read_scenario_file, path) == f"file: cannot be read ({reason}): {path}"


def test_a_file_over_one_mebibyte_is_refused_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.toml"
    with path.open("wb") as stream:
        stream.truncate(MAX_SCENARIO_BYTES + 1)

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("a file over the limit was opened")

    monkeypatch.setattr(os, "open", never)
    assert only_problem(read_scenario_file, path) == (
        "file: is 1,048,577 bytes; a scenario may be at most 1,048,576 bytes"
    )


def test_a_file_of_exactly_one_mebibyte_is_read(tmp_path: Path) -> None:
    data = shipped_bytes()
    path = write(tmp_path, data + b"#" * (MAX_SCENARIO_BYTES - len(data)))
    assert read_scenario_file(path).id == "cancer-care"


def test_problems_in_the_file_come_from_the_parser(tmp_path: Path) -> None:
    path = write(tmp_path, shipped_bytes().replace(b"effort = 34", b'effort = "ten"', 1))
    assert only_problem(read_scenario_file, path) == (
        'tasks[0].effort: must be a whole number from 1 to 1000, got "ten"'
    )


# --- shipped scenarios and finding one -----------------------------------------------------


def test_shipped_scenarios_are_keyed_by_id_and_named_after_it() -> None:
    shipped = shipped_scenarios()
    assert "cancer-care" in shipped
    assert sorted(shipped) == sorted(Path(p.name).stem for p in shipped_scenario_paths())


def test_a_shipped_scenario_is_found_by_id() -> None:
    assert find_scenario("cancer-care") == shipped_scenarios()["cancer-care"]


def test_a_scenario_is_found_by_path(tmp_path: Path) -> None:
    data = shipped_bytes().replace(b'id = "cancer-care"', b'id = "my-copy"')
    assert find_scenario(str(write(tmp_path, data))).id == "my-copy"


def test_an_unknown_name_lists_the_shipped_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert only_problem(find_scenario, "fossil-free") == (
        'file: no shipped scenario "fossil-free" and no such file (shipped: '
        "cancer-care, climate-adaptation, fossil-free-transport)"
    )


def test_an_unknown_path_is_reported_as_a_missing_file(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.toml")
    assert only_problem(find_scenario, missing) == f"file: no such file: {missing}"
