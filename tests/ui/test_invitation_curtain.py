"""A person invited in the hybrid perspective check answers behind the curtain."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from consortium.engine.actions import Respond
from consortium.engine.state import Mode, Phase
from consortium.ui.shell.main_window import MainWindow
from tests.ui.driver import Driver

CHOOSE = 4


class InvitationWatch(Driver):
    """The usual driver, noting every invitation a person answered behind the curtain."""

    answered: list[tuple[int, str]]

    def private_turn(self) -> None:
        view = self.view
        if view.phase is Phase.INVITATION:
            seat = view.actor
            assert seat is not None and view.invitation is not None
            assert view.invitation[0] == seat
            before = len(self.c.actions)
            super().private_turn()
            answer = self.c.actions[before]
            assert isinstance(answer, Respond) and answer.seat == seat
            self.answered.append((seat, view.participants[seat].name))
            return
        super().private_turn()


def test_an_invited_person_answers_behind_the_curtain(qtbot: QtBot, window: MainWindow) -> None:
    driver = InvitationWatch(qtbot, window)
    driver.answered = []
    driver.choose_mode = lambda round_no: Mode.HYBRID
    driver.start(CHOOSE, seed=7)
    driver.play()
    assert driver.answered, "no person was invited in this game"
