"""The engine's fast bots choose exactly what the plain scoring over the legal list chooses.

The engine's bots never list a decision's options (consortium.engine.bots); the oracle
(tests/engine/bot_oracle.py) scores every listed option as GAME.md describes. Both get the
same seeded draws, so a tie must be broken the same way too. A difference here is a bot that
plays other than its rules say, in every simulated and calibrated game.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from consortium.engine import flow
from consortium.engine.actions import Action
from consortium.engine.bots import POLICIES, Policy
from consortium.engine.game import apply, legal_actions, opening
from consortium.engine.simulate import bot_action, bot_config, bot_draws, seat_policy
from consortium.engine.state import GameState, Mode, Phase
from consortium.engine.views import player_view
from tests.engine import bot_oracle
from tests.engine.builders import scenario
from tests.engine.test_properties import Game, games, play

SCENARIO = scenario()


def oracle_action(state: GameState, policy: Policy) -> Action:
    """What the oracle picks for the acting seat (or the group) under ``policy``."""
    seat = state.public.actor
    legal = legal_actions(state, seat)
    draws = bot_draws(state, seat)
    if seat is None:
        return bot_oracle.choose_group(state.public, legal, policy, draws)
    return bot_oracle.choose(player_view(state, seat), legal, policy, draws)


@pytest.mark.parametrize("policy", sorted(POLICIES))
@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4, 5])
def test_every_decision_of_a_bot_game_is_the_oracles(policy: str, seed: int) -> None:
    """Own-way turns (bots.choose_turn), introductions (bots.choose_reveal), votes,
    declarations and invitations (bots.choose_seat) and perspective checks
    (bots.choose_invitation over the rule's lazy listing) pick what the oracle picks, at every
    decision; every seat plays ``policy`` in self-selection, hybrid and democratic rounds, so
    open and closed teams, tie-breaks, invitations and both kinds of introduction are met."""
    decisions = 0
    for mode in (Mode.SELF_SELECTION, Mode.HYBRID, Mode.DEMOCRATIC):
        cfg = bot_config(SCENARIO, policy, seed, turnover=0.3)
        cfg = attrs.evolve(cfg, schedule=(mode,) * cfg.rounds)
        state = flow.start_organizing(opening(SCENARIO, cfg))
        while not state.over:
            acting = seat_policy(state, state.public.actor)
            chosen = bot_action(state, acting)
            assert chosen == oracle_action(state, acting)
            decisions += state.public.actor is not None or (
                state.public.phase is Phase.PERSPECTIVE_CHECK
            )
            state = apply(state, chosen)
    assert decisions > 0


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(games())
def test_in_any_state_every_policy_chooses_as_the_oracle(game: Game) -> None:
    """In every state of a game drawn with random legal detours (3–8 seats, any schedule,
    people and bots of every policy, turnover, secret ballots), each of the eight policies,
    deciding for whoever acts, picks what the oracle picks: states no policy's own games
    reach (a self-selector voting, a herd introducing itself after a detour) included."""
    states, _ = play(game)
    for state in states[:-1]:
        for policy in POLICIES.values():
            assert bot_action(state, policy) == oracle_action(state, policy), (
                policy.name, state.public.phase, state.public.actor
            )
