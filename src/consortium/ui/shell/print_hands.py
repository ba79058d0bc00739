"""Session → Print hands…: the printed-hands PDF (docs/printed-hands.md), one A4 page per seat
and one per newcomer envelope, drawn with QPdfWriter and QPainter (QtGui; no QtPrintSupport,
no Qt Charts). The words come from :mod:`consortium.present.sheet_words`; what a sheet
carries from :mod:`consortium.engine.sheets`.

Type is large enough to read at arm's length: the name 26 pt, the cards and the hours 17 pt;
the notes start at 12 pt and shrink (to 9 pt at least) only if a page would overflow.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPen

from consortium.engine.sheets import printed_sheets
from consortium.engine.state import Catalog, GameState
from consortium.present import scenario_words as words
from consortium.present.sheet_words import Page, pages
from consortium.ui.kit.pdf import a4_writer

TITLE_PT = 26.0
SUBTITLE_PT = 16.0
HEADING_PT = 17.0
CARD_PT = 17.0
TABLE_PT = 15.0
NOTE_PT = 12.0
NOTE_MIN_PT = 9.0
_WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft) | int(
    Qt.AlignmentFlag.AlignTop)
_CELL = int(Qt.AlignmentFlag.AlignCenter)


def hands_pages(start: GameState) -> tuple[Page, ...]:
    """The pages of the game that ``start`` begins (``History.start``)."""
    return pages(printed_sheets(start), Catalog.of(start.ctx.scenario))


def _font(points: float, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


class _PageDrawer:
    """Lays out one page top to bottom; ``drawn`` records every text it drew (tests)."""

    def __init__(self, painter: QPainter, area: QRectF, *, measure_only: bool = False) -> None:
        self.painter = painter
        self.area = area
        self.y = area.top()
        self.measure_only = measure_only
        self.drawn: list[str] = []

    def text(self, text: str, font: QFont, gap: float = 0.0) -> None:
        self.painter.setFont(font)
        width = self.area.width()
        bound = self.painter.boundingRect(QRectF(self.area.left(), self.y, width, 1e6), _WRAP,
                                          text)
        if not self.measure_only:
            self.painter.drawText(QRectF(self.area.left(), self.y, width, bound.height()),
                                  _WRAP, text)
            self.drawn.append(text)
        self.y += bound.height() + gap

    def table(self, rows: tuple[tuple[str, ...], ...], font: QFont, gap: float) -> None:
        points = font.pointSizeF()
        while True:  # the widest cell must fit its column; shrink the type until it does
            font = _font(points, bold=True)
            self.painter.setFont(font)
            metrics = self.painter.fontMetrics()
            columns = max(len(r) for r in rows)
            first = max(metrics.horizontalAdvance(r[0]) for r in rows) + metrics.height()
            rest = (self.area.width() - first) / max(1, columns - 1)
            widest = max(metrics.horizontalAdvance(c) for r in rows for c in r[1:])
            if widest + metrics.height() * 0.5 <= rest or points <= NOTE_MIN_PT:
                break
            points -= 0.5
        row_h = metrics.height() * 1.6
        for i, row in enumerate(rows):
            x = self.area.left()
            for j, cell in enumerate(row):
                w = first if j == 0 else rest
                rect = QRectF(x, self.y, w, row_h)
                if not self.measure_only:
                    self.painter.setFont(_font(points, bold=i == 0 or j == 0))
                    self.painter.drawRect(rect)
                    self.painter.drawText(rect, _CELL, cell)
                    self.drawn.append(cell)
                x += w
            self.y += row_h
        self.y += gap


def _draw(painter: QPainter, area: QRectF, page: Page, note_pt: float,
          measure_only: bool) -> _PageDrawer:
    d = _PageDrawer(painter, area, measure_only=measure_only)
    gap = area.height() * 0.02
    d.text(page.title, _font(TITLE_PT, bold=True), gap * 0.3)
    d.text(page.subtitle, _font(SUBTITLE_PT), gap)
    d.text(page.cards_heading, _font(HEADING_PT, bold=True), gap * 0.3)
    for card in page.cards:
        d.text("▪ " + card, _font(CARD_PT), gap * 0.2)
    d.y += gap
    d.text(page.hours_heading, _font(HEADING_PT, bold=True), gap * 0.3)
    d.table(page.table, _font(TABLE_PT), gap)
    d.text(page.notes_heading, _font(HEADING_PT * 0.85, bold=True), gap * 0.3)
    for note in page.notes:
        d.text(note, _font(note_pt), gap * 0.25)
    return d


def draw_page(painter: QPainter, area: QRectF, page: Page) -> list[str]:
    """Draw ``page`` into ``area``; the notes shrink until the page fits. The texts drawn."""
    note_pt = NOTE_PT
    footer_room = area.height() * 0.04
    while note_pt > NOTE_MIN_PT:
        probe = _draw(painter, area, page, note_pt, measure_only=True)
        if probe.y <= area.bottom() - footer_room:
            break
        note_pt -= 0.5
    drawer = _draw(painter, area, page, note_pt, measure_only=False)
    painter.setFont(_font(NOTE_MIN_PT))
    footer = QRectF(area.left(), area.bottom() - footer_room, area.width(), footer_room)
    painter.drawText(footer, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                     page.footer)
    return [*drawer.drawn, page.footer]


def write_pdf(path: Path, book: tuple[Page, ...], title: str = "") -> list[list[str]]:
    """Write ``book`` to ``path`` as an A4 PDF, one page each; per page, the texts drawn."""
    writer = a4_writer(path, title)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    drawn: list[list[str]] = []
    try:
        pen = QPen(Qt.GlobalColor.black)
        pen.setWidthF(2.0)
        painter.setPen(pen)
        area = QRectF(0, 0, writer.width(), writer.height())
        for i, page in enumerate(book):
            if i:
                writer.newPage()
            drawn.append(draw_page(painter, area, page))
    finally:
        painter.end()
    return drawn


def write_hands(path: Path, start: GameState) -> list[list[str]]:
    """The printed hands of the game that ``start`` begins, written to ``path``."""
    return write_pdf(path, hands_pages(start), words.scenario_title(start.ctx.scenario))
