"""A focusable frame that acts like a button: click, Enter or Space activates it.

Task cards and participant chips build on it, so the board's placement works with the mouse
and the keyboard alike (FACILITATION.md, "Keyboard").
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QWidget


class ClickableFrame(QFrame):
    """Emits ``activated`` on a left click, Enter, Return or Space while focused."""

    activated = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.activated.emit()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def set_flag(self, name: str, on: bool) -> None:
        """Set a style property (``selected``, ``finished``…) and re-polish if it changed."""
        if bool(self.property(name)) == on:
            return
        self.setProperty(name, on)
        self.style().unpolish(self)
        self.style().polish(self)
