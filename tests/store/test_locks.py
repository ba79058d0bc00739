"""Session locks (issue 10): held on an open file for the owner's life, refused to a second
owner, dropped when the owner goes; never following a link, never hanging on a FIFO. Two
real processes are in tests/ui/test_two_copies.py; these are the rules one process can see."""

from __future__ import annotations

import errno
import gc
import os
import sys
from pathlib import Path

import pytest

from consortium.store import locks
from consortium.store.autosave import IN_USE, Autosaver
from consortium.store.fs import FileSystem
from consortium.store.save_file import Room
from consortium.store.sessions import (
    LOCK_FILE,
    OPEN_MARKER,
    SessionInUse,
    claim_session,
    dismiss_interrupted,
    interrupted_sessions,
    list_sessions,
    save_versions,
    session_in_use,
)
from tests.store.games import STARTED, bot_game, save_bytes
from tests.store.test_autosave import Clock, steps


def test_one_owner_at_a_time_and_the_next_when_it_lets_go(tmp_path: Path) -> None:
    path = tmp_path / "lock"
    assert not locks.is_held(path)  # no file: nobody
    first = locks.acquire(path)
    assert first.held and locks.is_held(path)
    with pytest.raises(locks.LockHeld):
        locks.acquire(path, wait=0.05)  # a second owner, even in the same process
    first.release()
    first.release()  # twice is harmless
    assert not first.held and not locks.is_held(path)
    second = locks.acquire(path)
    assert second.held
    del second
    gc.collect()
    assert not locks.is_held(path)  # an owner nobody can reach any more has let go
    assert path.read_bytes() == b""  # the lock file is never written, never deleted


def test_a_lock_on_a_folder_that_went_away_is_no_longer_held(tmp_path: Path) -> None:
    folder = tmp_path / "stick"
    folder.mkdir()
    lock = locks.acquire(folder / "lock")
    (folder / "lock").unlink()  # the USB stick was pulled and its folder is made again
    assert not lock.held
    again = locks.acquire(folder / "lock")
    assert again.held
    lock.release()
    again.release()


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and free symlinks are POSIX")
def test_a_link_or_a_fifo_in_the_place_of_a_lock_is_refused_at_once(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere"
    target.write_bytes(b"someone's file")
    (tmp_path / "link").symlink_to(target)
    with pytest.raises(OSError):  # which errno depends on the system (ELOOP, EMLINK)
        locks.acquire(tmp_path / "link")
    assert target.read_bytes() == b"someone's file"
    assert not locks.is_held(tmp_path / "link")
    os.mkfifo(tmp_path / "fifo")
    with pytest.raises(OSError, match="special file"):  # and no hang: the open never blocks
        locks.acquire(tmp_path / "fifo")
    assert not locks.is_held(tmp_path / "fifo")


def test_a_read_only_folder_with_a_lock_file_is_locked_all_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "lock"
    path.touch()
    opened = os.open

    def read_only(name: object, flags: int, *args: int) -> int:
        if flags & (os.O_RDWR | os.O_WRONLY):
            raise OSError(errno.EROFS, "Read-only file system")
        return opened(name, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", read_only)
    lock = locks.acquire(path)
    assert lock.held and locks.is_held(path)
    lock.release()
    path.unlink()
    with pytest.raises(OSError) as raised:  # no lock file and none can be made: said why
        locks.acquire(path)
    assert raised.value.errno == errno.EROFS


def test_a_second_autosaver_never_writes_a_held_session(tmp_path: Path) -> None:
    folder = tmp_path / "sessions" / "s"
    played = list(steps(4))
    owner = Autosaver(folder, started_at=STARTED, clock=Clock(), background=False)
    for state, actions in played[:2]:
        owner.save(state, actions, Room.of(state.ctx.config))
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert session_in_use(folder) and LOCK_FILE in before

    other = Autosaver(folder, started_at=STARTED, clock=Clock(), background=False)
    for state, actions in played:
        other.save(state, actions, Room.of(state.ctx.config))
    assert other.status.message == f"Cannot save to {folder}: {IN_USE}"
    other.close()  # and closing it leaves the owner's marker alone
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    with pytest.raises(SessionInUse):
        claim_session(folder)

    owner.close()
    assert not session_in_use(folder) and not (folder / OPEN_MARKER).exists()
    # Once refused, never a writer: the owner's newer saves must not be outdone by this
    # window's older game, even after the owner has gone.
    state, actions = played[3]
    other.save(state, actions, Room.of(state.ctx.config))
    assert [p.name for p in save_versions(folder)] == ["save-000002.consortium",
                                                       "save-000001.consortium"]


def test_a_new_session_holds_its_folder_from_the_start(tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    wanted = sessions / "2025-03-01_09-00-00_cancer-care"
    first = Autosaver(wanted, started_at=STARTED, background=False, new=True)
    second = Autosaver(wanted, started_at=STARTED, background=False, new=True)
    assert first.folder == wanted and second.folder == wanted.with_name(f"{wanted.name}-2")
    assert session_in_use(first.folder) and session_in_use(second.folder)  # before any save
    first.close()
    second.close()
    assert sorted(p.name for p in first.folder.iterdir()) == [LOCK_FILE]


def test_not_now_on_a_read_only_folder_is_noted_for_that_interruption_only(
    tmp_path: Path,
) -> None:
    sessions = tmp_path / "sessions"
    folder = sessions / "s"
    folder.mkdir(parents=True)
    state, actions = bot_game(seed=2, steps=12)
    (folder / "save-000001.consortium").write_bytes(save_bytes(state, actions))
    (folder / OPEN_MARKER).write_text('{"pid": 4242, "since": "2025-03-01T09:00:00+00:00"}')
    notes = tmp_path / "config" / "consortium-not-now.json"

    class ReadOnly(FileSystem):
        def remove(self, path: Path) -> None:
            raise OSError(errno.EROFS, "Read-only file system")

    assert [e.folder for e in interrupted_sessions(sessions, not_now=notes)] == [folder]
    done = dismiss_interrupted(folder, ReadOnly(), not_now=notes)
    assert (done.kept, done.why) == ("note", "the disk is read-only")
    assert (folder / OPEN_MARKER).exists()
    assert interrupted_sessions(sessions, not_now=notes) == []
    assert [e.interrupted for e in list_sessions(sessions, not_now=notes)] == [False]
    assert [e.folder for e in interrupted_sessions(sessions)] == [folder]  # notes elsewhere

    # a later interruption of the same session writes a new marker: offered again
    os.replace(folder / OPEN_MARKER, tmp_path / "old-marker")
    (folder / OPEN_MARKER).write_text('{"pid": 4343, "since": "2025-03-02T09:00:00+00:00"}')
    assert [e.folder for e in interrupted_sessions(sessions, not_now=notes)] == [folder]

    # a damaged notes file is no notes at all (and no error)
    notes.write_bytes(b"\x00{not json")
    assert [e.folder for e in interrupted_sessions(sessions, not_now=notes)] == [folder]
    assert dismiss_interrupted(folder, ReadOnly(), not_now=None).kept == "nowhere"


def test_a_session_left_open_by_0_1_0_is_offered_and_resumes(tmp_path: Path) -> None:
    """0.1.0 wrote its PID in the ``open`` marker and took no lock. Its folders still read: a
    marker there means interrupted (a PID proves nothing: this one is even alive, as a reused
    PID would be), and resuming it takes the lock 0.1.0 never had."""
    sessions = tmp_path / "sessions"
    folder = sessions / "2025-03-01_09-00-00_cancer-care"
    folder.mkdir(parents=True)
    state, actions = bot_game(seed=5, steps=20)
    (folder / "save-000020.consortium").write_bytes(save_bytes(state, actions))
    (folder / OPEN_MARKER).write_text(
        f'{{"pid": {os.getpid()}, "since": "2025-03-01T09:00:00+00:00"}}'
    )
    assert [e.folder for e in interrupted_sessions(sessions)] == [folder]
    saver = Autosaver(folder, started_at=STARTED, background=False, lock=claim_session(folder))
    assert interrupted_sessions(sessions) == []  # open again, in a live window
    saver.save(state, actions, Room.of(state.ctx.config))
    assert save_versions(folder)[0].name == "save-000021.consortium"
    saver.close()
    assert not (folder / OPEN_MARKER).exists() and (folder / LOCK_FILE).is_file()
