"""Lifting the hand-off curtain as a person does: deliberately (ui/laptop/curtain.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from consortium.ui.laptop.curtain import Curtain


def wait_armed(qtbot: QtBot, curtain: Curtain) -> None:
    """Wait until the curtain takes input; the person's first touch activates the window
    (the window manager's part, after a dialog closed)."""
    qtbot.waitUntil(lambda: curtain.armed, timeout=3000)
    window = curtain.window()
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def hold_space(qtbot: QtBot, curtain: Curtain) -> None:
    """Wait until the curtain takes input, then press Space on it and hold it down."""
    wait_armed(qtbot, curtain)
    qtbot.keyPress(curtain, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: curtain.panel is not None, timeout=3000)
    qtbot.keyRelease(curtain, Qt.Key.Key_Space)


def click_show(qtbot: QtBot, curtain: Curtain) -> None:
    """Wait until the curtain takes input, then click "Show my hand"."""
    wait_armed(qtbot, curtain)
    qtbot.mouseClick(curtain.show_button, Qt.MouseButton.LeftButton)
    assert curtain.panel is not None


def quick(curtain: Curtain, ms: int = 30) -> None:
    """Shorter arming and hold for tests that play whole games (not about the hand-off)."""
    curtain.arm_ms = ms
    curtain.hold_ms = ms
