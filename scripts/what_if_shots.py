"""PNGs of the what-if band widget at a 1920×1080 board's type size, into /tmp (to look at).

    QT_QPA_PLATFORM=offscreen python scripts/what_if_shots.py [--seeds 100] [--out /tmp]

A bot game of the shipped scenario (6 seats, 4 rounds, balanced) stands in for the group; the
what-if is computed from round 1 (and from round 3) and drawn for each measure, at the
board's width and unit (``ui/board/stage.py``), plus a PDF page the way the report will draw
it (``paint_what_if`` on a ``QPdfWriter``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication

from consortium.engine.game import new_game
from consortium.engine.history import History
from consortium.engine.simulate import bot_action, bot_config, seat_policy
from consortium.play.what_if import WhatIfJob
from consortium.store.scenarios import shipped_scenarios
from consortium.ui.board.stage import style_sheet, target_unit
from consortium.ui.board.what_if_band import WhatIfBand, paint_what_if


def bot_history(seed: int = 11) -> History:
    scenario = shipped_scenarios()["cancer-care"]
    history = History(new_game(scenario, bot_config(scenario, "balanced", seed)))
    while not history.state.over:
        state = history.state
        history.apply(bot_action(state, seat_policy(state, state.public.actor)))
    return history


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=100)
    parser.add_argument("--out", default="/tmp")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    out = Path(args.out)
    history = bot_history()
    width, height = 1920, 1080
    unit = target_unit(width, height)
    written = []
    for from_round in (1, 3):
        job = WhatIfJob(history, from_round, args.seeds)
        job.wait()
        assert job.result is not None, job.error
        for measure in ("impact", "jointholism", "lost"):
            band = WhatIfBand(measure=measure)
            band.setStyleSheet(style_sheet(unit))
            band.set_result(job.result)
            band.ensurePolished()
            band.resize(width, band.sizeHint().height())
            path = out / f"what_if_r{from_round}_{measure}.png"
            band.grab().save(str(path))
            written.append(path)
    pdf = out / "what_if_page.pdf"
    writer = QPdfWriter(str(pdf))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(300)
    painter = QPainter(writer)
    font = QFont()
    font.setPixelSize(48)  # about 11.5 pt at 300 dpi
    page = QRectF(0, 0, writer.width(), writer.height() / 2)
    paint_what_if(painter, page, job.result, "impact", font)
    painter.end()
    written.append(pdf)
    for path in written:
        print(path)
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
