"""PNGs of New session → "Check that it teaches…" at 1366×768, into
docs/screenshots/calibrate/: the check in progress and its report, on a trainer's file built
to fail (cancer care with every task's effort 4).

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24" \\
        python scripts/calibrate_shots.py [--seeds 200] [--workers 2] [--out DIR]

The PNGs in the folder were reduced to 256 colours (``mogrify -colors 256``).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QPoint
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from consortium.resources import asset_path
from consortium.store.scenarios import shipped_scenarios
from consortium.ui.controller import GameController
from consortium.ui.kit.theme import Theme
from consortium.ui.shell.calibrate_dialog import CalibrateDialog
from consortium.ui.shell.file_dialogs import ScriptedFiles
from consortium.ui.shell.main_window import MainWindow

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots" / "calibrate"


def with_dialog(window: QWidget, dialog: QWidget) -> QPixmap:
    """The window's picture, dimmed, with the dialog drawn where a window manager puts it."""
    picture = window.grab()
    box = dialog.grab()
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 60))
    painter.drawPixmap(QPoint((picture.width() - box.width()) // 2,
                              (picture.height() - box.height()) // 2), box)
    painter.end()
    return picture


def wait_for(condition: object, ms: int) -> None:
    timer = QElapsedTimer()
    timer.start()
    while not condition() and timer.elapsed() < ms:  # type: ignore[operator]
        QTest.qWait(50)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp())
    text = asset_path("scenarios", "cancer-care.toml").read_text("utf-8")
    text = re.sub(r"(?m)^effort = \d+", "effort = 4", text)
    path = folder / "cancer-care-quick.toml"
    path.write_text(text.replace('id = "cancer-care"', 'id = "cancer-care-quick"', 1), "utf-8")

    theme = Theme()
    theme.apply(app)  # the program's look: its type sizes and style sheet
    controller = GameController(pacing_ms=0)
    window = MainWindow(controller, lambda: dict(shipped_scenarios()), theme=theme)
    controller.setParent(window)
    window.resize(1366, 768)
    window.show()
    QTest.qWait(300)
    window.show_setup()
    page = window.setup_page
    assert page is not None
    window.files = ScriptedFiles([path])
    page.open_scenario_file()
    if page.last_message is not None:
        page.last_message.done(0)
    QTest.qWait(200)
    window.grab().save(str(out / "01-new-session-check-button.png"))
    dialog = page.check_scenario(seeds=args.seeds, workers=args.workers)
    assert isinstance(dialog, CalibrateDialog)
    wait_for(lambda: dialog.job.progress() >= 0.3, 600_000)
    with_dialog(window, dialog).save(str(out / "02-check-in-progress.png"))
    wait_for(lambda: dialog.job.done, 900_000)
    wait_for(dialog.report.isVisible, 5_000)
    print("report shown:", dialog.report.isVisible(), dialog.status.text(), dialog.job.error)
    QTest.qWait(300)
    with_dialog(window, dialog).save(str(out / "03-report.png"))
    print(f"{dialog.job.games_total} games in {dialog.job.seconds:.0f} s")
    dialog.done(0)
    del app
    for name in sorted(out.glob("*.png")):
        print(name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
