"""Printed hands: "Name a holder…" without listing anyone's hidden cards (docs/printed-hands.md).

In a printed-hands session no screen shows a hand, so the facilitator cannot pick a hidden
card from a list: they ask the room, and the holder says it aloud. The dialog offers the
participants in the room and every domain of the scenario; "Show it to everyone" emits
``named(seat, domain)`` (``GameController.enter_holder`` finds the card on the seat's sheet,
or refuses). Built when opened and thrown away after.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from consortium.engine.state import PublicState
from consortium.present.i18n import _
from consortium.present.labels import seat_title
from consortium.ui.kit.widgets import label


class PrintedHolderDialog(QDialog):
    named = Signal(int, str)

    def __init__(self, view: PublicState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Name a holder"))
        self.setAccessibleName(_("Name a holder"))
        self.who = QComboBox()
        self.who.setAccessibleName(_("Participant"))
        self.who.setAccessibleDescription(_("The person the room named as the holder."))
        for seat, p in enumerate(view.participants):
            if p.present:
                self.who.addItem(seat_title(view, seat), seat)
        self.card = QComboBox()
        self.card.setAccessibleName(_("Card named"))
        self.card.setAccessibleDescription(
            _("The card the holder reads aloud from their printed sheet."))
        for d in sorted(view.catalog.domains, key=lambda d: d.name):
            self.card.addItem(d.name, d.id)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.show_button = buttons.addButton(_("Show it to everyone"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.show_button.setAccessibleName(_("Show it to everyone"))
        self.show_button.setAccessibleDescription(
            _("The card becomes public on the board for good."))
        buttons.accepted.connect(self._on_accepted)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(_("Participant"), self.who)
        form.addRow(_("Card named"), self.card)
        layout = QVBoxLayout(self)
        layout.addWidget(label(_("Ask the room who holds the card; the holder says it aloud "
                                 "from their sheet. It becomes public for good."), wrap=True))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _on_accepted(self) -> None:
        self.named.emit(int(self.who.currentData()), str(self.card.currentData()))
        self.accept()
