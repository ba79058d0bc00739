"""An index against its threshold, drawn with QPainter: a bar, a threshold mark, the value
in numbers and the word FLAGGED or "below the threshold" (never colour alone).

``paint_gauge`` works on any painter (a PDF page later). ``IndexGauge`` shows what it is
given by the debrief view and listens to no signal.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


def gauge_text(name: str, value: float | None, threshold: float) -> str:
    if value is None:
        return f"{name}: — (no team of two)"
    verdict = "FLAGGED" if value >= threshold else "below"
    return f"{name}: {value:.2f} · {verdict} (threshold {threshold:.2f})"


def paint_gauge(
    painter: QPainter, rect: QRectF, text: str, value: float | None, threshold: float,
    font: QFont, top: float = 1.0,
) -> None:
    painter.save()
    painter.setFont(font)
    line = painter.fontMetrics().height()
    painter.setPen(QColor("#111111"))
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), line * 1.2),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight,
                                                      int(rect.width())))
    bar = QRectF(rect.left(), rect.top() + line * 1.4, rect.width() - 2, line * 1.1)
    painter.fillRect(bar, QColor("#ffffff"))
    if value is not None:
        share = max(0.0, min(1.0, value / top))
        filled = QRectF(bar.left(), bar.top(), bar.width() * share, bar.height())
        flagged = value >= threshold
        painter.fillRect(filled, QColor("#d1495b" if flagged else "#00798c"))
        if flagged:
            painter.fillRect(filled, QBrush(QColor("#111111"), Qt.BrushStyle.BDiagPattern))
    painter.setPen(QPen(QColor("#111111"), 2))
    painter.drawRect(bar)
    x = bar.left() + bar.width() * min(1.0, threshold / top)
    painter.setPen(QPen(QColor("#111111"), 4, Qt.PenStyle.DashLine))
    painter.drawLine(int(x), int(bar.top() - 6), int(x), int(bar.bottom() + 6))
    painter.restore()


class IndexGauge(QWidget):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._value: float | None = None
        self._threshold = 1.0
        self.setAccessibleName(name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(500, int(self.fontMetrics().height() * 3.0))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def set_name(self, name: str) -> None:
        self._name = name
        self.setAccessibleName(name)

    def set_value(self, value: float | None, threshold: float) -> None:
        self._value, self._threshold = value, threshold
        self.setAccessibleDescription(gauge_text(self._name, value, threshold))
        self.updateGeometry()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_gauge(painter, QRectF(self.rect()).adjusted(2, 2, -2, -2),
                    gauge_text(self._name, self._value, self._threshold), self._value,
                    self._threshold, self.font())
        painter.end()
