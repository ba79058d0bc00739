"""Undo and redo through the facilitator's menu and its shortcuts: one Undo goes back to the
last decision a person or the facilitator made (over the bots' moves since), with the curtain
down; Redo comes back to the same public view; a reveal on the way back greys Undo out and
says why, in the store's words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from consortium.engine.history import NOTHING_TO_UNDO
from consortium.engine.state import Phase
from consortium.present.i18n import _
from consortium.ui.shell.main_window import MainWindow
from tests.ui.driver import Driver
from tests.ui.handoff import click_show
from tests.ui.widget_text import dump
from tests.words import says

PLENARY, PICK = 1, 2
CTRL = Qt.KeyboardModifier.ControlModifier


def board_text(window: MainWindow) -> list[str]:
    """The board's visible texts, less the notice ("Undone: …", "Redone: …"), once the
    layout has settled (a card's needs take the height its layout gives them a pass later:
    what a person sees, not the frame in between)."""
    QTest.qWait(20)
    return [line for line in dump(window.board)
            if " | True | " in line and f" | {_('Notice')} | " not in line]


def shortcut(qtbot: QtBot, window: MainWindow, key: Qt.Key,
             modifiers: Qt.KeyboardModifier = CTRL) -> None:
    window.activateWindow()
    qtbot.keyClick(window.focusWidget() or window, key, modifiers)


def one_decision(driver: Driver) -> None:
    """One decision of a person or the facilitator (the driver's placement makes several)."""
    view = driver.view
    if not driver.curtain.active and view.actor is None and view.phase is Phase.PLACEMENT:
        vote = driver.button("vote")
        driver.click(vote if vote.isEnabled() else driver.button("suggest"))
        driver.settle()
    else:
        driver.step()


@pytest.mark.parametrize(
    ("schedule", "secret", "least"),
    [(PLENARY, False, 2), (PLENARY, True, 2), (PICK, False, 0)],
    ids=["plenary", "secret-ballot", "pick-your-own"],
)
def test_undo_then_redo_gives_the_same_view_and_stops_at_a_reveal(
    qtbot: QtBot, window: MainWindow, schedule: int, secret: bool, least: int
) -> None:
    """Round 1, decision by decision: each is undone and redone where no reveal followed
    it; where one did (a card shown in an introduction or as a signal), Undo is greyed out
    with the reason."""
    driver = Driver(qtbot, window)
    driver.start(schedule, secret_ballot=secret)
    c = window.controller
    menu = window.menu
    driver.settle()
    if not c.actions:
        assert not menu.undo.isEnabled()
        assert NOTHING_TO_UNDO in menu.undo.text()
    undone, behind_curtain, reasons = 0, 0, set()
    while c.view.phase is not Phase.PIT_STOP:
        before_view, before_log = c.view, c.actions
        one_decision(driver)
        after_view, after_log, seen = c.view, c.actions, board_text(window)
        hand_open = driver.curtain.active
        if hand_open:
            click_show(driver.qtbot, driver.curtain)  # someone is looking at their hand
        why = c.undo_blocked()
        if why is None:
            behind_curtain += hand_open
            assert menu.undo.isEnabled() and menu.undo.text() == _("Undo")
            shortcut(qtbot, window, Qt.Key.Key_Z)
            assert c.view == before_view and c.actions == before_log
            assert driver.curtain.panel is None  # the curtain is down
            assert says("Undone: {steps} action; {who} decides now.",
                        window.board.header.notice_label.text()) or says(
                "Undone: {steps} actions; {who} decides now.",
                window.board.header.notice_label.text())
            assert menu.redo.isEnabled()
            redo_key = Qt.Key.Key_Y if undone % 2 else Qt.Key.Key_Z
            shortcut(qtbot, window, redo_key,
                     CTRL if undone % 2 else CTRL | Qt.KeyboardModifier.ShiftModifier)
            assert c.view == after_view and c.actions == after_log
            assert board_text(window) == seen
            assert driver.curtain.panel is None
            undone += 1
        else:
            reasons.add(why)
            assert not menu.undo.isEnabled()
            assert menu.undo.text() == _("Undo (not possible: {reason})").format(reason=why)
            assert menu.undo.toolTip() == _("Undo is not possible: {reason}.").format(reason=why)
            assert menu.undo.statusTip() == menu.undo.toolTip()
            shortcut(qtbot, window, Qt.Key.Key_Z)
            menu.undo.trigger()
            assert c.actions == after_log and c.view == after_view
        driver.curtain.close_panel()
        driver.settle()
    assert undone >= least
    if secret:
        assert behind_curtain >= 1  # a secret vote's hand was open when Undo came
    assert any("showed a card to everyone" in r for r in reasons), reasons
    # the round's work was resolved: never undone
    assert c.play.undo_answer().blocked_by == "round-resolved"
    assert c.undo_blocked() == _(
        "the work of the round was resolved and the results are on the board")
    assert not menu.undo.isEnabled()


def test_a_new_decision_after_undo_ends_redo(qtbot: QtBot, window: MainWindow) -> None:
    driver = Driver(qtbot, window)
    driver.start(PLENARY)
    c = window.controller
    driver.settle()
    driver.click(driver.button("intros-0"))
    driver.settle()
    assert c.view.phase is Phase.DELIBERATION
    window.menu.undo.trigger()
    assert c.view.phase is Phase.INTRO_COUNT and window.menu.redo.isEnabled()
    driver.click(driver.button("intros-1"))  # another choice than the one undone
    driver.settle()
    assert not window.menu.redo.isEnabled()
    # the autosave holds the log as it is now, without the undone step
    assert c.saving is not None
    status = c.saving.flush()
    assert status is not None and status.saved_step == len(c.actions)
