"""Screenshots of Session → Compare sessions… for docs/screenshots/compare/.

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1080x24" \\
        python scripts/compare_shots.py [--seeds 100] [--out docs/screenshots/compare]

Twelve finished tables (tests/compare/tables.py: three deals of three tables, three tables
with a deal of their own; what-ifs stored), one save cut short, one unfinished game and a
stray file, opened in the comparison window at 1920×1080 and 1280×720 and grabbed; then the
PDF's page as a picture (needs poppler-utils). PNGs are reduced to 256 colours with
ImageMagick's mogrify when it is there.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.compare.tables
from tests.compare.tables import make_tables
from tests.store.games import bot_game, save_bytes


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=100)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots/compare"))
    args = parser.parse_args()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([])
    from consortium.ui.kit.theme import Theme  # noqa: PLC0415
    from consortium.ui.shell.compare_dialog import CompareWindow  # noqa: PLC0415
    from consortium.ui.shell.compare_files import write_compare_pdf  # noqa: PLC0415
    from consortium.ui.shell.file_dialogs import ScriptedFiles  # noqa: PLC0415

    Theme().apply(app)
    args.out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "usb-stick"
        folder.mkdir()
        make_tables(folder, seeds=args.seeds)
        whole = (folder / "table-01.consortium").read_bytes()
        (folder / "table-13-copy.consortium").write_bytes(whole[: len(whole) // 3])
        state, actions = bot_game(steps=40)
        (folder / "table-14.consortium").write_bytes(save_bytes(state, actions))
        (folder / "agenda.consortium").write_text("Agenda: 14:00 debrief\n", "utf-8")
        for width, height in ((1920, 1080), (1280, 720)):
            window = CompareWindow(ScriptedFiles([]), seeds=args.seeds)
            window.resize(width, height)
            window.show()
            window.add([folder])
            for _ in range(20):
                app.processEvents()
            path = args.out / f"compare-{width}x{height}.png"
            window.grab().save(str(path))
            written.append(path)
            window.close()
        comparison = window.comparison
        pdf = Path(temp) / "compare.pdf"
        write_compare_pdf(pdf, comparison)
        if shutil.which("pdftoppm"):
            subprocess.run(["pdftoppm", "-r", "110", "-png", "-singlefile", str(pdf),
                            str(args.out / "compare-pdf")], check=True)
            written.append(args.out / "compare-pdf.png")
    if shutil.which("mogrify"):
        subprocess.run(["mogrify", "-colors", "256", *map(str, written)], check=True)
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
