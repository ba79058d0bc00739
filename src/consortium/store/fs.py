"""Every write the store makes goes through one small object, so tests can make the disk fail.

Tests run as root, where ``chmod`` cannot make a folder read-only, and a full disk cannot be
had on demand; a test replaces :class:`FileSystem` with one whose methods raise
``OSError(ENOSPC)`` or ``PermissionError`` at the step it wants to break.

:func:`atomic_write` is the one way a file is written: a temporary file in the same folder,
written, flushed and fsynced, then renamed over the target, so a reader (or the next start
after a crash or a dead battery) sees the old file or the new one, never half of one. On
Windows the rename can fail with "Access is denied" while antivirus or a sync client holds
the file (PACKAGING_NOTES.md), so there it is retried with a short backoff.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

REPLACE_RETRY_DELAYS: Final = (0.01, 0.02, 0.05, 0.1, 0.2)
"""Seconds to wait before each retry of a refused rename on Windows (0.38 s in all)."""

TEMP_SUFFIX: Final = ".tmp"


class FileSystem:
    """The real file system. Subclass and override a method to inject a failure."""

    def make_folder(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)

    def write_file(self, path: Path, data: bytes) -> None:
        """Write ``data`` to ``path`` (a leftover from a crash is overwritten) and push it to
        the disk."""
        with path.open("wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())

    def replace(self, source: Path, target: Path) -> None:
        os.replace(source, target)

    def remove(self, path: Path) -> None:
        path.unlink(missing_ok=True)

    def sync_folder(self, path: Path) -> None:
        """Push a rename to the disk (POSIX). Windows cannot open a folder for this, and
        some file systems refuse; the file itself is already synced, so that is no error."""
        if os.name != "posix":
            return
        with contextlib.suppress(OSError):
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def temp_path(target: Path) -> Path:
    """The temporary file for ``target``: hidden, in the same folder (so the rename is
    atomic), and recognisable as leftover after a crash."""
    return target.with_name(f".{target.name}{TEMP_SUFFIX}")


def atomic_write(
    fs: FileSystem,
    target: Path,
    data: bytes,
    *,
    retry_delays: Sequence[float] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Replace ``target`` with ``data`` all at once; on failure ``target`` is untouched.

    ``retry_delays``: waits before retrying a rename refused with PermissionError; by default
    :data:`REPLACE_RETRY_DELAYS` on Windows and none elsewhere (where a refusal is final).
    """
    delays = retry_delays if retry_delays is not None else _default_delays()
    temp = temp_path(target)
    try:
        fs.write_file(temp, data)
        _replace(fs, temp, target, delays, sleep)
    except BaseException:
        with contextlib.suppress(OSError):
            fs.remove(temp)
        raise
    fs.sync_folder(target.parent)


def _default_delays() -> Sequence[float]:
    return REPLACE_RETRY_DELAYS if sys.platform == "win32" else ()


def _replace(
    fs: FileSystem,
    source: Path,
    target: Path,
    delays: Sequence[float],
    sleep: Callable[[float], None],
) -> None:
    for delay in delays:
        try:
            fs.replace(source, target)
        except PermissionError:
            sleep(delay)
        else:
            return
    fs.replace(source, target)


_REASONS: Final = {
    getattr(errno, name): text
    for name, text in (
        ("ENOSPC", "disk full"),
        ("EDQUOT", "disk quota exceeded"),  # not on Windows
        ("EACCES", "permission denied"),
        ("EPERM", "permission denied"),
        ("EROFS", "the disk is read-only"),
        ("ENOENT", "the folder is gone (a USB stick taken out?)"),
        ("ENOTDIR", "a file is in the way of the folder"),
        ("EIO", "the disk reported an error"),
    )
    if hasattr(errno, name)
}


def reason(error: OSError) -> str:
    """An OS error in a few plain words, for "Cannot save to …: <reason>"."""
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    return (error.strerror or str(error) or type(error).__name__).lower()
