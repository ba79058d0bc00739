"""Complete 3-round games through the real widgets, two people and two bots, in each mode.

Each game checks what a person sees at every step (see ``driver.Driver``): the curtain text,
the private hand after Space, the board after work, the pit-stop figures and the debrief
figures against the engine's own (``PitStop``, ``metrics.game_metrics``).
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from consortium.engine.actions import Place
from consortium.engine.state import Mode, Phase
from consortium.ui.shell.main_window import MainWindow
from tests.ui.driver import Driver

PLAN, PLENARY, PICK, MIXED, CHOOSE = range(5)


def test_democratic_game(qtbot: QtBot, window: MainWindow) -> None:
    driver = Driver(qtbot, window)
    driver.start(PLENARY)
    driver.play()
    seen = driver.seen
    assert window.controller.view.phase is Phase.GAME_OVER
    assert seen.pit_stops == 3
    assert seen.curtains >= 6  # two people reveal at least once a round
    assert seen.reveals_confirmed >= 3
    assert seen.placements >= 1 and seen.open_votes >= 6
    assert any(isinstance(a, Place) for a in window.controller.actions)
    assert {Phase.INTRO_COUNT, Phase.INTRODUCTIONS, Phase.DELIBERATION, Phase.PLACEMENT,
            Phase.VOTE} <= seen.phases


def test_self_selection_game(qtbot: QtBot, window: MainWindow) -> None:
    driver = Driver(qtbot, window)
    driver.start(PICK, seed=5)
    driver.play()
    seen = driver.seen
    assert seen.pit_stops == 3
    assert seen.curtains >= 6  # each person takes a private turn every round
    assert seen.placements == 0 and seen.open_votes == 0
    assert seen.signals >= 1  # someone started or joined a task, choosing the card to signal
    assert Phase.TURNS in seen.phases


def test_hybrid_game_with_a_chosen_mode(qtbot: QtBot, window: MainWindow) -> None:
    driver = Driver(qtbot, window)
    driver.choose_mode = lambda round_no: Mode.HYBRID
    driver.start(CHOOSE, seed=7)
    driver.play()
    seen = driver.seen
    assert seen.modes_chosen == [Mode.HYBRID] * 3
    assert seen.pit_stops == 3
    assert seen.declarations >= 6
    assert {Phase.MODE_CHOICE, Phase.DECLARE, Phase.INTRODUCTIONS} <= seen.phases


def test_secret_ballot_votes_behind_the_curtain(qtbot: QtBot, window: MainWindow) -> None:
    driver = Driver(qtbot, window)
    driver.start(PLENARY, seed=9, secret_ballot=True)
    driver.play()
    seen = driver.seen
    assert seen.open_votes == 0
    votes = [a for a in window.controller.actions if type(a).__name__ == "Vote"]
    people_votes = [v for v in votes if window.controller.session.is_person(v.seat)]
    assert len(people_votes) >= 6  # each person voted behind the curtain every round
    assert seen.curtains >= seen.reveals_confirmed + len(people_votes)
