"""What if — the same deal, played the other way: bands per policy, common random numbers,
rounds before the start kept as played, and runs that add up the same in any order."""

from __future__ import annotations

import functools
import random

import pytest

from consortium.engine.bots import MAIN_POLICIES
from consortium.engine.game import new_game, opening
from consortium.engine.history import History
from consortium.engine.simulate import bot_action, bot_config, round_start, seat_policy, what_if
from consortium.engine.state import GameState
from consortium.engine.what_if_bands import (
    Outcome,
    aggregate,
    own_context,
    play_run,
    run_keys,
    run_one,
    what_if_result,
)
from consortium.store.scenarios import shipped_scenarios

SEEDS = 6


@functools.cache
def played() -> History:
    """A group's game (bots standing in for people): 6 seats, 4 rounds, turnover 0.3."""
    scenario = shipped_scenarios()["cancer-care"]
    config = bot_config(scenario, "balanced", 5, seats=6, turnover=0.3)
    history = History(new_game(scenario, config))
    while not history.state.over:
        state = history.state
        history.apply(bot_action(state, seat_policy(state, state.public.actor)))
    return history


def start(round_no: int = 1) -> GameState:
    h = played()
    return round_start(h.start.ctx.scenario, h.start.ctx.config, h.actions, round_no)


def test_the_same_game_gives_the_same_figures_every_time() -> None:
    first = what_if_result(start(), seeds=SEEDS, group=played().state)
    again = what_if_result(start(), seeds=SEEDS, group=played().state)
    assert first == again
    assert [b.policy for b in first.bands] == list(MAIN_POLICIES)
    for band in first.bands:
        assert len(band.runs) == SEEDS
        for b in (band.impact, band.jointholism, band.lost):
            assert b.p10 <= b.median <= b.p90
        assert len(band.impact_by_round) == 4
        # impact by round ends at the final impact, run by run
        assert [r.impact_by_round[-1] for r in band.runs] == [r.impact for r in band.runs]


def test_the_group_is_its_own_game() -> None:
    result = what_if_result(start(), seeds=2, group=played().state)
    group = result.group
    assert group is not None and group.finished
    assert group.impact == played().state.public.impact
    assert group.impact_by_round[-1] == group.impact


def test_the_old_what_if_gives_the_same_impacts() -> None:
    s = own_context(start())
    old = what_if(s, ["balanced", "self-select"], seeds=4)
    new = what_if_result(s, ["balanced", "self-select"], seeds=4)
    for o, n in zip(old, new.bands, strict=True):
        assert o.impacts == tuple(r.impact for r in n.runs)
        assert (o.p10, o.median, o.p90) == (n.impact.p10, n.impact.median, n.impact.p90)


def _comings_and_goings(final: GameState) -> list[tuple[int, set[int], set[int], set[int]]]:
    """Per round: the seats that moved on, that left either way, and that an event replaced."""
    rows = []
    for record in final.hidden.ledger:
        moved = {d.seat for d in record.departures if d.reason == "moved on"}
        left = {d.seat for d in record.departures if d.reason != "replaced"}
        replaced = {d.seat for d in record.departures if d.reason == "replaced"}
        rows.append((record.round, moved, left, replaced))
    return rows


@pytest.mark.parametrize("seed", range(4))
def test_one_seed_brings_every_policy_the_same_comings_and_goings(seed: int) -> None:
    """Common random numbers: with the same seed, whoever moves on under one policy leaves
    under every other (there they may have burned out first), and policies that burned nobody
    out see the very same departures, arrivals and events' replacements (whom an event
    replaces is drawn among those present, so a burn-out elsewhere may change it)."""
    s = own_context(start())
    finals = {p: play_run(s, p, seed) for p in MAIN_POLICIES}
    rows = {p: _comings_and_goings(f) for p, f in finals.items()}
    for p in MAIN_POLICIES:
        for q in MAIN_POLICIES:
            for (rnd, moved, _left, _r), (rnd_q, _m, left_q, _rq) in zip(
                rows[p], rows[q], strict=True
            ):
                assert rnd == rnd_q
                assert moved <= left_q, (p, q, rnd)
    calm = [p for p, f in finals.items()
            if not any(d.reason == "burned out" for r in f.hidden.ledger for d in r.departures)]
    assert len(calm) >= 2
    for p in calm[1:]:
        assert [(r.departures, r.arrivals) for r in finals[p].hidden.ledger] == [
            (r.departures, r.arrivals) for r in finals[calm[0]].hidden.ledger
        ]


def test_a_different_seed_brings_different_comings_and_goings() -> None:
    s = own_context(start())
    seen = {tuple(map(str, _comings_and_goings(play_run(s, "balanced", k)))) for k in range(6)}
    assert len(seen) > 1


def test_from_round_n_the_rounds_before_are_as_played() -> None:
    group = played().state
    s = own_context(start(3))
    played_rounds = group.hidden.ledger[:2]
    for policy in MAIN_POLICIES:
        final = play_run(s, policy, 1)
        assert final.hidden.ledger[:2] == played_rounds
        assert final.public.pit_stops[:2] == group.public.pit_stops[:2]
    result = what_if_result(s, seeds=3, group=group)
    assert result.from_round == 3
    mine = Outcome.of(group).impact_by_round[:2]
    for band in result.bands:
        for run in band.runs:
            assert run.impact_by_round[:2] == mine
        # the bands of the rounds played are the group's own figure, with no spread
        assert [(b.p10, b.median, b.p90) for b in band.impact_by_round[:2]] == [
            (v, v, v) for v in mine
        ]


def test_runs_in_any_order_and_in_pieces_add_up_to_the_same_result() -> None:
    s = own_context(start(2))
    straight = what_if_result(s, seeds=SEEDS)
    keys = run_keys(MAIN_POLICIES, SEEDS)
    random.Random(4).shuffle(keys)
    runs = []
    for piece in (keys[:7], keys[7:20], keys[20:]):  # piecewise, as a job or a pool would
        runs += [run_one(s, p, k) for p, k in piece]
    assert aggregate(runs, from_round=2, seeds=SEEDS) == straight
    assert aggregate(reversed(runs), from_round=2, seeds=SEEDS) == straight


def test_aggregate_refuses_missing_or_foreign_runs() -> None:
    s = own_context(start())
    runs = [run_one(s, p, k) for p, k in run_keys(("balanced",), 3)]
    with pytest.raises(ValueError, match="balanced"):
        aggregate(runs[:2], from_round=1, seeds=3, policies=("balanced",))
    with pytest.raises(ValueError, match="not among"):
        aggregate(runs, from_round=1, seeds=3, policies=("self-select",))


def test_a_what_if_starts_only_at_a_round_start() -> None:
    state = played().state
    with pytest.raises(ValueError, match="round start"):
        run_one(state, "balanced", 0)
    assert opening(state.ctx.scenario, state.ctx.config) == start(1)
