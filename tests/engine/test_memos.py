"""The engine's action memos are bounded (issue 10): keyed by task ids and each round's open
tasks, an unbounded memo grew with every new game for as long as the program ran."""

from __future__ import annotations

from typing import Any

import pytest

from consortium.engine import game

MEMOS: dict[str, Any] = {
    name: getattr(game, name)
    for name in ("_initiates", "_places", "_joins", "_STAY", "_SIT_OUT", "_REVEAL", "_DECLARE",
                 "_VOTE", "_RESPOND", "_INVITE")
}


@pytest.mark.parametrize("name", sorted(MEMOS))
def test_every_action_memo_has_a_size_limit(name: str) -> None:
    limit = MEMOS[name].cache_info().maxsize
    assert limit is not None and 256 <= limit <= 10_000


def test_a_memo_stays_within_its_limit_over_endless_new_tasks() -> None:
    places = game._places
    limit = places.cache_info().maxsize
    for number in range(limit + 500):  # tasks of ever new ids, as scenario after scenario
        assert places(0, (f"task-{number}", None))[0].task == f"task-{number}"
    assert places.cache_info().currsize == limit
    places.cache_clear()
