"""The start screen and odd files in the data folder (issue 10, defect 5): a FIFO named like
a save froze 0.1.0's start screen on every launch (``read_header`` opened it on the GUI
thread and waited for a writer). Now the resume list is read on a thread of its own and a
FIFO is named and skipped.
"""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import consortium.store.sessions
from consortium.present.i18n import _
from consortium.store.paths import DataPaths
from consortium.store.scenarios import shipped_scenarios
from consortium.store.sessions import OPEN_MARKER
from consortium.ui.controller import GameController
from consortium.ui.saving import Saving
from consortium.ui.shell.main_window import MainWindow
from tests.store.games import bot_game, save_bytes

WATCHDOG_SECONDS = 10.0


def interrupted_session(sessions: Path) -> Path:
    """A session whose window did not close cleanly, with one good save."""
    folder = sessions / "2025-03-01_09-00-00_cancer-care"
    folder.mkdir(parents=True)
    state, actions = bot_game(seed=3, steps=12)
    (folder / "save-000001.consortium").write_bytes(save_bytes(state, actions))
    (folder / OPEN_MARKER).write_text('{"pid": 1}')
    return folder


def open_window(qtbot: QtBot, paths: DataPaths) -> MainWindow:
    """A start of the program on ``paths``, as the user sees it."""
    controller = GameController(pacing_ms=0, saving=Saving(paths.sessions))
    window = MainWindow(controller, lambda: dict(shipped_scenarios()), paths=paths)
    controller.setParent(window)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    return window


class Watchdog:
    """Lets a FIFO go after a while, and again every 0.1 s until stopped (opening it from both
    sides: 0.1.0 opened it more than once), so a window blocked on it moves on and the test
    fails on ``fired`` instead of hanging."""

    def __init__(self, fifo: Path) -> None:
        self.fifo = fifo
        self.fired = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        if self._stop.wait(WATCHDOG_SECONDS):
            return
        self.fired = True
        while not self._stop.wait(0.1):
            for flags in (os.O_WRONLY | os.O_NONBLOCK, os.O_RDONLY | os.O_NONBLOCK):
                with contextlib.suppress(OSError):
                    os.close(os.open(self.fifo, flags))

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs as on POSIX")
def test_a_fifo_named_like_the_newest_save_does_not_freeze_the_start_screen(
    qtbot: QtBot, data_paths: DataPaths
) -> None:
    folder = interrupted_session(data_paths.sessions)
    fifo = folder / "save-000002.consortium"
    os.mkfifo(fifo)
    watchdog = Watchdog(fifo)
    try:
        window = open_window(qtbot, data_paths)
        qtbot.waitUntil(lambda: window.sessions.crash_offer is not None, timeout=20_000)
    finally:
        watchdog.stop()
    assert not watchdog.fired, "the start screen waited on the FIFO"
    offer = window.sessions.crash_offer
    assert offer is not None
    assert _("round {number} of {rounds}").format(number=1, rounds=3) in (
        offer.informativeText())
    assert window.start.resume_button.text() == _("Resume a session ({count})").format(count=1)


def test_the_resume_list_is_read_off_the_gui_thread(
    qtbot: QtBot, data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    interrupted_session(data_paths.sessions)
    readers: list[threading.Thread] = []
    real = consortium.store.sessions.list_sessions

    def recorded(sessions: Path, **options: bool) -> object:
        readers.append(threading.current_thread())
        return real(sessions, **options)

    monkeypatch.setattr(consortium.store.sessions, "list_sessions", recorded)
    window = open_window(qtbot, data_paths)
    qtbot.waitUntil(lambda: window.sessions.crash_offer is not None)
    assert readers and threading.main_thread() not in readers
