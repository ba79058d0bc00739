"""Links, FIFOs and devices where the program reads or writes a file (issue 10, defects 2
and 5): never written through, never opened blocking, named and skipped.

A data folder on a shared USB stick can hold anything with any name. These tests plant real
symbolic links and real FIFOs (``os.mkfifo``). Whatever could block (0.1.0 opened a FIFO and
waited for a writer forever) runs on a thread, or in a subprocess, with a time limit; if it is
still waiting then, the FIFO is opened from the other side to let it go, and the test fails
instead of hanging.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from consortium.present.i18n import _
from consortium.store.autosave import Autosaver
from consortium.store.fs import FileSystem, NotAFileError, atomic_write, reason, temp_path
from consortium.store.save_file import Room, SaveError
from consortium.store.save_load import read_header
from consortium.store.sessions import (
    OPEN_MARKER,
    PUT_AWAY_MARKER,
    list_sessions,
    put_away,
    resume_session,
    save_versions,
)
from tests.store.games import STARTED, bot_game, save_bytes

pytestmark = pytest.mark.skipif(
    not hasattr(os, "mkfifo") or os.name != "posix", reason="FIFOs and links as on POSIX"
)

T = TypeVar("T")
PRECIOUS = b"a trainer's notes, which no save may overwrite\n"


def release(fifo: Path) -> None:
    """Open a FIFO from both sides without blocking, so whoever waits on it goes on."""
    for flags in (os.O_WRONLY | os.O_NONBLOCK, os.O_RDONLY | os.O_NONBLOCK):
        try:
            fd = os.open(fifo, flags)
        except OSError:
            continue
        os.close(fd)


def within(seconds: float, call: Callable[[], T], *fifos: Path) -> T:
    """``call()`` on a thread; fails the test (after letting the thread go) if it is still
    blocked after ``seconds``."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = call()
        except BaseException as error:  # handed to the test's thread
            outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        for _attempt in range(100):  # 0.1.0 opened a FIFO more than once: let it go each time
            for fifo in fifos:
                release(fifo)
            thread.join(0.1)
            if not thread.is_alive():
                break
        pytest.fail(f"still blocked after {seconds} s (on a FIFO?)")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def session(tmp_path: Path, *steps: int) -> Path:
    """A session folder holding a save after each number of actions, oldest first, left
    open (as after a crash: the start screen offers it)."""
    folder = tmp_path / "data" / "sessions" / "2025-03-01_09-00-00_cancer-care"
    folder.mkdir(parents=True)
    for number, count in enumerate(steps, start=1):
        state, actions = bot_game(steps=count)
        (folder / f"save-{number:06d}.consortium").write_bytes(save_bytes(state, actions))
    (folder / OPEN_MARKER).write_text('{"pid": 1}')
    return folder


def victim(tmp_path: Path) -> Path:
    path = tmp_path / "elsewhere" / "notes.txt"
    path.parent.mkdir()
    path.write_bytes(PRECIOUS)
    return path


# --- writing: never through a link, never into a FIFO ---------------------------------------


def test_resume_never_writes_through_a_planted_temporary_link(tmp_path: Path) -> None:
    """The issue's reproduction: ``.open.tmp`` (and the next save's temporary name) linked to
    a file elsewhere; Resume and the next autosave must leave that file alone."""
    folder = session(tmp_path, 10, 12)
    notes = victim(tmp_path)
    (folder / f".{OPEN_MARKER}.tmp").symlink_to(notes)
    (folder / ".save-000003.consortium.tmp").symlink_to(notes)

    resumed = resume_session(folder)
    autosaver = Autosaver(folder, started_at=STARTED, background=False)
    state, actions = bot_game(steps=13)
    assert resumed.loaded.save.actions == tuple(actions[:12])
    autosaver.save(state, actions, Room.of(state.ctx.config))

    assert autosaver.status.ok
    assert notes.read_bytes() == PRECIOUS
    assert save_versions(folder)[0].name == "save-000003.consortium"
    assert len(resume_session(folder).loaded.save.actions) == 13
    for name in (OPEN_MARKER, "save-000003.consortium"):
        assert (folder / name).is_file() and not (folder / name).is_symlink()
    assert not any(p.name.endswith(".tmp") for p in folder.iterdir())


def test_a_fifo_at_a_temporary_name_is_replaced_without_blocking(tmp_path: Path) -> None:
    """The ``open`` marker's temporary file is written first, before any sweep."""
    folder = session(tmp_path, 10)
    fifo = folder / f".{OPEN_MARKER}.tmp"
    os.mkfifo(fifo)
    autosaver = Autosaver(folder, started_at=STARTED, background=False)
    state, actions = bot_game(steps=11)
    within(20, lambda: autosaver.save(state, actions, Room.of(state.ctx.config)), fifo)
    assert autosaver.status.ok
    assert len(resume_session(folder).loaded.save.actions) == 11


def test_put_away_never_truncates_what_a_linked_marker_points_to(tmp_path: Path) -> None:
    folder = session(tmp_path, 10)
    notes = victim(tmp_path)
    (folder / PUT_AWAY_MARKER).symlink_to(notes)
    with pytest.raises(NotAFileError) as caught:
        put_away(folder)
    assert notes.read_bytes() == PRECIOUS
    assert reason(caught.value) == "put-away is a symbolic link, not a file"


def test_a_fifo_named_like_a_marker_is_refused_without_blocking(tmp_path: Path) -> None:
    folder = session(tmp_path, 10)
    fifo = folder / PUT_AWAY_MARKER
    os.mkfifo(fifo)
    with pytest.raises(NotAFileError, match="is a named pipe"):
        within(20, lambda: put_away(folder), fifo)


def test_save_as_never_writes_through_a_link_at_its_temporary_name(tmp_path: Path) -> None:
    notes = victim(tmp_path)
    target = tmp_path / "stick" / "workshop.consortium"
    target.parent.mkdir()
    temp_path(target).symlink_to(notes)
    atomic_write(FileSystem(), target, b"the save")
    assert notes.read_bytes() == PRECIOUS
    assert target.read_bytes() == b"the save" and not temp_path(target).exists()


def test_writing_a_file_over_a_link_is_refused_and_names_it(tmp_path: Path) -> None:
    notes = victim(tmp_path)
    link = tmp_path / "marker"
    link.symlink_to(notes)
    with pytest.raises(NotAFileError) as caught:
        FileSystem().write_file(link, b"x")
    assert str(caught.value) == f"{link}: is a symbolic link, not a file"
    assert notes.read_bytes() == PRECIOUS


# --- reading: links and FIFOs in a session folder are named and skipped ---------------------


def test_a_fifo_named_like_the_newest_save_is_named_and_skipped(tmp_path: Path) -> None:
    folder = session(tmp_path, 10, 12)
    fifo = folder / "save-000003.consortium"
    os.mkfifo(fifo)

    entries = within(20, lambda: list_sessions(tmp_path / "data" / "sessions"), fifo)
    assert [(e.save.name, e.header.step, e.interrupted) for e in entries] == [
        ("save-000002.consortium", 12, True)
    ]
    resumed = within(20, lambda: resume_session(folder), fifo)
    assert len(resumed.loaded.save.actions) == 12
    assert resumed.note == (
        "The newest autosave (save-000003.consortium) could not be opened (file: is a named "
        f"pipe (FIFO), not a save; not opened: {fifo}); resumed from save-000002.consortium, "
        "12 actions into the game."
    )


def test_a_linked_save_is_named_and_skipped(tmp_path: Path) -> None:
    """A save elsewhere, linked in under the newest number: not followed (it could be any
    file, and autosave would go on writing beside it as if it were this session's)."""
    folder = session(tmp_path, 10, 12)
    elsewhere = tmp_path / "elsewhere.consortium"
    state, actions = bot_game(steps=20)
    elsewhere.write_bytes(save_bytes(state, actions))
    (folder / "save-000003.consortium").symlink_to(elsewhere)

    (entry,) = list_sessions(tmp_path / "data" / "sessions")
    assert entry.save.name == "save-000002.consortium"
    resumed = resume_session(folder)
    assert len(resumed.loaded.save.actions) == 12
    assert resumed.note is not None and "is a symbolic link, not a save" in resumed.note


def test_read_header_refuses_a_link_to_a_device(tmp_path: Path) -> None:
    link = tmp_path / "save-000001.consortium"
    link.symlink_to("/dev/zero")
    with pytest.raises(SaveError, match="is a symbolic link, not a save"):
        read_header(link)


def test_a_linked_session_folder_is_not_listed(tmp_path: Path) -> None:
    real = session(tmp_path, 10)
    outside = tmp_path / "outside"
    real.rename(outside)
    (tmp_path / "data" / "sessions" / "linked").symlink_to(outside, target_is_directory=True)
    assert list_sessions(tmp_path / "data" / "sessions") == []


# --- consortium validate on a FIFO or a device returns, with the file named -----------------


def validate(path: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            [sys.executable, "-m", "consortium", "validate", str(path)],
            capture_output=True, text=True, timeout=60, check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"consortium validate {path.name} did not return in 60 s")


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("scenario.toml", "not a scenario file; not read"),
        ("tasks.csv", "not a scenario file; not read"),
        ("session.consortium", "not a save; not opened"),
    ],
)
def test_validate_names_a_fifo_and_returns(tmp_path: Path, name: str, what: str) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    result = validate(fifo)
    assert (result.returncode, result.stderr) == (2, "")
    assert result.stdout == f"{fifo}: file: is a named pipe (FIFO), {what}: {fifo}\n"


def test_validate_names_a_device(tmp_path: Path) -> None:
    result = validate(Path("/dev/zero"))
    assert (result.returncode, result.stdout) == (
        2, "/dev/zero: file: is a device, not a scenario file; not read: /dev/zero\n"
    )


def test_a_link_a_person_chose_is_followed(tmp_path: Path) -> None:
    """Outside the data folder a link is the trainer's own doing: validate follows it."""
    state, actions = bot_game(steps=10)
    real = tmp_path / "real.consortium"
    real.write_bytes(save_bytes(state, actions))
    link = tmp_path / "latest.consortium"
    link.symlink_to(real)
    assert validate(link).stdout == _("ok") + "\n"


def test_the_fifo_test_helper_fails_instead_of_hanging(tmp_path: Path) -> None:
    """What 0.1.0 did, opening a FIFO to read: the helper lets it go and fails the test."""
    fifo = tmp_path / "save-000001.consortium"
    os.mkfifo(fifo)
    with pytest.raises(pytest.fail.Exception, match="still blocked"):
        within(1, fifo.read_bytes, fifo)
