"""Reading a scenario from TOML bytes: every problem with its place, never a traceback.

Trainers write scenarios by hand, so the loader is strict in what it accepts (an unknown key is
an error, because a typo must not be silently ignored) and generous in how it reports: every
problem at once, each at a dotted place such as ``tasks[4].effort``, and no input — binary
junk, a 5,000-digit integer, a thousand nested arrays — escapes as anything but
:class:`ScenarioError`. Pure: bytes in, :class:`Scenario` out; reading files is the store's job.

Reading takes passes, so each rule lives in one place:

0. *bytes to TOML* — size, encoding, syntax and nesting, each a single ``file`` problem;
1. *shape* — the format written as a table-driven spec (:data:`_SCENARIO`, in the vocabulary
   of :mod:`consortium.engine.toml_spec`) checks each key's type and range and gives plain
   dicts (partial where something was wrong, so later checks still run);
2. *consistency* — counts, unique ids, references, hidden needs, a reachable target;
3. *build* — only when nothing was wrong do the dicts become frozen :class:`Scenario` values.

Decisions where SCENARIO_FORMAT.md is silent: ``id`` and ``title`` are required, ``blurb``
defaults to "" and ``language`` to "en"; a task's or event's ``text`` may be left out; a
whole-number field accepts ``3.0`` as 3 (TOML editors and spreadsheets write it) but rejects
``2.5``; ``target`` is at most 1,000,000 and ``rounds`` of a ``task_value`` effect at most 8
(a game never lasts longer); tasks that ``add_task`` events bring do not count toward a
reachable target; a file of a newer format reports only that, since its other keys would
all look unknown; at most :data:`MAX_PROBLEMS` problems are listed.

Texts per language (SCENARIO_FORMAT.md, v3): ``<text>_<language>`` is read for every text
the format names (the scenario's ``title`` and ``blurb``, the ``name`` of families, domains
and sectors, the ``title`` and ``text`` of tasks, events and added tasks), with any language
code (``sv``, ``pt-BR``), checked as the text it translates, and kept by ids in
:attr:`Scenario.translations` (the engine never reads them; :mod:`consortium.present.
scenario_words` shows them). A suffix on a key that is not a text, a misspelt text key and a
translation into the file's own language are problems like an unknown key. A translation
without the text it translates is allowed only for ``text`` and ``blurb``, which default to
"".
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final

from consortium.engine.scenario import (
    Defaults,
    Domain,
    Effect,
    EventSpec,
    Family,
    Rules,
    Scenario,
    Sector,
    TaskSpec,
    Translation,
    text_key,
)
from consortium.engine.setup import CAPACITY, HAND_SIZE, ROUNDS, TURNOVER
from consortium.engine.toml_guard import crowded_document_problem, hostile_toml_problem
from consortium.engine.toml_spec import (
    TRANSLATED,
    Array,
    Choice,
    Entry,
    Field,
    Flag,
    IdList,
    Number,
    Pattern,
    Problem,
    Table,
    Text,
    Variant,
    Whole,
    at_most_one,
    exactly_one,
    join_place,
    number_text,
    optional,
    required,
    shorten,
    shown,
    whole,
)
from consortium.engine.words import N_, Grouped, Nn_, Words, say, say_count

__all__ = [
    "FORMAT_VERSION",
    "MAX_PROBLEMS",
    "MAX_SCENARIO_BYTES",
    "Problem",
    "ScenarioError",
    "oversize_problem",
    "parse_scenario",
    "scenario_warnings",
]

FORMAT_VERSION: Final = 1
MAX_SCENARIO_BYTES: Final = 1024 * 1024
"""Larger files are refused before parsing: no real scenario comes near, junk often does."""
MAX_PROBLEMS: Final = 100
"""A junk file can yield thousands of problems; past this many, the rest are only counted."""
_MAX_NESTING: Final = 5
"""The deepest the format goes: events → an event → effect → task → visible."""

_BOM: Final = b"\xef\xbb\xbf"
_UTF16_BOMS: Final = (b"\xff\xfe", b"\xfe\xff")
_ID_PATTERN: Final = re.compile(r"[a-z0-9-]+")
_LANGUAGE_PATTERN: Final = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
_TOML_WHERE: Final = re.compile(
    r"(?P<what>.*) \(at (?:line (?P<line>\d+), column (?P<column>\d+)|end of document)\)",
    re.DOTALL,
)
_LONG_NUMBER: Final = re.compile(r"[0-9][0-9_]{999,}")
_TOO_DEEP: Final = say(N_("nests tables or lists deeper than the format allows ({levels} levels)"),
                      levels=_MAX_NESTING)


class ScenarioError(Exception):
    """A scenario that cannot be played, with every problem found: shape, then consistency."""

    def __init__(self, problems: tuple[Problem, ...] | list[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def parse_scenario(data: bytes) -> Scenario:
    """Read a scenario file's bytes, or raise :class:`ScenarioError` listing every problem."""
    document = _load_document(data)
    _refuse_newer_format(document)
    problems: list[Problem] = []
    shaped: dict[str, Any] = _SCENARIO.read(document, "", problems)
    problems.extend(_consistency_problems(shaped))
    if problems:
        raise ScenarioError(_capped(problems))
    return _build_scenario(shaped)


def scenario_warnings(scenario: Scenario) -> list[str]:
    """Balance problems that still leave a playable scenario (GAME.md, balance guidelines),
    in English; :func:`scenario_warning_words` has them for a person."""
    return [words.english() for words in scenario_warning_words(scenario)]


def scenario_warning_words(scenario: Scenario) -> list[Words]:
    """:func:`scenario_warnings` as words to translate."""
    floor = scenario.effort_floor()
    total = scenario.total_effort()
    if total >= floor:
        return []
    d = scenario.defaults
    return [say(
        N_("total effort {total} is below {floor} (1.5 × 6 seats × capacity {capacity} × "
           "{rounds} rounds × 2.0): the work will not outrun the partnership, so meetings "
           "will cost nothing"),
        total=total, floor=number_text(floor), capacity=d.capacity, rounds=d.rounds)]


def oversize_problem(size: int) -> Problem:
    """The problem for a file over :data:`MAX_SCENARIO_BYTES`, shared with the store's check."""
    return Problem.of("file", N_("is {size} bytes; a scenario may be at most {most} bytes"),
                      size=Grouped(size), most=Grouped(MAX_SCENARIO_BYTES))


# --- pass 0: bytes to a TOML document ------------------------------------------------------


def _file_error(message: Words) -> ScenarioError:
    return ScenarioError((Problem.at("file", message),))


def _load_document(data: bytes) -> dict[str, Any]:
    if len(data) > MAX_SCENARIO_BYTES:
        raise ScenarioError((oversize_problem(len(data)),))
    text = _decode(data)
    hostile = hostile_toml_problem(text)  # before the parser, which is slow on some shapes
    if hostile is not None:
        raise ScenarioError((hostile,))
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _file_error(_syntax_message(str(error), text)) from None
    except RecursionError:
        raise _file_error(_TOO_DEEP) from None
    except ValueError:  # tomllib's int() refuses more than 4,300 digits
        raise _file_error(_too_many_digits(text)) from None
    if _nesting_depth(document) > _MAX_NESTING:
        raise _file_error(_TOO_DEEP)
    crowded = crowded_document_problem(document)  # before checking each value against the format
    if crowded is not None:
        raise ScenarioError((crowded,))
    return document


def _decode(data: bytes) -> str:
    if data.startswith(_UTF16_BOMS):
        raise _file_error(say(N_("is saved as UTF-16; save it as UTF-8")))
    body = data.removeprefix(_BOM)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start + len(data) - len(body)
        raise _file_error(say(N_("is not valid UTF-8 at byte {offset}; save it as UTF-8"),
                              offset=offset)) from None
    nul = text.find("\x00")
    if nul >= 0:
        raise _file_error(say(N_("has a NUL character at {where}; not a text file"),
                              where=_line_column(text, nul)))
    return text


def line_column(line: object, column: object) -> Words:
    """"line 3, column 7", a place in a file's text."""
    return say(N_("line {line}, column {column}"), line=line, column=column)


def _line_column(text: str, index: int) -> Words:
    line_start = text.rfind("\n", 0, index) + 1
    return line_column(text.count(chr(10), 0, index) + 1, index - line_start + 1)


def _syntax_message(message: str, text: str) -> Words:
    # Python's parser explains in English only: its explanation is kept as a field.
    found = _TOML_WHERE.fullmatch(message)
    if found is None:
        return say(N_("is not valid TOML: {reason}"), reason=shorten(message))
    what = shorten(found["what"])
    where = (
        line_column(found["line"], found["column"])
        if found["line"]
        else say(N_("{where} (the end of the file)"), where=_line_column(text, len(text)))
    )
    return say(N_("is not valid TOML at {where}: {reason}"), where=where,
               reason=f"{what[:1].lower()}{what[1:]}")


def _too_many_digits(text: str) -> Words:
    found = _LONG_NUMBER.search(text)
    if found is None:
        return say(N_("has a number too large (too many digits)"))
    return say(N_("has a number too large at {where} (too many digits)"),
               where=_line_column(text, found.start()))


def _nesting_depth(document: dict[str, Any]) -> int:
    """Depth of the deepest table or list, walked without recursion."""
    deepest = 0
    stack: list[tuple[dict[str, Any] | list[Any], int]] = [(document, 0)]
    while stack and deepest <= _MAX_NESTING:
        container, depth = stack.pop()
        deepest = max(deepest, depth)
        children = container.values() if isinstance(container, dict) else container
        stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))
    return deepest


def _refuse_newer_format(document: dict[str, Any]) -> None:
    version = whole(document.get("format"))
    if version is not None and version > FORMAT_VERSION:
        raise ScenarioError(
            (
                Problem.of(
                    "format",
                    N_("made for a newer Consortium (format {format}); this version reads "
                       "format {mine}"),
                    format=shown(version), mine=FORMAT_VERSION,
                ),
            )
        )


# --- pass 1: shape, from a table-driven spec -----------------------------------------------

_ID: Final = Pattern(
    _ID_PATTERN, say(N_('an id of lowercase letters, digits and hyphens, like "x-ray"')))
_LANGUAGE: Final = Pattern(_LANGUAGE_PATTERN, say(N_('a language code such as "en" or "sv"')))
_NAME: Final = Text(non_empty=True)
_TEXT: Final = Text(non_empty=False)
_NO_ENTRIES: Final[tuple[Entry, ...]] = ()
_EMPTY: Final[Mapping[str, Any]] = MappingProxyType({})

_DEFAULTS: Final = Table(
    "[defaults]",
    optional(
        # a scenario's defaults are a game the setup page can start (consortium.engine.setup)
        rounds=Whole(ROUNDS.low, ROUNDS.high),
        turnover=Number(TURNOVER.low, TURNOVER.high),
        capacity=Whole(CAPACITY.low, CAPACITY.high),
        hand_size=Whole(HAND_SIZE.low, HAND_SIZE.high),
    ),
)
_RULES: Final = Table(
    "[rules]",
    optional(
        sector_bias=Number(0, 1),
        capacity_spread=Whole(0, 8),
        intro_cost=Number(0, 4),
        max_intros=Whole(0, 5),
        deliberation_cost=Number(0, 4),
        talk_minutes_per_hour=Whole(1, 30),
        max_failed_votes=Whole(1, 5),
        overhead_k=Number(0, 5),
        same_language_bonus=Number(0, 1),
        fit_base=Number(0, 3),
        fit_per_level=Number(0, 2),
        fit_nonexpert=Number(0, 2),
        quality_exponent=Number(0, 4),
        familiarity_max=Whole(1, 6),
        open_tasks=Whole(2, 12),
        task_order=Choice(("file", "shuffled")),
        motivation_start=Whole(1, 5),
        low_motivation=Whole(0, 4),
        perspective_check_cost=Number(0, 4),
        jointholism_flag=Number(0, 1),
        alignophilia_flag=Number(0, 1),
        hours_swing=Whole(0, 8),
        min_useful_hours=Number(0, 8),
        lead_hours=Number(0, 20),
        intro_minutes_per_speaker=Number(0, 60),
        deliberation_minutes_per_member=Number(0, 60),
        familiarity_floor=Number(0, 1),
        crowding_cost=Number(0, 4),
        onboarding_factor=Number(0, 1),
        handover_loss=Number(0, 1),
        knowledge_walks_out=Flag(),
    ),
    rules=(at_most_one("intro_cost", "intro_minutes_per_speaker"),),
)
_FAMILY: Final = Table("[[families]]", required(id=_ID, name=_NAME), texts=("name",))
_DOMAIN: Final = Table("[[domains]]", required(id=_ID, name=_NAME, family=_ID), texts=("name",))
_SECTOR: Final = Table(
    "[[sectors]]", required(id=_ID, name=_NAME, home_family=_ID), texts=("name",)
)


def _task_table(name: str | Words) -> Table:
    return Table(
        name,
        {
            **required(
                id=_ID,
                title=_NAME,
                effort=Whole(1, 1000),
                value=Number(0, 1000),
                visible=IdList(_ID, 1, "domain"),
            ),
            "text": Field(_TEXT, required=False, default=""),
            "latent": Field(IdList(_ID, 0, "domain"), required=False, default=()),
            "crew": Field(Whole(1, 8), required=False, default=None),
        },
        texts=("title", "text"),
    )


_TASK: Final = _task_table("[[tasks]]")
_EFFECT: Final = Variant(
    "kind",
    {
        "task_value": Table(
            say(N_("a task_value effect")),
            {
                **required(task=_ID, factor=Number(0, 10)),
                **optional(rounds=Whole(1, 8)),
            },
        ),
        "capacity": Table(say(N_("a capacity effect")), required(delta=Whole(-8, 8))),
        "replace": Table(say(N_("a replace effect")), optional(sector=_ID)),
        "add_task": Table(
            say(N_("an add_task effect")),
            required(task=_task_table(say(N_("an added task")))),
        ),
    },
)
_EVENT: Final = Table(
    "[[events]]",
    {
        **required(id=_ID, title=_NAME, effect=_EFFECT),
        "text": Field(_TEXT, required=False, default=""),
        **optional(round=Whole(1, 8), chance=Number(0, 1)),
    },
    rules=(exactly_one("round", "chance"),),
    texts=("title", "text"),
)
_SCENARIO: Final = Table(
    say(N_("the top level")),
    {
        **required(
            format=Whole(1, FORMAT_VERSION,
                         what=say(N_("the format version, {version}"), version=FORMAT_VERSION)),
            id=_ID,
            title=_NAME,
            target=Number(0, 1_000_000, above_low=True),
            families=Array(_FAMILY, "families", 2, 8),
            domains=Array(_DOMAIN, "domains"),
            sectors=Array(_SECTOR, "sectors", 2, 8),
            tasks=Array(_TASK, "tasks", 4),
        ),
        "blurb": Field(_TEXT, required=False, default=""),
        "language": Field(_LANGUAGE, required=False, default="en"),
        "defaults": Field(_DEFAULTS, required=False, default=_EMPTY),
        "rules": Field(_RULES, required=False, default=_EMPTY),
        "events": Field(Array(_EVENT, "events"), required=False, default=_NO_ENTRIES),
    },
    texts=("title", "blurb"),
)


# --- pass 2: consistency across tables -----------------------------------------------------


def _consistency_problems(doc: Mapping[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    families = doc.get("families", _NO_ENTRIES)
    domains = doc.get("domains", _NO_ENTRIES)
    sectors = doc.get("sectors", _NO_ENTRIES)
    events = doc.get("events", _NO_ENTRIES)
    tasks = doc.get("tasks", _NO_ENTRIES) + _added_tasks(events)
    family_ids = _unique_ids(families, problems)
    domain_ids = _unique_ids(domains, problems)
    sector_ids = _unique_ids(sectors, problems)
    task_ids = _unique_ids(tasks, problems)
    _unique_ids(events, problems)
    for entry in domains:
        _refer(entry, "family", family_ids, "family", problems)
    for entry in sectors:
        _refer(entry, "home_family", family_ids, "family", problems)
    for entry in tasks:
        _check_requirements(entry, domain_ids, problems)
    for entry in events:
        effect = Entry(join_place(entry.place, "effect"), entry.values.get("effect", _EMPTY))
        if effect.values.get("kind") == "task_value":
            _refer(effect, "task", task_ids, "task", problems)
        _refer(effect, "sector", sector_ids, "sector", problems)
    problems.extend(_domain_count_problems(doc))
    problems.extend(_reachability_problems(doc))
    problems.extend(_own_language_problems(doc, (*families, *domains, *sectors, *tasks, *events)))
    return problems


def _own_language_problems(doc: Mapping[str, Any], entries: tuple[Entry, ...]) -> list[Problem]:
    """A translation into the file's own language would be a second text for one place."""
    language = doc.get("language")
    if language is None:
        return []
    problems = []
    for entry in (Entry("", doc), *entries):
        for field, other in entry.values.get(TRANSLATED, {}):
            if other == language:
                problems.append(Problem.of(
                    join_place(entry.place, f"{field}_{other}"),
                    N_('is in the file\'s own language (language = "{language}"); write it as '
                       "{key}"), language=language, key=field))
    return problems


def _added_tasks(events: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """The inline tasks of ``add_task`` effects, which share the tasks' ids and checks."""
    added = []
    for event in events:
        effect = event.values.get("effect", _EMPTY)
        if effect.get("kind") == "add_task" and "task" in effect:
            added.append(Entry(f"{event.place}.effect.task", effect["task"]))
    return tuple(added)


def _unique_ids(entries: tuple[Entry, ...], problems: list[Problem]) -> dict[str, str]:
    """Each id's first place; a repeat is reported at the later entry."""
    first: dict[str, str] = {}
    for entry in entries:
        entry_id = entry.values.get("id")
        if entry_id is None:
            continue
        if entry_id in first:
            problems.append(Problem.of(f"{entry.place}.id", N_("duplicate of {place} {value}"),
                                       place=f"{first[entry_id]}.id", value=shown(entry_id)))
        else:
            first[entry_id] = entry.place
    return first


def _refer(
    entry: Entry, key: str, known: Mapping[str, str], noun: str, problems: list[Problem]
) -> None:
    """Report a reference to an unknown id, unless there is nothing valid to refer to."""
    target = entry.values.get(key)
    if target is not None and known:
        _refer_one(join_place(entry.place, key), target, known, noun, problems)


def _refer_one(
    place: str, target: str, known: Mapping[str, str], noun: str, problems: list[Problem]
) -> None:
    if target in known:
        return
    close = difflib.get_close_matches(target, known, n=1, cutoff=0.6)
    if close:
        problems.append(Problem.of(place, _UNKNOWN_CLOSE[noun], value=shown(target),
                                   id=close[0]))
    else:
        problems.append(Problem.of(place, _UNKNOWN[noun], value=shown(target)))


_UNKNOWN: Final = {
    "family": N_("unknown family {value}"),
    "domain": N_("unknown domain {value}"),
    "task": N_("unknown task {value}"),
    "sector": N_("unknown sector {value}"),
}
_UNKNOWN_CLOSE: Final = {
    "family": N_('unknown family {value} (did you mean "{id}"?)'),
    "domain": N_('unknown domain {value} (did you mean "{id}"?)'),
    "task": N_('unknown task {value} (did you mean "{id}"?)'),
    "sector": N_('unknown sector {value} (did you mean "{id}"?)'),
}
"""A reference to an id that is not there, per kind of thing (a whole sentence each, so a
translation can inflect the noun)."""


def _check_requirements(
    task: Entry, domain_ids: Mapping[str, str], problems: list[Problem]
) -> None:
    visible = task.values.get("visible", ())
    for key in ("visible", "latent"):
        for index, domain in enumerate(task.values.get(key, ())):
            place = f"{join_place(task.place, key)}[{index}]"
            if domain is not None and domain_ids:
                _refer_one(place, domain, domain_ids, "domain", problems)
            if key == "latent" and domain is not None and domain in visible:
                problems.append(Problem.of(
                    place, N_("{value} is also visible; a hidden need cannot be visible too"),
                    value=shown(domain)))


def _domain_count_problems(doc: Mapping[str, Any]) -> list[Problem]:
    if "domains" not in doc:
        return []
    hand_size = doc.get("defaults", _EMPTY).get("hand_size", Defaults().hand_size)
    count = len(doc["domains"])
    if count >= hand_size:
        return []
    return [
        Problem.of(
            "domains",
            N_("must have at least hand_size = {hand_size} domains, one per expertise card in "
               "a hand, got {count}"),
            hand_size=hand_size, count=count,
        )
    ]


def _reachability_problems(doc: Mapping[str, Any]) -> list[Problem]:
    """The file's own tasks must be able to reach the target.

    Tasks that ``add_task`` events bring do not count: a chance event may never fire and a
    round event may fall after a shortened game, yet the target must be reachable in every
    game.
    """
    tasks = doc.get("tasks", _NO_ENTRIES)
    if "target" not in doc or not tasks or any("value" not in t.values for t in tasks):
        return []
    total = sum(t.values["value"] for t in tasks)
    target = doc["target"]
    if total >= target:
        return []
    return [
        Problem.of(
            "target",
            N_("cannot be reached: the tasks' values add up to {total} at full quality, below "
               "the target {target}"),
            total=number_text(total), target=number_text(target),
        )
    ]


def _capped(problems: list[Problem]) -> list[Problem]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    more = len(problems) - MAX_PROBLEMS
    return [*problems[:MAX_PROBLEMS], more_problems(more)]


def more_problems(more: int) -> Problem:
    """The last line of a capped list: how many problems it leaves out."""
    return Problem.at("file", say_count(Nn_("and {count} more problem not shown",
                                            "and {count} more problems not shown"), more))


# --- pass 3: frozen values -----------------------------------------------------------------


def _build_scenario(doc: Mapping[str, Any]) -> Scenario:
    """Only called when pass 1 and 2 found nothing, so every required key is present."""
    return Scenario(
        format=doc["format"],
        id=doc["id"],
        title=doc["title"],
        blurb=doc["blurb"],
        language=doc["language"],
        target=doc["target"],
        defaults=Defaults(**doc["defaults"]),
        rules=Rules(**doc["rules"]),
        families=tuple(Family(**_untranslated(e.values)) for e in doc["families"]),
        domains=tuple(Domain(**_untranslated(e.values)) for e in doc["domains"]),
        sectors=tuple(Sector(**_untranslated(e.values)) for e in doc["sectors"]),
        tasks=tuple(TaskSpec(**_untranslated(e.values)) for e in doc["tasks"]),
        events=tuple(_build_event(e.values) for e in doc["events"]),
        translations=tuple(_translations(doc)),
    )


def _untranslated(values: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if key != TRANSLATED}


def _translations(doc: Mapping[str, Any]) -> list[Translation]:
    """Every ``<field>_<language>`` text, keyed by ids (:func:`text_key`), in file order."""
    out = [Translation(field, language, text)
           for (field, language), text in doc.get(TRANSLATED, {}).items()]
    for table in ("families", "domains", "sectors", "tasks", "events"):
        for entry in doc[table]:
            nested = [(table, entry.values)]
            effect = entry.values.get("effect", _EMPTY)
            if table == "events" and effect.get("kind") == "add_task":
                nested.append(("tasks", effect["task"]))
            for kind, values in nested:
                out += [Translation(text_key(kind, values["id"], field), language, text)
                        for (field, language), text in values.get(TRANSLATED, {}).items()]
    return out


def _build_event(values: Mapping[str, Any]) -> EventSpec:
    effect = dict(values["effect"])
    if effect["kind"] == "add_task":
        # In the file `task` is the inline table; in the model it is `new_task`.
        effect["new_task"] = TaskSpec(**_untranslated(effect.pop("task")))
    return EventSpec(
        id=values["id"],
        title=values["title"],
        text=values["text"],
        effect=Effect(**effect),
        round=values.get("round"),
        chance=values.get("chance"),
    )
