"""Each rule that had several homes now has one (issue 11, item 5): these hold the callers to
it, so the next change to a rule is made once and felt everywhere."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import consortium.engine
from consortium.engine.actions import IllegalAction, Reveal
from consortium.engine.frozen import evolve
from consortium.engine.game import check, legal_actions, opening
from consortium.engine.intros import hidden_slots, may_pass
from consortium.engine.rng import derive_seed
from consortium.engine.scenario import Rules
from consortium.engine.simulate import bot_config, reseeded
from consortium.engine.state import Phase, Streams, TimeBudget
from tests.engine.builders import scenario
from tests.engine.test_properties import Game, games, play

SCENARIO = scenario()
SRC = Path(__file__).resolve().parents[2] / "src"


# --- the seven random streams ---------------------------------------------------------------


def seeds(streams: Streams) -> list[int]:
    return [s.seed for s in (streams.deal, streams.turnover, streams.newcomers, streams.hours,
                             streams.events, streams.group, *streams.bots)]


def test_a_new_game_and_a_what_if_replay_derive_their_streams_the_same_way() -> None:
    cfg = bot_config(SCENARIO, "balanced", 11, seats=5)
    state = opening(SCENARIO, cfg)
    streams = state.hidden.streams
    seeded = Streams.seeded(cfg.seed, 5)
    # round 1 has begun (hands dealt, private hours drawn): the same seeds, drawn from
    assert seeds(streams) == seeds(seeded)
    assert streams.deal.counter > 0
    replay = reseeded(state, 4).hidden.streams
    fresh = Streams.seeded(derive_seed(cfg.seed, "what-if", 4), 5)
    assert replay == evolve(fresh, deal=streams.deal)  # the deal is history: kept


def test_each_stream_has_its_own_seed() -> None:
    s = Streams.seeded(2025, 6)
    seeds = [s.deal, s.turnover, s.newcomers, s.hours, s.events, s.group, *s.bots]
    assert len({x.seed for x in seeds}) == len(seeds) == 12
    assert all(x.counter == 0 for x in seeds)


# --- the fit formula -------------------------------------------------------------------------


def test_fit_is_base_plus_per_level_with_a_match_and_nonexpert_without() -> None:
    rules = Rules(fit_base=1.0, fit_per_level=0.5, fit_nonexpert=0.4)
    assert [rules.fit(level) for level in range(4)] == [0.4, 1.5, 2.0, 2.5]
    assert rules.fit_by_level() == (0.4, 1.5, 2.0, 2.5)  # the bots' lookup, the same numbers


# --- "may pass" ------------------------------------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(games())
def test_passing_an_introduction_is_listed_exactly_when_the_rule_allows_it(game: Game) -> None:
    """``legal_actions``, ``check`` and ``intros.may_pass`` agree at every introduction."""
    states, _ = play(game)
    for state in states:
        if state.public.phase is not Phase.INTRODUCTIONS:
            continue
        seat = state.public.actor
        assert seat is not None
        allowed = may_pass(state, seat)
        assert (Reveal(seat, None) in legal_actions(state, seat)) == allowed
        try:
            check(state, Reveal(seat, None))
            checked = True
        except IllegalAction:
            checked = False
        assert checked == allowed
        if not hidden_slots(state, seat):
            assert allowed  # nothing left to show: passing is the only move


# --- adding time budgets ---------------------------------------------------------------------

hours = st.floats(0, 12, allow_nan=False)
budgets = st.builds(TimeBudget, hours, hours, hours, hours, hours, hours)


@given(st.lists(budgets, max_size=8))
def test_adding_budgets_with_plus_is_their_sum(parts: list[TimeBudget]) -> None:
    total = TimeBudget()
    for part in parts:
        total = total + part
    assert total == TimeBudget.sum_of(parts)


# --- the engine's interface ------------------------------------------------------------------


def test_every_name_of_the_interface_is_the_one_in_its_home_module() -> None:
    import importlib

    homes = consortium.engine._HOMES
    assert sorted(consortium.engine.__all__) == sorted(n for ns in homes.values() for n in ns)
    for module, names in homes.items():
        home = importlib.import_module(f"consortium.engine.{module}")
        for name in names:
            assert getattr(consortium.engine, name) is getattr(home, name), name


def test_importing_one_engine_module_does_not_load_the_rules() -> None:
    """The setup page and the CLI read the limits; the package must not pull the whole
    engine in with them."""
    script = (
        "import sys, consortium.engine, consortium.engine.setup; "
        "print(sorted(m for m in sys.modules if m.startswith('consortium.engine')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    assert result.stdout.strip() == "['consortium.engine', 'consortium.engine.setup']"
