"""A push button whose words go onto a second line when it is narrower than its text.

A ``QPushButton`` never wraps: in the facilitator's column at 200 % text size, or in Swedish,
"Go with the most hands (Enter)" is wider than the column, and the button either pushes the
window past the screen or is cut ("onfirm", issue 12). A :class:`WrapButton` is an ordinary
push button as long as it is as wide as its text (drawn by the style exactly as before); given
less, it breaks its words onto as many lines as they need, and asks the layout for that height
(height for width). Its least width is its longest word's.

The layout audit (``kit/layout_audit.py``) checks it by the same promise: a button that has a
height for its width clips when it is narrower than its least width or lower than the height
its words need at its width.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetrics, QPaintEvent
from PySide6.QtWidgets import (
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)


def wrap_words(metrics: QFontMetrics, text: str, width: int) -> list[str]:
    """``text`` broken at spaces into lines of at most ``width`` px (a word longer than
    that on a line of its own)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and metrics.horizontalAdvance(candidate.replace("&", "")) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


class WrapButton(QPushButton):
    """A push button that wraps its words when it must (see the module docstring)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        # a push button's own policy (Minimum, Fixed) makes its one-line hint its least
        # width and its only height: this one may be narrower (down to its longest word)
        # and taller (its wrapped lines, height for width)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _one_line(self) -> QSize:
        return super().sizeHint()

    def _room(self) -> QSize:
        """What the style puts around the text (border, padding, an icon)."""
        metrics = self.fontMetrics()
        text = self.text().replace("&", "")
        one = self._one_line()
        return QSize(one.width() - metrics.horizontalAdvance(text),
                     one.height() - metrics.height())

    def _lines(self, width: int) -> list[str]:
        return wrap_words(self.fontMetrics(), self.text(), width - self._room().width())

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        words = self.text().replace("&", "").split() or [""]
        widest = max(metrics.horizontalAdvance(word) for word in words)
        width = min(self._one_line().width(), widest + self._room().width())
        # the height of one line: a layout that asks for a minimum once (a form's row, a
        # box beside other widgets) kept the narrowest width's three lines as the least
        # height however wide it then made the button ("Check that it teaches…" three lines
        # tall on one line); the height for a narrower width comes from heightForWidth
        return QSize(width, self._one_line().height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        one = self._one_line()
        if width >= one.width():
            return one.height()
        lines = max(1, len(self._lines(width)))
        metrics = self.fontMetrics()
        return self._room().height() + metrics.height() + metrics.lineSpacing() * (lines - 1)

    def wrapped(self) -> bool:
        """Whether the words are on more than one line now."""
        return self.width() < self._one_line().width()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.wrapped():
            super().paintEvent(event)
            return
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = "\n".join(self._lines(self.width()))
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
