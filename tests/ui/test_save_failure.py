"""A full disk or a folder that refuses writes: the facilitator is told once, in the status
bar, the game goes on, the autosave keeps trying, and the message goes when saving works
again. Tests run as root, where chmod cannot make a folder read-only, so the store's file
system seam raises the errors."""

from __future__ import annotations

import errno
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from consortium.present.i18n import _
from consortium.store.autosave import SaveStatus
from consortium.store.fs import FileSystem
from consortium.store.paths import DataPaths
from consortium.store.scenarios import shipped_scenarios
from consortium.store.sessions import save_versions
from consortium.ui.controller import GameController
from consortium.ui.saving import Saving
from consortium.ui.shell.main_window import MainWindow
from tests.ui.driver import Driver

PLENARY = 1


class FailingDisk(FileSystem):
    """Every write fails with ``error`` while it is set."""

    def __init__(self) -> None:
        self.error: int | None = None
        self.lock = threading.Lock()

    def write_file(self, path: Path, data: bytes) -> None:
        with self.lock:
            error = self.error
        if error is not None:
            raise OSError(error, "injected")
        super().write_file(path, data)


def window_saving_with(
    qtbot: QtBot, saving: Saving, data_paths: DataPaths
) -> tuple[MainWindow, GameController]:
    """The window at 1920×1080 with its autosave on ``saving`` (a disk that fails)."""
    controller = GameController(pacing_ms=0, saving=saving)
    window = MainWindow(controller, lambda: dict(shipped_scenarios()), paths=data_paths)
    controller.setParent(window)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    return window, controller


@pytest.mark.parametrize(("code", "words"), [(errno.ENOSPC, "disk full"),
                                             (errno.EACCES, "permission denied")])
def test_a_failing_data_folder_is_said_once_and_play_goes_on(
    qtbot: QtBot, data_paths: DataPaths, code: int, words: str
) -> None:
    disk = FailingDisk()
    disk.error = code
    saving = Saving(data_paths.sessions, fs=disk)
    window, controller = window_saving_with(qtbot, saving, data_paths)
    seen: list[SaveStatus] = []
    saving.status_changed.connect(seen.append)
    driver = Driver(qtbot, window)
    driver.start(PLENARY)
    status_label = window.save_status
    qtbot.waitUntil(status_label.isVisible, timeout=3000)
    folder = saving.folder
    assert folder is not None
    assert status_label.text() == f"Cannot save to {folder}: {words}; still trying"
    failures = [s for s in seen if not s.ok]
    assert len(failures) == 1
    # the game goes on; the message is not repeated; the autosave keeps trying
    start = len(controller.actions)
    for _step in range(4):
        driver.step()
    assert len(controller.actions) > start
    status = saving.flush()
    assert status is not None and not status.ok and status.failures > 1
    assert [s for s in seen if not s.ok] == failures
    assert status_label.isVisible() and status_label.text() == failures[0].message
    assert not save_versions(folder)
    # the disk is back: the next action saves, and the message goes, once
    disk.error = None
    driver.step()
    qtbot.waitUntil(lambda: not status_label.isVisible(), timeout=3000)
    assert window.statusBar().currentMessage() == _("Saving works again ({folder}).").format(
        folder=folder)
    status = saving.flush()
    assert status is not None and status.ok and status.saved_step == len(controller.actions)
    assert save_versions(folder)
    controller.end_game()
    controller.shutdown()


def test_saving_keeps_trying_while_nobody_acts(qtbot: QtBot, data_paths: DataPaths) -> None:
    """A pit stop can last minutes: the disk freed meanwhile, the game is saved without
    waiting for the next move."""
    disk = FailingDisk()
    disk.error = errno.ENOSPC
    saving = Saving(data_paths.sessions, fs=disk, retry_ms=50)
    window, controller = window_saving_with(qtbot, saving, data_paths)
    driver = Driver(qtbot, window)
    driver.start(PLENARY)
    driver.settle()
    qtbot.waitUntil(window.save_status.isVisible, timeout=3000)
    moves = len(controller.actions)
    disk.error = None  # someone deleted their videos; nobody touches the game
    qtbot.waitUntil(lambda: not window.save_status.isVisible(), timeout=3000)
    assert len(controller.actions) == moves
    status = saving.flush()
    assert status is not None and status.ok and status.saved_step == moves
    folder = saving.folder
    assert folder is not None and save_versions(folder)
    controller.end_game()
    controller.shutdown()
