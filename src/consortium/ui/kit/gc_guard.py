"""Python's cycle collector, run on the GUI thread only.

CPython collects reference cycles in whichever thread happens to cross an allocation
threshold. The autosave writer is such a thread: it allocates a lot while it encodes a save.
When a collection there frees a cycle that holds a Qt widget (a private panel thrown away a
moment ago, say), the widget is destroyed off the GUI thread while Qt may be using it, and
the program crashes (seen once in CI: a segmentation fault with "Garbage-collecting" on the
autosave thread while the GUI thread built a private panel). calibre, pyqtgraph and
novelWriter do the same as this module: automatic collection is switched off and a timer on
the GUI thread collects, generation by generation, when the usual thresholds are passed.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500
_collector: GuiThreadCollector | None = None


class GuiThreadCollector(QObject):
    """Collects on the GUI thread what automatic collection would have collected."""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    def collect(self) -> None:
        """Generation 0 when it is over its threshold; older ones when they are too (the same
        rule CPython applies, moved to this thread)."""
        counts = gc.get_count()
        if counts[0] > self.thresholds[0]:
            gc.collect(0)
            if counts[1] > self.thresholds[1]:
                gc.collect(1)
                if counts[2] > self.thresholds[2]:
                    gc.collect(2)


def collect_on_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """Install the collector once per process (the window, the self-test and the tests)."""
    global _collector  # noqa: PLW0603 - one collector for the one application
    if _collector is None:
        _collector = GuiThreadCollector(app)
    return _collector
