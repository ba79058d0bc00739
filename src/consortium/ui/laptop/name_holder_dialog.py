"""Facilitator, mid-game: "Name a holder…" — say out loud who holds a card (of a lost
perspective, say), which makes it public for good (the engine's ``NameHolder``).

A dialog on the laptop, never part of the shared board: the facilitator picks a participant
and one of their hidden cards, which only this dialog shows, then confirms ("This card will be
shown to everyone"). With one screen (or a projector mirroring the laptop) the laptop *is* the
shared screen, so the dialog opens on a curtain of its own and lists no hidden card until the
facilitator, alone at the screen, asks for them. Built from the public view and the controller's
:meth:`~consortium.ui.controller.GameController.hidden_cards`; emits ``named(seat, slot)``
after the confirm. Listens to no signal: it is built when opened and thrown away after.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from consortium.engine.state import Card, PublicState
from consortium.present.i18n import N_, _
from consortium.present.labels import card_text, seat_title
from consortium.ui.kit.widgets import label

CONFIRM = N_("This card will be shown to everyone")


class NameHolderDialog(QDialog):
    named = Signal(int, int)

    def __init__(
        self,
        view: PublicState,
        hidden: Sequence[tuple[int, int, Card]],
        parent: QWidget | None = None,
        *,
        shared_screen: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Name a holder"))
        self.setAccessibleName(_("Name a holder"))
        self._view = view
        self._hidden = list(hidden)
        seats = sorted({seat for seat, _slot, _card in self._hidden})
        self.who = QComboBox()
        self.who.setAccessibleName(_("Participant"))
        self.who.setAccessibleDescription(_("The person the room named as the holder."))
        for seat in seats:
            self.who.addItem(seat_title(view, seat), seat)
        self.card = QComboBox()
        self.card.setAccessibleName(_("Hidden card"))
        self.card.setAccessibleDescription(
            _("The card of theirs to show to everyone; only its holder's hidden cards are "
              "listed."))
        self.next_button = QPushButton(_("Name this holder…"))
        self.next_button.setAccessibleName(_("Name this holder"))
        self.next_button.setAccessibleDescription(
            _("Asks once more before the card is shown on the board."))
        self.next_button.setDefault(True)
        cancel = QPushButton(_("Cancel"))
        cancel.setAccessibleName(_("Cancel"))
        cancel.setAccessibleDescription(_("Closes without showing any card."))
        choose = QWidget()
        form = QFormLayout()
        form.addRow(_("Participant"), self.who)
        form.addRow(_("Hidden card"), self.card)
        box = QVBoxLayout(choose)
        box.addWidget(label(_("Only you should see these cards. The one you name becomes "
                              "public for good."), name="hint", wrap=True))
        box.addLayout(form)
        buttons = QDialogButtonBox()
        buttons.addButton(self.next_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        box.addWidget(buttons)

        confirm = QWidget()
        self.confirm_text = label(name="big", wrap=True)
        self.confirm_button = QPushButton(_("Show it to everyone"))
        self.confirm_button.setAccessibleName(_("Show it to everyone"))
        self.confirm_button.setAccessibleDescription(
            _("The card becomes public on the board for good."))
        back = QPushButton(_("Back"))
        back.setAccessibleName(_("Back"))
        back.setAccessibleDescription(_("Back to choosing the participant and the card."))
        c = QVBoxLayout(confirm)
        c.addWidget(self.confirm_text)
        row = QDialogButtonBox()
        row.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        row.addButton(back, QDialogButtonBox.ButtonRole.RejectRole)
        c.addWidget(row)

        curtain = QWidget()
        self.show_cards_button = QPushButton(_("Show the hidden cards (only me at the screen)"))
        self.show_cards_button.setAccessibleName(_("Show the hidden cards"))
        self.show_cards_button.setAccessibleDescription(
            _("Lists everyone's hidden cards on this screen: only the facilitator should "
              "look."))
        self.show_cards_button.setDefault(True)
        close = QPushButton(_("Cancel"))
        close.setAccessibleName(_("Cancel"))
        close.setAccessibleDescription(_("Closes without showing any card."))
        k = QVBoxLayout(curtain)
        k.addWidget(label(_("This screen is the one the room sees. Turn it away, or have the "
                            "room look away, before the hidden cards show."), name="big",
                          wrap=True))
        row2 = QDialogButtonBox()
        row2.addButton(self.show_cards_button, QDialogButtonBox.ButtonRole.AcceptRole)
        row2.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        k.addWidget(row2)

        self.pages = QStackedWidget()
        self.pages.addWidget(choose)
        self.pages.addWidget(confirm)
        self.pages.addWidget(curtain)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        if not self._hidden:
            box.insertWidget(0, label(_("Every card of the people in the room is already "
                                        "public."), wrap=True))
            self.next_button.setEnabled(False)

        self.who.currentIndexChanged.connect(self._on_who_changed)
        self.next_button.clicked.connect(self._on_next_clicked)
        cancel.clicked.connect(self.reject)
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.confirm_button.clicked.connect(self._on_confirm_clicked)
        self.show_cards_button.clicked.connect(self._on_show_cards_clicked)
        close.clicked.connect(self.reject)
        self._cards_shown = not shared_screen
        if shared_screen:
            self.pages.setCurrentWidget(curtain)
        self._on_who_changed()

    def _on_show_cards_clicked(self) -> None:
        self._cards_shown = True
        self.pages.setCurrentIndex(0)
        self._on_who_changed()
        self.who.setFocus()

    def _on_who_changed(self) -> None:
        seat = self.who.currentData()
        self.card.clear()
        if not self._cards_shown:
            return  # behind the dialog's own curtain: no hidden card in any widget
        for s, slot, card in self._hidden:
            if s == seat:
                self.card.addItem(card_text(self._view.catalog, card), slot)

    def _on_next_clicked(self) -> None:
        if self.who.currentData() is None or self.card.currentData() is None:
            return
        name = self._view.participants[int(self.who.currentData())].name
        self.confirm_text.setText(
            _("{confirm}: {name} holds {card}. It cannot be undone.").format(
                confirm=_(CONFIRM), name=name, card=self.card.currentText())
        )
        self.pages.setCurrentIndex(1)
        self.confirm_button.setFocus()

    def _on_confirm_clicked(self) -> None:
        self.named.emit(int(self.who.currentData()), int(self.card.currentData()))
        self.accept()
