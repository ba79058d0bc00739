"""An index against its threshold, drawn with QPainter: the value in numbers and a verdict on
one line, a bar with the threshold marked and labelled, and hatching when flagged (never
colour alone).

The verdict is the engine's flag (GAME.md, "Debrief metrics"), not a comparison made here:
jointholism is also flagged by empty talk hours below the threshold, and alignophilia only
when it stayed at or above the threshold two rounds in a row with a perspective left out. A
gauge that said FLAGGED on its own reading would contradict the prompts the flags choose.

``paint_gauge`` works on any painter (a PDF page later). ``IndexGauge`` shows what it is
given by the debrief view and listens to no signal.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


def gauge_text(name: str, value: float | None, verdict: str) -> str:
    """'Alignophilia index: 0.31 · FLAGGED'; the threshold is drawn on the bar."""
    if value is None:
        return f"{name}: — (no team of two) · {verdict}"
    return f"{name}: {value:.2f} · {verdict}"


def paint_gauge(
    painter: QPainter, rect: QRectF, text: str, value: float | None, threshold: float,
    flagged: bool, font: QFont, top: float = 1.0,
) -> None:
    painter.save()
    painter.setFont(font)
    metrics = painter.fontMetrics()
    line = metrics.height()
    painter.setPen(QColor("#111111"))
    # as many lines as the verdict needs at this width (the widget asks the same height
    # for its width), so a long "not flagged: …" is never cut
    used = metrics.boundingRect(0, 0, int(rect.width()), 10_000, Qt.TextFlag.TextWordWrap,
                                text).height()
    caption = QRectF(rect.left(), rect.top(), rect.width(), used)
    painter.drawText(caption, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                     | Qt.TextFlag.TextWordWrap, text)
    bar = QRectF(rect.left(), rect.top() + used + line * 0.3, rect.width() - 2, line * 1.1)
    painter.fillRect(bar, QColor("#ffffff"))
    if value is not None:
        share = max(0.0, min(1.0, value / top))
        filled = QRectF(bar.left(), bar.top(), bar.width() * share, bar.height())
        painter.fillRect(filled, QColor("#d1495b" if flagged else "#00798c"))
        if flagged:
            painter.fillRect(filled, QBrush(QColor("#111111"), Qt.BrushStyle.BDiagPattern))
    painter.setPen(QPen(QColor("#111111"), 2))
    painter.drawRect(bar)
    x = bar.left() + bar.width() * min(1.0, threshold / top)
    painter.setPen(QPen(QColor("#111111"), 4, Qt.PenStyle.DashLine))
    painter.drawLine(int(x), int(bar.top() - 6), int(x), int(bar.bottom() + 6))
    mark = f"threshold {threshold:.2f}"
    width = metrics.horizontalAdvance(mark)
    left = min(max(bar.left(), x - width / 2), bar.right() - width)
    painter.setPen(QColor("#111111"))
    painter.drawText(QRectF(left, bar.bottom() + 6, width + 2, line),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, mark)
    painter.restore()


class IndexGauge(QWidget):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._value: float | None = None
        self._threshold = 1.0
        self._flagged = False
        self._verdict = ""
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
        return int(caption + metrics.height() * 2.8) + 8

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def set_name(self, name: str) -> None:
        self._name = name
        self.setAccessibleName(name)

    def set_value(self, value: float | None, threshold: float, verdict: str,
                  flagged: bool) -> None:
        self._value, self._threshold = value, threshold
        self._verdict, self._flagged = verdict, flagged
        self.setAccessibleDescription(
            f"{gauge_text(self._name, value, verdict)} (threshold {threshold:.2f})"
        )
        self.updateGeometry()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_gauge(painter, QRectF(self.rect()).adjusted(2, 2, -2, -2),
                    gauge_text(self._name, self._value, self._verdict), self._value,
                    self._threshold, self._flagged, self.font())
        painter.end()
