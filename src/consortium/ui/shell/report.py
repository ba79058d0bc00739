"""Session → Export report… and ``consortium report``: the report to take home.

Three things are written from one :class:`~consortium.present.report_data.ReportInput`:

- **the report** (PDF, A4): on the first page the session's facts, the result, where the time
  went (the debrief's time chart) and the two index gauges, drawn as vector graphics by the
  very functions that paint them on the board (``paint_time_chart``, ``paint_gauge``); the
  what-if ranges on a page of their own when given; then, as a flowing ``QTextDocument``
  (real, selectable text), the indices in words, the team × family grid, the excluded and
  lost perspectives with their holders, every hand, motivation and departures, the group's
  predictions against the outcomes (when given), the discussion prompts and the group's
  agreement (when given). Every page has a footer with the session and the page number.
- **the handout** (PDF, one page): the group's agreement in large type with the session's
  name and date, shrunk only as far as it must to fit; "No agreement was recorded" when
  there is none.
- **the CSV**, two files: ``OUT.csv`` with a row per round and ``OUT-participants.csv`` with a
  row per participant (:func:`csv_paths`). Two files, not one with a ``table`` column: each
  has one header row and columns that mean one thing, so a spreadsheet's sums and filters
  work on it as it is. UTF-8 with a byte order mark: Excel reads a CSV without one in the
  computer's legacy code page and garbles names such as "Zoë" and the level dots; LibreOffice,
  Numbers, pandas and Python's ``utf-8-sig`` all read the mark and drop it. Comma separated,
  decimal point, RFC 4180 line ends (what the ``csv`` module writes).

QPdfWriter, QPainter and QTextDocument are part of QtGui (no QtPrintSupport, no Qt Charts).
"""

from __future__ import annotations

import csv
import html
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import attrs
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from consortium.present.debrief_data import (
    alike_line,
    concentration_line,
    gauges,
    perspectives_lines,
    talk_yield_line,
)
from consortium.present.i18n import _
from consortium.present.labels import hours
from consortium.present.numbers import decimal, plain
from consortium.present.report_data import ReportInput, csv_tables, facts
from consortium.ui.board.debrief_view import ALIGNOPHILIA_LINE, JOINTHOLISM_LINE, result_line
from consortium.ui.board.index_gauge import gauge_text, paint_gauge
from consortium.ui.board.time_chart import Bar, paint_time_chart
from consortium.ui.kit.pdf import RESOLUTION, a4_writer

BODY_PT = 10.0
CHART_PT = 9.0
FOOTER_PT = 8.0
HANDOUT_PT = 28.0  # the agreement on the handout, shrunk only to fit its page
HANDOUT_MIN_PT = 12.0


class Paintable(Protocol):
    """What the what-if section will be: something that paints itself into a rectangle."""

    def paint(self, painter: QPainter, rect: QRectF) -> None: ...


def _font(points: float, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _e(text: str) -> str:
    """Text as HTML: markup in a name is shown as typed; line breaks kept."""
    return html.escape(text).replace("\n", "<br>")


def _document(writer: QPdfWriter, body: str, points: float, width: float) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultFont(_font(points))
    doc.setDocumentMargin(0)
    doc.setDefaultStyleSheet(
        "h1 { font-size: 20pt; margin-bottom: 4pt; }"
        "h2 { font-size: 13pt; margin-top: 12pt; margin-bottom: 4pt; }"
        "h3 { font-size: 11pt; margin-top: 8pt; margin-bottom: 2pt; }"
        "p { margin-top: 0; margin-bottom: 4pt; }"
        "th { background-color: #e8e8e8; text-align: left; }"
        "td.n { text-align: right; }"
    )
    doc.setHtml(body)
    doc.setTextWidth(width)
    return doc


def _draw_document(painter: QPainter, doc: QTextDocument, rect: QRectF, page: int = 0) -> None:
    """Page ``page`` of a paginated ``doc`` into ``rect`` (the whole doc when unpaginated)."""
    painter.save()
    height = doc.pageSize().height() if doc.pageSize().height() > 0 else doc.size().height()
    painter.translate(rect.left(), rect.top() - page * height)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = QRectF(0, page * height, rect.width(), height)
    painter.setClipRect(context.clip)
    doc.documentLayout().draw(painter, context)
    painter.restore()


@attrs.frozen
class Block:
    """One piece of the flowing part of the report, laid out on its own: a paragraph, a
    heading (kept with what follows), or one row of a table (a table broken over a page
    repeats its header row there)."""

    html: str
    keep_with_next: bool = False
    gap_before: float = 0.0  # in points
    header: str = ""  # a table row's header row, repeated at the top of a new page


def _cells(cells: Sequence[str], widths: Sequence[int], tag: str) -> str:
    inner = "".join(f'<{tag} width="{w}%">{_e(c)}</{tag}>'
                    for c, w in zip(cells, widths, strict=True))
    return ('<table border="1" cellspacing="0" cellpadding="3" width="100%" '
            f'style="border-collapse: collapse; border-color: #777777;"><tr>{inner}</tr></table>')


@attrs.frozen
class _Measure:
    """Text widths in the PDF's dots, for the table columns."""

    writer: QPdfWriter = attrs.field(eq=False)
    width: float  # of the page's text area

    def text(self, text: str, *, bold: bool = False) -> float:
        return QFontMetricsF(_font(BODY_PT, bold=bold), self.writer).horizontalAdvance(text)


def _widths(measure: _Measure, header: Sequence[str], rows: Sequence[Sequence[str]]
            ) -> list[int]:
    """Column widths in per cent: every header on one line (bold, with the cell's padding) and
    no word broken, then what is left shared by how much more each column's longest text
    wants (a hand or a task title gets the room, a round number none)."""
    pad = measure.text("MM")
    least = [max([measure.text(h, bold=True),
                  *(measure.text(word) for r in rows for word in r[i].split())]) + pad
             for i, h in enumerate(header)]
    wants = [max([least[i], *(min(measure.text(r[i]) + pad, measure.width * 0.5)
                              for r in rows)]) for i in range(len(header))]
    spare = measure.width - sum(least)
    extra = sum(w - m for w, m in zip(wants, least, strict=True))
    if spare <= 0 or extra <= 0:
        shares = least if spare <= 0 else wants
        widths = [w / sum(shares) * 100 for w in shares]
    else:
        grow = min(1.0, spare / extra)
        sized = [m + (w - m) * grow for w, m in zip(wants, least, strict=True)]
        left = measure.width - sum(sized)  # all want less than the page: share the rest
        widths = [(w + left * w / sum(sized)) / measure.width * 100 for w in sized]
    whole = [max(1, int(w)) for w in widths]
    whole[whole.index(max(whole))] += 100 - sum(whole)
    return whole


def _table(measure: _Measure, header: Sequence[str], rows: Sequence[Sequence[str]]
           ) -> list[Block]:
    widths = _widths(measure, header, rows)
    head = _cells(header, widths, "th")
    blocks = [Block(head, keep_with_next=True, gap_before=2.0)]
    blocks.extend(Block(_cells(row, widths, "td"), header=head) for row in rows)
    return blocks


def _p(text: str, *, gap: float = 3.0) -> Block:
    return Block(f"<p>{_e(text)}</p>", gap_before=gap)


def _h2(text: str) -> Block:
    return Block(f'<p style="font-size:14pt; font-weight:bold;">{_e(text)}</p>',
                 keep_with_next=True, gap_before=14.0)


def _h3(text: str) -> Block:
    return Block(f'<p style="font-size:11pt; font-weight:bold;">{_e(text)}</p>',
                 keep_with_next=True, gap_before=8.0)


def _facts_html(report: ReportInput) -> str:
    rows = "".join(
        f'<tr><td width="20%"><b>{_e(label)}</b></td><td>{_e(value)}</td></tr>'
        for label, value in facts(report)
    )
    return (f'<p style="font-size:20pt; font-weight:bold;">'
            f"{_e(_('Consortium: the session report'))}</p>"
            f'<table cellspacing="0" cellpadding="2" width="100%">{rows}</table>'
            f'<p style="font-size:11pt; font-weight:bold;">{_e(result_line(report.debrief))}</p>')


def _body(report: ReportInput, measure: _Measure) -> list[Block]:
    """Everything after the charts, in reading order."""
    d = report.debrief
    m = d.metrics
    parts: list[Block] = []
    add = parts.append
    add(_h2(_("The indices in words")))
    for gauge, line in zip(gauges(d), (JOINTHOLISM_LINE, ALIGNOPHILIA_LINE), strict=True):
        add(_h3(gauge_text(gauge.name, gauge.value, gauge.verdict)))
        add(_p(_(line) + " " + _("Threshold {value}.").format(value=decimal(gauge.threshold, 2)),
               gap=0))
        for part in gauge.parts:
            add(_p(part.text, gap=1))
    add(_h3(_("Talk, likeness and concentration")))
    add(_p(talk_yield_line(d), gap=0))
    add(_p(alike_line(m)))
    add(_p(concentration_line(m)))
    add(_p(_("Meeting hours: {meeting} · crowding hours: {crowding} · empty talk hours: "
             "{empty} · mismatch hours: {mismatch}").format(
        meeting=hours(m.meeting_hours), crowding=hours(m.crowding_hours),
        empty=hours(m.empty_talk_hours), mismatch=hours(m.mismatch_hours))))
    by_round = " · ".join(
        _("R{number}: {impact}").format(number=i + 1, impact=decimal(v, 1))
        for i, v in enumerate(d.impact_by_round))
    add(_p(_("Impact by round: {by_round}\nTotal {impact} of target {target} · value in "
             "progress {in_progress} · burned out {burned_out} · moved on {moved_on}").format(
        by_round=by_round, impact=decimal(m.impact, 1), target=plain(m.target),
        in_progress=decimal(m.value_in_progress, 1), burned_out=m.burned_out,
        moved_on=m.moved_on)))

    add(_h2(_("Who was alike: cards per family, team by team")))
    grid = d.team_grid
    if grid is None:
        add(_p(_("No round had a team of two or more, so there is no grid of teams."), gap=0))
    else:
        add(_p(grid.caption, gap=0))
        parts.extend(_table(measure, (_("Team (task) and members"), *grid.families),
                            [(f"{row.team}: {row.members}", *(str(c) for c in row.counts))
                             for row in grid.rows]))

    add(_h2(_("Excluded and lost perspectives")))
    for i, line in enumerate(perspectives_lines(m)):
        add(_p(line, gap=0 if i == 0 else 3))
    if d.perspectives:
        parts.extend(_table(
            measure,
            (_("Round"), _("Task"), _("Needed knowledge"), _("What happened"), _("Who held it")),
            [(str(p.round), p.task, p.requirement, p.kind, p.holders) for p in d.perspectives]))

    add(_h2(_("Every hand, revealed")))
    parts.extend(_table(measure, (_("Participant"), _("Sector"), _("Rounds"), _("Hand")),
                        [(h.name, h.sector, h.rounds, h.cards) for h in d.hands]))

    add(_h2(_("Motivation and departures")))
    parts.extend(_table(measure, (_("Participant"), _("Start"), _("End"), _("Left")),
                        [(x.name, str(x.start), str(x.end), x.note or "—")
                         for x in d.motivation]))
    add(_p(_("Departures: {departures}").format(
        departures="; ".join(d.departures) if d.departures else _("none")), gap=4))

    if report.predictions:
        add(_h2(_("The group’s predictions against the outcomes")))
        for question, lines in report.predictions:
            add(_h3(question))
            add(_p(lines, gap=0))

    add(_h2(_("Questions for the room")))
    for prompt in d.prompts:
        add(Block(f"<ul><li>{_e(prompt)}</li></ul>", gap_before=2.0))

    if report.agreement:
        add(_h2(_("The group’s agreement")))
        add(Block(f'<p style="font-size:12pt;">{_e(report.agreement)}</p>'))
    return parts


@attrs.frozen
class _Placed:
    page: int
    y: float
    doc: QTextDocument = attrs.field(eq=False)


def _flow(writer: QPdfWriter, blocks: Sequence[Block], area: QRectF) -> list[_Placed]:
    """Where each block goes: top to bottom, a new page when a block (with the block a
    heading keeps it with) would cross the page's bottom; a table's header row again at the
    top of a page it continues on."""
    point = RESOLUTION / 72.0
    docs = [_document(writer, b.html, BODY_PT, area.width()) for b in blocks]
    headers: dict[str, QTextDocument] = {}
    placed: list[_Placed] = []
    page, y = 0, area.top()
    for i, (block, doc) in enumerate(zip(blocks, docs, strict=True)):
        height = doc.size().height()
        need = height
        j = i
        while blocks[j].keep_with_next and j + 1 < len(blocks):
            j += 1
            need += docs[j].size().height() + blocks[j].gap_before * point
        gap = block.gap_before * point if y > area.top() else 0.0
        if y > area.top() and y + gap + min(need, area.height()) > area.bottom():
            page, y, gap = page + 1, area.top(), 0.0
            if block.header:
                head = headers.setdefault(
                    block.header, _document(writer, block.header, BODY_PT, area.width()))
                placed.append(_Placed(page, y, head))
                y += head.size().height()
        y += gap
        placed.append(_Placed(page, y, doc))
        y += height
    return placed


def _footer(painter: QPainter, area: QRectF, report: ReportInput, page: int,
            pages: int) -> None:
    painter.save()
    painter.setPen(QColor("#444444"))
    painter.setFont(_font(FOOTER_PT))
    height = painter.fontMetrics().height()
    rect = QRectF(area.left(), area.bottom() - height, area.width(), height)
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                     _("{session}, {date}").format(session=report.session_name,
                                                   date=report.date))
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                     _("Page {page} of {pages}").format(page=page, pages=pages))
    painter.restore()


def _heading(painter: QPainter, rect: QRectF, text: str) -> float:
    """A section heading on a drawn page; the height it took."""
    painter.save()
    painter.setFont(_font(13, bold=True))
    painter.setPen(QColor("#111111"))
    bound = painter.boundingRect(rect, int(Qt.TextFlag.TextWordWrap), text)
    painter.drawText(rect, int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop), text)
    painter.restore()
    return bound.height()


def _first_page(painter: QPainter, writer: QPdfWriter, area: QRectF,
                report: ReportInput) -> None:
    """The facts, the result, the time chart and the gauges."""
    d = report.debrief
    facts_doc = _document(writer, _facts_html(report), BODY_PT, area.width())
    _draw_document(painter, facts_doc, area)
    y = area.top() + facts_doc.size().height() + area.height() * 0.015
    y += _heading(painter, QRectF(area.left(), y, area.width(), area.height()),
                  _("Where the time went, by round")) + area.height() * 0.005
    bars = [Bar(_("Round {number}").format(number=r.round) + "\n" + mode, r.time)
            for r, mode in zip(d.metrics.rounds, d.modes, strict=False)]
    footer_room = area.height() * 0.03
    free = area.bottom() - footer_room - y
    chart_height = min(area.height() * 0.42, free * 0.6)
    paint_time_chart(painter, QRectF(area.left(), y, area.width(), chart_height), bars,
                     _font(CHART_PT))
    y += chart_height + area.height() * 0.02
    y += _heading(painter, QRectF(area.left(), y, area.width(), area.height()),
                  _("The two indices")) + area.height() * 0.01
    step = min((area.bottom() - footer_room - y) / 2, area.height() * 0.12)
    for g in gauges(d):
        paint_gauge(painter, QRectF(area.left(), y, area.width(), step),
                    gauge_text(g.name, g.value, g.verdict), g.value, g.threshold, g.flagged,
                    _font(CHART_PT + 1), parts=g.parts)
        y += step


def _what_if_page(painter: QPainter, area: QRectF, what_if: object) -> None:
    y = area.top()
    y += _heading(painter, QRectF(area.left(), y, area.width(), area.height()),
                  _("What if: the same deal played by bots, not people")) + area.height() * 0.01
    paint = getattr(what_if, "paint", None)
    if callable(paint):
        paint(painter, QRectF(area.left(), y, area.width(),
                              area.bottom() - area.height() * 0.04 - y))


def write_report_pdf(path: Path, report: ReportInput) -> int:
    """The report as an A4 PDF at ``path``; the number of pages written."""
    writer = a4_writer(path, _("Consortium: the session report") + " · " + report.session_name)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    try:
        pen = QPen(Qt.GlobalColor.black)
        pen.setWidthF(2.0)
        painter.setPen(pen)
        area = QRectF(0, 0, writer.width(), writer.height())
        footer_room = area.height() * 0.035
        body = QRectF(area.left(), area.top(), area.width(), area.height() - footer_room)
        placed = _flow(writer, _body(report, _Measure(writer, body.width())), body)
        first = 1 + (report.what_if is not None)  # the charts' page, the what-if page
        pages = first + (placed[-1].page + 1 if placed else 0)
        _first_page(painter, writer, area, report)
        _footer(painter, area, report, 1, pages)
        if report.what_if is not None:
            writer.newPage()
            _what_if_page(painter, area, report.what_if)
            _footer(painter, area, report, 2, pages)
        page = -1
        for item in placed:
            while page < item.page:
                writer.newPage()
                page += 1
                _footer(painter, area, report, first + page + 1, pages)
            _draw_document(painter, item.doc, QRectF(body.left(), item.y, body.width(),
                                                     item.doc.size().height()))
    finally:
        painter.end()
    return pages


def _handout_html(report: ReportInput, points: float) -> str:
    agreement = report.agreement or _("No agreement was recorded in this session.")
    style = "" if report.agreement else ' style="color:#555555; font-style:italic;"'
    return (
        f'<p style="font-size:{points * 0.55:.1f}pt;">{_e(report.session_name)}<br>'
        f"{_e(report.date)}</p>"
        f'<h1 style="font-size:{points * 1.15:.1f}pt;">{_e(_("Our agreement"))}</h1>'
        f'<p style="font-size:{points:.1f}pt;"{style}>{_e(agreement)}</p>'
    )


def write_handout_pdf(path: Path, report: ReportInput) -> float:
    """The one-page handout of the group's agreement at ``path``; the type size used (it
    shrinks from :data:`HANDOUT_PT` only until the text fits the page)."""
    writer = a4_writer(path, _("Our agreement") + " · " + report.session_name)
    area = QRectF(0, 0, writer.width(), writer.height())
    points = HANDOUT_PT
    while True:
        doc = _document(writer, _handout_html(report, points), points, area.width())
        if doc.size().height() <= area.height() * 0.95 or points <= HANDOUT_MIN_PT:
            break
        points -= 1.0
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    try:
        _draw_document(painter, doc, area)
    finally:
        painter.end()
    return points


def csv_paths(path: Path) -> tuple[Path, Path]:
    """Where the two CSV files go: ``OUT.csv`` (rounds) and ``OUT-participants.csv``."""
    suffix = path.suffix or ".csv"
    return path.with_suffix(suffix), path.with_name(f"{path.stem}-participants{suffix}")


def write_report_csv(path: Path, report: ReportInput) -> tuple[Path, Path]:
    """The rounds table at ``path`` and the participants table beside it (:func:`csv_paths`);
    UTF-8 with a byte order mark. The paths written."""
    written = csv_paths(path)
    for target, table in zip(written, csv_tables(report), strict=True):
        with target.open("w", encoding="utf-8-sig", newline="") as file:
            out = csv.writer(file)
            out.writerow(table.header)
            out.writerows(table.rows)
    return written
