"""The story of the game, drawn: one lane per participant across the rounds
(``present/story.py``), with the rounds' meeting and crowding hours, hidden needs found and
perspectives missed in rows under the lanes.

``paint_story`` draws onto any QPainter (the board's widget, a report's PDF page). Never colour
alone: a lost perspective is a red corner *and* "⚠" in the text, a found need a teal corner
*and* "+", sitting out is hatched and says so, a newcomer's cell begins "new:".
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from consortium.present.i18n import _
from consortium.present.numbers import decimal
from consortium.present.story import Story, StoryCell
from consortium.ui.kit.accessible import chart
from consortium.ui.kit.theme import CHART, INK, PAPER

LOST = CHART.lost
FOUND = CHART.found
FILL = {"task": CHART.cell, "arrived": CHART.cell, "sat-out": CHART.sat_out, "left": PAPER,
        "absent": PAPER}


def _scaled(font: QFont, factor: float) -> QFont:
    """``font`` at ``factor`` of its size, whether it was set in points or in pixels (the
    board's stage sets pixels)."""
    out = QFont(font)
    if font.pixelSize() > 0:
        out.setPixelSize(max(8, round(font.pixelSize() * factor)))
    elif font.pointSizeF() > 0:
        out.setPointSizeF(max(6.0, font.pointSizeF() * factor))
    return out


def _cell_text(cell: StoryCell) -> str:
    marks = ("⚠ " if cell.lost else "") + ("+ " if cell.found else "")
    return marks + cell.text


def paint_story(painter: QPainter, rect: QRectF, story: Story, font: QFont) -> None:
    """The lanes and the rounds' rows in ``rect``, in ``font`` (the body type)."""
    rounds = len(story.rounds)
    if not rounds:
        return
    small = _scaled(font, 0.8)  # a cell's text: a task's title in a round's column
    bold = QFont(font)
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    line = metrics.height()
    titles = [lane.name for lane in story.lanes] + [
        _("Meetings · crowding"), _("Hidden needs found"), _("Perspectives missed")]
    name_width = min(rect.width() * 0.26,
                     max((metrics.horizontalAdvance(t) for t in titles), default=0) + line)
    legend_height = QFontMetrics(small).height() * 2.4
    summary_rows = 3
    rows = len(story.lanes) + summary_rows + 2  # + the header's two lines
    row_height = max(line * 1.1, (rect.height() - legend_height) / max(1, rows))
    header_height = row_height * 2
    column = (rect.width() - name_width) / rounds
    pen = QPen(QColor(CHART.grid))
    pen.setWidthF(max(1.0, line / 30))
    # header: round and mode
    painter.setFont(bold)
    for i, r in enumerate(story.rounds):
        head = QRectF(rect.left() + name_width + i * column, rect.top(), column, header_height)
        painter.setPen(QColor(INK))
        painter.drawText(head.adjusted(4, 0, -4, 0),
                         Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                         _("Round {number} · {mode}").format(number=r.round, mode=r.mode))
    top = rect.top() + header_height
    small_metrics = QFontMetrics(small)
    for lane_number, lane in enumerate(story.lanes):
        y = top + lane_number * row_height
        painter.setFont(bold)
        painter.setPen(QColor(INK))
        painter.drawText(QRectF(rect.left(), y, name_width - 6, row_height),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, lane.name)
        painter.setFont(small)
        for i, cell in enumerate(lane.cells):
            box = QRectF(rect.left() + name_width + i * column + 2, y + 2, column - 4,
                         row_height - 4)
            if cell.kind == "absent":
                continue
            painter.fillRect(box, QColor(FILL[cell.kind]))
            if cell.kind == "sat-out":
                painter.fillRect(box, QBrush(QColor(CHART.sat_out_hatch),
                                             Qt.BrushStyle.BDiagPattern))
            painter.setPen(pen)
            painter.drawRect(box)
            corner = min(box.height(), box.width()) * 0.35
            if cell.lost:
                painter.fillRect(QRectF(box.right() - corner, box.top(), corner, corner / 2),
                                 QColor(LOST))
            if cell.found:
                painter.fillRect(QRectF(box.left(), box.top(), corner, corner / 2),
                                 QColor(FOUND))
            painter.setPen(QColor(LOST) if cell.lost else QColor(INK))
            inner = box.adjusted(4, 0, -4, 0)
            # one line, "…" when the title is longer: the whole story is in the
            # accessible description (and the report's table)
            text = small_metrics.elidedText(_cell_text(cell), Qt.TextElideMode.ElideRight,
                                            int(inner.width()))
            painter.drawText(inner, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             text)
    # the rounds' rows
    y = top + len(story.lanes) * row_height
    painter.setPen(pen)
    painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
    rows_text = (
        (titles[-3], [
            _("{meeting} h · {crowding} h").format(meeting=decimal(r.meeting_hours, 0),
                                                    crowding=decimal(r.crowding_hours, 0))
            for r in story.rounds]),
        (titles[-2], [str(r.needs_found) for r in story.rounds]),
        (titles[-1], [str(r.perspectives_missed) for r in story.rounds]),
    )
    for n, (title, values) in enumerate(rows_text):
        row_y = y + n * row_height
        painter.setFont(bold)
        painter.setPen(QColor(INK))
        painter.drawText(QRectF(rect.left(), row_y, name_width - 6, row_height),
                         Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap, title)
        painter.setFont(font)
        for i, value in enumerate(values):
            painter.drawText(QRectF(rect.left() + name_width + i * column, row_y, column,
                                    row_height), Qt.AlignmentFlag.AlignCenter, value)
    # legend
    painter.setFont(small)
    painter.setPen(QColor(INK))
    legend = QRectF(rect.left(), rect.bottom() - legend_height, rect.width(), legend_height)
    painter.drawText(legend, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                     | Qt.TextFlag.TextWordWrap,
                     _("⚠ red corner: the task lost or shut out a perspective someone in the "
                       "room held · + teal corner: hidden needs found · hatched: sat out · "
                       "new: arrived that round"))


@chart
class StoryChart(QWidget):
    """The story as a widget: as large as the screen allows, described in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.story: Story | None = None
        self.setAccessibleName(_("The story of the game"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_story(self, story: Story) -> None:
        self.story = story
        self.setAccessibleDescription(story.describe())
        self.updateGeometry()
        self.update()

    def minimumSizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        lanes = len(self.story.lanes) if self.story is not None else 4
        return QSize(line * 20, int(line * 1.1 * (lanes + 5)))

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.story is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_story(painter, QRectF(self.rect()), self.story, self.font())
        painter.end()
