"""Facilitator controls through the menu and panel: talk clock, pause, skip a turn, replace a
person by a bot and back, fast-forward, end the game early, second screen, drag and drop."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from consortium.engine.actions import Deliberate, Talk
from consortium.engine.state import Mode, Phase
from consortium.present.i18n import _, ngettext
from consortium.present.labels import mode_label
from consortium.ui.board.participant_chip import SEAT_MIME
from consortium.ui.controller import GameController
from consortium.ui.laptop.private_panel import PrivatePanel
from consortium.ui.shell.main_window import MainWindow
from tests.ui.conftest import plain_window
from tests.ui.driver import Driver
from tests.ui.handoff import click_show

PLENARY, PICK, CHOOSE = 1, 2, 4


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def answer(qtbot: QtBot, window: MainWindow, button: str) -> None:
    """Click ``button`` in the question the window is asking."""
    box = window.last_message
    assert box is not None and box.isVisible()
    choice = next(b for b in box.buttons() if b.text() == button)
    qtbot.mouseClick(choice, Qt.MouseButton.LeftButton)
    assert not box.isVisible()


def test_talk_clock_charges_started_minutes(qtbot: QtBot) -> None:
    clock = FakeTime()
    controller = GameController(pacing_ms=0, now=clock)
    win = plain_window(qtbot, controller)
    driver = Driver(qtbot, win)
    driver.qtbot.mouseClick(win.start.new_button, Qt.MouseButton.LeftButton)
    assert win.setup_page is not None
    win.setup_page.talk_clock.setChecked(True)
    driver.qtbot.mouseClick(win.start.new_button, Qt.MouseButton.LeftButton)
    driver.start(PLENARY)
    driver.settle()
    driver.click(driver.button("intros-0"))
    driver.settle()
    assert controller.view.phase is Phase.DELIBERATION
    driver.click(driver.button("clock"))
    clock.now += 7 * 60 + 5  # 7 min 5 s: 8 started minutes
    win.menu.clock.trigger()  # stop via the menu (Ctrl+T)
    assert win.board.header.clock_label.text() == _("Talk clock {time} (stopped)").format(
        time="07:05")
    driver.click(driver.button("talked"))
    assert Deliberate(8) in controller.actions
    driver.settle()
    assert controller.view.phase is Phase.PLACEMENT
    driver.click(driver.button("clock"))
    clock.now += 100
    # a pause stops the clock; resuming starts it again where it stood
    win.menu.pause.trigger()
    assert not controller.session.clock_running
    clock.now += 600  # ten minutes of coffee are not talk
    win.menu.pause.trigger()
    assert controller.session.clock_running
    assert win.board.header.clock_label.text() == _("Talk clock {time} (running)").format(
        time="01:40")
    # Ctrl+T in a pause: the clock stays stopped after it (and never runs during it)
    win.menu.pause.trigger()
    win.menu.clock.trigger()
    assert controller.session.notice == _("The talk clock stays stopped after the pause.")
    assert not controller.session.clock_running
    win.menu.pause.trigger()
    assert not controller.session.clock_running
    driver.click(driver.button("clock"))
    driver.click(driver.button("vote"))
    assert Talk(2) in controller.actions
    controller.end_game()


def test_the_talk_clock_can_be_switched_on_mid_game(qtbot: QtBot) -> None:
    clock = FakeTime()
    controller = GameController(pacing_ms=0, now=clock)
    win = plain_window(qtbot, controller)
    driver = Driver(qtbot, win)
    driver.start(PLENARY)  # set up without the clock
    driver.settle()
    driver.click(driver.button("intros-0"))
    driver.settle()
    assert not controller.session.talk_clock and "clock" not in win.game.panel.buttons
    assert win.menu.clock.isEnabled()
    win.menu.clock.trigger()  # Ctrl+T
    assert controller.session.talk_clock and controller.session.clock_running
    clock.now += 125
    driver.click(driver.button("talked"))
    assert Deliberate(3) in controller.actions  # charged by the clock from now on
    assert controller.room.talk_clock  # and a resumed session keeps it
    controller.end_game()


def test_pause_skip_replace_fast_forward(qtbot: QtBot, window: MainWindow) -> None:
    driver = Driver(qtbot, window)
    c = window.controller
    driver.start(PICK)
    driver.settle()
    assert driver.curtain.active
    seat = c.view.actor
    assert seat is not None
    # skip: Stay is impossible in round 1, so the person sits out
    window.menu.skip.trigger()
    assert seat in c.view.sat_out
    driver.settle()
    # pause stops bots and people alike; the board says so; nothing private stays open
    window.menu.pause.trigger()
    assert c.session.paused and window.board.header.status_label.text() == _("Paused")
    assert not driver.curtain.active
    assert "resume" in window.game.panel.buttons
    window.menu.pause.trigger()
    assert not c.session.paused
    driver.settle()
    # replace the person now choosing by a bot, and back
    now = c.view.actor
    assert now is not None and c.session.is_person(now)
    name = c.view.participants[now].name
    menu_item = next(a for a in window.menu.seats.actions()
                     if a.text() == _("{name} (person): make a bot").format(name=name))
    menu_item.trigger()
    assert not c.session.is_person(now)
    driver.settle()
    assert c.view.actor != now or c.view.phase is not Phase.TURNS
    back = next(a for a in window.menu.seats.actions()
                if a.text() == _("{name} (bot): make a person").format(name=name))
    back.trigger()
    assert c.session.is_person(now)
    # fast-forward asks first; Enter keeps playing (the safe default)
    window.menu.fast_forward.trigger()
    box = window.last_message
    assert box is not None and box.windowTitle() == _("Let the bots play to the end?")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert not c.session.fast_forward and c.view.phase is not Phase.GAME_OVER
    # fast-forward: bots finish the game in chunks; the window keeps answering
    window.menu.fast_forward.trigger()
    answer(qtbot, window, _("Fast-forward"))
    qtbot.waitUntil(lambda: c.view.phase is Phase.GAME_OVER, timeout=10000)
    assert window.board.pages.currentWidget() is window.board.debrief
    window.menu.reveal.trigger()
    assert c.debrief is not None and window.board.debrief._revealed.isVisibleTo(window.board)


def test_end_game_early_and_reveal(qtbot: QtBot, window: MainWindow) -> None:
    driver = Driver(qtbot, window)
    driver.start(PICK)
    c = window.controller
    qtbot.waitUntil(lambda: driver.curtain.active)
    window.menu.end_game.trigger()
    box = window.last_message
    assert box is not None and box.isVisible()
    assert box.text() == _("End the game now? The debrief covers the rounds played in full: "
                           "{played} of {rounds}.").format(played=0, rounds=3)
    answer(qtbot, window, _("Keep playing"))
    assert not c.session.ended_early and c.view.phase is not Phase.GAME_OVER
    window.menu.end_game.trigger()
    answer(qtbot, window, _("End the game"))
    assert c.session.ended_early
    assert type(c.actions[-1]).__name__ == "EndGame"  # in the log: a save replays it
    assert c.view.phase is Phase.GAME_OVER
    assert not driver.curtain.active
    driver.click(driver.button("reveal"))
    assert c.debrief is not None and c.debrief.rounds_played == 0
    m = c.debrief.metrics
    assert window.board.debrief.result.text() == (
        _("The partnership reached its target: impact {impact} of {target} (ended early after "
          "{played} of {planned} rounds).") if m.won else
        _("The partnership did not reach its target: impact {impact} of {target} (ended early "
          "after {played} of {planned} rounds).")
    ).format(impact=f"{m.impact:.1f}", target=f"{m.target:g}", played=0, planned=3)
    # a new session from the menu starts clean: no debrief, a fresh curtain
    window.menu.new_session.trigger()
    assert window.setup_page is not None and window.setup_page.isVisible()
    driver.click(window.setup_page.start_button)
    assert not c.session.revealed and c.debrief is None
    assert not window.board.debrief._revealed.isVisibleTo(window.board)
    assert window.board.pages.currentWidget() is window.board.board


def test_keyboard_and_drop_placement(qtbot: QtBot, window: MainWindow) -> None:
    driver = Driver(qtbot, window)
    c = window.controller
    driver.start(PLENARY)
    driver.settle()
    driver.click(driver.button("intros-0"))
    driver.settle()
    driver.press(driver.button("talked"), Qt.Key.Key_Return)
    driver.settle()
    assert c.view.phase is Phase.PLACEMENT
    board = window.board
    # keyboard: focus a participant chip, Enter; focus a task card, Space
    chip = board.strip.chips[1]
    card = next(k for k in board.board.cards if k.task_id not in (None, c.view.board[1]))
    chip.setFocus()
    qtbot.keyClick(chip, Qt.Key.Key_Return)
    assert c.session.selected_seat == 1
    card.setFocus()
    qtbot.keyClick(card, Qt.Key.Key_Space)
    assert c.view.board[1] == card.task_id
    # the facilitator panel's keyboard pickers
    panel = window.game.panel
    panel.who.setCurrentIndex(0)
    panel.where.setCurrentIndex(panel.where.count() - 1)  # off the board
    driver.click(panel.buttons["place"])
    assert c.view.board[0] is None
    assert not panel.buttons["vote"].isEnabled()
    # a synthesised drop of participant 0 on a task card
    data = QMimeData()
    data.setData(SEAT_MIME, b"0")
    target = next(k for k in board.board.cards if k.task_id is not None and k.isVisible())
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.MoveAction, data,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    # QApplication::notify ignores drop events outside a real drag (and QDrag.exec returns at
    # once offscreen), so the synthesised event goes to the handler itself.
    target.dropEvent(drop)
    assert c.view.board[0] == target.task_id
    assert window.game.panel.buttons["vote"].isEnabled()


def test_second_screen_keeps_private_panel_off_the_projector(qtbot: QtBot) -> None:
    controller = GameController(pacing_ms=0)
    win = plain_window(qtbot, controller, dual_screen=True)
    driver = Driver(qtbot, win)
    driver.start(PICK)
    driver.settle()
    assert win.board.isWindow() and win.board.isVisible()
    assert not win.isAncestorOf(win.board)
    assert driver.curtain.active
    name = controller.view.participants[controller.view.actor or 0].name
    click_show(driver.qtbot, driver.curtain)
    assert driver.curtain.panel is not None
    assert win.board.header.status_label.text() == _("{name} is choosing…").format(name=name)
    assert not any(w.objectName() == "privatePanel" for w in win.board.findChildren(QWidget))
    controller.end_game()
    win.board.close()


def test_a_projector_connected_and_disconnected_mid_session(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Qt's screenAdded/screenRemoved call these (ui/shell/app.py); the offscreen platform has one
    screen, so the test hands the window the screen it would be given."""
    from PySide6.QtGui import QGuiApplication

    driver = Driver(qtbot, window)
    driver.start(PICK)
    driver.settle()
    assert driver.curtain.active and window.game.isAncestorOf(window.board)
    projector = QGuiApplication.primaryScreen()
    assert projector is not None
    window.on_screen_added(projector)
    assert window.dual_screen and window.board.isWindow() and window.board.isVisible()
    assert not window.isAncestorOf(window.board)
    assert window.game.curtain.isVisible()  # the curtain stays on the laptop
    assert window.statusBar().currentMessage() == _(
        "A second screen ({screen}) is connected: the board shows there, the curtain stays on "
        "this screen.").format(screen=projector.name() or _("projector"))
    name = window.controller.view.participants[window.controller.view.actor or 0].name
    click_show(driver.qtbot, driver.curtain)
    assert window.board.header.status_label.text() == _("{name} is choosing…").format(
        name=name)
    assert window.board.findChildren(PrivatePanel) == []
    # the cable comes out: the board is back beside the column, not a window over the curtain
    window.on_screen_removed(projector)
    assert not window.dual_screen and not window.board.isWindow()
    assert window.game.isAncestorOf(window.board) and window.board.isVisible()
    assert window.game.curtain.panel is not None  # the private hand stays where it was
    assert window.statusBar().currentMessage() == _(
        "The second screen was disconnected: the board is back on this screen.")
    driver.curtain.close_panel()
    driver.play_until(lambda: window.controller.view.round == 2)  # and the game goes on
    # presenter mode switched on with one screen and off with two: the laptop window, which
    # it made full screen, comes back
    window.menu.presenter.trigger()
    assert window.isFullScreen()
    window.on_screen_added(projector)
    window.menu.presenter.trigger()
    assert not window.isFullScreen()


def unnamed_controls(root: QWidget, window: MainWindow) -> list[QWidget]:
    """Visible widgets that take focus and have no accessible name (scroll areas' own
    viewports aside)."""
    found = []
    for widget in root.findChildren(QWidget):
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and not isinstance(widget, QLabel):
            if type(widget).__name__.startswith("Q") and widget.parent() is not None and (
                type(widget.parent()).__name__ in ("QScrollArea", "QAbstractScrollArea")
            ):
                continue
            if not widget.accessibleName() and widget.isVisibleTo(window):
                found.append(widget)
    return found


def test_every_control_has_an_accessible_name(qtbot: QtBot, window: MainWindow) -> None:
    window.show_setup()
    assert window.setup_page is not None
    assert unnamed_controls(window.setup_page, window) == []  # spin boxes' text fields too
    driver = Driver(qtbot, window)
    driver.start(CHOOSE)
    driver.settle()
    for widget in window.findChildren(QPushButton):
        assert widget.accessibleName(), widget.text()
    assert unnamed_controls(window.board, window) == []
    assert unnamed_controls(window.game, window) == []


def test_exit_when_ready() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "consortium", "--exit-when-ready"],
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
        capture_output=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr


def test_show_of_hands_chooses_the_mode(qtbot: QtBot, window: MainWindow) -> None:
    driver = Driver(qtbot, window)
    driver.start(CHOOSE)
    driver.settle()
    panel = window.game.panel
    assert window.controller.view.phase is Phase.MODE_CHOICE
    most = driver.button("mode-most")
    assert not most.isEnabled()
    qtbot.keyClick(panel.hands[Mode.HYBRID], Qt.Key.Key_Up)
    qtbot.keyClick(panel.hands[Mode.DEMOCRATIC], Qt.Key.Key_Up)
    # 1–1: the facilitator picks
    assert not most.isEnabled() and most.text() == _("Tie: choose a way above")
    qtbot.keyClick(panel.hands[Mode.HYBRID], Qt.Key.Key_Up)
    assert most.isEnabled()
    assert most.text() == _("Go with {mode} (Enter)").format(mode=mode_label(Mode.HYBRID))
    driver.click(most)
    assert window.controller.view.mode is Mode.HYBRID
    window.controller.end_game()


def test_the_room_sees_the_board_it_votes_on(qtbot: QtBot, window: MainWindow) -> None:
    driver = Driver(qtbot, window)
    driver.start(PLENARY)
    c = window.controller
    driver.play_until(lambda: c.view.phase is Phase.VOTE)
    view = c.view
    cast = sum(v is not None for v in view.votes)
    assert window.board.header.status_label.text() == ngettext(
        "Show of hands: {count} vote counted so far",
        "Show of hands: {count} votes counted so far", cast,
    ).format(count=cast)  # not "‹the first voter› is choosing…": the room votes together
    assert not any(_("▶ choosing now") in chip._state.full_text()
                   for chip in window.board.strip.chips)
    board = window.board.board
    for card in board.cards:
        if not card.isVisible() or card.task_id is None:
            continue
        names = [view.participants[s].name for s, t in enumerate(view.board) if t == card.task_id]
        assert card._proposed.isVisible()
        # the names on the card (cut with "…" when narrow, whole in the tooltip); the
        # words "On the board" in what a screen reader says
        assert card._proposed.full_text() == _("▶ {names}").format(
            names=", ".join(names) or _("nobody"))
        assert card._proposed.text() == card._proposed.full_text() or (
            card._proposed.toolTip() == card._proposed.full_text())
        assert _("On the board: {names}").format(
            names=", ".join(names) or _("nobody")) in card.accessibleDescription()
    for seat, chip in enumerate(window.board.strip.chips):
        task = view.board[seat]
        if task is not None:
            assert chip._task.full_text() == _("Placed on: {task}").format(
                task=view.task(task).title)
