"""The printed-hands mode is part of the session's record (docs/printed-hands.md): a save
keeps it, so a resumed session stays in its mode; a session with hands on screen writes the
very bytes it wrote before the mode existed."""

from __future__ import annotations

import json

from consortium.store.save_file import Room
from consortium.store.save_load import load_save
from tests.store.games import bot_game, save_bytes


def test_a_save_keeps_printed_hands() -> None:
    state, actions = bot_game(steps=60)
    room = Room(people=(True,) * len(state.seats), printed_hands=True)
    loaded = load_save(save_bytes(state, actions, room))
    assert loaded.room == room
    assert loaded.room.printed_hands


def test_hands_on_screen_write_no_new_key() -> None:
    state, actions = bot_game(steps=60)
    data = save_bytes(state, actions, Room(people=(True,) * len(state.seats)))
    assert "printed_hands" not in json.loads(data)["room"]
    assert not load_save(data).room.printed_hands
