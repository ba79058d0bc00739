"""Saves to report on: a finished bot game (4 seats, 3 rounds, with comings and goings) and the
same game stopped halfway, written as the window writes them."""

from __future__ import annotations

import functools
from pathlib import Path

from consortium.engine.actions import Action
from consortium.engine.state import GameState
from tests.store.games import bot_game, save_bytes


@functools.cache
def finished_game() -> tuple[GameState, tuple[Action, ...]]:
    state, actions = bot_game()
    assert state.over
    return state, tuple(actions)


def finished_save(folder: Path) -> Path:
    state, actions = finished_game()
    path = folder / "finished.consortium"
    path.write_bytes(save_bytes(state, actions))
    return path


def unfinished_save(folder: Path) -> Path:
    state, actions = bot_game(steps=30)
    assert not state.over
    path = folder / "unfinished.consortium"
    path.write_bytes(save_bytes(state, actions))
    return path
