"""Compare tables, drawn: one row per table for the whole room's debrief (issue 16).

``paint_comparison(painter, rect, comparison)`` draws a :class:`~consortium.present.
compare_data.Comparison` into any rectangle — the window's :class:`CompareView`, or a
landscape A4 page of the PDF (``compare_files.py``), with real text either way. Everything is
sized from the rectangle, so up to twelve tables (and their deals' headers, the legend and a
few problems) fit a 1280×720 or 1920×1080 screen with no scroll bar: the line height is the
rectangle's height over the lines needed, capped so the type stays in proportion on a wide
page. Text that does not fit its column ends in "…".

A row: the table's name; its modes round by round; impact against target; the jointholism
and alignophilia indices (▲ when the debrief flagged it); lost and excluded perspectives; the
what-if of its deal (bots, not people, playing the balanced hybrid: 10th–90th percentile as a
bar, the median as a heavy tick) on one impact axis shared by every row, with the table's own
impact as a dashed line and a diamond and the target as a thin dotted line; and the band in
figures. Tables of the same deal sit under a header "Same deal: CODE". Colour is never alone:
shapes and words carry the meaning, and a legend line says which is which.

Only finished games are rows (their debrief is revealed): the view shows nothing private.
"""

from __future__ import annotations

import attrs
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from consortium.present.compare_data import (
    Comparison,
    TableRow,
    band_text,
    impact_text,
    schedule_text,
)
from consortium.present.i18n import _, ngettext
from consortium.present.numbers import decimal
from consortium.present.what_if_words import policy_name
from consortium.ui.board.what_if_band import BAR_FILL, GROUP_LINE
from consortium.ui.kit.accessible import chart
from consortium.ui.kit.theme import ACCENT, INK, MUTED, PANEL, PAPER

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter
ROW = 1.3  # a table's row, in lines
HEAD = 1.25  # a deal's header, the column headers
TITLE = 1.7
MAX_PROBLEMS_SHOWN = 4
WIDTH_PER_LINE = 44.0  # the line height is at most the width over this (a wide page)
FLAG = "▲"
# the columns' shares of the width: name, modes, impact, jointholism, alignophilia, lost,
# excluded, the what-if bar, its figures
COLUMNS = (0.12, 0.155, 0.12, 0.09, 0.095, 0.05, 0.08, 0.18, 0.11)


@attrs.frozen
class Drawn:
    """What a paint put where (tests check it; nothing is drawn twice for it)."""

    line: float  # the line height used, in the painter's pixels
    font_px: float
    rows: tuple[tuple[str, QRectF], ...]  # each table's name and its row
    texts: tuple[str, ...]  # every text drawn, in order


def lines_needed(comparison: Comparison, *, problems: bool = True) -> float:
    rows = len(comparison.rows)
    shown = min(len(comparison.problems), MAX_PROBLEMS_SHOWN + 1) if problems else 0
    groups = len(comparison.groups)
    body = HEAD + groups * HEAD + rows * ROW if rows else 2.0
    return TITLE + body + HEAD + (HEAD + shown * 1.1 if shown else 0.0) + 0.3


def _font(px: float, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(1, round(px)))
    font.setBold(bold)
    return font


class _Painter:
    """One paint: the painter, the column edges and a record of what was drawn."""

    def __init__(self, painter: QPainter, rect: QRectF, line: float) -> None:
        self.p = painter
        self.rect = rect
        self.line = line
        self.px = line * 0.64
        self.texts: list[str] = []
        pad = line * 0.6
        self.pad = pad
        edges = [rect.left()]
        for share in COLUMNS:
            edges.append(edges[-1] + share * rect.width())
        self.cells = [QRectF(edges[i] + pad / 2, 0, edges[i + 1] - edges[i] - pad, 0)
                      for i in range(len(COLUMNS))]

    def text(self, rect: QRectF, text: str, *, align: Qt.AlignmentFlag = LEFT,
             bold: bool = False, colour: str = INK, scale: float = 1.0) -> None:
        font = _font(self.px * scale, bold=bold)
        self.p.setFont(font)
        self.p.setPen(QColor(colour))
        shown = QFontMetricsF(font, self.p.device()).elidedText(
            text, Qt.TextElideMode.ElideRight, max(1.0, rect.width()))
        self.p.drawText(rect, int(align), shown)
        self.texts.append(shown)

    def cell(self, column: int, y: float, height: float) -> QRectF:
        c = self.cells[column]
        return QRectF(c.left(), y, c.width(), height)


def paint_comparison(painter: QPainter, rect: QRectF, comparison: Comparison, *,
                     title: str | None = None, computing: str = "") -> Drawn:
    """Draw ``comparison`` into ``rect``; what was drawn where. ``computing``: the words for
    a what-if still being worked out (else "not computed")."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(rect, QColor(PAPER))
    line = min(rect.height() / lines_needed(comparison), rect.width() / WIDTH_PER_LINE)
    d = _Painter(painter, rect, line)
    y = rect.top()
    tables = len(comparison.rows)
    deals = len({row.code for row in comparison.rows})
    heading = title or _("Compare tables")
    summary = (ngettext("{count} table", "{count} tables", tables).format(count=tables)
               + " · " + ngettext("{count} deal", "{count} deals", deals).format(count=deals))
    d.text(QRectF(rect.left(), y, rect.width() * 0.6, line * TITLE), heading, bold=True,
           scale=1.45)
    d.text(QRectF(rect.left() + rect.width() * 0.6, y, rect.width() * 0.4, line * TITLE),
           summary, align=RIGHT, colour=MUTED, scale=1.1)
    y += line * TITLE
    rows: list[tuple[str, QRectF]] = []
    if not comparison.rows:
        d.text(QRectF(rect.left(), y, rect.width(), line * 2),
               _("No finished game to compare yet: add the tables' saves (a USB stick, a "
                 "shared folder)."), colour=MUTED)
        y += line * 2
    else:
        y = _column_headers(d, y)
        scale = comparison.scale
        for group in comparison.groups:
            band = QRectF(rect.left(), y + line * 0.1, rect.width(), line * (HEAD - 0.15))
            painter.fillRect(band, QColor(PANEL))
            count = ngettext("{count} table", "{count} tables", len(group.rows)).format(
                count=len(group.rows))
            d.text(QRectF(rect.left() + d.pad, y, rect.width() - 2 * d.pad, line * HEAD),
                   f"{group.title} · {count}", bold=True, colour=ACCENT)
            y += line * HEAD
            for row in group.rows:
                row_rect = QRectF(rect.left(), y, rect.width(), line * ROW)
                _row(d, row, y, scale, computing)
                rows.append((row.name, row_rect))
                y += line * ROW
    y = _legend(d, y)
    if comparison.problems:
        y = _problems(d, comparison, y)
    painter.restore()
    return Drawn(line, d.px, tuple(rows), tuple(d.texts))


def _column_headers(d: _Painter, y: float) -> float:
    h = d.line * HEAD
    heads = (_("Table"), _("Modes by round"), _("Impact of target"), _("Jointholism"),
             _("Alignophilia"), _("Lost"), _("Excluded"))
    for i, text in enumerate(heads):
        d.text(d.cell(i, y, h), text, bold=True, colour=MUTED, scale=0.85,
               align=LEFT if i < 3 else RIGHT)
    what_if = QRectF(d.cells[7].left(), y, d.cells[8].right() - d.cells[7].left(), h)
    d.text(what_if, _("What if: bots, not people"), bold=True, colour=MUTED, scale=0.85)
    pen = QPen(QColor(MUTED))
    pen.setWidthF(max(1.0, d.line * 0.04))
    d.p.setPen(pen)
    d.p.drawLine(QPointF(d.rect.left(), y + h), QPointF(d.rect.right(), y + h))
    return y + h


def _row(d: _Painter, row: TableRow, y: float, scale: float, computing: str) -> None:
    h = d.line * ROW
    d.text(d.cell(0, y, h), row.name, bold=True)
    d.text(d.cell(1, y, h), schedule_text(row.modes))
    d.text(d.cell(2, y, h), impact_text(row) + (" ✓" if row.won else ""))
    for column, value, flagged in ((3, row.jointholism, row.jointholism_flagged),
                                   (4, row.alignophilia, row.alignophilia_flagged)):
        text = "—" if value is None else decimal(value, 2)  # never "-0.00"
        d.text(d.cell(column, y, h), f"{text} {FLAG}" if flagged else text, align=RIGHT,
               bold=flagged)
    d.text(d.cell(5, y, h), str(row.lost), align=RIGHT)
    d.text(d.cell(6, y, h), str(row.excluded), align=RIGHT)
    bar = d.cell(7, y, h)
    _range_bar(d, bar, row, scale)
    band = row.band
    words = band_text(band.impact if band is not None else None)
    if band is None and computing:
        words = computing
    d.text(d.cell(8, y, h), words, scale=0.9, colour=INK if band is not None else MUTED)


def _range_bar(d: _Painter, cell: QRectF, row: TableRow, scale: float) -> None:
    """The band (10th–90th percentile), its median, the target and the table's impact."""
    p = d.p

    def x_of(value: float) -> float:
        return cell.left() + max(0.0, min(1.0, value / scale)) * cell.width()

    mid = cell.center().y()
    thick = d.line * 0.42
    axis = QPen(QColor(MUTED))
    axis.setWidthF(max(1.0, d.line * 0.03))
    p.setPen(axis)
    p.drawLine(QPointF(cell.left(), mid), QPointF(cell.right(), mid))
    target = QPen(QColor(MUTED))
    target.setWidthF(max(1.0, d.line * 0.05))
    target.setStyle(Qt.PenStyle.DotLine)
    p.setPen(target)
    tx = x_of(row.target)
    p.drawLine(QPointF(tx, mid - thick), QPointF(tx, mid + thick))
    band = row.band
    if band is not None:
        b = band.impact
        left, right = x_of(b.p10), x_of(b.p90)
        p.setPen(QPen(QColor(INK), max(1.0, d.line * 0.03)))
        p.setBrush(QColor(BAR_FILL))
        p.drawRect(QRectF(left, mid - thick / 2, max(d.line * 0.08, right - left), thick))
        tick = QPen(QColor(INK))
        tick.setWidthF(max(2.0, d.line * 0.1))
        p.setPen(tick)
        mx = x_of(b.median)
        p.drawLine(QPointF(mx, mid - thick * 0.75), QPointF(mx, mid + thick * 0.75))
    gx = x_of(row.impact)
    own = QPen(QColor(GROUP_LINE))
    own.setWidthF(max(1.5, d.line * 0.06))
    own.setStyle(Qt.PenStyle.DashLine)
    p.setPen(own)
    p.drawLine(QPointF(gx, mid - thick), QPointF(gx, mid + thick))
    _diamond(p, QPointF(gx, mid), d.line * 0.2)


def _diamond(p: QPainter, centre: QPointF, r: float) -> None:
    p.setPen(QPen(QColor(INK), max(1.0, r * 0.25)))
    p.setBrush(QColor(GROUP_LINE))
    p.drawPolygon(QPolygonF([QPointF(centre.x(), centre.y() - r),
                             QPointF(centre.x() + r, centre.y()),
                             QPointF(centre.x(), centre.y() + r),
                             QPointF(centre.x() - r, centre.y())]))


def _legend(d: _Painter, y: float) -> float:
    """One line: what the bar, the tick, the diamond, the dotted line and ▲ mean."""
    h = d.line * HEAD
    p = d.p
    x = d.rect.left()
    mid = y + h / 2
    s = d.line
    p.setPen(QPen(QColor(INK), max(1.0, s * 0.03)))
    p.setBrush(QColor(BAR_FILL))
    p.drawRect(QRectF(x, mid - s * 0.2, s * 1.2, s * 0.4))
    tick = QPen(QColor(INK))
    tick.setWidthF(max(2.0, s * 0.1))
    p.setPen(tick)
    p.drawLine(QPointF(x + s * 0.6, mid - s * 0.3), QPointF(x + s * 0.6, mid + s * 0.3))
    parts = [
        _("bots playing the {policy}: 10th–90th percentile, | median").format(
            policy=policy_name("balanced").lower()),
        _("◆ the table's impact"),
        _("┊ target"),
        _("{flag} flagged in the debrief").format(flag=FLAG),
    ]
    text = "   ·   ".join(parts)
    d.text(QRectF(x + s * 1.5, y, d.rect.width() - s * 1.5, h), text, colour=MUTED,
           scale=0.85)
    return y + h


def _problems(d: _Painter, comparison: Comparison, y: float) -> float:
    problems = comparison.problems
    h = d.line * HEAD
    d.text(QRectF(d.rect.left(), y, d.rect.width(), h),
           ngettext("Not compared: {count} file", "Not compared: {count} files",
                    len(problems)).format(count=len(problems)), bold=True)
    y += h
    shown = problems if len(problems) <= MAX_PROBLEMS_SHOWN + 1 else problems[
        :MAX_PROBLEMS_SHOWN]
    for problem in shown:
        d.text(QRectF(d.rect.left() + d.pad, y, d.rect.width() - d.pad, d.line * 1.1),
               _("{name}: {reason}").format(name=problem.path.name, reason=problem.reason),
               scale=0.85)
        y += d.line * 1.1
    if len(shown) < len(problems):
        more = len(problems) - len(shown)
        d.text(QRectF(d.rect.left() + d.pad, y, d.rect.width() - d.pad, d.line * 1.1),
               ngettext("and {count} more (Export CSV… lists the tables; the command line "
                        "lists every file)",
                        "and {count} more (Export CSV… lists the tables; the command line "
                        "lists every file)", more).format(count=more),
               scale=0.85, colour=MUTED)
        y += d.line * 1.1
    return y


@chart
class CompareView(QWidget):
    """The comparison of tables, painted to the widget's size (no scroll bar). Shows
    :attr:`comparison`; :meth:`set_comparison` and :meth:`set_computing` redraw it."""

    def __init__(self, comparison: Comparison, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison = comparison
        self.computing = ""
        self.drawn: Drawn | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(_("Compare tables"))
        self._describe()

    def sizeHint(self) -> QSize:
        return QSize(1200, 640)

    def minimumSizeHint(self) -> QSize:
        return QSize(640, 360)

    def set_comparison(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self._describe()
        self.update()

    def set_computing(self, words: str) -> None:
        if words != self.computing:
            self.computing = words
            self.update()

    def _describe(self) -> None:
        """The rows in words for a screen reader (the painting has no text of its own)."""
        lines = [f"{row.name}: {schedule_text(row.modes)}; {impact_text(row)}"
                 for row in self.comparison.rows]
        self.setAccessibleDescription("\n".join(lines) or _(
            "No tables yet: add saved sessions to compare their impact, row by row."))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            margin = min(self.width(), self.height()) * 0.02
            area = QRectF(self.rect()).adjusted(margin, margin, -margin, -margin)
            painter.fillRect(self.rect(), QColor(PAPER))
            self.drawn = paint_comparison(painter, area, self.comparison,
                                          computing=self.computing)
        finally:
            painter.end()
