"""Tasks as a spreadsheet: export, import, and problems at the spreadsheet's rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from consortium.engine.scenario_toml import MAX_SCENARIO_BYTES, ScenarioError
from consortium.store.task_csv import COLUMNS, read_tasks_csv, read_tasks_csv_file, tasks_csv
from tests.store.games import cancer_care

HEADER = ",".join(COLUMNS)


def problems(text: str | bytes) -> list[str]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(ScenarioError) as caught:
        read_tasks_csv(data, cancer_care())
    return [str(p) for p in caught.value.problems]


def exported_lines() -> list[str]:
    return tasks_csv(cancer_care().tasks, excel=False).decode("utf-8").splitlines()


def test_export_then_import_gives_the_same_scenario() -> None:
    data = tasks_csv(cancer_care().tasks)
    assert data.startswith(b"\xef\xbb\xbf" + HEADER.encode())
    assert read_tasks_csv(data, cancer_care()) == cancer_care()


def test_lists_are_separated_by_semicolons() -> None:
    first = exported_lines()[1]
    assert first.startswith("screening-vans,Mobile screening vans,")
    assert first.endswith(",34,15,radiology;regional-admin,health-communication")


def test_a_wrong_cell_is_reported_at_its_row_with_the_toml_place() -> None:
    lines = exported_lines()
    cells = lines[2].split(",")
    cells[3] = "ten"
    lines[2] = ",".join(cells)
    assert problems("\n".join(lines)) == [
        'row 3 (tasks[1]).effort: must be a whole number from 1 to 1000, got "ten"'
    ]


def test_unknown_domains_and_duplicates_name_rows() -> None:
    lines = exported_lines()
    lines.append("screening-vans,Again,,10,5,radiolgy,")
    found = problems("\n".join(lines))
    row = len(lines)
    assert found == [
        f"row {row} (tasks[{row - 2}]).id: duplicate of row 2 (tasks[0]).id \"screening-vans\"",
        f'row {row} (tasks[{row - 2}]).visible[0]: unknown domain "radiolgy" '
        '(did you mean "radiology"?)',
    ]


def test_an_empty_required_cell_is_missing() -> None:
    lines = exported_lines()
    cells = lines[1].split(",")
    cells[5] = ""
    lines[1] = ",".join(cells)
    assert problems("\n".join(lines)) == ["row 2 (tasks[0]).visible: must name at least 1 domain"]


def test_problems_outside_the_tasks_are_the_scenarios() -> None:
    found = problems(f"{HEADER}\na,A,,10,1,radiology,\n")
    assert "tasks: must have at least 4 tasks, got 1" in found
    assert 'scenario.events[0].effect.task: unknown task "screening-vans"' in found


def test_the_header_row_is_checked() -> None:
    assert problems("id,title,efort,value,visible\n") == [
        'row 1: column 3 is "efort"; the columns are ' + ", ".join(COLUMNS),
        'row 1: has no column "effort"',
    ]
    assert problems("id,id,title,effort,value,visible\n") == ['row 1: names the column "id" twice']


def test_text_and_latent_may_be_left_out() -> None:
    rows = [
        f"{t.id},{t.title},{t.effort},{t.value},{';'.join(t.visible)}"
        for t in cancer_care().tasks
    ]
    scenario = read_tasks_csv(("id,title,effort,value,visible\n" + "\n".join(rows)).encode(),
                              cancer_care())
    assert all(t.latent == () and t.text == "" for t in scenario.tasks)


def test_a_semicolon_separated_sheet_from_a_european_spreadsheet() -> None:
    tasks = cancer_care().tasks
    rows = [
        ";".join([t.id, t.title, f'"{t.text}"', str(t.effort), str(t.value),
                  f'"{";".join(t.visible)}"', f'"{";".join(t.latent)}"'])
        for t in tasks
    ]
    data = ";".join(COLUMNS) + "\r\n" + "\r\n".join(rows) + "\r\n"
    assert read_tasks_csv(data.encode(), cancer_care()) == cancer_care()


def test_too_many_cells_says_to_quote() -> None:
    lines = exported_lines()
    lines[1] += ",extra"
    (found,) = problems("\n".join(lines))
    assert found.startswith("row 2: has 8 cells; the first row names 7 columns")


def test_encodings() -> None:
    assert problems(tasks_csv(cancer_care().tasks).decode("utf-8").encode("utf-16")) == [
        'file: is saved as UTF-16; in the spreadsheet, save as "CSV UTF-8"'
    ]
    latin = f"{HEADER}\nx,Caf\u00e9,,1,1,radiology,\n".encode("latin-1")
    (found,) = problems(latin)
    assert found.startswith("file: is not valid UTF-8 at byte")
    assert problems(b"") == ["file: is empty; the first row names the columns: " +
                             ", ".join(COLUMNS)]


def test_a_broken_quote_is_a_csv_problem() -> None:
    (found,) = problems(f'{HEADER}\nx,"unclosed,,1,1,radiology,\n')
    assert found.startswith("file: is not valid CSV at line")


def test_a_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "tasks.csv"
    with path.open("wb") as stream:
        stream.truncate(MAX_SCENARIO_BYTES + 1)
    with pytest.raises(ScenarioError, match="a scenario may be at most"):
        read_tasks_csv_file(path, cancer_care())


def test_a_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "tasks.csv"
    path.write_bytes(tasks_csv(cancer_care().tasks))
    assert read_tasks_csv_file(path, cancer_care()) == cancer_care()
