"""A scenario file from another trainer, opened on the new-session page: a broken one is
refused with every problem at its place and nothing changes; a good one joins the list and is
what the game plays (and what its saves embed)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from consortium.present.i18n import _, is_pseudo, language, use_language
from consortium.resources import asset_path
from consortium.ui.shell.file_dialogs import ScriptedFiles
from consortium.ui.shell.main_window import MainWindow
from consortium.ui.shell.setup_page import SetupPage

SHIPPED = asset_path("scenarios", "cancer-care.toml").read_text("utf-8")


def open_file(qtbot: QtBot, window: MainWindow, page: SetupPage, path: Path) -> None:
    window.files = ScriptedFiles([path])
    qtbot.mouseClick(page.open_scenario_button, Qt.MouseButton.LeftButton)


def refusal(page: SetupPage) -> list[str]:
    box = page.last_message
    assert box is not None and box.isVisible()
    assert box.windowTitle() == _("Cannot open this scenario")
    lines = box.informativeText().splitlines()
    assert "Traceback" not in box.informativeText()
    box.done(QMessageBox.StandardButton.Ok)
    return [box.text(), *lines]


def test_a_broken_scenario_file_says_what_and_where(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.show_setup()
    page = window.setup_page
    assert page is not None
    assert page.open_scenario_button.accessibleName() == _(
        "Open a scenario file (TOML) from another trainer")
    before = (page.scenario.count(), page.current_scenario)

    typo = tmp_path / "typo.toml"
    typo.write_text(SHIPPED.replace("effort = 34", "efort = 34", 1), "utf-8")
    open_file(qtbot, window, page, typo)
    said = refusal(page)
    assert said[0] == _("{file} cannot be used; nothing was changed.").format(file="typo.toml")
    assert said[1] == f"{typo}:"
    assert any(line.startswith("tasks[0]") and "efort" in line for line in said[2:]), said

    huge = tmp_path / "huge.toml"
    huge.write_bytes(b"#" * (1024 * 1024 + 1))
    open_file(qtbot, window, page, huge)
    assert any(line.startswith("file:") for line in refusal(page)[2:])

    latin = tmp_path / "latin.toml"
    latin.write_bytes(  # an "á" written by an editor set to Latin-1
        SHIPPED.encode("utf-8").replace(b"Cancer care", b"C\xe1ncer care", 1)
    )
    open_file(qtbot, window, page, latin)
    assert any(line.startswith("file:") and "UTF-8" in line for line in refusal(page)[2:])

    assert (page.scenario.count(), page.current_scenario) == before


def test_a_good_scenario_file_is_what_the_game_plays(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.show_setup()
    page = window.setup_page
    assert page is not None
    mine = tmp_path / "dementia-care.toml"
    mine.write_text(
        SHIPPED.replace('id = "cancer-care"', 'id = "dementia-care"', 1)
        .replace('title = "Cancer care partnership"', 'title = "Dementia care partnership"', 1),
        "utf-8",
    )
    open_file(qtbot, window, page, mine)
    assert page.scenario.currentText() == "Dementia care partnership — dementia-care.toml"
    assert page.current_scenario.id == "dementia-care"
    mine.unlink()  # the session does not need the file any more
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert window.controller.state.ctx.scenario.title == "Dementia care partnership"


def test_a_trainers_edit_of_a_shipped_scenario_is_its_own_entry(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.show_setup()
    page = window.setup_page
    assert page is not None
    shipped = page.current_scenario
    edit = tmp_path / "cancer-care-short.toml"  # the same id, one task fewer
    cut = SHIPPED.index("[[tasks]]\nid = \"innovation-fund\"")
    end = SHIPPED.index("\n[[", cut + 1) + 1
    edit.write_text(SHIPPED[:cut] + SHIPPED[end:], "utf-8")
    open_file(qtbot, window, page, edit)
    assert page.current_scenario.id == shipped.id
    assert len(page.current_scenario.tasks) == len(shipped.tasks) - 1
    # a tasks sheet imported now goes into the trainer's entry, not the shipped one
    sheet = tmp_path / "fewer.csv"
    window.files = ScriptedFiles([sheet])
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    lines = sheet.read_text("utf-8-sig").splitlines()
    sheet.write_text("\n".join(lines[:-1]), "utf-8")
    window.files = ScriptedFiles([sheet])
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert len(page.current_scenario.tasks) == len(shipped.tasks) - 2
    assert page.tasks_hint.text() == _("{count} tasks from {file}").format(
        count=len(shipped.tasks) - 2, file="fewer.csv")
    page.scenario.setCurrentIndex(page.scenario.findData(shipped.id))
    assert page.current_scenario == shipped  # untouched
    assert page.tasks_hint.text() == _("{count} tasks in the scenario").format(
        count=len(shipped.tasks))
    # reopening the file replaces its entry instead of adding another
    count = page.scenario.count()
    open_file(qtbot, window, page, edit)
    assert page.scenario.count() == count
    assert len(page.current_scenario.tasks) == len(shipped.tasks) - 1


def test_a_broken_scenario_files_problems_are_in_the_rooms_language(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Every problem line went through the catalogue (the pseudo-locale brackets it), with
    its place in the file and the file's value as written."""
    window.show_setup()
    page = window.setup_page
    assert page is not None
    broken = tmp_path / "broken.toml"
    broken.write_text(SHIPPED.replace("effort = 34", 'effort = "ten"', 1)
                      .replace("[[families]]", "colour = 1\n[[families]]", 1), "utf-8")
    before = language()
    use_language("qps")
    try:
        open_file(qtbot, window, page, broken)
        said = refusal(page)
    finally:
        use_language(before)
    assert said[1] == f"{broken}:"
    problems = said[2:]
    assert len(problems) == 2 and all(is_pseudo(line) for line in problems), problems
    assert any("tasks[0].effort: " in line and '"ten"' in line for line in problems), problems
