"""What-if replays: from a round start to the end, per policy, with common random numbers."""

from __future__ import annotations

import attrs

from consortium.engine import flow
from consortium.engine.bots import POLICIES
from consortium.engine.simulate import (
    percentile,
    play_bot_game,
    play_to_end,
    reseeded,
    round_start,
    what_if,
)
from consortium.engine.state import Mode
from tests.engine.builders import config, scenario

SCENARIO = scenario()


def _played_log() -> tuple[list, object]:
    """A hybrid bot game and its action log, recorded by replaying bot choices."""
    from consortium.engine.game import apply, opening
    from consortium.engine.simulate import bot_action, seat_policy

    cfg = config(6, Mode.HYBRID, rounds=4, turnover=0.3, seed=7)
    state = flow.start_organizing(opening(SCENARIO, cfg))
    log = []
    while not state.over:
        action = bot_action(state, seat_policy(state, state.public.actor))
        log.append(action)
        state = apply(state, action)
    return log, cfg


def test_round_start_is_the_state_before_the_mode_of_that_round() -> None:
    log, cfg = _played_log()
    start = round_start(SCENARIO, cfg, log, 3)
    assert start.public.round == 3
    assert start.public.mode is None
    assert len(start.public.pit_stops) == 2  # rounds 1 and 2 are history
    # it counts the Continue it stands for, so the group's bots replay the same choices
    continues = [i for i, a in enumerate(log) if type(a).__name__ == "Continue"]
    assert start.step == continues[1] + 1


def test_same_seed_gives_every_policy_the_same_comings_and_goings() -> None:
    log, cfg = _played_log()
    start = round_start(SCENARIO, cfg, log, 2)
    for k in range(5):
        moved_on = []
        for name in ("self-select", "self-select-fit"):  # neither burns anyone out
            policy = POLICIES[name]
            state = reseeded(start, k)
            state = attrs.evolve(
                state,
                public=attrs.evolve(state.public, schedule=(policy.mode,) * state.public.rounds),
            )
            final = play_to_end(flow.start_organizing(state), policy)
            moved_on.append(
                [(r.round, tuple(d.seat for d in r.departures)) for r in final.hidden.ledger]
            )
        assert moved_on[0] == moved_on[1]


def test_what_if_reports_percentiles_per_policy_and_is_repeatable() -> None:
    log, cfg = _played_log()
    start = round_start(SCENARIO, cfg, log, 2)
    first = what_if(start, ["balanced", "democratic-heavy"], seeds=12)
    again = what_if(start, ["balanced", "democratic-heavy"], seeds=12)
    assert first == again
    for result in first:
        assert len(result.impacts) == 12
        assert result.p10 <= result.median <= result.p90
        assert result.median == percentile(result.impacts, 50)
    assert [r.policy for r in first] == ["balanced", "democratic-heavy"]


def test_what_if_keeps_the_rounds_already_played() -> None:
    """Rounds before the start are the group's own; only what comes after is replayed."""
    log, cfg = _played_log()
    start = round_start(SCENARIO, cfg, log, 3)
    history = start.hidden.ledger
    policy = POLICIES["democratic-heavy"]
    state = reseeded(start, 0)
    state = attrs.evolve(
        state,
        public=attrs.evolve(
            state.public, schedule=(*state.public.schedule[:2], policy.mode, policy.mode)
        ),
    )
    final = play_to_end(flow.start_organizing(state), policy)
    assert final.hidden.ledger[:2] == history
    assert [r.mode for r in final.hidden.ledger[2:]] == [Mode.DEMOCRATIC, Mode.DEMOCRATIC]


def test_percentile_interpolates() -> None:
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 50) == 3.0
    assert percentile([0.0, 10.0], 10) == 1.0
    assert percentile([7.0], 90) == 7.0


def test_a_bot_game_from_the_same_config_is_identical() -> None:
    cfg = config(6, Mode.SELF_SELECTION, rounds=4, seed=3)
    assert play_bot_game(SCENARIO, cfg) == play_bot_game(SCENARIO, cfg)
