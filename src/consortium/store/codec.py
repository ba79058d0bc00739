"""The cattrs converter that turns saved values into JSON trees and back, strictly.

A save holds the scenario, the setup (:class:`GameConfig`), a little about the room and the
action log. cattrs unstructures them to plain JSON trees and structures them back; every
:class:`~consortium.engine.actions.Action` carries a ``"type"`` tag with its class name
(cattrs' tagged-union strategy), so the log reads as ``{"type": "Reveal", "seat": 2, …}``.

Saves come from USB sticks and text editors, so structuring is strict where cattrs is lax by
default: ``"3"`` is not a whole number, ``3.7`` is not silently truncated, a text is not a list
of letters, and an unknown key is an error. Every failure becomes a :class:`Problem` at a
dotted place such as ``actions[12].seat``, with a message a trainer can act on; nothing else
escapes :func:`structure`.
"""

from __future__ import annotations

import enum
import functools
import json
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any, Literal, TypeVar, get_args, get_origin

import attrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.preconf.json import JsonConverter, make_converter
from cattrs.strategies import configure_tagged_union

from consortium.engine.actions import Action
from consortium.engine.scenario import Scenario
from consortium.engine.state import Mode, ScheduleEntry
from consortium.engine.toml_spec import Problem
from consortium.engine.words import N_, Words, say

__all__ = [
    "ACTION_TAG",
    "Invalid",
    "StructureProblems",
    "converter",
    "printable",
    "problems_of",
    "show",
    "structure",
    "unstructure",
]

T = TypeVar("T")
ACTION_TAG = "type"
"""The key that names an action's class in the log."""

MAX_SHOWN = 10**15
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_]+")


class Invalid(ValueError):
    """A value of the wrong kind; the message is the part after the place (``str()`` in
    English, ``words`` to translate)."""

    def __init__(self, words: Words) -> None:
        super().__init__(words.english())
        self.words = words


def show(value: object) -> str:
    """A JSON value as a person would recognise it, kept short (never a whole container)."""
    return str(shown(value))


def shown(value: object) -> str | Words:
    """:func:`show` for a message's field: the file's value, or words describing it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value) if abs(value) < MAX_SHOWN else say(N_("a number too large to show"))
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(printable(value if len(value) <= 40 else value[:39] + "…"),
                          ensure_ascii=False)
    if isinstance(value, dict):
        return say(N_("an object"))
    if isinstance(value, list):
        return say(N_("a list"))
    return type(value).__name__


def printable(text: str) -> str:
    """``text`` with lone surrogates (which JSON can carry) spelled out, so it can be printed."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _wrong(expected: str | Words, value: object) -> Invalid:
    """``expected``: a phrase marked with ``N_``, or words."""
    phrase = say(expected) if isinstance(expected, str) else expected
    return Invalid(say(N_("must be {expected}, got {value}"), expected=phrase,
                       value=shown(value)))


# --- strict hooks for scalars ----------------------------------------------------------------


def _int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _wrong(N_("a whole number"), value)
    return value


def _float(value: object, _: type) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _wrong(N_("a number"), value)
    try:
        return float(value)
    except OverflowError:
        raise _wrong(N_("a number of ordinary size"), value) from None


def _optional_float(value: float | None) -> float | None:
    return None if value is None else float(value)


def _str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise _wrong(N_("a text"), value)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise Invalid(say(N_("must be a text, got one with a broken character (lone "
                             "surrogate)"))) from None
    return value


def _bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise _wrong(N_("true or false"), value)
    return value


def _datetime(value: object, _: type) -> datetime:
    if not isinstance(value, str):
        raise _wrong(_A_MOMENT, value)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise _wrong(_A_MOMENT, value) from None
    if moment.tzinfo is None:
        raise Invalid(say(N_("must give its time zone, got {value}"), value=shown(value)))
    return moment


_A_MOMENT = N_('a date and time such as "2025-03-01T14:05:00+00:00"')


def _choices(options: tuple[str, ...]) -> Words:
    return say(N_("one of {options}"), options=", ".join(f'"{o}"' for o in options))


def _enum_hook(cls: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    by_value = {member.value: member for member in cls}
    expected = _choices(tuple(by_value))

    def hook(value: object, _: type) -> enum.Enum:
        if isinstance(value, str) and value in by_value:
            return by_value[value]
        raise _wrong(expected, value)

    return hook


def _literal_hook(literal: Any) -> Callable[[object, type], object]:
    options = get_args(literal)
    expected = _choices(tuple(str(o) for o in options))

    def hook(value: object, _: type) -> object:
        if isinstance(value, str) and value in options:
            return value
        raise _wrong(expected, value)

    return hook


_MODES = {m.value: m for m in Mode}
_SCHEDULE_CHOICES = _choices((*_MODES, "choose"))


def _schedule_entry(value: object, _: type) -> ScheduleEntry:
    if value == "choose":
        return "choose"
    if isinstance(value, str) and value in _MODES:
        return _MODES[value]
    raise _wrong(_SCHEDULE_CHOICES, value)


def _unstructure_schedule_entry(value: ScheduleEntry) -> str:
    return value.value if isinstance(value, Mode) else value


# --- containers: a list where a tuple is meant, an object where a record is meant -------------


def _is_literal(cls: Any) -> bool:
    origin: object = get_origin(cls)
    return origin is Literal


def _is_tuple_of_any(cls: Any) -> bool:
    args = get_args(cls)
    return get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook_factory(converter: JsonConverter) -> Callable[[Any], Any]:
    def factory(cls: Any) -> Callable[[object, type], tuple[Any, ...]]:
        item = get_args(cls)[0]
        as_list = converter.get_structure_hook(list[item])  # type: ignore[valid-type]

        def hook(value: object, _: type) -> tuple[Any, ...]:
            if not isinstance(value, list):
                raise _wrong(N_("a list"), value)
            return tuple(as_list(value, list[item]))  # type: ignore[valid-type]

        return hook

    return factory


def _record_hook_factory(converter: JsonConverter) -> Callable[[Any], Any]:
    def factory(cls: type) -> Callable[[object, type], Any]:
        build: Callable[[Any, Any], Any] = make_dict_structure_fn(
            cls, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
        )

        def hook(value: object, _: type) -> Any:
            if not isinstance(value, dict):
                raise _wrong(N_("an object"), value)
            return build(value, cls)

        return hook

    return factory


def _guard_actions(converter: JsonConverter) -> None:
    """An action must be an object whose ``type`` names a known action (checked before
    cattrs' tagged-union hook, which would fail with a bare KeyError)."""
    tagged = converter.get_structure_hook(Action)
    names = sorted(cls.__name__ for cls in get_args(Action))

    def hook(value: object, cls: type) -> Any:
        if not isinstance(value, dict):
            raise _wrong(N_("an action object"), value)
        tag = value.get(ACTION_TAG)
        if tag not in names:
            if ACTION_TAG not in value:
                raise Invalid(say(N_('has no "{tag}"; an action names its type, like "Reveal"'),
                                  tag=ACTION_TAG))
            raise Invalid(say(N_("unknown action type {value}; known: {names}"),
                              value=shown(tag), names=", ".join(names)))
        return tagged(value, cls)

    converter.register_structure_hook(Action, hook)


@functools.cache
def converter() -> JsonConverter:
    """The one converter for saves (built on first use, never at import)."""
    conv = make_converter(detailed_validation=True, forbid_extra_keys=True)
    conv.register_structure_hook(int, _int)
    conv.register_structure_hook(float, _float)
    conv.register_structure_hook(str, _str)
    conv.register_structure_hook(bool, _bool)
    conv.register_structure_hook(datetime, _datetime)
    conv.register_unstructure_hook(datetime, datetime.isoformat)
    # A float field may hold an int (``Rules.intro_cost = 1``): write it as the float it
    # means, so saving a loaded game gives the same bytes.
    conv.register_unstructure_hook(float, float)
    conv.register_unstructure_hook(float | None, _optional_float)
    conv.register_structure_hook_factory(
        lambda cls: isinstance(cls, type) and issubclass(cls, enum.Enum), _enum_hook
    )
    conv.register_structure_hook_factory(_is_literal, _literal_hook)
    conv.register_structure_hook(ScheduleEntry, _schedule_entry)
    conv.register_unstructure_hook(ScheduleEntry, _unstructure_schedule_entry)
    conv.register_structure_hook_factory(_is_tuple_of_any, _tuple_hook_factory(conv))
    conv.register_structure_hook_factory(attrs.has, _record_hook_factory(conv))
    # A scenario without translations is written as before they existed, so its content hash
    # (table codes, session codes) and every older save stay as they were.
    conv.register_unstructure_hook(Scenario, make_dict_unstructure_fn(
        Scenario, conv, translations=override(omit_if_default=True)))
    configure_tagged_union(Action, conv, tag_name=ACTION_TAG)
    _guard_actions(conv)
    return conv


def unstructure(value: object, as_type: Any = None) -> Any:
    """A value as a JSON tree (dicts, lists, texts, numbers, booleans, null)."""
    return converter().unstructure(value, unstructure_as=as_type)


def structure(tree: object, cls: type[T], place: str = "") -> T:
    """``tree`` as a ``cls``; every problem at its place under ``place``.

    Raises :class:`StructureProblems` (a list of :class:`Problem`) and nothing else.
    """
    try:
        return converter().structure(tree, cls)
    except Exception as error:  # every failure becomes a problem with a place
        raise StructureProblems(tuple(problems_of(error, place))) from None


class StructureProblems(Exception):
    """What :func:`structure` found wrong, every problem at its place."""

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def problems_of(error: BaseException, place: str) -> list[Problem]:
    """cattrs' tree of validation errors as problems, each at its dotted place."""
    if isinstance(error, IterableValidationError):
        at_index, elsewhere = error.group_exceptions()
        found = [p for exc, note in at_index for p in problems_of(exc, f"{place}[{note.index}]")]
        return found + [p for exc in elsewhere for p in problems_of(exc, place)]
    if isinstance(error, ClassValidationError):
        at_field, rest = error.group_exceptions()
        found = [p for exc, note in at_field for p in problems_of(exc, _join(place, note.name))]
        return found + [p for exc in rest for p in problems_of(exc, place)]
    if isinstance(error, ForbiddenExtraKeysError):
        return [Problem.of(_join(place, key), N_("unknown key"))
                for key in sorted(error.extra_fields)]
    return [Problem.at(place or "file", _message(error))]


def _message(error: BaseException) -> Words:
    if isinstance(error, Invalid):
        return error.words
    if isinstance(error, KeyError):
        return say(N_("missing"))
    # A failure this module did not foresee: still placed, and named for a bug report.
    return say(N_("cannot be read ({error})"), error=f"{type(error).__name__}: {str(error)[:80]}")


def _join(place: str, key: str) -> str:
    """``place`` + ``key``; a key from a file that is not a plain name is shown quoted."""
    shown = key if _PLAIN_KEY.fullmatch(key) else show(key)
    return f"{place}.{shown}" if place else shown
