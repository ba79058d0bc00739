"""Locks that the operating system releases when their process ends, however it ends.

A session folder's writer, and the one running copy of the program for a data folder, hold
an exclusive lock on a small file for as long as they live: ``flock`` on Linux and macOS,
``msvcrt.locking`` (``LockFileEx``) on Windows, taken on a descriptor kept open. A process
that is killed, crashes or loses its battery drops the lock with its descriptors, so "is
someone still there?" is asked of the kernel, never answered from a PID written in a file
(PIDs are reused, and a file outlives its writer).

``flock`` rather than ``fcntl`` record locks: a record lock belongs to the whole process and
is dropped when *any* descriptor of the file is closed, so merely looking at one's own lock
would release it. Even so, this process never opens a file it holds a lock on (on NFS, Linux
emulates ``flock`` with record locks): :data:`_HELD` remembers them, and asking about one of
them answers "held" without touching the file. The same lock asked for twice in one process
is refused, exactly as from another process: two windows of one process are two owners.

A lock file is never deleted (deleting a locked file would let a second process lock a new
file of the same name). It is opened without following a symbolic link and must be a regular
file: a link, folder, FIFO or device in its place is refused with :class:`OSError`. A file
system without locks (some network shares) gives an :class:`OwnerLock` that is not
:attr:`~OwnerLock.enforced`: the program works as before there, and nothing pretends otherwise.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import threading
import time
import weakref
from pathlib import Path
from typing import Final

WAIT: Final = 0.5
"""Seconds :func:`acquire` keeps trying while the lock is taken: another process looking
at it (:func:`is_held`) takes it for a few microseconds, which must not read as "in use"."""

_FLAGS: Final = (
    getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_NOINHERIT", 0)  # Windows: no child process keeps the lock alive
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO in the lock file's place must not hang the open
    | getattr(os, "O_BINARY", 0)
)
_NO_LOCKS: Final = frozenset(
    code
    for name in ("ENOLCK", "EOPNOTSUPP", "ENOTSUP", "ENOSYS")
    if (code := getattr(errno, name, None)) is not None
)

# (device, inode) → the lock this process holds. Weak: an owner dropped without a word (no
# one can reach it to write any more) lets go, as a process that ends does.
_HELD: weakref.WeakValueDictionary[tuple[int, int], OwnerLock] = weakref.WeakValueDictionary()
_HELD_GUARD = threading.Lock()


class LockHeld(Exception):
    """Another owner (another process, or another object in this one) holds the lock."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is locked by another owner")
        self.path = path


class OwnerLock:
    """An exclusive lock held on an open file until :meth:`release` or the process's end."""

    def __init__(self, path: Path, fd: int, key: tuple[int, int], *, enforced: bool) -> None:
        self.path = path
        self.enforced = enforced  # False: the file system has no locks (nothing is excluded)
        self._fd: int | None = fd
        self._key = key

    @property
    def held(self) -> bool:
        """Still ours: not released, and the path still names the file we locked (a folder
        deleted and made again, a USB stick pulled out and put back, holds a new file)."""
        if self._fd is None:
            return False
        try:
            return _key(os.lstat(self.path)) == self._key
        except OSError:
            return False

    def release(self) -> None:
        """Let go (closing the descriptor is what releases the lock). Twice is harmless."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with _HELD_GUARD:
            if _HELD.get(self._key) is self:
                del _HELD[self._key]
        if sys.platform == "win32" and self.enforced:
            with contextlib.suppress(OSError):
                os.lseek(fd, 0, os.SEEK_SET)
                _unlock(fd)
        with contextlib.suppress(OSError):
            os.close(fd)

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.release()

    def __repr__(self) -> str:
        return f"OwnerLock({str(self.path)!r}, held={self._fd is not None})"


def acquire(path: Path, *, wait: float = WAIT) -> OwnerLock:
    """Take the lock on ``path``, creating the file if it is missing.

    Raises :class:`LockHeld` when another owner still holds it after ``wait`` seconds, and
    :class:`OSError` when the file cannot be opened (a read-only folder without the file, a
    link or special file in its place). A read-only folder that has the file is locked
    through a read-only descriptor: locks need no write access.
    """
    deadline = time.monotonic() + wait
    while True:
        with contextlib.suppress(FileNotFoundError):
            if _mine(_key(os.lstat(path))):  # decided without opening it (see above)
                raise LockHeld(path)
        fd = _open(path)
        try:
            key = _key(os.fstat(fd))
            if _mine(key):
                raise LockHeld(path)
            enforced = _try_lock(fd)
            if enforced is not None and _key(os.lstat(path)) == key:
                lock = OwnerLock(path, fd, key, enforced=enforced)
                with _HELD_GUARD:
                    _HELD[key] = lock
                return lock
        except BaseException:
            os.close(fd)
            raise
        if enforced and sys.platform == "win32":
            with contextlib.suppress(OSError):
                _unlock(fd)  # Windows may keep a closed file's lock a while
        os.close(fd)  # taken by another owner, or the file was replaced while we locked it
        if enforced is None:
            if time.monotonic() >= deadline:
                raise LockHeld(path)
            time.sleep(0.01)  # it may be someone looking (is_held): a moment, no more


def is_held(path: Path) -> bool:
    """Whether a live owner holds the lock on ``path``: this process (answered without
    opening the file) or another one. False when there is no such file, when it is not a
    regular file, and when the file system has no locks (nobody can be seen there)."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    if _mine(_key(info)):
        return True
    try:
        fd = os.open(path, os.O_RDONLY | _FLAGS)
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        looked = _try_lock(fd, shared=True)
        if looked and sys.platform == "win32":
            _unlock(fd)  # Windows may keep a closed file's lock a while: give it back now
        return looked is None
    finally:
        os.close(fd)


def _mine(key: tuple[int, int]) -> bool:
    with _HELD_GUARD:
        return key in _HELD


def _open(path: Path) -> int:
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | _FLAGS, 0o644)
    except OSError as error:
        if error.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise
        try:  # a read-only folder that has the file: lock it all the same
            fd = os.open(path, os.O_RDONLY | _FLAGS)
        except FileNotFoundError:
            raise error from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise OSError(errno.EINVAL, "a link or special file is in the place of the lock file",
                      str(path))
    return fd


def _key(info: os.stat_result) -> tuple[int, int]:
    return (info.st_dev, info.st_ino)


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int, *, shared: bool = False) -> bool | None:
        """Lock the file's first byte (the lock file is empty: nothing becomes unreadable).
        True when locked, None when someone else holds it, False when locks are not
        supported. msvcrt has exclusive locks only: a look holds one for microseconds."""
        del shared
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as error:
            if error.errno in (errno.EACCES, errno.EDEADLOCK):
                return None
            if error.errno in _NO_LOCKS:
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int, *, shared: bool = False) -> bool | None:
        """True when locked, None when someone else holds it, False when the file system
        has no locks."""
        try:
            fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except BlockingIOError:
            return None
        except OSError as error:
            if error.errno in _NO_LOCKS:
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
