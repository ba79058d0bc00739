"""The report to take home as pictures: docs/screenshots/report/.

Writes the report, the handout and the CSV of a golden finished save (8 seats, Plenary by show
of hands, bots, secret ballot) with ``consortium report``'s own functions, then renders every
PDF page to PNG with poppler's ``pdftoppm -r 60`` and reduces the colours with ImageMagick
(``mogrify -colors 256``):

    QT_QPA_PLATFORM=offscreen python scripts/report_shots.py

- ``report-N.png``: the report as the command writes it (no what-if, predictions or agreement
  yet: those sections are wired by other parts of the debrief);
- ``report-sections-N.png``: the pages that change when those three are given (sample values,
  clearly marked as samples; the what-if page is a placeholder box);
- ``handout-1.png`` and ``handout-empty-1.png``: the agreement handout, with a sample
  agreement and with none.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import attrs
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QPainter

from consortium.present.report_data import report_from_save
from consortium.store.save_load import read_save_file
from consortium.ui.shell.report import write_handout_pdf, write_report_csv, write_report_pdf

ROOT = Path(__file__).resolve().parent.parent
SAVE = (ROOT / "tests/golden/saves-0.1.0"
        / "8-seats_show-of-hands_bots_secret-ballot_finished.consortium")
AGREEMENT = ("Sample agreement: at the start of every working meeting we say out loud who "
             "decides what, and before a team closes we ask who in the room knows the field.")
PREDICTIONS = (
    ("Sample question: which way of organizing would have scored highest with this deal?",
     "Sample answer: the group said Plenary every round.\nSample outcome: shown here by the "
     "predictions section when it is wired."),
)


class SampleWhatIf:
    """A placeholder for the what-if ranges: a labelled box."""

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        box = QRectF(rect.left(), rect.top(), rect.width(), rect.height() * 0.4)
        painter.drawRect(box)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter),
                         "Sample: the what-if ranges are painted here")


def render(pdf: Path, out: Path, prefix: str) -> list[Path]:
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(out / prefix)], check=True)
    pngs = sorted(out.glob(f"{prefix}-*.png"))
    subprocess.run(["mogrify", "-colors", "256", *map(str, pngs)], check=True)
    return pngs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs/screenshots/report")
    args = parser.parse_args()
    for tool in ("pdftoppm", "mogrify"):
        if shutil.which(tool) is None:
            print(f"report_shots: {tool} is not installed", file=sys.stderr)
            return 2
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        old.unlink()
    report = report_from_save(read_save_file(SAVE))
    full = attrs.evolve(report, what_if=SampleWhatIf(), predictions=PREDICTIONS,
                        agreement=AGREEMENT)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        write_report_pdf(tmp / "report.pdf", report)
        write_report_pdf(tmp / "sections.pdf", full)
        write_handout_pdf(tmp / "handout.pdf", full)
        write_handout_pdf(tmp / "handout-empty.pdf", report)
        write_report_csv(tmp / "report.csv", report)
        written = [*render(tmp / "report.pdf", out, "report"),
                   *render(tmp / "sections.pdf", out, "report-sections"),
                   *render(tmp / "handout.pdf", out, "handout"),
                   *render(tmp / "handout-empty.pdf", out, "handout-empty")]
    # of the sections' pages, keep the what-if page and the last (predictions, agreement)
    sections = sorted(out.glob("report-sections-*.png"))
    for page in sections[2:-1] + sections[:1]:
        page.unlink()
        written.remove(page)
    del app
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
