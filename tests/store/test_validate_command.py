"""``consortium validate`` on saves and task spreadsheets: "PATH: place: message", exit 2.

The command's own words are compared in the test's language (``_()`` of the source message;
the command runs with the same CONSORTIUM_LANGUAGE); the problems the store finds are its
own English for now."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

from consortium.engine.simulate import bot_config
from consortium.present.i18n import _, ngettext
from consortium.resources import asset_path
from consortium.store.save_file import FORMAT_VERSION, MAX_SAVE_BYTES, RULES_VERSION
from consortium.store.save_load import load_save
from consortium.store.scenarios import read_scenario_file
from consortium.store.task_csv import tasks_csv
from tests.store.games import Game, bot_game, cancer_care, play, save_bytes


def validate(path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "consortium", "validate", str(path), *options],
        capture_output=True, text=True, timeout=120, check=False,
    )


def test_a_good_save_is_ok(tmp_path: Path) -> None:
    state, actions = bot_game(steps=30)
    path = tmp_path / "session.consortium"
    path.write_bytes(save_bytes(state, actions))
    result = validate(path)
    assert (result.returncode, result.stdout) == (0, _("ok") + "\n"), result.stderr


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
                    "Facilitated", "Initiate", "Invite", "Join", "NameHolder", "NoInvite", "Place",
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
        0, _("ok (tasks checked against the scenario {scenario})").format(
            scenario="cancer-care") + "\n"
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


# --- saves the loader refuses whole ---------------------------------------------------------


def good_save_text() -> str:
    state, actions = bot_game(steps=30)
    return save_bytes(state, actions).decode("utf-8")


def test_an_oversized_save_is_refused_before_reading(tmp_path: Path) -> None:
    # A good save padded with blank lines past 1 MiB: only its size is wrong.
    text = good_save_text()
    path = tmp_path / "huge.consortium"
    path.write_text(text + "\n" * (MAX_SAVE_BYTES + 1 - len(text.encode())), encoding="utf-8")
    assert path.stat().st_size == MAX_SAVE_BYTES + 1
    result = validate(path)
    assert (result.returncode, result.stdout) == (
        2, f"{path}: file: is 1,048,577 bytes; a save may be at most 1,048,576 bytes\n"
    )


def test_a_save_of_utf16_is_named_as_such(tmp_path: Path) -> None:
    # What Notepad writes when "Unicode" is picked: UTF-16 with a byte-order mark.
    path = tmp_path / "notepad.consortium"
    path.write_bytes(good_save_text().encode("utf-16"))
    result = validate(path)
    assert (result.returncode, result.stdout) == (
        2, f"{path}: file: is saved as UTF-16; a save is UTF-8 text\n"
    )


def test_a_save_of_latin1_names_the_first_wrong_byte(tmp_path: Path) -> None:
    # A good save with a player called Zoë, re-saved by an editor in its local code page.
    config = bot_config(cancer_care(), "balanced", 7, seats=4, rounds=3)
    zoe = attrs.evolve(config.seats[0], name="Zoë")
    config = attrs.evolve(config, seats=(zoe, *config.seats[1:]))
    state, actions = play(Game(cancer_care(), config, (), 30))
    text = save_bytes(state, actions).decode("utf-8")
    assert load_save(text.encode("utf-8")).header.players[0] == "Zoë"  # fine as UTF-8
    data = text.encode("latin-1")
    path = tmp_path / "latin1.consortium"
    path.write_bytes(data)
    result = validate(path)
    assert (result.returncode, result.stdout) == (
        2,
        f"{path}: file: is not UTF-8 text (a wrong encoding or a binary file) at byte "
        f"{data.index('ë'.encode('latin-1'))}\n",
    )


@pytest.mark.parametrize(
    ("key", "what", "mine"),
    [
        ("format_version", "save format", FORMAT_VERSION),
        ("rules_version", "rules version", RULES_VERSION),
    ],
)
def test_a_save_from_a_newer_consortium_says_so(
    tmp_path: Path, key: str, what: str, mine: int
) -> None:
    tree = json.loads(good_save_text())
    tree["header"][key] = mine + 1
    path = tmp_path / "future.consortium"
    path.write_text(json.dumps(tree), encoding="utf-8")
    result = validate(path)
    assert (result.returncode, result.stdout) == (
        2,
        f"{path}: header.{key}: made for a newer Consortium ({what} {mine + 1}); this version "
        f"reads {what} {mine} and older. Open it with a newer Consortium.\n",
    )


# --- a tasks spreadsheet against a trainer's own scenario -----------------------------------


def own_scenario(folder: Path) -> Path:
    """The shipped scenario under another id, with the domain "radiology" renamed "imaging"."""
    text = asset_path("scenarios", "cancer-care.toml").read_text(encoding="utf-8")
    assert '"radiology"' in text
    text = text.replace('id = "cancer-care"', 'id = "my-partnership"', 1)
    path = folder / "my-partnership.toml"
    path.write_text(text.replace('"radiology"', '"imaging"'), encoding="utf-8")
    return path


def test_a_tasks_spreadsheet_is_checked_against_the_scenario_named(tmp_path: Path) -> None:
    scenario_path = own_scenario(tmp_path)
    path = tmp_path / "tasks.csv"
    path.write_bytes(tasks_csv(read_scenario_file(scenario_path).tasks))
    result = validate(path, "--scenario", str(scenario_path))
    assert (result.returncode, result.stdout, result.stderr) == (
        0, _("ok (tasks checked against the scenario {scenario})").format(
            scenario="my-partnership") + "\n", ""
    )
    # Without --scenario the same tasks meet the shipped scenario, which has no "imaging".
    result = validate(path)
    assert (result.returncode, result.stdout) == (
        2,
        f'{path}: row 2 (tasks[0]).visible[0]: unknown domain "imaging"\n'
        f'{path}: row 4 (tasks[2]).visible[1]: unknown domain "imaging"\n',
    )
    assert validate(path, "--scenario", "cancer-care").stdout == result.stdout


def test_an_unknown_scenario_for_a_spreadsheet_is_one_plain_line(tmp_path: Path) -> None:
    path = tmp_path / "tasks.csv"
    path.write_bytes(tasks_csv(cancer_care().tasks))
    result = validate(path, "--scenario", "no-such-scenario")
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        _("consortium validate: --scenario {scenario}: {problem}").format(
            scenario="no-such-scenario",
            problem='file: no shipped scenario "no-such-scenario" and no such file (shipped: '
            "cancer-care, climate-adaptation, fossil-free-transport)") + "\n",
    )


def test_a_broken_scenario_for_a_spreadsheet_is_one_line_pointing_to_its_problems(
    tmp_path: Path,
) -> None:
    path = tmp_path / "tasks.csv"
    path.write_bytes(tasks_csv(cancer_care().tasks))
    broken = own_scenario(tmp_path)
    text = broken.read_text(encoding="utf-8")
    broken.write_text(text.replace("target = 30", "target = -1", 1).replace(
        'id = "imaging"', 'id = "Imaging"', 1), encoding="utf-8")
    problems = validate(broken).stdout.splitlines()
    assert len(problems) >= 2, problems
    result = validate(path, "--scenario", str(broken))
    assert (result.returncode, result.stdout) == (2, "")
    more = len(problems) - 1
    assert result.stderr == ngettext(
        "consortium validate: --scenario {scenario}: {problem} (and {count} more; "
        "`consortium validate {scenario}` lists them)",
        "consortium validate: --scenario {scenario}: {problem} (and {count} more; "
        "`consortium validate {scenario}` lists them)", more,
    ).format(scenario=broken, problem=problems[0].removeprefix(f"{broken}: "), count=more) + "\n"


def test_scenario_is_refused_for_anything_but_a_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "session.consortium"
    path.write_text(good_save_text(), encoding="utf-8")
    result = validate(path, "--scenario", "cancer-care")
    assert (result.returncode, result.stdout, result.stderr) == (
        2, "", _("consortium validate: --scenario applies only to a tasks spreadsheet (.csv)")
        + "\n"
    )
