"""The revealed debrief's tables on a laptop's board, in English and in Swedish: every column
title can be read whole. Qt's own header cuts a title that its stretched column has no room
for in its middle ("ded knowle", "n (task) and meml": the screenshot script's picture of the
figures, taken at 626 px wide), and the room cannot hover for a tooltip; the debrief's tables
wrap their titles (``kit/wrapping_header.py``), and ``clipped_texts`` reports any title a
header cuts, so every layout check (the stage walk, the 200 % checks) now looks at them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHeaderView, QScrollArea, QTableView
from pytestqt.qtbot import QtBot

from consortium.present.i18n import language, use_language
from consortium.store.paths import DataPaths
from consortium.ui.kit.layout_audit import clipped_headers, clipped_texts
from consortium.ui.kit.wrapping_header import WrappingHeader
from consortium.ui.shell.main_window import MainWindow
from tests.ui.conftest import real_window
from tests.ui.test_debrief_flow import finish


@pytest.fixture(params=["en", "sv"])
def room_window(request: pytest.FixtureRequest, qtbot: QtBot, qapp: QApplication,
                data_paths: DataPaths) -> Iterator[MainWindow]:
    before = language()
    use_language(request.param)
    try:
        yield from real_window(qtbot, qapp, data_paths)
    finally:
        use_language(before)


def test_every_debrief_table_title_is_whole_on_a_laptop_board(
    qtbot: QtBot, room_window: MainWindow
) -> None:
    window = room_window
    window.resize(1366, 768)
    finish(qtbot, window)
    panel = window.game.panel
    qtbot.waitUntil(lambda: "reveal" in panel.buttons, timeout=3000)
    qtbot.mouseClick(panel.buttons["reveal"], Qt.MouseButton.LeftButton)
    debrief = window.board.debrief
    qtbot.waitUntil(debrief._revealed.isVisible, timeout=3000)
    details = debrief.screen_of["details"]
    debrief.screens.setCurrentWidget(details)
    assert isinstance(details, QScrollArea)
    tables = details.widget().findChildren(QTableView)
    assert len(tables) >= 3
    for table in tables:
        details.ensureWidgetVisible(table.horizontalHeader(), 0, 0)
        for _turn in range(4):
            QApplication.processEvents()
        assert table.horizontalHeader().isVisible()
        assert clipped_headers(table) == [], language()
    assert [p for p in clipped_texts(window.board) if "column title" in p] == []


def test_a_cut_column_title_is_reported_and_a_wrapping_header_has_none(qtbot: QtBot) -> None:
    """The audit itself: three stretched columns narrower than their titles (each word
    fits). Qt's header cuts them and is reported; the wrapping header breaks them over lines
    and grows."""
    from PySide6.QtWidgets import QTableWidget

    titles = ["Needed knowledge of it", "What happened to it", "Who held it then"]
    plain = QTableWidget(1, 3)
    wrapping = QTableWidget(1, 3)
    wrapping.setHorizontalHeader(WrappingHeader(wrapping))
    heights = []
    for table in (plain, wrapping):
        qtbot.addWidget(table)
        table.setHorizontalHeaderLabels(titles)
        for column in range(3):
            table.horizontalHeader().setSectionResizeMode(column,
                                                          QHeaderView.ResizeMode.Stretch)
        width = max(table.fontMetrics().horizontalAdvance(word) for t in titles
                    for word in t.split())
        table.resize(3 * (width + 30) + 40, 300)
        table.show()
        qtbot.waitExposed(table)
        for _turn in range(3):
            QApplication.processEvents()
        heights.append(table.horizontalHeader().height())
    found = clipped_headers(plain)
    assert len(found) == 3 and all("column title" in f for f in found), found
    assert clipped_headers(wrapping) == []
    assert heights[1] > heights[0]  # the titles wrapped onto more lines
