"""Tiny constructors for the widgets every screen uses (typed: the PySide6 stubs do not
accept ``objectName=`` as a constructor keyword).

Qt's ``Qt`` namespace is reached through ``QtCore`` where it is used, never imported at the
top of a module the start screen loads: its first touch builds about a hundred Python enums,
a fifth of what a bare PySide6 window costs to open (bench/launch.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from consortium.ui.kit.wrap_button import WrapButton

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressBar, QScrollArea, QSpinBox


def label(text: str = "", name: str = "", *, wrap: bool = False, fit: bool = False) -> QLabel:
    """A label with a style name (``title``, ``heading``, ``big``, ``hint``…). Always plain
    text: scenario texts and names are written by people, and a tag in them must show as
    typed, never as markup (Qt would guess rich text from the first tag). Set by the enum's
    name, as :func:`centred` does, which spares the start screen the ``Qt`` namespace.
    ``fit``: its type shrinks when its longest word is wider than it (kit/fit_label.py: a
    Swedish compound at 200 % in the facilitator's column)."""
    if fit:
        from consortium.ui.kit.fit_label import FitLabel  # noqa: PLC0415 - not at launch

        widget: QLabel = FitLabel(text)
    else:
        widget = QLabel(text)
    widget.setProperty("textFormat", "PlainText")
    if name:
        widget.setObjectName(name)
    widget.setWordWrap(wrap)
    return widget


def button(text: str, name: str = "", *, accessible: str = "", description: str = ""
           ) -> QPushButton:
    """A push button (its words wrap when it is narrower than them: kit/wrap_button.py);
    ``name`` "secondary" draws it as an outline. ``description`` is what a screen reader
    says after the name: what pressing it does (tests/ui/a11y_tree.py)."""
    widget = WrapButton(text)
    if name:
        widget.setObjectName(name)
    widget.setAccessibleName(accessible or text.split(" (", maxsplit=1)[0])
    if description:
        widget.setAccessibleDescription(description)
    return widget


def centred(widget: QLabel) -> QLabel:
    """``widget`` with its text centred. The alignment is set by the flag's name (Qt reads it
    like a style sheet's ``qproperty-alignment``), which spares the start screen the ``Qt``
    namespace (see the module docstring)."""
    widget.setProperty("alignment", "AlignCenter")
    return widget


def centred_row(widget: QWidget) -> QHBoxLayout:
    """A row that holds ``widget`` at its natural width, centred (a box layout's
    ``AlignHCenter``, without the ``Qt`` namespace: see the module docstring)."""
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(widget)
    row.addStretch(1)
    return row


def spin_box(accessible: str, low: int, high: int, *, description: str = "") -> QSpinBox:
    """A number field named (and described: what the number sets) for screen readers, its
    text field included: Qt gives the line edit inside a spin box no name of its own, so a
    reader landing on it would say nothing."""
    from PySide6.QtWidgets import QLineEdit, QSpinBox  # noqa: PLC0415 - not at launch

    widget = QSpinBox()
    widget.setRange(low, high)
    widget.setAccessibleName(accessible)
    widget.setAccessibleDescription(description)
    for editor in widget.findChildren(QLineEdit):
        editor.setAccessibleName(accessible)
        editor.setAccessibleDescription(description)
    return widget


def set_shown(widget: QWidget, shown: bool) -> bool:
    """``setVisible`` only when it changes something (the board calls this for every widget
    on every move; a redundant call still walks Qt's show/hide machinery). True if changed.

    A widget never shown or hidden explicitly is always told: a new child of a visible
    window reads as hidden until Qt's queued show reaches it, and skipping the call would
    let that show put an empty label on the board."""
    explicit = widget.testAttribute(QtCore.Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
    if explicit and widget.isHidden() != shown:
        return False
    widget.setVisible(shown)
    return True


def show_text(widget: QLabel, text: str) -> bool:
    """Show ``text`` (hide the label when it is empty), touching the widget only where it
    differs: the board updates every label on every move, and an unchanged ``setText`` or
    ``setVisible`` still costs a layout pass. True when anything changed."""
    changed = False
    if widget.text() != text:
        widget.setText(text)
        changed = True
    return set_shown(widget, bool(text)) or changed


def set_progress(bar: QProgressBar, value: int, maximum: int) -> bool:
    """``bar`` at ``value`` of ``maximum``, painted with the rest of the window on the next
    turn of the event loop. ``QProgressBar.setValue`` (and ``setMaximum`` below the value)
    repaints at once, and a repaint of one child paints and flushes every dirty region of its
    whole window there and then: a move that advanced six task cards painted the board six
    times inside one change handler (bench/what_if.py, docs/performance.md). True when
    anything changed."""
    if bar.value() == value and bar.maximum() == maximum:
        return False
    bar.setUpdatesEnabled(False)  # Qt's repaint() does nothing while updates are off
    bar.setMaximum(maximum)
    bar.setValue(value)
    bar.setUpdatesEnabled(True)  # and this asks for an ordinary, deferred update
    return True


def grow_to_words(window: QWidget) -> None:
    """Make a dialog as tall as its wrapped lines need at the width it has.

    A window sizes itself at its size hint's width and is then narrowed to the screen (or
    widened to its minimum), keeping the height of the first width: at 200 % text a dialog's
    wrapped explanation was cut by a line or two. Capped at the screen's height."""
    layout = window.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    height = layout.totalHeightForWidth(window.width())
    screen = window.screen()
    if screen is not None:
        height = min(height, screen.availableGeometry().height())
    if height > window.height():
        window.resize(window.width(), height)


def scroll_down(widget: QWidget, name: str = "") -> QScrollArea:
    """``widget`` in a frameless scroll area that scrolls down only: when its wrapped lines
    are taller than the room (200 % text on a 768-pixel laptop) they get the height they
    need and it scrolls, instead of being squeezed and cut; never sideways."""
    from consortium.ui.kit.down_scroll import DownScrollArea  # noqa: PLC0415 - not at launch

    scroll = DownScrollArea()
    scroll.setWidgetResizable(True)
    # by the enums' names: the start screen scrolls too, and must not build Qt's namespace
    scroll.setProperty("frameShape", "NoFrame")
    scroll.setProperty("horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
    scroll.setWidget(widget)
    if name:
        scroll.setAccessibleName(name)
    return scroll
