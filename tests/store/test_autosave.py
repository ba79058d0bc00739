"""Autosave: atomic numbered files, the last few kept, the resume list, crash markers, and a
failing disk (through the file-system seam: tests run as root, so chmod proves nothing)."""

from __future__ import annotations

import errno
import hashlib
import shutil
import threading
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from consortium.engine.actions import Action
from consortium.engine.game import apply, new_game
from consortium.engine.simulate import bot_action, bot_config, seat_policy
from consortium.engine.state import GameState
from consortium.store import save_load
from consortium.store.autosave import Autosaver, SaveStatus
from consortium.store.fs import FileSystem, atomic_write, temp_path
from consortium.store.save_file import Room, SaveError
from consortium.store.save_load import read_save_file
from consortium.store.sessions import (
    OPEN_MARKER,
    dismiss_interrupted,
    interrupted_sessions,
    list_sessions,
    make_session_folder,
    new_session_folder,
    put_away,
    resume_session,
    save_versions,
)
from tests.store.games import STARTED, bot_game, cancer_care


class Clock:
    """Saved-at times a minute apart."""

    def __init__(self, start: datetime = STARTED) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


class FailingDisk(FileSystem):
    """The real file system, except that ``fail`` (when set) raises at the named step."""

    def __init__(self) -> None:
        self.fail: dict[str, OSError] = {}
        self.calls: list[str] = []

    def _maybe(self, step: str, path: Path) -> None:
        self.calls.append(f"{step} {path.name}")
        if step in self.fail:
            raise self.fail[step]

    def make_folder(self, path: Path) -> None:
        self._maybe("make_folder", path)
        super().make_folder(path)

    def write_file(self, path: Path, data: bytes) -> None:
        self._maybe("write_file", path)
        super().write_file(path, data)

    def replace(self, source: Path, target: Path) -> None:
        self._maybe("replace", target)
        super().replace(source, target)

    def remove(self, path: Path) -> None:
        self._maybe("remove", path)
        super().remove(path)


DISK_FULL = OSError(errno.ENOSPC, "No space left on device")
DENIED = PermissionError(errno.EACCES, "Permission denied")


def steps(count: int, seed: int = 3) -> Iterator[tuple[GameState, list[Action]]]:
    """The first ``count`` states of a bot game with the log that reached each."""
    config = bot_config(cancer_care(), "balanced", seed, seats=4, rounds=3)
    state = new_game(cancer_care(), config)
    actions: list[Action] = []
    for _ in range(count):
        action = bot_action(state, seat_policy(state, state.public.actor))
        state = apply(state, action)
        actions.append(action)
        yield state, list(actions)


def saver(
    folder: Path, fs: FileSystem | None = None, **kw: object
) -> tuple[Autosaver, list[SaveStatus]]:
    reports: list[SaveStatus] = []
    made = Autosaver(
        folder, started_at=STARTED, fs=fs, clock=Clock(), background=False,
        on_status=reports.append, **kw,  # type: ignore[arg-type]
    )
    return made, reports


def fingerprint(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in save_versions(folder)}


# --- saving ------------------------------------------------------------------------------------


def test_every_action_is_saved_and_the_last_three_are_kept(tmp_path: Path) -> None:
    folder = tmp_path / "sessions" / "s"
    autosaver, reports = saver(folder)
    for state, actions in steps(10):
        autosaver.save(state, actions, Room.of(state.ctx.config))
    names = [p.name for p in save_versions(folder)]
    assert names == ["save-000010.consortium", "save-000009.consortium", "save-000008.consortium"]
    assert [len(read_save_file(p).save.actions) for p in save_versions(folder)] == [10, 9, 8]
    assert autosaver.status.ok and autosaver.status.saved_step == 10
    assert reports == []  # nothing to report while saving works
    assert (folder / OPEN_MARKER).exists()
    assert not any(p.name.endswith(".tmp") for p in folder.iterdir())


def test_close_removes_the_open_marker(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    autosaver, _ = saver(folder)
    for state, actions in steps(2):
        autosaver.save(state, actions, Room.of(state.ctx.config))
    autosaver.close()
    assert not (folder / OPEN_MARKER).exists()
    assert len(save_versions(folder)) == 2


def test_the_writer_thread_saves_the_newest_state(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    autosaver = Autosaver(folder, started_at=STARTED, clock=Clock())
    for state, actions in steps(30):
        autosaver.save(state, actions, Room.of(state.ctx.config))
    status = autosaver.close()
    assert status.ok and status.saved_step == 30
    assert len(read_save_file(save_versions(folder)[0]).save.actions) == 30


def test_undo_saves_the_shorter_log_under_a_new_number(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    autosaver, _ = saver(folder)
    states = list(steps(6))
    for state, actions in states:
        autosaver.save(state, actions, Room.of(state.ctx.config))
    state, actions = states[3]
    autosaver.save(state, actions, Room.of(state.ctx.config))
    newest = save_versions(folder)[0]
    assert newest.name == "save-000007.consortium"
    assert len(read_save_file(newest).save.actions) == 4


def test_a_resumed_session_continues_the_numbering(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    first, _ = saver(folder)
    all_steps = list(steps(5))
    for state, actions in all_steps[:3]:
        first.save(state, actions, Room.of(state.ctx.config))
    first.close()
    second, _ = saver(folder)
    state, actions = all_steps[4]
    second.save(state, actions, Room.of(state.ctx.config))
    assert save_versions(folder)[0].name == "save-000004.consortium"
    assert (folder / OPEN_MARKER).exists()


def test_a_leftover_temporary_file_is_swept_and_ignored(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    folder.mkdir()
    leftover = temp_path(folder / "save-000001.consortium")
    leftover.write_bytes(b'{"header":')
    autosaver, _ = saver(folder)
    state, actions = next(steps(1))
    autosaver.save(state, actions, Room.of(state.ctx.config))
    assert not leftover.exists()


# --- a failing disk --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("step", "error", "why"),
    [
        ("write_file", DISK_FULL, "disk full"),
        ("replace", DENIED, "permission denied"),
        ("write_file", OSError(errno.EROFS, "Read-only file system"), "the disk is read-only"),
    ],
)
def test_a_failing_disk_is_reported_once_and_never_damages_the_last_good_save(
    tmp_path: Path, step: str, error: OSError, why: str
) -> None:
    folder = tmp_path / "sessions" / "s"
    disk = FailingDisk()
    autosaver, reports = saver(folder, disk)
    played = list(steps(12))
    for state, actions in played[:5]:
        autosaver.save(state, actions, Room.of(state.ctx.config))
    before = fingerprint(folder)
    disk.fail[step] = error
    for state, actions in played[5:9]:
        autosaver.save(state, actions, Room.of(state.ctx.config))  # the game goes on
    message = f"Cannot save to {folder}: {why}; still trying"
    assert [r.message for r in reports] == [message]
    assert autosaver.status == SaveStatus(
        ok=False, folder=folder, message=message, saved_step=5,
        saved_at=autosaver.status.saved_at, failures=4,
    )
    assert fingerprint(folder) == before
    assert len(resume_session(folder).loaded.save.actions) == 5
    assert not any(p.name.endswith(".tmp") for p in folder.iterdir())
    del disk.fail[step]
    for state, actions in played[9:]:  # the next action tries again, and it works
        autosaver.save(state, actions, Room.of(state.ctx.config))
    assert [r.ok for r in reports] == [False, True]
    assert autosaver.status.ok and autosaver.status.saved_step == 12
    assert len(resume_session(folder).loaded.save.actions) == 12


def test_a_data_folder_that_cannot_be_created_does_not_stop_the_game(tmp_path: Path) -> None:
    folder = tmp_path / "usb" / "sessions" / "s"
    disk = FailingDisk()
    disk.fail["make_folder"] = DENIED
    autosaver, reports = saver(folder, disk)
    played = list(steps(4))
    for state, actions in played[:2]:
        autosaver.save(state, actions, Room.of(state.ctx.config))
    assert reports[-1].message == f"Cannot save to {folder}: permission denied; still trying"
    assert not folder.exists()
    disk.fail.clear()
    for state, actions in played[2:]:
        autosaver.save(state, actions, Room.of(state.ctx.config))
    assert autosaver.status.ok
    assert len(resume_session(folder).loaded.save.actions) == 4


def test_a_folder_deleted_mid_session_is_made_again(tmp_path: Path) -> None:
    folder = tmp_path / "stick" / "sessions" / "s"
    autosaver, reports = saver(folder)
    played = list(steps(4))
    for state, actions in played[:2]:
        autosaver.save(state, actions, Room.of(state.ctx.config))
    shutil.rmtree(tmp_path / "stick")  # the USB stick was pulled out
    state, actions = played[2]
    autosaver.save(state, actions, Room.of(state.ctx.config))
    assert reports[-1].message == (
        f"Cannot save to {folder}: the folder is gone (a USB stick taken out?); still trying"
    )
    state, actions = played[3]  # and put back (here: its folder is simply made again)
    autosaver.save(state, actions, Room.of(state.ctx.config))
    assert autosaver.status.ok
    assert (folder / OPEN_MARKER).exists()
    assert len(resume_session(folder).loaded.save.actions) == 4


def test_close_tries_a_failed_last_save_once_more(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    disk = FailingDisk()
    autosaver, _ = saver(folder, disk)
    played = list(steps(3))
    for state, actions in played[:2]:
        autosaver.save(state, actions, Room.of(state.ctx.config))
    disk.fail["write_file"] = DISK_FULL
    state, actions = played[2]
    autosaver.save(state, actions, Room.of(state.ctx.config))
    disk.fail.clear()
    assert autosaver.close().ok
    assert len(resume_session(folder).loaded.save.actions) == 3


def test_old_versions_that_cannot_be_removed_are_no_failure(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    disk = FailingDisk()
    autosaver, reports = saver(folder, disk)
    played = list(steps(5))
    for state, actions in played[:3]:
        autosaver.save(state, actions, Room.of(state.ctx.config))
    disk.fail["remove"] = DENIED  # an antivirus holds the old files
    for state, actions in played[3:]:
        autosaver.save(state, actions, Room.of(state.ctx.config))
    assert autosaver.status.ok and reports == []
    assert len(save_versions(folder)) == 5
    disk.fail.clear()
    state, actions = played[-1]
    autosaver.save(state, actions, Room.of(state.ctx.config))
    assert len(save_versions(folder)) == 3


def test_a_bug_in_the_status_listener_does_not_stop_saving(tmp_path: Path) -> None:
    def broken(status: SaveStatus) -> None:
        raise RuntimeError("widget gone")

    disk = FailingDisk()
    disk.fail["write_file"] = DISK_FULL
    autosaver = Autosaver(tmp_path / "s", started_at=STARTED, fs=disk, on_status=broken)
    state, actions = next(steps(1))
    autosaver.save(state, actions, Room.of(state.ctx.config))
    assert not autosaver.flush(timeout=10).ok
    disk.fail.clear()
    autosaver.save(state, actions, Room.of(state.ctx.config))
    assert autosaver.close().ok


# --- the atomic write itself ---------------------------------------------------------------


class HeldFile(FileSystem):
    """A rename refused ``refusals`` times, as on Windows while antivirus holds the file."""

    def __init__(self, refusals: int) -> None:
        self.refusals = refusals

    def replace(self, source: Path, target: Path) -> None:
        if self.refusals:
            self.refusals -= 1
            raise PermissionError(errno.EACCES, "Access is denied")
        super().replace(source, target)


def test_a_refused_rename_is_retried_with_a_short_backoff(tmp_path: Path) -> None:
    waits: list[float] = []
    target = tmp_path / "f"
    atomic_write(HeldFile(2), target, b"new", retry_delays=(0.01, 0.02, 0.05), sleep=waits.append)
    assert target.read_bytes() == b"new"
    assert waits == [0.01, 0.02]


def test_a_rename_refused_for_good_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "f"
    target.write_bytes(b"old")
    with pytest.raises(PermissionError):
        atomic_write(HeldFile(9), target, b"new", retry_delays=(0, 0), sleep=lambda s: None)
    assert target.read_bytes() == b"old"
    assert not temp_path(target).exists()


# --- the resume list ---------------------------------------------------------------------------


def play_session(
    sessions: Path, seed: int, count: int, clock: Callable[[], datetime], *, close: bool
) -> Path:
    folder = new_session_folder(sessions, "cancer-care", clock())
    autosaver = Autosaver(folder, started_at=STARTED, clock=clock, background=False)
    for state, actions in steps(count, seed):
        autosaver.save(state, actions, Room.of(state.ctx.config))
    if close:
        autosaver.close()
    return folder


def test_the_resume_list_is_newest_first_unfinished_and_marks_crashes(tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    clock = Clock()
    older = play_session(sessions, 1, 5, clock, close=True)
    crashed = play_session(sessions, 2, 7, clock, close=False)
    state, actions = bot_game(seed=4)
    finished = new_session_folder(sessions, "cancer-care", clock())
    done = Autosaver(finished, started_at=STARTED, clock=clock, background=False)
    done.save(state, actions, Room.of(state.ctx.config))
    done.close()
    entries = list_sessions(sessions)
    assert [e.folder for e in entries] == [crashed, older]
    assert [e.header.step for e in entries] == [7, 5]
    assert [e.interrupted for e in entries] == [True, False]
    assert entries[0].header.scenario_title == "Cancer care partnership"
    assert list_sessions(sessions, include_finished=True)[0].folder == finished
    assert [e.folder for e in interrupted_sessions(sessions)] == [crashed]
    dismiss_interrupted(crashed)
    assert interrupted_sessions(sessions) == []
    assert len(list_sessions(sessions)) == 2


def test_a_session_put_away_leaves_the_list_and_keeps_its_files(tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    clock = Clock()
    kept = play_session(sessions, 1, 5, clock, close=True)
    crashed = play_session(sessions, 2, 7, clock, close=False)
    files = sorted(p.name for p in crashed.iterdir())
    put_away(crashed)
    assert [e.folder for e in list_sessions(sessions)] == [kept]
    assert interrupted_sessions(sessions) == []  # no crash offer for it either
    assert sorted(p.name for p in crashed.iterdir()) == sorted([*files, "put-away"])
    assert resume_session(crashed).loaded.header.step == 7  # its saves still open


def test_the_resume_list_reads_headers_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sessions = tmp_path / "sessions"
    play_session(sessions, 1, 5, Clock(), close=True)

    def never(*args: object) -> None:
        raise AssertionError("a save was read whole or replayed")

    monkeypatch.setattr(save_load, "parse_save", never)
    monkeypatch.setattr(save_load, "replay_save", never)
    assert len(list_sessions(sessions)) == 1


def test_a_damaged_newest_save_falls_back_to_the_one_before(tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    folder = play_session(sessions, 1, 6, Clock(), close=False)
    newest = save_versions(folder)[0]
    newest.write_bytes(newest.read_bytes()[:-500])
    resumed = resume_session(folder)
    assert len(resumed.loaded.save.actions) == 5
    assert resumed.note is not None
    assert resumed.note.startswith("The newest autosave (save-000006.consortium) could not be")


def test_a_session_with_no_readable_save_says_why(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "save-000001.consortium").write_bytes(b"\x00junk")
    assert list_sessions(tmp_path) == []
    with pytest.raises(SaveError, match="file: is not"):
        resume_session(folder)
    with pytest.raises(SaveError, match="no saves"):
        resume_session(tmp_path / "empty")


def test_new_session_folders_never_collide(tmp_path: Path) -> None:
    wanted = new_session_folder(tmp_path, "cancer-care", STARTED)
    assert wanted.name == "2025-03-01_09-00-00_cancer-care"
    assert not wanted.exists()  # a name only: the autosave makes the folder
    first = make_session_folder(wanted)
    assert first == wanted and first.is_dir()
    (tmp_path / "2025-03-01_09-00-00_cancer-care-2").write_text("a file in the way")
    assert make_session_folder(wanted).name == "2025-03-01_09-00-00_cancer-care-3"
    assert make_session_folder(wanted).name == "2025-03-01_09-00-00_cancer-care-4"


def test_retry_writes_the_last_failed_save_without_a_new_action(tmp_path: Path) -> None:
    class Full(FileSystem):
        full = True

        def write_file(self, path: Path, data: bytes) -> None:
            if self.full:
                raise OSError(errno.ENOSPC, "injected")
            super().write_file(path, data)

    disk = Full()
    autosaver = Autosaver(tmp_path / "s", started_at=STARTED, fs=disk, background=False,
                          retry_delays=())
    assert not autosaver.retry()  # nothing failed yet
    (state, actions), = list(steps(3, 1))[-1:]
    autosaver.save(state, actions, Room.of(state.ctx.config))
    assert not autosaver.status.ok
    assert autosaver.retry() and not autosaver.status.ok  # still full
    disk.full = False
    assert autosaver.retry()
    assert autosaver.status.ok and autosaver.status.saved_step == len(actions)
    assert not autosaver.retry()  # nothing left to retry
    autosaver.close()


def test_a_retry_never_writes_an_older_game_over_a_newer_one(tmp_path: Path) -> None:
    """The retry timer can fire while the writer is saving a newer move (the disk was just
    freed and someone acted): the failed, older snapshot must not be written after it."""

    class GatedDisk(FailingDisk):
        def __init__(self) -> None:
            super().__init__()
            self.gate: threading.Event | None = None
            self.entered = threading.Event()

        def write_file(self, path: Path, data: bytes) -> None:
            if self.gate is not None and path.name.startswith(".save"):
                self.entered.set()
                self.gate.wait(5)
            super().write_file(path, data)

    folder = tmp_path / "s"
    disk = GatedDisk()
    autosaver = Autosaver(folder, started_at=STARTED, fs=disk, clock=Clock(), background=True)
    played = list(steps(10))
    state, actions = played[2]
    autosaver.save(state, actions, Room.of(state.ctx.config))
    autosaver.flush()
    disk.fail["write_file"] = DISK_FULL
    state, actions = played[4]
    autosaver.save(state, actions, Room.of(state.ctx.config))  # fails: the disk is full
    autosaver.flush()
    assert not autosaver.status.ok
    del disk.fail["write_file"]  # freed
    disk.gate = threading.Event()
    state, actions = played[9]
    autosaver.save(state, actions, Room.of(state.ctx.config))  # a newer move, being written
    assert disk.entered.wait(5)
    assert not autosaver.retry()  # the timer fires now: nothing older is queued
    disk.gate.set()
    autosaver.flush()
    assert not autosaver.retry()  # the newer save succeeded: nothing left to retry
    autosaver.close()
    assert len(resume_session(folder).loaded.save.actions) == 10
