"""The crash test's child: plays a scripted bot game, autosaving after every action.

Run as ``python crash_child.py FOLDER SEED`` (by the parent, with ``sys.executable``). It
imports the engine and the store only. It saves the opening, prints ``ready``, then for each
action applies it, autosaves, waits for the save to be on disk and prints ``ack N`` (N =
actions in the save just completed). The parent kills it with SIGKILL at a random moment.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from consortium.engine.actions import Action
from consortium.engine.game import apply, new_game
from consortium.engine.simulate import bot_action, bot_config, seat_policy
from consortium.store.autosave import Autosaver
from consortium.store.save_file import Room
from consortium.store.scenarios import shipped_scenarios

POLICY = "democratic-heavy"  # long games: many introductions and votes
SEATS = 8
ROUNDS = 8
STARTED = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def main(folder: Path, seed: int) -> None:
    scenario = shipped_scenarios()["cancer-care"]
    config = bot_config(scenario, POLICY, seed, seats=SEATS, rounds=ROUNDS)
    state = new_game(scenario, config)
    room = Room.of(config)
    saver = Autosaver(folder, started_at=STARTED)
    actions: list[Action] = []
    saver.save(state, actions, room)
    if not saver.flush().ok:
        raise SystemExit(f"cannot save: {saver.status.message}")
    print("ready", flush=True)
    while not state.over:
        action = bot_action(state, seat_policy(state, state.public.actor))
        state = apply(state, action)
        actions.append(action)
        saver.save(state, actions, room)
        status = saver.flush()
        if not status.ok:
            raise SystemExit(f"cannot save: {status.message}")
        print(f"ack {status.saved_step}", flush=True)
    saver.close()
    print("done", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
