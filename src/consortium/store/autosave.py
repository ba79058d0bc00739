"""Autosave after every action, without slowing the game and without ever losing the last
good save (issue 4: "Never lose a workshop").

The window calls :meth:`Autosaver.save` after every action (and after an undo). The call only
hands over the state, the log and the room — immutable values — and returns at once; a
writer thread turns the newest of them into a file with :func:`~consortium.store.fs.atomic_write`
(temporary file, fsync, rename under a new number). A durable write costs several
milliseconds on a real disk, more than a frame, and fast-forward makes hundreds of actions
a second; on the game's thread it would stall the window, so the thread writes the newest
snapshot and skips any it was too slow for (each holds the whole log, so none is lost).

When the disk is full or the folder refuses writes, the game goes on: the status says
"Cannot save to …: disk full; still trying" once (through ``on_status``), the next action
tries again (and so does :meth:`Autosaver.retry`, which the window calls every few seconds
while the room talks without acting), and the files already written stay as they were. When
a write succeeds again the status says so, once.

``on_status`` is called on the writer thread; a Qt window forwards it through a signal (a
queued connection) rather than touching widgets there. Call :meth:`Autosaver.close` when the
session ends or the window closes: it writes what is pending, removes the ``open`` marker
that tells the next start the window did not close cleanly, and lets go of the session.

One writer per session (issue 10): before its first write an autosaver holds the session's
lock (:func:`~consortium.store.sessions.claim_session`; a resumed session's is usually
claimed by the window before the game is taken over, and handed in). It never writes to a
folder whose lock another window holds: that is said in the status, for good (taking the
session over once the other window closes would put this window's older game after that
window's newer saves). A new session's folder is made when the session starts, under a name
of its own (:func:`~consortium.store.sessions.make_session_folder`).
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

import attrs

from consortium.engine.actions import Action
from consortium.engine.state import GameState
from consortium.store.fs import TEMP_SUFFIX, FileSystem, atomic_write, reason
from consortium.store.locks import OwnerLock
from consortium.store.save_file import Room, SaveWriter
from consortium.store.save_load import read_header
from consortium.store.sessions import (
    KEEP,
    OPEN_MARKER,
    SessionInUse,
    claim_session,
    make_session_folder,
    save_name,
    save_number,
    save_versions,
)

IN_USE: Final = (
    "this session is open in another Consortium window, which saves it; this window no "
    "longer does (Session → Save as… keeps this game)"
)


def utc_now() -> datetime:
    return datetime.now(UTC)


@attrs.frozen
class SaveStatus:
    """Whether autosave works, in words the facilitator panel can show as they are."""

    ok: bool
    folder: Path
    message: str = ""  # empty while saving works
    saved_step: int | None = None  # actions in the newest good save of this window
    saved_at: datetime | None = None
    failures: int = 0  # failed attempts since the last good save


@attrs.frozen
class _Snapshot:
    state: GameState
    actions: tuple[Action, ...]
    room: Room
    saved_at: datetime


class Autosaver:
    """Keeps one session's folder up to date with the game in play.

    ``folder`` is the session's folder: :attr:`SessionEntry.folder` for a resumed one, made
    again if it has gone; with ``new=True``, the name a new session asks for
    (:func:`~consortium.store.sessions.new_session_folder`), and the folder is made at once
    under that name or the first free one after it (:attr:`folder` then says which); when
    the data folder cannot be written, the first save that can makes it. ``lock``: the
    session's lock, when the caller claimed it already (it is released by :meth:`close`).
    ``clock`` gives the saved-at times, ``fs`` does every write (tests replace it),
    ``background=False`` writes on the caller's thread (tests, the crash test's child).
    """

    def __init__(
        self,
        folder: Path,
        *,
        started_at: datetime,
        fs: FileSystem | None = None,
        keep: int = KEEP,
        clock: Callable[[], datetime] = utc_now,
        background: bool = True,
        on_status: Callable[[SaveStatus], None] | None = None,
        retry_delays: Sequence[float] | None = None,
        new: bool = False,
        lock: OwnerLock | None = None,
    ) -> None:
        self.folder = folder
        self._wanted = folder if new else None  # a new session's folder, not made yet
        self._session_lock = lock
        self._in_use = False  # another window holds the session: never write to it
        self._started_at = started_at
        self._fs = fs or FileSystem()
        self._keep = max(1, keep)
        self._clock = clock
        self._on_status = on_status
        self._retry_delays = retry_delays
        self._writer = SaveWriter()
        self._number = 0 if new else max(
            (save_number(p) or 0 for p in save_versions(folder)), default=0
        )
        self._ready = False  # the folder exists and holds our ``open`` marker
        self._status = SaveStatus(ok=True, folder=folder)
        self._failed: _Snapshot | None = None
        self._lock = threading.Condition()
        self._pending: _Snapshot | None = None
        self._busy = False
        self._closed = False
        self._thread: threading.Thread | None = None
        self._background = background
        if new or lock is not None:
            # the session starts now: its folder, lock and ``open`` marker too (when the
            # disk refuses, the first save tries again and says why)
            with contextlib.suppress(OSError, SessionInUse):
                self._prepare()

    # --- the window's side -----------------------------------------------------------------

    @property
    def status(self) -> SaveStatus:
        with self._lock:
            return self._status

    def save(self, state: GameState, actions: Sequence[Action], room: Room) -> None:
        """Save this state (reached by ``actions`` from the start) soon. Never raises for a
        disk problem: that goes to :attr:`status`."""
        snapshot = _Snapshot(state, tuple(actions), room, self._clock())
        if not self._background:
            self._write(snapshot)
            return
        with self._lock:
            if self._closed:
                return
            self._pending = snapshot
            self._start_thread()
            self._lock.notify_all()

    def retry(self) -> bool:
        """Try the last failed save again, with no new action: a group can sit in a pit stop
        for minutes while someone frees the disk or puts the USB stick back, and a crash then
        must not cost them the moves before it. False when there is nothing to retry."""
        with self._lock:
            snapshot = self._failed
            # a newer snapshot queued or being written supersedes the failed one: writing
            # the old one after it would make the newest file an older game
            if snapshot is None or self._closed or self._pending is not None or self._busy:
                return False
            if self._background:
                self._pending = snapshot
                self._start_thread()
                self._lock.notify_all()
                return True
        self._write(snapshot)
        return True

    def flush(self, timeout: float | None = None) -> SaveStatus:
        """Wait until everything handed over is written (or failed); the status then."""
        with self._lock:
            self._lock.wait_for(lambda: self._pending is None and not self._busy, timeout)
            return self._status

    def close(self, timeout: float | None = 10.0) -> SaveStatus:
        """Write what is pending (retrying a failed last save once), stop the writer and
        remove the ``open`` marker: a clean end, not a crash."""
        self.flush(timeout)
        with self._lock:
            self._closed = True
            retry = self._failed
            self._lock.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
        if retry is not None:
            self._write(retry)
        lock, self._session_lock = self._session_lock, None
        if lock is not None:
            if lock.held:  # the marker is ours to remove only while the session is
                with contextlib.suppress(OSError):
                    self._fs.remove(self.folder / OPEN_MARKER)
            lock.release()
        return self.status

    # --- the writer --------------------------------------------------------------------------

    def _start_thread(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._run, name="consortium-autosave", daemon=True
            )
            self._thread.start()

    def _run(self) -> None:
        while True:
            with self._lock:
                self._lock.wait_for(lambda: self._pending is not None or self._closed)
                snapshot, self._pending = self._pending, None
                if snapshot is None:
                    return
                self._busy = True
            try:
                self._write(snapshot)
            finally:
                with self._lock:
                    self._busy = False
                    self._lock.notify_all()

    def _write(self, snapshot: _Snapshot) -> None:
        try:
            data = self._writer.encode(
                snapshot.state,
                snapshot.actions,
                snapshot.room,
                started_at=self._started_at,
                saved_at=snapshot.saved_at,
            )
            self._prepare()
            target = self.folder / save_name(self._number + 1)
            atomic_write(self._fs, target, data, retry_delays=self._retry_delays)
            self._number += 1
        except OSError as error:
            self._failed_with(snapshot, reason(error))
            return
        except SessionInUse:
            self._failed_with(snapshot, IN_USE, trying=False)
            return
        except Exception as error:  # a bug must not stop the game or the writer thread
            self._failed_with(snapshot, f"an internal error ({type(error).__name__}: {error})")
            return
        with self._lock:
            self._failed = None  # under the lock retry() reads it with, before the status
        self._prune()
        self._set_status(
            SaveStatus(
                ok=True,
                folder=self.folder,
                saved_step=len(snapshot.actions),
                saved_at=snapshot.saved_at,
            )
        )

    def _prepare(self) -> None:
        """Before the first save (and after a failed one): make the folder, hold the
        session's lock, write the ``open`` marker, and sweep away temporary files a crash
        left. Raises :class:`SessionInUse` when another window holds the session."""
        if self._ready:
            return
        if self._in_use:
            raise SessionInUse(self.folder)
        if self._wanted is not None:
            self.folder = make_session_folder(self._wanted, self._fs)
            self._wanted = None
        else:
            self._fs.make_folder(self.folder)
        self._hold_session()
        marker = json.dumps({"pid": os.getpid(), "since": self._clock().isoformat()})
        atomic_write(self._fs, self.folder / OPEN_MARKER, marker.encode("utf-8"),
                     retry_delays=self._retry_delays)
        with contextlib.suppress(OSError):
            for name in os.listdir(self.folder):
                if name.startswith(".") and name.endswith(TEMP_SUFFIX):
                    self._fs.remove(self.folder / name)
        self._ready = True

    def _hold_session(self) -> None:
        """Hold the session's lock: still ours, or taken now. A lock on a folder that went
        away and came back (a USB stick out and in) is taken again, unless another window
        took the session meanwhile."""
        lock = self._session_lock
        if lock is not None and lock.held:
            return
        if lock is not None:
            lock.release()
            self._session_lock = None
        try:
            self._session_lock = claim_session(self.folder)
        except SessionInUse:
            self._in_use = True
            raise

    def _prune(self) -> None:
        """Keep the newest ``keep`` saves. A file that cannot be removed now (held open on
        Windows) is tried again after the next save.

        Only saves this version can read are removed (their header, the first line, is
        checked): a save from a newer Consortium, which this one resumed past with a note,
        holds progress that only the newer one can open, and a damaged save is the trainer's
        to look at. The newest save of the session is never removed, whatever ``keep``."""
        for path in save_versions(self.folder)[max(1, self._keep) :]:
            try:
                read_header(path)
            except Exception:  # SaveError, and anything else: a file not understood is kept
                continue
            with contextlib.suppress(OSError):
                self._fs.remove(path)

    def _failed_with(self, snapshot: _Snapshot, why: str, *, trying: bool = True) -> None:
        with self._lock:
            self._failed = snapshot
        self._ready = False  # the folder may be gone (a USB stick out): make it again next time
        old = self.status
        self._set_status(
            SaveStatus(
                ok=False,
                folder=self.folder,
                message=f"Cannot save to {self.folder}: {why}{'; still trying' if trying else ''}",
                saved_step=old.saved_step,
                saved_at=old.saved_at,
                failures=old.failures + 1,
            )
        )

    def _set_status(self, status: SaveStatus) -> None:
        with self._lock:
            old, self._status = self._status, status
        if (old.ok, old.message) != (status.ok, status.message) and self._on_status is not None:
            # A failing listener must not stop the saving: the status stays readable.
            with contextlib.suppress(Exception):
                self._on_status(status)
