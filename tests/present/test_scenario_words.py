"""A scenario's texts per language (``title_sv = …``): the words layer shows them in the
current language and falls back to the file's own; the engine never sees them."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import pytest

from consortium.engine import events as ev
from consortium.engine.game import new_game
from consortium.engine.scenario import Scenario, Translation
from consortium.engine.state import Card, GameState, LogEntry
from consortium.present import scenario_words as words
from consortium.present.announcements import announcement_lines
from consortium.present.event_words import log_text
from consortium.present.i18n import _, language, use_language
from consortium.present.labels import card_text, family_of_card, seat_title, task_title
from consortium.store.scenarios import shipped_scenarios
from tests.engine.builders import config


@pytest.fixture
def speak() -> Iterator[None]:
    before = language()
    yield
    use_language(before)


def transport() -> Scenario:
    return shipped_scenarios()["fossil-free-transport"]


def game(scenario: Scenario) -> GameState:
    seats = tuple(attrs.evolve(seat, sector=scenario.sectors[i].id)
                  for i, seat in enumerate(config(seats=4).seats))
    return new_game(scenario, attrs.evolve(config(seats=4), seats=seats))


def test_swedish_texts_are_shown_in_swedish_and_english_ones_otherwise(speak: None) -> None:
    state = game(transport())
    view = state.public
    first = view.participants[0]
    card = Card("charging", 2)
    use_language("sv")
    assert words.scenario_title(transport()) == "Fossilfria transporter i regionen"
    assert task_title(view, "electric-buses") == "Elbussar i regiontrafiken"
    assert words.task_text(view.catalog, "electric-buses", "") == (
        "Byt ut dieselbussarna på regionlinjerna mot batteribussar.")
    assert card_text(view.catalog, card).startswith("Laddinfrastruktur, ")
    assert family_of_card(view.catalog, card) == "Teknisk"
    assert seat_title(view, 0) == f"{first.name} (Regional kollektivtrafikmyndighet)"
    for other in ("en", "de", "qps"):
        use_language(other)
        assert task_title(view, "electric-buses") == "Electric regional buses"
        assert words.scenario_title(transport()) == "Fossil-free regional transport"
        assert words.domain_name(view.catalog, "charging") == "Charging infrastructure"


def test_a_missing_translation_falls_back_to_the_files_own_text(speak: None) -> None:
    scenario = transport()
    kept = tuple(t for t in scenario.translations if t.key != "tasks.electric-buses.title")
    view = game(attrs.evolve(scenario, translations=kept)).public
    use_language("sv")
    assert task_title(view, "electric-buses") == "Electric regional buses"
    assert task_title(view, "depot-charging") == "Depåladdning för bussar"


def test_a_regional_language_takes_its_own_text_then_its_languages(speak: None) -> None:
    scenario = transport()
    finland = Translation("tasks.depot-charging.title", "sv-FI", "Depåladdning (FI)")
    view = game(attrs.evolve(scenario, translations=(*scenario.translations, finland))).public
    use_language("sv_FI")
    assert task_title(view, "depot-charging") == "Depåladdning (FI)"
    assert task_title(view, "electric-buses") == "Elbussar i regiontrafiken"


def test_the_log_and_the_announcements_say_the_scenarios_words_in_swedish(speak: None) -> None:
    catalog = game(transport()).public.catalog
    fired = ev.EventFired("winter-storm", "Winter storm", "A storm brings down power lines.")
    found = ev.NeedDiscovered("grid-upgrade", "Grid reinforcement for charging hubs",
                              ("financing",), ("Infrastructure financing",), "team")
    arrived = ev.Arrived(2, "Ana", "commuters", "Commuters' & cyclists' association")
    use_language("sv")
    assert log_text(LogEntry(1, fired), catalog) == (
        "Vinterstorm: En storm fäller elledningar och träd över spåren: alla har två timmar "
        "mindre den här omgången.")
    # the catalogue's sentence (Swedish, from the .po), the scenario's words (Swedish, from the
    # file)
    assert log_text(LogEntry(1, found), catalog) == _(
        "{title}: the team found a need ({names}).").format(
        title="Nätförstärkning för laddnoder", names="Finansiering av infrastruktur")
    assert "behov" in log_text(LogEntry(1, found), catalog)
    assert announcement_lines([arrived], catalog) == [_(
        "Seat {seat}: {name} ({sector}) joins.").format(
        seat=3, name="Ana", sector="Pendlar- och cykelförening")]
    # without the catalog (or in English) the Event's own words, as the engine wrote them
    assert log_text(LogEntry(1, fired)) == "Winter storm: A storm brings down power lines."
    use_language("en")
    assert log_text(LogEntry(1, found), catalog).startswith("Grid reinforcement for charging")


def test_the_engine_plays_the_same_game_whatever_the_translations() -> None:
    scenario = transport()
    bare = attrs.evolve(scenario, translations=())
    assert game(scenario).public.tasks == game(bare).public.tasks
    assert game(scenario).hidden == game(bare).hidden


def test_a_saves_title_and_undos_reason_speak_the_rooms_language(speak: None) -> None:
    """The resume list reads a save's header (the file's title, no replay) and Undo's reason
    names the task whose hidden need was found: both in Swedish in a Swedish room, the file's
    own words in English, and a trainer's own file under a shipped id keeps its title."""
    from datetime import UTC, datetime

    from consortium.engine.state import Phase
    from consortium.present.event_words import undo_block_text
    from consortium.store.save_file import SaveHeader

    scenario = transport()
    task = scenario.tasks[0]
    moment = datetime(2026, 12, 3, 14, 5, tzinfo=UTC)
    header = SaveHeader("consortium-save", 5, 3, "0.1.0", "ABCD", scenario.id, scenario.title,
                        1, 3, Phase.TURNS, ("Ann",), 4, False, moment, moment)
    own = attrs.evolve(header, scenario_title="Our own region")
    catalog = game(scenario).public.catalog
    use_language("en")
    assert words.saved_title(header) == scenario.title
    english = undo_block_text("need-found", title=task.title, task=task.id, texts=catalog)
    assert task.title in english
    use_language("sv")
    swedish_title = words.scenario_title(scenario)
    assert swedish_title != scenario.title
    assert words.saved_title(header) == swedish_title
    assert words.saved_title(own) == "Our own region"
    reason = undo_block_text("need-found", title=task.title, task=task.id, texts=catalog)
    assert words.task_title(catalog, task.id, task.title) in reason
    assert task.title not in reason
