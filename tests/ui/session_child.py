"""A copy of the program playing a session, for the two-copies tests (``test_two_copies.py``).

Run as ``python session_child.py MODE SESSIONS SEED STEPS [FOLDER]`` with ``sys.executable``.
It saves the way the window does: through :class:`~consortium.ui.saving.Saving` (the
autosave the controller drives), on the caller's thread so every save is on disk before the
next line is printed, with a clock stopped at one second, so that two children start "in the
same second". It plays the crash test's bot game for seed SEED. Modes:

- ``play``: prints ``ready``; on ``go`` starts a new session and prints ``begun``; on
  ``play`` plays STEPS actions, each saved, printing ``ack N``; then prints the session's
  folder as JSON and closes it cleanly.
- ``hold``: starts a new session, plays STEPS actions, prints the folder as JSON, then keeps
  the session open until its standard input closes (the parent kills it instead, to crash).
- ``resume``: takes over the session in FOLDER from its newest save, as a second copy would,
  plays STEPS more actions, and prints the autosave's last status as JSON.

A save that fails in ``play`` or ``hold`` ends the child with the status message.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from consortium.engine.actions import Action
from consortium.engine.game import apply, new_game
from consortium.engine.simulate import bot_action, bot_config, seat_policy
from consortium.engine.state import GameState
from consortium.store.save_file import Room
from consortium.store.scenarios import shipped_scenarios
from consortium.store.sessions import resume_session
from consortium.ui.saving import Saving

POLICY = "democratic-heavy"  # long games, as in the crash test
SEATS = 8
ROUNDS = 8
SECOND = datetime(2025, 3, 1, 9, 0, 0, tzinfo=UTC)


def config(seed: int) -> tuple[GameState, Room]:
    scenario = shipped_scenarios()["cancer-care"]
    made = bot_config(scenario, POLICY, seed, seats=SEATS, rounds=ROUNDS)
    return new_game(scenario, made), Room.of(made)


def say(line: str) -> None:
    print(line, flush=True)


def wait_for(word: str) -> None:
    line = sys.stdin.readline()
    if line.strip() != word:
        raise SystemExit(f"expected {word!r}, got {line!r}")


def main(mode: str, sessions: Path, seed: int, steps: int, folder: Path | None) -> None:
    QCoreApplication.instance() or QCoreApplication([])
    saving = Saving(sessions, background=False, clock=lambda: SECOND, retry_delays=())
    if mode == "resume":
        assert folder is not None
        loaded = resume_session(folder).loaded
        state, actions, room = loaded.state, list(loaded.save.actions), loaded.room
        saving.begin(state, folder=folder, started_at=loaded.header.started_at)
        played = run(saving, state, actions, room, steps, acks=False, strict=False)
        status = saving.status
        assert status is not None
        say(json.dumps({"ok": status.ok, "message": status.message, "played": played}))
        saving.close()
        return
    state, room = config(seed)
    actions: list[Action] = []
    if mode == "play":
        say("ready")
        wait_for("go")
        saving.begin(state)
        say("begun")
        wait_for("play")
    else:
        saving.begin(state)
    saving.save(state, actions, room)
    run(saving, state, actions, room, steps, acks=mode == "play", strict=True)
    say(json.dumps({"folder": str(saving.folder)}))
    if mode == "hold":
        sys.stdin.read()  # until the parent closes it (or kills this process)
    saving.close()


def run(saving: Saving, state: GameState, actions: list[Action], room: Room, steps: int,
        *, acks: bool, strict: bool) -> int:
    """Play up to ``steps`` bot actions, saving after each; how many were played."""
    played = 0
    while played < steps and not state.over:
        action = bot_action(state, seat_policy(state, state.public.actor))
        state = apply(state, action)
        actions.append(action)
        played += 1
        saving.save(state, actions, room)
        status = saving.flush()
        if strict and (status is None or not status.ok):
            raise SystemExit(f"cannot save: {status.message if status else 'no autosave'}")
        if acks:
            say(f"ack {len(actions)}")
    return played


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]),
         Path(sys.argv[5]) if len(sys.argv) > 5 else None)
