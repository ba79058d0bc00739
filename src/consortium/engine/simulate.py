"""Playing games with bots: whole bot-only games for simulation and calibration, bot turns
inside a game with people, and the debrief's what-if replays.

A bot's randomness for one decision is drawn from a stream seeded by its seat's stream seed
and the state's step counter, so a replayed or resumed game makes exactly the same bot
choices, and what-if replays with the same seeds give every policy the same luck.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from consortium.engine import flow, perspective
from consortium.engine.actions import Action, Continue
from consortium.engine.bots import (
    POLICIES,
    Policy,
    choose_group,
    choose_invitation,
    choose_seat,
)
from consortium.engine.frozen import evolve
from consortium.engine.game import apply, apply_legal, legal_actions, opening
from consortium.engine.rng import DerivedDraws, Draws, derive_seed
from consortium.engine.round_start import begin_round
from consortium.engine.scenario import Scenario
from consortium.engine.state import GameConfig, GameState, Mode, Phase, SeatSetup, Streams
from consortium.engine.views import player_view, public_view


def bot_draws(state: GameState, seat: int | None) -> Draws:
    streams = state.hidden.streams
    base = streams.group if seat is None else streams.bots[seat]
    return DerivedDraws(base.seed, state.step)


def bot_action(state: GameState, policy: Policy) -> Action:
    """The choice the bot in the acting seat (or the bot group) makes now."""
    seat = state.public.actor
    draws = bot_draws(state, seat)
    memo = state.ctx.memo  # the game's own: games side by side in threads share nothing
    if seat is None:
        if state.public.phase is Phase.PERSPECTIVE_CHECK:
            # the same choice as ``choose_group`` over legal_actions, stopping early
            return choose_invitation(state.public, perspective.iter_invitations(state), policy)
        return choose_group(public_view(state), legal_actions(state, seat), policy, draws, memo)
    # without listing every option (tests/engine/test_bot_oracle.py: the same choice as the
    # plain scoring over legal_actions)
    return choose_seat(player_view(state, seat), policy, draws, memo)


def seat_policy(state: GameState, seat: int | None) -> Policy:
    config = state.ctx.config
    name = config.group_policy if seat is None else (config.seats[seat].bot or config.group_policy)
    return POLICIES[name]


def play_to_end(state: GameState, policy: Policy | None = None) -> GameState:
    """Let bots take every decision until the game is over. ``policy`` overrides every
    seat's and the group's own policy (what-if replays)."""
    while state.public.phase is not Phase.GAME_OVER:
        acting = policy or seat_policy(state, state.public.actor)
        # bots choose legal actions (tests/engine/test_simulate.py checks every one of them)
        state = apply_legal(state, bot_action(state, acting))
    return state


def bot_config(
    scenario: Scenario,
    policy: str,
    seed: int,
    *,
    seats: int = 6,
    rounds: int | None = None,
    turnover: float | None = None,
) -> GameConfig:
    """A bot-only game: ``seats`` bots with sectors cycling in file order, every round in the
    policy's mode, rounds and turnover from the scenario unless given."""
    mode = POLICIES[policy].mode
    rounds = rounds or scenario.defaults.rounds
    sectors = [s.id for s in scenario.sectors]
    return GameConfig(
        seats=tuple(
            SeatSetup(f"Bot {i + 1}", sectors[i % len(sectors)], bot=policy) for i in range(seats)
        ),
        rounds=rounds,
        turnover=scenario.defaults.turnover if turnover is None else turnover,
        schedule=(mode,) * rounds,
        seed=seed,
        capacity=scenario.defaults.capacity,
        hand_size=scenario.defaults.hand_size,
        group_policy=policy,
    )


def play_bot_game(scenario: Scenario, config: GameConfig) -> GameState:
    return play_to_end(flow.start_organizing(opening(scenario, config)))


# --- what-if ------------------------------------------------------------------------------


def round_start(scenario: Scenario, config: GameConfig, actions: Sequence[Action],
                round_no: int) -> GameState:
    """The state at the start of ``round_no`` (after comings and goings and private hours,
    before the mode), found by replaying the action log."""
    state = opening(scenario, config)
    if round_no == 1:
        return state
    state = flow.start_organizing(state)
    for action in actions:
        if isinstance(action, Continue) and state.public.round == round_no - 1:
            # counted as the Continue it stands for, so bots replay the same choices
            return evolve(begin_round(state, round_no), step=state.step + 1)
        state = apply(state, action)
    raise ValueError(f"the log does not reach round {round_no}")


def reseeded(state: GameState, seed: int) -> GameState:
    """The same state with fresh streams for everything still to come, drawn from ``seed``:
    the same ``seed`` gives every policy the same comings and goings (common random
    numbers)."""
    base = derive_seed(state.ctx.config.seed, "what-if", seed)
    old = state.hidden.streams
    streams = evolve(Streams.seeded(base, len(old.bots)), deal=old.deal)
    return evolve(state, hidden=evolve(state.hidden, streams=streams))


@attrs.frozen
class WhatIf:
    """Final impact of bots replaying from a round start: median and 10th–90th percentile."""

    policy: str
    p10: float
    median: float
    p90: float
    impacts: tuple[float, ...]


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (q in 0–100) of a non-empty sequence."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def what_if(start: GameState, policies: Sequence[str], seeds: int = 100) -> list[WhatIf]:
    """From ``start`` (a round start, see :func:`round_start`) to the end of the game, each
    policy playing every seat and the group, ``seeds`` times with common random numbers.
    Labelled "bots, not people" wherever it is shown."""
    results = []
    for name in policies:
        policy = POLICIES[name]
        impacts = []
        for k in range(seeds):
            state = reseeded(start, k)
            rest = (policy.mode,) * (state.public.rounds - state.public.round + 1)
            done: tuple[Mode | str, ...] = state.public.schedule[: state.public.round - 1]
            state = evolve(
                state, public=evolve(state.public, schedule=(*done, *rest))
            )
            final = play_to_end(flow.start_organizing(state), policy)
            impacts.append(final.public.impact)
        results.append(
            WhatIf(name, percentile(impacts, 10), percentile(impacts, 50),
                   percentile(impacts, 90), tuple(impacts))
        )
    return results
