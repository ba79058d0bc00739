"""Save speed: what autosaving costs per action, and how long resuming a long game takes.

    python bench/save_speed.py [--dir FOLDER] [--games 3]

Issue 4 asks for an autosave under 5 ms per action and resuming an 8-round, 8-seat game under
100 ms. The game is the longest kind: 8 bot seats, 8 rounds, ``democratic-heavy`` (about 300
actions). Figures:

- *game thread*: what ``Autosaver.save`` costs the caller (the window) per action — the
  snapshot handed to the writer thread;
- *full save*: encoding plus the durable write (temporary file, fsync, rename, folder
  fsync), done synchronously per action — what the writer thread spends, the figure the
  target is about;
- *encode only* and *durable write only*: the two halves of it;
- *resume*: the resume list (headers only) and opening the newest save (read, check, replay
  every action, compare the digest).

Writes go to a new folder inside ``--dir`` (default: the system's temporary folder), removed
at the end; fsync costs depend on that disk. A
baseline measured in the same run (a fixed pure-Python workload) is printed beside them.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from consortium.engine.actions import Action
from consortium.engine.game import apply, new_game
from consortium.engine.rng import Draws, Stream
from consortium.engine.simulate import bot_action, bot_config, seat_policy
from consortium.engine.state import GameState
from consortium.store.autosave import Autosaver
from consortium.store.fs import FileSystem, atomic_write
from consortium.store.save_file import Room, SaveWriter
from consortium.store.scenarios import find_scenario
from consortium.store.sessions import list_sessions, resume_session

STARTED = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def baseline_seconds() -> float:
    """A fixed workload of seeded draws and small tuples: the machine's pure-Python pace
    (the same as bench/engine_speed.py)."""
    started = time.perf_counter()
    draws = Draws(Stream(1))
    acc = 0
    for _ in range(200_000):
        acc += draws.below(6)
        _ = (acc, acc + 1, acc + 2)
    return time.perf_counter() - started


def long_game(seed: int) -> list[tuple[GameState, tuple[Action, ...]]]:
    """Every state of an 8-seat, 8-round bot game with the log that reached it."""
    scenario = find_scenario("cancer-care")
    config = bot_config(scenario, "democratic-heavy", seed, seats=8, rounds=8)
    state = new_game(scenario, config)
    actions: list[Action] = []
    out = []
    while not state.over:
        action = bot_action(state, seat_policy(state, state.public.actor))
        state = apply(state, action)
        actions.append(action)
        out.append((state, tuple(actions)))
    return out


def measure(
    played: list[tuple[GameState, tuple[Action, ...]]], root: Path, sizes: list[int]
) -> dict[str, list[float]]:
    """Every figure for one game, its files under ``root``."""
    room = Room.of(played[0][0].ctx.config)
    sessions = root / "sessions"
    snapshots = [(state, actions, room) for state, actions in played]
    out: dict[str, list[float]] = {}

    threaded = Autosaver(sessions / "threaded", started_at=STARTED, clock=Clock())
    out["game thread"] = per_call(threaded.save, snapshots)
    assert threaded.close().ok

    folder = sessions / "session"
    synchronous = Autosaver(folder, started_at=STARTED, clock=Clock(), background=False)
    out["full"] = per_call(synchronous.save, snapshots)
    assert synchronous.status.ok, synchronous.status.message
    synchronous.save(*snapshots[-2])  # as a crash leaves it: one action before the end

    writer = SaveWriter()
    datas: list[bytes] = []

    def encode(state: GameState, actions: tuple[Action, ...], room: Room) -> None:
        datas.append(writer.encode(state, actions, room, started_at=STARTED, saved_at=STARTED))

    out["encode"] = per_call(encode, snapshots)
    sizes.append(max(len(d) for d in datas))
    target = root / "plain.consortium"
    out["write"] = per_call(atomic_write, [(FileSystem(), target, d) for d in datas])
    out["list"] = per_call(list_sessions, [(sessions,)] * 5)
    out["resume"] = per_call(resume_session, [(folder,)] * 5)
    assert len(resume_session(folder).loaded.save.actions) == len(played) - 1
    return out


class Clock:
    def __init__(self) -> None:
        self.now = STARTED

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=20)
        return self.now


def per_call(call: Callable[..., object], calls: Sequence[tuple[object, ...]]) -> list[float]:
    """Seconds of each ``call(*args)``, one per item of ``calls``."""
    times = []
    for args in calls:
        started = time.perf_counter()
        call(*args)
        times.append(time.perf_counter() - started)
    return times


def describe(name: str, seconds: list[float], target_ms: float | None = None) -> None:
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    target = f"   (target < {target_ms:g} ms)" if target_ms else ""
    print(f"  {name:<34} mean {statistics.fmean(ms):7.3f} ms   p95 {p95:7.3f} ms{target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", type=Path, help="where to write (default: a temp folder)")
    parser.add_argument("--games", type=int, default=3)
    args = parser.parse_args()
    base = min(baseline_seconds() for _ in range(3))
    print(f"baseline workload: {base * 1000:.1f} ms (lower is a faster machine)")
    root = Path(tempfile.mkdtemp(prefix="consortium-bench-", dir=args.dir))
    print(f"writing to {root}")
    figures: dict[str, list[float]] = {}
    sizes: list[int] = []
    actions_total = 0
    for number in range(args.games):
        played = long_game(seed=number)
        actions_total += len(played)
        for name, seconds in measure(played, root / f"game-{number}", sizes).items():
            figures.setdefault(name, []).extend(seconds)
    print(f"{args.games} games of 8 seats and 8 rounds, {actions_total} actions, "
          f"save files of up to {max(sizes) // 1024} KB")
    print("autosave per action")
    describe("game thread (Autosaver.save)", figures["game thread"])
    describe("full save (encode + durable write)", figures["full"], 5)
    describe("encode only", figures["encode"])
    describe("durable write only (with fsync)", figures["write"])
    print("resume an 8-round, 8-seat game")
    describe("resume list (headers of 2 sessions)", figures["list"])
    describe("open newest save (read+replay)", figures["resume"], 100)
    full, resume = statistics.fmean(figures["full"]), statistics.fmean(figures["resume"])
    print(f"full save x baseline: {full / base:.3f}; resume x baseline: {resume / base:.3f}")
    shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
