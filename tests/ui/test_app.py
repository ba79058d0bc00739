"""What the application object carries for the desktop: the icon in the title bar and taskbar,
and the name that ties the window to packaging/consortium.desktop."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from consortium.store.paths import DataPaths


def test_the_window_has_the_consortium_icon(qtbot: QtBot, data_paths: DataPaths) -> None:
    from PySide6.QtGui import QGuiApplication

    from consortium.ui.app import build

    app, win = build(["--pacing", "0", "--exit-when-ready"], paths=data_paths)
    qtbot.addWidget(win)
    icon = app.windowIcon()
    assert not icon.isNull()
    image = icon.pixmap(64, 64).toImage()
    assert image.width() == 64
    corner, middle = image.pixelColor(0, 0), image.pixelColor(32, 32)
    assert middle.alpha() > 0 and middle != corner  # drawn, not a blank square
    assert QGuiApplication.desktopFileName() == "consortium"
