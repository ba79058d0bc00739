"""Autosaved sessions on disk: where they live, the resume list, and crash detection.

Each session has a folder under the data folder's ``sessions/``, named for its start time and
scenario (``2025-03-01_14-05-00_cancer-care``), made when the session starts, under a name no
other session has: the folder is created with an exclusive ``mkdir`` (``-2``, ``-3`` … when the
name is taken), so two copies of the program starting the same scenario in the same second
get two folders, never one to share (issue 10). It holds:

- ``save-000041.consortium`` … numbered saves, one per autosave; the highest number is the
  newest, and the last :data:`KEEP` are kept, so a damaged newest file still leaves the ones
  before it. A new save always gets a new name: the last good file is never overwritten.
- ``lock``: an empty file on which the session's one writer holds an operating-system lock
  (:mod:`consortium.store.locks`) for as long as its window has the session open. The lock
  goes when the writer's process ends, however it ends, so it answers "is the owner still
  there?" where a PID in a file cannot. A second window, in this process or another, cannot
  take a locked session over (:class:`SessionInUse`): never two writers of one folder.
- ``open``: present while a window has the session open, removed when it closes cleanly. A
  session whose ``open`` marker is still there while nobody holds its lock was interrupted (a
  crash, a dead battery, a killed process): the start screen offers to resume it. A live
  owner's session is never offered. The marker's content (the writer's PID and start time,
  for a person reading the folder) is not read; a 0.1.0 marker, written before locks
  existed, therefore means "interrupted" exactly as it did.
- ``.save-….consortium.tmp``: an autosave cut short; ignored, and removed by the next save.
- ``put-away``: the trainer removed the session from the resume list. Nothing is deleted (a
  trainer clearing out last week's trial runs must not be one click from losing a real
  session); the folder stays, its saves still open with "Open a save file…", and deleting
  the marker brings the session back to the list.

"Not now" on the crash offer removes the ``open`` marker. When the folder is read-only (a
locked USB stick), the answer is noted instead in a small file outside it (the settings
folder, :attr:`~consortium.store.paths.DataPaths.not_now`), for that marker: the same
interruption is not offered again, a later one is.

The resume list reads only each file's first line (its header), never replays a game.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import stat
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Final, Literal

import attrs

from consortium.engine.words import N_, Words, say
from consortium.store import locks
from consortium.store.fs import FileSystem, atomic_write, reason
from consortium.store.save_file import SAVE_SUFFIX, SaveError, SaveHeader
from consortium.store.save_load import LoadedSave, read_header, read_save_file

SESSIONS_FOLDER: Final = "sessions"
OPEN_MARKER: Final = "open"
PUT_AWAY_MARKER: Final = "put-away"
LOCK_FILE: Final = "lock"
KEEP: Final = 3
NOT_NOW_KEPT: Final = 100  # "Not now" answers remembered outside read-only folders
_NOT_NOW_LIMIT: Final = 256 * 1024
_SAVE_NAME: Final = re.compile(r"save-(\d{6,})" + re.escape(SAVE_SUFFIX))


@attrs.frozen
class SessionEntry:
    """One line of the resume list."""

    folder: Path
    save: Path  # the newest save whose header reads
    header: SaveHeader
    interrupted: bool  # the window never closed cleanly: offer to resume at start
    in_use: bool = False  # a window (here or in another running copy) has it open now

    @property
    def finished(self) -> bool:
        return self.header.finished


class SessionInUse(Exception):
    """Another window (in this copy of the program or another) has this session open and
    is saving it: it cannot be taken over."""

    def __init__(self, folder: Path) -> None:
        super().__init__(f"{folder} is open in another Consortium window")
        self.folder = folder


@attrs.frozen
class NotNow:
    """What became of a "Not now" on the crash offer, for the trainer to be told."""

    kept: Literal["folder", "note", "nowhere"]  # the marker went; noted elsewhere; neither
    why: str = ""  # why the session folder could not be written, in a few plain words


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
        words = self.note_words
        return None if words is None else words.english()

    @property
    def note_words(self) -> Words | None:
        """:attr:`note` as words to translate (the problem keeps its own words)."""
        if not self.skipped:
            return None
        path, error = self.skipped[0]
        first = error.problems[0]
        place = first.place_words or (say(N_("file")) if first.place == "file" else first.place)
        return say(
            N_("The newest autosave ({file}) could not be opened ({place}: {problem}); resumed "
               "from {save}, {step} actions into the game."),
            file=path.name, place=place, problem=first.words or first.message,
            save=self.save.name, step=self.loaded.header.step)


def sessions_folder(data_folder: Path) -> Path:
    return data_folder / SESSIONS_FOLDER


def new_session_folder(sessions: Path, scenario_id: str, started_at: datetime) -> Path:
    """The name a session starting now asks for. Nothing is created here: the autosave
    makes the folder (:func:`make_session_folder`), under this name or, when another session
    has it, the first free ``-2``, ``-3`` …"""
    return sessions / f"{started_at:%Y-%m-%d_%H-%M-%S}_{scenario_id}"


def make_session_folder(wanted: Path, fs: FileSystem | None = None) -> Path:
    """Create a new session's folder, ``wanted`` or the first free ``wanted-2``, ``-3`` …,
    and return it. Atomic: an exclusive ``mkdir`` either makes the folder, and then it is
    this session's alone, or fails because the name is taken (by another copy of the program
    that started the same scenario in the same second), and the next name is tried. Raises
    OSError when the sessions folder cannot be written."""
    (fs or FileSystem()).make_folder(wanted.parent)  # where a failing disk is injected
    for number in range(1, 10_000):
        candidate = wanted if number == 1 else wanted.with_name(f"{wanted.name}-{number}")
        try:
            os.mkdir(candidate)  # exclusive: FileSystem.make_folder accepts an existing one
        except FileExistsError:
            continue
        return candidate
    raise OSError(errno.EEXIST, "every name for a new session folder is taken", str(wanted))


def claim_session(folder: Path) -> locks.OwnerLock:
    """Become the one writer of a session: its lock, held until released or this process
    ends. Raises :class:`SessionInUse` while another window has it open, and OSError when
    the lock file cannot be made (a read-only folder that never had one: nobody can write
    there either, and the autosave says so when it tries)."""
    try:
        return locks.acquire(folder / LOCK_FILE)
    except locks.LockHeld:
        raise SessionInUse(folder) from None


def session_in_use(folder: Path) -> bool:
    """Whether a live window, in this copy of the program or another, has the session open."""
    return locks.is_held(folder / LOCK_FILE)


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
    """The session's window did not close cleanly and nobody has it open now."""
    return _marker_identity(folder) is not None and not session_in_use(folder)


def list_sessions(
    sessions: Path, *, include_finished: bool = False, not_now: Path | None = None
) -> list[SessionEntry]:
    """The resume list: sessions newest first (by the time of their last save), unfinished
    ones only unless ``include_finished``, and none that was put away. Headers only; a
    session none of whose files reads is left out (opening it could only fail). ``not_now``:
    the file of "Not now" answers kept outside read-only folders (:func:`dismiss_interrupted`)."""
    noted = _read_not_now(not_now)
    entries = [
        entry
        for folder in _folders(sessions)
        if not (folder / PUT_AWAY_MARKER).exists()
        and (entry := _entry(folder, noted)) is not None
    ]
    if not include_finished:
        entries = [e for e in entries if not e.finished]
    return sorted(entries, key=lambda e: e.header.saved_at, reverse=True)


def interrupted_sessions(sessions: Path, *, not_now: Path | None = None) -> list[SessionEntry]:
    """Unfinished sessions whose window did not close cleanly and whose owner is gone,
    newest first: after a crash the start screen offers the first of them."""
    return [entry for entry in list_sessions(sessions, not_now=not_now) if entry.interrupted]


def _folders(sessions: Path) -> Iterator[Path]:
    try:
        children = list(os.scandir(sessions))
    except OSError:
        return
    for child in children:
        with contextlib.suppress(OSError):
            if child.is_dir(follow_symlinks=False):  # a linked folder would take saves elsewhere
                yield Path(child.path)


def _entry(folder: Path, noted: set[tuple[str, tuple[int, ...]]]) -> SessionEntry | None:
    for path in save_versions(folder):
        try:
            header = read_header(path)
        except SaveError:
            continue
        in_use = session_in_use(folder)
        marker = _marker_identity(folder)
        interrupted = (
            marker is not None and not in_use and (_folder_key(folder), marker) not in noted
        )
        return SessionEntry(folder, path, header, interrupted, in_use)
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
    raise SaveError.at("file", say(N_("no saves in {folder}"), folder=folder))


def put_away(folder: Path, fs: FileSystem | None = None) -> None:
    """Take a session off the resume list (and out of the crash offer) without deleting
    anything. Raises OSError when the marker cannot be written (a read-only stick), or
    :class:`~consortium.store.fs.NotAFileError` when something other than a file (a planted
    link: never written through) has its name."""
    (fs or FileSystem()).write_file(folder / PUT_AWAY_MARKER, b"")


def dismiss_interrupted(
    folder: Path, fs: FileSystem | None = None, *, not_now: Path | None = None
) -> NotNow:
    """The trainer declined to resume after a crash: stop offering it at start (the session
    stays in the resume list). The ``open`` marker is removed; when the folder is read-only,
    the answer is noted in the ``not_now`` file instead, for this marker only (a later
    interruption is offered again). Says which of the two worked, if any."""
    fs = fs or FileSystem()
    if session_in_use(folder):
        return NotNow("folder")  # resumed meanwhile: the marker is its owner's now
    try:
        fs.remove(folder / OPEN_MARKER)
    except OSError as error:
        why = reason(error)
    else:
        return NotNow("folder")
    marker = _marker_identity(folder)
    if not_now is None or marker is None:
        return NotNow("nowhere", why)
    key = _folder_key(folder)
    noted = [(other, mark) for other, mark in _not_now_entries(not_now) if other != key]
    noted.append((key, marker))
    tree = {"not_now": [{"folder": f, "marker": list(m)} for f, m in noted[-NOT_NOW_KEPT:]]}
    data = json.dumps(tree, indent=1).encode("utf-8")
    try:
        fs.make_folder(not_now.parent)
        atomic_write(fs, not_now, data)
    except OSError:
        return NotNow("nowhere", why)
    return NotNow("note", why)


def _folder_key(folder: Path) -> str:
    return os.path.abspath(folder)


def _marker_identity(folder: Path) -> tuple[int, ...] | None:
    """The ``open`` marker as it is now (a new interruption writes a new one), or None."""
    try:
        info = os.lstat(folder / OPEN_MARKER)
    except OSError:
        return None
    return (info.st_ino, info.st_mtime_ns, info.st_size)


def _not_now_entries(path: Path) -> list[tuple[str, tuple[int, ...]]]:
    """The noted answers (folder, marker), or none when the file is missing, unreadable,
    damaged or not a regular file (it is never opened blocking, never followed as a link)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
                     | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return []
    with os.fdopen(fd, "rb") as stream:
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_size > _NOT_NOW_LIMIT:
                return []
            tree = json.loads(stream.read(_NOT_NOW_LIMIT))
        except (OSError, ValueError):
            return []
    entries = tree.get("not_now") if isinstance(tree, dict) else None
    if not isinstance(entries, list):
        return []
    noted: list[tuple[str, tuple[int, ...]]] = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        folder, marker = entry.get("folder"), entry.get("marker")
        if isinstance(folder, str) and isinstance(marker, list) and all(
            isinstance(n, int) for n in marker
        ):
            noted.append((folder, tuple(marker)))
    return noted


def _read_not_now(path: Path | None) -> set[tuple[str, tuple[int, ...]]]:
    return set(_not_now_entries(path)) if path is not None else set()
