"""Every item model passes Qt's model tester, filled as the game fills it."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from consortium.engine.actions import SitOut, Stay
from consortium.engine.events import VotePassed
from consortium.engine.state import LogEntry, SeatSetup
from consortium.present.i18n import _
from consortium.ui.board.log_model import LogModel
from consortium.ui.kit.table_model import RowsModel
from consortium.ui.laptop.choices_model import ChoicesModel
from consortium.ui.shell.seats_model import SeatsModel

SECTORS = (("business", "Business"), ("government", "Government"))


def test_log_model(qtmodeltester: ModelTester) -> None:
    model = LogModel()
    qtmodeltester.check(model)
    entries = tuple(LogEntry(1, VotePassed(i, 5)) for i in range(5))
    model.set_entries(entries[:2])
    model.set_entries(entries)
    assert model.rowCount() == 5
    assert model.data(model.index(3)) == _("R{round}  {text}").format(
        round=1, text=_("The allocation passed, {votes_for} of {voters} for.").format(
            votes_for=3, voters=5))
    model.set_entries(entries[:1])  # a new game: reset
    qtmodeltester.check(model)


def test_choices_model(qtmodeltester: ModelTester) -> None:
    model = ChoicesModel()
    model.set_choices([("Stay", Stay(0), "keep working"), ("Sit out", SitOut(0), "")])
    qtmodeltester.check(model)
    assert model.action(1) == SitOut(0)
    model.clear()
    assert model.rowCount() == 0


def test_rows_model(qtmodeltester: ModelTester) -> None:
    model = RowsModel(("A", "B"))
    model.set_rows([("1", "2"), ("3", "4")])
    qtmodeltester.check(model)


def test_seats_model(qtmodeltester: ModelTester, qtbot: QtBot) -> None:
    model = SeatsModel(SECTORS)
    model.set_seats([SeatSetup(f"P{i}", "business") for i in range(3)])
    qtmodeltester.check(model)
    assert model.add_seat()
    assert model.setData(model.index(3, 1), "Government")
    assert model.setData(model.index(3, 2), "Person")
    assert model.seats()[3] == SeatSetup(_("Bot {number}").format(number=4), "government", None)
    assert model.data(model.index(3, 2)) == _("Person")  # shown in the room's language
    assert model.setData(model.index(3, 2), _("Bot"))  # and typed in it
    assert model.seats()[3].bot is not None
    assert not model.setData(model.index(0, 1), "Nowhere")
    assert model.remove_seat(0)
    assert not model.remove_seat(0)  # three seats at least
    for _seat in range(6):
        model.add_seat()
    assert model.rowCount() == 8
