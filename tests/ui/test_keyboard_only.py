"""A whole game without a mouse: every key goes to the widget that has the focus, from the
start screen to the Reveal. Tab order, Space held on the curtain for the hand, arrows and
Enter for choices, Enter on the focused facilitator button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from consortium.engine.state import Phase
from consortium.ui.shell.main_window import MainWindow
from tests.ui.handoff import quick, wait_armed


def focused(window: MainWindow) -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None and window.isAncestorOf(widget), widget
    return widget


def test_keyboard_only_game(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(focused(window), Qt.Key.Key_Return)  # "New session" has the focus
    page = window.setup_page
    assert page is not None and page.isVisible()
    for _ in range(40):  # Tab to the rounds box, one fewer round
        if focused(window) is page.rounds:
            break
        qtbot.keyClick(focused(window), Qt.Key.Key_Tab)
    qtbot.keyClick(page.rounds, Qt.Key.Key_Down)
    assert page.rounds.value() == 3
    for _ in range(40):  # Tab on to the seed, and type one (the page deals a fresh one)
        if focused(window) is page.seed:
            break
        qtbot.keyClick(focused(window), Qt.Key.Key_Tab)
    qtbot.keyClick(page.seed, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.seed, "1")
    assert page.seed.value() == 1
    for _ in range(40):  # Tab on to "Start the session"
        if focused(window) is page.start_button:
            break
        qtbot.keyClick(focused(window), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(window), Qt.Key.Key_Return)
    c = window.controller
    assert c.has_game
    curtain = window.game.curtain
    quick(curtain)
    phases = set()
    for _ in range(600):
        qtbot.waitUntil(lambda: not c.busy, timeout=5000)
        phases.add(c.view.phase)
        if c.session.revealed:
            break
        if curtain.active:
            wait_armed(qtbot, curtain)
            assert focused(window) is curtain
            qtbot.keyPress(focused(window), Qt.Key.Key_Space)  # held, it opens the hand
            qtbot.waitUntil(lambda: curtain.panel is not None, timeout=3000)
            qtbot.keyRelease(focused(window), Qt.Key.Key_Space)
            qtbot.keyClick(focused(window), Qt.Key.Key_Return)  # the first choice
            if curtain.panel is not None:  # showing a card asks once more
                qtbot.keyClick(focused(window), Qt.Key.Key_Return)
            assert curtain.panel is None
        else:
            # the focus is on the step's primary button (at game over, once the column is
            # built: one event-loop turn after the board)
            panel = window.game.panel
            qtbot.waitUntil(lambda: panel.settled and focused(window) is panel.primary,  # noqa: B023
                            timeout=2000)
            widget = focused(window)
            qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert c.session.revealed and c.view.phase is Phase.GAME_OVER
    assert {Phase.INTRO_COUNT, Phase.PLACEMENT, Phase.VOTE, Phase.TURNS, Phase.MODE_CHOICE,
            Phase.PIT_STOP} <= phases
    assert window.board.debrief._revealed.isVisibleTo(window.board)


def test_zoom_presenter_and_full_screen(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # normal size
    size = QApplication.font().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() > size
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() < size
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() == size
    window.menu.presenter.trigger()  # F5
    # the board alone on the screen, in type from its own size (the stage); the facilitator's
    # column floats in a window of its own, in the facilitator's zoom
    assert window.theme.presenter and window.isFullScreen()
    assert window.game.floating and window.game.side.isWindow()
    assert QApplication.font().pointSizeF() == size
    window.menu.presenter.trigger()
    assert not window.theme.presenter and not window.isFullScreen()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.isFullScreen()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert not window.isFullScreen()
