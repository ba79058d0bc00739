"""The new-session page exports the scenario's tasks to a spreadsheet and imports them back,
checked like a scenario file: a broken sheet is refused with each problem at its row, and the
scenario stays as it was; a good one is what the game then plays."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from consortium.present.i18n import _
from consortium.ui.shell.file_dialogs import ScriptedFiles
from consortium.ui.shell.main_window import MainWindow


def test_export_then_import_tasks(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    window.show_setup()
    page = window.setup_page
    assert page is not None
    scenario = page.current_scenario
    sheet = tmp_path / "tasks.csv"
    window.files = ScriptedFiles([sheet])
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    text = sheet.read_text("utf-8-sig")
    assert text.splitlines()[0] == "id,title,text,effort,value,visible,latent"
    assert len(text.splitlines()) == len(scenario.tasks) + 1
    assert page.tasks_hint.text() == _("{count} tasks · exported to {file}").format(
        count=len(scenario.tasks), file="tasks.csv")

    # a hand-edited sheet with a word for a number: refused, with the problem at its row
    lines = text.splitlines()
    broken = tmp_path / "broken.csv"
    first = lines[1].split(",")
    first[3] = "ten"
    broken.write_text("\n".join([lines[0], ",".join(first), *lines[2:]]), "utf-8")
    window.files = ScriptedFiles([broken])
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    box = page.last_message
    assert box is not None and box.isVisible()
    assert box.text() == _("{file} was not imported; the scenario's tasks are as they "
                           "were.").format(file="broken.csv")
    problems = box.informativeText().splitlines()
    assert problems[0] == f"{broken}:"
    assert any(p.startswith("row 2 (tasks[0]).effort") for p in problems), problems
    box.done(QMessageBox.StandardButton.Ok)
    assert page.current_scenario is scenario

    # a good sheet: fewer tasks, and the game plays them
    good = tmp_path / "fewer.csv"
    good.write_text("\n".join(lines[: len(lines) - 1]), "utf-8")
    window.files = ScriptedFiles([good])
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert page.tasks_hint.text() == _("{count} tasks from {file}").format(
        count=len(scenario.tasks) - 1, file="fewer.csv")
    assert len(page.current_scenario.tasks) == len(scenario.tasks) - 1
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert window.controller.state.ctx.scenario.tasks == page.current_scenario.tasks
