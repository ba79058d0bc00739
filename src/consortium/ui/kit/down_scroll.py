"""A scroll area that scrolls down only (``kit/widgets.py``'s ``scroll_down``).

Its widget is never wider than its viewport: squeezed, as a page without a scroll area would
be (and the layout check reports any text that is then cut), so nothing hides past the right
edge where no scroll bar reaches. A scroll area works out its widget's height for its width
only when it is resized; this one does it again whenever its widget's layout changes (a line
more of wrapped words), so a longer text is scrolled to, never squeezed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QScrollArea, QWidget


class DownScrollArea(QScrollArea):
    """See the module docstring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.viewport().installEventFilter(self)

    def setWidget(self, widget: QWidget) -> None:
        widget.setMaximumWidth(max(1, self.viewport().width()))
        super().setWidget(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.viewport() and kind == QEvent.Type.Resize:
            inner = self.widget()
            if inner is not None:
                inner.setMaximumWidth(self.viewport().width())
        elif watched is self.widget() and kind == QEvent.Type.LayoutRequest:
            QCoreApplication.postEvent(self, QEvent(QEvent.Type.LayoutRequest))
        return super().eventFilter(watched, event)
