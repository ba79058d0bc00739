"""Checking parsed TOML against a table-driven spec, reporting each problem at its place.

A spec is data: a :class:`Table` names its keys, each with a kind (:class:`Whole`,
:class:`Number`, :class:`Text`, …) and whether it is required. Reading a value against its
kind appends a :class:`Problem` for everything wrong and carries on, so a trainer sees every
problem of a file at once, and returns the usable part: plain dicts and tuples, with bad keys
left out (and bad list items kept as ``None``, so later checks still know their positions).
The scenario format is written in this vocabulary in :mod:`consortium.engine.scenario_toml`.

Every message is :class:`~consortium.engine.words.Words` (an English template and the file's
values), so the presentation layer shows it in the room's language.

Messages never format a huge integer (Python refuses past 4,300 digits) nor a whole
container, so no value a file can hold makes a message raise.
"""

from __future__ import annotations

import difflib
import json
import math
import re
from collections.abc import Callable, Mapping
from typing import Any, Final, Protocol

import attrs

from consortium.engine.words import N_, Words, say

INVALID: Final = object()
"""What a kind returns after reporting a value it cannot use; the key is then left out."""

_LARGEST_SHOWN: Final = 10**15
_BARE_KEY: Final = re.compile(r"[A-Za-z0-9_-]+")
TRANSLATED: Final = "_translated"
"""Where :meth:`Table.read` puts a table's texts in other languages: ``{(field, language):
text}`` in file order (never a file key: a file key cannot start with ``_`` here)."""
_SUFFIXED: Final = re.compile(r"(?P<field>[a-z_]+?)_(?P<language>[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)")
"""A key with a language suffix: ``title_sv``, ``name_pt-BR`` (SCENARIO_FORMAT.md, v3)."""


@attrs.frozen
class Problem:
    """One thing wrong with a file, at a dotted place such as ``tasks[4].effort``.

    Places use 0-based indexes in file order; whole-file problems have the place ``file``.
    ``message`` is the English (logs, scripts, tests); ``words`` the same sentence as a
    template and its fields, which :mod:`consortium.present.problem_words` translates (None
    only for a problem made from an English text, which then shows untranslated).
    """

    place: str
    message: str
    words: Words | None = attrs.field(default=None, eq=False, repr=False)
    place_words: Words | None = attrs.field(default=None, eq=False, repr=False)
    """A place that is words, not a path into the file ("row 5 (tasks[3])"); else None."""

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"

    @classmethod
    def at(cls, place: str, words: Words) -> Problem:
        return cls(place, words.english(), words)

    @classmethod
    def of(cls, place: str, template: str, /, **fields: object) -> Problem:
        """A problem at ``place`` worded by ``template`` (marked with ``N_``) and its fields."""
        return cls.at(place, say(template, **fields))

    def moved(self, place: str, place_words: Words | None = None) -> Problem:
        """The same problem at another place (a save's ``scenario.…``, a sheet's row)."""
        return attrs.evolve(self, place=place, place_words=place_words)


# --- showing values and places -------------------------------------------------------------


def shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def show(value: object) -> str:
    """A value as a trainer wrote it, kept short (English where it is described, not shown)."""
    return str(shown(value))


def shown(value: object) -> str | Words:
    """:func:`show` for a message's field: the file's value as written, or words describing
    it (a table, a list) that are translated with the message."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value) if abs(value) < _LARGEST_SHOWN else say(N_("a number too large to show"))
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else str(value)
    if isinstance(value, str):
        return json.dumps(shorten(value), ensure_ascii=False)
    if isinstance(value, dict):
        return say(N_("a table"))
    if isinstance(value, list):
        return say(N_("a list"))
    return say(N_("a date or time"))


def number_text(value: float) -> str:
    """A number without a needless ``.0`` or exponent: 98, 97.6, 1000000."""
    return str(int(value)) if float(value).is_integer() else repr(value)


def join_place(place: str, key: str) -> str:
    """``tasks[0]`` + ``effort``; odd keys are quoted as TOML would, so a place is never empty."""
    shown = key if _BARE_KEY.fullmatch(key) else json.dumps(shorten(key), ensure_ascii=False)
    return f"{place}.{shown}" if place else shown


def _wrong(place: str, expected: Words, value: object) -> Problem:
    return Problem.of(place, N_("must be {expected}, got {value}"), expected=expected,
                      value=shown(value))


# --- kinds of values -----------------------------------------------------------------------


class Kind(Protocol):
    """How one key's value is checked: report problems at ``place``, return what is usable."""

    @property
    def expected(self) -> Words: ...

    def read(self, value: object, place: str, problems: list[Problem]) -> Any: ...


class Scalar:
    """A single value, converted or reported as ``must be <expected>, got <value>``."""

    @property
    def expected(self) -> Words:
        raise NotImplementedError

    def convert(self, value: object) -> object:
        """The value as the model holds it, or :data:`INVALID`."""
        raise NotImplementedError

    def read(self, value: object, place: str, problems: list[Problem]) -> Any:
        result = self.convert(value)
        if result is INVALID:
            problems.append(_wrong(place, self.expected, value))
        return result


def whole(value: object) -> int | None:
    """An integer, or a float that is one (``3.0``); booleans are not numbers."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    return None


@attrs.frozen
class Whole(Scalar):
    low: int
    high: int
    what: Words | None = None  # a better description than the range, where there is one

    @property
    def expected(self) -> Words:
        return self.what or say(N_("a whole number from {low} to {high}"), low=self.low,
                                high=self.high)

    def convert(self, value: object) -> object:
        number = whole(value)
        return number if number is not None and self.low <= number <= self.high else INVALID


@attrs.frozen
class Number(Scalar):
    """A finite number; an int is accepted and becomes a float."""

    low: float
    high: float
    above_low: bool = False  # True: the low end itself is excluded

    @property
    def expected(self) -> Words:
        low, high = number_text(self.low), number_text(self.high)
        if self.above_low:
            return say(N_("a number above {low}, at most {high}"), low=low, high=high)
        return say(N_("a number from {low} to {high}"), low=low, high=high)

    def convert(self, value: object) -> object:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return INVALID
        # Compare before float(): a huge int overflows a float, and nan fails every comparison.
        above = value > self.low if self.above_low else value >= self.low
        return float(value) if above and value <= self.high else INVALID


@attrs.frozen
class Flag(Scalar):
    """``true`` or ``false``."""

    @property
    def expected(self) -> Words:
        return say(N_("true or false"))

    def convert(self, value: object) -> object:
        return value if isinstance(value, bool) else INVALID


@attrs.frozen
class Text(Scalar):
    non_empty: bool

    @property
    def expected(self) -> Words:
        return say(N_("a non-empty text")) if self.non_empty else say(N_("a text"))

    def convert(self, value: object) -> object:
        if not isinstance(value, str) or (self.non_empty and not value.strip()):
            return INVALID
        return value


@attrs.frozen
class Pattern(Scalar):
    """A text that must match a pattern, such as an id."""

    pattern: re.Pattern[str]
    what: Words

    @property
    def expected(self) -> Words:
        return self.what

    def convert(self, value: object) -> object:
        return value if isinstance(value, str) and self.pattern.fullmatch(value) else INVALID


@attrs.frozen
class Choice(Scalar):
    options: tuple[str, ...]

    @property
    def expected(self) -> Words:
        return say(N_("one of {options}"), options=", ".join(f'"{o}"' for o in self.options))

    def convert(self, value: object) -> object:
        return value if isinstance(value, str) and value in self.options else INVALID


@attrs.frozen
class IdList:
    """A list of distinct ids (a task's requirements); a bad item stays None to keep positions."""

    item: Scalar
    least: int
    noun: str  # "domain": the only list of ids the format has

    @property
    def expected(self) -> Words:
        return say(N_("a list of domain ids"))

    def read(self, value: object, place: str, problems: list[Problem]) -> Any:
        if not isinstance(value, list):
            problems.append(_wrong(place, self.expected, value))
            return INVALID
        if len(value) < self.least:
            problems.append(Problem.of(place, N_("must name at least {least} domain"),
                                       least=self.least))
        first: dict[object, str] = {}
        items: list[object] = []
        for index, raw in enumerate(value):
            item_place = f"{place}[{index}]"
            got = self.item.read(raw, item_place, problems)
            if got is INVALID:
                got = None
            elif got in first:
                problems.append(Problem.of(item_place, N_("duplicate of {place} {value}"),
                                           place=first[got], value=shown(got)))
            else:
                first[got] = item_place
            items.append(got)
        return tuple(items)


# --- tables --------------------------------------------------------------------------------


@attrs.frozen
class Field:
    kind: Kind
    required: bool = True
    default: object = INVALID  # INVALID: leave the key out, so the model's default applies


def required(**kinds: Kind) -> dict[str, Field]:
    return {key: Field(kind) for key, kind in kinds.items()}


def optional(**kinds: Kind) -> dict[str, Field]:
    """Keys that may be left out; the model's default then applies."""
    return {key: Field(kind, required=False) for key, kind in kinds.items()}


Rule = Callable[[Mapping[str, Any], str, list[Problem]], None]
"""A check that spans keys of one table: (the raw table, its place, problems)."""


@attrs.frozen
class Table:
    """A TOML table: its known keys (any other key is an error) and rules across keys."""

    name: str | Words  # how a trainer knows it: "[[tasks]]", "a capacity effect"
    fields: Mapping[str, Field]
    rules: tuple[Rule, ...] = ()
    texts: tuple[str, ...] = ()  # fields that may also be given per language: title_sv = …

    @property
    def expected(self) -> Words:
        return say(N_("a table"))

    def read(self, value: object, place: str, problems: list[Problem]) -> Any:
        if not isinstance(value, dict):
            problems.append(_wrong(place, self.expected, value))
            return INVALID
        translated: dict[tuple[str, str], str] = {}
        for key in value:
            if key in self.fields:
                continue
            suffixed = self._translation(key)
            if suffixed is None:
                problems.append(Problem.at(join_place(place, key), self._unknown(key)))
                continue
            text_field, language = suffixed
            got = self.fields[text_field].kind.read(value[key], join_place(place, key), problems)
            if got is not INVALID:
                translated[text_field, language] = got
        result: dict[str, Any] = {TRANSLATED: translated} if translated else {}
        for key, field in self.fields.items():
            where = join_place(place, key)
            if key in value:
                got = field.kind.read(value[key], where, problems)
            elif field.required:
                problems.append(Problem.of(where, N_("missing; must be {expected}"),
                                           expected=field.kind.expected))
                continue
            else:
                got = field.default
            if got is not INVALID:
                result[key] = got
        for rule in self.rules:
            rule(value, place, problems)
        return result

    def _translation(self, key: str) -> tuple[str, str] | None:
        """``(field, language)`` of a key such as ``title_sv``, if this table translates that
        field."""
        found = _SUFFIXED.fullmatch(key)
        if found is None or found["field"] not in self.texts:
            return None
        return found["field"], found["language"]

    def _unknown(self, key: str) -> Words:
        found = _SUFFIXED.fullmatch(key)
        if found is not None and found["field"] in self.fields:
            if self.texts:
                return say(N_("unknown key; only texts take a language suffix here ({keys}), "
                              "and {field} is not one"),
                           keys=", ".join(t + "_" + found["language"] for t in self.texts),
                           field=found["field"])
            return say(N_("unknown key; {table} has no texts to translate"), table=self.name)
        head = key.rpartition("_")[0]
        if head in self.texts:
            return say(N_('unknown key; a text in another language is written {text}_ and a '
                          'language code, like "{text}_sv"'), text=head)
        if found is not None and self.texts:
            text = difflib.get_close_matches(found["field"], self.texts, n=1, cutoff=0.75)
            if text:
                return say(N_('unknown key; did you mean "{key}"?'),
                           key=f'{text[0]}_{found["language"]}')
        close = difflib.get_close_matches(key, self.fields, n=1, cutoff=0.75)
        if close:
            return say(N_('unknown key; did you mean "{key}"?'), key=close[0])
        return say(N_("unknown key; {table} takes {keys}"), table=self.name,
                   keys=", ".join(self.fields))


@attrs.frozen
class Entry:
    """One table of an array of tables, with its place for later cross-table messages."""

    place: str
    values: Mapping[str, Any]


@attrs.frozen
class Array:
    """An array of tables such as ``[[tasks]]``, read into :class:`Entry` values."""

    element: Table
    noun: str  # the key: "tasks", "families"
    least: int = 0
    most: int | None = None

    @property
    def expected(self) -> Words:
        return say(N_("a list of {table} tables"), table=self.element.name)

    def read(self, value: object, place: str, problems: list[Problem]) -> Any:
        if not isinstance(value, list):
            problems.append(_wrong(place, self.expected, value))
            return INVALID
        entries = []
        for index, item in enumerate(value):
            item_place = f"{place}[{index}]"
            got = self.element.read(item, item_place, problems)
            entries.append(Entry(item_place, {} if got is INVALID else got))
        too_many = self.most is not None and len(value) > self.most
        if len(value) < self.least or too_many:
            if self.most:
                problems.append(Problem.of(place, N_("must have {least} to {most} {key}, got "
                                                     "{count}"), least=self.least,
                                           most=self.most, key=self.noun, count=len(value)))
            else:
                problems.append(Problem.of(place, N_("must have at least {least} {key}, got "
                                                     "{count}"), least=self.least,
                                           key=self.noun, count=len(value)))
        return tuple(entries)


@attrs.frozen
class Variant:
    """A table whose other keys depend on one key's value, such as an effect's ``kind``.

    ``tables`` maps each value of that key to the table of the other keys.
    """

    key: str
    tables: Mapping[str, Table]

    @property
    def expected(self) -> Words:
        return say(N_("a table with a {key}"), key=self.key)

    def read(self, value: object, place: str, problems: list[Problem]) -> Any:
        if not isinstance(value, dict):
            problems.append(_wrong(place, self.expected, value))
            return INVALID
        chosen = value.get(self.key)
        if isinstance(chosen, str) and chosen in self.tables:
            rest = {key: item for key, item in value.items() if key != self.key}
            result = self.tables[chosen].read(rest, place, problems)
            return {self.key: chosen, **result}
        choice = Choice(tuple(self.tables))
        where = join_place(place, self.key)
        if self.key in value:
            choice.read(chosen, where, problems)
        else:
            problems.append(Problem.of(where, N_("missing; must be {expected}"),
                                       expected=choice.expected))
        return INVALID


def at_most_one(first: str, second: str) -> Rule:
    """A rule: the table may give ``first`` or ``second``, never both."""

    def rule(table: Mapping[str, Any], place: str, problems: list[Problem]) -> None:
        if first in table and second in table:
            problems.append(Problem.of(join_place(place, second),
                                       N_("cannot be given together with {key}"), key=first))

    return rule


def exactly_one(first: str, second: str) -> Rule:
    """A rule: the table gives ``first`` or ``second``, not both and not neither."""

    def rule(table: Mapping[str, Any], place: str, problems: list[Problem]) -> None:
        given = (first in table) + (second in table)
        if given != 1:
            if given:
                problems.append(Problem.of(place, N_("needs exactly one of {first} or {second}, "
                                                     "got both"), first=first, second=second))
            else:
                problems.append(Problem.of(place, N_("needs exactly one of {first} or {second}, "
                                                     "got neither"), first=first, second=second))

    return rule
