"""Bugs found by a trainer on 0.1.0 (issue 12): the open-vote rows jumped under the mouse,
a blocked Undo said nothing on screen."""

from __future__ import annotations

import attrs
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from consortium.engine.actions import Vote
from consortium.engine.game import apply, new_game
from consortium.engine.simulate import bot_action, bot_config, seat_policy
from consortium.engine.state import GameState, Mode, Phase
from consortium.present.event_words import undo_block_text
from consortium.present.i18n import _
from consortium.store.scenarios import find_scenario
from consortium.ui.shell.main_window import MainWindow


def at_open_vote(seats: int = 6) -> GameState:
    scenario = find_scenario("cancer-care")
    config = attrs.evolve(bot_config(scenario, "balanced", 4, seats=seats, rounds=2),
                          schedule=(Mode.DEMOCRATIC, Mode.DEMOCRATIC))
    state = new_game(scenario, config)
    while state.public.phase is not Phase.VOTE:
        state = apply(state, bot_action(state, seat_policy(state, state.public.actor)))
    assert not state.public.secret_ballot
    names = ("Maria Magdalena Fernández", "Jo", "Oluwaseun Adebayo-Okonkwo", "Ida",
             "Christopher Montgomery", "Al", "Bea", "Cy")
    public = state.public
    people = tuple(attrs.evolve(p, name=names[i]) for i, p in enumerate(public.participants))
    return attrs.evolve(state, public=attrs.evolve(public, participants=people))


def settle() -> None:
    for _step in range(5):
        QApplication.processEvents()


def test_open_vote_rows_stay_put_under_the_mouse(qtbot: QtBot, window: MainWindow) -> None:
    """After each vote every row stays where it was, so the next click lands on the person
    the facilitator aimed at."""
    state = at_open_vote()
    c = window.controller
    window.resize(1366, 768)  # a trainer's laptop
    c.load(state, (True,) * state.public.seats)
    window.enter_game()
    settle()
    panel = window.game.panel
    order = list(state.public.order)

    def where(seat: int) -> tuple[int, int]:
        b = panel.buttons[f"for-{seat}"]
        p = b.mapTo(window, QPoint(0, 0))
        return p.x(), p.y()

    def name_ys() -> list[int]:
        ys = []
        for seat in order:
            name = state.public.participants[seat].name
            found = [w for w in panel.findChildren(QLabel) if w.text() == name]
            assert len(found) == 1
            ys.append(found[0].mapTo(window, QPoint(0, 0)).y())
        return ys

    before = {seat: where(seat) for seat in order}
    rows = name_ys()
    # the second person first (entered ahead), then down the list, then the first: each
    # click lands on the row the facilitator aimed at, and no row has moved
    for seat in [*order[1:], order[0]]:
        x, y = before[seat]
        target = window.childAt(x + 5, y + 5)
        assert target is panel.buttons[f"for-{seat}"], seat
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
        settle()
        if c.view.phase is Phase.VOTE:
            assert name_ys() == rows
    votes = [a for a in c.actions if isinstance(a, Vote)]
    assert [v.seat for v in votes] == order and all(v.approve for v in votes)


def test_everyone_else_for_after_the_exceptions(qtbot: QtBot, window: MainWindow) -> None:
    state = at_open_vote()
    c = window.controller
    c.load(state, (True,) * state.public.seats)
    window.enter_game()
    settle()
    panel = window.game.panel
    order = list(state.public.order)
    qtbot.mouseClick(panel.buttons[f"against-{order[3]}"], Qt.MouseButton.LeftButton)
    settle()
    assert panel.buttons[f"against-{order[3]}"].text() == _("AGAINST ✗")
    qtbot.mouseClick(panel.buttons["all-for"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: c.view.phase is not Phase.VOTE, timeout=3000)
    votes = [(a.seat, a.approve) for a in c.actions if isinstance(a, Vote)]
    assert votes == [(seat, seat != order[3]) for seat in order]


def test_a_blocked_undo_says_why_on_the_board(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+Z while Undo is greyed out (here: nothing has happened yet) puts the reason on
    the board, where the room and the facilitator look, not only in the closed menu."""
    qtbot.mouseClick(window.start.new_button, Qt.MouseButton.LeftButton)
    page = window.setup_page
    assert page is not None
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    c = window.controller
    qtbot.waitUntil(lambda: c.view.phase is Phase.INTRO_COUNT)
    assert not window.menu.undo.isEnabled()
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    why = undo_block_text("nothing-to-undo")
    assert window.board.header.notice_label.text() == _("Cannot undo: {why}.").format(why=why)
    assert window.board.header.notice_label.isVisible()
