"""A file's problems reach a person through the catalogue, whatever found them.

Every problem the scenario checker, the task sheet reader and the save loader produce in
their own tests is made again here and shown in the pseudo-locale: each message must come
back bracketed (it went through the catalogue) and, unbracketed, be the English sentence
word for word (its place and the file's values intact). A message written as an English-only
text, a new f-string, shows unbracketed and fails here; the static check at the end fails on
such a message even before a test makes it.
"""

from __future__ import annotations

import ast
import errno
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from consortium.engine.scenario_toml import (
    MAX_SCENARIO_BYTES,
    Problem,
    ScenarioError,
    parse_scenario,
    scenario_warning_words,
    scenario_warnings,
)
from consortium.engine.toml_guard import MAX_KEY_CHARS, MAX_KEY_PARTS, MAX_LINE_CHARS, MAX_VALUES
from consortium.engine.words import N_, Grouped, say
from consortium.present.i18n import (
    PSEUDO_CLOSE,
    PSEUDO_OPEN,
    language,
    use_language,
)
from consortium.present.problem_words import (
    problem_lines,
    problem_message,
    problem_place,
    problem_text,
    words_text,
)
from consortium.present.reason_words import os_reason
from consortium.store.fs import NotAFileError
from consortium.store.save_file import SaveError
from consortium.store.save_load import load_save, read_save_file
from consortium.store.scenarios import find_scenario, read_scenario_file
from consortium.store.sessions import resume_session
from consortium.store.task_csv import COLUMNS, read_tasks_csv, tasks_csv
from tests.engine.test_scenario_toml import CASES, changed, drop, dump, put, valid_doc
from tests.store.games import bot_game, cancer_care, save_bytes

SRC = Path(__file__).resolve().parents[2] / "src" / "consortium"
_PADDED = re.compile(f"·*{PSEUDO_CLOSE}")
_FORMAT_SPEC = re.compile(r"\{[^{}]*[:!][^{}]*\}")


@pytest.fixture
def pseudo() -> Iterator[None]:
    before = language()
    use_language("qps")
    yield
    use_language(before)


def unbracketed(text: str) -> str:
    """The pseudo-locale's text with its brackets and padding taken out: the English."""
    return _PADDED.sub("", text).replace(PSEUDO_OPEN, "")


def assert_translated(problems: tuple[Problem, ...] | list[Problem]) -> None:
    assert problems
    for problem in problems:
        shown = problem_message(problem)
        assert shown.startswith(PSEUDO_OPEN) and shown.endswith(PSEUDO_CLOSE), str(problem)
        assert unbracketed(shown) == problem.message
        assert unbracketed(problem_place(problem)) == problem.place


def scenario_problems(data: bytes) -> tuple[Problem, ...]:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(data)
    return caught.value.problems


# --- the scenario checker --------------------------------------------------------------------

BROKEN_FILES: dict[str, bytes] = {
    "utf-16": dump(valid_doc()).decode().encode("utf-16"),
    "bad utf-8": b"format = 1\ntitle = \"\xff\"\n",
    "nul": b'format = 1\nid = "a\x00b"\n',
    "syntax": b'format = 1\nid = = "x"\n',
    "syntax at the end": b"format = 1\nformat = 2",
    "too deep": b"x = [[[[[[1]]]]]]",
    "too deep for the parser": b"x = " + b"[" * 5000 + b"]" * 5000,
    "too many digits": b"format = 1\ntarget = " + b"9" * 5000 + b"\n",
    "too big": b"#" * (MAX_SCENARIO_BYTES + 1),
    "newer format": dump(changed(put("format", value=2))),
    "dotted key": ("x" + ".a" * MAX_KEY_PARTS + " = 1\n").encode(),
    "long key": ("format = 1\n" + "k" * (MAX_KEY_CHARS + 1) + " = 1\n").encode(),
    "long line": ("x = [" + "1," * (MAX_LINE_CHARS // 2) + "1]\n").encode(),
    "crowded key": ("format = 1\ntasks = [\n" + "{},\n" * MAX_VALUES + "]\n").encode(),
    "crowded file": "\n".join(f"k{i} = {i}" for i in range(MAX_VALUES + 1)).encode(),
    "huge numbers": dump(valid_doc()).replace(b"target = 20", b"target = 0x" + b"f" * 5000),
    "a flood": dump(changed(put("tasks", value=[{"effort": "x"}] * 200))),
    "tables and lists where values go": dump(changed(
        put("title", value={"a": 1}), put("id", value=[1]), put("families", value=3),
        put("defaults", value={"rounds": [1], "capacity": True}), drop("target"))),
}


@pytest.mark.parametrize(("changes", "english"), [pytest.param(c, e, id=n) for n, c, e in CASES])
def test_every_problem_of_the_checkers_cases_goes_through_the_catalogue(
    pseudo: None, changes: list[Callable[[dict[str, object]], None]], english: str
) -> None:
    problems = scenario_problems(dump(changed(*changes)))
    assert_translated(problems)
    assert english in [unbracketed(problem_text(p)) for p in problems]


@pytest.mark.parametrize("data", list(BROKEN_FILES.values()), ids=list(BROKEN_FILES))
def test_every_problem_with_a_whole_file_goes_through_the_catalogue(
    pseudo: None, data: bytes
) -> None:
    assert_translated(scenario_problems(data))


def test_the_whole_file_is_a_place_in_words_and_a_path_into_the_file_is_not(
    pseudo: None,
) -> None:
    (problem,) = scenario_problems(BROKEN_FILES["utf-16"])
    assert problem_place(problem).startswith(PSEUDO_OPEN + "file")  # words: translated
    (typo,) = scenario_problems(dump(changed(put("tasks", 4, "effort", value="ten"))))
    assert problem_place(typo) == "tasks[4].effort"  # the file's own key, as written
    assert '"ten"' in problem_message(typo)  # the file's value, as written


def test_a_balance_warning_goes_through_the_catalogue(pseudo: None) -> None:
    scenario = parse_scenario(dump(valid_doc()))
    (warning,) = scenario_warning_words(scenario)
    shown = words_text(warning)
    assert shown.startswith(PSEUDO_OPEN)
    assert [unbracketed(shown)] == scenario_warnings(scenario)


# --- the task sheet --------------------------------------------------------------------------

HEADER = ",".join(COLUMNS)


def sheet_lines() -> list[str]:
    return tasks_csv(cancer_care().tasks, excel=False).decode("utf-8").splitlines()


def with_cell(row: int, column: int, value: str) -> str:
    lines = sheet_lines()
    cells = lines[row].split(",")
    cells[column] = value
    lines[row] = ",".join(cells)
    return "\n".join(lines)


BROKEN_SHEETS: dict[str, bytes] = {
    "a wrong cell": with_cell(2, 3, "ten").encode(),
    "an unknown domain": with_cell(1, 5, "astrology").encode(),
    "a duplicate id": with_cell(3, 0, sheet_lines()[1].split(",")[0]).encode(),
    "the header": b"id,titel,effort,effort,value\n",
    "too many cells": (HEADER + "\na,b,c,1,2,x,y,z,extra\n").encode(),
    "too many header cells": (",".join(["x"] * 100) + "\n").encode(),
    "too many rows": (HEADER + "\n" + "t,T,,1,1,radiology,\n" * 1001).encode(),
    "utf-16": HEADER.encode("utf-16"),
    "bad utf-8": (HEADER + "\n").encode() + b"\xff\n",
    "nul": (HEADER + "\n\x00\n").encode(),
    "empty": b"",
    "a broken quote": (HEADER + '\n"a,b\n').encode(),
    "a long line": (HEADER + "\n" + "x" * (MAX_LINE_CHARS + 1) + "\n").encode(),
    "target out of reach": "\n".join(sheet_lines()[:2]).encode(),
}


@pytest.mark.parametrize("data", list(BROKEN_SHEETS.values()), ids=list(BROKEN_SHEETS))
def test_every_problem_of_a_task_sheet_goes_through_the_catalogue(
    pseudo: None, data: bytes
) -> None:
    with pytest.raises(ScenarioError) as caught:
        read_tasks_csv(data, cancer_care())
    assert_translated(caught.value.problems)


def test_a_sheets_row_is_a_place_in_words_with_the_task_it_became(pseudo: None) -> None:
    with pytest.raises(ScenarioError) as caught:
        read_tasks_csv(BROKEN_SHEETS["a duplicate id"], cancer_care())
    (problem,) = caught.value.problems
    place, message = problem_place(problem), problem_message(problem)
    assert place.startswith(PSEUDO_OPEN + "row 4 (tasks[2])")
    assert unbracketed(place) == "row 4 (tasks[2]).id"
    assert unbracketed(message) == problem.message == (
        'duplicate of row 2 (tasks[0]).id "screening-vans"')


# --- the store: saves and files that cannot be read -------------------------------------------


def good_save() -> bytes:
    state, actions = bot_game(steps=30)
    return save_bytes(state, actions)


def edited_save(change: Callable[[dict[str, object]], None]) -> bytes:
    tree = json.loads(good_save())
    change(tree)
    return json.dumps(tree).encode()


def _set(*path_and_value: object) -> Callable[[dict[str, object]], None]:
    """A change putting the last argument at the path of the others."""
    *path, value = path_and_value

    def change(tree: dict[str, object]) -> None:
        target: object = tree
        for key in path[:-1]:
            target = target[key]  # type: ignore[index]
        target[path[-1]] = value  # type: ignore[index]

    return change


BROKEN_SAVES: dict[str, Callable[[], bytes]] = {
    "cut short": lambda: good_save()[:900],
    "utf-16": lambda: good_save().decode().encode("utf-16"),
    "latin-1": lambda: good_save().replace(b'"', b'"\xe9', 1),
    "empty": lambda: b"  ",
    "not JSON": lambda: b"{header: 1}",
    "a list": lambda: b"[1, 2]",
    "a repeated key": lambda: b'{"a": 1, "a": 2}',
    "too deep": lambda: b"[" * 100_000 + b"]" * 100_000,
    "NaN": lambda: b'{"a": NaN}',
    "no header": lambda: b'{"header": {}}',
    "newer format": lambda: edited_save(_set("header", "format_version", 99)),
    "newer rules": lambda: edited_save(_set("header", "rules_version", 99)),
    "no rules version": lambda: edited_save(_set("header", "rules_version", "x")),
    "an unplayed rules version": lambda: edited_save(_set("header", "rules_version", 2)),
    "wrong values": lambda: edited_save(lambda t: (
        _set("config", "rounds", "many")(t), _set("actions", 4, {"type": "Bribe"})(t),
        _set("actions", 5, {"seat": 1})(t), _set("actions", 6, [])(t),
        _set("config", "colour", 1)(t), _set("header", "saved_at", "yesterday")(t),
        _set("header", "started_at", "2025-03-01T14:05:00")(t),
        _set("config", "secret_ballot", "no")(t), _set("config", "turnover", 10**30)(t))),
    "hand edits": lambda: edited_save(lambda t: (
        _set("header", "scenario_title", "Mine")(t), _set("header", "step", 3)(t))),
    "setup out of range": lambda: edited_save(lambda t: (
        _set("config", "rounds", 99)(t), _set("config", "capacity", 99)(t),
        _set("config", "seats", 0, "sector", "space")(t),
        _set("config", "seats", 0, "name", " ")(t), _set("config", "seed", -1)(t),
        _set("config", "group_policy", "chaos")(t), _set("seed", 5)(t))),
    "a changed action": lambda: good_save().replace(b'"seat":0', b'"seat":1', 1),
    "a broken scenario": lambda: edited_save(_set("scenario", "target", -1)),
}


@pytest.mark.parametrize("make", list(BROKEN_SAVES.values()), ids=list(BROKEN_SAVES))
def test_every_problem_of_a_save_goes_through_the_catalogue(
    pseudo: None, make: Callable[[], bytes]
) -> None:
    data = make()
    with pytest.raises(SaveError) as caught:
        load_save(data)
    assert_translated(caught.value.problems)


def test_files_that_cannot_be_read_say_so_through_the_catalogue(
    pseudo: None, tmp_path: Path
) -> None:
    missing = tmp_path / "gone.consortium"
    for read in (read_save_file, read_scenario_file):
        for path in (missing, tmp_path):
            with pytest.raises((SaveError, ScenarioError)) as caught:
                read(path)
            assert_translated(caught.value.problems)
            assert str(path) in problem_message(caught.value.problems[0])  # the path as it is
    with pytest.raises(ScenarioError) as unknown:
        find_scenario("no-such-scenario")
    assert_translated(unknown.value.problems)
    with pytest.raises(SaveError) as empty:
        resume_session(tmp_path)
    assert_translated(empty.value.problems)


def test_a_damaged_newest_autosave_is_said_through_the_catalogue(
    pseudo: None, tmp_path: Path
) -> None:
    good = good_save()
    (tmp_path / "save-000001.consortium").write_bytes(good)
    (tmp_path / "save-000002.consortium").write_bytes(good[:900])
    resumed = resume_session(tmp_path)
    assert resumed.note_words is not None
    shown = words_text(resumed.note_words)
    assert shown.startswith(PSEUDO_OPEN) and "save-000002.consortium" in shown
    assert unbracketed(shown) == resumed.note


def test_a_dialogs_lines_start_with_the_file_and_translate_each_problem(pseudo: None) -> None:
    problems = scenario_problems(dump(changed(put("tasks", 4, "effort", value="ten"),
                                              put("colour", value=1))))
    lines = problem_lines(problems, "/tmp/mine.toml")
    assert lines[0] == "/tmp/mine.toml:"
    assert [unbracketed(line) for line in lines[1:]] == [str(p) for p in problems]


def test_english_is_the_source_text_byte_for_byte() -> None:
    before = language()
    use_language("en")
    try:
        words = say(N_("is {size} bytes; a save may be at most {most} bytes"),
                    size=Grouped(1234567), most=10)
        assert words_text(words) == words.english() == (
            "is 1,234,567 bytes; a save may be at most 10 bytes")
        for data in BROKEN_FILES.values():
            for problem in scenario_problems(data):
                assert problem_text(problem) == str(problem)
    finally:
        use_language(before)


def test_a_large_count_is_grouped_the_languages_way() -> None:
    before = language()
    use_language("sv")
    try:
        (problem,) = scenario_problems(BROKEN_FILES["too big"])
        assert "1\u00a0048\u00a0577" in problem_message(problem)
        assert "1,048,577" in problem.message
    finally:
        use_language(before)


# --- no English-only message can be added ------------------------------------------------------

TEMPLATE_AT = {"say": 0, "verbatim": 0, "_file_error": 0, "Invalid": 0, "_wrong": 0,
               "of": 1, "at": 1, "_refuse": 1, "_at_line": 1, "check": 2, "Problem": 1}
"""Calls that take a message (the template or words, at this argument): none may be given an
f-string or a text not marked with ``N_`` (a sentence a translator never sees). A place may
be an f-string: it is a path into the file."""


def checked_modules() -> list[Path]:
    engine = [SRC / "engine" / f"{name}.py" for name in ("toml_spec", "scenario_toml",
                                                        "toml_guard")]
    return engine + sorted((SRC / "store").glob("*.py"))


def english_only(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else (
            func.attr if isinstance(func, ast.Attribute) else "")
        if name == "N_" and not (node.args and isinstance(node.args[0], ast.Constant)):
            found.append(f"line {node.lineno}: N_ of something Babel cannot extract")
        elif name == "N_" and _FORMAT_SPEC.search(str(node.args[0].value)):  # type: ignore[attr-defined]
            found.append(f"line {node.lineno}: a format spec a translator cannot change; "
                         "give the field formatted (Grouped, number_text)")
        at = TEMPLATE_AT.get(name)
        if at is None or len(node.args) <= at:
            continue
        message = node.args[at]
        if isinstance(message, ast.JoinedStr) or (
                isinstance(message, ast.Constant) and isinstance(message.value, str)
                and name != "verbatim"):
            found.append(f"line {node.lineno}: {name}() given a text not marked with N_")
    return found


@pytest.mark.parametrize("path", checked_modules(), ids=lambda p: p.name)
def test_no_problem_is_worded_as_english_only(path: Path) -> None:
    assert english_only(ast.parse(path.read_text("utf-8"))) == []


def test_the_static_check_finds_an_english_only_problem() -> None:
    written = ('Problem("file", f"is {size} bytes")\n'
               'Problem.of("file", f"is {size} bytes")\n'
               'raise _file_error("is saved as UTF-16")\n'
               'N_(template)\n'
               'N_("is {size:,} bytes")\n')
    assert len(english_only(ast.parse(written))) == 5


def test_why_a_file_cannot_be_written_is_in_the_rooms_language_or_the_systems_own(
    pseudo: None, tmp_path: Path
) -> None:
    """The store's few plain reasons ("disk full") are translated; a reason it has no words
    for is the system's own text, shown as it came."""
    full = os_reason(OSError(errno.ENOSPC, "No space left on device"))
    assert full.startswith(PSEUDO_OPEN) and unbracketed(full) == "disk full"
    folder = os_reason(NotAFileError(tmp_path / "x.consortium", "a folder"))
    assert unbracketed(folder) == "x.consortium is a folder, not a file"
    assert folder.startswith(PSEUDO_OPEN) and folder.count(PSEUDO_OPEN) == 2
    assert os_reason(OSError(errno.EXDEV, "Invalid cross-device link")) == (
        "invalid cross-device link")


@pytest.mark.parametrize("count", [1, 3])
def test_a_capped_list_says_how_many_more_with_the_languages_plural(count: int,
                                                                       swedish: None) -> None:
    """The last line of a long list of problems follows its number: "and 1 more problem",
    "and 3 more problems" in English, each language's forms through ngettext."""
    from consortium.engine.scenario_toml import more_problems
    from consortium.present.i18n import ngettext, use_language
    from consortium.present.problem_words import problem_message

    problem = more_problems(count)
    assert problem.message == (f"and {count} more problem not shown" if count == 1
                               else f"and {count} more problems not shown")
    assert problem_message(problem) == ngettext(
        "and {count} more problem not shown", "and {count} more problems not shown",
        count).format(count=count)
    assert problem_message(problem) == f"och {count} problem till som inte visas"
    use_language("en")
    assert problem_message(problem) == problem.message
