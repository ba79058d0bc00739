"""A label that shows as much of its text as fits in ``lines`` lines and ends with "…",
with the whole text in its tooltip and accessible description (so nothing said is lost).

Used where the room needs one glance, not every word (the board's task cards and chips:
issue 12). It never asks for more width than a few characters, so a crowded row shares
its room instead of pushing past the edge; its height is ``lines`` lines of its font.

With ``grow``, ``lines`` is the least it takes: given more height (a card with room to
spare, a normal game's board) it shows as many whole lines as that height holds, so it cuts
only when the board is crowded.

The layout audit (``layout_audit.py``) checks the promise: an elided label whose tooltip
does not hold the whole text is reported. The whole text is the ``elided_from`` property.
"""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from consortium.ui.kit.widgets import set_shown

ELLIPSIS = "…"
FITTED_LIMIT = 2048
"""Elided texts kept (see :func:`fitted`)."""
_fitted: dict[tuple[object, ...], str] = {}
_lines_in: dict[tuple[object, ...], int] = {}
# Caches of pure functions of the font, the device's resolution and their other arguments,
# so they cannot go stale. The board re-elides its cards and chips on most moves (a resize,
# a shown or hidden line) mostly to the same text at the same width, and measuring it word
# by word was a good part of a move's redraw (bench/what_if.py, docs/performance.md).


def elide_lines(metrics: QFontMetrics, text: str, width: int, lines: int) -> str:
    """``text`` broken at spaces into at most ``lines`` lines of ``width`` px, the last one
    elided with "…" when the rest does not fit."""
    if width <= 0:
        return ""
    out: list[str] = []
    rest = " ".join(text.split())
    while rest and len(out) < lines - 1:
        if metrics.horizontalAdvance(rest) <= width:
            break
        words = rest.split(" ")
        line = words[0]
        taken = 1
        for word in words[1:]:
            if metrics.horizontalAdvance(f"{line} {word}") > width:
                break
            line = f"{line} {word}"
            taken += 1
        if metrics.horizontalAdvance(line) > width:  # one long word: cut it by the pixel
            break
        out.append(line)
        rest = " ".join(words[taken:])
    if rest:
        out.append(metrics.elidedText(rest, QtCore.Qt.TextElideMode.ElideRight, width))
    return "\n".join(out)


def _font_key(widget: QWidget) -> tuple[str, int]:
    return widget.font().key(), widget.logicalDpiY()


def fitted(widget: QWidget, text: str, width: int, lines: int) -> str:
    """:func:`elide_lines` in ``widget``'s font, worked out once for each text, width and
    number of lines."""
    key = (*_font_key(widget), text, width, lines)
    shown = _fitted.get(key)
    if shown is None:
        shown = elide_lines(widget.fontMetrics(), text, width, lines)
        if len(_fitted) >= FITTED_LIMIT:
            _fitted.clear()
        _fitted[key] = shown
    return shown


class ElidedLabel(QLabel):
    def __init__(self, name: str = "", *, lines: int = 1, grow: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        self._full = ""
        self._lines = lines
        self._grow = grow
        self.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        if grow:  # the text from the top, in whatever height the layout can spare
            self.setAlignment(QtCore.Qt.AlignmentFlag.AlignLeft
                              | QtCore.Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Ignored,
                           QSizePolicy.Policy.Expanding if grow else QSizePolicy.Policy.Fixed)

    def _room(self) -> int:
        """How many lines to show: ``lines``, or as many as the height holds (``grow``)."""
        if not self._grow:
            return self._lines
        height = self.contentsRect().height()
        key = (*_font_key(self), height)
        fits = _lines_in.get(key)
        if fits is None:
            metrics = self.fontMetrics()
            fits = 1
            while fits < 50 and metrics.boundingRect(
                    QtCore.QRect(0, 0, 10_000, 10_000), 0,
                    "\n".join(["Xg"] * (fits + 1))).height() <= height:
                fits += 1
            if len(_lines_in) >= FITTED_LIMIT:
                _lines_in.clear()
            _lines_in[key] = fits
        return max(self._lines, fits)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> bool:
        """Show ``text`` (elided to fit); True if it changed."""
        if text == self._full:
            return False
        self._full = text
        self._elide()
        return True

    def _elide(self) -> None:
        shown = fitted(self, self._full, self.contentsRect().width(),
                       self._room()) if self._full else ""
        if not shown and self._full:
            shown = ELLIPSIS
        if shown != self.text():
            self.setText(shown)
        elided = shown.replace("\n", " ") != " ".join(self._full.split())
        tip = self._full if elided else ""
        self.setProperty("elided_from", self._full if elided else None)
        if self.toolTip() != tip:
            self.setToolTip(tip)
        if self.accessibleDescription() != tip:
            self.setAccessibleDescription(tip)

    def sizeHint(self) -> QtCore.QSize:
        metrics = self.fontMetrics()
        margins = self.contentsMargins()
        # measured as the layout audit measures a label (the font's line boxes, leading
        # included), so a label at its size hint never reads as cut
        height = metrics.boundingRect(QtCore.QRect(0, 0, 10_000, 10_000), 0,
                                      "\n".join(["Xg"] * self._lines)).height()
        width = min(metrics.horizontalAdvance(" ".join(self._full.split())),
                    metrics.averageCharWidth() * 12)
        return QtCore.QSize(width + margins.left() + margins.right(),
                            height + margins.top() + margins.bottom())

    def minimumSizeHint(self) -> QtCore.QSize:
        hint = self.sizeHint()
        return QtCore.QSize(self.fontMetrics().averageCharWidth() * 3, hint.height())

    def heightForWidth(self, width: int) -> int:
        return self.sizeHint().height()

    def hasHeightForWidth(self) -> bool:
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QtCore.QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QtCore.QEvent.Type.FontChange, QtCore.QEvent.Type.StyleChange):
            self._elide()
            self.updateGeometry()


def show_elided(widget: ElidedLabel, text: str) -> bool:
    """As ``widgets.show_text`` for an elided label: show ``text`` (hidden when empty)."""
    changed = widget.set_full_text(text)
    return set_shown(widget, bool(text)) or changed
