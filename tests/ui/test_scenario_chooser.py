"""The new-session page's scenario chooser offers every shipped scenario, starts a valid game
from each, and shows a scenario's own words in the current language (``title_sv``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from consortium.engine.game import new_game
from consortium.present.i18n import language, use_language
from consortium.store.scenarios import shipped_scenarios
from consortium.ui.shell.setup_page import SetupPage


@pytest.fixture
def speak() -> Iterator[None]:
    before = language()
    yield
    use_language(before)


def test_every_shipped_scenario_can_be_chosen_and_started(qtbot: QtBot) -> None:
    shipped = shipped_scenarios()
    page = SetupPage(shipped)
    qtbot.addWidget(page)
    assert [page.scenario.itemData(i) for i in range(page.scenario.count())] == list(shipped)
    for index, (scenario_id, scenario) in enumerate(shipped.items()):
        page.scenario.setCurrentIndex(index)
        assert page.blurb.text() == scenario.blurb
        setup = page.setup()
        assert setup.scenario.id == scenario_id
        assert setup.config.capacity == scenario.defaults.capacity
        sectors = {s.id for s in scenario.sectors}
        assert {seat.sector for seat in setup.config.seats} <= sectors
        assert new_game(setup.scenario, setup.config).public.round == 1


def test_the_chooser_speaks_swedish_where_the_scenario_does(qtbot: QtBot, speak: None) -> None:
    use_language("sv")
    page = SetupPage(shipped_scenarios())
    qtbot.addWidget(page)
    titles = [page.scenario.itemText(i) for i in range(page.scenario.count())]
    assert titles == ["Partnerskap för cancervården", "Klimatanpassad stad",
                      "Fossilfria transporter i regionen"]
    page.scenario.setCurrentIndex(2)
    assert page.blurb.text().startswith("Regionen, kommunerna, transportföretagen")
    sector = page.seats.data(page.seats.index(0, 1))
    assert sector == "Regional kollektivtrafikmyndighet"
