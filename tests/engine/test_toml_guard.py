"""The limits a scenario's TOML meets before the parser (issue 10, defect 1).

Each hostile shape is refused with its place; what a real scenario writes — dots, quotes and
hash signs in texts, multi-line texts, fractions, long texts — is never refused. Time and
memory are measured by bench/hostile_scenario.py, not here.
"""

from __future__ import annotations

import json
import tomllib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consortium.engine.scenario_toml import ScenarioError, parse_scenario
from consortium.engine.toml_guard import (
    MAX_KEY_CHARS,
    MAX_KEY_PARTS,
    MAX_LINE_CHARS,
    MAX_VALUES,
    crowded_document_problem,
    hostile_toml_problem,
)
from consortium.resources import asset_path

SHIPPED = asset_path("scenarios", "cancer-care.toml").read_text("utf-8")


def refused(text: str) -> str:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text.encode("utf-8"))
    assert len(caught.value.problems) == 1, caught.value.problems
    return str(caught.value.problems[0])


def parts_message(parts: int, where: str) -> str:
    return (
        f"file: has a dotted key of {parts:,} parts at {where}; "
        f"a scenario's keys have at most {MAX_KEY_PARTS} parts"
    )


# --- dotted keys -----------------------------------------------------------------------------


def test_the_issues_key_of_50000_parts_is_refused_before_the_parser() -> None:
    text = "x" + ".a" * 50_000 + " = 1\n"  # about a minute and gigabytes in tomllib
    assert refused(text) == parts_message(50_001, "line 1, column 1")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("x" + ".a" * MAX_KEY_PARTS + " = 1\n", "line 1, column 1"),
        ('format = 1\n"x"' + '."a"' * MAX_KEY_PARTS + " = 1\n", "line 2, column 1"),
        ("format = 1\nx" + " . a" * MAX_KEY_PARTS + " = 1\n", "line 2, column 1"),
        ("format = 1\n\n[x" + ".a" * MAX_KEY_PARTS + "]\n", "line 3, column 2"),
        ("format = 1\n  [[ x" + ".a" * MAX_KEY_PARTS + " ]]\n", "line 2, column 6"),
        ("format = 1\nx = { y" + ".a" * MAX_KEY_PARTS + " = 1 }\n", "line 2, column 7"),
        ("format = 1\nx = [{ y" + ".'a'" * MAX_KEY_PARTS + " = 1 }]\n", "line 2, column 8"),
    ],
    ids=["top-level", "quoted", "spaced", "table", "array-of-tables", "inline", "in-a-list"],
)
def test_a_key_of_one_part_too_many_is_refused_at_its_place(text: str, where: str) -> None:
    assert refused(text) == parts_message(MAX_KEY_PARTS + 1, where)


def test_a_key_of_the_most_parts_allowed_reaches_the_parser() -> None:
    text = "x" + ".a" * (MAX_KEY_PARTS - 1) + " = 1\n"
    assert hostile_toml_problem(text) is None
    assert refused(text).startswith("file: nests tables or lists deeper")


def test_a_value_with_a_dot_is_not_a_key() -> None:
    text = 'x = [1.5, 2.25, 1979-05-27T07:32:00.999, "a.b.c.d.e.f.g.h.i.j.k.l"]\n'
    assert hostile_toml_problem(text) is None


# --- texts and comments are skipped, whatever they hold -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'text = "' + ".a" * 20 + '"\n',
        "text = '" + ".a" * 20 + "'\n",
        'text = """\nx' + ".a" * 20 + ' = 1\n"""\n',
        "text = '''\nx" + ".a" * 20 + " = 1\n'''\n",
        'text = """a ""quoted"" \\""" x.a.a"""""\n',
        'text = "a \\" x' + ".a" * 20 + ' = 1"\n',
        "# x" + ".a" * 20 + " = 1\n",
        'x = 1 # "' + ".a" * 20 + "\n",
        '"key with . dots" = 1\n',
    ],
    ids=["basic", "literal", "multi-line", "multi-line-literal", "quote-runs", "escaped-quote",
         "comment", "comment-after", "quoted-key"],
)
def test_dots_in_texts_comments_and_quoted_keys_are_not_counted(text: str) -> None:
    tomllib.loads(text)  # each is valid TOML
    assert hostile_toml_problem(text) is None


def test_an_unclosed_text_does_not_hide_what_follows_its_line() -> None:
    text = 'title = "open\nx' + ".a" * MAX_KEY_PARTS + " = 1\n"
    assert refused(text) == parts_message(MAX_KEY_PARTS + 1, "line 2, column 1")


def test_an_unclosed_multi_line_text_runs_to_the_end_and_the_parser_says_so() -> None:
    text = 'title = """open\nx' + ".a" * 50 + " = 1\n"
    assert hostile_toml_problem(text) is None
    assert refused(text) == (
        "file: is not valid TOML at line 3, column 1 (the end of the file): unterminated string"
    )


# --- long keys and lines --------------------------------------------------------------------


def test_a_key_longer_than_any_of_the_format_is_refused() -> None:
    text = "format = 1\n" + "k" * (MAX_KEY_CHARS + 1) + " = 1\n"
    assert refused(text) == (
        f"file: has a key of {MAX_KEY_CHARS + 1} characters at line 2, column 1; "
        f"a scenario's keys have at most {MAX_KEY_CHARS} characters"
    )


def test_a_long_quoted_key_and_a_long_table_name_are_refused() -> None:
    assert "has a key of 1,000 characters at line 1, column 1" in refused(
        '"' + "k" * 1000 + '" = 1\n'
    )
    assert "has a key of 1,000 characters at line 2, column 2" in refused(
        "format = 1\n[" + "k" * 1000 + "]\n"
    )


def test_a_long_text_is_a_value_not_a_key() -> None:
    assert hostile_toml_problem('id = "' + "k" * 10_000 + '"\n') is None


def test_a_line_of_structure_longer_than_the_limit_is_refused_with_its_number() -> None:
    text = "format = 1\nid = 'x'\nx = [" + "1," * (MAX_LINE_CHARS // 2) + "1]\n"
    assert refused(text) == (
        f"file: has {MAX_LINE_CHARS + 7:,} characters outside texts in quotes on line 3; "
        f"a scenario's lines have at most {MAX_LINE_CHARS:,} (a text in quotes may be longer)"
    )


def test_a_long_text_on_one_line_is_not_a_long_line() -> None:
    """A save writes a scenario's multi-line texts on one line each; they must read back."""
    text = 'blurb = "' + "word " * (MAX_LINE_CHARS // 4) + '"\n# ' + "c" * MAX_LINE_CHARS + "\n"
    assert hostile_toml_problem(text) is None


# --- how many values ------------------------------------------------------------------------


def test_more_values_than_a_scenario_holds_are_refused_at_the_key_holding_them() -> None:
    text = "format = 1\ntasks = [\n" + "{},\n" * MAX_VALUES + "]\n"  # with the key: one more
    assert refused(text) == (
        f"tasks: holds {MAX_VALUES + 1:,} values or more, and the file more than "
        f"{MAX_VALUES:,} in all; a scenario holds at most {MAX_VALUES:,} (the shipped one, "
        "under 400)"
    )


def test_values_spread_over_many_keys_are_refused_for_the_file() -> None:
    document = {f"k{i}": i for i in range(MAX_VALUES + 1)}
    problem = crowded_document_problem(document)
    assert problem is not None
    assert str(problem).startswith(f"file: holds more than {MAX_VALUES:,} values in all")


def test_the_shipped_scenario_is_far_inside_every_limit() -> None:
    assert hostile_toml_problem(SHIPPED) is None
    assert crowded_document_problem(tomllib.loads(SHIPPED)) is None
    assert parse_scenario(SHIPPED.encode()).id == "cancer-care"


# --- what a real file writes is never refused -----------------------------------------------

_TEXT = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="\x00\x7f"), max_size=40
)
_COMMENT = st.text(st.characters(exclude_categories=["Cs", "Cc"]), max_size=40)
_KEY = st.text("abcxyz_-.\"' #=[]{}\\", min_size=1, max_size=12) | st.from_regex(
    r"[a-z_-]{1,12}", fullmatch=True
)
_SCALAR = (
    _TEXT | st.integers(-(10**9), 10**9) | st.floats(allow_nan=False) | st.booleans() | st.dates()
)


def _multi_line(text: str) -> str:
    """A multi-line basic text, as a trainer writes a long one (every quote and backslash
    escaped, so no run of quotes can end it early)."""
    escaped = json.dumps(text, ensure_ascii=False)[1:-1].replace("\\n", "\n")
    return f'"""\n{escaped}"""'


@st.composite
def real_looking_files(draw: st.DrawFn) -> str:
    """Key/value lines with every kind of text, quoted keys full of dots and quote marks,
    short dotted keys, multi-line texts, comments and tables."""
    lines = []
    seen: set[str] = set()
    for index in range(draw(st.integers(1, 12))):
        key = json.dumps(draw(_KEY), ensure_ascii=False)
        if key in seen:
            continue
        seen.add(key)
        value = draw(_SCALAR)
        if isinstance(value, str) and draw(st.booleans()):
            written = _multi_line(value)
        elif isinstance(value, str):
            written = json.dumps(value, ensure_ascii=False)
        elif isinstance(value, bool):
            written = "true" if value else "false"
        else:
            written = str(value) if not isinstance(value, float) else repr(value)
        dotted = f"t{index}.{key}.x" if draw(st.booleans()) else key
        comment = " # " + draw(_COMMENT)
        lines.append(f"{dotted} = {written}{comment if draw(st.booleans()) else ''}")
    return "\n".join(lines) + "\n"


@given(real_looking_files())
def test_no_file_a_trainer_could_write_is_refused(text: str) -> None:
    tomllib.loads(text)  # the strategy writes valid TOML
    assert hostile_toml_problem(text) is None


@given(st.integers(1, 40), st.lists(st.sampled_from(["a", '"a.b"', "'c#'", "1", '""']), min_size=1))
def test_a_dotted_key_is_refused_exactly_when_it_has_too_many_parts(
    parts: int, names: list[str]
) -> None:
    key = " . ".join(names[i % len(names)] for i in range(parts))
    text = f'title = "x.y"\n{key} = 1\n'
    problem = hostile_toml_problem(text)
    if parts > MAX_KEY_PARTS:
        assert problem is not None
        assert str(problem) == parts_message(parts, "line 2, column 1")
    else:
        assert problem is None
