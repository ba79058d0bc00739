"""The bots' memos belong to a game (``state.ctx.memo``), not to the module.

The bots remember the open tasks' requirements and the group's last proposal between
decisions. In 0.1.0 that memory was a module global shared by every game in the process:
two games played side by side (two tables, or what-if replays on worker threads) evicted
each other's entries at every step and read one list from two threads. These tests hold
the per-game memos to what a user would notice: the same games, whatever else plays at the
same time.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator

import attrs
import pytest

from consortium.engine import bots, flow
from consortium.engine.game import apply_legal, opening
from consortium.engine.simulate import bot_action, bot_config, play_bot_game, seat_policy
from consortium.engine.state import GameConfig, GameState, Mode
from tests.engine.builders import scenario

SCENARIO = scenario()


def configs() -> list[GameConfig]:
    """Games that lean on both memos: plenaries (proposals, votes, declarations) and
    introductions, in every mode, with turnover."""
    out = []
    for seed, (policy, mode) in enumerate(
        [("democratic-keep", Mode.DEMOCRATIC), ("balanced", Mode.HYBRID),
         ("herd", Mode.DEMOCRATIC), ("self-select", Mode.SELF_SELECTION)]
    ):
        cfg = bot_config(SCENARIO, policy, 40 + seed, turnover=0.3)
        out.append(attrs.evolve(cfg, schedule=(mode,) * cfg.rounds))
    return out


def steps(cfg: GameConfig) -> Iterator[GameState]:
    state = flow.start_organizing(opening(SCENARIO, cfg))
    yield state
    while not state.over:
        state = apply_legal(state, bot_action(state, seat_policy(state, state.public.actor)))
        yield state


def test_games_played_step_by_step_in_turn_end_as_when_played_alone() -> None:
    """One step of each game in turn (the pattern that evicted a shared memo at every
    step, and would have let one game read another's entry had the key been equal
    tuples rather than the very same ones)."""
    alone = [play_bot_game(SCENARIO, cfg) for cfg in configs()]
    running = dict(enumerate(steps(cfg) for cfg in configs()))
    last: dict[int, GameState] = {}
    while running:
        for i, run in list(running.items()):
            state = next(run, None)
            if state is None:
                del running[i]
            else:
                last[i] = state
    assert [last[i] for i in range(len(alone))] == alone


def test_two_games_in_two_threads_end_as_one_after_the_other() -> None:
    cfgs = configs()
    one_after_the_other = [play_bot_game(SCENARIO, cfg) for cfg in cfgs]
    results: dict[int, GameState] = {}
    start = threading.Barrier(len(cfgs))

    def play(i: int) -> None:
        start.wait()
        for _ in range(3):  # again and again, so the threads overlap for long
            results[i] = play_bot_game(SCENARIO, cfgs[i])

    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # hand the interpreter over as often as it will
    try:
        threads = [threading.Thread(target=play, args=(i,)) for i in range(len(cfgs))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(switch)
    assert [results[i] for i in range(len(cfgs))] == one_after_the_other


def test_the_memo_is_the_games_own_and_the_bots_module_keeps_none() -> None:
    a, b = configs()[:2]
    state_a = play_bot_game(SCENARIO, a)
    state_b = play_bot_game(SCENARIO, b)
    assert state_a.ctx.memo, "the bots remembered nothing for the game"
    assert state_a.ctx.memo is not state_b.ctx.memo
    assert not opening(SCENARIO, a).ctx.memo  # a new game starts with an empty memo
    # no module-level containers left to fill (POLICIES is the one constant table)
    mutable = {
        name for name, value in vars(bots).items()
        if isinstance(value, list | set | dict) and not name.startswith("__")
        and name != "POLICIES"
    }
    assert mutable == set()


@pytest.mark.parametrize("cfg", configs(), ids=lambda c: c.group_policy)
def test_a_game_plays_the_same_with_or_without_its_memo(cfg: GameConfig) -> None:
    """The memo saves time only: every bot decision is the same with an empty memo."""
    for state in steps(cfg):
        if state.over:
            break
        policy = seat_policy(state, state.public.actor)
        fresh = attrs.evolve(state, ctx=attrs.evolve(state.ctx, memo={}))
        assert bot_action(fresh, policy) == bot_action(state, policy)
