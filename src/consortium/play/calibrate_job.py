"""``consortium calibrate`` and the window's "Check that it teaches…" as a background job,
without Qt.

:class:`CalibrationJob` plays every game the calibration claims need on one scenario (by
default the CI subset: the base condition and two one-step changes, every claim once; with
``full`` every variation and the whole one-step grid), away from the caller's thread, then
judges the claims and reads the causes of any failure (:func:`engine.calibration_causes.
diagnose`).

As :class:`consortium.play.what_if.WhatIfJob` does, it plays in worker processes ('spawn',
at a lower priority where the system has one), so the window's thread never waits for the
GIL. Each run of 200 seeds is cut into pieces of :data:`PIECE` seeds, so progress moves in
small steps and a cancel is seen within one piece; cancelling terminates the worker
processes (a run in hand is thrown away, not finished unseen). ``workers=0`` plays in the
job's thread (tests; the fallback when no process can be started).

``on_progress(job)`` is called on the job's thread after each piece and ``on_done(job)``
once the job has finished (with a diagnosis, cancelled or failed); the caller marshals them
to its own thread (the window: queued signals).
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections.abc import Callable

import attrs

from consortium.engine.calibration import (
    SEEDS,
    Calibration,
    Games,
    Run,
    ci_grid,
    play_run,
)
from consortium.engine.calibration_causes import Diagnosis, diagnose
from consortium.engine.scenario import Scenario
from consortium.play.background import BackgroundJob

PIECE = 20
"""Seeds per piece of work sent to a worker (about 0.15 s on a laptop core)."""


def default_workers() -> int:
    """Worker processes: every core but one for the window, at least one, at most four."""
    return max(1, min(4, (os.cpu_count() or 2) - 1))


def pieces(run: Run, size: int = PIECE) -> list[Run]:
    """``run`` cut into runs of at most ``size`` consecutive seeds, in seed order."""
    return [attrs.evolve(run, seed_start=start, seeds=min(size, run.seed_start + run.seeds - start))
            for start in range(run.seed_start, run.seed_start + run.seeds, size)]


_worker_scenario: Scenario | None = None


def _init_worker(scenario: Scenario) -> None:
    """A worker process's initializer: the scenario, once; Ctrl+C left to the parent (which
    terminates the workers), so a stopped ``consortium calibrate`` prints no worker's
    traceback; a priority below the window's where the system has one."""
    global _worker_scenario  # noqa: PLW0603 - one per worker process, set once
    _worker_scenario = scenario
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(5)


def _play_piece(item: tuple[int, Run]) -> tuple[int, Games]:
    assert _worker_scenario is not None
    index, run = item
    return index, play_run(_worker_scenario, run)


class CalibrationJob(BackgroundJob):
    """The claims on ``scenario``: ``diagnosis`` is set when ``done`` and not cancelled;
    ``error`` if playing failed (a bug: the engine's games do not fail on a valid scenario)."""

    def __init__(
        self,
        scenario: Scenario,
        *,
        full: bool = False,
        seeds: int = SEEDS,
        workers: int | None = None,
        on_progress: Callable[[CalibrationJob], None] | None = None,
        on_done: Callable[[CalibrationJob], None] | None = None,
        start: bool = True,
    ) -> None:
        if seeds < 2:
            raise ValueError("seeds must be at least 2 (a standard error needs two games)")
        super().__init__("calibrate")
        self.scenario = scenario
        self.full = full
        self.seeds = seeds
        self.workers = default_workers() if workers is None else workers
        self.calibration = Calibration(scenario, all_=full,
                                       grid=None if full else ci_grid(scenario), seeds=seeds)
        self._runs = self.calibration.runs()
        self._pieces = [(i, piece) for i, run in enumerate(self._runs) for piece in pieces(run)]
        self._played: dict[int, Games] = {}
        self.games_total = sum(run.seeds for run in self._runs)
        self.games_done = 0
        self._on_progress = on_progress
        self._on_done = on_done
        self.diagnosis: Diagnosis | None = None
        if start:
            self.start()

    # --- control (start, cancel, wait: BackgroundJob) ---------------------------------------
    # Cancel stops now: the worker processes are terminated within about 0.1 s.

    # --- reading ----------------------------------------------------------------------------

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set() and self.diagnosis is None

    def progress(self) -> float:
        return self.games_done / self.games_total if self.games_total else 1.0

    @property
    def seconds(self) -> float:
        if self.started_at is None:
            return 0.0
        return (self.finished_at or time.perf_counter()) - self.started_at

    # --- the worker -------------------------------------------------------------------------

    def _run(self) -> None:
        if self.workers > 0:
            try:
                self._in_processes()
            except OSError:  # no worker process here: this thread
                self._in_thread()
        else:
            self._in_thread()
        if not self._cancel.is_set():
            self._judge()

    def _report_done(self) -> None:
        if self._on_done is not None:
            self._on_done(self)

    def _took(self, number: int, piece: Run, games: Games) -> None:
        self._played[number] = games
        self.games_done += piece.seeds
        if self._on_progress is not None:
            self._on_progress(self)

    def _in_thread(self) -> None:
        for number, (_index, piece) in enumerate(self._pieces):
            if self._cancel.is_set():
                return
            if number not in self._played:
                self._took(number, piece, play_run(self.scenario, piece))
            time.sleep(0)  # let the caller's thread have the GIL between pieces

    def _in_processes(self) -> None:
        import multiprocessing  # noqa: PLC0415 - only when a job runs

        context = multiprocessing.get_context("spawn")
        pool = context.Pool(self.workers, initializer=_init_worker, initargs=(self.scenario,))
        try:
            items = [(n, piece) for n, (_i, piece) in enumerate(self._pieces)]
            results = pool.imap_unordered(_play_piece, items)
            for _count in range(len(items)):
                while True:
                    if self._cancel.is_set():
                        return
                    try:
                        number, games = results.next(timeout=0.1)
                        break
                    except multiprocessing.TimeoutError:
                        continue
                self._took(number, self._pieces[number][1], games)
        finally:
            pool.terminate()  # a cancel stops the workers, not only the queue
            pool.join()

    def _judge(self) -> None:
        merged: dict[Run, Games] = {}
        for number, (index, _piece) in enumerate(self._pieces):  # in seed order per run
            run = self._runs[index]
            games = merged.setdefault(run, {})
            for figure, values in self._played[number].items():
                games.setdefault(figure, []).extend(values)
        self.calibration.results = merged
        self.diagnosis = diagnose(self.calibration, full=self.full, games=self.games_total)
