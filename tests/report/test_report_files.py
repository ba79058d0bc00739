"""The report's files as a participant gets them: pdftotext reads the PDF's real text (the
impact, every name, every section given), the handout says the agreement, the CSV opens with
its totals, and ``consortium report`` refuses a game still in play with one clear line."""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import attrs
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication

from consortium.present.i18n import _
from consortium.present.labels import hours
from consortium.present.report_data import ReportInput, report_from_save
from consortium.store.save_load import read_save_file
from consortium.ui.shell.report import (
    csv_paths,
    write_handout_pdf,
    write_report_csv,
    write_report_pdf,
)
from tests.report.saves import finished_save, unfinished_save

AGREEMENT = "Before each meeting we name who decides, and we ask who is missing from the room."
PREDICTION = ("Which way would have scored highest with this deal?",
              "We said: Plenary every round.\nThe bots: Mixed scored highest (median 24.0).")


class SampleWhatIf:
    """Stands in for the what-if ranges to come: something that paints itself."""

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), "Sample what-if ranges")


def pdftotext(path: Path, *pages: int) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        if os.environ.get("CONSORTIUM_REQUIRE_POPPLER"):
            pytest.fail("pdftotext (poppler-utils) is not installed")
        pytest.skip("pdftotext (poppler-utils) is not installed")
    first = ["-f", str(pages[0]), "-l", str(pages[0])] if pages else []
    out = subprocess.run([tool, *first, str(path), "-"], capture_output=True, check=True,
                         text=True).stdout
    return " ".join(unicodedata.normalize("NFKC", out).split())  # ligatures, line breaks


def page_count(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", path.read_bytes()))


@pytest.fixture
def report(tmp_path: Path, qapp: QApplication) -> ReportInput:
    return report_from_save(read_save_file(finished_save(tmp_path)))


def test_the_report_has_its_impact_every_name_and_real_text_on_every_page(
    tmp_path: Path, report: ReportInput
) -> None:
    out = tmp_path / "report.pdf"
    pages = write_report_pdf(out, report)
    assert pages == page_count(out) >= 2
    text = pdftotext(out)
    m = report.debrief.metrics
    assert _("The partnership did not reach its target: impact {impact} of {target}.").format(
        impact=f"{m.impact:.1f}", target=f"{m.target:g}") in text
    for hand in report.debrief.hands:
        assert hand.name in text
    for prompt in report.debrief.prompts:
        assert " ".join(prompt.split()) in text
    for heading in (_("Where the time went, by round"), _("Every hand, revealed"),
                    _("Excluded and lost perspectives"), _("Questions for the room")):
        assert heading in text
    assert report.session_code in text and report.date in text
    for page in range(1, pages + 1):  # every page carries text, its footer at least
        assert _("Page {page} of {pages}").format(page=page, pages=pages) in pdftotext(out, page)
    # the sections still to be wired are absent when not given
    for heading in (_("What if: the same deal played by bots, not people"),
                    _("The group’s predictions against the outcomes"),
                    _("The group’s agreement")):
        assert heading not in text


def test_each_optional_section_is_drawn_when_given(tmp_path: Path, report: ReportInput) -> None:
    plain = write_report_pdf(tmp_path / "plain.pdf", report)
    given = attrs.evolve(report, what_if=SampleWhatIf(), predictions=(PREDICTION,),
                         agreement=AGREEMENT)
    out = tmp_path / "full.pdf"
    pages = write_report_pdf(out, given)
    assert pages == page_count(out) >= plain + 1  # the what-if ranges have a page of their own
    assert "Sample what-if ranges" in pdftotext(out, 2)
    assert _("What if: the same deal played by bots, not people") in pdftotext(out, 2)
    text = pdftotext(out)
    assert _("The group’s predictions against the outcomes") in text
    assert PREDICTION[0] in text
    assert " ".join(PREDICTION[1].split()) in text
    assert _("The group’s agreement") in text and AGREEMENT in text


def test_the_handout_is_one_page_with_the_agreement(tmp_path: Path, report: ReportInput) -> None:
    out = tmp_path / "handout.pdf"
    given = attrs.evolve(report, agreement=AGREEMENT)
    write_handout_pdf(out, given)
    assert page_count(out) == 1
    text = pdftotext(out)
    assert AGREEMENT in text and _("Our agreement") in text
    assert report.session_name in text and report.date in text
    long = attrs.evolve(report, agreement=" ".join([AGREEMENT] * 40))
    points = write_handout_pdf(out, long)
    assert page_count(out) == 1 and points < 28  # shrunk to fit, never a second page
    assert pdftotext(out).count("who is missing from the room") == 40
    empty = tmp_path / "empty.pdf"
    write_handout_pdf(empty, report)
    assert _("No agreement was recorded in this session.") in pdftotext(empty)


def test_the_csv_opens_in_a_spreadsheet_with_the_debriefs_totals(
    tmp_path: Path, report: ReportInput
) -> None:
    rounds_path, people_path = write_report_csv(tmp_path / "figures.csv", report)
    assert (rounds_path, people_path) == csv_paths(tmp_path / "figures.csv")
    assert people_path.name == "figures-participants.csv"
    for path in (rounds_path, people_path):
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    with rounds_path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == report.debrief.rounds_played
    m = report.debrief.metrics
    assert hours(sum(float(r[_("time in meetings")]) for r in rows)) == hours(m.meeting_hours)
    assert f"{sum(float(r[_('impact')]) for r in rows):.1f}" == f"{m.impact:.1f}"
    with people_path.open(encoding="utf-8-sig", newline="") as file:
        people = list(csv.DictReader(file))
    assert {p[_("participant")] for p in people} == {h.name for h in report.debrief.hands}
    assert hours(sum(float(p[_("hours")]) for p in people)) == hours(report.debrief.hours)


def consortium(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "consortium", *args], capture_output=True,
                          text=True, timeout=120, check=False)


def test_the_command_writes_the_report_the_csv_and_the_handout(tmp_path: Path) -> None:
    save = finished_save(tmp_path)
    pdf, table, handout = tmp_path / "r.pdf", tmp_path / "r.csv", tmp_path / "h.pdf"
    result = consortium("report", str(save), "--pdf", str(pdf), "--csv", str(table),
                        "--handout", str(handout))
    assert result.returncode == 0, result.stderr
    pages = page_count(pdf)
    assert result.stdout.splitlines() == [
        _("{path}: {pages} pages").format(path=pdf, pages=pages), str(table),
        str(tmp_path / "r-participants.csv"), str(handout)]
    assert page_count(handout) == 1


def test_the_command_refuses_a_game_still_in_play_with_one_line(tmp_path: Path) -> None:
    save = unfinished_save(tmp_path)
    pdf, table = tmp_path / "r.pdf", tmp_path / "r.csv"
    result = consortium("report", str(save), "--pdf", str(pdf), "--csv", str(table))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{save}: ")
    assert "not over" in lines[0]
    assert result.stdout == ""
    assert not pdf.exists() and not table.exists()


def test_the_command_says_why_a_save_cannot_be_read(tmp_path: Path) -> None:
    broken = tmp_path / "broken.consortium"
    broken.write_bytes(b"{}")
    for save in (broken, tmp_path / "missing.consortium"):
        result = consortium("report", str(save), "--pdf", str(tmp_path / "r.pdf"),
                            "--csv", str(tmp_path / "r.csv"))
        assert result.returncode == 2
        assert result.stderr.startswith(f"{save}: ")
        assert "Traceback" not in result.stderr + result.stdout
        assert not (tmp_path / "r.pdf").exists()


def test_a_name_with_markup_is_printed_as_typed(tmp_path: Path, report: ReportInput) -> None:
    name = "<b>Ana</b> & Co"
    hands = (attrs.evolve(report.debrief.hands[0], name=name), *report.debrief.hands[1:])
    odd = attrs.evolve(report, debrief=attrs.evolve(report.debrief, hands=hands),
                       agreement="<i>1 < 2</i>")
    out = tmp_path / "odd.pdf"
    write_report_pdf(out, odd)
    text = pdftotext(out)
    assert name in text and "<i>1 < 2</i>" in text
