"""A seat's join card, shown only behind that seat's curtain: the QR code of its join link,
the short address and its PIN for a phone that cannot scan, and where the laptop serves.

The QR code is made by ``segno`` (the matrix only) and drawn square by square with QPainter
— crisp at any size, no SVG or image files involved.
"""

from __future__ import annotations

import segno
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from consortium.present.i18n import _
from consortium.ui.kit.widgets import label

QUIET = 4  # the quiet zone around a QR code, in modules (the standard's minimum)


class QrCode(QWidget):
    """A QR code of ``text``, as large as the widget allows, black on white."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix = tuple(tuple(bool(m) for m in row)
                            for row in segno.make(text, error="m", micro=False).matrix)
        self.setAccessibleName(_("QR code of your join link"))
        self.setMinimumSize(QSize(220, 220))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        side = min(self.width(), self.height())
        modules = len(self.matrix) + 2 * QUIET
        unit = side / modules
        left = (self.width() - side) / 2
        top = (self.height() - side) / 2
        painter.fillRect(QRectF(left, top, side, side), QColor("white"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        for y, row in enumerate(self.matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.drawRect(QRectF(left + (x + QUIET) * unit, top + (y + QUIET) * unit,
                                            unit + 0.5, unit + 0.5))
        painter.end()


class JoinCard(QWidget):
    """Scan to hold your hand on your phone; or type the short address and the PIN."""

    def __init__(self, name: str, url: str, short_url: str, pin: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Your phone's join card"))
        layout = QVBoxLayout(self)
        layout.addWidget(label(_("{name}: scan this with your phone's camera").format(name=name),
                               name="heading", wrap=True))
        self.qr = QrCode(url)
        layout.addWidget(self.qr, 1)
        self.short = label(_("No camera? Open {address} and type the PIN {pin}").format(
            address=short_url, pin=pin), name="big", wrap=True)
        self.short.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.short)
