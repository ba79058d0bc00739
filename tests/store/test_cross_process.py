"""Saves are the same bytes in every process, and open to the same game in every process,
whatever ``PYTHONHASHSEED`` (ARCHITECTURE.md: "Deterministic across processes")."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import consortium
from consortium.engine.state import GameState
from consortium.engine.views import player_view
from consortium.store.save_load import read_save_file
from tests.store.games import play, sample_game, save_bytes

ROOT = Path(__file__).resolve().parents[2]
SRC = Path(consortium.__file__).resolve().parents[1]  # the child runs the parent's code
GAMES = range(12)
CHILD = """
import hashlib, json, sys
from pathlib import Path
from consortium.engine.state import GameState
from consortium.engine.views import player_view
from consortium.store.save_load import read_save_file
from tests.store.games import play, sample_game, save_bytes
from tests.store.test_cross_process import views

out, other = Path(sys.argv[1]), Path(sys.argv[2])
report = {}
for number in range(int(sys.argv[3])):
    state, actions = play(sample_game(number))
    (out / f"{number}.consortium").write_bytes(save_bytes(state, actions))
    theirs = other / f"{number}.consortium"
    if theirs.exists():
        loaded = read_save_file(theirs)
        seats = range(len(state.seats))
        report[number] = {
            "equal": loaded.state == state and all(
                player_view(loaded.state, s) == player_view(state, s) for s in seats),
            "views": hashlib.sha256(views(loaded.state).encode()).hexdigest(),
            "again": hashlib.sha256(save_bytes(loaded.state, loaded.save.actions,
                                               loaded.room)).hexdigest(),
        }
print(json.dumps(report))
"""


def views(state: GameState) -> str:
    """The public view and every player view, as text (repr shows every field)."""
    return repr([state.public, *(player_view(state, s) for s in range(len(state.seats)))])


def run(hash_seed: str, out: Path, other: Path) -> dict[str, dict[str, object]]:
    out.mkdir()
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(out), str(other), str(len(GAMES))],
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": hash_seed,
             "PYTHONPATH": os.pathsep.join((str(SRC), str(ROOT)))},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report: dict[str, dict[str, object]] = json.loads(result.stdout)
    return report


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_two_hash_seeds_write_the_same_saves_and_read_each_others(tmp_path: Path) -> None:
    first = run("0", tmp_path / "a", tmp_path / "none")
    assert first == {}
    second = run("12345", tmp_path / "b", tmp_path / "a")
    for number in GAMES:
        state, actions = play(sample_game(number))
        mine = save_bytes(state, actions)
        assert (tmp_path / "a" / f"{number}.consortium").read_bytes() == mine
        assert (tmp_path / "b" / f"{number}.consortium").read_bytes() == mine
        loaded = read_save_file(tmp_path / "a" / f"{number}.consortium")
        assert loaded.state == state
        assert second[str(number)] == {
            "equal": True,
            "views": sha(views(loaded.state).encode()),
            "again": sha(mine),
        }
