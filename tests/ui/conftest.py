"""UI test fixtures: the real main window at 1920×1080, bots without pacing, and the data
folders in a temporary directory (autosave runs for real, on its writer thread)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from consortium.store.paths import DataPaths
from consortium.store.scenarios import shipped_scenarios
from consortium.store.settings import Settings
from consortium.ui.controller import GameController
from consortium.ui.kit.theme import Theme
from consortium.ui.saving import Saving
from consortium.ui.shell.main_window import MainWindow


@pytest.fixture(autouse=True, scope="session")
def _collect_on_gui_thread(qapp: QApplication) -> None:
    """As the program does (ui/shell/app.py): cycles are collected on the GUI thread only, never on
    the autosave writer's thread, where freeing a widget crashes the process."""
    from consortium.ui.kit.gc_guard import collect_on_gui_thread

    collect_on_gui_thread(qapp)


@pytest.fixture(autouse=True)
def _dealt_as_measured(monkeypatch: pytest.MonkeyPatch) -> None:
    """The new-session page deals a fresh seed (``setup_page.fresh_seed``); the tests play the
    deals they were written and measured on, seed 1, as the page dealt before. A test of the
    fresh deal patches it again."""
    from consortium.ui.shell import setup_page

    monkeypatch.setattr(setup_page, "fresh_seed", lambda: 1)


@pytest.fixture
def data_paths(tmp_path: Path) -> DataPaths:
    return DataPaths(data=tmp_path / "data", config=tmp_path / "config", portable=False)


@pytest.fixture
def window(qtbot: QtBot, qapp: QApplication, data_paths: DataPaths) -> Iterator[MainWindow]:
    yield from real_window(qtbot, qapp, data_paths)


def real_window(qtbot: QtBot, qapp: QApplication, data_paths: DataPaths, *,
                theme: Theme | None = None, settings: Settings | None = None
                ) -> Iterator[MainWindow]:
    """The program's window at 1920×1080 with its look (``theme``: Settings' text size)
    and an autosave into ``data_paths``; the game ended and the autosave closed afterwards
    (a fixture's body)."""
    controller = GameController(pacing_ms=0, saving=Saving(data_paths.sessions))
    theme = theme or Theme()
    theme.apply(qapp)  # the real look: large type, the style sheet
    win = MainWindow(controller, lambda: dict(shipped_scenarios()), theme=theme,
                     paths=data_paths, settings=settings)
    controller.setParent(win)
    qtbot.addWidget(win)
    win.resize(1920, 1080)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    yield win
    controller.end_game()
    controller.shutdown()


def plain_window(
    qtbot: QtBot, controller: GameController, *, dual_screen: bool = False
) -> MainWindow:
    """A main window on ``controller`` at 1920×1080 with no data folder (nothing is saved),
    for tests that need their own controller: a fake clock, or a projector's board window
    (``dual_screen``)."""
    win = MainWindow(controller, lambda: dict(shipped_scenarios()), theme=Theme(),
                     dual_screen=dual_screen)
    qtbot.addWidget(win)
    if dual_screen:
        qtbot.addWidget(win.board)
    win.resize(1920, 1080)
    win.show()
    return win
