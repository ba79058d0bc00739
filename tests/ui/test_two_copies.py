"""Two copies of the program on one data folder, each in a real process (issue 10, defects 3
and 4): sessions started in the same second keep their own folders and every action; a
session open in a live copy is neither offered for recovery nor taken over, and is offered
once that copy is killed."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from consortium.engine.simulate import bot_config
from consortium.present.i18n import _
from consortium.store.paths import DataPaths
from consortium.store.sessions import (
    OPEN_MARKER,
    SessionInUse,
    claim_session,
    interrupted_sessions,
    list_sessions,
    resume_session,
)
from tests.store.games import cancer_care, script
from tests.ui import session_child
from tests.ui.child_process import Child
from tests.ui.test_resume import open_window
from tests.words import says

CHILD = Path(session_child.__file__)
STEPS = 150


def expected(seed: int) -> list[object]:
    config = bot_config(cancer_care(), session_child.POLICY, seed, seats=session_child.SEATS,
                        rounds=session_child.ROUNDS)
    return list(script(config, cancer_care()))


def files(folder: Path) -> dict[str, str]:
    """Every file in a session folder, by name, with a digest of its bytes."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_two_copies_starting_the_same_scenario_in_the_same_second_keep_their_games(
    tmp_path: Path,
) -> None:
    sessions = tmp_path / "data" / "sessions"
    seeds = (11, 12)
    children = [Child(CHILD, ["play", sessions, seed, STEPS]) for seed in seeds]
    for child in children:
        assert child.line() == "ready"
    for child in children:
        child.send("go")  # both start the same scenario, their clocks on the same second
    for child in children:
        assert child.line() == "begun"
    for child in children:
        child.send("play")  # and both play at once, each saving after every action
    ends = [child.rest() for child in children]  # exit 0: no save failed, no "folder gone"
    folders = [Path(json.loads(lines[-1])["folder"]) for lines in ends]
    for seed, folder, lines in zip(seeds, folders, ends, strict=True):
        assert lines[-2] == f"ack {STEPS}"
        log = list(resume_session(folder).loaded.save.actions)
        assert log == expected(seed)[:STEPS]  # every action of this copy's game, no other's
    assert sorted(e.folder for e in list_sessions(sessions)) == sorted(folders)  # two to resume
    assert interrupted_sessions(sessions) == []  # both closed cleanly
    assert folders[0] != folders[1]
    assert all(f.name.startswith("2025-03-01_09-00-00_cancer-care") for f in folders)


def test_a_live_copys_session_is_not_offered_nor_taken_and_a_killed_ones_is(
    tmp_path: Path,
) -> None:
    sessions = tmp_path / "data" / "sessions"
    holder = Child(CHILD, ["hold", sessions, 3, 40])
    folder = Path(json.loads(holder.line())["folder"])
    before = files(folder)
    assert OPEN_MARKER in before

    # The first copy is alive: its session is no crash, and it is listed as open elsewhere.
    assert interrupted_sessions(sessions) == []
    (entry,) = list_sessions(sessions)
    assert entry.folder == folder and entry.in_use and not entry.interrupted

    # A second copy that takes the session over anyway is not let write a byte.
    second = Child(CHILD, ["resume", sessions, 0, 5, folder])
    status = json.loads(second.rest()[-1])
    assert status["played"] == 5 and not status["ok"]
    assert "open in another Consortium window" in status["message"]
    assert files(folder) == before
    with pytest.raises(SessionInUse):
        claim_session(folder)

    holder.kill()  # the first copy dies without a word
    assert [e.folder for e in interrupted_sessions(sessions)] == [folder]
    assert resume_session(folder).loaded.header.step == 40
    third = Child(CHILD, ["resume", sessions, 0, 5, folder])
    assert json.loads(third.rest()[-1]) == {"ok": True, "message": "", "played": 5}
    assert resume_session(folder).loaded.header.step == 45
    assert interrupted_sessions(sessions) == []  # the third copy closed it cleanly


def test_the_window_offers_a_session_only_once_its_copy_is_gone(
    qtbot: QtBot, data_paths: DataPaths
) -> None:
    holder = Child(CHILD, ["hold", data_paths.sessions, 5, 30])
    folder = Path(json.loads(holder.line())["folder"])
    before = files(folder)

    window = open_window(qtbot, data_paths)
    qtbot.waitUntil(lambda: window.start.resume_button.text() == _(
        "Resume a session ({count})").format(count=1))
    assert window.sessions.crash_offer is None  # the other copy is playing it
    qtbot.mouseClick(window.start.resume_button, Qt.MouseButton.LeftButton)
    page = window.resume_page
    assert page is not None
    assert says("{saved} · open in another window", page.model.index(0, 4).data())
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    box = window.last_message
    assert box is not None and box.isVisible()
    assert box.windowTitle() == _("This session is open in another window")
    assert says("{scenario} is open in another Consortium window, which saves it. Play on "
                "there; this window leaves the session alone. Nothing was changed.", box.text())
    assert "Traceback" not in box.informativeText()
    assert not window.in_game and window.pages.currentWidget() is page
    assert files(folder) == before

    holder.kill()
    again = open_window(qtbot, data_paths)  # the next start, after the other copy crashed
    qtbot.waitUntil(lambda: again.sessions.crash_offer is not None)
    offer = again.sessions.crash_offer
    assert offer is not None and offer.text() == _(
        "Consortium did not close properly last time. Resume that session where it stopped?")
    qtbot.mouseClick(next(b for b in offer.buttons() if b.text() == _("Resume")),
                     Qt.MouseButton.LeftButton)
    c = again.controller
    assert len(c.actions) == 30 and c.saving is not None and c.saving.folder == folder
    status = c.saving.flush()
    assert status is not None and status.ok
