"""Every write the store makes goes through one small object, so tests can make the disk fail.

Tests run as root, where ``chmod`` cannot make a folder read-only, and a full disk cannot be
had on demand; a test replaces :class:`FileSystem` with one whose methods raise
``OSError(ENOSPC)`` or ``PermissionError`` at the step it wants to break.

:func:`atomic_write` is the one way a file is written: a temporary file in the same folder,
written, flushed and fsynced, then renamed over the target, so a reader (or the next start
after a crash or a dead battery) sees the old file or the new one, never half of one. On
Windows the rename can fail with "Access is denied" while antivirus or a sync client holds
the file (PACKAGING_NOTES.md), so there it is retried with a short backoff.

Every file the store opens is a regular file, or it is not opened (:func:`open_file`): a
data folder on a shared USB stick may hold a symbolic link planted where a save or a marker
goes, or a named pipe (FIFO) named like a save, and neither may be written through or block
the program. The path is looked at first (``lstat``: a link is named, not followed), then
opened without following a link (``O_NOFOLLOW``) and without blocking (``O_NONBLOCK``) where
the system has them, and what was opened is checked again (``fstat``), so a swap in between
is caught too. A refusal is :class:`NotAFileError`, which says what was found instead.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

REPLACE_RETRY_DELAYS: Final = (0.01, 0.02, 0.05, 0.1, 0.2)
"""Seconds to wait before each retry of a refused rename on Windows (0.38 s in all)."""

TEMP_SUFFIX: Final = ".tmp"

# Flags the system may not have (Windows has neither links to follow by accident in a data
# folder nor FIFOs; there the lstat and fstat checks do the work).
_NO_FOLLOW: Final = getattr(os, "O_NOFOLLOW", 0)
_NO_BLOCK: Final = getattr(os, "O_NONBLOCK", 0)
_OPEN_FLAGS: Final = getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0) | _NO_BLOCK


def N_(message: str) -> str:
    """Marks ``message`` for the catalogue, as :func:`consortium.engine.words.N_` does: this
    module is read at launch (the settings), before the engine and attrs may be imported."""
    return message


class NotAFileError(OSError):
    """Something other than a regular file where one is read or written: a symbolic link
    (never followed in the data folder), a named pipe, a device, a socket or a folder."""

    def __init__(self, path: str | os.PathLike[str], kind: str) -> None:
        self.kind = kind
        super().__init__(None, f"{Path(path).name} is {kind}, not a file", os.fspath(path))

    def __str__(self) -> str:
        return f"{self.filename}: is {self.kind}, not a file"


def kind_of(mode: int) -> str | None:
    """What a file mode is, in words, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, kind in (
        (stat.S_ISLNK, N_("a symbolic link")),
        (stat.S_ISFIFO, N_("a named pipe (FIFO)")),
        (stat.S_ISCHR, N_("a device")),
        (stat.S_ISBLK, N_("a device")),
        (stat.S_ISSOCK, N_("a socket")),
        (stat.S_ISDIR, N_("a folder")),
    ):
        if test(mode):
            return kind
    return N_("not a regular file")


def open_file(path: str | os.PathLike[str], flags: int, *, follow_links: bool = False) -> int:
    """``os.open`` for a regular file only: anything else raises :class:`NotAFileError`
    before it is opened (a FIFO never blocks, a link is never followed unless
    ``follow_links``: a path a person chose may be a link; one in the data folder may not).
    Pass ``os.O_CREAT`` to create a missing file. The descriptor is blocking again."""
    try:
        _looked_at(path, follow_links=follow_links)
    except FileNotFoundError:
        if not flags & os.O_CREAT:
            raise
    try:
        fd = os.open(path, flags | _OPEN_FLAGS | (0 if follow_links else _NO_FOLLOW), 0o666)
    except OSError as error:
        if error.errno == errno.ELOOP and not follow_links:  # a link swapped in since lstat
            raise NotAFileError(path, N_("a symbolic link")) from None
        raise
    try:
        kind = kind_of(os.fstat(fd).st_mode)
        if kind is not None:
            raise NotAFileError(path, kind)
        if _NO_BLOCK:
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _looked_at(path: str | os.PathLike[str], *, follow_links: bool) -> os.stat_result:
    """The path's status, if it is a regular file (else :class:`NotAFileError`)."""
    found = os.stat(path) if follow_links else os.lstat(path)
    kind = kind_of(found.st_mode)
    if kind is not None:
        raise NotAFileError(path, kind)
    return found


def read_file(
    path: str | os.PathLike[str], limit: int, *, follow_links: bool = False
) -> tuple[bytes, int]:
    """At most ``limit + 1`` bytes of a regular file (one more than allowed, so a file that
    grew past ``limit`` is still seen to be too big), and its size. A file over ``limit`` is
    not even opened, and nothing is read."""
    size = _looked_at(path, follow_links=follow_links).st_size
    if size > limit:
        return b"", size
    fd = open_file(path, os.O_RDONLY, follow_links=follow_links)
    with os.fdopen(fd, "rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        if size > limit:
            return b"", size
        return stream.read(limit + 1), size


def read_start(path: str | os.PathLike[str], count: int) -> bytes:
    """The first ``count`` bytes of a regular file (the resume list's headers)."""
    with os.fdopen(open_file(path, os.O_RDONLY), "rb") as stream:
        return stream.read(count)


class FileSystem:
    """The real file system. Subclass and override a method to inject a failure."""

    def make_folder(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)

    def write_file(self, path: Path, data: bytes) -> None:
        """Write ``data`` to ``path`` (a leftover from a crash is overwritten) and push it to
        the disk. Never through a link, never into a FIFO or device: :class:`NotAFileError`."""
        fd = open_file(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        with os.fdopen(fd, "wb") as stream:
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
    _clear_strange_temp(fs, temp)
    try:
        fs.write_file(temp, data)
        _replace(fs, temp, target, delays, sleep)
    except BaseException:
        with contextlib.suppress(OSError):
            fs.remove(temp)
        raise
    fs.sync_folder(target.parent)


def _clear_strange_temp(fs: FileSystem, temp: Path) -> None:
    """A temporary name that holds a link, a FIFO or a device (planted, since the program
    only ever writes regular files there) is removed first: removing never follows a link,
    and the write then creates a file of its own. A regular leftover is simply overwritten."""
    try:
        found = os.lstat(temp)
    except OSError:
        return
    if kind_of(found.st_mode) not in (None, "a folder"):
        with contextlib.suppress(OSError):
            fs.remove(temp)


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
        ("ENOSPC", N_("disk full")),
        ("EDQUOT", N_("disk quota exceeded")),  # not on Windows
        ("EACCES", N_("permission denied")),
        ("EPERM", N_("permission denied")),
        ("EROFS", N_("the disk is read-only")),
        ("ENOENT", N_("the folder is gone (a USB stick taken out?)")),
        ("ENOTDIR", N_("a file is in the way of the folder")),
        ("EIO", N_("the disk reported an error")),
    )
    if hasattr(errno, name)
}
PLAIN_REASONS: Final = frozenset(_REASONS.values())
"""The reasons :func:`reason` words itself (English, marked for the catalogue); any other is
the system's own text, which :mod:`consortium.present.problem_words` shows as it is."""


def reason(error: OSError) -> str:
    """An OS error in a few plain words, for "Cannot save to …: <reason>"."""
    if isinstance(error, NotAFileError):
        return str(error.strerror)
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    return (error.strerror or str(error) or type(error).__name__).lower()
