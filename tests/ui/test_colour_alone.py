"""Never colour alone: wherever a colour carries a meaning, something else carries it too.

Each test takes the colour away (one grey for every colour, or no look at colour at all) and
asserts what a reader still notices: the time chart's parts by their hatching, a flagged
gauge by its hatching, its heavier frame and the word FLAGGED, the story's lost and found
cells by ⚠ and +, the what-if's group by its dashed line and its label, and the board's
coloured frames by their words (▶ SELECTED, ▶ choosing now, FINISHED). The colours' own
distance under colour-blind sight is ``tests/ui/test_colour_blind.py``.
"""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from consortium.present import what_if_words as words
from consortium.present.debrief_data import GaugePart
from consortium.present.i18n import _
from consortium.present.labels import TIME_LABELS
from consortium.present.story import StoryCell
from consortium.ui.board import index_gauge, story_chart
from consortium.ui.board.time_chart import PARTS, STYLE, fill_part
from consortium.ui.board.what_if_band import GROUP_LINE, paint_what_if
from consortium.ui.kit.theme import CHART, INK, PAPER
from consortium.ui.shell.main_window import MainWindow
from tests.ui.driver import Driver
from tests.ui.test_what_if_band import result as what_if_result

GREY = "#8c8c8c"
PLENARY = 1  # the new-session page's schedule: the plenary every round


def image(width: int, height: int) -> QImage:
    out = QImage(width, height, QImage.Format.Format_RGB32)
    out.fill(QColor(PAPER))
    return out


def test_the_time_chart_s_parts_differ_in_one_grey() -> None:
    """Every part's swatch (the legend's, and each bar's segment: the same painter) painted in
    one grey still looks different from every other part's: the hatching tells them apart."""
    swatches = {}
    for name, _colour, pattern in PARTS:
        swatch = image(60, 30)
        painter = QPainter(swatch)
        fill_part(painter, QRectF(2, 2, 56, 26), GREY, pattern)
        painter.end()
        swatches[name] = swatch
    for a, b in itertools.combinations(swatches, 2):
        assert swatches[a] != swatches[b], f"{a} and {b} look alike without their colours"


def _gauge(monkeypatch: pytest.MonkeyPatch, *, flagged: bool, parts: tuple[GaugePart, ...] = ()
           ) -> QImage:
    """A gauge as drawn with every colour one grey and the flagged frame in the plain ink."""
    monkeypatch.setattr(index_gauge, "CHART", CHART._replace(flagged=GREY, not_flagged=GREY))
    monkeypatch.setattr(index_gauge, "FLAG_FRAME", INK)
    monkeypatch.setattr(index_gauge, "STYLE", {k: (GREY, p) for k, (_c, p) in STYLE.items()})
    out = image(500, 160)
    painter = QPainter(out)
    index_gauge.paint_gauge(painter, QRectF(4, 4, 490, 150), "Jointholism index: 0.42", 0.42,
                            0.3, flagged, QFont(QApplication.font()), parts=parts)
    painter.end()
    return out


def test_a_flagged_gauge_looks_flagged_in_one_grey(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same value, flagged or not, with no colour: the flagged bar is hatched, and a bar
    of parts gets its heavier frame; the verdict says FLAGGED in words as well."""
    assert _gauge(monkeypatch, flagged=True) != _gauge(monkeypatch, flagged=False)
    parts = (GaugePart(TIME_LABELS[0], 30.0, 0.3), GaugePart(TIME_LABELS[2], 12.0, 0.12))
    assert (_gauge(monkeypatch, flagged=True, parts=parts)
            != _gauge(monkeypatch, flagged=False, parts=parts))
    assert index_gauge.gauge_text("Jointholism index", 0.42, _("FLAGGED")).endswith(
        _("FLAGGED"))


def test_the_story_marks_lost_and_found_in_words() -> None:
    """A lost perspective's cell begins "⚠", a found need's "+" (the corners' colours are the
    second cue); a plain cell has neither."""
    lost = StoryCell(kind="task", text="Shelter", lost=True)
    found = StoryCell(kind="task", text="Shelter", found=True)
    plain = StoryCell(kind="task", text="Shelter")
    assert story_chart._cell_text(lost).startswith("⚠ ")
    assert story_chart._cell_text(found).startswith("+ ")
    assert story_chart._cell_text(plain) == "Shelter"


class _Recorder(QPainter):
    """A painter that remembers its pens and its words."""

    def __init__(self, device: QImage) -> None:
        super().__init__(device)
        self.pens: list[QPen] = []
        self.texts: list[str] = []

    def setPen(self, pen: object) -> None:  # type: ignore[override]
        self.pens.append(QPen(pen) if isinstance(pen, QPen) else QPen(QColor(pen)))
        super().setPen(pen)

    def drawText(self, *args: object) -> None:  # type: ignore[override]
        self.texts.extend(a for a in args if isinstance(a, str))
        super().drawText(*args)


def test_the_what_if_marks_your_group_by_a_dashed_labelled_line(qtbot: QtBot) -> None:
    """Your group's line is the only dashed line in the drawing, and its value is written
    above it; the legend says "dashed line: your group"."""
    result = what_if_result()
    assert result.group is not None
    out = image(1600, 600)
    painter = _Recorder(out)
    font = QFont(QApplication.font())
    font.setPixelSize(18)
    paint_what_if(painter, QRectF(0, 0, 1600, 600), result, "impact", font)
    painter.end()
    dashed = {p.color().name() for p in painter.pens if p.style() is Qt.PenStyle.DashLine}
    assert dashed == {QColor(GROUP_LINE).name()}
    assert words.group_short(result.group, "impact") in painter.texts
    assert _("Bar: 10th–90th percentile · heavy tick: median · dashed line: your group"
             ) in painter.texts


class _FramesSayIt(Driver):
    """Plays on, and after every click and decision checks each coloured frame on the board
    against the words beside it."""

    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        super().__init__(qtbot, window)
        self.frames: dict[str, int] = {"selected": 0, "acting": 0, "finished": 0}

    def click(self, widget: object) -> None:  # type: ignore[override]
        super().click(widget)  # type: ignore[arg-type]
        self.check()

    def step(self) -> None:
        super().step()
        self.check()

    def check(self) -> None:
        finished = _("FINISHED · quality {quality} · impact {impact}").split("{")[0]
        for chip in self.w.board.strip.chips:
            state = chip._state.full_text()
            if chip.property("selected"):
                self.frames["selected"] += 1
                assert _("▶ SELECTED: now click a task") in state
            if chip.property("acting"):
                self.frames["acting"] += 1
                assert _("▶ choosing now") in state
        for card in self.w.board.board.cards:
            if card.property("finished"):
                self.frames["finished"] += 1
                assert card._stamp.full_text().startswith(finished)


def test_every_coloured_frame_on_the_board_says_it_in_words(
        qtbot: QtBot, window: MainWindow) -> None:
    """A picked chip (blue frame), the chip choosing now (red frame) and a finished task
    (green frame) each say so in words, all through a game."""
    driver = _FramesSayIt(qtbot, window)
    driver.start(PLENARY)
    driver.play()
    assert all(driver.frames.values()), driver.frames  # each frame was seen at least once
