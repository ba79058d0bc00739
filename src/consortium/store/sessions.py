"""Autosaved sessions on disk: where they live, the resume list, and crash detection.

Each session has a folder under the data folder's ``sessions/``, named for its start time and
scenario (``2025-03-01_14-05-00_cancer-care``), holding:

- ``save-000041.consortium`` … numbered saves, one per autosave; the highest number is the
  newest, and the last :data:`KEEP` are kept, so a damaged newest file still leaves the ones
  before it. A new save always gets a new name: the last good file is never overwritten.
- ``open``: present while a window has the session open, removed when it closes cleanly. A
  session whose ``open`` marker is still there at the next start was interrupted (a crash, a
  dead battery, a killed process): the start screen offers to resume it.
- ``.save-….consortium.tmp``: an autosave cut short; ignored, and removed by the next save.
- ``put-away``: the trainer removed the session from the resume list. Nothing is deleted (a
  trainer clearing out last week's trial runs must not be one click from losing a real
  session); the folder stays, its saves still open with "Open a save file…", and deleting
  the marker brings the session back to the list.

The resume list reads only each file's first line (its header), never replays a game.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Final

import attrs

from consortium.store.fs import FileSystem
from consortium.store.save_file import SAVE_SUFFIX, SaveError, SaveHeader
from consortium.store.save_load import LoadedSave, read_header, read_save_file

SESSIONS_FOLDER: Final = "sessions"
OPEN_MARKER: Final = "open"
PUT_AWAY_MARKER: Final = "put-away"
KEEP: Final = 3
_SAVE_NAME: Final = re.compile(r"save-(\d{6,})" + re.escape(SAVE_SUFFIX))


@attrs.frozen
class SessionEntry:
    """One line of the resume list."""

    folder: Path
    save: Path  # the newest save whose header reads
    header: SaveHeader
    interrupted: bool  # the window never closed cleanly: offer to resume at start

    @property
    def finished(self) -> bool:
        return self.header.finished


@attrs.frozen
class ResumedSession:
    """A session opened from its folder: the game, the file it came from, and the newer
    files that could not be opened (each with why), so the window can say so."""

    loaded: LoadedSave
    save: Path
    skipped: tuple[tuple[Path, SaveError], ...] = ()

    @property
    def note(self) -> str | None:
        """"The newest autosave … was damaged; resumed from an earlier one", or None."""
        if not self.skipped:
            return None
        path, error = self.skipped[0]
        return (
            f"The newest autosave ({path.name}) could not be opened ({error.problems[0]}); "
            f"resumed from {self.save.name}, {self.loaded.header.step} actions into the game."
        )


def sessions_folder(data_folder: Path) -> Path:
    return data_folder / SESSIONS_FOLDER


def new_session_folder(sessions: Path, scenario_id: str, started_at: datetime) -> Path:
    """A free folder name for a session starting now (nothing is created yet: the first
    autosave creates it, so a failing data folder never stops a game from starting)."""
    stem = f"{started_at:%Y-%m-%d_%H-%M-%S}_{scenario_id}"
    candidate = sessions / stem
    number = 2
    while candidate.exists():
        candidate = sessions / f"{stem}-{number}"
        number += 1
    return candidate


def save_number(path: Path) -> int | None:
    found = _SAVE_NAME.fullmatch(path.name)
    return int(found[1]) if found else None


def save_name(number: int) -> str:
    return f"save-{number:06d}{SAVE_SUFFIX}"


def save_versions(folder: Path) -> list[Path]:
    """The session's saves, newest first (missing or unreadable folder: none)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    numbered = [(n, folder / name) for name in names if (n := save_number(Path(name))) is not None]
    return [path for _, path in sorted(numbered, reverse=True)]


def is_interrupted(folder: Path) -> bool:
    return (folder / OPEN_MARKER).exists()


def list_sessions(sessions: Path, *, include_finished: bool = False) -> list[SessionEntry]:
    """The resume list: sessions newest first (by the time of their last save), unfinished
    ones only unless ``include_finished``, and none that was put away. Headers only; a
    session none of whose files reads is left out (opening it could only fail)."""
    entries = [
        entry
        for folder in _folders(sessions)
        if not (folder / PUT_AWAY_MARKER).exists() and (entry := _entry(folder)) is not None
    ]
    if not include_finished:
        entries = [e for e in entries if not e.finished]
    return sorted(entries, key=lambda e: e.header.saved_at, reverse=True)


def interrupted_sessions(sessions: Path) -> list[SessionEntry]:
    """Unfinished sessions whose window did not close cleanly, newest first: after a crash
    the start screen offers the first of them."""
    return [entry for entry in list_sessions(sessions) if entry.interrupted]


def _folders(sessions: Path) -> Iterator[Path]:
    try:
        children = list(os.scandir(sessions))
    except OSError:
        return
    for child in children:
        with contextlib.suppress(OSError):
            if child.is_dir(follow_symlinks=False):  # a linked folder would take saves elsewhere
                yield Path(child.path)


def _entry(folder: Path) -> SessionEntry | None:
    for path in save_versions(folder):
        try:
            header = read_header(path)
        except SaveError:
            continue
        return SessionEntry(folder, path, header, is_interrupted(folder))
    return None


def resume_session(folder: Path) -> ResumedSession:
    """Open the newest save of a session that replays, falling back to older versions when
    the newest is damaged; :class:`SaveError` of the newest when none opens."""
    skipped: list[tuple[Path, SaveError]] = []
    for path in save_versions(folder):
        try:
            loaded = read_save_file(path, follow_links=False)
        except SaveError as error:
            skipped.append((path, error))
            continue
        return ResumedSession(loaded, path, tuple(skipped))
    if skipped:
        raise skipped[0][1]
    raise SaveError.at("file", f"no saves in {folder}")


def put_away(folder: Path, fs: FileSystem | None = None) -> None:
    """Take a session off the resume list (and out of the crash offer) without deleting
    anything. Raises OSError when the marker cannot be written (a read-only stick), or
    :class:`~consortium.store.fs.NotAFileError` when something other than a file (a planted
    link: never written through) has its name."""
    (fs or FileSystem()).write_file(folder / PUT_AWAY_MARKER, b"")


def dismiss_interrupted(folder: Path, fs: FileSystem | None = None) -> None:
    """The trainer declined to resume after a crash: stop offering it at start (the session
    stays in the resume list)."""
    with contextlib.suppress(OSError):
        (fs or FileSystem()).remove(folder / OPEN_MARKER)
