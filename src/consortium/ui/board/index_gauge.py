"""An index against its threshold, drawn with QPainter: the value in numbers and a verdict on
one line, a bar with the threshold marked and labelled, and hatching when flagged (never
colour alone).

The verdict is the engine's flag (GAME.md, "Debrief metrics"), not a comparison made here:
jointholism is also flagged by empty talk hours below the threshold, and alignophilia only
when it stayed at or above the threshold two rounds in a row with a perspective left out. A
gauge that said FLAGGED on its own reading would contradict the prompts the flags choose.

An index made of parts (jointholism: meeting hours and, rules v3, crowding hours) draws them
apart: stacked segments in the time chart's colours and hatching, and a legend under the bar
that names each part with its hours and share. Flagged, such a bar gets a heavy red frame, five
pixels against the plain two (the verdict says FLAGGED in words as well).

``paint_gauge`` works on any painter (a PDF page later). ``IndexGauge`` shows what it is
given by the debrief view and listens to no signal.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from consortium.present.debrief_data import GaugePart
from consortium.present.i18n import _
from consortium.present.numbers import decimal
from consortium.ui.board.time_chart import STYLE, fill_part
from consortium.ui.kit.accessible import chart
from consortium.ui.kit.theme import CHART, INK, PAPER

FLAG_FRAME = CHART.flagged


def gauge_text(name: str, value: float | None, verdict: str) -> str:
    """'Alignophilia index: 0.31 · FLAGGED'; the threshold is drawn on the bar."""
    if value is None:
        return _("{name}: — (no team of two) · {verdict}").format(name=name, verdict=verdict)
    return _("{name}: {value} · {verdict}").format(name=name, value=decimal(value, 2),
                                                   verdict=verdict)


def legend_layout(
    metrics: QFontMetricsF, width: float, texts: Sequence[str]
) -> tuple[list[tuple[float, int]], int]:
    """Where each legend item (a swatch and its text) starts, as (x, row), flowing onto the
    next row when the width is used up; and the number of rows."""
    line = metrics.height()
    places: list[tuple[float, int]] = []
    x, row = 0.0, 0
    for text in texts:
        item = line * 1.8 + metrics.horizontalAdvance(text) + line
        if x > 0 and x + item > width:
            x, row = 0.0, row + 1
        places.append((x, row))
        x += item
    return places, row + 1 if texts else 0


def legend_height(metrics: QFontMetricsF, width: float, texts: Sequence[str]) -> float:
    """The height the parts' legend takes under the bar (nothing without parts)."""
    rows = legend_layout(metrics, width, texts)[1]
    return rows * metrics.height() * 1.25 + (metrics.height() * 0.3 if rows else 0.0)


def paint_gauge(
    painter: QPainter, rect: QRectF, text: str, value: float | None, threshold: float,
    flagged: bool, font: QFont, top: float = 1.0, parts: Sequence[GaugePart] = (),
) -> None:
    painter.save()
    painter.setFont(font)
    metrics = painter.fontMetrics()
    line = metrics.height()
    painter.setPen(QColor(INK))
    # as many lines as the verdict needs at this width (the widget asks the same height
    # for its width), so a long "not flagged: …" is never cut
    used = metrics.boundingRect(0, 0, int(rect.width()), 10_000, Qt.TextFlag.TextWordWrap,
                                text).height()
    caption = QRectF(rect.left(), rect.top(), rect.width(), used)
    painter.drawText(caption, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                     | Qt.TextFlag.TextWordWrap, text)
    bar = QRectF(rect.left(), rect.top() + used + line * 0.3, rect.width() - 2, line * 1.1)
    painter.fillRect(bar, QColor(PAPER))
    if value is not None and parts:
        x = bar.left()
        for part in parts:
            w = bar.width() * max(0.0, min(1.0, part.share / top))
            w = min(w, bar.right() - x)
            if w > 0:
                colour, pattern = STYLE[part.part]
                fill_part(painter, QRectF(x, bar.top(), w, bar.height()), colour, pattern)
                x += w
    elif value is not None:
        share = max(0.0, min(1.0, value / top))
        filled = QRectF(bar.left(), bar.top(), bar.width() * share, bar.height())
        painter.fillRect(filled, QColor(CHART.flagged if flagged else CHART.not_flagged))
        if flagged:
            painter.fillRect(filled, QBrush(QColor(INK), Qt.BrushStyle.BDiagPattern))
    if parts and flagged:
        painter.setPen(QPen(QColor(FLAG_FRAME), 5))
    else:
        painter.setPen(QPen(QColor(INK), 2))
    painter.drawRect(bar)
    x = bar.left() + bar.width() * min(1.0, threshold / top)
    painter.setPen(QPen(QColor(INK), 4, Qt.PenStyle.DashLine))
    painter.drawLine(int(x), int(bar.top() - 6), int(x), int(bar.bottom() + 6))
    mark = _("threshold {value}").format(value=decimal(threshold, 2))
    width = metrics.horizontalAdvance(mark)
    left = min(max(bar.left(), x - width / 2), bar.right() - width)
    painter.setPen(QColor(INK))
    painter.drawText(QRectF(left, bar.bottom() + 6, width + 2, line),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, mark)
    if parts:
        texts = [p.text for p in parts]
        places, _rows = legend_layout(QFontMetricsF(painter.font()), rect.width(), texts)
        first = bar.bottom() + 6 + line * 1.3
        for part, legend_text, (x, row) in zip(parts, texts, places, strict=True):
            y = first + row * line * 1.25
            colour, pattern = STYLE[part.part]
            fill_part(painter, QRectF(rect.left() + x, y + line * 0.1, line * 1.4, line * 0.9),
                      colour, pattern)
            painter.setPen(QColor(INK))
            painter.drawText(QRectF(rect.left() + x + line * 1.8, y, rect.width(), line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             legend_text)
    painter.restore()


@chart
class IndexGauge(QWidget):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._value: float | None = None
        self._threshold = 1.0
        self._flagged = False
        self._verdict = ""
        self._parts: tuple[GaugePart, ...] = ()
        self.setAccessibleName(name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(500, self.heightForWidth(self.width()))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        """The verdict's wrapped lines, the bar and its threshold label."""
        metrics = self.fontMetrics()
        text = gauge_text(self._name, self._value, self._verdict)
        caption = metrics.boundingRect(0, 0, max(200, width - 4), 10_000,
                                       Qt.TextFlag.TextWordWrap, text).height()
        legend = legend_height(QFontMetricsF(self.font()), max(200, width - 4),
                               [p.text for p in self._parts])
        return int(caption + metrics.height() * 2.8 + legend) + 8

    def minimumSizeHint(self) -> QSize:
        """Narrower than the size hint: the verdict wraps and the legend flows onto more rows,
        so a gauge beside a chart on a laptop screen still says everything."""
        return QSize(320, self.heightForWidth(max(320, self.width())))

    def set_name(self, name: str) -> None:
        self._name = name
        self.setAccessibleName(name)

    @property
    def parts(self) -> tuple[GaugePart, ...]:
        return self._parts

    def set_value(self, value: float | None, threshold: float, verdict: str,
                  flagged: bool, parts: Sequence[GaugePart] = ()) -> None:
        self._value, self._threshold = value, threshold
        self._verdict, self._flagged = verdict, flagged
        self._parts = tuple(parts)
        apart = " + ".join(p.text for p in self._parts)
        described = _("{gauge} (threshold {threshold})").format(
            gauge=gauge_text(self._name, value, verdict), threshold=decimal(threshold, 2))
        self.setAccessibleDescription(
            _("{gauge}: {parts}").format(gauge=described, parts=apart) if apart else described
        )
        self.updateGeometry()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_gauge(painter, QRectF(self.rect()).adjusted(2, 2, -2, -2),
                    gauge_text(self._name, self._value, self._verdict), self._value,
                    self._threshold, self._flagged, self.font(), parts=self._parts)
        painter.end()
