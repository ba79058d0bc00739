"""The baseline for bench/launch.py: a bare PySide6 window that quits after its first paint."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QMainWindow


class Bare(QMainWindow):
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        QTimer.singleShot(0, QApplication.quit)


def main() -> int:
    app = QApplication(sys.argv)
    window = Bare()
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
