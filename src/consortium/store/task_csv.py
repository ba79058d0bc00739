"""A scenario's tasks as a spreadsheet (CSV), for trainers who write content in Excel or
LibreOffice rather than in a TOML file.

Columns: ``id, title, text, effort, value, visible, latent``; ``visible`` and ``latent`` list
domain ids separated by ``;``. ``text`` and ``latent`` may be left out. A file saved by a
spreadsheet in a country where the comma is the decimal mark uses ``;`` between cells; that
is recognised from the header row.

Import is checked exactly like a TOML file: the rows are put in the place of the scenario's
``[[tasks]]`` and the whole scenario goes through the one validator
(:func:`~consortium.store.scenario_document.check_document`). Problems come back at the
spreadsheet's row, with the TOML place beside it: ``row 3 (tasks[1]).effort: must be a whole
number from 1 to 1000, got "ten"``. Row 1 is the header, so ``tasks[0]`` is row 2.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Sequence
from typing import Any, Final

import attrs

from consortium.engine.scenario import Scenario, TaskSpec
from consortium.engine.scenario_toml import MAX_SCENARIO_BYTES, ScenarioError, oversize_problem
from consortium.engine.toml_guard import MAX_LINE_CHARS
from consortium.engine.toml_spec import Problem, number_text
from consortium.engine.words import N_, Grouped, Words, say, verbatim
from consortium.store.codec import shown
from consortium.store.scenario_document import (
    check_document,
    refuse_unsaveable,
    scenario_document,
)
from consortium.store.scenarios import read_scenario_bytes

COLUMNS: Final = ("id", "title", "text", "effort", "value", "visible", "latent")
REQUIRED: Final = ("id", "title", "effort", "value", "visible")
LIST_SEPARATOR: Final = ";"
_NUMBER_COLUMNS: Final = ("effort", "value")
_LIST_COLUMNS: Final = ("visible", "latent")
_BOM: Final = "\ufeff"
_WHOLE: Final = re.compile(r"[+-]?[0-9]{1,30}")
_DECIMAL: Final = re.compile(r"[+-]?([0-9]{1,30}(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]{1,3})?")
_TASK_PLACE: Final = re.compile(r"tasks\[(\d+)\]")
MAX_TASK_ROWS: Final = 1_000
"""A game plays a handful of tasks a round for at most 8 rounds; a sheet of more is not a
scenario's, and each row costs a TOML table of about 100 bytes in the one validator."""
MAX_HEADER_CELLS: Final = 2 * len(COLUMNS)
"""More cells than this in the first row is not a task sheet; past it, each is not listed."""


def tasks_csv(tasks: Sequence[TaskSpec], *, excel: bool = True) -> bytes:
    """The tasks as CSV bytes. ``excel``: start with a byte-order mark, without which Excel
    reads UTF-8 as the local code page and garbles every accent."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for t in tasks:
        writer.writerow(
            [
                t.id,
                t.title,
                t.text,
                t.effort,
                number_text(t.value),
                LIST_SEPARATOR.join(t.visible),
                LIST_SEPARATOR.join(t.latent),
            ]
        )
    return ((_BOM if excel else "") + out.getvalue()).encode("utf-8")


def read_tasks_csv_file(path: str | os.PathLike[str], scenario: Scenario) -> Scenario:
    """``scenario`` with the tasks of the CSV file at ``path`` (over 1 MiB is refused)."""
    return read_tasks_csv(read_scenario_bytes(path), scenario)


def read_tasks_csv(data: bytes, scenario: Scenario) -> Scenario:
    """``scenario`` with its tasks replaced by the CSV's rows, or :class:`ScenarioError`
    with every problem, at its row."""
    rows, row_numbers = _rows(_decode(data))
    document = scenario_document(scenario)
    document["tasks"] = rows
    try:
        checked = check_document(document)
    except ScenarioError as error:
        raise ScenarioError([_at_row(p, row_numbers) for p in error.problems]) from None
    # Only the tasks came from the file; the rest stays the scenario's own (same values).
    changed = attrs.evolve(scenario, tasks=checked.tasks)
    refuse_unsaveable(changed)
    return changed


def _decode(data: bytes) -> str:
    if len(data) > MAX_SCENARIO_BYTES:
        raise ScenarioError((oversize_problem(len(data)),))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _file_error(say(N_('is saved as UTF-16; in the spreadsheet, save as "CSV UTF-8"')))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _file_error(say(
            N_('is not valid UTF-8 at byte {offset}; in the spreadsheet, save as "CSV UTF-8"'),
            offset=error.start)) from None
    text = text.removeprefix(_BOM)
    if "\x00" in text:
        raise _file_error(say(N_("has a NUL character; not a text file")))
    if not text.strip():
        raise _file_error(say(N_("is empty; the first row names the columns: {columns}"),
                              columns=", ".join(COLUMNS)))
    _refuse_long_lines(text)
    return text


def _refuse_long_lines(text: str) -> None:
    """A line no task sheet comes near, refused before the CSV reader and the validator."""
    if max(map(len, text.split("\n"))) <= MAX_LINE_CHARS:
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise _file_error(say(
                N_("has a line of {length} characters at line {line}; a task sheet's lines "
                   "have at most {most}"),
                length=Grouped(len(line)), line=number, most=Grouped(MAX_LINE_CHARS)))


def _rows(text: str) -> tuple[list[dict[str, Any]], list[int]]:
    """The tasks as TOML-shaped tables, and each one's row number in the spreadsheet."""
    first_line = text.split("\n", 1)[0]
    delimiter = "," if "," in first_line or ";" not in first_line else ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[dict[str, Any]] = []
    numbers: list[int] = []
    try:
        columns = _columns(next(reader))
        for number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue  # a blank row
            if len(rows) == MAX_TASK_ROWS:
                raise ScenarioError((_at_line(
                    number, N_("is task {count}; a task sheet has at most {most} tasks"),
                    count=Grouped(MAX_TASK_ROWS + 1), most=Grouped(MAX_TASK_ROWS)),))
            if len(cells) > len(columns):
                raise ScenarioError((_at_line(
                    number, N_("has {cells} cells; the first row names {columns} columns (a "
                               "text with a comma in it needs quotes)"),
                    cells=len(cells), columns=len(columns)),))
            rows.append(_task(dict(zip(columns, cells, strict=False))))
            numbers.append(number)
    except csv.Error as error:
        # Python's CSV reader explains in English only: its explanation is kept as a field.
        raise _file_error(say(N_("is not valid CSV at line {line}: {reason}"),
                              line=reader.line_num, reason=error)) from None
    return rows, numbers


def _columns(header: list[str]) -> list[str]:
    if len(header) > MAX_HEADER_CELLS:
        raise ScenarioError((_at_line(1, N_("has {cells} cells; the columns are {columns}"),
                                      cells=Grouped(len(header)), columns=", ".join(COLUMNS)),))
    names = [cell.strip().lower() for cell in header]
    problems = []
    for index, name in enumerate(names):
        if name not in COLUMNS:
            problems.append(_at_line(
                1, N_("column {number} is {name}; the columns are {columns}"), number=index + 1,
                name=shown(name), columns=", ".join(COLUMNS)))
        elif names.index(name) != index:
            problems.append(_at_line(1, N_("names the column {name} twice"), name=shown(name)))
    problems += [_at_line(1, N_("has no column {name}"), name=shown(name))
                 for name in REQUIRED if name not in names]
    if problems:
        raise ScenarioError(problems)
    return names


def _task(cells: dict[str, str]) -> dict[str, Any]:
    """One row as a ``[[tasks]]`` table: numbers as numbers, lists as lists, an empty
    required cell left out (so the validator reports it missing)."""
    task: dict[str, Any] = {}
    for column, raw in cells.items():
        cell = raw.strip()
        if column in _LIST_COLUMNS:
            task[column] = [d.strip() for d in cell.split(LIST_SEPARATOR) if d.strip()]
        elif column in _NUMBER_COLUMNS:
            if cell:
                task[column] = _number(cell)
        elif cell or column == "text":
            task[column] = cell
    return task


def _number(cell: str) -> int | float | str:
    if _WHOLE.fullmatch(cell):
        return int(cell)
    if _DECIMAL.fullmatch(cell):
        return float(cell)
    return cell  # the validator says "must be a number …, got "ten""


def _at_row(problem: Problem, rows: list[int]) -> Problem:
    """A TOML place as the spreadsheet's row; problems outside the tasks are the
    scenario's (an event naming a task the sheet dropped, a target now out of reach)."""

    def row(found: re.Match[str]) -> str | Words:
        index = int(found[1])
        if index < len(rows):
            return say(N_("row {number} ({place})"), number=rows[index], place=found[0])
        return found[0]

    def rowed(text: str) -> str | Words:
        """``text`` with each task's place as its row: words, if there was one."""
        pieces: dict[str, object] = {}
        template, last = "", 0
        for found in _TASK_PLACE.finditer(text):
            at = len(pieces)
            pieces[f"p{at}"], pieces[f"p{at + 1}"] = text[last:found.start()], row(found)
            template += f"{{p{at}}}{{p{at + 1}}}"
            last = found.end()
        if not pieces:
            return text
        pieces[f"p{len(pieces)}"] = text[last:]
        return verbatim(template + f"{{p{len(pieces) - 1}}}", **pieces)

    message = _TASK_PLACE.sub(lambda found: str(row(found)), problem.message)
    words = problem.words.with_texts(rowed) if problem.words is not None else None
    if _TASK_PLACE.match(problem.place):
        place = rowed(problem.place)
        return Problem(str(place), message, words,
                       place if isinstance(place, Words) else None)
    if problem.place in ("tasks", "file"):
        return Problem(problem.place, message, words)
    return Problem(f"scenario.{problem.place}", message, words)


def _at_line(number: int, template: str, /, **fields: object) -> Problem:
    """A problem at a row of the spreadsheet, as the row's number (the sheet has no tasks
    here yet)."""
    return Problem.of(f"row {number}", template, **fields).moved(
        f"row {number}", say(N_("row {number}"), number=number))


def _file_error(message: Words) -> ScenarioError:
    return ScenarioError((Problem.at("file", message),))
