"""Help (F1) has How to play and the facilitator guide (issue 15): the repository's own
documents, shown in the app, reachable from the start screen, and printable to a PDF with
real text."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from consortium.resources import guide_text
from consortium.ui.shell.file_dialogs import ScriptedFiles
from consortium.ui.shell.help_dialog import FACILITATOR_GUIDE, HOW_TO_PLAY, HelpDialog
from consortium.ui.shell.main_window import MainWindow
from tests.report.test_report_files import pdftotext

ROOT = Path(__file__).resolve().parents[2]


def test_the_shipped_guides_are_the_repository_s_documents() -> None:
    for name in (HOW_TO_PLAY, "how-to-play.sv.md", FACILITATOR_GUIDE, "facilitator-guide.sv.md",
                 "rules.md"):
        assert guide_text(name) == (ROOT / "docs" / name).read_text(encoding="utf-8")


def test_the_start_screen_s_help_shows_how_to_play_and_the_guide(
        qtbot: QtBot, window: MainWindow) -> None:
    window.start.help_button.click()
    dialog = window.help_dialog
    assert dialog is not None and dialog.isVisible()
    assert "How to play" in dialog.how_to_play.toPlainText()
    dialog.tabs.setCurrentWidget(dialog.facilitator_guide)
    shown = dialog.facilitator_guide.toPlainText()
    assert "90-minute" in shown and "When things go wrong" in shown
    dialog.tabs.setCurrentIndex(2)
    assert "F1" in dialog.keys.text()
    assert not dialog.pdf_button.isEnabled()  # the keys are not a guide to print


def test_a_guide_is_saved_as_a_pdf_with_its_words(qtbot: QtBot, tmp_path: Path) -> None:
    out = tmp_path / "guide.pdf"
    dialog = HelpDialog("keys", lambda: ScriptedFiles([out]))
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentWidget(dialog.facilitator_guide)
    assert dialog.save_pdf() == out
    text = pdftotext(out)
    assert "Facilitator guide" in text and "When things go wrong" in text
    assert "Saved guide.pdf" in dialog.status.text()


def test_a_folder_it_cannot_write_to_is_said_in_words(
        qtbot: QtBot, tmp_path: Path) -> None:
    gone = tmp_path / "stick-pulled-out" / "rules.pdf"  # the USB stick was taken out
    dialog = HelpDialog("keys", lambda: ScriptedFiles([gone]))
    qtbot.addWidget(dialog)
    assert dialog.save_pdf() is None
    assert "Cannot write" in dialog.status.text()
    assert not gone.parent.exists()


def test_a_link_to_the_rules_opens_them_in_the_same_tab(qtbot: QtBot) -> None:
    from PySide6.QtCore import QUrl

    dialog = HelpDialog("keys", lambda: ScriptedFiles([]))
    qtbot.addWidget(dialog)
    dialog.how_to_play.anchorClicked.emit(QUrl("rules.md"))
    assert dialog.how_to_play.name == "rules.md"
    assert dialog.how_to_play.toPlainText().startswith(
        guide_text("rules.md").splitlines()[0].lstrip("# "))
