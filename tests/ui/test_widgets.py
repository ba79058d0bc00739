"""The small helpers every board widget uses to show text only where it changed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from consortium.ui.kit.widgets import label, set_progress, set_shown, show_text


def test_an_empty_label_added_to_a_shown_window_stays_hidden(qtbot: QtBot) -> None:
    """A task card created mid-game (an event adds a task) is laid into a window already on
    screen; its empty lines must not appear as blank space once Qt shows the card."""
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    window.show()
    qtbot.waitExposed(window)
    empty, filled = QLabel(), QLabel()
    layout.addWidget(empty)
    layout.addWidget(filled)
    assert show_text(empty, "")  # not skipped although the new label reads as hidden
    assert show_text(filled, "Needs: Genomics")
    qtbot.wait(10)  # the layout's queued show of its new children
    assert not empty.isVisible() and filled.isVisible()
    assert not show_text(empty, "") and not show_text(filled, "Needs: Genomics")  # no-ops
    assert set_shown(empty, True) and empty.isVisible()


def test_a_label_shows_tags_in_a_scenario_text_as_typed(qtbot: QtBot) -> None:
    """A trainer's scenario (or a typed name) with markup in it reads as typed, on the board
    and the laptop: never bold, never a link, never an image."""
    shown = label("<b>Flu season</b> <img src='x'>")
    qtbot.addWidget(shown)
    assert shown.textFormat() == Qt.TextFormat.PlainText
    assert shown.text() == "<b>Flu season</b> <img src='x'>"


class PaintCount(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def test_a_progress_bar_moves_with_the_next_paint_not_at_once(qtbot: QtBot) -> None:
    """Qt repaints a progress bar inside ``setValue`` (and ``setMaximum`` below its value),
    which paints the whole board window there and then; the board's bars wait for the next
    paint like every other widget, and show the new value in it."""
    window = QWidget()
    qtbot.addWidget(window)
    bar = QProgressBar()
    bar.setTextVisible(True)
    QVBoxLayout(window).addWidget(bar)
    window.show()
    qtbot.waitExposed(window)
    assert set_progress(bar, 10, 340)
    qtbot.wait(20)
    count = PaintCount()
    bar.installEventFilter(count)
    assert set_progress(bar, 170, 340) and set_progress(bar, 20, 30)  # a step, a smaller max
    assert count.paints == 0 and (bar.value(), bar.maximum()) == (20, 30)
    assert bar.updatesEnabled()
    qtbot.waitUntil(lambda: count.paints > 0, timeout=2000)  # painted with the window
    assert not set_progress(bar, 20, 30)  # no change, nothing done
    bar.setValue(25)  # what Qt does on its own, for comparison: painted at once
    assert count.paints > 1
