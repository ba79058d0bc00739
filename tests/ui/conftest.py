"""UI test fixtures: the real main window at 1920×1080, bots without pacing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from consortium.store.scenarios import shipped_scenarios
from consortium.ui.controller import GameController
from consortium.ui.main_window import MainWindow
from consortium.ui.theme import Theme


@pytest.fixture
def window(qtbot: QtBot, qapp: QApplication) -> Iterator[MainWindow]:
    controller = GameController(pacing_ms=0)
    theme = Theme()
    theme.apply(qapp)  # the real look: large type, the style sheet
    win = MainWindow(controller, lambda: dict(shipped_scenarios()), theme=theme)
    controller.setParent(win)
    qtbot.addWidget(win)
    win.resize(1920, 1080)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    yield win
    controller.end_game()
