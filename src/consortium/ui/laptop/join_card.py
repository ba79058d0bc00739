"""A seat's join card, shown only behind that seat's curtain: the QR code of its join link,
the short address and its PIN for a phone that cannot scan, and where the laptop serves.

The QR code is made by ``segno`` (a well-kept, pure-Python encoder) as SVG and drawn by
QtSvg's renderer: crisp at any size and in print, no image files involved. The link holds
the seat's secret token, so this widget is built only when the seat's person has lifted the
curtain, and thrown away when it comes down.
"""

from __future__ import annotations

import io

import segno
from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from consortium.present.i18n import _
from consortium.ui.kit.widgets import label

QUIET = 4  # the quiet zone around a QR code, in modules (the standard's minimum)


class QrCode(QWidget):
    """A QR code of ``text``, as large as the widget allows, black on white."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        code = segno.make(text, error="m", micro=False)
        self.matrix = tuple(tuple(bool(m) for m in row) for row in code.matrix)
        svg = io.BytesIO()
        code.save(svg, kind="svg", border=QUIET, dark="#000", light="#fff", xmldecl=False,
                  svgns=True, nl=False)
        self._renderer = QSvgRenderer(QByteArray(svg.getvalue()), self)
        self.setAccessibleName(_("QR code of your join link"))
        self.setMinimumSize(QSize(220, 220))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        side = min(self.width(), self.height())
        square = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        painter.fillRect(square, QColor("white"))
        self._renderer.render(painter, square)
        painter.end()


class JoinCard(QWidget):
    """Scan to hold your hand on your phone; or type the short address and the PIN."""

    def __init__(self, name: str, url: str, short_url: str, pin: str | None,
                 where: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Your phone's join card"))
        layout = QVBoxLayout(self)
        layout.addWidget(label(_("{name}: scan this with your phone's camera").format(name=name),
                               name="heading", wrap=True))
        self.qr = QrCode(url)
        layout.addWidget(self.qr, 1)
        if pin is not None:
            text = _("No camera? Open {address} and type the PIN {pin}").format(
                address=short_url, pin=pin)
        else:
            text = _("No camera? Open this link: {address}").format(address=url)
        self.short = label(text, name="big", wrap=True)
        self.short.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.short)
        self.where = label(where, wrap=True)
        self.where.setVisible(bool(where))
        layout.addWidget(self.where)
