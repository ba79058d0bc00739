"""The laptop's facilitator column fits a 1366×768 screen (issue 12: the Done button was off
screen, Confirm's text was clipped to "onfirm"): at that size every button of the facilitator
panel, the curtain and the private panel lies inside the window, as wide as its text needs."""

from __future__ import annotations

from collections.abc import Callable

import attrs
import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from consortium.engine.game import apply, new_game
from consortium.engine.simulate import bot_action, bot_config, seat_policy
from consortium.engine.state import GameState, Mode, Phase
from consortium.store.scenarios import find_scenario
from consortium.ui.laptop.private_panel import PrivatePanel
from consortium.ui.shell.main_window import MainWindow
from tests.ui.handoff import click_show


def state_at(mode: Mode, phase: Phase, *, seats: int = 8,
             when: Callable[[GameState], bool] = lambda s: True) -> GameState:
    scenario = find_scenario("cancer-care")
    config = attrs.evolve(bot_config(scenario, "balanced", 4, seats=seats, rounds=3,
                                     turnover=0.3), schedule=(mode,) * 3)
    state = new_game(scenario, config)
    while not (state.public.phase is phase and when(state)):
        state = apply(state, bot_action(state, seat_policy(state, state.public.actor)))
    return state


def settle() -> None:
    for _step in range(6):
        QApplication.processEvents()


def assert_fits(window: MainWindow, column: QWidget) -> int:
    """Every visible button in ``column`` inside the window and not narrower than its text."""
    screen = QRect(0, 0, window.width(), window.height())
    seen = 0
    for b in column.findChildren(QPushButton):
        if not b.isVisibleTo(window):
            continue
        seen += 1
        top_left = b.mapTo(window, b.rect().topLeft())
        box = QRect(top_left, b.size())
        assert screen.contains(box), (b.text(), box, screen)
        assert b.width() >= b.sizeHint().width(), (b.text(), b.width(), b.sizeHint())
        assert b.height() >= b.fontMetrics().height(), b.text()
    return seen


CASES = {
    "open vote, 8 people": (Mode.DEMOCRATIC, Phase.VOTE),
    "how many introductions": (Mode.DEMOCRATIC, Phase.INTRO_COUNT),
    "placement, 8 people": (Mode.DEMOCRATIC, Phase.PLACEMENT),
    "pit stop": (Mode.DEMOCRATIC, Phase.PIT_STOP),
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_facilitator_panel_fits_1366_by_768(
    qtbot: QtBot, window: MainWindow, case: str
) -> None:
    mode, phase = CASES[case]
    state = state_at(mode, phase)
    window.resize(1366, 768)
    window.controller.load(state, (True,) * state.public.seats)
    window.enter_game()
    settle()
    assert assert_fits(window, window.game.panel) >= 1


def test_the_private_panel_fits_1366_by_768(qtbot: QtBot, window: MainWindow) -> None:
    """A newcomer's self-selection turn (the longest private page: the notice, the hand, the
    choices), then the step asking which card to signal, with Confirm and Back."""
    state = state_at(Mode.SELF_SELECTION, Phase.TURNS,
                     when=lambda s: s.public.round >= 2
                     and s.public.actor in s.public.newcomers)
    window.resize(1366, 768)
    window.controller.load(state, (True,) * state.public.seats)
    window.enter_game()
    curtain = window.game.curtain
    assert assert_fits(window, curtain) >= 1  # the curtain's own buttons
    click_show(qtbot, curtain)
    settle()
    panel = curtain.panel
    assert isinstance(panel, PrivatePanel)
    assert hasattr(panel, "notice")
    assert assert_fits(window, panel) >= 2  # Hide, Confirm
    start = next(i for i, g in enumerate(panel.groups)
                 if type(g[0]).__name__ in ("Initiate", "Join"))
    panel.select(start)
    panel.confirm_selected()
    settle()
    assert panel.asking_for_card
    assert assert_fits(window, panel) >= 3  # Hide, Confirm, Back


def test_the_curtain_with_a_pass_fits_1366_by_768(qtbot: QtBot, window: MainWindow) -> None:
    from tests.ui.test_fewer_handoffs import hybrid_intro_with_a_pass

    state = hybrid_intro_with_a_pass()
    window.resize(1366, 768)
    window.controller.load(state, (True,) * state.public.seats)
    window.enter_game()
    settle()
    assert window.game.curtain.pass_button.isVisibleTo(window)
    assert assert_fits(window, window.game.curtain) == 2  # Show my hand, Pass


@pytest.mark.parametrize("text_size", [1.0, 2.0], ids=["text100", "text200"])
def test_the_private_hand_keeps_lines_in_view_at_any_text_size(
    qtbot: QtBot, window: MainWindow, text_size: float
) -> None:
    """The newcomer's long private page on a 1366×768 laptop: the area with the notice, the
    hours and the hand shows at least five lines of its own text (all of it when shorter),
    at 100 % and at 200 % text. Its least height was measured from the unstyled font, and at
    200 % the hand shrank to a line and a half, cut across the middle."""
    from consortium.ui.kit.theme import Theme

    state = state_at(Mode.SELF_SELECTION, Phase.TURNS,
                     when=lambda s: s.public.round >= 2
                     and s.public.actor in s.public.newcomers)
    window.set_theme(Theme(zoom=text_size))
    try:
        window.resize(1366, 768)
        window.controller.load(state, (True,) * state.public.seats)
        window.enter_game()
        click_show(qtbot, window.game.curtain)
        settle()
        panel = window.game.curtain.panel
        assert isinstance(panel, PrivatePanel)
        inner = panel.info_area.widget()
        shown = panel.info_area.viewport().height()
        lines = inner.fontMetrics().lineSpacing()
        assert shown >= min(inner.sizeHint().height(), 5 * lines) - 1, (shown, lines)
    finally:
        window.set_theme(Theme())
