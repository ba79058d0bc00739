"""Where Consortium keeps its files: the per-user folders, or next to the program when it
runs from a USB stick (portable mode).

Resolved once in ``main()`` and passed in (ARCHITECTURE.md: "Paths are resolved in main(),
never at import"), so tests hand every part of the store a temporary folder and never patch
a global. platformdirs is imported only when the per-user folders are asked for.

Portable mode: ``--portable`` on the command line, or a file named ``consortium-portable``
next to the program, keeps all data in ``consortium-data/`` beside the program — a trainer's
USB stick carries the game, its settings and every autosaved session from laptop to laptop.

On Windows and macOS platformdirs' data and config folders are the same folder
(PACKAGING_NOTES.md), so sessions live in their own ``sessions/`` subfolder and settings
have a file name of their own.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Final, NamedTuple

APP_NAME: Final = "Consortium"
PORTABLE_FLAG: Final = "--portable"
PORTABLE_MARKER: Final = "consortium-portable"
PORTABLE_FOLDER: Final = "consortium-data"
SETTINGS_FILE: Final = "consortium-settings.json"
NOT_NOW_FILE: Final = "consortium-not-now.json"


class DataPaths(NamedTuple):
    """The folders in use. Nothing is created here; the first write creates what it needs.

    A named tuple rather than an attrs record: this module loads at launch, and attrs alone
    costs a bare window's tenth (bench/launch.py)."""

    data: Path
    config: Path
    portable: bool

    @property
    def sessions(self) -> Path:
        """Autosaved sessions, one folder each (see :mod:`consortium.store.sessions`)."""
        return self.data / "sessions"

    @property
    def settings(self) -> Path:
        return self.config / SETTINGS_FILE

    @property
    def not_now(self) -> Path:
        """"Not now" answers to the crash offer for sessions in a read-only folder
        (:func:`~consortium.store.sessions.dismiss_interrupted`)."""
        return self.config / NOT_NOW_FILE


def program_folder() -> Path:
    """The folder the program runs from: the frozen executable's folder in a PyInstaller
    build, else the folder of the script that started Python (``consortium`` in a venv's
    ``bin``, or the checkout's launcher)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    start = sys.argv[0] if sys.argv and sys.argv[0] else sys.executable
    return Path(start).resolve().parent


def wants_portable(argv: Sequence[str], program: Path) -> bool:
    """Portable when asked on the command line or marked by a file next to the program."""
    return PORTABLE_FLAG in argv or (program / PORTABLE_MARKER).is_file()


def resolve_paths(*, portable: bool, program: Path) -> DataPaths:
    """The data and config folders: next to the program when portable, else platformdirs'
    per-user folders (``~/.local/share/Consortium``, ``%LOCALAPPDATA%\\Consortium`` …)."""
    if portable:
        root = program / PORTABLE_FOLDER
        return DataPaths(data=root, config=root, portable=True)
    import platformdirs  # noqa: PLC0415 - asked for here, in main(), never at import

    return DataPaths(
        data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        config=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        portable=False,
    )


def paths_for(argv: Sequence[str]) -> DataPaths:
    """What ``main()`` calls: portable or per-user, from the command line and the marker."""
    program = program_folder()
    return resolve_paths(portable=wants_portable(argv, program), program=program)
