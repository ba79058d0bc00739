"""One running copy per data folder (issue 10, defect 3): the program started twice on the same
folder, in two real processes under the offscreen platform. The second launch opens no
window and brings the first forward; a first copy that was killed does not hold up the next
launch; a first copy that does not answer lets the next one open, which says so."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from consortium.present.i18n import N_, _
from consortium.store import locks
from consortium.store.paths import DataPaths
from consortium.ui.shell import one_copy
from tests.ui.child_process import WAIT, Child, child_env

FIRST = "from tests.ui.one_copy_child import main\nmain()\n"  # see one_copy_child.py
CONSORTIUM = "from consortium.cli import main\nraise SystemExit(main())\n"
CAME_FORWARD = N_("Consortium was started again: it is already open, in this window.")


@pytest.fixture
def program(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A folder holding launchers, as a USB stick holds the program: ``--portable`` keeps the
    data in ``consortium-data`` beside them. The runtime folder (lock, socket) is private."""
    folder = tmp_path / "stick"
    folder.mkdir()
    (folder / "first.py").write_text(FIRST)
    (folder / "launch.py").write_text(CONSORTIUM)
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    return folder, child_env(XDG_RUNTIME_DIR=str(runtime), TMPDIR=str(runtime))


def second_launch(folder: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(folder / "launch.py"), "--portable"], cwd=folder, env=env,
        capture_output=True, text=True, timeout=WAIT, check=False,
    )


def test_a_second_launch_brings_the_first_window_forward(
    program: tuple[Path, dict[str, str]],
) -> None:
    folder, env = program
    first = Child(folder / "first.py", [], env=env, cwd=folder)
    try:
        assert first.line() == "ready"  # its window is minimized behind another one
        done = second_launch(folder, env)  # returns: it opened no window of its own
        assert done.returncode == 0, done.stderr
        assert done.stdout == _("Consortium is already open for {folder}: its window was "
                                "brought forward.").format(folder=folder / "consortium-data") + "\n"
        assert "Traceback" not in done.stderr
        seen = json.loads(first.line())
        assert seen == {"minimized": False, "active": True, "status": _(CAME_FORWARD)}
    finally:
        first.kill()  # killed, as in a crash: the kernel drops its lock

    again = Child(folder / "first.py", [], env=env, cwd=folder)
    try:
        assert again.line() == "ready"  # the next launch is the first copy, at once
        assert second_launch(folder, env).returncode == 0
        assert json.loads(again.line())["status"] == _(CAME_FORWARD)
    finally:
        again.kill()


def test_a_first_copy_that_does_not_answer_lets_the_next_open_and_say_so(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data_paths: DataPaths
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    monkeypatch.setattr(one_copy.tempfile, "gettempdir", lambda: str(tmp_path))
    lock_path, _address = one_copy.names(data_paths.data)
    hung = locks.acquire(lock_path)  # a copy that holds the folder and never listens
    try:
        copy = one_copy.claim(data_paths.data, wait=0.3)
        assert copy is not None and copy.unanswered and not copy.guarded
    finally:
        hung.release()
    mine = one_copy.claim(data_paths.data)  # with the hung copy gone: the first copy
    assert mine is not None and not mine.unanswered
    mine.serve(lambda: None)
    assert mine.guarded
    mine.close()

    from consortium.ui.shell.app import _say_unanswered
    from tests.ui.test_resume import open_window

    window = open_window(qtbot, data_paths)
    _say_unanswered(window, data_paths.data)
    box = window.last_message
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.windowTitle() == _("Consortium is open twice")
    assert box.text() == _(
        "Another copy of Consortium is running for this data folder but does not answer, so "
        "this one opened as well. A session open in the other copy cannot be opened here "
        "until it closes; new sessions are saved in folders of their own.")


def test_a_socket_file_left_by_a_dead_copy_is_replaced(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """macOS's way (Linux's sockets have no file): the socket is a file beside the lock, and
    a killed copy leaves it behind. The next first copy, holding the lock, replaces it."""
    socket = tmp_path / "c.sock"
    socket.write_text("left by a copy that was killed")
    monkeypatch.setattr(one_copy, "names", lambda data: (tmp_path / "c.lock", str(socket)))
    first = one_copy.claim(tmp_path / "data")
    assert first is not None
    asked: list[bool] = []
    first.serve(lambda: asked.append(True))
    assert first.guarded
    try:
        assert one_copy.claim(tmp_path / "data") is None  # asked, and it answered
        qtbot.waitUntil(lambda: asked == [True])
    finally:
        first.close()
    assert not socket.exists()  # gone with the copy that closed
    then = one_copy.claim(tmp_path / "data")  # and the next launch is the first copy
    assert then is not None and not then.unanswered
    then.close()
