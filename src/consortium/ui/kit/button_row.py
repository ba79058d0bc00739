"""Rows that wrap instead of widening the window (issue 15: 200 % text, Swedish words).

A plain ``QHBoxLayout`` asks for the sum of its items' widths: at 200 % text size a page's row
of four buttons, or the new-session page's two halves side by side, is wider than a
1366-pixel laptop, and the whole window grows past the screen. Two answers:

- :class:`ButtonRow`: buttons side by side while they fit (with a stretch between the left
  and the right ones, as a box layout would), else on as many lines as they need, each button
  whole; it asks only for its widest button's width, and for the height of its lines at the
  width it is given;
- :class:`Stacking`: parts of a page (layouts or widgets) side by side while each gets its
  minimum, else one under another.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLayout, QSizePolicy, QWidget

SPACING = 8
"""Pixels between two buttons, and between two lines of them."""


class ButtonRow(QWidget):
    """Buttons on one line while they fit, else on several (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QWidget | None] = []  # None: the stretch
        # its height follows its width through its hints (updated when the number of lines
        # changes), not Qt's height-for-width: a window whose layout has a height for its
        # width is made as tall as its parts' preferred heights (the compare window grew past
        # a 768-pixel screen)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def add(self, widget: QWidget) -> QWidget:
        widget.setParent(self)
        widget.installEventFilter(self)
        self._items.append(widget)
        self.updateGeometry()
        return widget

    def add_stretch(self) -> None:
        """Room between the buttons before it and after it, when they are on one line."""
        self._items.append(None)

    def _shown(self) -> list[QWidget]:
        return [w for w in self._items if w is not None and not w.isHidden()]

    def _lines(self, width: int) -> list[list[QWidget]]:
        lines: list[list[QWidget]] = []
        used = 0
        for widget in self._shown():
            need = widget.sizeHint().width()
            if lines and used + SPACING + need <= width:
                lines[-1].append(widget)
                used += SPACING + need
            else:
                lines.append([widget])
                used = need
        return lines

    def _one_line(self) -> int:
        shown = self._shown()
        return sum(w.sizeHint().width() for w in shown) + SPACING * max(0, len(shown) - 1)

    def lines(self) -> int:
        """How many lines the buttons are on now."""
        return len(self._lines(self.width()))

    def height_for(self, width: int) -> int:
        """The height of the lines the buttons take at ``width``."""
        lines = self._lines(width)
        heights = [max(w.sizeHint().height() for w in line) for line in lines]
        return sum(heights) + SPACING * max(0, len(heights) - 1)

    def _width(self) -> int:
        """The width it has once shown; before that (the window's first layout, when it has
        Qt's default 100 pixels) the width of one line, so a dialog is not made as tall as
        a button a line would need."""
        return self.width() if self.isVisible() else self._one_line()

    def sizeHint(self) -> QSize:
        return QSize(self._one_line(), self.height_for(self._width()))

    def minimumSizeHint(self) -> QSize:
        widest = max((w.sizeHint().width() for w in self._shown()), default=0)
        return QSize(widest, self.height_for(self._width()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            self.updateGeometry()
            self._place()
        return False

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a button's text (its hint) changed
            self.updateGeometry()
            self._place()
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if len(self._lines(event.size().width())) != len(self._lines(event.oldSize().width())):
            self.updateGeometry()  # fewer lines, less height: the window may be lower
        self._place()

    def _place(self) -> None:
        width = self.width()
        if self._one_line() <= width:
            self._place_one_line(width)
            return
        y = 0
        for line in self._lines(width):
            height = max(w.sizeHint().height() for w in line)
            x = 0
            for widget in line:
                w = min(widget.sizeHint().width(), width)
                widget.setGeometry(QRect(x, y, w, height))
                x += w + SPACING
            y += height + SPACING

    def _place_one_line(self, width: int) -> None:
        """As a box layout with its stretch: the buttons after the stretch at the right."""
        spare = width - self._one_line()
        height = self.height()
        x = 0
        for item in self._items:
            if item is None:
                x += spare
                spare = 0
                continue
            if item.isHidden():
                continue
            w = item.sizeHint().width()
            item.setGeometry(QRect(x, 0, w, height))
            x += w + SPACING


class Stacking(QWidget):
    """Parts side by side while each gets its minimum width, else one under another."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        # the box would set this widget's minimum to the side-by-side one: ours decides
        self.box.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)

    @property
    def stacked(self) -> bool:
        return self.box.direction() == QBoxLayout.Direction.TopToBottom

    def _widths(self) -> list[int]:
        items = (self.box.itemAt(i) for i in range(self.box.count()))
        return [item.minimumSize().width() for item in items
                if item is not None and not item.isEmpty()]

    def minimumSizeHint(self) -> QSize:
        return QSize(max(self._widths(), default=0), self.box.minimumSize().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit(event.size().width())
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a part's minimum changed (seats added)
            self._fit(self.width())
        return super().event(event)

    def _fit(self, width: int) -> None:
        widths = self._widths()
        row = sum(widths) + max(0, self.box.spacing()) * max(0, len(widths) - 1)
        direction = (QBoxLayout.Direction.LeftToRight if row <= width
                     else QBoxLayout.Direction.TopToBottom)
        if direction != self.box.direction():
            self.box.setDirection(direction)
            self.updateGeometry()  # stacked is taller: the page (a scroll area) makes room
