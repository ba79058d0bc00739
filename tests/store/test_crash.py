"""The crash test: kill a game mid-autosave, at least fifty times, and resume every time.

A child process (``crash_child.py``, started with ``sys.executable``, importing the engine
and the store only) plays a scripted 8-seat, 8-round bot game, autosaving after every action
and printing ``ack N`` when the save of N actions is on disk. The parent sends SIGKILL at a
seeded random moment after the child's ``ready``. Each time, the session must resume from its
newest file (never an older one because the newest was half-written), its log must be the
script's first ``acked`` or ``acked + 1`` actions (the save in flight may have landed), and
the session must show as interrupted, so the next start offers to resume it.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import attrs
import pytest

from consortium.engine.actions import Action
from consortium.engine.simulate import bot_config
from consortium.store.sessions import interrupted_sessions, resume_session
from tests.store import crash_child
from tests.store.games import cancer_care, script

KILLS = 50  # trials that must land mid-game
MAX_TRIALS = 90
SEED = 7
WORKERS = 3
CHILD = Path(crash_child.__file__)


@attrs.frozen
class Trial:
    number: int
    acked: int
    resumed: int
    finished: bool  # the child got to the end before the kill: no crash to test
    newest_skipped: bool
    interrupted: bool


def the_script() -> list[Action]:
    config = bot_config(
        cancer_care(), crash_child.POLICY, SEED, seats=crash_child.SEATS,
        rounds=crash_child.ROUNDS,
    )
    return script(config, cancer_care())


def run_trial(number: int, root: Path, expected: list[Action], longest: float) -> Trial:
    sessions = root / f"trial-{number}" / "sessions"
    folder = sessions / "session"
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(folder), str(SEED)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    ready = child.stdout.readline()
    if ready != "ready\n":
        child.kill()
        raise AssertionError(f"child did not start: {ready!r} {child.communicate()[1]}")
    time.sleep(random.Random(number).uniform(0, longest))
    child.kill()  # SIGKILL on POSIX: no cleanup, no flush, no atexit
    out, _ = child.communicate(timeout=30)
    lines = out.splitlines()
    acked = max((int(line.split()[1]) for line in lines if line.startswith("ack ")), default=0)
    resumed = resume_session(folder)
    log = resumed.loaded.save.actions
    assert list(log) == expected[: len(log)], f"trial {number}: the log is not the script's"
    return Trial(
        number,
        acked,
        len(log),
        finished="done" in lines,
        newest_skipped=bool(resumed.skipped),
        interrupted=any(e.folder == folder for e in interrupted_sessions(sessions)),
    )


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_game_resumes_from_its_last_acknowledged_save(tmp_path: Path) -> None:
    expected = the_script()
    started = time.perf_counter()
    # Calibrate the kill window on this machine: a whole game, uninterrupted.
    first = subprocess.run(
        [sys.executable, str(CHILD), str(tmp_path / "whole" / "s"), str(SEED)],
        capture_output=True, text=True, timeout=120, check=True,
    )
    assert first.stdout.splitlines()[-1] == "done"
    assert first.stdout.count("ack ") == len(expected)
    longest = 0.8 * (time.perf_counter() - started)  # start-up included: kills land mid-game
    trials: list[Trial] = []
    with ThreadPoolExecutor(WORKERS) as pool:
        numbers = iter(range(MAX_TRIALS))
        while sum(not t.finished for t in trials) < KILLS:
            batch = [next(numbers) for _ in range(WORKERS * 2)]
            trials += pool.map(lambda n: run_trial(n, tmp_path, expected, longest), batch)
    killed = [t for t in trials if not t.finished]
    assert len(killed) >= KILLS
    for t in killed:
        assert t.resumed in (t.acked, t.acked + 1), t
        assert not t.newest_skipped, f"the newest save was damaged in {t}"
        assert t.interrupted or t.resumed == len(expected), t
    # The kills spread over the game, not all at the start or the end.
    assert len({t.acked // 25 for t in killed}) >= 4
    # How long it took is for bench/, not an assertion; shown with `pytest -s`.
    print(f"{len(trials)} trials, {len(killed)} kills in {time.perf_counter() - started:.1f} s")
