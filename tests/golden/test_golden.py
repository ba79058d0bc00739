"""Golden playthroughs: fixed bot games whose every action, pit stop and debrief figure is
stored in tests/golden/<name>.json (see playthrough.py for the cases and the format).

Two checks per file, so a failure says what moved:

- the stored action log, re-applied to the rules, must still be legal and give the stored
  log, pit stops and metrics (fails on a change of **rules** or of the scenario);
- the bots, playing the stored config afresh, must make the stored choices (fails also on a
  change of **bots**).

On a mismatch the test prints a unified diff of the JSON. If the change is intended, run
``python scripts/regenerate_golden.py`` and commit the new files with it.
"""

from __future__ import annotations

import difflib
import json
from typing import Any

import pytest

from consortium.engine.actions import IllegalAction
from consortium.engine.game import apply, new_game
from tests.golden.playthrough import (
    CASES,
    GOLDEN_DIR,
    REGENERATE,
    Case,
    action_from_dict,
    config_from_dict,
    config_to_dict,
    dumps,
    load_scenario,
    path_of,
    play_bots,
    playthrough,
)

MAX_DIFF_LINES = 150
_ADVICE = (
    f"If this change of rules, bots or scenario is intended, run `{REGENERATE}` and commit "
    "the new files with it; otherwise it is a regression."
)


def _stored(case: Case) -> tuple[str, dict[str, Any]]:
    path = path_of(case.name)
    if not path.exists():
        pytest.fail(f"{path.name} is missing: run `{REGENERATE}` to write it.")
    text = path.read_text(encoding="utf-8")
    return text, json.loads(text)


def _mismatch(case: Case, stored: str, fresh: str, what: str) -> str:
    diff = list(
        difflib.unified_diff(
            stored.splitlines(),
            fresh.splitlines(),
            f"tests/golden/{case.name}.json (stored)",
            f"tests/golden/{case.name}.json ({what})",
            lineterm="",
        )
    )
    if len(diff) > MAX_DIFF_LINES:
        diff = [*diff[:MAX_DIFF_LINES], f"... ({len(diff) - MAX_DIFF_LINES} more diff lines)"]
    return f"The golden playthrough {case.name} changed ({what}).\n{_ADVICE}\n" + "\n".join(diff)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_the_stored_actions_still_give_the_stored_game(case: Case) -> None:
    text, doc = _stored(case)
    scenario = load_scenario(doc["scenario"])
    config = config_from_dict(doc["config"])
    actions = [action_from_dict(a) for a in doc["actions"]]
    state = new_game(scenario, config)
    for number, action in enumerate(actions):
        try:
            state = apply(state, action)
        except IllegalAction as error:
            pytest.fail(
                f"{case.name}: stored action {number} {doc['actions'][number]} is illegal "
                f"under today's rules: {error.reason}\n{_ADVICE}",
                pytrace=False,
            )
    if not state.over:
        pytest.fail(
            f"{case.name}: the stored actions no longer finish the game.\n{_ADVICE}", pytrace=False
        )
    fresh = dumps(playthrough(case.name, doc["scenario"], scenario, config, actions, state))
    if fresh != text:
        pytest.fail(
            _mismatch(case, text, fresh, "the stored actions under today's rules"), pytrace=False
        )


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_the_bots_replay_the_stored_game(case: Case) -> None:
    text, doc = _stored(case)
    scenario = load_scenario(doc["scenario"])
    config = config_from_dict(doc["config"])
    final, actions = play_bots(scenario, config)
    fresh = dumps(playthrough(case.name, doc["scenario"], scenario, config, actions, final))
    if fresh != text:
        pytest.fail(_mismatch(case, text, fresh, "the bots playing today"), pytrace=False)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_the_stored_config_is_the_case(case: Case) -> None:
    """The files and playthrough.CASES agree, so editing a case without regenerating fails."""
    _, doc = _stored(case)
    config = case.config(load_scenario(case.scenario))
    assert doc["config"] == config_to_dict(config), f"run `{REGENERATE}`"
    assert config_from_dict(doc["config"]) == config


def test_there_is_no_stale_golden_file() -> None:
    expected = {path_of(case.name) for case in CASES}
    stale = sorted(p.name for p in set(GOLDEN_DIR.glob("*.json")) - expected)
    assert not stale, f"{stale} belong to no case in playthrough.CASES: run `{REGENERATE}`"
