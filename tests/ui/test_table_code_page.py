"""The table code on the new-session page (issue 16): the code a trainer reads out follows the
page as it changes, and typed on another laptop's page it sets up the same game — the same
deals — while that table keeps its own names; a mistyped code or another version of the
scenario is caught in words and changes nothing."""

from __future__ import annotations

import attrs
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from consortium.engine.game import new_game
from consortium.engine.state import GameConfig, Mode
from consortium.store.scenarios import shipped_scenarios
from consortium.store.table_code import read_table_code
from consortium.ui.shell.main_window import MainWindow
from consortium.ui.shell.setup_page import FRESH_SEEDS, FROM_CODE, SetupPage, fresh_seed
from consortium.ui.shell.table_code_dialog import TableCodeDialog


def page(qtbot: QtBot, scenarios: dict | None = None) -> SetupPage:
    made = SetupPage(shipped_scenarios() if scenarios is None else scenarios)
    qtbot.addWidget(made)
    return made


def shown(p: SetupPage) -> str:
    return p.code.text().replace("\n", " ")


def without_names(config: GameConfig) -> GameConfig:
    return attrs.evolve(config, seats=tuple(attrs.evolve(s, name="", bot=None)
                                            for s in config.seats))


def test_the_code_follows_the_page_and_reads_back_as_its_setup(qtbot: QtBot) -> None:
    p = page(qtbot)
    first = shown(p)
    assert first and set(first) <= set("0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U ")
    p.seed.setValue(4711)
    after_seed = shown(p)
    assert after_seed != first
    p.seats.setData(p.seats.index(0, 1), p.seats.sector_names[1])
    assert shown(p) != after_seed
    p.rounds.setValue(5)
    p.secret_ballot.setChecked(True)
    scenario, table = read_table_code(shown(p), shipped_scenarios())
    assert scenario == p.current_scenario
    assert without_names(table.config()) == without_names(p.config())


def test_another_table_typing_the_code_plays_the_same_deals_with_its_own_names(
        qtbot: QtBot) -> None:
    first = page(qtbot)
    first.seed.setValue(4711)
    first.rounds.setValue(5)
    first.schedule.setCurrentIndex(first.schedule.findData("self-selection"))
    first.turnover.setCurrentIndex(first.turnover.findData(0.3))
    first.secret_ballot.setChecked(True)
    first.seats.add_seat()
    first.seats.setData(first.seats.index(2, 1), first.seats.sector_names[3])
    written = shown(first).lower()  # as someone copies it off the whiteboard

    other = page(qtbot)
    other.seats.setData(other.seats.index(0, 0), "Karin")
    other.seats.remove_seat(4)
    assert other.apply_code(written) is None
    assert without_names(other.config()) == without_names(first.config())
    assert other.seats.seats()[0].name == "Karin"
    assert len(other.seats.seats()) == len(first.seats.seats())
    assert shown(other) == shown(first)
    a = new_game(first.current_scenario, first.config())
    b = new_game(other.current_scenario, other.config())
    assert a.hidden == b.hidden and a.seats == b.seats  # the same hands, hours and draws


def test_a_code_off_the_page_s_lists_is_kept_as_the_code_has_it(qtbot: QtBot) -> None:
    from consortium.store.table_code import table_code

    scenario = shipped_scenarios()["cancer-care"]
    p = page(qtbot)
    odd = attrs.evolve(p.config(), turnover=0.2, capacity=scenario.defaults.capacity + 2,
                       schedule=(Mode.DEMOCRATIC, Mode.HYBRID, Mode.SELF_SELECTION, "choose"))
    assert p.apply_code(table_code(scenario, odd)) is None
    assert p.schedule.currentData() == FROM_CODE
    assert "0.2" in p.turnover.currentText()
    assert without_names(p.config()) == without_names(odd)


def test_a_mistyped_code_is_named_in_the_dialog_and_changes_nothing(qtbot: QtBot) -> None:
    source = page(qtbot)
    source.seed.setValue(99)
    code = shown(source)
    typo = code[:5] + ("X" if code[5] != "X" else "Y") + code[6:]
    p = page(qtbot)
    before = p.config()
    dialog = TableCodeDialog(p.apply_code, p)
    qtbot.addWidget(dialog)
    dialog.field.setText(typo)
    dialog.accept()
    assert dialog.result() != TableCodeDialog.DialogCode.Accepted
    assert "mistyped" in dialog.problem.text()
    assert not dialog.problem.isHidden()
    assert p.config() == before
    dialog.field.setText(code)
    dialog.accept()
    assert dialog.result() == TableCodeDialog.DialogCode.Accepted
    assert p.config().seed == 99


def test_another_version_of_the_scenario_is_named_not_used(qtbot: QtBot) -> None:
    code = shown(page(qtbot))
    shipped = shipped_scenarios()["cancer-care"]
    edited = attrs.evolve(shipped, title="Cancer care (our edit)")
    p = page(qtbot, {"file:/tmp/ours.toml": edited})
    before = p.config()
    problem = p.apply_code(code)
    assert problem is not None
    assert "another version" in problem and "Cancer care (our edit)" in problem
    assert p.config() == before
    assert "does not have" in (page(qtbot, {"x": attrs.evolve(shipped, id="other")})
                               .apply_code(code) or "")


def test_each_new_session_deals_fresh_cards_and_deal_again_deals_others(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page's seed is one nobody chose, so two workshops do not deal the same hands;
    *Deal again* picks another (and the table code follows it); starting a session leaves
    a fresh seed for the next New session, while the practice round keeps the page's."""
    from consortium.ui.shell import setup_page

    seeds = iter([101, 202, 303, 404])
    monkeypatch.setattr(setup_page, "fresh_seed", lambda: next(seeds))
    window.show_setup()
    page = window.setup_page
    assert page is not None
    assert page.seed.value() == 101
    code = page.table_code()
    qtbot.mouseClick(page.deal_again, Qt.MouseButton.LeftButton)
    assert page.seed.value() == 202 and page.table_code() != code
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert window.controller.state.ctx.config.seed == 202
    assert page.seed.value() == 303  # the next New session deals other cards
    window.controller.end_game()


def test_a_fresh_seed_is_small_enough_for_a_short_code() -> None:
    """(``fresh_seed`` as imported here, before the tests' fixture patches the page's.)"""
    drawn = {fresh_seed() for _ in range(200)}
    assert all(1 <= seed <= FRESH_SEEDS for seed in drawn)
    assert len(drawn) > 150  # not one seed for everyone
