"""The setup limits have one home (consortium.engine.setup), and every way into a session
keeps them: the new-session page, ``consortium simulate``, a scenario file's defaults and a
save. Each is tried just inside and just outside each limit, as a trainer would meet it."""

from __future__ import annotations

import subprocess
import sys

import attrs
import pytest
from pytestqt.qtbot import QtBot

from consortium.engine import setup
from consortium.engine.game import new_game
from consortium.engine.scenario_toml import ScenarioError, parse_scenario
from consortium.engine.setup import CAPACITY, HAND_SIZE, ROUNDS, SEATS, TURNOVER
from consortium.engine.simulate import bot_config
from consortium.resources import asset_path
from consortium.store.save_file import SaveError
from consortium.store.save_load import load_save
from consortium.store.scenarios import shipped_scenarios
from consortium.ui.shell.seats_model import SeatsModel
from consortium.ui.shell.setup_page import SetupPage
from tests.store.games import cancer_care, save_bytes

SECTORS = [("business", "Business"), ("academia", "Academia")]


def test_the_setup_page_offers_exactly_the_seats_and_rounds_the_limits_allow(
    qtbot: QtBot,
) -> None:
    page = SetupPage(shipped_scenarios())
    qtbot.addWidget(page)
    assert (page.rounds.minimum(), page.rounds.maximum()) == (ROUNDS.low, ROUNDS.high)
    seats = page.seats
    while seats.add_seat():
        pass
    assert len(seats.seats()) == SEATS.high
    while seats.remove_seat(0):
        pass
    assert len(seats.seats()) == SEATS.low


def test_a_seat_made_a_bot_plays_the_default_policy_and_a_long_name_is_cut() -> None:
    seats = SeatsModel(SECTORS)
    seats.set_seats(())
    assert seats.add_seat()
    assert seats.seats()[0].bot == setup.DEFAULT_BOT
    assert seats.setData(seats.index(0, 0), "  " + "x" * 60 + "  ")
    assert seats.seats()[0].name == "x" * setup.NAME_LENGTH
    assert not seats.setData(seats.index(0, 0), "   ")  # a name needs something but spaces


def _simulate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "consortium", "simulate", "--policy", "balanced",
         "--seeds", "1", *args],
        capture_output=True, text=True, timeout=120, check=False,
    )


def test_simulate_takes_the_limits_and_refuses_one_past_them() -> None:
    inside = _simulate("--seats", str(SEATS.high), "--rounds", str(ROUNDS.low),
                       "--turnover", str(TURNOVER.high))
    assert inside.returncode == 0, inside.stderr
    outside = _simulate("--seats", str(SEATS.low - 1), "--rounds", str(ROUNDS.high + 1),
                        "--turnover", str(TURNOVER.high + 0.05))
    assert outside.returncode == 2
    for option in ("--seats", "--rounds", "--turnover"):
        assert option in outside.stderr
    assert _simulate("--seats", str(SEATS.high + 1)).returncode == 2


def _save_with(**changes: object) -> bytes:
    config = attrs.evolve(bot_config(cancer_care(), "balanced", 3, seats=SEATS.low), **changes)
    return save_bytes(new_game(cancer_care(), config), [])


def _refused_at(data: bytes) -> set[str]:
    with pytest.raises(SaveError) as refused:
        load_save(data)
    return {p.place for p in refused.value.problems}


@pytest.mark.parametrize("seats", [SEATS.low, SEATS.high])
def test_a_save_opens_at_the_seat_limits(seats: int) -> None:
    config = bot_config(cancer_care(), "balanced", 3, seats=seats)
    assert load_save(save_bytes(new_game(cancer_care(), config), [])).state.ctx.config == config


@pytest.mark.parametrize("seats", [SEATS.low - 1, SEATS.high + 1])
def test_a_save_one_seat_past_the_limits_is_refused_at_its_seats(seats: int) -> None:
    config = bot_config(cancer_care(), "balanced", 3, seats=seats)
    assert "config.seats" in _refused_at(save_bytes(new_game(cancer_care(), config), []))


@pytest.mark.parametrize(
    ("field", "outside"),
    [
        ("turnover", TURNOVER.high + 0.05),
        ("capacity", CAPACITY.high + 1),
        ("capacity", CAPACITY.low - 1),
        ("hand_size", HAND_SIZE.high + 1),
    ],
)
def test_a_save_past_a_limit_is_refused_at_that_field(field: str, outside: float) -> None:
    assert f"config.{field}" in _refused_at(_save_with(**{field: outside}))


def test_a_save_one_round_past_the_limits_is_refused_at_its_rounds() -> None:
    rounds = ROUNDS.high + 1
    changes = {"rounds": rounds, "schedule": ("choose",) * rounds}
    assert "config.rounds" in _refused_at(_save_with(**changes))


def _scenario_with_defaults(defaults: str) -> bytes:
    text = asset_path("scenarios", "cancer-care.toml").read_text(encoding="utf-8")
    head, sep, tail = text.partition("[defaults]")
    assert sep, "the shipped scenario has a [defaults] table"
    rest = tail.split("\n[", 1)
    return (head + "[defaults]\n" + defaults + "\n\n[" + rest[1]).encode()


def test_a_scenario_file_may_default_to_any_limit_but_not_past_one() -> None:
    inside = (f"rounds = {ROUNDS.high}\nturnover = {TURNOVER.high}\ncapacity = {CAPACITY.high}\n"
              f"hand_size = {HAND_SIZE.low}")
    assert parse_scenario(_scenario_with_defaults(inside)).defaults.rounds == ROUNDS.high
    outside = f"rounds = {ROUNDS.high + 1}\ncapacity = {CAPACITY.low - 1}"
    with pytest.raises(ScenarioError) as refused:
        parse_scenario(_scenario_with_defaults(outside))
    places = {p.place for p in refused.value.problems}
    assert {"defaults.rounds", "defaults.capacity"} <= places
