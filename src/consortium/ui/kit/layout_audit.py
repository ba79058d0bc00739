"""What a person would notice is wrong with a laid-out window: text cut off, a scroll bar
where everything should be in view, a widget past the edge of the screen.

Used by the board to fit its type (``ui/board/stage.py``), by the layout check test
(``tests/ui/test_stage.py``) and by ``scripts/layout_check.py`` at any screen size. It knows
nothing of the game: it measures widgets.

A label clips when the text, laid out as the label lays it out (its font, alignment and
word wrap, in its contents rect less the margin and indent), needs more room than that
rect: ``fontMetrics().boundingRect(rect, flags, text)``. A button clips when its size hint
(text, icon, the style's padding) is wider or taller than the button; one whose words wrap
(``kit/wrap_button.py``, a height for its width) when it is narrower than its longest word or
lower than its wrapped lines. A progress bar clips
when its text (the format filled in) is wider or taller than the bar's contents (its border
and padding off, as the style sheet draws it). A label that shortened its text with "…" (the
``elided_from`` property holds what it was asked to show, see ``kit/elided_label.py``) must
keep the whole text in its tooltip; one that does not is reported as cut.

The board audits itself after every change (the stage's fit), so the audit must cost a few
milliseconds, not the 8–20 it took (bench/what_if.py, docs/performance.md). Two things make it
so without changing a single answer: a label's text is measured once per text, font, flags
and rect (``boundingRect`` with word wrap was half the cost, and almost nothing changes from
one move to the next), and "cut at the edge of a parent" is answered from each parent's room
worked out once per audit instead of walking every label's parents (the slow walk runs only
to word what it found).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QScrollArea,
    QScrollBar,
    QStyle,
    QStyleOptionProgressBar,
    QWidget,
)

SLACK = 1
"""Pixels of rounding forgiven (fractional advances summed differently by the layout)."""


MEASURED_LIMIT = 4096
"""Texts measured and kept (a board has a few hundred; a long session's are dropped at once
when the store is full, and measured again when next seen)."""
_measured: dict[tuple[object, ...], tuple[int, int]] = {}
# A cache of a pure function (the text's size, from the font, the device's resolution, the
# rect, the flags and the text), so it cannot go stale: nothing else is kept in it.


def _text_need(widget: QWidget, rect: QRect, flags: int, text: str) -> tuple[int, int]:
    """The width and height ``text`` needs when laid out in ``rect`` with ``flags`` in the
    widget's font (``QFontMetrics.boundingRect``), measured once for each of these (a label's
    text, a wrapping column title)."""
    key = (widget.font().key(), widget.logicalDpiY(), rect.x(), rect.y(), rect.width(),
           rect.height(), flags, text)
    need = _measured.get(key)
    if need is None:
        box = widget.fontMetrics().boundingRect(rect, flags, text)
        need = (box.width(), box.height())
        if len(_measured) >= MEASURED_LIMIT:
            _measured.clear()
        _measured[key] = need
    return need


_CONTROLS = (QComboBox, QAbstractSpinBox, QLineEdit, QAbstractItemView)
"""What a person types in or picks from (see :func:`unreachable`)."""
_PLAIN = Qt.TextFormat.PlainText
_AUTO = Qt.TextFormat.AutoText


def _label_clip(widget: QLabel) -> str | None:
    text = widget.text()
    if not text:
        return None
    text_format = widget.textFormat()
    if text_format != _PLAIN and (text_format != _AUTO or ("<" in text and ">" in text)):
        return None  # rich text (or what Qt would take for it)
    rect = widget.contentsRect()
    margin = widget.margin()
    if margin:
        rect = rect.adjusted(margin, margin, -margin, -margin)
    indent = widget.indent()
    if indent > 0:
        rect = rect.adjusted(indent, 0, 0, 0)
    flags = widget.alignment().value
    if widget.buddy() is not None:  # "&Language": the & underlines the L, it takes no room
        flags |= Qt.TextFlag.TextShowMnemonic.value
    if widget.wordWrap():
        flags |= Qt.TextFlag.TextWordWrap.value
    width, height = _text_need(widget, rect, flags, text)
    if width > rect.width() + SLACK or height > rect.height() + SLACK:
        return f"{width}×{height} in {rect.width()}×{rect.height()}"
    return None


def _button_clip(widget: QAbstractButton) -> str | None:
    if not widget.text():
        return None
    if widget.hasHeightForWidth():  # its words wrap (kit/wrap_button.py)
        least = widget.minimumSizeHint().width()
        height = widget.heightForWidth(widget.width())
        if least > widget.width() + SLACK or height > widget.height() + SLACK:
            return (f"{max(least, widget.width())}×{height} in "
                    f"{widget.width()}×{widget.height()} (wrapped)")
        return None
    hint = widget.sizeHint()
    if hint.width() > widget.width() + SLACK or hint.height() > widget.height() + SLACK:
        return f"{hint.width()}×{hint.height()} in {widget.width()}×{widget.height()}"
    return None


def _elided_without_tip(widget: QLabel | QAbstractButton) -> str | None:
    full = widget.property("elided_from")
    if isinstance(full, str) and full and full not in widget.toolTip():
        return f"elided to {widget.text()!r} with no tooltip holding the whole text"
    return None


def _progress_clip(widget: QProgressBar) -> str | None:
    if not widget.isTextVisible():
        return None
    text = widget.text()
    if not text:
        return None
    option = QStyleOptionProgressBar()
    widget.initStyleOption(option)
    rect = widget.style().subElementRect(QStyle.SubElement.SE_ProgressBarContents, option,
                                         widget)
    if rect.isEmpty():
        rect = widget.contentsRect()
    metrics = widget.fontMetrics()
    width = metrics.horizontalAdvance(text)
    height = metrics.height()
    if width > rect.width() + SLACK or height > rect.height() + SLACK:
        return f"{width}×{height} in {rect.width()}×{rect.height()}"
    return None


def _shown(widget: QWidget, root: QWidget) -> bool:
    """Visible, with some area, and not inside a scroll area's viewport below ``root`` (its
    contents may lawfully extend past the window; the scroll bar check covers those)."""
    if not widget.isVisible() or widget.width() <= 0 or widget.height() <= 0:
        return False
    return not widget.visibleRegion().isEmpty()


def _cut_by_parent(widget: QWidget, root: QWidget) -> str | None:
    """Part of ``widget`` lies outside one of its parents up to ``root`` (a layout given
    less room than its minimum lets its children run past the edge, where they are cut)."""
    rect = widget.rect()
    child = widget
    parent = widget.parentWidget()
    while parent is not None and not child.isWindow():
        if isinstance(parent, QAbstractScrollArea) or (
            parent.parentWidget() is not None
            and isinstance(parent.parentWidget(), QAbstractScrollArea)
        ):
            return None  # scrolled: the scroll bar check says so
        rect = rect.translated(child.pos())
        if not parent.rect().contains(rect):
            return (f"cut at the edge of {parent.accessibleName() or type(parent).__name__}"
                    f" ({rect.bottom() - parent.rect().bottom()} px below,"
                    f" {rect.right() - parent.rect().right()} px right)")
        if parent is root:
            break
        child, parent = parent, parent.parentWidget()
    return None


class _Rooms:
    """For one audit: each parent's *room*, the part of its own rect that lies inside every
    parent above it up to where :func:`_cut_by_parent` stops looking (``root``, a window, a
    scroll area or its viewport). A widget is cut by a parent exactly when its rect, in its
    parent's coordinates, is not inside its parent's room: containment in each of a chain of
    rects is containment in their intersection."""

    def __init__(self, root: QWidget) -> None:
        self._root = root
        self._rooms: dict[int, QRect | None] = {}
        self._keep: list[QWidget] = []  # the ids above stay those widgets' for the audit

    def room(self, parent: QWidget) -> QRect | None:
        """``parent``'s room in its own coordinates; ``None``: no limit (a scroll area, or
        its viewport, whose contents may run past its edge)."""
        key = id(parent)
        if key in self._rooms:
            return self._rooms[key]
        grand = parent.parentWidget()
        if isinstance(parent, QAbstractScrollArea) or (
            grand is not None and isinstance(grand, QAbstractScrollArea)
        ):
            room: QRect | None = None
        else:
            room = parent.rect()
            if parent is not self._root and not parent.isWindow() and grand is not None:
                above = self.room(grand)
                if above is not None:
                    room = room.intersected(above.translated(-parent.pos()))
        self._rooms[key] = room
        self._keep.append(parent)
        return room

    def cut(self, widget: QWidget) -> bool:
        """Whether :func:`_cut_by_parent` would report ``widget``."""
        parent = widget.parentWidget()
        if parent is None or widget.isWindow():
            return False
        room = self.room(parent)
        return room is not None and not room.contains(widget.geometry())

    def cut_by_parent(self, widget: QWidget) -> str | None:
        return _cut_by_parent(widget, self._root) if self.cut(widget) else None


def clipped_texts(root: QWidget, skip: QWidget | None = None) -> list[str]:
    """Every visible label, button and progress bar under ``root`` (not under ``skip``)
    whose text does not fit it (or was elided with no tooltip holding it all), or that runs
    past the edge of a parent."""
    found = []
    rooms = _Rooms(root)
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if widget.height() + SLACK < widget.minimumHeight() or (
            widget.width() + SLACK < widget.minimumWidth()
        ):  # a drawing (a chart) given less than it said it needs draws over itself
            found.append(f"{type(widget).__name__} {widget.accessibleName()!r}: squeezed to "
                         f"{widget.width()}×{widget.height()} below its minimum "
                         f"{widget.minimumWidth()}×{widget.minimumHeight()}")
            continue
        if not isinstance(widget, QLabel | QAbstractButton | QProgressBar):
            continue
        if skip is not None and (widget is skip or skip.isAncestorOf(widget)):
            continue
        if not widget.text():
            continue
        if widget.width() <= 0 or widget.height() <= 0:
            why: str | None = "squeezed to nothing"
        elif widget.visibleRegion().isEmpty():
            why = rooms.cut_by_parent(widget)  # past an edge, or scrolled out of view
        elif isinstance(widget, QLabel):
            why = (_elided_without_tip(widget) or _label_clip(widget)
                   or rooms.cut_by_parent(widget))
        elif isinstance(widget, QProgressBar):
            why = _progress_clip(widget) or rooms.cut_by_parent(widget)
        else:
            why = (_elided_without_tip(widget) or _button_clip(widget)
                   or rooms.cut_by_parent(widget))
        if why:
            name = widget.text().replace("\n", " ")[:50]
            found.append(f"{type(widget).__name__} {name!r}: {why}")
    found.extend(clipped_headers(root))
    return found


def clipped_headers(root: QWidget) -> list[str]:
    """Every visible column title under ``root`` that its section cuts: wider than its
    column on one line, or, in a header that wraps (``kit/wrapping_header.py``), taller than
    the header or with a word wider than the column. Qt cuts such a title in its middle
    ("ded knowle"), which no one can read on a projector."""
    found = []
    for header in root.findChildren(QHeaderView):
        model = header.model()
        if (model is None or header.orientation() != Qt.Orientation.Horizontal
                or not header.isVisible()):
            continue  # (a title scrolled out of view is cut or whole all the same)
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        wraps = bool(header.defaultAlignment() & Qt.TextFlag.TextWordWrap)
        flags = (header.defaultAlignment() | Qt.TextFlag.TextWordWrap).value if wraps else 0
        metrics = header.fontMetrics()
        for section in range(header.count()):
            if header.isSectionHidden(section) or header.sectionSize(section) <= 0:
                continue
            text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
            if not text:
                continue
            room = QRect(0, 0, header.sectionSize(section) - 2 * margin,
                         header.height() - 2 * margin)
            if wraps:
                width, height = _text_need(header, QRect(0, 0, room.width(), 100_000), flags,
                                           text)
            else:
                width, height = metrics.horizontalAdvance(text), metrics.height()
            if width > room.width() + SLACK or height > room.height() + SLACK:
                table = header.parentWidget()
                name = table.accessibleName() if table is not None else ""
                found.append(f"column title {text[:50]!r} of {name!r}: "
                             f"{width}×{height} in {room.width()}×{room.height()}")
    return found


def unreachable(root: QWidget) -> list[str]:
    """Every visible control under ``root`` a person cannot fully get at: a combo box, spin
    box, line edit or list squeezed to nothing or running past the edge of a parent that
    does not scroll (inside a scroll area it is reached by scrolling); and a scroll area
    whose contents are wider than it with its sideways scroll bar off (the rest is out of
    reach). Buttons are :func:`clipped_texts`' (their text is what is cut)."""
    found = []
    rooms = _Rooms(root)
    for area in root.findChildren(QScrollArea):
        inner = area.widget()
        if (area.isVisible() and inner is not None
                and area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
                and inner.width() > area.viewport().width() + SLACK):
            found.append(f"{area.accessibleName() or type(area).__name__}: its contents are "
                         f"{inner.width()} px wide in {area.viewport().width()}, with no "
                         f"scroll bar to reach the rest")
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, _CONTROLS) or not widget.isVisible():
            continue
        if widget.width() <= 0 or widget.height() <= 0:
            why: str | None = "squeezed to nothing"
        else:
            why = rooms.cut_by_parent(widget)
        if why:
            name = widget.accessibleName() or widget.objectName() or type(widget).__name__
            found.append(f"{type(widget).__name__} {name!r}: {why}")
    return found


def scroll_bars(root: QWidget, orientation: Qt.Orientation | None = None) -> list[str]:
    """Visible scroll bars under ``root`` (named by the area they scroll); only the
    ``orientation`` ones when given (a panel may scroll down at a large text size, never
    sideways: a line read by scrolling left and right is a line cut)."""
    found = []
    for bar in root.findChildren(QScrollBar):
        if not _shown(bar, root) or (orientation is not None
                                     and bar.orientation() != orientation):
            continue
        area = bar.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        name = area.accessibleName() if area is not None else ""
        found.append(f"scroll bar on {name or type(area).__name__}")
    return found


def outside(window: QWidget, screen: QRect) -> list[str]:
    """``window`` past the edges of ``screen``, or one of its visible widgets past the
    window's edges (a widget cut off by the window frame)."""
    found = []
    frame = window.frameGeometry()
    if window.width() > screen.width() or window.height() > screen.height():
        found.append(f"{window.windowTitle() or type(window).__name__}: "
                     f"{frame.width()}×{frame.height()} at {frame.x()},{frame.y()} "
                     f"outside the screen {screen.width()}×{screen.height()}")
    inside = window.rect()
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window or widget.width() <= 0:
            continue
        if _in_scrolled(widget, window):
            continue
        rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        if not inside.contains(rect) and not rect.intersected(inside).isEmpty():
            name = widget.accessibleName() or widget.objectName() or type(widget).__name__
            found.append(f"{name}: {rect.width()}×{rect.height()} at {rect.x()},{rect.y()} "
                         f"past the window's {inside.width()}×{inside.height()}")
    return found


def _in_scrolled(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def smallest_text_px(root: QWidget) -> int:
    """The smallest pixel size of any visible label's text under ``root`` (0 if none)."""
    sizes = [
        w.fontInfo().pixelSize() for w in root.findChildren(QLabel)
        if w.text() and _shown(w, root)
    ]
    return min(sizes, default=0)
