"""The talk clock after Resume (issue 12: it showed 00:00): the board's clock shows the talk
not yet charged, from the save, and goes on from there."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from consortium.engine.actions import SetIntroductions
from consortium.engine.state import Phase
from consortium.store.save_file import encode_save
from consortium.store.save_load import load_save
from consortium.ui.board.board_header import clock_text
from consortium.ui.controller import GameController
from tests.play.table import FakeTime
from tests.play.test_handoffs import six_people
from tests.ui.conftest import plain_window

WHEN = datetime(2026, 1, 1, tzinfo=UTC)


def test_the_board_clock_goes_on_after_resume(qtbot: QtBot) -> None:
    time = FakeTime()
    first = GameController(pacing_ms=0, now=time)
    plain_window(qtbot, first)
    game = six_people()
    first.load(game.state, (True,) * 6, talk_clock=True)
    assert first.submit(SetIntroductions(0))
    assert first.view.phase is Phase.DELIBERATION
    first.start_clock()
    time.now += 185
    first.play.tick()
    first.stop_clock()
    data = encode_save(first.state, first.actions, first.room, started_at=WHEN,
                       saved_at=WHEN)
    first.shutdown()
    again = GameController(pacing_ms=0, now=time)
    window = plain_window(qtbot, again)
    again.resume(load_save(data))
    window.enter_game()
    QApplication.processEvents()
    shown = window.board.header.clock_label.text()
    assert shown == clock_text(again.session)
    assert "03:05" in shown and "00:00" not in shown
