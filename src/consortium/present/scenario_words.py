"""A scenario's own words in the reader's language: SCENARIO_FORMAT.md's ``title_sv = …``.

A scenario file is written in one language (``language = "en"``) and may give any text again
per language with a suffix. The engine keeps those translations as data it never reads
(:attr:`~consortium.engine.scenario.Scenario.translations`, copied to the public
:class:`~consortium.engine.state.Catalog`) and goes on using the file's own texts in its
state and Events; this module picks the text for the current language
(:func:`consortium.present.i18n.language`), by ids, and falls back to the file's text when
there is no translation. A language with a region (``sv-FI``) takes a translation for
exactly it first, then for its language (``sv``).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, TypeVar

import attrs

from consortium.engine import events as ev
from consortium.engine.scenario import Scenario, Translation, text_key
from consortium.engine.state import Catalog
from consortium.present.i18n import language as current_language

if TYPE_CHECKING:
    from consortium.store.save_file import SaveHeader

Texts = Catalog | Scenario
"""Anything that holds a scenario's translations: the scenario or its public catalog."""


@functools.lru_cache(maxsize=16)
def _by_key(translations: tuple[Translation, ...]) -> Mapping[tuple[str, str], str]:
    return {(t.key, t.language): t.text for t in translations}


def _wanted(language: str) -> tuple[str, ...]:
    """``sv-FI`` → (``sv-FI``, ``sv``); the game's languages may be written ``sv_FI`` too."""
    language = language.replace("_", "-")
    base = language.split("-", 1)[0]
    return (language,) if base == language else (language, base)


def local_text(texts: Texts, key: str, fallback: str, language: str | None = None) -> str:
    """The text at ``key`` (a :func:`~consortium.engine.scenario.text_key`, or ``title`` /
    ``blurb``) in ``language`` (default: the current one), else ``fallback``, the file's
    own text."""
    if not texts.translations:
        return fallback
    wanted = _wanted(current_language() if language is None else language)
    if texts.language in wanted[-1:]:
        return fallback
    table = _by_key(texts.translations)
    for code in wanted:
        found = table.get((key, code))
        if found is not None:
            return found
    return fallback


def scenario_title(texts: Texts) -> str:
    return local_text(texts, "title", texts.title)


def scenario_blurb(scenario: Scenario) -> str:
    return local_text(scenario, "blurb", scenario.blurb)


def task_title(texts: Texts, task_id: str, fallback: str) -> str:
    """A task's title (``fallback``: the file's, as the engine's task or Event holds it)."""
    return local_text(texts, text_key("tasks", task_id, "title"), fallback)


def task_text(texts: Texts, task_id: str, fallback: str) -> str:
    return local_text(texts, text_key("tasks", task_id, "text"), fallback)


def event_title(texts: Texts, event_id: str, fallback: str) -> str:
    return local_text(texts, text_key("events", event_id, "title"), fallback)


def event_text(texts: Texts, event_id: str, fallback: str) -> str:
    return local_text(texts, text_key("events", event_id, "text"), fallback)


def domain_name(texts: Texts, domain_id: str) -> str:
    fallback = next((d.name for d in texts.domains if d.id == domain_id), domain_id)
    return local_text(texts, text_key("domains", domain_id, "name"), fallback)


def sector_name(texts: Texts, sector_id: str) -> str:
    fallback = next((s.name for s in texts.sectors if s.id == sector_id), sector_id)
    return local_text(texts, text_key("sectors", sector_id, "name"), fallback)


def family_name(texts: Texts, family_id: str) -> str:
    """A family's name; its id when the scenario has no such family."""
    fallback = next((f.name for f in texts.families if f.id == family_id), family_id)
    return local_text(texts, text_key("families", family_id, "name"), fallback)


E = TypeVar("E", bound=ev.Event)


def localized_event(event: E, catalog: Catalog | None) -> E:
    """``event`` with the scenario's words it carries (a task's title, domain and sector
    names, a scenario event's title and text) in the current language, looked up by the ids
    beside them; the event itself when there is nothing to translate."""
    if catalog is None or not catalog.translations:
        return event
    changes: dict[str, object] = {}
    if isinstance(event, ev.EventFired):
        changes["title"] = event_title(catalog, event.event, event.title)
        changes["text"] = event_text(catalog, event.event, event.text)
    elif isinstance(getattr(event, "task", None), str) and hasattr(event, "title"):
        changes["title"] = task_title(catalog, event.task, event.title)  # type: ignore[attr-defined]
    if isinstance(event, ev.NeedDiscovered | ev.KnowledgeWalkedOut):
        changes["domain_names"] = tuple(domain_name(catalog, d) for d in event.domains)
    if isinstance(event, ev.HolderNamed):
        changes["domain_name"] = domain_name(catalog, event.domain)
    if isinstance(event, ev.Arrived):
        changes["sector_name"] = sector_name(catalog, event.sector)
    return attrs.evolve(event, **changes) if changes else event


@functools.lru_cache(maxsize=1)
def _shipped() -> Mapping[str, Scenario]:
    """The shipped scenarios, read once (they cannot change while the program runs)."""
    from consortium.store.scenarios import shipped_scenarios  # noqa: PLC0415 - not at import

    return shipped_scenarios()


def saved_title(header: SaveHeader) -> str:
    """A save's scenario title in the reader's language, for the resume list and its
    messages. A save's header keeps the title as its file wrote it (the list reads headers
    only, with no replay); when a shipped scenario has the same id and title, its translation
    is shown. A trainer's own file, or another scenario under a shipped id, keeps its title."""
    scenario = _shipped().get(header.scenario_id)
    if scenario is None or scenario.title != header.scenario_title:
        return header.scenario_title
    return scenario_title(scenario)
