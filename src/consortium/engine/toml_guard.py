"""Limits a scenario's TOML text must meet before the TOML parser sees it.

``tomllib`` is quadratic in the number of parts of one dotted key: ``x.a.a.a…a = 1`` with
50,000 parts (a 100 KB file) takes about a minute and gigabytes, and a dotted table header
(``[x.a.a…]``, ``[[x.a.a…]]``) or a dotted key in an inline table does the same. The 1 MiB
limit and the nesting check come too late to help: the text is well under 1 MiB, and nesting
is measured on what the parser returns. So the text is scanned first, once and in linear
time, for three things no real scenario comes near:

- a dotted key of more than :data:`MAX_KEY_PARTS` parts (the format nests 5 levels deep, so
  no key it takes has more than 5);
- a key longer than :data:`MAX_KEY_CHARS` characters (the longest key of the format, with a
  language suffix, is under 40);
- a line with more than :data:`MAX_LINE_CHARS` characters outside texts in quotes and comments
  (written with every table inline, a scenario has about 80 of them a task on its ``tasks``
  line: 1,486 for the shipped one's 18 tasks). Texts are not counted: ``tomllib`` reads them
  in linear time, and a multi-line text of a scenario file is written on one line when a
  save's scenario or a spreadsheet of tasks is checked
  (:mod:`consortium.store.scenario_document`), which must not then be refused for its length.
  This limit is a ceiling, not a speed fix: no line shape measured was worse than linear.

One thing can only be counted after the parser: how many values the file holds. ``tomllib``
reads 1 MiB of ``{},`` (350,000 empty tables) in half a second, but checking each against the
format, with a problem for every missing key, took several seconds and hundreds of MB. So
:func:`crowded_document_problem` refuses a document of more than :data:`MAX_VALUES` values and
tables before the format is checked (the shipped scenario has 379).

The scanner knows only enough TOML to skip texts and comments and to find keys; whether the
text is valid TOML is the parser's to say, next. A run of names joined by dots counts as a
dotted key wherever it stands, which is safe: a value such as ``1.5`` or a time with fractional
seconds has only two parts. Pure: text in, a problem (at ``file``, with its line) out.
"""

from __future__ import annotations

import re
from typing import Any, Final

from consortium.engine.toml_spec import Problem, join_place
from consortium.engine.words import N_, Grouped, Words, say

__all__ = [
    "MAX_KEY_CHARS",
    "MAX_KEY_PARTS",
    "MAX_LINE_CHARS",
    "MAX_VALUES",
    "crowded_document_problem",
    "hostile_toml_problem",
]

MAX_KEY_PARTS: Final = 10
MAX_KEY_CHARS: Final = 100
MAX_LINE_CHARS: Final = 100_000
MAX_VALUES: Final = 20_000

_BARE: Final = r"[A-Za-z0-9_-]++"
_BASIC: Final = r'"(?:[^"\\\n]++|\\[^\n]?+)*+"'
_LITERAL: Final = r"'[^'\n]*+'"
_PART: Final = rf"(?:{_BARE}|{_BASIC}|{_LITERAL})"
_PART_PATTERN: Final = re.compile(_PART)
_FIRST: Final = rf"(?<![A-Za-z0-9_-]){_PART}"
_MORE: Final = rf"(?:[ \t]*+\.[ \t]*+{_PART})"
_MULTI_LINE_BASIC: Final = r'"""(?:[^"\\]++|\\(?:.|\Z)|"(?!""))*+(?:"""(?:""?+)?+|\Z)'
_MULTI_LINE_LITERAL: Final = r"'''(?:[^']++|'(?!''))*+(?:'''(?:''?+)?+|\Z)"
# One search finds what matters: texts and comments (skipped, their newlines kept), keys and
# dotted names (checked). A text, once started, always matches (an unclosed one runs to the
# end of its line, or of the file for a multi-line one); no quantifier can backtrack (all are
# possessive); a name never starts inside a bare run. So the search is linear whatever the
# text holds, and bare values (numbers, ``true``) never reach the Python loop.
_TOKEN: Final = re.compile(
    "|".join(
        (
            _MULTI_LINE_BASIC,
            _MULTI_LINE_LITERAL,
            rf"^[ \t]*+\[\[?+[ \t]*+(?P<header>{_FIRST}{_MORE}*+)(?=[ \t]*+\])",
            rf"(?P<key>{_FIRST}{_MORE}*+)(?=[ \t]*+=)",
            rf"(?P<dotted>{_FIRST}{_MORE}{{{MAX_KEY_PARTS},}}+)",  # a value too: too many parts
            r'"(?:[^"\\\n]++|\\[^\n]?+)*+"?+',
            r"'[^'\n]*+'?+",
            r"#[^\n]*+",
        )
    ),
    re.DOTALL | re.MULTILINE,
)


def hostile_toml_problem(text: str) -> Problem | None:
    """The first limit ``text`` breaks, as a ``file`` problem with its line, or None."""
    # Lines are measured without their texts only when one is long even with them (rare).
    structure: list[str] | None = [] if max(map(len, text.split("\n"))) > MAX_LINE_CHARS else None
    position = 0  # where the structure not yet added to ``structure`` starts
    for found in _TOKEN.finditer(text):
        name = found.lastgroup
        if name is not None:
            problem = _name_problem(text, found.start(name), found[name], is_key=name != "dotted")
            if problem is not None:
                return problem
        elif structure is not None:  # a text or comment: only its newlines are kept
            structure += (text[position : found.start()], "\n" * found.group().count("\n"))
            position = found.end()
    if structure is None:
        return None
    structure.append(text[position:])
    return _long_line_problem("".join(structure))


def crowded_document_problem(document: dict[str, Any]) -> Problem | None:
    """A document of more than :data:`MAX_VALUES` values and tables, at the top-level key that
    holds the most, or None. Walked without recursion, and only until past the limit."""
    counts: dict[str, int] = {}
    total = 0
    for key, value in document.items():
        count = 1
        stack: list[Any] = [value] if isinstance(value, dict | list) else []
        while stack and total + count <= MAX_VALUES:
            container = stack.pop()
            children = container.values() if isinstance(container, dict) else container
            count += len(children)
            stack.extend(c for c in children if isinstance(c, dict | list))
        counts[key] = count
        total += count
        if total > MAX_VALUES:
            rule = say(N_("a scenario holds at most {most} (the shipped one, under 400)"),
                       most=Grouped(MAX_VALUES))
            most = max(counts, key=counts.__getitem__)
            if counts[most] <= total // 2:
                return Problem.of("file", N_("holds more than {most} values in all; {rule}"),
                                  most=Grouped(MAX_VALUES), rule=rule)
            return Problem.of(
                join_place("", most),
                N_("holds {count} values or more, and the file more than {most} in all; "
                   "{rule}"),
                count=Grouped(counts[most]), most=Grouped(MAX_VALUES), rule=rule,
            )
    return None


def _name_problem(text: str, start: int, name: str, *, is_key: bool) -> Problem | None:
    """A name of too many dotted parts (wherever it stands), or a key with too long a part."""
    if len(name) <= MAX_KEY_CHARS and name.count(".") < MAX_KEY_PARTS:
        return None  # the usual case, decided without splitting the name
    parts = _PART_PATTERN.findall(name) if "." in name else [name]
    if len(parts) > MAX_KEY_PARTS:
        return Problem.of(
            "file",
            N_("has a dotted key of {parts} parts at {where}; a scenario's keys have at most "
               "{most} parts"),
            parts=Grouped(len(parts)), where=_where(text, start), most=MAX_KEY_PARTS,
        )
    if not is_key:
        return None
    for part in parts:
        length = len(part) - 2 if part[0] in "\"'" else len(part)
        if length > MAX_KEY_CHARS:
            return Problem.of(
                "file",
                N_("has a key of {length} characters at {where}; a scenario's keys have at "
                   "most {most} characters"),
                length=Grouped(length), where=_where(text, start), most=MAX_KEY_CHARS,
            )
    return None


def _long_line_problem(structure: str) -> Problem | None:
    lines = structure.split("\n")
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    if len(lines[longest]) <= MAX_LINE_CHARS:
        return None
    return Problem.of(
        "file",
        N_("has {length} characters outside texts in quotes on line {line}; a scenario's "
           "lines have at most {most} (a text in quotes may be longer)"),
        length=Grouped(len(lines[longest])), line=longest + 1, most=Grouped(MAX_LINE_CHARS),
    )


def _where(text: str, index: int) -> Words:
    line_start = text.rfind("\n", 0, index) + 1
    return say(N_("line {line}, column {column}"), line=text.count(chr(10), 0, index) + 1,
               column=index - line_start + 1)
