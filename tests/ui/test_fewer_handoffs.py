"""Fewer hand-offs through the real widgets (issue 12): one hand-off per person for every
introduction of a round, and a pass in a Mixed round entered in public, with no hand-off."""

from __future__ import annotations

import attrs
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from consortium.engine.actions import Reveal
from consortium.engine.game import apply, new_game
from consortium.engine.simulate import bot_action, bot_config, seat_policy
from consortium.engine.state import GameState, Mode, Phase
from consortium.present.i18n import _
from consortium.store.scenarios import find_scenario
from consortium.ui.shell.main_window import MainWindow
from consortium.ui.shell.seats_model import PERSON
from tests.ui.handoff import hold_space, wait_armed
from tests.ui.test_handoff_race import assert_nothing_private, start


def test_every_introduction_chosen_in_one_hand_off(qtbot: QtBot, window: MainWindow) -> None:
    curtain = start(qtbot, window, (PERSON,) * 6)
    c = window.controller
    qtbot.mouseClick(window.game.panel.buttons["intros-3"], Qt.MouseButton.LeftButton)
    for seat in range(6):
        qtbot.waitUntil(lambda seat=seat: curtain.seat == seat, timeout=3000)
        assert c.view.intros_done == 0
        assert_nothing_private(window)
        hold_space(qtbot, curtain)
        panel = curtain.panel
        assert panel is not None
        qtbot.keyClick(panel.choices, Qt.Key.Key_Return)  # the first card
        qtbot.keyClick(panel.confirm, Qt.Key.Key_Return)  # shown to everyone
        assert curtain.panel is panel  # and now the later introductions
        assert panel.confirm_text.text() == _(
            "Save a hand-off: choose now the card you will show in introduction {number} "
            "(shown to everyone when it comes), or choose then. Enter to confirm.").format(
                number=2)
        qtbot.keyClick(panel.choices, Qt.Key.Key_Return)  # introduction 2: the next card
        qtbot.keyClick(panel.choices, Qt.Key.Key_Return)  # introduction 3: the next one
        assert curtain.panel is None
    qtbot.waitUntil(lambda: c.view.phase is not Phase.INTRODUCTIONS, timeout=5000)
    assert c.view.intros_done == 3
    assert curtain.lifts == 6  # one hand-off each, not three
    reveals = [a for a in c.actions if isinstance(a, Reveal)]
    assert [(r.seat, r.slot) for r in reveals] == [
        (seat, slot) for slot in range(3) for seat in range(6)]
    assert_nothing_private(window)


def hybrid_intro_with_a_pass() -> GameState:
    """A Mixed round's introduction where the acting seat is not a newcomer."""
    scenario = find_scenario("cancer-care")
    for seed in range(40):
        config = attrs.evolve(bot_config(scenario, "balanced", seed, seats=5, rounds=3,
                                         turnover=0.5), schedule=(Mode.HYBRID,) * 3)
        state = new_game(scenario, config)
        while not state.over:
            public = state.public
            if public.phase is Phase.INTRODUCTIONS and public.round >= 2 \
                    and public.actor not in public.newcomers:
                return state
            state = apply(state, bot_action(state, seat_policy(state, public.actor)))
    raise AssertionError("no such state")


def test_a_pass_in_a_mixed_round_is_entered_in_public(qtbot: QtBot, window: MainWindow) -> None:
    state = hybrid_intro_with_a_pass()
    c = window.controller
    c.load(state, (True,) * state.public.seats)
    window.enter_game()
    curtain = window.game.curtain
    seat = state.public.actor
    assert curtain.seat == seat
    name = state.public.participants[seat].name
    button = curtain.pass_button
    assert button.isVisibleTo(window) and button.text() == _("Pass: show no card")
    assert button.accessibleName() == _(
        "{name} passes: shows no card (no hand-off)").format(name=name)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # not armed yet: dropped
    assert len(c.actions) == 0
    wait_armed(qtbot, curtain)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert c.actions == (Reveal(seat, None),)
    assert curtain.lifts == 0
    # a newcomer gets no such button
    public = c.view
    if public.phase is Phase.INTRODUCTIONS and public.actor in public.newcomers:
        assert not curtain.pass_button.isVisibleTo(window)
