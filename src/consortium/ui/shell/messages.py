"""Plain messages on the laptop: a file that cannot be opened, a save that failed, a session
resumed from an earlier autosave. Never a traceback.

Every box opens window-modal without blocking (``open``, not ``exec``), so the game's timers
keep running behind it and tests can read and close it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QGridLayout, QMessageBox, QSizePolicy, QSpacerItem, QWidget

from consortium.present.i18n import _, ngettext

SHOWN_LINES = 12  # more problems than this go behind "Show Details…"
WIDTH = 720  # pixels: a file path and a problem's place fit on one line


def widen(box: QMessageBox, width: int = WIDTH) -> None:
    """A message box sizes itself to its first line; paths and places read better wide."""
    layout = box.layout()
    if isinstance(layout, QGridLayout):
        spacer = QSpacerItem(width, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)
        layout.addItem(spacer, layout.rowCount(), 0, 1, layout.columnCount())


def message(
    parent: QWidget,
    title: str,
    text: str,
    lines: Sequence[str] = (),
    *,
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
) -> QMessageBox:
    """A message box with ``text`` and, below it, the problem ``lines`` as they are."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setAccessibleName(title)
    box.setText(text)
    if lines:
        shown = list(lines[:SHOWN_LINES])
        if len(lines) > SHOWN_LINES:
            more = len(lines) - SHOWN_LINES
            shown.append(ngettext("… and {count} more (Show Details…)",
                                  "… and {count} more (Show Details…)", more).format(count=more))
            box.setDetailedText("\n".join(lines))
        box.setInformativeText("\n".join(shown))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    widen(box)
    box.open()
    return box


def confirm(
    parent: QWidget, title: str, text: str, detail: str, yes: str, no: str,
    on_yes: Callable[[], object],
) -> QMessageBox:
    """Ask before a step that cannot be undone. "No" is the default button, so an Enter
    pressed out of habit keeps the game; ``on_yes`` runs only on the explicit "yes"."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setAccessibleName(title)
    box.setText(text)
    box.setInformativeText(detail)
    accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    accept.setAccessibleName(yes)
    accept.setAccessibleDescription(f"{text} {detail}")  # what "yes" does, as the box says
    keep = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    keep.setAccessibleName(no)
    keep.setAccessibleDescription(_("Closes this question; nothing changes."))
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    accept.clicked.connect(on_yes)
    widen(box)
    box.open()
    return box
