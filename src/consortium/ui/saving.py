"""The window's autosave: one :class:`~consortium.store.autosave.Autosaver` per session,
with its status brought over to the GUI thread.

``Saving`` is created in ``main()`` with the sessions folder (and, in tests, a failing file
system) and handed to the controller, which calls :meth:`Saving.begin` when a game starts or
resumes, :meth:`Saving.save` after every action, undo and redo, and :meth:`Saving.close` when
the game ends or the window closes. The autosaver reports a changed status on its writer
thread; ``Saving`` passes it through a queued signal, so ``status_changed`` always arrives on
the GUI thread, once per change ("Cannot save to …: disk full; still trying", then saving
again). While saving fails, a timer retries the last save every :data:`RETRY_MS`, so "still
trying" holds while the room talks and nobody acts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from consortium.engine.actions import Action
from consortium.engine.state import GameState
from consortium.store.autosave import Autosaver, SaveStatus, utc_now
from consortium.store.fs import FileSystem
from consortium.store.locks import OwnerLock
from consortium.store.save_file import Room
from consortium.store.sessions import new_session_folder

RETRY_MS = 10_000


class Saving(QObject):
    """Autosave for whichever session the window has open. Emits ``status_changed(SaveStatus)``
    on the GUI thread when saving starts failing or works again."""

    status_changed = Signal(object)
    _status_from_writer = Signal(object)

    def __init__(
        self,
        sessions: Path,
        *,
        fs: FileSystem | None = None,
        background: bool = True,
        clock: Callable[[], datetime] = utc_now,
        retry_delays: Sequence[float] | None = None,
        retry_ms: int = RETRY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.sessions = sessions
        self._fs = fs
        self._background = background
        self._clock = clock
        self._retry_delays = retry_delays
        self._autosaver: Autosaver | None = None
        self._status_from_writer.connect(
            self._on_writer_status_changed, Qt.ConnectionType.QueuedConnection
        )
        self._retry_timer = QTimer(self)
        self._retry_timer.setInterval(retry_ms)
        self._retry_timer.timeout.connect(self._on_retry_timer_timeout)

    @property
    def folder(self) -> Path | None:
        """The open session's folder (``None`` between sessions)."""
        return self._autosaver.folder if self._autosaver is not None else None

    @property
    def status(self) -> SaveStatus | None:
        return self._autosaver.status if self._autosaver is not None else None

    def begin(
        self,
        state: GameState,
        *,
        folder: Path | None = None,
        started_at: datetime | None = None,
        lock: OwnerLock | None = None,
    ) -> None:
        """Save a session from now on: a new folder of its own, made now, for a new game (or
        a file opened from elsewhere), or the session's own folder when it is resumed from
        the list, with its ``lock`` when the window claimed it already."""
        self.close()
        now = self._clock()
        new = folder is None
        if folder is None:
            folder = new_session_folder(self.sessions, state.ctx.scenario.id, now)
        self._autosaver = Autosaver(
            folder,
            started_at=started_at or now,
            fs=self._fs,
            clock=self._clock,
            background=self._background,
            on_status=self._status_from_writer.emit,
            retry_delays=self._retry_delays,
            new=new,
            lock=lock,
        )
        folder = self._autosaver.folder  # a new session's, as made
        self.status_changed.emit(SaveStatus(ok=True, folder=folder))  # a clean slate

    def save(self, state: GameState, actions: Sequence[Action], room: Room) -> None:
        """Hand the game over to the writer; returns at once, never raises for the disk."""
        if self._autosaver is not None:
            self._autosaver.save(state, actions, room)

    def flush(self, timeout: float | None = 10.0) -> SaveStatus | None:
        return self._autosaver.flush(timeout) if self._autosaver is not None else None

    def close(self) -> None:
        """Write what is pending and end the session cleanly (it stays resumable unless the
        game is over): no crash offer at the next start."""
        self._retry_timer.stop()
        autosaver, self._autosaver = self._autosaver, None
        if autosaver is not None:
            autosaver.close()

    def _on_writer_status_changed(self, status: SaveStatus) -> None:
        if self._autosaver is not None and status.folder == self._autosaver.folder:
            if status.ok:
                self._retry_timer.stop()
            else:
                self._retry_timer.start()
            self.status_changed.emit(status)

    def _on_retry_timer_timeout(self) -> None:
        if self._autosaver is not None:
            self._autosaver.retry()
