"""The first copy in the second-launch test (``test_one_copy.py``).

Started by the test through a launcher script in a temporary folder, so that ``--portable``
puts the data folder there. It launches the program as ``consortium`` does
(:func:`consortium.ui.shell.app.launch`); once the start screen has painted, another window takes
the focus and the game's window is minimized, as when the trainer switched to the slides. It
prints ``ready``, then one JSON line each time the status bar shows a message: whether the
game's window is minimized and active, and the message. That is what a person sees.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from consortium.ui.shell.app import launch


def main() -> None:
    launched = launch(["--portable", "--pacing", "0", *sys.argv[1:]])
    if launched is None:
        print("brought another copy forward", flush=True)
        return
    app, window, copy = launched
    slides = QWidget()
    slides.setWindowTitle("Slides")

    def report(message: str) -> None:
        print(json.dumps({"minimized": window.isMinimized(), "active": window.isActiveWindow(),
                          "status": message}), flush=True)

    def ready() -> None:
        slides.show()
        slides.activateWindow()
        window.showMinimized()
        guarded = copy is not None and copy.guarded
        print("ready" if guarded else "not guarded", flush=True)

    window.statusBar().messageChanged.connect(
        lambda message: QTimer.singleShot(0, lambda: report(message)) if message else None
    )
    window.start.first_painted.connect(lambda: QTimer.singleShot(0, ready))
    app.exec()
    if copy is not None:
        copy.close()


if __name__ == "__main__":
    main()
