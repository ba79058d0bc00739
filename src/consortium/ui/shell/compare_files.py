"""Compare tables to take home: the comparison as a PDF (landscape A4, the projector view's
drawing with real text) and as a CSV (one header row, one row per table).

The PDF is drawn by the view's own ``paint_comparison`` (so it says what the screen said),
:data:`ROWS_PER_PAGE` tables a page, deals kept together where they fit; the files that could
not be compared are listed on the last page. The CSV is UTF-8 with a byte order mark, comma
separated, for the reason the report's CSV is (docs/report.md): Excel reads a CSV without
the mark in the legacy code page and garbles names such as "Zoë".
"""

from __future__ import annotations

import csv
from pathlib import Path

import attrs
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter

from consortium.present.compare_data import Comparison, DealGroup, csv_table
from consortium.present.i18n import _
from consortium.ui.kit.pdf import a4_writer
from consortium.ui.shell.compare_view import paint_comparison

ROWS_PER_PAGE = 14
FOOTER_PT = 8.0


def pages_of(comparison: Comparison) -> list[Comparison]:
    """The comparison cut into pages of at most :data:`ROWS_PER_PAGE` tables; a deal moves to
    the next page whole when it fits there, else it is split. Problems on the last page."""
    pages: list[list[DealGroup]] = [[]]
    count = 0
    for group in comparison.groups:
        rows = list(group.rows)
        if count and count + len(rows) > ROWS_PER_PAGE and len(rows) <= ROWS_PER_PAGE:
            pages.append([])
            count = 0
        while rows:
            room = ROWS_PER_PAGE - count
            if room <= 0:
                pages.append([])
                count, room = 0, ROWS_PER_PAGE
            part, rows = rows[:room], rows[room:]
            pages[-1].append(attrs.evolve(group, rows=tuple(part)))
            count += len(part)
    last = len(pages) - 1
    return [attrs.evolve(comparison, groups=tuple(groups),
                         problems=comparison.problems if i == last else ())
            for i, groups in enumerate(pages)]


def write_compare_pdf(path: Path, comparison: Comparison) -> int:
    """The comparison as a landscape A4 PDF at ``path``; the number of pages."""
    title = _("Consortium: compare tables")
    writer = a4_writer(path, title, landscape=True)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    pages = pages_of(comparison)
    try:
        area = QRectF(0, 0, writer.width(), writer.height())
        footer = area.height() * 0.04
        body = QRectF(area.left(), area.top(), area.width(), area.height() - footer)
        for number, page in enumerate(pages, start=1):
            if number > 1:
                writer.newPage()
            paint_comparison(painter, body, page, title=title)
            painter.save()
            font = QFont()
            font.setPointSizeF(FOOTER_PT)
            painter.setFont(font)
            painter.setPen(QColor("#444444"))
            painter.drawText(QRectF(area.left(), area.bottom() - footer, area.width(), footer),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                             _("Page {page} of {pages}").format(page=number,
                                                                pages=len(pages)))
            painter.restore()
    finally:
        painter.end()
    return len(pages)


def write_compare_csv(path: Path, comparison: Comparison) -> Path:
    """One header row and one row per table at ``path`` (UTF-8 with a byte order mark)."""
    table = csv_table(comparison)
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        out = csv.writer(file)
        out.writerow(table.header)
        out.writerows(table.rows)
    return path
