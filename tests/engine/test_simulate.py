"""Bot-only games skip re-checking the bots' moves (game.apply_legal); these tests hold that
shortcut to what ``apply`` would do: every bot choice passes ``check``, and a game played
through ``apply`` ends in the same state as ``simulate.play_to_end``."""

from __future__ import annotations

import attrs
import pytest

from consortium.engine import flow
from consortium.engine.bots import POLICIES, choose, choose_group
from consortium.engine.game import apply, apply_legal, check, legal_actions, opening
from consortium.engine.simulate import (
    bot_action,
    bot_config,
    bot_draws,
    play_bot_game,
    seat_policy,
)
from consortium.engine.state import Mode, Phase
from consortium.engine.views import player_view
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


@pytest.mark.parametrize("policy", sorted(POLICIES))
@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4, 5])
def test_bots_skipping_the_legal_list_choose_as_over_it(policy: str, seed: int) -> None:
    """bot_action's own-way turns (bots.choose_turn), introductions (bots.choose_reveal),
    votes, declarations and invitations (bots.choose_seat) and perspective checks
    (bots.choose_invitation over the rule's lazy listing) pick exactly what ``choose`` and
    ``choose_group`` pick from ``legal_actions``, with the same draws, at every decision;
    every seat plays ``policy`` in self-selection, hybrid and democratic rounds, so open and
    closed teams, tie-breaks, invitations and both kinds of introduction are all met."""
    shortcuts = 0
    for mode in (Mode.SELF_SELECTION, Mode.HYBRID, Mode.DEMOCRATIC):
        cfg = bot_config(SCENARIO, policy, seed, turnover=0.3)
        cfg = attrs.evolve(cfg, schedule=(mode,) * cfg.rounds)
        state = flow.start_organizing(opening(SCENARIO, cfg))
        while not state.over:
            seat = state.public.actor
            acting = seat_policy(state, seat)
            chosen = bot_action(state, acting)
            legal = legal_actions(state, seat)
            if seat is None:
                listed = choose_group(state.public, legal, acting, bot_draws(state, seat))
            else:
                listed = choose(player_view(state, seat), legal, acting, bot_draws(state, seat))
            assert chosen == listed
            shortcuts += seat is not None or state.public.phase is Phase.PERSPECTIVE_CHECK
            state = apply(state, chosen)
    assert shortcuts > 0
