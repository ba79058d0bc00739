"""Session → Compare sessions… in the real window: twelve saves made here show as twelve
named rows that fit 1280×720 and 1920×1080 without a scroll bar, a broken save is listed
below them, the PDF and CSV are exported, and a deal without a stored what-if is worked out
in the background with a progress bar. The window keeps its own what-if in its save."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from consortium.store.paths import DataPaths
from consortium.store.save_load import read_save_file
from consortium.store.scenarios import shipped_scenarios
from consortium.store.sessions import save_versions
from consortium.ui.controller import GameController
from consortium.ui.saving import Saving
from consortium.ui.shell.compare_dialog import CompareWindow
from consortium.ui.shell.file_dialogs import ScriptedFiles
from consortium.ui.shell.main_window import MainWindow
from tests.compare.tables import make_tables
from tests.report.saves import unfinished_save

SEEDS = 3


@pytest.fixture(scope="module")
def twelve(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tables")
    make_tables(folder, seeds=SEEDS)
    (folder / "broken.consortium").write_bytes(b"\x00garbage")
    return folder


def open_compare(window: MainWindow, answers: list[Path | list[Path] | None]
                 ) -> CompareWindow:
    window.files = ScriptedFiles(answers)
    window.menu.compare.trigger()
    compare = window.compare_window
    assert compare is not None
    compare.seeds = SEEDS
    compare.workers = 0
    return compare


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_twelve_tables_show_as_twelve_rows_that_fit(qtbot: QtBot, window: MainWindow,
                                                     twelve: Path, tmp_path: Path,
                                                     size: tuple[int, int]) -> None:
    compare = open_compare(window, [twelve, tmp_path / "room.pdf", tmp_path / "room.csv"])
    assert window.menu.compare.isEnabled()  # no game needed
    compare.resize(*size)
    qtbot.waitExposed(compare)
    qtbot.mouseClick(compare.add_folder, Qt.MouseButton.LeftButton)
    assert len(compare.comparison.rows) == 12
    assert not compare.computing  # every what-if came from the saves
    compare.view.grab()  # paints it as the screen would
    drawn = compare.view.drawn
    assert drawn is not None
    assert [name for name, _rect in drawn.rows] == [f"table-{i:02d}" for i in range(1, 13)]
    whole = QRectF(compare.view.rect())
    assert all(whole.contains(rect) for _name, rect in drawn.rows)
    assert drawn.font_px >= (12 if size[1] == 720 else 18)  # read from the back of a room
    assert any(t.startswith("Same deal: ") for t in drawn.texts)
    assert any("broken.consortium" in t for t in drawn.texts)
    # the buttons are below the drawing, on screen
    for button in (compare.export_pdf, compare.close_button):
        assert button.geometry().bottom() <= compare.height()
    assert compare.ask_export_pdf() == tmp_path / "room.pdf"
    assert compare.ask_export_csv() == tmp_path / "room.csv"
    assert (tmp_path / "room.pdf").stat().st_size > 0
    assert len((tmp_path / "room.csv").read_text("utf-8-sig").splitlines()) == 13
    compare.close()


def test_a_missing_what_if_is_worked_out_in_the_background(qtbot: QtBot, window: MainWindow,
                                                           tmp_path: Path) -> None:
    make_tables(tmp_path, stored=False, only=(0, 9))
    compare = open_compare(window, [[tmp_path / "table-01.consortium",
                                     tmp_path / "table-10.consortium"]])
    qtbot.mouseClick(compare.add_files, Qt.MouseButton.LeftButton)
    assert compare.comparison.missing == 2
    assert compare.computing and compare.progress.isVisibleTo(compare)
    qtbot.waitUntil(lambda: compare.comparison.missing == 0, timeout=60000)
    assert not compare.progress.isVisibleTo(compare)
    assert all(row.band is not None for row in compare.comparison.rows)
    compare.close()


@pytest.fixture
def what_if_window(qtbot: QtBot, qapp: QApplication, data_paths: DataPaths
                   ) -> Iterator[MainWindow]:
    controller = GameController(pacing_ms=0, saving=Saving(data_paths.sessions),
                                what_if_seeds=SEEDS, what_if_workers=0)
    win = MainWindow(controller, lambda: dict(shipped_scenarios()), paths=data_paths)
    controller.setParent(win)
    qtbot.addWidget(win)
    win.resize(1920, 1080)
    win.show()
    qtbot.waitExposed(win)
    yield win
    controller.shutdown()


def test_the_windows_what_if_goes_into_its_save_and_comes_back(
        qtbot: QtBot, what_if_window: MainWindow, tmp_path: Path) -> None:
    c = what_if_window.controller
    c.resume(read_save_file(unfinished_save(tmp_path)))
    qtbot.waitUntil(lambda: c.session.what_if is not None, timeout=60000)
    result = c.what_if_result()
    assert result is not None
    assert c.saving is not None
    c.saving.flush()
    folder = c.saving.folder
    assert folder is not None
    loaded = read_save_file(save_versions(folder)[0])  # newest first
    assert loaded.room.what_if == c.session.what_if
    assert loaded.header.format_version == 5
    # resumed, the kept what-if is shown at once: no job
    c.resume(loaded)
    assert c.what_if is not None and c.what_if.job is None
    again = c.what_if_result()
    assert again is not None  # the bands as worked out, without the single runs
    assert again.bands == tuple(attrs.evolve(b, runs=()) for b in result.bands)
