"""``consortium simulate --from SAVE``: the debrief's what-if on the command line, in a real
subprocess — the same figures as the window's job, and a clear line for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consortium.cli import what_if_tree
from consortium.play.what_if import WhatIfJob
from consortium.present import what_if_words as words
from consortium.store.save_load import read_save_file
from tests.store.games import bot_game, save_bytes
from tests.test_cli import run


@pytest.fixture(scope="module")
def saves(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("saves")
    paths = {}
    for name, steps in (("finished", None), ("unfinished", 60)):
        state, actions = bot_game(seats=6, rounds=4, steps=steps)
        paths[name] = folder / f"{name}.consortium"
        paths[name].write_bytes(save_bytes(state, actions))
    return paths


def test_json_figures_equal_the_jobs(saves: dict[str, Path]) -> None:
    result = run("simulate", "--from", str(saves["finished"]), "--round", "2", "--seeds", "4",
                 "--json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    job = WhatIfJob(read_save_file(saves["finished"]), 2, 4, workers=0)
    assert job.wait(60) and job.result is not None
    expected = json.loads(json.dumps(what_if_tree(job.result)))
    assert {k: v for k, v in figures.items() if k not in ("save", "seconds")} == expected
    assert figures["label"] == "bots, not people"
    assert set(figures["policies"]) == {b.policy for b in job.result.bands}
    assert figures["group"]["finished"] is True


def test_text_names_every_policy_in_plain_words_beside_the_group(
    saves: dict[str, Path],
) -> None:
    result = run("simulate", "--from", str(saves["finished"]), "--seeds", "3")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "bots, not people" in out
    for name in ("Democratic, many introductions", "Self-selection, like with like",
                 "Balanced hybrid"):
        assert name in out
    assert out.count("median ") >= 18  # three measures for six policies
    assert "Your group" in out and "not finished" not in out


def test_an_unfinished_game_says_so(saves: dict[str, Path]) -> None:
    result = run("simulate", "--from", str(saves["unfinished"]), "--seeds", "2", "--round", "2")
    assert result.returncode == 0, result.stderr
    assert "not finished" in result.stdout


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--round", "9"], "--round 9: the game in"),
        (["--round", "0"], "--round 0: the game in"),
        (["--seeds", "0"], "--seeds must be at least 1"),
        (["--seats", "4"], "--seats applies only without --from"),
    ],
)
def test_bad_options_get_one_clear_line(saves: dict[str, Path], args: list[str],
                                        says: str) -> None:
    result = run("simulate", "--from", str(saves["finished"]), *args)
    assert result.returncode == 2
    assert says in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def test_a_round_not_begun_is_refused(saves: dict[str, Path]) -> None:
    result = run("simulate", "--from", str(saves["unfinished"]), "--round", "4")
    assert result.returncode == 2
    assert "has not begun" in result.stderr and str(saves["unfinished"]) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("content", [None, b"", b"{}", b"not a save \x00\xff"])
def test_a_missing_or_broken_save_is_named_with_the_trouble(
    tmp_path: Path, content: bytes | None
) -> None:
    path = tmp_path / "broken.consortium"
    if content is not None:
        path.write_bytes(content)
    result = run("simulate", "--from", str(path))
    assert result.returncode == 2
    assert result.stderr.startswith(f"{path}: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr + result.stdout


def test_simulate_without_from_still_needs_a_policy() -> None:
    result = run("simulate", "--seeds", "1")
    assert result.returncode == 2
    assert "--policy" in result.stderr


def test_the_words_for_the_room() -> None:
    from consortium.engine.what_if_bands import Band

    assert words.policy_name("democratic-heavy") == "Democratic, many introductions"
    assert words.band_line(Band(19.0, 34.6, 42.7)) == (
        "Bots, not people: median 34.6, 10th–90th percentile 19.0–42.7")
