"""Help (F1) in a Swedish room (issue 15, "every room"): How to play and the Facilitator guide
in Swedish, links between them staying in Swedish, the PDF the trainer prints in Swedish — and
the Swedish guides kept section for section with the English ones, so they cannot drift."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from consortium.present.i18n import use_language
from consortium.resources import guide_text
from consortium.ui.shell.file_dialogs import ScriptedFiles
from consortium.ui.shell.help_dialog import FACILITATOR_GUIDE, HOW_TO_PLAY, HelpDialog, guide
from tests.report.test_report_files import pdftotext

DOCS = Path(__file__).resolve().parents[2] / "docs"
GUIDES = (HOW_TO_PLAY, FACILITATOR_GUIDE)
LINK = re.compile(r"\]\(([^)#\s]+\.md)(#[^)]*)?\)")


def swedish_twin(name: str) -> str:
    return name.removesuffix(".md") + ".sv.md"


@pytest.fixture
def dialog(qtbot: QtBot, swedish: None, tmp_path: Path) -> HelpDialog:
    """Help as a Swedish room opens it; *Spara som PDF…* writes to tmp_path/guide.pdf."""
    shown = HelpDialog("keys", lambda: ScriptedFiles([tmp_path / "guide.pdf"]))
    qtbot.addWidget(shown)
    return shown


def headings(markdown: str) -> list[str]:
    """The Markdown's headings as ``#``-marks, in order (none inside a fenced block)."""
    found, fenced = [], False
    for line in markdown.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and (match := re.match(r"(#{1,6}) \S", line)):
            found.append(match.group(1))
    return found


def test_a_swedish_room_s_help_shows_the_guides_in_swedish(dialog: HelpDialog) -> None:
    assert dialog.tabs.tabText(0) == "Så spelar ni"
    assert dialog.how_to_play.toPlainText().startswith("Så spelar ni Consortium")
    assert "Det finns ingen som bestämmer" in dialog.how_to_play.toPlainText()
    dialog.tabs.setCurrentWidget(dialog.facilitator_guide)
    assert dialog.tabs.tabText(1) == "Processledarguide"
    shown = dialog.facilitator_guide.toPlainText()
    assert shown.startswith("Processledarguide")
    assert "När något går fel" in shown and "Manus för debriefingen" in shown
    assert "When things go wrong" not in shown


def test_a_link_in_a_swedish_guide_opens_the_swedish_twin(dialog: HelpDialog) -> None:
    links = LINK.findall(guide_text(swedish_twin(FACILITATOR_GUIDE)))
    assert ("how-to-play.sv.md", "") in links  # the players' page, as the guide links it
    dialog.facilitator_guide.anchorClicked.emit(QUrl("how-to-play.sv.md"))
    assert dialog.facilitator_guide.toPlainText().startswith("Så spelar ni Consortium")


def test_a_link_to_an_english_guide_name_opens_the_swedish_one(dialog: HelpDialog) -> None:
    """rules.md links how-to-play.md: a Swedish room reading the (English) rules still gets
    the Swedish page for players."""
    dialog.how_to_play.anchorClicked.emit(QUrl("rules.md"))
    assert dialog.how_to_play.toPlainText().startswith(
        guide_text("rules.md").splitlines()[0].lstrip("# "))  # no Swedish rules: English
    dialog.how_to_play.anchorClicked.emit(QUrl("facilitator-guide.md"))
    assert dialog.how_to_play.toPlainText().startswith("Processledarguide")


def test_the_swedish_guide_prints_to_a_pdf_in_swedish(
        dialog: HelpDialog, tmp_path: Path) -> None:
    dialog.tabs.setCurrentWidget(dialog.facilitator_guide)
    out = dialog.save_pdf()
    assert out == tmp_path / "guide.pdf"
    text = pdftotext(out)
    assert "Processledarguide" in text and "När något går fel" in text
    assert "Återuppta den avbrutna sessionen?" in text  # å, ä, ö as text, not boxes
    assert "When things go wrong" not in text


@pytest.mark.parametrize("name", GUIDES)
def test_the_swedish_guide_has_the_english_guide_s_sections(name: str) -> None:
    """Same headings at the same levels in the same order: a section added to one guide and
    not the other fails here."""
    english = headings(guide_text(name))
    swedish = headings(guide_text(swedish_twin(name)))
    assert english.count("#") == swedish.count("#") == 1
    assert english.count("##") == swedish.count("##")
    assert english == swedish


@pytest.mark.parametrize("name", GUIDES)
def test_the_swedish_guide_links_the_swedish_twins(name: str) -> None:
    """Every link goes to a file in docs/, and to its Swedish twin where there is one (so the
    guide reads in Swedish on GitHub too, not only in Help)."""
    for target, _anchor in LINK.findall(guide_text(swedish_twin(name))):
        assert (DOCS / target).is_file(), target
        if target.endswith(".md") and not target.endswith(".sv.md"):
            assert not (DOCS / swedish_twin(target)).is_file(), f"{target} has a Swedish twin"


def test_a_regional_swedish_shows_the_swedish_guides(swedish: None) -> None:
    """CONSORTIUM_LANGUAGE=sv_SE shows the Swedish catalogue (gettext falls back to sv); the
    guides follow it."""
    use_language("sv_SE")
    assert guide(HOW_TO_PLAY) == guide_text(swedish_twin(HOW_TO_PLAY))
    use_language("en")
    assert guide(HOW_TO_PLAY) == guide_text(HOW_TO_PLAY)
