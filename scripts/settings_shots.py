"""Screenshots of the Settings page and of the start screen in high contrast (issue 15), into
docs/screenshots/settings/:

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24" \\
        python scripts/settings_shots.py --size 1366x768
    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x720x24" \\
        python scripts/settings_shots.py --size 1280x720

then ``mogrify -colors 256 docs/screenshots/settings/*.png``. The data folders are a temporary
folder, never the user's. ``--languages en,sv`` lists languages in the pickers as a copy with
those catalogues would (default: the catalogues this checkout has).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QElapsedTimer

from consortium.present.languages import available_languages
from consortium.store.paths import DataPaths
from consortium.store.settings import Settings
from consortium.ui.shell.app import Startup, build

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots" / "settings"


def pump(ms: int = 150) -> None:
    timer = QElapsedTimer()
    timer.start()
    while timer.elapsed() < ms:
        QCoreApplication.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--languages", default="")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    languages = (tuple(args.languages.split(",")) if args.languages
                 else available_languages())
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        paths = DataPaths(data=Path(folder) / "data", config=Path(folder) / "config",
                          portable=False)
        # the folder in use is the one Settings name, as after a start on the default folder
        found = Startup(paths, Settings(data_folder=str(paths.data)), (), languages)
        app, window = build(["--pacing", "0", "--exit-when-ready"], found=found)
        window.setGeometry(0, 0, width, height)
        window.showMaximized()
        pump(400)
        window.show_settings()
        pump()
        window.grab().save(str(args.out / f"settings-{width}x{height}.png"))
        page = window.settings_page
        assert page is not None
        page.high_contrast.setChecked(True)
        pump()
        window.grab().save(str(args.out / f"settings-high-contrast-{width}x{height}.png"))
        page.back_button.click()
        pump()
        window.grab().save(str(args.out / f"start-high-contrast-{width}x{height}.png"))
        window.close()
        pump(50)
        del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
