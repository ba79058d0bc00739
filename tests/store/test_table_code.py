"""Table codes (issue 16): a code typed on another laptop sets up the same game — the same
deals, newcomers and events — and a mistyped code is caught, never silently another game."""

from __future__ import annotations

import hashlib
import itertools
import subprocess
import sys

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consortium.engine.scenario import Scenario
from consortium.engine.simulate import bot_action, bot_config, seat_policy
from consortium.engine.state import GameConfig, GameState, Mode, SeatSetup
from consortium.store.save_file import scenario_tree
from consortium.store.scenarios import shipped_scenarios
from consortium.store.table_code import (
    ALPHABET,
    TableCodeError,
    decode,
    read_table_code,
    scenario_hash,
    table_code,
)

SCENARIOS = shipped_scenarios()


@st.composite
def setups(draw: st.DrawFn) -> tuple[Scenario, GameConfig]:
    scenario = draw(st.sampled_from(sorted(SCENARIOS.values(), key=lambda s: s.id)))
    sectors = [s.id for s in scenario.sectors]
    seats = draw(st.integers(3, 8))
    rounds = draw(st.integers(3, 8))
    schedule = tuple(draw(st.lists(
        st.sampled_from([Mode.DEMOCRATIC, Mode.SELF_SELECTION, Mode.HYBRID, "choose"]),
        min_size=rounds, max_size=rounds)))
    config = GameConfig(
        seats=tuple(SeatSetup(f"P{i}", draw(st.sampled_from(sectors))) for i in range(seats)),
        rounds=rounds, turnover=draw(st.sampled_from([0.0, 0.1, 0.2, 0.35, 0.9])),
        schedule=schedule, seed=draw(st.integers(0, 999_999)),
        capacity=draw(st.integers(4, 20)), hand_size=draw(st.integers(2, 5)),
        secret_ballot=draw(st.booleans()))
    return scenario, config


@settings(max_examples=60)
@given(setups())
def test_a_code_gives_back_the_same_setup(setup: tuple[Scenario, GameConfig]) -> None:
    scenario, config = setup
    code = table_code(scenario, config)
    assert set(code) <= set(ALPHABET) | set("*~$=U-")
    found, table = read_table_code(code, SCENARIOS)
    assert found is scenario
    names = tuple(seat.name for seat in config.seats)
    assert table.config(names) == config


def sample_code() -> str:
    scenario = SCENARIOS["cancer-care"]
    return table_code(scenario, attrs.evolve(bot_config(scenario, "balanced", seed=4711),
                                             turnover=0.2))


def test_any_one_mistyped_character_or_swapped_pair_is_caught() -> None:
    code = sample_code()
    chars = [i for i, ch in enumerate(code) if ch != "-"]
    for i in chars:
        for wrong in ALPHABET:
            if wrong == code[i]:
                continue
            typo = code[:i] + wrong + code[i + 1:]
            with pytest.raises(TableCodeError):
                decode(typo)
    for a, b in itertools.pairwise(chars):
        if code[a] != code[b]:
            swapped = list(code)
            swapped[a], swapped[b] = swapped[b], swapped[a]
            with pytest.raises(TableCodeError):
                decode("".join(swapped))


def test_a_code_reads_as_people_write_it() -> None:
    code = sample_code()
    written = code.lower().replace("-", " ").replace("1", "l").replace("0", "o")
    assert read_table_code(written, SCENARIOS)[1] == read_table_code(code, SCENARIOS)[1]
    with pytest.raises(TableCodeError, match="too short"):
        decode("A")


def test_another_version_of_the_scenario_is_named_not_used() -> None:
    code = sample_code()
    scenario = SCENARIOS["cancer-care"]
    edited = attrs.evolve(scenario, title=scenario.title + " (our edit)")
    with pytest.raises(TableCodeError, match="another version of"):
        read_table_code(code, {scenario.id: edited})
    with pytest.raises(TableCodeError, match="does not have"):
        read_table_code(code, {})


def test_a_translation_is_part_of_the_scenarios_content() -> None:
    """A save holds the scenario with its translations, so a translation-only edit is another
    version (as any other word is); a scenario without any keeps the hash it always had."""
    transport = SCENARIOS["fossil-free-transport"]
    first = transport.translations[0]
    edited = attrs.evolve(transport, translations=(
        attrs.evolve(first, text=first.text + "!"), *transport.translations[1:]))
    assert scenario_hash(edited) != scenario_hash(transport)
    bare = attrs.evolve(SCENARIOS["cancer-care"], translations=())
    assert "translations" not in scenario_tree(bare)
    assert scenario_hash(bare) != scenario_hash(SCENARIOS["cancer-care"])
    assert "translations" in scenario_tree(transport)


def played(state: GameState) -> str:
    """A digest of a whole bot game from this set-up: deals, newcomers, events, the end."""
    from consortium.engine.game import step

    while not state.over:
        state = step(state, bot_action(state, seat_policy(state, state.public.actor))).state
    return hashlib.sha256(repr((state.seats, state.public.log, state.hidden.ledger)).encode()
                          ).hexdigest()


CHILD = """
import sys
from consortium.engine.game import new_game
from consortium.store.scenarios import shipped_scenarios
from consortium.store.table_code import read_table_code
from tests.store.test_table_code import played
scenario, table = read_table_code(sys.argv[1], shipped_scenarios())
print(played(new_game(scenario, table.config())))
"""


def test_two_processes_given_the_same_code_play_the_same_game() -> None:
    from consortium.engine.game import new_game

    code = sample_code()
    scenario, table = read_table_code(code, SCENARIOS)
    here = played(new_game(scenario, table.config()))
    other = subprocess.run([sys.executable, "-c", CHILD, code], capture_output=True,
                           text=True, check=True, timeout=120)
    assert other.stdout.strip() == here
