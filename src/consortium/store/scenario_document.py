"""A scenario as its TOML file would hold it, so anything that is not a TOML file — a save's
embedded scenario, a spreadsheet of tasks — is checked by the one scenario validator.

:func:`scenario_document` turns a :class:`Scenario` back into the document shape of
SCENARIO_FORMAT.md (only the keys the format takes, an effect only with its kind's keys);
:func:`toml_text` writes such a document as TOML; :func:`check_document` runs it through
:func:`~consortium.engine.scenario_toml.parse_scenario`, so every range, reference and
consistency rule lives in the engine once and every problem comes back at its TOML place
(``tasks[1].effort``). Writing TOML text and reading it again costs about a millisecond for
a scenario; a second validator would cost a second set of rules to keep in step.

The same text is a scenario file a trainer can keep: :func:`toml_text` of a save's embedded
scenario recovers a scenario file that was edited or deleted since the session began.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

import attrs

from consortium.engine.scenario import (
    V3_ONLY_KEYS,
    Effect,
    EventSpec,
    Rules,
    Scenario,
    TaskSpec,
    text_key,
)
from consortium.engine.scenario_toml import ScenarioError, parse_scenario
from consortium.engine.toml_guard import crowded_document_problem
from consortium.engine.toml_spec import Problem
from consortium.engine.words import N_

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
_EFFECT_KEYS = {
    "task_value": ("task", "factor", "rounds"),
    "capacity": ("delta",),
    "replace": ("sector",),
}


Texts = Mapping[str, list[tuple[str, str]]]
"""A scenario's translations by :attr:`~consortium.engine.scenario.Translation.key`:
``{"tasks.x.title": [("sv", "…")]}``."""


def scenario_document(scenario: Scenario) -> dict[str, Any]:
    """The scenario as the plain document a TOML file of it parses to (its translations as
    ``title_sv`` keys beside the texts they translate)."""
    texts: dict[str, list[tuple[str, str]]] = {}
    for t in scenario.translations:
        texts.setdefault(t.key, []).append((t.language, t.text))
    return _translated({
        "format": scenario.format,
        "id": scenario.id,
        "title": scenario.title,
        "blurb": scenario.blurb,
        "language": scenario.language,
        "target": scenario.target,
        "defaults": _fields(scenario.defaults),
        "rules": rules_document(scenario.rules),
        "families": [_translated(_fields(f), texts, "families") for f in scenario.families],
        "domains": [_translated(_fields(d), texts, "domains") for d in scenario.domains],
        "sectors": [_translated(_fields(s), texts, "sectors") for s in scenario.sectors],
        "tasks": [task_document(t, texts) for t in scenario.tasks],
        "events": [_event_document(e, texts) for e in scenario.events],
    }, texts)


def task_document(task: TaskSpec, texts: Texts | None = None) -> dict[str, Any]:
    return _translated({
        "id": task.id,
        "title": task.title,
        "text": task.text,
        "effort": task.effort,
        "value": task.value,
        "visible": list(task.visible),
        "latent": list(task.latent),
        **({} if task.crew is None else {"crew": task.crew}),
    }, texts, "tasks")


def _translated(entry: dict[str, Any], texts: Texts | None, table: str = "") -> dict[str, Any]:
    """``entry`` with each of its texts' translations right after it (``title_sv``)."""
    if not texts:
        return entry
    out: dict[str, Any] = {}
    for key, value in entry.items():
        out[key] = value
        if isinstance(value, str) and key in ("title", "blurb", "name", "text"):
            where = text_key(table, entry["id"], key) if table else key
            for language, text in texts.get(where, ()):
                out[f"{key}_{language}"] = text
    return out


def rules_document(rules: Rules) -> dict[str, Any]:
    """The ``[rules]`` keys a file of these rules would hold: never ``version`` (not a file
    key), ``intro_cost`` only when set (never with ``intro_minutes_per_speaker``), and for a
    game of rules version 1 only the keys 0.1.0 knew."""
    fields = _fields(rules)
    del fields["version"]
    if rules.version == 1:
        for key in V3_ONLY_KEYS:
            fields.pop(key, None)
    elif rules.intro_cost is None:
        del fields["intro_cost"]
    else:
        del fields["intro_minutes_per_speaker"]
    return fields


def _event_document(event: EventSpec, texts: Texts) -> dict[str, Any]:
    out = _translated({"id": event.id, "title": event.title, "text": event.text}, texts,
                      "events")
    if event.round is not None:
        out["round"] = event.round
    if event.chance is not None:
        out["chance"] = event.chance
    out["effect"] = _effect_document(event.effect, texts)
    return out


def _effect_document(effect: Effect, texts: Texts) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": effect.kind}
    if effect.kind == "add_task":
        if effect.new_task is not None:
            out["task"] = task_document(effect.new_task, texts)
        return out
    for key in _EFFECT_KEYS.get(effect.kind, ()):
        value = getattr(effect, key)
        if value is not None:
            out[key] = value
    return out


def _fields(record: object) -> dict[str, Any]:
    return attrs.asdict(record, recurse=False)  # type: ignore[arg-type]


def check_document(document: Mapping[str, Any]) -> Scenario:
    """The scenario a document describes, or :class:`ScenarioError` with every problem."""
    # A lone surrogate cannot be UTF-8; passed through, the parser reports it at ``file``.
    return parse_scenario(toml_text(document).encode("utf-8", "surrogatepass"))


def refuse_unsaveable(scenario: Scenario) -> None:
    """Refuse a scenario whose saves could not be opened again.

    A save holds the scenario written out in full (every optional key), and opening it checks
    that through :func:`check_document`, whose limit on the number of values
    (:data:`~consortium.engine.toml_guard.MAX_VALUES`) a file that left optional keys out can
    pass and its save then fail. Only scenarios far larger than any real one come near; they
    are refused when read, not when their session is resumed.
    """
    problem = crowded_document_problem(scenario_document(scenario))
    if problem is not None:
        raise ScenarioError((Problem.of(
            problem.place, N_("written out in full, as a save holds it, {problem}"),
            problem=problem.words or problem.message),))


# --- writing TOML ---------------------------------------------------------------------------


def toml_text(document: Mapping[str, Any]) -> str:
    """The document as TOML: plain keys first, then ``[tables]``, then ``[[arrays]]``.

    Nested tables inside an array entry (an event's effect) are written inline.
    """
    lines: list[str] = []
    tables = {k: v for k, v in document.items() if isinstance(v, Mapping)}
    arrays = {
        k: v
        for k, v in document.items()
        if isinstance(v, list) and v and all(isinstance(i, Mapping) for i in v)
    }
    for key, value in document.items():
        if key not in tables and key not in arrays:
            lines.append(f"{_key(key)} = {_value(value)}")
    for key, table in tables.items():
        lines += ["", f"[{_key(key)}]"]
        lines += [f"{_key(k)} = {_value(v)}" for k, v in table.items()]
    for key, entries in arrays.items():
        for entry in entries:
            lines += ["", f"[[{_key(key)}]]"]
            lines += [f"{_key(k)} = {_value(v)}" for k, v in entry.items()]
    return "\n".join(lines) + "\n"


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise TypeError(f"no TOML form for {type(value).__name__}")


def _string(text: str) -> str:
    """A TOML basic string: every control character escaped, everything else as it is."""
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'
