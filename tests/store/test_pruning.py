"""Pruning old autosaves never deletes a save this version cannot read, nor the newest save
of a session (issue 10, defect 6).

0.1.0 resumed past a newer version's newest save (with a note, rightly) and then pruned that
save three actions later, losing its progress without a word.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consortium.store.autosave import Autosaver
from consortium.store.save_file import FORMAT_VERSION, RULES_VERSION, Room
from consortium.store.sessions import resume_session, save_versions
from tests.store.games import STARTED, bot_game, save_bytes


def with_header(data: bytes, **changes: object) -> bytes:
    """A save whose header line says something else (a newer Consortium wrote it)."""
    first, rest = data.decode("utf-8").split("\n", 1)
    tree = json.loads(first[:-1] + "}")
    tree["header"].update(changes)
    return (json.dumps(tree, separators=(",", ":"))[:-1] + ",\n" + rest).encode("utf-8")


def session(tmp_path: Path, newest: bytes) -> Path:
    """Saves after 5 and 8 actions from this version, and ``newest`` after them."""
    folder = tmp_path / "sessions" / "s"
    folder.mkdir(parents=True)
    for number, steps in ((1, 5), (2, 8)):
        state, actions = bot_game(steps=steps)
        (folder / f"save-{number:06d}.consortium").write_bytes(save_bytes(state, actions))
    (folder / "save-000003.consortium").write_bytes(newest)
    return folder


def play_on(folder: Path, start: int, count: int) -> None:
    """Resume-and-play as the window does: an autosave after each of ``count`` actions."""
    autosaver = Autosaver(folder, started_at=STARTED, background=False)
    for steps in range(start + 1, start + count + 1):
        state, actions = bot_game(steps=steps)
        autosaver.save(state, actions, Room.of(state.ctx.config))
    assert autosaver.close().ok


@pytest.mark.parametrize(
    "newer",
    [{"format_version": FORMAT_VERSION + 1}, {"rules_version": RULES_VERSION + 1}],
    ids=["format", "rules"],
)
def test_a_newer_versions_newest_save_survives_pruning(
    tmp_path: Path, newer: dict[str, int]
) -> None:
    state, actions = bot_game(steps=20)
    newest = with_header(save_bytes(state, actions), **newer)
    folder = session(tmp_path, newest)

    resumed = resume_session(folder)
    assert len(resumed.loaded.save.actions) == 8
    assert resumed.note is not None and "save-000003.consortium" in resumed.note
    assert "made for a newer Consortium" in resumed.note

    play_on(folder, 8, 6)  # three saves push it past the last three, then three more
    names = [p.name for p in save_versions(folder)]
    assert names == [f"save-{n:06d}.consortium" for n in (9, 8, 7, 3)]
    assert (folder / "save-000003.consortium").read_bytes() == newest


def test_a_damaged_save_is_kept_for_the_trainer(tmp_path: Path) -> None:
    folder = session(tmp_path, b"\x00" * 100)  # a power cut's zeros
    play_on(folder, 8, 4)
    assert [p.name for p in save_versions(folder)] == [
        f"save-{n:06d}.consortium" for n in (7, 6, 5, 3)
    ]


def test_the_newest_save_is_kept_whatever_keep_says(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    autosaver = Autosaver(folder, started_at=STARTED, background=False, keep=0)
    for steps in (3, 4):
        state, actions = bot_game(steps=steps)
        autosaver.save(state, actions, Room.of(state.ctx.config))
    assert [p.name for p in save_versions(folder)] == ["save-000002.consortium"]
