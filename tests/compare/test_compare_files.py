"""Compare tables to take home and on the command line: the PDF's real text names every
table and deal, the CSV has a row per table with each save's debrief figures, and
``consortium compare`` lists broken saves and exits 0 while one table compares."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from consortium.cli import main
from consortium.present.compare_data import read_comparison
from consortium.present.debrief_data import build_debrief
from consortium.store.save_load import read_save_file
from consortium.ui.shell.compare_files import pages_of, write_compare_csv, write_compare_pdf
from tests.compare.tables import make_tables
from tests.report.test_report_files import page_count, pdftotext

SEEDS = 3


@pytest.fixture(scope="module")
def twelve(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tables")
    make_tables(folder, seeds=SEEDS)
    return folder


def test_the_pdf_has_every_table_and_deal_as_real_text(qapp: QApplication, twelve: Path,
                                                       tmp_path: Path) -> None:
    comparison = read_comparison([twelve], seeds=SEEDS)
    pdf = tmp_path / "compare.pdf"
    assert write_compare_pdf(pdf, comparison) == 1 == page_count(pdf)
    text = pdftotext(pdf)
    for row in comparison.rows:
        assert row.name in text
    for group in comparison.groups[:3]:
        assert f"Same deal: {group.code}" in text
    assert "What if: bots, not people" in text
    assert f"{comparison.rows[0].impact:.1f} of {comparison.rows[0].target:g}" in text


def test_more_tables_than_a_page_holds_go_on_to_the_next(twelve: Path) -> None:
    comparison = read_comparison([twelve], seeds=SEEDS)
    doubled = comparison.groups + comparison.groups
    import attrs

    pages = pages_of(attrs.evolve(comparison, groups=doubled))
    assert [len(p.rows) for p in pages] == [12, 12]


def test_the_csv_has_a_row_per_table_with_its_debriefs_figures(twelve: Path,
                                                                tmp_path: Path) -> None:
    comparison = read_comparison([twelve], seeds=SEEDS)
    path = write_compare_csv(tmp_path / "compare.csv", comparison)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == 12
    for line in rows:
        m = build_debrief(read_save_file(line["file"]).state).metrics
        assert float(line["impact"]) == round(m.impact, 3)
        assert float(line["target"]) == m.target
        assert float(line["jointholism index"]) == round(m.jointholism_index, 3)
        assert line["alignophilia index"] == (
            "" if m.alignophilia_index is None else str(round(m.alignophilia_index, 3)))
        assert int(line["lost perspectives"]) == (m.lost_perspectives_present
                                                  + m.lost_perspectives_absent)
        assert int(line["excluded perspectives"]) == m.excluded_perspectives
        assert line["what-if: median"] != ""


def test_the_command_compares_lists_problems_and_writes_both_files(
        qapp: QApplication, twelve: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "stick"
    shutil.copytree(twelve, folder)
    (folder / "broken.consortium").write_bytes(b"\x00\x01\x02 not json")
    pdf, out = tmp_path / "room.pdf", tmp_path / "room.csv"
    code = main(["compare", str(folder), "--seeds", str(SEEDS), "--pdf", str(pdf),
                 "--csv", str(out)])
    printed = capsys.readouterr()
    assert code == 0, printed.err
    assert "table-12" in printed.out and "Same deal: " in printed.out
    assert "Not compared (1 file):" in printed.out and "broken.consortium" in printed.out
    assert pdf.exists() and out.exists()
    assert "Working out" not in printed.err  # every what-if was in the saves


def test_the_command_exits_2_when_nothing_compares(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "broken.consortium").write_bytes(b"garbage")
    assert main(["compare", str(tmp_path / "broken.consortium"), "--no-what-if"]) == 2
    printed = capsys.readouterr()
    assert "broken.consortium" in printed.out
    assert "no finished game to compare" in printed.err
