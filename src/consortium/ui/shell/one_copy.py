"""One running copy of Consortium per data folder (issue 10): a second launch brings the first
window forward instead of opening a second writer of the same sessions.

People double-click an icon twice. The first copy for a data folder holds an operating-system
lock (:mod:`consortium.store.locks`) on a small file named for that folder and listens on a
local socket of the same name (a Unix-domain socket on Linux and macOS, a named pipe on
Windows; :mod:`multiprocessing.connection`, so no Qt network module ships for it). A later
launch that finds the lock taken connects, asks the first copy to come forward and exits; the
first window restores itself if minimized, comes to the front and says in its status bar that
it is the copy in use. The lock, not the socket, decides who is first: the kernel drops it
when the first copy dies, however it dies, so a crash never leaves a launch waiting for a
copy that is gone, and a socket file left behind is removed by the next first copy.

The names carry a hash of the user and the data folder's real path, so two users, or a
portable USB stick and the per-user folder, never meet. The lock file is in the per-user
runtime folder (``$XDG_RUNTIME_DIR``, else the temporary folder); the socket is in Linux's
abstract namespace (no file at all), a named pipe on Windows, and beside the lock on macOS
(where a dead copy's socket file is removed by the next first copy).

When the first copy does not answer within :data:`WAIT` seconds (stopped in a debugger, or
hung), the new launch opens anyway and says so: every session's own lock still keeps the two
copies from writing one session. Bringing a window to the front is the window system's
decision: Windows lets the first copy do it because the new launch hands it the right
(``AllowSetForegroundWindow``); Wayland and some X11 window managers may flash the window
or its taskbar entry instead.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Final, Protocol

from PySide6.QtCore import QObject, Signal

from consortium.store import locks

if TYPE_CHECKING:
    from multiprocessing.connection import Listener

WAIT: Final = 15.0
"""Seconds a second launch waits for the first copy's answer before opening anyway. The
first copy listens once its start screen has painted (a fraction of a second, more on a
slow laptop with a virus scanner); its answer then comes from a thread of its own, busy
window or not, so only a stopped or hung process makes anyone wait this long."""

_HELLO: Final = b"consortium"
_COME_FORWARD: Final = b"come forward"
_DONE: Final = b"ok"
_SOCKET_PATH_LIMIT: Final = 104  # bytes in a Unix-domain socket's path on macOS (108: Linux)


def _runtime_folder() -> Path:
    runtime = os.environ.get("XDG_RUNTIME_DIR", "") if os.name == "posix" else ""
    if runtime and os.path.isdir(runtime):
        return Path(runtime)
    return Path(tempfile.gettempdir())


def names(data: Path) -> tuple[Path, str]:
    """The lock file and the socket address for one user's copies on ``data``."""
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    folder = os.path.normcase(os.path.realpath(data))
    digest = hashlib.sha256(f"{user}\0{folder}".encode()).hexdigest()[:20]
    name = f"consortium-{digest}"
    lock = _runtime_folder() / f"{name}.lock"
    if sys.platform == "win32":
        return lock, rf"\\.\pipe\{name}"
    if sys.platform.startswith("linux"):
        return lock, f"\0{name}"  # the abstract namespace: no file, gone with its process
    socket = lock.with_suffix(".sock")
    if len(os.fsencode(socket)) >= _SOCKET_PATH_LIMIT:  # a deep temporary folder
        socket = Path("/tmp") / socket.name
    return lock, str(socket)


def _family() -> str:
    return "AF_PIPE" if sys.platform == "win32" else "AF_UNIX"


class _Channel(Protocol):
    """What is used of a :mod:`multiprocessing.connection` connection (a socket's or, on
    Windows, a pipe's)."""

    def send_bytes(self, buf: bytes) -> None: ...
    def recv_bytes(self, maxlength: int | None = None) -> bytes: ...
    def poll(self, timeout: float | None = 0.0) -> bool: ...
    def close(self) -> None: ...


class _Bridge(QObject):
    """Carries a request from the listening thread to the GUI thread."""

    asked = Signal()


class OneCopy:
    """This process is the copy of Consortium for a data folder (or, when :attr:`unanswered`,
    runs beside another one that did not answer). Keep it for the program's life; call
    :meth:`serve` once the window is up and :meth:`close` when the program ends (the kernel
    drops the lock anyway)."""

    def __init__(
        self,
        data: Path,
        *,
        lock: locks.OwnerLock | None = None,
        address: str = "",
        unanswered: bool = False,
    ) -> None:
        self.data = data
        self.unanswered = unanswered  # another copy holds the folder and did not answer
        self._lock = lock
        self._address = address
        self._listener: Listener | None = None
        self._closing = False
        self._thread: threading.Thread | None = None
        self._bridge: _Bridge | None = None

    @property
    def guarded(self) -> bool:
        """Later launches on this data folder come to this copy."""
        return self._listener is not None

    def serve(self, come_forward: Callable[[], None]) -> None:
        """Answer later launches from now on: ``come_forward`` runs on the GUI thread. Call
        it there once the start screen has painted: listening costs a module import and a
        socket, which the launch need not wait for (a later launch finds the lock taken and
        waits for the socket)."""
        from PySide6.QtCore import Qt  # noqa: PLC0415 - not at launch: the first touch of Qt's namespace builds its hundred enums

        if self._lock is None or self._thread is not None:
            return
        self._listener = _listen(self._address)
        if self._listener is None:
            return  # cannot listen: this copy runs alone, its lock still held
        self._bridge = _Bridge()
        self._bridge.asked.connect(come_forward, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._run, name="consortium-one-copy",
                                        daemon=True)
        self._thread.start()

    def close(self) -> None:
        """Stop answering, remove the socket and let go of the lock."""
        self._closing = True
        listener, self._listener = self._listener, None
        if listener is not None:
            if self._thread is not None:  # wake the thread from accept() so it sees _closing
                with contextlib.suppress(Exception):
                    _connect(self._address).close()
            with contextlib.suppress(OSError):
                listener.close()
        if self._thread is not None:
            self._thread.join(timeout=2)
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _run(self) -> None:
        listener = self._listener
        while listener is not None and not self._closing:
            try:
                connection = listener.accept()
            except OSError:
                if self._closing:
                    return
                time.sleep(0.05)  # a failed accept must not spin
                continue
            if self._closing:
                connection.close()
                return
            try:
                self._answer(connection)
            finally:
                connection.close()

    def _answer(self, connection: _Channel) -> None:
        """Say who we are; on "come forward", come forward. Anything else is dropped."""
        try:
            connection.send_bytes(_HELLO + b" %d" % os.getpid())
            if not connection.poll(WAIT):
                return
            if connection.recv_bytes(64) != _COME_FORWARD:
                return
            if self._bridge is not None:
                self._bridge.asked.emit()
            connection.send_bytes(_DONE)
        except (OSError, EOFError):
            return


def claim(data: Path, *, wait: float = WAIT) -> OneCopy | None:
    """Become the copy of Consortium for ``data``, or bring the running one forward.

    None: another copy runs for this data folder and was asked to come forward; this launch
    ends. Otherwise the :class:`OneCopy` to keep: holding the folder's lock (it listens from
    :meth:`OneCopy.serve` on), or not: the runtime folder cannot hold the lock (then nothing
    is said: every session's own lock still guards it), or the running copy did not answer
    within ``wait`` seconds (:attr:`OneCopy.unanswered`, for the window to say).
    """
    lock_path, address = names(data)
    deadline = time.monotonic() + wait
    while True:
        try:
            lock = locks.acquire(lock_path, wait=0)
        except locks.LockHeld:
            pass
        except OSError:
            return OneCopy(data)
        else:
            return OneCopy(data, lock=lock, address=address)
        if _ask_to_come_forward(address, deadline):
            return None
        if time.monotonic() >= deadline:
            return OneCopy(data, unanswered=True)
        time.sleep(0.05)  # the first copy took the lock and is about to listen


def _listen(address: str) -> Listener | None:
    from multiprocessing.connection import Listener  # noqa: PLC0415 - after the first paint

    if sys.platform != "win32" and not address.startswith("\0"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(address)  # a dead copy's socket: we hold the lock, so nobody is there
    try:
        return Listener(address, family=_family(), backlog=8)
    except OSError:
        return None


def _connect(address: str) -> _Channel:
    from multiprocessing.connection import Client  # noqa: PLC0415 - not at every launch

    return Client(address, family=_family())


def _ask_to_come_forward(address: str, deadline: float) -> bool:
    """True when the running copy said it came forward; False when it cannot be reached
    (not listening yet, or gone) or did not answer in time."""
    try:
        connection = _connect(address)
    except OSError:
        return False
    try:
        if not connection.poll(max(0.0, deadline - time.monotonic())):
            return False
        hello = connection.recv_bytes(64)
        if not hello.startswith(_HELLO):
            return False
        _let_it_come_forward(hello)
        connection.send_bytes(_COME_FORWARD)
        if not connection.poll(max(0.0, deadline - time.monotonic())):
            return False
        return connection.recv_bytes(64) == _DONE
    except (OSError, EOFError):
        return False
    finally:
        connection.close()


def _let_it_come_forward(hello: bytes) -> None:
    """Windows gives the foreground only to the process the person just started (this one):
    hand that right to the running copy, whose PID is in its hello."""
    if sys.platform != "win32":
        return
    import ctypes  # noqa: PLC0415 - Windows only

    with contextlib.suppress(ValueError, OSError, AttributeError):
        pid = int(hello.split()[1])
        ctypes.windll.user32.AllowSetForegroundWindow(pid)
