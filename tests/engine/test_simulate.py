"""Bot-only games skip re-checking the bots' moves (game.apply_legal); these tests hold that
shortcut to what ``apply`` would do: every bot choice passes ``check``, and a game played
through ``apply`` ends in the same state as ``simulate.play_to_end``."""

from __future__ import annotations

import attrs
import pytest

from consortium.engine import flow
from consortium.engine.bots import POLICIES
from consortium.engine.game import apply, apply_legal, check, opening
from consortium.engine.simulate import (
    bot_action,
    bot_config,
    play_bot_game,
    seat_policy,
)
from consortium.engine.state import Mode
from tests.engine.builders import config, scenario

SCENARIO = scenario()


@pytest.mark.parametrize("policy", sorted(POLICIES))
@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_bots_choose_legal_moves_and_apply_legal_is_apply(policy: str, seed: int) -> None:
    cfg = bot_config(SCENARIO, policy, seed, turnover=0.3)
    state = flow.start_organizing(opening(SCENARIO, cfg))
    while not state.over:
        action = bot_action(state, seat_policy(state, state.public.actor))
        check(state, action)  # raises IllegalAction if a bot picked an illegal move
        checked = apply(state, action)
        assert apply_legal(state, action) == checked
        state = checked
    assert play_bot_game(SCENARIO, cfg) == state


def test_mixed_bots_under_a_choose_schedule_play_the_same_game() -> None:
    schedule = ("choose", Mode.DEMOCRATIC, Mode.SELF_SELECTION, "choose")
    cfg = config(len(POLICIES), rounds=4, seed=5, turnover=0.3, secret_ballot=True,
                 schedule=schedule)
    seats = tuple(
        attrs.evolve(s, bot=policy) for s, policy in zip(cfg.seats, sorted(POLICIES), strict=True)
    )
    cfg = attrs.evolve(cfg, seats=seats, group_policy="democratic-keep")
    state = flow.start_organizing(opening(SCENARIO, cfg))
    while not state.over:
        state = apply(state, bot_action(state, seat_policy(state, state.public.actor)))
    assert play_bot_game(SCENARIO, cfg) == state
