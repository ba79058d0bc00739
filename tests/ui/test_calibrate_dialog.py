"""New session → "Check that it teaches…": the claims run in the background with a progress
bar, Stop ends the worker processes, and the report says in words which claims hold and, for
each that fails, the cause and the key to change. Few seeds, so the tests take seconds."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from consortium.present.i18n import _
from consortium.store.scenarios import read_scenario_file
from consortium.ui.shell.calibrate_dialog import CalibrateDialog
from consortium.ui.shell.file_dialogs import ScriptedFiles
from consortium.ui.shell.main_window import MainWindow
from tests.calibrate_files import low_effort


def test_the_report_shows_every_claim_and_the_cause_of_a_failure(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = CalibrateDialog(read_scenario_file(low_effort(tmp_path)), seeds=8, workers=0)
    qtbot.addWidget(dialog)
    dialog.show()
    seen: list[int] = []
    dialog.bar.valueChanged.connect(seen.append)
    assert dialog.bar.maximum() == dialog.job.games_total > 0
    assert dialog.stop_button.isVisible() and not dialog.report.isVisible()
    qtbot.waitUntil(lambda: dialog.job.done, timeout=60_000)
    qtbot.waitUntil(dialog.close_button.isVisible)
    assert any(0 < value < dialog.job.games_total for value in seen)  # progress moved
    text = dialog.report_text()
    assert dialog.report.isVisible() and not dialog.stop_button.isVisible()
    for number in range(1, 11):
        assert f" {number}. " in f" {text}", number
    assert "✗ 3." in text, text
    assert "The work does not outrun the partnership" in text
    assert "tasks[].effort" in text
    assert "Traceback" not in text
    assert dialog.status.text().startswith(_("The quick check: 6 bot seats, 4 rounds, every "
                                             "claim once").split(":")[0])


def test_stop_ends_the_workers_and_judges_nothing(qtbot: QtBot) -> None:
    from consortium.store.scenarios import find_scenario

    dialog = CalibrateDialog(find_scenario("cancer-care"), workers=1)  # 6,600 games
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.bar.value() > 0, timeout=60_000)  # a worker is playing
    assert multiprocessing.active_children()
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job.done, timeout=10_000)
    qtbot.waitUntil(dialog.close_button.isVisible)
    assert dialog.job.cancelled and dialog.job.diagnosis is None
    assert dialog.bar.value() < dialog.job.games_total
    assert not multiprocessing.active_children()  # terminated, not left to finish
    assert dialog.status.text() == _("Stopped: nothing about the scenario was judged.")
    assert not dialog.report.isVisible()


def test_a_trainer_opens_a_scenario_file_and_checks_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.show_setup()
    page = window.setup_page
    assert page is not None
    window.files = ScriptedFiles([low_effort(tmp_path)])
    qtbot.mouseClick(page.open_scenario_button, Qt.MouseButton.LeftButton)
    if page.last_message is not None:  # the file warns: its effort is below the rule
        page.last_message.done(0)
    assert page.current_scenario.id == "low-effort"
    assert page.check_button.isVisible()
    assert page.check_button.text() == _("Check that it teaches…")
    dialog = page.check_scenario(seeds=4, workers=0)
    assert isinstance(dialog, CalibrateDialog)
    assert dialog.isVisible() and dialog.scenario.id == "low-effort"
    dialog.reject()  # closing stops it
    qtbot.waitUntil(lambda: dialog.job.done, timeout=10_000)
    assert dialog.job.cancelled
    assert page.check_dialog is None
