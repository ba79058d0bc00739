"""A table header whose words wrap instead of being cut.

A debrief table on a 1366×768 board, or in Swedish, gives its stretched columns less room
than their titles need; Qt's own header draws such a title as "ded knowle" (its middle, cut
at both ends), and the room cannot hover for a tooltip. This header breaks a title over as
many lines as its column's width needs and grows to the tallest one, as a printed table
would. Columns sized to their contents keep their one-line titles.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QWidget

WRAP = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap


class WrappingHeader(QHeaderView):
    """A horizontal header that wraps its titles to their sections' widths."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultAlignment(WRAP)
        self._refitting = False
        self.sectionResized.connect(self._refit)

    def _refit(self, *_section: int) -> None:
        """A section's new width changes how many lines its title needs: have the header
        measure its height again (Qt keeps it until the header's data changes)."""
        if self._refitting or self.count() == 0:
            return
        self._refitting = True
        try:
            self.headerDataChanged(self.orientation(), 0, self.count() - 1)
        finally:
            self._refitting = False

    def title(self, section: int) -> str:
        model = self.model()
        if model is None:
            return ""
        value = model.headerData(section, self.orientation(), Qt.ItemDataRole.DisplayRole)
        return "" if value is None else str(value)

    def title_rect(self, section: int) -> QRect:
        """Where the section's title is drawn: the section less the style's margins."""
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self)
        return QRect(0, 0, max(1, self.sectionSize(section) - 2 * margin), 100_000)

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        size = super().sectionSizeFromContents(logicalIndex)
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self)
        need = self.fontMetrics().boundingRect(self.title_rect(logicalIndex), int(WRAP),
                                               self.title(logicalIndex))
        return QSize(size.width(), max(size.height(), need.height() + 2 * margin))
