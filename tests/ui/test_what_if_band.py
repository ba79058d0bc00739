"""The what-if band widget: it paints (on screen and on a PDF page), and its accessible
description reads out the figures the room sees."""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPdfWriter
from pytestqt.qtbot import QtBot

from consortium.engine.what_if_bands import WhatIfResult
from consortium.play.what_if import WhatIfJob
from consortium.present import what_if_words as words
from consortium.store.save_load import read_save_file
from consortium.ui.board.stage import style_sheet, target_unit
from consortium.ui.board.what_if_band import WhatIfBand, paint_what_if
from tests.store.games import bot_game, save_bytes


@functools.cache
def result() -> WhatIfResult:
    import tempfile

    state, actions = bot_game(seats=6, rounds=4)
    path = Path(tempfile.mkdtemp()) / "game.consortium"
    path.write_bytes(save_bytes(state, actions))
    job = WhatIfJob(read_save_file(path), 1, 5, workers=0)
    assert job.wait(60) and job.result is not None
    return job.result


def test_the_band_paints_and_reads_out_its_figures(qtbot: QtBot) -> None:
    band = WhatIfBand()
    qtbot.addWidget(band)
    band.setStyleSheet(style_sheet(target_unit(1920, 1080)))
    assert "replaying" in band.accessibleDescription()
    band.set_result(result())
    band.resize(1920, band.sizeHint().height())
    picture = band.grab().toImage()
    assert not picture.isNull()
    # something other than paper was drawn in the bands' area
    assert any(picture.pixelColor(x, picture.height() // 2) != QColor("#ffffff")
               for x in range(0, picture.width(), 4))
    text = band.accessibleDescription()
    assert "bots, not people" in text
    assert "not people" in band.accessibleName()
    for b in result().bands:
        assert words.policy_name(b.policy) in text
        assert words.figure("impact", b.impact.median) in text
    group = result().group
    assert group is not None
    assert f"Your group: {words.figure('impact', group.impact)}" in text


def test_every_measure_and_the_waiting_state_paint(qtbot: QtBot) -> None:
    band = WhatIfBand(measure="lost")
    qtbot.addWidget(band)
    band.set_progress(0.4)
    band.resize(1200, 400)
    assert not band.grab().isNull()
    band.set_result(result())
    for measure in ("impact", "jointholism", "lost", "excluded"):
        band.set_measure(measure)
        assert words.measure_name(measure) in band.accessibleDescription()
        assert not band.grab().isNull()


def test_paint_goes_onto_a_pdf_page_and_an_image(tmp_path: Path, qtbot: QtBot) -> None:
    pdf = tmp_path / "page.pdf"
    writer = QPdfWriter(str(pdf))
    painter = QPainter(writer)
    font = QFont()
    font.setPixelSize(40)
    paint_what_if(painter, QRectF(0, 0, writer.width(), writer.height() / 2), result(),
                  "impact", font)
    painter.end()
    assert pdf.read_bytes().startswith(b"%PDF")
    band = WhatIfBand()
    qtbot.addWidget(band)
    band.set_result(result())
    image = QImage(1600, 600, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    band.paint(painter, QRectF(0, 0, 1600, 600))
    painter.end()
    assert image.pixelColor(800, 300) is not None
