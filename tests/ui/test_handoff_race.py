"""The hand-off curtain cannot leak (issue 12): keys pressed as fast as a person can at every
hand-off, keys held down, keys typed while a bot decides, never show the next person's hand,
hours or motivation on the laptop or the board; only a deliberate lift does (a hold of
Space, or a click on "Show my hand" once the curtain has armed)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from consortium.engine.state import Phase
from consortium.engine.views import player_view
from consortium.present.labels import card_text, hours
from consortium.ui.laptop.curtain import Curtain
from consortium.ui.laptop.private_panel import PrivatePanel
from consortium.ui.shell.main_window import MainWindow
from consortium.ui.shell.seats_model import BOT, PERSON
from tests.ui.driver import Driver
from tests.ui.handoff import hold_space
from tests.ui.widget_text import dump


def start(qtbot: QtBot, window: MainWindow, kinds: tuple[str, ...]) -> Curtain:
    """A new session from the new-session page with these kinds of seat; round 1 is
    Plenary (the 90-minute plan)."""
    qtbot.mouseClick(window.start.new_button, Qt.MouseButton.LeftButton)
    page = window.setup_page
    assert page is not None
    model = page.seats
    while model.rowCount() < len(kinds):
        assert model.add_seat()
    for row, kind in enumerate(kinds):
        assert model.setData(model.index(row, 2), kind)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    c = window.controller
    qtbot.waitUntil(lambda: c.view.phase is Phase.INTRO_COUNT)
    return window.game.curtain


def private_words(window: MainWindow) -> list[str]:
    """Every seat's hidden cards, hours and motivation as the private panel words them."""
    state = window.controller.state
    view = window.controller.view
    words = []
    for seat in range(view.seats):
        pv = player_view(state, seat)
        for slot, card in enumerate(pv.private.hand):
            if view.participants[seat].public_cards[slot] is None:
                words.append(card_text(view.catalog, card))
        words.append(hours(pv.private.hours))
    return words


def assert_nothing_private(window: MainWindow) -> None:
    """No private panel anywhere, and no hidden card of any seat in any text the laptop or the
    board could show."""
    assert not window.findChildren(PrivatePanel)
    assert not window.board.findChildren(PrivatePanel)
    shown = "\n".join(dump(window) + dump(window.board))
    for word in private_words(window):
        if "h" not in word:  # hours like "7 h" also occur in public costs; cards never do
            assert word not in shown, word
    assert "Your hours this round" not in shown and "Motivation:" not in shown


def key(widget: QWidget, kind: QEvent.Type, k: Qt.Key, *, repeat: bool = False) -> None:
    QApplication.sendEvent(widget, QKeyEvent(kind, k, Qt.KeyboardModifier.NoModifier, "",
                                             repeat))


def test_space_enter_enter_space_never_opens_the_next_hand(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The trainer's report on 0.1.0: New session, Start, one introduction, Space, Enter,
    Enter (confirm), Space opened participant 2's hand at once."""
    curtain = start(qtbot, window, (PERSON,) * 6)
    c = window.controller
    qtbot.mouseClick(window.game.panel.buttons["intros-1"], Qt.MouseButton.LeftButton)
    assert curtain.active and c.view.actor == 0
    hold_space(qtbot, curtain)
    f = QApplication.focusWidget
    qtbot.keyClick(f(), Qt.Key.Key_Return)
    qtbot.keyClick(f(), Qt.Key.Key_Return)  # confirm: the card is shown
    assert c.view.actor == 1 and curtain.panel is None
    for k in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Space, Qt.Key.Key_Enter):
        qtbot.keyClick(f(), k)  # as fast as a person can
        assert_nothing_private(window)
    qtbot.wait(curtain.arm_ms + 50)  # armed now: a tap is still not a lift
    qtbot.keyClick(f(), Qt.Key.Key_Space)
    qtbot.wait(curtain.hold_ms + 50)
    assert_nothing_private(window)
    assert "seat 2" in curtain.prompt_text.text()
    hold_space(qtbot, curtain)  # deliberately: participant 2 sees their own hand
    assert curtain.panel is not None and curtain.seat == 1


def test_a_click_right_after_confirm_is_dropped(qtbot: QtBot, window: MainWindow) -> None:
    """A double click on Confirm: the second click lands on the curtain, which has not armed."""
    curtain = start(qtbot, window, (PERSON,) * 6)
    qtbot.mouseClick(window.game.panel.buttons["intros-1"], Qt.MouseButton.LeftButton)
    hold_space(qtbot, curtain)
    panel = curtain.panel
    assert panel is not None
    qtbot.keyClick(panel.choices, Qt.Key.Key_Return)
    qtbot.mouseClick(panel.confirm, Qt.MouseButton.LeftButton)
    assert window.controller.view.actor == 1
    qtbot.mouseClick(curtain.show_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(curtain.prompt, Qt.MouseButton.LeftButton)
    assert_nothing_private(window)


def test_held_keys_and_auto_repeat_never_lift_the_curtain(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Space or Enter held down across a hand-off: the auto-repeats that follow reach the
    next curtain, armed or not, and never lift it; a held Space does not hide the hand
    it lifted either."""
    curtain = start(qtbot, window, (PERSON,) * 6)
    qtbot.mouseClick(window.game.panel.buttons["intros-1"], Qt.MouseButton.LeftButton)
    for seat in range(3):
        hold_space(qtbot, curtain)
        panel = curtain.panel
        assert panel is not None
        key(panel.choices, QEvent.Type.KeyPress, Qt.Key.Key_Space, repeat=True)
        assert curtain.panel is panel  # a Space still held from the lift hides nothing
        key(panel.choices, QEvent.Type.KeyPress, Qt.Key.Key_Return)
        key(panel.confirm, QEvent.Type.KeyPress, Qt.Key.Key_Return, repeat=True)
        assert curtain.panel is panel  # an auto-repeated Enter does not confirm
        key(panel.confirm, QEvent.Type.KeyPress, Qt.Key.Key_Return)
        assert window.controller.view.actor == seat + 1
        for k in (Qt.Key.Key_Return, Qt.Key.Key_Space):  # held: repeats, for a good while
            for _ in range(12):
                key(curtain, QEvent.Type.KeyPress, k, repeat=True)
                key(curtain, QEvent.Type.KeyRelease, k, repeat=True)
                qtbot.wait(60)
                assert_nothing_private(window)


def test_keys_typed_while_a_bot_decides_are_dropped(qtbot: QtBot, window: MainWindow) -> None:
    """A person, a bot, a person: keys typed while the bot is "deciding…" (and queued until
    the next curtain) never open the next person's hand."""
    window.controller.set_pacing(300)
    curtain = start(qtbot, window, (PERSON, BOT, PERSON, BOT, BOT, BOT))
    c = window.controller
    qtbot.mouseClick(window.game.panel.buttons["intros-1"], Qt.MouseButton.LeftButton)
    hold_space(qtbot, curtain)
    panel = curtain.panel
    assert panel is not None
    qtbot.keyClick(panel.choices, Qt.Key.Key_Return)
    qtbot.keyClick(panel.confirm, Qt.Key.Key_Return)
    assert c.view.actor == 1 and not curtain.active  # the bot is deciding
    f = QApplication.focusWidget
    for _ in range(40):  # hammering Space and Enter until seat 3's curtain is up and after
        target = f() or window
        qtbot.keyClick(target, Qt.Key.Key_Space)
        qtbot.keyClick(target, Qt.Key.Key_Return)
        assert_nothing_private(window)
        qtbot.wait(15)
    assert c.view.actor == 2 and curtain.active
    assert_nothing_private(window)


class Hammering(Driver):
    """The usual driver, and after every private act someone keeps pressing Space and Enter
    (taps, and held keys' auto-repeats) before the next person takes the laptop."""

    hammered = 0

    def private_turn(self) -> None:
        super().private_turn()
        target = QApplication.focusWidget() or self.w
        for k in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Space):
            self.qtbot.keyClick(target, k)
        key(self.curtain, QEvent.Type.KeyPress, Qt.Key.Key_Space, repeat=True)
        key(self.curtain, QEvent.Type.KeyPress, Qt.Key.Key_Return, repeat=True)
        assert self.curtain.panel is None
        assert not self.w.findChildren(PrivatePanel)
        self.hammered += 1


@pytest.mark.parametrize("secret", [False, True], ids=["open hands", "secret ballot"])
def test_a_whole_game_of_hammered_hand_offs(
    qtbot: QtBot, window: MainWindow, secret: bool
) -> None:
    driver = Hammering(qtbot, window)
    driver.start(1, rounds=2, secret_ballot=secret)  # Plenary, then Pick your own
    driver.play()
    assert driver.hammered == driver.seen.curtains >= 4
    assert driver.curtain.lifts == driver.seen.hands * 2  # each hand shown twice, deliberately
