"""A form's label with a little room to spare after its text.

A form gives its label column exactly the width its labels measure. Under X11 with hinting a
label's glyphs can be drawn a few pixels wider than ``QFontMetrics`` measures them (the
Settings page's "Textstorlek" at 200 % lost half its last letter), and the layout check,
which trusts the same measure, cannot see it. A third of an average character of slack,
measured in the label's current font, covers it at every text size.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel


class FormLabel(QLabel):
    """A label whose size hints are a third of a character wider than its text."""

    def _slack(self) -> int:
        return max(2, self.fontMetrics().averageCharWidth() // 3)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width() + self._slack(), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width() + self._slack(), hint.height())
