"""The command line as a trainer or a calibration script uses it, in a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from consortium.engine.summary import SUMMARY_KEYS
from consortium.present.i18n import N_, _


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "consortium", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        check=False,
    )


def test_simulate_prints_one_json_object_with_every_mean() -> None:
    result = run(
        "simulate", "--scenario", "cancer-care", "--policy", "balanced", "--seeds", "5", "--json"
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    for key in (*SUMMARY_KEYS, "impact_p60", "games", "seconds"):
        assert key in figures, key
    assert figures["games"] == 5
    assert figures["policy"] == "balanced"
    assert 0 <= figures["win_rate"] <= 1
    assert figures["seconds"] > 0


def test_simulate_has_a_json_key_for_every_rules_v3_figure() -> None:
    result = run("simulate", "--policy", "herd", "--seeds", "3", "--json")
    figures = json.loads(result.stdout)
    for key in ("crowding_hours", "talk_yield", "alignophilia_ratio", "concentration",
                "lost_per_finished", "at_risk"):
        assert isinstance(figures[key], float), key
    assert figures["crowding_hours"] > 0  # everyone on one task crowds it
    assert figures["concentration"] == 1.0
    assert figures["seeds_from"] == 0


def test_seed_start_plays_the_seeds_from_there() -> None:
    from consortium.engine.summary import play_many, summarise
    from consortium.store.scenarios import find_scenario

    result = run("simulate", "--policy", "balanced", "--seeds", "3", "--seed-start", "5000",
                 "--json")
    figures = json.loads(result.stdout)
    games = list(play_many(find_scenario("cancer-care"), "balanced", 3, seed_start=5000))
    assert figures["impact"] == pytest.approx(summarise(games)["impact"])
    assert figures["seeds_from"] == 5000
    first = run("simulate", "--policy", "balanced", "--seeds", "3", "--json")
    assert json.loads(first.stdout)["impact"] != figures["impact"]
    text = run("simulate", "--policy", "balanced", "--seeds", "3", "--seed-start", "7")
    assert "7–9" in text.stdout.splitlines()[0]  # the seeds played, first to last
    bad = run("simulate", "--policy", "balanced", "--seed-start", "-1")
    assert bad.returncode == 2
    assert _("--seed-start must be a whole number from 0 to 2**63 - 1") in bad.stderr


def test_herding_everyone_onto_one_task_scores_lower_than_balanced() -> None:
    """Issue 9's check, as a trainer would run it: the shortcut does not pay."""
    impact = {}
    for policy in ("herd", "balanced"):
        result = run("simulate", "--policy", policy, "--seeds", "200", "--seed-start", "5000",
                     "--json")
        assert result.returncode == 0, result.stderr
        impact[policy] = json.loads(result.stdout)["impact"]
    assert impact["herd"] < impact["balanced"]


def test_simulate_matches_the_engine_in_process() -> None:
    from consortium.engine.summary import play_many, summarise
    from consortium.store.scenarios import find_scenario

    result = run(
        "simulate",
        "--policy",
        "self-select",
        "--seeds",
        "4",
        "--rounds",
        "3",
        "--turnover",
        "0.3",
        "--seats",
        "5",
        "--json",
    )
    figures = json.loads(result.stdout)
    expected = summarise(
        list(
            play_many(
                find_scenario("cancer-care"),
                "self-select",
                4,
                rounds=3,
                turnover=0.3,
                seats=5,
            )
        )
    )
    assert figures["impact"] == pytest.approx(expected["impact"])
    assert figures["lost_perspectives_present"] == pytest.approx(
        expected["lost_perspectives_present"]
    )


def test_simulate_without_json_prints_a_readable_table() -> None:
    result = run("simulate", "--policy", "democratic-heavy", "--seeds", "2")
    assert result.returncode == 0
    assert "jointholism index" in result.stdout
    assert "Cancer care partnership" in result.stdout


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--seeds", "0"), N_("--seeds must be at least 1")),
        (("--rounds", "12"), N_("--rounds must be from 3 to 8")),
        (("--turnover", "2"), N_("--turnover must be from 0 to 0.9")),
        (("--seats", "2"), N_("--seats must be from 3 to 8")),
        (("--scenario", "no-such-scenario"), None),  # the name given, said back
    ],
)
def test_simulate_refuses_bad_arguments_plainly(args: tuple[str, ...], says: str | None) -> None:
    result = run("simulate", "--policy", "balanced", *args)
    assert result.returncode == 2
    assert (_(says) if says else args[-1]) in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_ok_for_the_shipped_scenario() -> None:
    from consortium.resources import asset_path

    path = str(asset_path("scenarios", "cancer-care.toml"))
    result = run("validate", path)
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == _("ok")


def test_validate_lists_every_problem_with_its_place(tmp_path: Path) -> None:
    from consortium.resources import asset_path

    text = asset_path("scenarios", "cancer-care.toml").read_text(encoding="utf-8")
    broken = text.replace("effort = 34", 'effort = "ten"', 1).replace("target = 23", "target = -1")
    path = tmp_path / "broken.toml"
    path.write_text(broken, encoding="utf-8")
    result = run("validate", str(path))
    assert result.returncode == 2
    lines = result.stdout.splitlines()
    assert any(line.startswith(f"{path}: tasks[") and ".effort: " in line for line in lines)
    assert any(line.startswith(f"{path}: target: ") for line in lines)
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    "content",
    [b"", b"\xff\xfe\x00garbage", b"[[[[" * 2000, b"x = " + b"9" * 5000, b"\x00\x01\x02"],
)
def test_validate_never_shows_a_traceback(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "odd.toml"
    path.write_bytes(content)
    result = run("validate", str(path))
    assert result.returncode == 2
    assert result.stdout.startswith(f"{path}: ")
    assert "Traceback" not in result.stdout + result.stderr


def test_validate_a_missing_file() -> None:
    result = run("validate", "/no/such/file.toml")
    assert result.returncode == 2
    assert "/no/such/file.toml: file:" in result.stdout


def test_version() -> None:
    from consortium import __version__

    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"consortium {__version__}"


def test_print_hands_writes_a_page_per_seat_and_per_envelope(tmp_path: Path) -> None:
    """``consortium print-hands SAVE --pdf OUT.pdf``: the printed hands of a saved session
    (docs/printed-hands.md), headless."""
    import re

    from consortium.engine.sheets import possible_arrivals
    from consortium.store.save_load import read_save_file
    from tests.store.games import bot_game, save_bytes

    state, actions = bot_game(steps=30)
    save = tmp_path / "game.consortium"
    save.write_bytes(save_bytes(state, actions))
    out = tmp_path / "hands.pdf"
    result = run("print-hands", str(save), "--pdf", str(out))
    assert result.returncode == 0, result.stderr
    start = read_save_file(save).history.start
    pages = len(state.seats) + possible_arrivals(start)
    assert result.stdout.strip() == _("{path}: {pages} pages").format(path=out, pages=pages)
    assert len(re.findall(rb"/Type\s*/Page(?![s\w])", out.read_bytes())) == pages


def test_print_hands_of_a_broken_save_says_why(tmp_path: Path) -> None:
    save = tmp_path / "broken.consortium"
    save.write_bytes(b"{}")
    result = run("print-hands", str(save), "--pdf", str(tmp_path / "out.pdf"))
    assert result.returncode == 2
    assert result.stdout.startswith(f"{save}: ")
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "out.pdf").exists()
