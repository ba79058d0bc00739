"""Where the time went: one stacked bar per round, drawn with QPainter.

``paint_time_chart`` draws onto any ``QPainter`` (a widget now, a PDF page from
``QPdfWriter`` later). Every part has a colour *and* a hatch pattern, the legend names each
part, and every segment tall enough carries its hours, so the chart never relies on colour
alone. Crowding (rules v3) is part of the coordination overhead in the data; the chart draws
the rest of the overhead and the crowding hours as two bands, so the room sees the hours
paid for people a task could not use. ``TimeChart`` is the widget; it shows what it is
given (pit-stop budgets during play, the ledger's after the Reveal) and listens to no signal
itself.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from consortium.engine.state import TimeBudget
from consortium.present.i18n import _
from consortium.present.labels import TIME_LABELS, hours, time_label
from consortium.ui.kit.accessible import chart
from consortium.ui.kit.theme import CHART, INK, PAPER

PARTS: tuple[tuple[str, str, Qt.BrushStyle], ...] = (
    (TIME_LABELS[0], CHART.meetings, Qt.BrushStyle.BDiagPattern),
    (TIME_LABELS[1], CHART.overhead, Qt.BrushStyle.CrossPattern),
    # crowding: the other half of the jointholism index, hatched the other way from the
    # meetings, in a purple no colour-blind reader confuses with the colours beside it
    (TIME_LABELS[2], CHART.crowding, Qt.BrushStyle.FDiagPattern),
    (TIME_LABELS[3], CHART.expert_work, Qt.BrushStyle.SolidPattern),
    # mismatch work: sparse vertical lines (a half-black dot screen made its mint look like
    # expert work's teal from the back of the room)
    (TIME_LABELS[4], CHART.mismatch_work, Qt.BrushStyle.VerPattern),
    (TIME_LABELS[5], CHART.sitting_out, Qt.BrushStyle.HorPattern),
)
STYLE: dict[str, tuple[str, Qt.BrushStyle]] = {name: (c, p) for name, c, p in PARTS}
"""Each part's colour (as painted, under its hatching) and hatching by its English label (the
jointholism gauge draws its meeting and crowding parts as the chart does); the label is
translated where drawn."""


@attrs.frozen
class Bar:
    label: str
    time: TimeBudget
    highlight: bool = False


def parts_of(time: TimeBudget) -> tuple[float, ...]:
    """The hours of each part in :data:`PARTS` order: the overhead without the crowding, then
    the crowding (inside the overhead in the data), so the parts still add up to the total."""
    return (
        time.meetings,
        max(0.0, time.overhead - time.crowding),
        time.crowding,
        time.expert_work,
        time.mismatch_work,
        time.sitting_out,
    )


def describe(bars: Sequence[Bar]) -> str:
    """The chart in words (accessible description and tests)."""
    lines = []
    for bar in bars:
        values = ", ".join(
            _("{part} {hours}").format(part=time_label(name), hours=hours(v))
            for (name, _colour, _pattern), v in zip(PARTS, parts_of(bar.time), strict=True)
        )
        lines.append(_("{bar}: {parts}; total {hours}").format(
            bar=bar.label, parts=values, hours=hours(bar.time.total)))
    return "\n".join(lines)


def fill_part(painter: QPainter, rect: QRectF, colour: str, pattern: Qt.BrushStyle) -> None:
    """A segment or legend swatch: the colour under a black hatching (or solid). The colour is
    painted as given, so the colour-blind check measures what the room sees."""
    painter.fillRect(rect, QColor(colour))
    if pattern is not Qt.BrushStyle.SolidPattern:
        painter.fillRect(rect, QBrush(QColor(INK), pattern))
    painter.setPen(QPen(QColor(INK), 1.5))
    painter.drawRect(rect)


def paint_time_chart(painter: QPainter, rect: QRectF, bars: Sequence[Bar], font: QFont) -> None:
    """Stacked bars (left) and a legend (right) inside ``rect``."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setFont(font)
    metrics = painter.fontMetrics()
    line = metrics.height()
    legend_width = max(metrics.horizontalAdvance(time_label(name)) for name, _c, _p in PARTS
                       ) + line * 2.4
    chart = QRectF(rect.left(), rect.top(), rect.width() - legend_width - line, rect.height())
    # room under the bars for their labels as wrapped at the bars' width (a round's mode
    # can take three lines when many rounds share a narrow chart)
    slot_guess = (chart.width() - line * 3.2) / max(1, len(bars))
    bold = QFont(font)
    bold.setBold(True)
    wrapped = QFontMetrics(bold)
    labels = [f"{bar.label}\n{hours(bar.time.total)}" for bar in bars]
    needed = max(
        (wrapped.boundingRect(0, 0, max(1, int(slot_guess)), 10_000,
                              Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap,
                              text).height() for text in labels),
        default=0,
    )
    under = max(line * 4.7, needed + 2.0)
    plot = chart.adjusted(line * 3.2, line * 0.5, 0, -(under + line * 0.2))
    top = max((b.time.total for b in bars), default=0.0) or 1.0
    painter.setPen(QPen(QColor(INK), 2))
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    painter.drawLine(plot.bottomLeft(), plot.topLeft())
    step = next((s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500) if top / s <= 5), 1000)
    top = max(top, step * 1.0)
    value = 0
    while value <= top + 1e-9:
        y = plot.bottom() - plot.height() * value / top
        painter.drawText(QRectF(chart.left(), y - line / 2, line * 3, line),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         hours(value))
        value += step
    n = max(1, len(bars))
    slot = plot.width() / n
    width = min(slot * 0.7, line * 6)
    for i, bar in enumerate(bars):
        x = plot.left() + slot * i + (slot - width) / 2
        y = plot.bottom()
        for (_name, colour, pattern), v in zip(PARTS, parts_of(bar.time), strict=True):
            if v <= 0:
                continue
            h = plot.height() * v / top
            seg = QRectF(x, y - h, width, h)
            fill_part(painter, seg, colour, pattern)
            text = hours(v)
            if h >= line * 1.05 and metrics.horizontalAdvance(text) + 4 <= width:
                # only where the number fits inside its segment (the legend and the
                # accessible description still carry every part)
                box = QRectF(seg.center().x() - metrics.horizontalAdvance(text) / 2 - 4,
                             seg.center().y() - line / 2, metrics.horizontalAdvance(text) + 8,
                             line)
                painter.fillRect(box, QColor(PAPER))
                painter.setPen(QColor(INK))
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            y -= h
        painter.setPen(QColor(INK))
        label_font = QFont(font)
        label_font.setBold(bar.highlight)
        painter.setFont(label_font)
        painter.drawText(QRectF(plot.left() + slot * i, plot.bottom() + 4, slot, under),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                         | Qt.TextFlag.TextWordWrap, labels[i])
        painter.setFont(font)
    # legend, top to bottom in stacking order reversed (the top segment first); the rows close
    # up (never below one line each) when the chart is short, as in presenter type
    lx = rect.right() - legend_width
    ly = rect.top() + line * 0.5
    spacing = max(line * 1.05, min(line * 1.5, (rect.height() - line * 0.5) / len(PARTS)))
    for name, colour, pattern in reversed(PARTS):
        fill_part(painter, QRectF(lx, ly + line * 0.1, line * 1.4, line * 0.9), colour, pattern)
        painter.setPen(QColor(INK))
        painter.drawText(QRectF(lx + line * 1.8, ly, legend_width, line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         time_label(name))
        ly += spacing
    painter.restore()


@chart
class TimeChart(QWidget):
    """A stacked-bar chart of time budgets; set its bars with :meth:`set_bars`."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: tuple[Bar, ...] = ()
        self.setAccessibleName(name)
        self.setAccessibleDescription(_("No rounds played yet."))
        self.setMinimumHeight(260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(700, 360)

    def comfortable_width(self) -> int:
        """The width at which the legend and the bars (at least three) sit side by side with
        room for their labels: the debrief stacks its gauges under a chart given less."""
        metrics = self.fontMetrics()
        line = metrics.height()
        legend = max(metrics.horizontalAdvance(time_label(name)) for name, _c, _p in PARTS
                     ) + line * 2.4
        return int(legend + line * 4.2 + max(3, len(self._bars)) * line * 3.0) + 16

    @property
    def bars(self) -> tuple[Bar, ...]:
        return self._bars

    def set_bars(self, bars: Sequence[Bar]) -> None:
        bars = tuple(bars)
        if bars == self._bars:
            return
        self._bars = bars
        self.setAccessibleDescription(describe(bars) or _("No rounds played yet."))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(PAPER))
        paint_time_chart(painter, QRectF(self.rect()).adjusted(8, 8, -8, -8), self._bars,
                         self.font())
        painter.end()
