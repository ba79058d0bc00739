"""A wrapped label whose type shrinks just enough for its longest word to fit its width.

Word wrap breaks lines between words, never inside one: a Swedish compound such as
"Presentationsrundor" in a heading at 200 % text size is wider than the facilitator's column
on a 1366-pixel laptop, and was cut. A :class:`FitLabel` keeps the size the style sheet gives
it whenever its words fit, and otherwise takes the largest size at which the longest word
does (a label's own font, set after the style sheet's; the next re-styling starts again from
the style sheet's size).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

LEAST_POINTS = 9.0
"""Never smaller than this, whatever the word."""


class FitLabel(QLabel):
    """A label that shrinks its type to fit its longest word (see the module docstring)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._natural: float | None = None  # the style sheet's size, before any shrinking
        self._fitting = False

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and not self._fitting:
            self._natural = None  # re-styled (a text size change): fit from its new size
            self.fit()

    def setText(self, text: str) -> None:
        super().setText(text)
        self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        width = self.contentsRect().width() - 2 * max(0, self.margin())
        words = self.text().split()
        if width <= 0 or not words:
            return
        if self._natural is None:
            self._natural = self.font().pointSizeF()
        if self._natural <= 0:
            return
        natural = QFont(self.font())
        natural.setPointSizeF(self._natural)
        metrics = QFontMetricsF(natural)
        widest = max(metrics.horizontalAdvance(word) for word in words)
        size = self._natural
        if widest > width:
            size = max(LEAST_POINTS, int(self._natural * width / widest * 10) / 10)
            while size > LEAST_POINTS:  # type does not scale quite linearly (hinting)
                natural.setPointSizeF(size)
                metrics = QFontMetricsF(natural)
                if max(metrics.horizontalAdvance(word) for word in words) <= width - 2:
                    break
                size = round(size - 0.5, 1)
        if abs(size - self.font().pointSizeF()) >= 0.1:
            font = QFont(self.font())
            font.setPointSizeF(size)
            self._fitting = True
            self.setFont(font)
            self._fitting = False
