"""Facilitator → Name a holder…: the hidden cards are listed in a dialog on the laptop only,
the choice is confirmed ("This card will be shown to everyone"), and then the card is public
on the board, for good (Undo says so)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from consortium.engine.events import HolderNamed
from consortium.present.i18n import _
from consortium.present.labels import card_short, card_text
from consortium.ui.laptop.name_holder_dialog import CONFIRM, NameHolderDialog
from consortium.ui.shell.main_window import MainWindow
from tests.ui.driver import Driver
from tests.ui.widget_text import dump

PLENARY = 1


def test_name_a_holder_shows_the_card_on_the_board(qtbot: QtBot, window: MainWindow) -> None:
    driver = Driver(qtbot, window)
    driver.start(PLENARY)
    driver.settle()
    c = window.controller
    seat = 1
    chip = window.board.strip.chips[seat]
    before = chip._cards.full_text()
    window.menu.name_holder.trigger()
    dialog = window.name_holder_dialog
    assert dialog is not None and dialog.isVisible()
    assert not window.board.isAncestorOf(dialog)  # the laptop only, never the board
    # one screen: the laptop is what the room sees, so the dialog opens on its own curtain
    # and no widget of it holds a hidden card yet
    everything = " ".join(dump(dialog))
    assert all(card_text(c.view.catalog, card) not in everything
               for _seat, _slot, card in c.hidden_cards())
    assert dialog.card.count() == 0 and not dialog.who.isVisible()
    qtbot.mouseClick(dialog.show_cards_button, Qt.MouseButton.LeftButton)
    dialog.who.setCurrentIndex(dialog.who.findData(seat))
    assert dialog.who.currentText().startswith("Ben (")
    hidden = [(slot, card) for s, slot, card in c.hidden_cards() if s == seat]
    assert dialog.card.count() == len(hidden)
    slot, card = hidden[1]
    dialog.card.setCurrentIndex(1)
    assert dialog.card.currentText() == card_text(c.view.catalog, card)
    board_before = " ".join(dump(window.board))
    assert card_text(c.view.catalog, card) not in board_before
    # the confirm step; nothing is public yet
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.confirm_text.text() == _(
        "{confirm}: {name} holds {card}. It cannot be undone.").format(
        confirm=_(CONFIRM), name="Ben", card=card_text(c.view.catalog, card))
    assert c.view.participants[seat].public_cards[slot] is None
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert window.name_holder_dialog is None
    assert c.view.participants[seat].public_cards[slot] == card
    assert card_short(c.view.catalog, card) in chip._cards.full_text()
    assert chip._cards.full_text() != before
    assert type(c.actions[-1]).__name__ == "NameHolder"  # in the log: a save replays it
    domain = c.view.catalog.domain_name(card.domain)
    assert c.view.log[-1].event == HolderNamed(seat, "Ben", card.domain, domain)
    assert not window.menu.undo.isEnabled()
    assert "Ben showed a card to everyone" in window.menu.undo.text()
    # the dialog took its list of hidden cards with it
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not window.findChildren(NameHolderDialog)


def test_cancel_names_nobody(qtbot: QtBot, window: MainWindow) -> None:
    driver = Driver(qtbot, window)
    driver.start(PLENARY)
    driver.settle()
    c = window.controller
    log = c.actions
    window.menu.name_holder.trigger()
    dialog = window.name_holder_dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.show_cards_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    back = next(b for b in dialog.findChildren(type(dialog.next_button))
                if b.text() == _("Back"))
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 0
    dialog.reject()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.name_holder_dialog is None and c.actions == log
    assert not window.findChildren(NameHolderDialog)


def test_with_a_projector_the_laptop_lists_the_cards_at_once(qtbot: QtBot) -> None:
    from consortium.ui.controller import GameController
    from tests.ui.conftest import plain_window

    controller = GameController(pacing_ms=0)
    win = plain_window(qtbot, controller, dual_screen=True)
    driver = Driver(qtbot, win)
    driver.start(PLENARY)
    driver.settle()
    win.menu.name_holder.trigger()
    dialog = win.name_holder_dialog
    assert dialog is not None and dialog.who.isVisible() and dialog.card.count() > 0
    assert not win.board.isAncestorOf(dialog)
    dialog.reject()
    controller.end_game()
    win.board.close()
