"""The digest covers the action log, every action in order (issue 10, defect 7).

Under ``summary-2`` a vote flipped from approve to reject, in a vote that carried anyway,
replayed to the same summary: the save validated ``ok`` and reopened with a log that was
not the session's. Saves now carry a chained check of each action and a ``summary-3``
digest over the state and the log; an edited action is refused at its place. Saves of
format 1 (``summary-1``, ``summary-2``, no checks) still open.
"""

from __future__ import annotations

import functools
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from consortium.engine.actions import Vote
from consortium.store.digest import log_checks, save_digest, state_digest
from consortium.store.save_file import FORMAT_VERSION, SaveError
from consortium.store.save_load import load_save
from tests.store.games import bot_game, save_bytes

FLIPPED = 15
"""In this game, flipping the vote at actions[15] changes nothing the state summary shows."""


@functools.cache
def game() -> tuple[bytes, Any]:
    state, actions = bot_game("democratic-heavy", seed=1)
    return save_bytes(state, actions), state


def tree() -> dict[str, Any]:
    return json.loads(game()[0])


def dumped(tree: dict[str, Any]) -> bytes:
    return json.dumps(tree).encode()


def flip(tree: dict[str, Any], index: int) -> None:
    vote = tree["actions"][index]
    assert vote["type"] == "Vote"
    vote["approve"] = not vote["approve"]


def as_format_1(tree: dict[str, Any], scheme: str = "summary-2") -> None:
    """The save as 0.1.0 wrote it: no checks, a digest of the state alone."""
    del tree["checks"]
    tree["header"]["format_version"] = 1
    tree["digest"] = state_digest(game()[1], scheme)


def refusal(data: bytes) -> list[str]:
    with pytest.raises(SaveError) as caught:
        load_save(data)
    return [str(p) for p in caught.value.problems]


def edited_at(index: int, kind: str) -> str:
    return (
        f"actions[{index}]: step {index + 1} ({kind}) is not the action that was saved (it "
        f"does not match checks[{index}]): the file was changed by hand or damaged, so it is "
        "not opened"
    )


def test_a_flipped_vote_is_refused_at_its_place() -> None:
    edited = tree()
    flip(edited, FLIPPED)
    assert refusal(dumped(edited)) == [edited_at(FLIPPED, "Vote")]


def test_under_the_old_digest_the_same_flip_went_unnoticed() -> None:
    """Why summary-3: the state summary of the flipped game is the saved one."""
    old = tree()
    as_format_1(old)
    flip(old, FLIPPED)
    assert load_save(dumped(old)).save.actions != load_save(game()[0]).save.actions


def test_every_vote_flipped_is_refused_at_its_place() -> None:
    votes = [i for i, a in enumerate(tree()["actions"]) if a["type"] == "Vote"]
    assert len(votes) >= 10
    for index in votes:
        edited = tree()
        flip(edited, index)
        assert refusal(dumped(edited)) == [edited_at(index, "Vote")], index


def test_two_actions_swapped_are_refused_at_the_first() -> None:
    edited = tree()
    actions = edited["actions"]
    first = next(i for i in range(len(actions) - 1) if actions[i] != actions[i + 1])
    actions[first], actions[first + 1] = actions[first + 1], actions[first]
    kind = actions[first]["type"]
    assert refusal(dumped(edited))[0] == edited_at(first, kind)


def test_an_edited_check_is_refused_too() -> None:
    edited = tree()
    edited["checks"][3] = "0" * 16
    kind = edited["actions"][3]["type"]
    assert refusal(dumped(edited)) == [edited_at(3, kind)]


MISSING = (
    "checks: missing: a save of format 2 or later (a summary-3 digest) has a check for each "
    "action; the file was changed by hand or damaged"
)


def test_a_save_of_this_format_without_its_checks_is_refused() -> None:
    edited = tree()
    del edited["checks"]
    assert refusal(dumped(edited)) == [MISSING]


def test_checks_cannot_be_dropped_by_going_back_to_the_old_digest() -> None:
    edited = tree()
    flip(edited, FLIPPED)
    del edited["checks"]
    edited["digest"] = state_digest(game()[1], "summary-2")  # the flip leaves it the same
    assert refusal(dumped(edited)) == [MISSING]


def test_checks_rewritten_for_an_edit_still_miss_the_digest() -> None:
    """Someone who edits an action and its checks (not the digest) is caught by the digest,
    which covers the last check."""
    edited = tree()
    flip(edited, FLIPPED)
    loaded = load_save(game()[0])
    actions = list(loaded.save.actions)
    vote = actions[FLIPPED]
    assert isinstance(vote, Vote)
    actions[FLIPPED] = Vote(vote.seat, not vote.approve)
    edited["checks"] = log_checks(actions)
    assert refusal(dumped(edited)) == [
        "digest: the log replays to a different game than the one saved: the file was "
        "changed by hand or damaged, so it is not opened"
    ]


@pytest.mark.parametrize("scheme", ["summary-1", "summary-2"])
def test_saves_of_format_1_still_open(scheme: str) -> None:
    old = tree()
    as_format_1(old, scheme)
    loaded = load_save(dumped(old))
    assert loaded.state == game()[1]
    assert loaded.header.format_version == 1 < FORMAT_VERSION


def test_the_digest_names_the_scheme_and_covers_the_last_check() -> None:
    saved = tree()
    state = game()[1]
    checks = saved["checks"]
    assert saved["digest"] == save_digest(state, checks)
    assert saved["digest"].startswith("summary-3:sha256:")
    assert save_digest(state, [*checks[:-1], "0" * 16]) != saved["digest"]


def test_validate_names_the_flipped_vote(tmp_path: Path) -> None:
    edited = tree()
    flip(edited, FLIPPED)
    path = tmp_path / "flipped.consortium"
    path.write_bytes(dumped(edited))
    result = subprocess.run(
        [sys.executable, "-m", "consortium", "validate", str(path)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert (result.returncode, result.stderr) == (2, "")
    assert result.stdout == f"{path}: {edited_at(FLIPPED, 'Vote')}\n"
