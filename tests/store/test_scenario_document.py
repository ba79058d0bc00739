"""A scenario written back as TOML parses to the same scenario, whatever its texts hold."""

from __future__ import annotations

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from consortium.engine.scenario_toml import parse_scenario
from consortium.store.scenario_document import check_document, scenario_document, toml_text
from consortium.store.scenarios import shipped_scenarios
from tests.store.games import scenarios


def test_every_scenario_round_trips_through_toml() -> None:
    for scenario in scenarios():
        assert parse_scenario(toml_text(scenario_document(scenario)).encode()) == scenario
        assert check_document(scenario_document(scenario)) == scenario


@settings(max_examples=50)
@given(st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40))
def test_any_text_survives_the_round_trip(text: str) -> None:
    scenario = scenarios()[0]
    title = text if text.strip() else "x"
    changed = attrs.evolve(
        scenario,
        blurb=text,
        tasks=(attrs.evolve(scenario.tasks[0], text=text, title=title), *scenario.tasks[1:]),
    )
    assert check_document(scenario_document(changed)) == changed


def test_the_text_reads_as_a_scenario_file() -> None:
    text = toml_text(scenario_document(scenarios()[0]))
    assert text.startswith('format = 1\nid = "cancer-care"\n')
    assert "\n[rules]\n" in text and "\n[[tasks]]\n" in text
    assert 'effect = {kind = "task_value", task = "screening-vans", factor = 1.5}' in text


def test_translations_round_trip_beside_the_texts_they_translate() -> None:
    """A save's embedded scenario keeps its texts per language (``title_sv``), so a session
    resumed from it still speaks Swedish."""
    for scenario in shipped_scenarios().values():
        assert check_document(scenario_document(scenario)) == scenario
    transport = shipped_scenarios()["fossil-free-transport"]
    text = toml_text(scenario_document(transport))
    assert ('title = "Fossil-free regional transport"\n'
            'title_sv = "Fossilfria transporter i regionen"\n') in text
    assert 'name = "Grid capacity"\nname_sv = "Elnätets kapacitet"\n' in text
