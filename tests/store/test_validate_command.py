"""``consortium validate`` on saves and task spreadsheets: "PATH: place: message", exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from consortium.store.task_csv import tasks_csv
from tests.store.games import bot_game, cancer_care, save_bytes


def validate(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "consortium", "validate", str(path)],
        capture_output=True, text=True, timeout=120, check=False,
    )


def test_a_good_save_is_ok(tmp_path: Path) -> None:
    state, actions = bot_game(steps=30)
    path = tmp_path / "session.consortium"
    path.write_bytes(save_bytes(state, actions))
    result = validate(path)
    assert (result.returncode, result.stdout) == (0, "ok\n"), result.stderr


def test_a_broken_save_lists_its_problems(tmp_path: Path) -> None:
    state, actions = bot_game(steps=30)
    tree = json.loads(save_bytes(state, actions))
    tree["actions"][4] = {"type": "Bribe"}
    tree["config"]["rounds"] = "many"
    path = tmp_path / "session.json"
    path.write_text(json.dumps(tree), encoding="utf-8")
    result = validate(path)
    assert result.returncode == 2
    assert sorted(result.stdout.splitlines()) == [
        f'{path}: actions[4]: unknown action type "Bribe"; known: ' + ", ".join(
            sorted(("CallVote", "ChooseMode", "Continue", "Declare", "Deliberate", "EndGame",
                    "Initiate", "Invite", "Join", "NameHolder", "NoInvite", "Place",
                    "ProposeBoard", "Respond", "Reveal", "SetIntroductions", "SitOut",
                    "Stay", "Talk", "Vote"))
        ),
        f'{path}: config.rounds: must be a whole number, got "many"',
    ]


def test_a_truncated_save(tmp_path: Path) -> None:
    state, actions = bot_game(steps=30)
    path = tmp_path / "cut.consortium"
    path.write_bytes(save_bytes(state, actions)[:900])
    result = validate(path)
    assert result.returncode == 2
    assert result.stdout.startswith(f"{path}: file: is cut short at line")


def test_a_tasks_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "tasks.csv"
    path.write_bytes(tasks_csv(cancer_care().tasks))
    result = validate(path)
    assert (result.returncode, result.stdout) == (
        0, "ok (tasks checked against the scenario cancer-care)\n"
    )
    lines = path.read_bytes().decode("utf-8-sig").splitlines()
    cells = lines[2].split(",")
    cells[3] = "ten"
    lines[2] = ",".join(cells)
    path.write_text("\n".join(lines), encoding="utf-8")
    result = validate(path)
    assert (result.returncode, result.stdout) == (
        2, f'{path}: row 3 (tasks[1]).effort: must be a whole number from 1 to 1000, got "ten"\n'
    )
