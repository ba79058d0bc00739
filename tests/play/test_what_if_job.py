"""The what-if job: in the background, the same figures as computed straight through, from a
save of a finished or unfinished game, with progress, cancel and a call when it is done."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from consortium.engine.bots import MAIN_POLICIES
from consortium.engine.simulate import round_start
from consortium.engine.what_if_bands import DEFAULT_SEEDS, what_if_result
from consortium.play.what_if import MAX_HOLD, WhatIfJob, start_of
from consortium.store.save_load import LoadedSave, read_save_file
from tests.store.games import bot_game, save_bytes

SEEDS = 5


def saved(tmp_path: Path, steps: int | None = None, name: str = "game") -> Path:
    state, actions = bot_game(seats=6, rounds=4, steps=steps)
    path = tmp_path / f"{name}.consortium"
    path.write_bytes(save_bytes(state, actions))
    return path


def test_the_job_gives_what_the_engine_gives_straight_through(tmp_path: Path) -> None:
    loaded = read_save_file(saved(tmp_path))
    done = threading.Event()
    called: list[WhatIfJob] = []

    def on_done(job: WhatIfJob) -> None:
        called.append(job)
        done.set()

    job = WhatIfJob(loaded, 2, SEEDS, workers=0, on_done=on_done)
    assert done.wait(60)
    assert called == [job] and job.done and job.progress() == 1.0
    h = loaded.history
    start = round_start(h.start.ctx.scenario, h.start.ctx.config, h.actions, 2)
    assert job.result == what_if_result(start, seeds=SEEDS, group=loaded.state)
    assert job.result is not None and job.result.group is not None
    assert job.result.group.finished


def test_worker_processes_give_the_very_same_figures(tmp_path: Path) -> None:
    loaded = read_save_file(saved(tmp_path))
    in_thread = WhatIfJob(loaded, 1, 3, workers=0)
    in_processes = WhatIfJob(loaded, 1, 3, workers=2)
    assert in_thread.wait(60) and in_processes.wait(120)
    assert in_processes.error is None
    assert in_processes.result == in_thread.result is not None


def test_a_hold_pauses_the_runs_for_a_while_and_changes_no_figure(tmp_path: Path) -> None:
    """The window holds the processor while it redraws a change (ui/what_if_runner.py): the
    runs wait, for at most MAX_HOLD, then go on to the same figures."""
    loaded = read_save_file(saved(tmp_path))
    job = WhatIfJob(loaded, 1, 3, workers=0, start=False)
    started = time.monotonic()
    job.hold(60.0)  # asking for a minute gets MAX_HOLD
    job.start()
    while job.runs_done == 0 and not job.done:
        time.sleep(0.002)
    assert time.monotonic() - started >= MAX_HOLD  # the first run came after the hold
    assert job.wait(60)
    in_processes = WhatIfJob(loaded, 1, 3, workers=1, start=False)
    in_processes.start()
    for _ in range(5):
        in_processes.hold(0.02)
        time.sleep(0.01)
    assert in_processes.wait(120) and in_processes.error is None
    assert in_processes.result == job.result is not None


def test_while_it_runs_the_replays_so_far_give_a_smaller_what_if(tmp_path: Path) -> None:
    """The provisional band the debrief shows while the bots replay is exactly the what-if of
    the seeds every way has so far (the runs go seed by seed)."""
    loaded = read_save_file(saved(tmp_path))
    job = WhatIfJob(loaded, 1, 40, workers=0)
    caught = None
    while not job.done and caught is None:
        caught = job.partial_result(at_least=5)
        time.sleep(0.005)
    assert caught is not None, "the job finished before a partial band was seen"
    assert 5 <= caught.seeds < 40
    start = start_of(loaded, 1)
    assert caught == what_if_result(start, seeds=caught.seeds, group=loaded.state)
    assert job.wait(60) and job.partial_result(at_least=1) is None  # done: the result counts


def test_the_default_is_a_hundred_replays_of_every_main_policy(tmp_path: Path) -> None:
    job = WhatIfJob(read_save_file(saved(tmp_path)))
    assert job.wait(300)
    assert job.result is not None
    assert job.result.seeds == DEFAULT_SEEDS == 100
    assert [b.policy for b in job.result.bands] == list(MAIN_POLICIES)
    assert all(len(b.runs) == 100 for b in job.result.bands)


def test_cancel_stops_it_and_still_says_it_is_done(tmp_path: Path) -> None:
    loaded = read_save_file(saved(tmp_path))
    called = threading.Event()
    job = WhatIfJob(loaded, 1, 100, workers=0, on_done=lambda _job: called.set())
    job.cancel()
    assert job.wait(5) and called.is_set()
    assert job.result is None and job.cancelled
    assert job.runs_done < job.runs_total
    assert 0.0 <= job.progress() < 1.0


def test_an_unfinished_game_what_if_from_every_round_begun(tmp_path: Path) -> None:
    loaded = read_save_file(saved(tmp_path, steps=60, name="unfinished"))
    begun = loaded.state.public.round
    assert not loaded.state.over and begun >= 2
    for round_no in (1, begun):
        job = WhatIfJob(loaded, round_no, 2, workers=0)
        assert job.wait(60)
        assert job.result is not None and job.result.group is not None
        assert not job.result.group.finished
    with pytest.raises(ValueError, match="has not begun"):
        WhatIfJob(loaded, begun + 1, 2, workers=0, start=False)
    with pytest.raises(ValueError, match="rounds 1 to 4"):
        start_of(loaded, 5)


def test_at_the_start_of_the_game_the_deal_is_enough(tmp_path: Path) -> None:
    """The window starts the job with the game's first state; the group joins at the end."""
    loaded: LoadedSave = read_save_file(saved(tmp_path))
    job = WhatIfJob(loaded.history.start, 1, 2, workers=0)
    assert job.wait(60) and job.result is not None and job.result.group is None
    whole = job.result_for(loaded.state)
    assert whole is not None and whole.group is not None
    assert whole.group.impact == loaded.state.public.impact
    from_save = WhatIfJob(loaded, 1, 2, workers=0)
    assert from_save.wait(60)
    assert from_save.result == whole
