"""Session → Export report… in the real window: greyed out while the game is on, a message
(never a traceback, never a file) if asked anyway, and the PDF and CSV side by side once the
game is over."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from consortium.present.i18n import _
from consortium.store.save_load import read_save_file
from consortium.ui.shell.file_dialogs import ScriptedFiles
from consortium.ui.shell.main_window import MainWindow
from tests.report.saves import finished_save, unfinished_save


def test_a_game_in_play_gets_a_message_not_a_report(window: MainWindow, tmp_path: Path) -> None:
    window.controller.resume(read_save_file(unfinished_save(tmp_path)))
    assert not window.menu.export_report.isEnabled()
    files = ScriptedFiles([tmp_path / "report.pdf"])
    window.files = files
    assert window.export_report() == ()
    box = window.last_message
    assert box is not None and box.windowTitle() == _("No report yet")
    assert "not over" in box.text()
    assert files.asked == []  # no file dialog for a report that cannot be made
    assert not (tmp_path / "report.pdf").exists()


def test_a_finished_game_exports_the_pdf_and_the_csv_side_by_side(
    window: MainWindow, tmp_path: Path
) -> None:
    window.controller.resume(read_save_file(finished_save(tmp_path)))
    assert window.menu.export_report.isEnabled()
    out = tmp_path / "out"
    out.mkdir()
    window.files = ScriptedFiles([out / "workshop"])  # no suffix typed: ".pdf" is added
    window.menu.export_report.trigger()
    written = [out / "workshop.pdf", out / "workshop-agreement.pdf", out / "workshop.csv",
               out / "workshop-participants.csv"]
    assert sorted(out.iterdir()) == sorted(written)
    assert (out / "workshop.pdf").read_bytes().startswith(b"%PDF-")
    box = window.last_message
    assert box is not None and box.icon() is QMessageBox.Icon.Information
    for path in written:
        assert str(path) in box.informativeText()
