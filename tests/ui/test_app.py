"""What the application object carries for the desktop: the icon in the title bar and taskbar,
and the name that ties the window to packaging/consortium.desktop."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from consortium.store.paths import DataPaths


def test_the_window_has_the_consortium_icon(qtbot: QtBot, data_paths: DataPaths) -> None:
    from PySide6.QtGui import QGuiApplication

    from consortium.ui.shell.app import build

    app, win = build(["--pacing", "0", "--exit-when-ready"], paths=data_paths)
    qtbot.addWidget(win)
    icon = app.windowIcon()
    assert not icon.isNull()
    image = icon.pixmap(64, 64).toImage()
    assert image.width() == 64
    corner, middle = image.pixelColor(0, 0), image.pixelColor(32, 32)
    assert middle.alpha() > 0 and middle != corner  # drawn, not a blank square
    assert QGuiApplication.desktopFileName() == "consortium"


def test_cycles_are_collected_on_the_gui_thread_only(qtbot: QtBot) -> None:
    import gc
    import threading
    import weakref

    from PySide6.QtWidgets import QApplication, QLabel

    from consortium.ui.kit.gc_guard import collect_on_gui_thread

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    collector = collect_on_gui_thread(app)
    assert collect_on_gui_thread(app) is collector  # once per process
    assert not gc.isenabled()  # no thread crosses a threshold and collects on its own

    class Holder:
        def __init__(self) -> None:
            self.me = self  # a cycle, as a widget and its slots can make
            self.label = QLabel("in a cycle")

    gc.collect()  # start from a clean slate: the cycle below is in the youngest generation
    collected_on: list[str] = []
    holder = Holder()
    gone = weakref.ref(holder)
    weakref.finalize(holder, lambda: collected_on.append(threading.current_thread().name))
    del holder
    kept: list[list[int]] = []

    def allocate() -> None:  # far past the youngest generation's threshold, and kept alive
        kept.extend([i] for i in range(20 * collector.thresholds[0]))

    worker = threading.Thread(target=allocate, name="writer")
    worker.start()
    worker.join()
    assert gc.get_count()[0] > collector.thresholds[0]
    assert gone() is not None  # the busy thread collected nothing
    qtbot.waitUntil(lambda: gone() is None, timeout=5000)
    assert collected_on == [threading.main_thread().name]
