"""Twelve tables of a room, as their laptops saved them: three deals played by three tables
each and three tables with a deal of their own, every game finished by bots, with the
what-if stored in the save (or not), built the same way in every process."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import attrs

from consortium.engine.bots import MAIN_POLICIES
from consortium.engine.game import opening
from consortium.engine.state import GameConfig, SeatSetup
from consortium.engine.what_if_bands import what_if_result
from consortium.store.save_file import Room
from consortium.store.stored_what_if import StoredWhatIf
from consortium.store.table_code import table_code
from tests.store.games import Game, cancer_care, play, save_bytes

NAMES = ("Amara", "Björn", "Chen", "Dalia", "Emeka", "Freya", "Gustavo", "Hana", "Ivo",
         "Jonna", "Kwame", "Lena", "Mateo", "Nour", "Oskar", "Priya", "Quinn", "Rosa")
DEALS = (101, 202, 303)  # seeds of the deals three tables each play
OWN = (404, 505, 606)  # seeds of the tables with a deal of their own
TABLES = 12


def table_config(seed: int, table: int, rounds: int = 4, seats: int = 5) -> GameConfig:
    """A table's set-up: the deal is the seed's (every table of a deal has the same sectors,
    rounds, schedule); names and the bots' policies are the table's own."""
    scenario = cancer_care()
    sectors = [s.id for s in scenario.sectors]
    policies = MAIN_POLICIES
    return GameConfig(
        seats=tuple(SeatSetup(NAMES[(table * 3 + i) % len(NAMES)], sectors[i % len(sectors)],
                              policies[(table + i) % len(policies)])
                    for i in range(seats)),
        rounds=rounds,
        turnover=0.15,
        schedule=("choose",) * rounds,
        seed=seed,
        capacity=scenario.defaults.capacity,
        hand_size=scenario.defaults.hand_size,
        secret_ballot=False,
        group_policy=policies[table % len(policies)],
    )


def configs() -> list[tuple[str, GameConfig]]:
    """(file name, set-up) of the twelve tables, in the order the room numbered them."""
    seeds = [*(d for d in DEALS for _ in range(3)), *OWN]
    return [(f"table-{i + 1:02d}", table_config(seed, i)) for i, seed in enumerate(seeds)]


def make_tables(folder: Path, *, seeds: int = 4, stored: bool = True,
                only: Sequence[int] | None = None) -> list[Path]:
    """The twelve saves in ``folder``; ``stored``: with the what-if of ``seeds`` replays per
    way in the save (computed once per deal)."""
    scenario = cancer_care()
    kept: dict[str, StoredWhatIf] = {}
    paths = []
    for index, (name, config) in enumerate(configs()):
        if only is not None and index not in only:
            continue
        state, actions = play(Game(scenario, config, (), 10**6))
        assert state.over, name
        room = Room(tuple(i % 2 == 0 for i in range(len(config.seats))))
        if stored:
            code = table_code(scenario, config)
            if code not in kept:
                kept[code] = StoredWhatIf.of(
                    what_if_result(opening(scenario, config), seeds=seeds), code)
            room = attrs.evolve(room, what_if=kept[code])
        path = folder / f"{name}.consortium"
        path.write_bytes(save_bytes(state, actions, room))
        paths.append(path)
    return paths
