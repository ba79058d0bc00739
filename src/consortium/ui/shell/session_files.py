"""The Session menu's files: the resume list and the crash offer at start, opening a save
file someone brought, and Save as….

Everything here goes through the store, and every failure ends in a plain message on the
laptop (:mod:`consortium.ui.shell.messages`), never a traceback: the game in play keeps running and
nothing already saved is touched (opening never writes; a file opened from elsewhere is
autosaved into a new session folder of its own). The store is imported when first needed,
not at launch (bench/launch.py).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from consortium.present.i18n import N_, _
from consortium.present.scenario_words import saved_title
from consortium.ui.shell.file_dialogs import SAVES
from consortium.ui.shell.messages import widen

if TYPE_CHECKING:
    from consortium.store.paths import DataPaths
    from consortium.store.sessions import SessionEntry
    from consortium.ui.controller import GameController
    from consortium.ui.shell.file_dialogs import FileDialogs

CRASH_TITLE = N_("Resume the interrupted session?")


class _Listing(QObject):
    """Carries the resume list from the thread that read it to the window's thread: the
    signal is emitted on the reading thread and, the receiver being this object (which lives
    on the window's thread), queued to it."""

    done = Signal(object)  # list[SessionEntry]

    def __init__(self, parent: QObject, deliver: Callable[[list[SessionEntry]], None]) -> None:
        super().__init__(parent)
        self._deliver = deliver
        self.done.connect(self._on_done)

    @Slot(object)
    def _on_done(self, entries: list[SessionEntry]) -> None:
        self._deliver(entries)


class SessionHost(Protocol):
    """What :class:`SessionFiles` may use of the window that owns it, and nothing more (the
    main window implements it; a test can hand in anything that does)."""

    @property
    def paths(self) -> DataPaths | None: ...
    @property
    def current_session_folder(self) -> Path | None: ...
    @property
    def in_game(self) -> bool: ...
    @property
    def files(self) -> FileDialogs: ...
    @property
    def controller(self) -> GameController: ...
    @property
    def as_parent(self) -> QWidget:
        """The widget the offer and the file dialogs belong to."""
        ...

    def enter_game(self) -> None: ...
    def set_session_count(self, count: int) -> None:
        """The start screen's Resume button: how many sessions there are to resume."""
        ...

    def say(self, text: str, msecs: int) -> None:
        """A line in the status bar for ``msecs`` milliseconds."""
        ...

    def show_message(self, title: str, text: str, lines: Sequence[str] = (), *,
                     icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> QMessageBox: ...


class SessionFiles:
    """Resume, open and save for one main window (which owns the pages and the game)."""

    def __init__(self, window: SessionHost) -> None:
        self._w = window
        self.crash_offer: QMessageBox | None = None
        self._listing: _Listing | None = None

    # --- the resume list and the crash offer -----------------------------------------------

    def entries(self) -> list[SessionEntry]:
        """Unfinished sessions, newest first, without the one open in this window."""
        from consortium.store.sessions import list_sessions  # noqa: PLC0415 - not at launch

        paths = self._w.paths
        if paths is None:
            return []
        current = self._w.current_session_folder
        return [e for e in list_sessions(paths.sessions, not_now=paths.not_now)
                if e.folder != current]

    def check_at_start(self) -> None:
        """After the start screen has painted: read the resume list on a thread of its own
        (one header a session, from a USB stick perhaps: the window must not wait on a disk),
        then count the sessions for Resume and, when the last window did not close cleanly (a
        crash, a dead battery), offer to resume it. A session another window has open now is
        no crash, and is not offered."""
        from consortium.store.sessions import list_sessions  # noqa: PLC0415 - not at launch

        paths = self._w.paths
        if paths is None:
            self._on_listed([])
            return
        # owned by the window: gone with it, and so is a result that comes too late
        listing = _Listing(self._w.as_parent, self._on_listed)
        self._listing = listing

        def read() -> None:
            try:
                entries = list_sessions(paths.sessions, not_now=paths.not_now)
            except Exception:  # never: the store reads no file it cannot refuse
                entries = []
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                listing.done.emit(entries)

        threading.Thread(target=read, name="consortium-resume-list", daemon=True).start()

    def _on_listed(self, listed: list[SessionEntry]) -> None:
        current = self._w.current_session_folder
        entries = [e for e in listed if e.folder != current]
        self._w.set_session_count(len(entries))
        interrupted = [e for e in entries if e.interrupted]
        if interrupted and not self._w.in_game:
            self.offer(interrupted[0])

    def offer(self, entry: SessionEntry) -> QMessageBox:
        h = entry.header
        box = QMessageBox(self._w.as_parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_(CRASH_TITLE))
        box.setAccessibleName(_(CRASH_TITLE))
        box.setText(_("Consortium did not close properly last time. Resume that session where "
                      "it stopped?"))
        round_text = _("round {number} of {rounds}").format(
            number=h.round, rounds=h.rounds) if h.round else _("setting up")
        box.setInformativeText(
            _("{scenario}, {round}, with {players}.\n“Not now” keeps it in the Resume list and "
              "stops this question.").format(
                scenario=saved_title(h), round=round_text, players=", ".join(h.players))
        )
        resume = box.addButton(_("Resume"), QMessageBox.ButtonRole.AcceptRole)
        later = box.addButton(_("Not now"), QMessageBox.ButtonRole.RejectRole)
        resume.setAccessibleName(_("Resume"))
        later.setAccessibleName(_("Not now"))
        box.setDefaultButton(resume)
        resume.clicked.connect(lambda: self.open_session(entry))
        later.clicked.connect(lambda: self._dismiss(entry))
        self.crash_offer = box
        widen(box, 560)
        box.open()
        return box

    def _dismiss(self, entry: SessionEntry) -> None:
        """"Not now": the session stays in the list and the question stops. On a read-only
        folder the answer is kept in the settings folder instead, and the trainer is told;
        when that cannot be written either, they are told the question will come back."""
        from consortium.present.reason_words import reason_text  # noqa: PLC0415
        from consortium.store.sessions import dismiss_interrupted  # noqa: PLC0415

        paths = self._w.paths
        done = dismiss_interrupted(entry.folder, not_now=paths.not_now if paths else None)
        stays = _("{scenario} stays in Resume a session.").format(
            scenario=saved_title(entry.header))
        if done.kept == "folder":
            self._w.say(stays, 10000)
            return
        if done.kept == "note":
            self._w.say(
                _("{stays} Its folder cannot be written ({why}), so this answer is kept in "
                  "Consortium's settings: the next start will not ask again.").format(
                    stays=stays, why=reason_text(done.why)), 20000,
            )
            return
        self._w.show_message(
            _("Consortium will ask again"),
            _("{stays} Its folder cannot be written ({why}), and neither can Consortium's "
              "settings, so this answer cannot be kept: the next start will ask again.").format(
                stays=stays, why=reason_text(done.why)),
            [str(entry.folder)], icon=QMessageBox.Icon.Information,
        )

    def put_away(self, entry: SessionEntry) -> bool:
        """Take a session off the resume list; its files stay where they are. Says so, and
        where, in the status bar (or why not, when the folder cannot be written)."""
        from consortium.present.reason_words import os_reason  # noqa: PLC0415 - not at launch
        from consortium.store.sessions import put_away  # noqa: PLC0415

        h = entry.header
        try:
            put_away(entry.folder)
        except OSError as error:
            self._w.show_message(_("Cannot remove this session from the list"),
                                 _("The session folder cannot be written ({reason}). Nothing "
                                   "was changed.").format(reason=os_reason(error)),
                                 [str(entry.folder)])
            return False
        self._w.say(
            _("{scenario} (round {number} of {rounds}) is off the list; its saves stay in "
              "{folder}.").format(scenario=saved_title(h), number=h.round, rounds=h.rounds,
                                  folder=entry.folder), 15000,
        )
        return True

    def open_session(self, entry: SessionEntry) -> bool:
        """Put the group back exactly where the session was, the curtain down. A session
        another window has open (here or in another copy of the program) is not taken over:
        that window is the one to play on in."""
        from consortium.present.problem_words import problem_lines, words_text  # noqa: PLC0415
        from consortium.store.locks import OwnerLock  # noqa: PLC0415
        from consortium.store.save_file import SaveError  # noqa: PLC0415
        from consortium.store.sessions import (  # noqa: PLC0415
            SessionInUse,
            claim_session,
            resume_session,
        )

        lock: OwnerLock | None = None
        try:
            lock = claim_session(entry.folder)
        except SessionInUse:
            self._w.show_message(
                _("This session is open in another window"),
                _("{scenario} is open in another Consortium window, which saves it. Play on "
                  "there; this window leaves the session alone. Nothing was changed.").format(
                    scenario=saved_title(entry.header)),
                [str(entry.folder)], icon=QMessageBox.Icon.Information,
            )
            return False
        except OSError:
            pass  # a read-only folder: the game opens, and the autosave says it cannot save
        try:
            resumed = resume_session(entry.folder)
        except SaveError as error:
            if lock is not None:
                lock.release()
            self._w.show_message(_("Cannot resume this session"),
                                 _("None of this session's saves opens. Nothing was changed."),
                                 problem_lines(error.problems, entry.save))
            return False
        self._w.enter_game()
        self._w.controller.resume(resumed.loaded, folder=entry.folder, lock=lock)
        if resumed.note_words is not None:
            self._w.show_message(_("Resumed from an earlier autosave"),
                                 words_text(resumed.note_words),
                                 icon=QMessageBox.Icon.Information)
        return True

    # --- files from elsewhere ---------------------------------------------------------------

    def open_file(self) -> bool:
        """Session → Open a save file…: a save from a USB stick or another laptop."""
        from consortium.present.problem_words import problem_lines  # noqa: PLC0415
        from consortium.store.save_file import SaveError  # noqa: PLC0415
        from consortium.store.save_load import read_save_file  # noqa: PLC0415

        w = self._w
        path = w.files.open_path(w.as_parent, _("Open a save file"), None, _(SAVES))
        if path is None:
            return False
        refused = (_("{file} cannot be opened. Nothing was changed. The game in play goes on.")
                   if w.in_game else _("{file} cannot be opened. Nothing was changed."))
        try:
            loaded = read_save_file(path)
        except SaveError as error:
            w.show_message(_("Cannot open this file"), refused.format(file=path.name),
                           problem_lines(error.problems, path))
            return False
        except Exception as error:  # a loader bug must not take the session down with it
            w.show_message(_("Cannot open this file"), refused.format(file=path.name),
                           [f"{path}:", _("file: an internal error ({error})").format(
                               error=type(error).__name__)])
            return False
        was_playing = w.in_game
        w.enter_game()
        w.controller.resume(loaded, folder=None)
        if was_playing:
            w.say(_("The game before stays in Resume a session."), 10000)
        return True

    def save_as(self) -> bool:
        """Session → Save as…: the session as one file (for a USB stick), written whole or
        not at all."""
        from consortium.present.reason_words import os_reason  # noqa: PLC0415
        from consortium.store.autosave import utc_now  # noqa: PLC0415
        from consortium.store.save_file import SAVE_SUFFIX, write_save_file  # noqa: PLC0415

        w = self._w
        c = w.controller
        if not c.has_game:
            return False
        scenario_id = c.state.ctx.scenario.id
        suggested = Path.home() / f"{scenario_id}-round-{c.view.round}{SAVE_SUFFIX}"
        path = w.files.save_path(w.as_parent, _("Save the session as"), suggested, _(SAVES))
        if path is None:
            return False
        if not path.suffix:
            path = path.with_suffix(SAVE_SUFFIX)
        try:
            write_save_file(path, c.state, c.actions, c.room, started_at=c.started_at,
                            saved_at=utc_now())
        except OSError as error:
            w.show_message(_("Cannot save"), _("Cannot save to {path}: {reason}.").format(
                path=path, reason=os_reason(error)),
                [_("Nothing else was changed; the autosave goes on as before.")])
            return False
        w.say(_("Saved to {path}").format(path=path), 10000)
        return True
