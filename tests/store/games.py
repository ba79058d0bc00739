"""Games to save: bot-driven play with random detours, built the same way in every process."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import UTC, datetime

import attrs
from hypothesis import strategies as st

from consortium.engine.actions import Action
from consortium.engine.bots import POLICIES
from consortium.engine.game import apply, facilitator_actions, legal_actions, new_game
from consortium.engine.rng import Draws, Stream, derive_seed
from consortium.engine.scenario import Scenario
from consortium.engine.setup import SEATS
from consortium.engine.simulate import bot_action, bot_config, seat_policy
from consortium.engine.state import GameConfig, GameState, Mode, ScheduleEntry, SeatSetup
from consortium.store.save_file import Room, encode_save
from consortium.store.scenarios import shipped_scenarios
from tests.engine.builders import scenario as builders_scenario

STARTED = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
SAVED = datetime(2025, 3, 1, 10, 30, tzinfo=UTC)
POLICY_NAMES = tuple(sorted(POLICIES))
SCHEDULE_ENTRIES: tuple[ScheduleEntry, ...] = (*Mode, "choose")


@functools.cache
def cancer_care() -> Scenario:
    return shipped_scenarios()["cancer-care"]


@functools.cache
def scenarios() -> tuple[Scenario, ...]:
    return (cancer_care(), builders_scenario())


@attrs.frozen
class Game:
    """A game to play: scenario, setup, and per step either ``None`` (the bot in the acting
    seat decides) or a number picking one of the legal actions (or, past 1000, a facilitator
    action)."""

    scenario: Scenario
    config: GameConfig
    choices: tuple[int | None, ...]
    steps: int  # how many actions to play (fewer if the game ends first)

    def __repr__(self) -> str:
        c = self.config
        return (
            f"Game({self.scenario.id!r}, seed={c.seed}, seats={len(c.seats)}, "
            f"rounds={c.rounds}, schedule={[getattr(e, 'value', e) for e in c.schedule]}, "
            f"choices={list(self.choices)}, steps={self.steps})"
        )


@st.composite
def games(draw: st.DrawFn, max_steps: int = 400) -> Game:
    scenario = draw(st.sampled_from(scenarios()))
    n = draw(st.integers(SEATS.low, SEATS.high))
    rounds = draw(st.integers(3, 5))
    sectors = [s.id for s in scenario.sectors]
    config = GameConfig(
        seats=tuple(
            SeatSetup(
                f"P{i + 1}", sectors[i % len(sectors)], draw(st.sampled_from((None, *POLICY_NAMES)))
            )
            for i in range(n)
        ),
        rounds=rounds,
        turnover=draw(st.sampled_from((0.0, 0.15, 0.3))),
        schedule=tuple(
            draw(st.lists(st.sampled_from(SCHEDULE_ENTRIES), min_size=rounds, max_size=rounds))
        ),
        seed=draw(st.integers(0, 2**64 - 1)),
        capacity=scenario.defaults.capacity,
        hand_size=scenario.defaults.hand_size,
        secret_ballot=draw(st.booleans()),
        group_policy=draw(st.sampled_from(POLICY_NAMES)),
    )
    choices = draw(st.lists(st.none() | st.integers(0, 1100), max_size=60))
    return Game(scenario, config, tuple(choices), draw(st.integers(0, max_steps)))


def next_action(state: GameState, choice: int | None) -> Action:
    if choice is not None and choice >= 1000:
        extra = facilitator_actions(state)
        return extra[choice % len(extra)]
    if choice is None:
        return bot_action(state, seat_policy(state, state.public.actor))
    legal = legal_actions(state, state.public.actor)
    return legal[choice % len(legal)]


def play(game: Game) -> tuple[GameState, list[Action]]:
    state = new_game(game.scenario, game.config)
    actions: list[Action] = []
    while not state.over and len(actions) < game.steps:
        step = len(actions)
        action = next_action(state, game.choices[step] if step < len(game.choices) else None)
        state = apply(state, action)
        actions.append(action)
    return state, actions


def bot_game(
    policy: str = "balanced", seed: int = 7, *, seats: int = 4, rounds: int = 3,
    steps: int | None = None,
) -> tuple[GameState, list[Action]]:
    """A bot-only game of the shipped scenario, to the end or ``steps`` actions."""
    config = bot_config(cancer_care(), policy, seed, seats=seats, rounds=rounds)
    return play(Game(cancer_care(), config, (), 10**6 if steps is None else steps))


def script(config: GameConfig, scenario: Scenario) -> list[Action]:
    """The whole action log of a bot-only game (the crash test's script)."""
    return play(Game(scenario, config, (), 10**6))[1]


def save_bytes(state: GameState, actions: Sequence[Action], room: Room | None = None) -> bytes:
    return encode_save(
        state,
        actions,
        room or Room.of(state.ctx.config),
        started_at=STARTED,
        saved_at=SAVED,
    )


def sample_game(number: int) -> Game:
    """A varied game chosen by ``number`` alone (no Hypothesis), the same in any process:
    every policy, 3–8 seats, every schedule entry, some random legal detours."""
    draws = Draws(Stream(derive_seed(2025, "sample", number)))
    scenario = scenarios()[number % 2]
    seats = 3 + number % 6
    rounds = 3 + number % 3
    sectors = [s.id for s in scenario.sectors]
    config = GameConfig(
        seats=tuple(
            SeatSetup(f"P{i + 1}", sectors[i % len(sectors)],
                      draws.pick((None, *POLICY_NAMES)))
            for i in range(seats)
        ),
        rounds=rounds,
        turnover=draws.pick((0.0, 0.15, 0.3)),
        schedule=tuple(draws.pick(SCHEDULE_ENTRIES) for _ in range(rounds)),
        seed=draws.u64(),
        capacity=scenario.defaults.capacity,
        hand_size=scenario.defaults.hand_size,
        secret_ballot=draws.chance(0.5),
        group_policy=draws.pick(POLICY_NAMES),
    )
    choices = tuple(
        None if draws.chance(0.6) else draws.below(1101) for _ in range(draws.below(50))
    )
    return Game(scenario, config, choices, draws.between(0, 400))
