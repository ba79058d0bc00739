"""Type a table code from another table (issue 16): the new-session page then sets up the
very same game — scenario, seats' sectors, rounds, schedule, turnover, seed, secret ballot.

The dialog stays open on a mistyped code and says what is wrong under the field, so a trainer
fixes one group instead of typing the whole code again. Reading and applying the code is the
page's (``apply`` returns the problem in words, or ``None`` once applied).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from consortium.present.i18n import _
from consortium.ui.kit.widgets import grow_to_words, label


class TableCodeDialog(QDialog):
    """One field for the code, its problem under it, OK and Cancel."""

    def __init__(self, apply: Callable[[str], str | None], parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self._apply = apply
        self.setWindowTitle(_("Use a table code"))
        self.field = QLineEdit()
        self.field.setObjectName("code")
        self.field.setAccessibleName(_("Table code"))
        self.field.setPlaceholderText(_("The code from the other table"))
        self.problem = label(wrap=True, name="notice")
        self.problem.setAccessibleName(_("What is wrong with the code"))
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label(_("Type the code another table shows on its new-session page. "
                                 "Spaces, dashes and small letters do not matter."),
                               wrap=True))
        layout.addWidget(self.field)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        # wide enough for a whole code in the field (about 50 characters in the code face),
        # but never wider than the screen (at 200 % the field scrolls the code instead)
        wanted = self.field.fontMetrics().horizontalAdvance("W" * 52) + 48
        screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
        if screen is not None:
            wanted = min(wanted, screen.availableGeometry().width() * 9 // 10)
        self.setMinimumWidth(wanted)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        grow_to_words(self)

    def accept(self) -> None:
        problem = self._apply(self.field.text())
        if problem is None:
            super().accept()
            return
        self.problem.setText(problem)
        self.problem.show()
        self.adjustSize()  # room for the problem's lines, not squeezed into the old height
        grow_to_words(self)
        self.field.setFocus()
