"""Walk a crowded game (8 seats, 8 open tasks, hands of 4) through the real window and say
what a person would notice at each decision: text cut off, a scroll bar on the board, a
window or widget past the screen's edge. Exit status 1 if anything was found.

Run under a real X server at the size to check (offscreen hides size problems):

    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/layout_check.py
    xvfb-run -a -s "-screen 0 1280x720x24" python scripts/layout_check.py --presenter

The window fills the screen (maximized; full screen with ``--presenter``). ``--size WxH``
sizes the window instead (for offscreen runs). The same walk is tests/ui/test_stage.py.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.ui.stage_walk

from PySide6.QtCore import QElapsedTimer, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from consortium.store.paths import DataPaths
from consortium.ui.shell.app import build


class Bot:
    """What the walk asks of pytest-qt's ``qtbot``, without pytest."""

    def mouseClick(self, widget: QWidget, button: Qt.MouseButton) -> None:
        QTest.mouseClick(widget, button)

    def keyClick(self, widget: QWidget, key: Qt.Key) -> None:
        QTest.keyClick(widget, key)

    def keyPress(self, widget: QWidget, key: Qt.Key) -> None:
        QTest.keyPress(widget, key)

    def keyRelease(self, widget: QWidget, key: Qt.Key) -> None:
        QTest.keyRelease(widget, key)

    def waitUntil(self, ready: Callable[[], object], timeout: int = 5000) -> None:
        timer = QElapsedTimer()
        timer.start()
        while not ready():
            if timer.elapsed() > timeout:
                raise AssertionError("timed out")
            QApplication.processEvents()

    def wait(self, ms: int) -> None:
        QTest.qWait(ms)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", help="window size WxH (default: the whole screen)")
    parser.add_argument("--presenter", action="store_true", help="presenter mode (F5)")
    args = parser.parse_args()
    from tests.ui.stage_walk import walk  # noqa: PLC0415

    with tempfile.TemporaryDirectory(prefix="consortium-layout-") as root:
        paths = DataPaths(data=Path(root), config=Path(root), portable=False)
        _app, window = build(["--pacing", "0"], paths=paths)
        screen = QGuiApplication.primaryScreen().geometry()
        if args.size:
            width, height = (int(n) for n in args.size.lower().split("x"))
            screen = QRect(0, 0, width, height)
            window.show()
            window.move(0, 0)
            window.resize(width, height)
        else:
            window.setGeometry(screen)  # no window manager under Xvfb: maximized by hand
            window.show()
        window.activateWindow()  # the keys the walk presses go to the active window
        QTest.qWait(300)
        if args.presenter:
            window.menu.presenter.trigger()
            window.showNormal()  # full screen, by hand (no window manager)
            window.setGeometry(screen)
            QTest.qWait(300)
        measure = walk(Bot(), window, screen)  # type: ignore[arg-type]
        window.controller.end_game()
        window.close()
    mode = " presenter" if args.presenter else ""
    print(f"screen {screen.width()}×{screen.height()}{mode}: board {measure.board_height} px "
          f"high, smallest board text {measure.smallest_px} px "
          f"(1/{measure.board_height / max(1, measure.smallest_px):.0f} of the height)")
    print("smallest text by phase:", ", ".join(f"{k} {v}" for k, v in measure.units.items()))
    for line in sorted(set(measure.laptop)):
        print("PROBLEM: laptop column:", line)
    for line in measure.setup:
        print("PROBLEM: new-session page:", line)
    for line in measure.problems:
        print("PROBLEM:", line)
    return 1 if measure.problems or measure.laptop or measure.setup else 0


if __name__ == "__main__":
    sys.exit(main())
