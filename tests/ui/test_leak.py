"""Differential leak test: two games with the same public information and different hidden
hands (and hours and motivation) must give the shared screen identical text in every
widget, hidden ones included, identical item-model data for every role, and an identical
rendered image. The laptop's window with the curtain down must be identical too."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from consortium.engine.game import apply, new_game
from consortium.engine.simulate import bot_action, bot_config, seat_policy
from consortium.engine.state import Card, GameState, Mode, Phase
from consortium.store.scenarios import find_scenario
from consortium.ui.laptop.private_panel import PrivatePanel
from consortium.ui.shell.main_window import MainWindow
from tests.ui.widget_text import dump


def snapshots() -> Iterator[GameState]:
    """States at the first placement, private turn, declaration, pit stop and game end."""
    scenario = find_scenario("cancer-care")
    config = attrs.evolve(
        bot_config(scenario, "balanced", 11, seats=5, rounds=3, turnover=0.3),
        schedule=(Mode.DEMOCRATIC, Mode.SELF_SELECTION, "choose"),
    )
    state = new_game(scenario, config)
    wanted = [Phase.PLACEMENT, Phase.VOTE, Phase.TURNS, Phase.MODE_CHOICE, Phase.DECLARE,
              Phase.PIT_STOP, Phase.GAME_OVER]
    while True:
        if state.public.phase in wanted:
            wanted.remove(state.public.phase)
            yield state
        if state.over:
            return
        state = apply(state, bot_action(state, seat_policy(state, state.public.actor)))


def other_hands(state: GameState) -> GameState:
    """The same state with every hidden card, the hours and the motivation changed."""
    domains = [d.id for d in state.ctx.scenario.domains]
    seats = []
    for seat, private in enumerate(state.seats):
        shown = state.public.participants[seat].public_cards
        used = {c.domain for c in private.hand}
        spare = [d for d in reversed(domains) if d not in used]
        hand = tuple(
            card if shown[slot] is not None else Card(spare.pop(0), 4 - card.level)
            for slot, card in enumerate(private.hand)
        )
        seats.append(attrs.evolve(private, hand=hand, hours=private.hours + 3,
                                  motivation=max(0, private.motivation - 1)))
    return attrs.evolve(state, seats=tuple(seats))


def render(window: MainWindow, state: GameState) -> tuple[list[str], list[str], bytes, bytes]:
    people = (True,) * state.public.seats  # nothing moves by itself
    window.controller.load(state, people)
    for _ in range(5):  # layouts settle over a few posted events
        QApplication.processEvents()
    assert not window.findChildren(PrivatePanel)
    board = window.board

    def png(widget: MainWindow | object) -> bytes:
        image = widget.grab().toImage()  # type: ignore[attr-defined]
        return bytes(image.constBits())  # type: ignore[arg-type]

    return dump(board), dump(window), png(board), png(window)


@pytest.mark.parametrize("index", range(7))
def test_same_public_view_same_screen(qtbot: QtBot, window: MainWindow, index: int) -> None:
    state = list(snapshots())[index]
    twin = other_hands(state)
    assert twin.public == state.public
    assert twin.seats != state.seats
    render(window, twin)  # first-time layout effects (scroll bars appearing) happen here
    first = render(window, state)
    second = render(window, twin)
    assert first[0] == second[0], "board window text differs"
    assert first[1] == second[1], "main window text differs"
    assert first[2] == second[2], "board window image differs"
    assert first[3] == second[3], "main window image differs"


def test_the_harness_sees_a_planted_leak(qtbot: QtBot, window: MainWindow) -> None:
    """A hidden label showing a private hour count, or a tooltip with a hand, is caught."""
    from PySide6.QtWidgets import QLabel

    state = next(iter(snapshots()))
    twin = other_hands(state)
    spy = QLabel(window.board)
    spy.hide()

    def plant(change: object) -> None:
        private = window.controller.state.seats[0]
        spy.setToolTip(repr(private.hand))

    window.controller.changed.connect(plant)
    render(window, twin)
    first = render(window, state)
    second = render(window, twin)
    assert first[0] != second[0]
    window.controller.changed.disconnect(plant)
