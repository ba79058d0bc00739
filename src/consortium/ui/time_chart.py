"""Where the time went: one stacked bar per round, drawn with QPainter.

``paint_time_chart`` draws onto any ``QPainter`` (a widget now, a PDF page from
``QPdfWriter`` later). Every part has a colour *and* a hatch pattern, the legend names each
part, and every segment tall enough carries its hours, so the chart never relies on colour
alone. ``TimeChart`` is the widget; it shows what it is given (pit-stop budgets during play,
the ledger's after the Reveal) and listens to no signal itself.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from consortium.engine.state import TimeBudget
from consortium.ui.labels import TIME_LABELS, hours

PARTS: tuple[tuple[str, str, Qt.BrushStyle], ...] = (
    (TIME_LABELS[0], "#d1495b", Qt.BrushStyle.BDiagPattern),
    (TIME_LABELS[1], "#edae49", Qt.BrushStyle.CrossPattern),
    (TIME_LABELS[2], "#00798c", Qt.BrushStyle.SolidPattern),
    (TIME_LABELS[3], "#66a182", Qt.BrushStyle.Dense4Pattern),
    (TIME_LABELS[4], "#8d96a7", Qt.BrushStyle.HorPattern),
)


@attrs.frozen
class Bar:
    label: str
    time: TimeBudget
    highlight: bool = False


def parts_of(time: TimeBudget) -> tuple[float, ...]:
    return (time.meetings, time.overhead, time.expert_work, time.mismatch_work, time.sitting_out)


def describe(bars: Sequence[Bar]) -> str:
    """The chart in words (accessible description and tests)."""
    lines = []
    for bar in bars:
        values = ", ".join(
            f"{name} {hours(v)}" for (name, _, _), v in zip(PARTS, parts_of(bar.time), strict=True)
        )
        lines.append(f"{bar.label}: {values}; total {hours(bar.time.total)}")
    return "\n".join(lines)


def _fill(painter: QPainter, rect: QRectF, colour: str, pattern: Qt.BrushStyle) -> None:
    painter.fillRect(rect, QColor(colour).lighter(150))
    if pattern is Qt.BrushStyle.SolidPattern:
        painter.fillRect(rect, QColor(colour))
    else:
        painter.fillRect(rect, QBrush(QColor("#111111"), pattern))
    painter.setPen(QPen(QColor("#111111"), 1.5))
    painter.drawRect(rect)


def paint_time_chart(painter: QPainter, rect: QRectF, bars: Sequence[Bar], font: QFont) -> None:
    """Stacked bars (left) and a legend (right) inside ``rect``."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setFont(font)
    metrics = painter.fontMetrics()
    line = metrics.height()
    legend_width = max(metrics.horizontalAdvance(name) for name, _, _ in PARTS) + line * 2.4
    chart = QRectF(rect.left(), rect.top(), rect.width() - legend_width - line, rect.height())
    plot = chart.adjusted(line * 3.2, line * 0.5, 0, -line * 4.9)
    top = max((b.time.total for b in bars), default=0.0) or 1.0
    painter.setPen(QPen(QColor("#111111"), 2))
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    painter.drawLine(plot.bottomLeft(), plot.topLeft())
    step = next((s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500) if top / s <= 5), 1000)
    top = max(top, step * 1.0)
    value = 0
    while value <= top + 1e-9:
        y = plot.bottom() - plot.height() * value / top
        painter.drawText(QRectF(chart.left(), y - line / 2, line * 3, line),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         f"{value} h")
        value += step
    n = max(1, len(bars))
    slot = plot.width() / n
    width = min(slot * 0.6, line * 6)
    for i, bar in enumerate(bars):
        x = plot.left() + slot * i + (slot - width) / 2
        y = plot.bottom()
        for (_, colour, pattern), v in zip(PARTS, parts_of(bar.time), strict=True):
            if v <= 0:
                continue
            h = plot.height() * v / top
            seg = QRectF(x, y - h, width, h)
            _fill(painter, seg, colour, pattern)
            if h >= line * 1.05:
                text = hours(v)
                box = QRectF(seg.center().x() - metrics.horizontalAdvance(text) / 2 - 4,
                             seg.center().y() - line / 2, metrics.horizontalAdvance(text) + 8,
                             line)
                painter.fillRect(box, QColor("#ffffff"))
                painter.setPen(QColor("#111111"))
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            y -= h
        painter.setPen(QColor("#111111"))
        label_font = QFont(font)
        label_font.setBold(bar.highlight)
        painter.setFont(label_font)
        painter.drawText(QRectF(plot.left() + slot * i, plot.bottom() + 4, slot, line * 4.7),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                         | Qt.TextFlag.TextWordWrap,
                         f"{bar.label}\n{hours(bar.time.total)}")
        painter.setFont(font)
    # legend, top to bottom in stacking order reversed (the top segment first)
    lx = rect.right() - legend_width
    ly = rect.top() + line * 0.5
    for name, colour, pattern in reversed(PARTS):
        _fill(painter, QRectF(lx, ly + line * 0.1, line * 1.4, line * 0.9), colour, pattern)
        painter.setPen(QColor("#111111"))
        painter.drawText(QRectF(lx + line * 1.8, ly, legend_width, line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        ly += line * 1.5
    painter.restore()


class TimeChart(QWidget):
    """A stacked-bar chart of time budgets; set its bars with :meth:`set_bars`."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: tuple[Bar, ...] = ()
        self.setAccessibleName(name)
        self.setMinimumHeight(260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(700, 360)

    @property
    def bars(self) -> tuple[Bar, ...]:
        return self._bars

    def set_bars(self, bars: Sequence[Bar]) -> None:
        bars = tuple(bars)
        if bars == self._bars:
            return
        self._bars = bars
        self.setAccessibleDescription(describe(bars))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        paint_time_chart(painter, QRectF(self.rect()).adjusted(8, 8, -8, -8), self._bars,
                         self.font())
        painter.end()
