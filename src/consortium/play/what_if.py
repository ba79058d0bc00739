"""The debrief's what-if as a background job, without Qt.

:class:`WhatIfJob` computes :func:`consortium.engine.what_if_bands.run_one` for every
``(policy, seed)`` away from the caller's thread. The window starts it when the game starts
(from round 1 only the deal is needed), so the band is ready when the debrief opens; a what-if
from a later round is started when the facilitator asks for it.

Processes by default (``workers`` ≥ 1): a ``ProcessPoolExecutor`` with the 'spawn' context
runs chunks of runs in other processes (at a lower priority where the system has one), so
the GUI thread never waits for the GIL. Measured (bench/what_if.py): a worker *thread* yields
between runs, yet the window's heartbeat showed gaps of 0.5 s while it painted, since each of
the many Qt calls of a repaint gives the GIL up and waits up to the switch interval (5 ms) to
get it back from the worker. ``workers=0`` runs in a thread (tests; the fallback when no
process can be started). The packaged program calls ``multiprocessing.freeze_support()``
(packaging/launcher.py) so a spawned worker of the frozen build runs the worker, not the game.

``on_done(job)`` is called on the job's own thread once the job has finished (with a result,
cancelled or failed): the caller marshals it to its own thread (the window: a queued signal).
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import BrokenExecutor, Future, ProcessPoolExecutor, as_completed
from typing import Any

from consortium.engine.bots import MAIN_POLICIES
from consortium.engine.game import opening
from consortium.engine.history import History
from consortium.engine.simulate import round_start
from consortium.engine.state import GameState, Phase
from consortium.engine.what_if_bands import (
    DEFAULT_SEEDS,
    Outcome,
    Run,
    WhatIfResult,
    aggregate,
    own_context,
    run_keys,
    run_one,
)
from consortium.play.background import BackgroundJob
from consortium.store.save_load import LoadedSave

Source = GameState | History | LoadedSave
"""What a what-if starts from: a game's history or loaded save (from any round begun), or a
state: any state of the game from round 1 (the window at the start of the game), else a round
start (``engine.simulate.round_start``: after comings and goings and hours, before the mode)."""


def start_of(source: Source, from_round: int = 1) -> GameState:
    """The state at the start of round ``from_round`` of ``source``'s game. Raises ValueError
    if that round has not begun in it (or does not exist)."""
    if isinstance(source, GameState):
        if from_round == 1:  # the deal is known from the setup alone, at any point of the game
            return opening(source.ctx.scenario, source.ctx.config)
        public = source.public
        if public.round != from_round or public.mode is not None or (
            public.phase is not Phase.PIT_STOP
        ):
            raise ValueError(f"the state given is not the start of round {from_round}")
        return source
    history = source.history if isinstance(source, LoadedSave) else source
    start, final = history.start, history.state
    rounds = start.public.rounds
    if not 1 <= from_round <= rounds:
        raise ValueError(f"round {from_round}: the game has rounds 1 to {rounds}")
    if from_round > final.public.round:
        raise ValueError(
            f"round {from_round} has not begun (the game is in round {final.public.round})"
        )
    return round_start(start.ctx.scenario, start.ctx.config, history.actions, from_round)


def group_of(source: Source) -> GameState | None:
    """The game's real state as it stands (for the group's own result), if ``source`` has it."""
    if isinstance(source, LoadedSave):
        return source.history.state
    if isinstance(source, History):
        return source.state
    return None


CHUNK = 10
"""Runs per task sent to a worker process (about 0.1 s of work: cancel stops within that)."""

MAX_HOLD = 0.1
"""The longest :meth:`WhatIfJob.hold` (seconds): the window asks again for more."""


def default_workers() -> int:
    """Worker processes: one core left to the window, at least one, at most four."""
    return max(1, min(4, (os.cpu_count() or 2) - 1))


_worker_start: GameState | None = None
"""A worker process's start state, sent once (the initializer), not with every chunk."""

_worker_quiet: Any = None
"""A worker process's view of :meth:`WhatIfJob.hold`: a shared double, the monotonic time
until which the window wants the processor."""


class _Quiet:
    """The time until which the window wants the processor (thread mode; processes share a
    ``multiprocessing.Value`` with the same ``value``)."""

    value = 0.0


def _init_worker(start: GameState, quiet: Any = None) -> None:
    """A worker process's initializer: the start state, the window's hold, and a priority
    below the window's where the system has one."""
    global _worker_start, _worker_quiet  # noqa: PLW0603 - one per worker process, set once
    _worker_start = start
    _worker_quiet = quiet
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(5)


def wait_while_held(quiet: Any) -> None:
    """Between two runs: wait while the window holds the processor (see
    :meth:`WhatIfJob.hold`). The hold ends by itself, so a window that stops holding — or
    dies — never stalls the job for longer than one hold."""
    if quiet is None:
        return
    while (left := quiet.value - time.monotonic()) > 0:
        time.sleep(min(left, MAX_HOLD))


def run_chunk(keys: Sequence[tuple[str, int]]) -> list[Run]:
    """Runs ``keys`` from the worker's start state (in a worker process)."""
    assert _worker_start is not None
    runs = []
    for policy, seed in keys:
        wait_while_held(_worker_quiet)
        runs.append(run_one(_worker_start, policy, seed))
    return runs


class WhatIfJob(BackgroundJob):
    """Every main policy's band from round ``from_round`` of ``source``, ``seeds`` runs each,
    on a worker thread. ``result`` is set when ``done`` and not cancelled; ``error`` if a run
    failed (a bug: the engine's runs do not fail on a valid game)."""

    def __init__(
        self,
        source: Source,
        from_round: int = 1,
        seeds: int = DEFAULT_SEEDS,
        *,
        policies: Sequence[str] = MAIN_POLICIES,
        on_done: Callable[[WhatIfJob], None] | None = None,
        start: bool = True,
        workers: int | None = None,
    ) -> None:
        if seeds < 1:
            raise ValueError("seeds must be at least 1")
        super().__init__("what-if")
        self.from_round = from_round
        self.seeds = seeds
        self.policies = tuple(policies)
        self._start = own_context(start_of(source, from_round))
        group = group_of(source)
        self._group = None if group is None else Outcome.of(group)
        self._on_done = on_done
        self.workers = default_workers() if workers is None else workers
        self._keys = run_keys(self.policies, seeds)
        self._runs: list[Run] = []
        self._quiet: Any = _Quiet()  # a shared Value once worker processes run
        self.result: WhatIfResult | None = None
        if start:
            self.start()

    # --- control (start, cancel, wait: BackgroundJob) ---------------------------------------
    # Cancel stops soon: in a thread after the run in hand (~10 ms); with processes at once,
    # the chunks in hand finish unseen.

    def hold(self, seconds: float) -> None:
        """The window is about to redraw: the runs wait (between two runs, a few ms each)
        for ``seconds`` (at most :data:`MAX_HOLD`) from now, so the redraw has the processor
        to itself — on a 2-core laptop the second core is often the first one's twin, and a
        busy twin slows the window's own work by half. Each change asks anew; a job whose
        window stops asking runs on at full speed. ``time.monotonic`` is one clock for every
        process of the machine (CLOCK_MONOTONIC, mach time, QueryPerformanceCounter)."""
        self._quiet.value = time.monotonic() + min(max(seconds, 0.0), MAX_HOLD)

    # --- reading ----------------------------------------------------------------------------

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set() and self.result is None

    def progress(self) -> float:
        """The share of runs done, 0.0 to 1.0."""
        return len(self._runs) / len(self._keys)

    @property
    def runs_done(self) -> int:
        return len(self._runs)

    @property
    def runs_total(self) -> int:
        return len(self._keys)

    def partial_result(self, at_least: int) -> WhatIfResult | None:
        """The bands of the runs done so far, while the job runs: every policy's seeds
        0..k-1 for the largest k all of them have (the runs go seed by seed, so the policies
        keep pace), when k is at least ``at_least``; the same as a what-if of k seeds. ``None``
        before that, and once the job is done (``result`` is the answer then)."""
        if self.done:
            return None
        runs = list(self._runs)  # the job's thread appends; a copy is one consistent list
        have: dict[str, set[int]] = {p: set() for p in self.policies}
        for run in runs:
            have[run.policy].add(run.seed)
        k = 0
        while k < self.seeds and all(k in seeds for seeds in have.values()):
            k += 1
        if k < max(1, at_least):
            return None
        return aggregate((r for r in runs if r.seed < k), from_round=self.from_round, seeds=k,
                         policies=self.policies, group=self._group)

    def result_for(self, state: GameState) -> WhatIfResult | None:
        """The result with the group's own figures from ``state`` (the game as it ended)."""
        return None if self.result is None else self.result.with_group(state)

    # --- the worker -------------------------------------------------------------------------

    def _run(self) -> None:
        if self.workers > 0:
            try:
                self._in_processes()
            except (OSError, BrokenExecutor):  # no worker process here: this thread
                self._in_thread()
        else:
            self._in_thread()
        if not self._cancel.is_set():
            self.result = aggregate(
                self._runs, from_round=self.from_round, seeds=self.seeds,
                policies=self.policies, group=self._group,
            )

    def _report_done(self) -> None:
        if self._on_done is not None:
            self._on_done(self)

    def _in_thread(self) -> None:
        done = {(r.policy, r.seed) for r in self._runs}
        for policy, seed in self._keys:
            if self._cancel.is_set():
                return
            if (policy, seed) not in done:
                wait_while_held(self._quiet)
                self._runs.append(run_one(self._start, policy, seed))
            time.sleep(0)  # let the caller's thread have the GIL between runs

    def _in_processes(self) -> None:
        import multiprocessing  # noqa: PLC0415 - only when a job runs

        context = multiprocessing.get_context("spawn")
        quiet = context.Value("d", self._quiet.value, lock=False)
        self._quiet = quiet
        pool = ProcessPoolExecutor(self.workers, mp_context=context,
                                   initializer=_init_worker, initargs=(self._start, quiet))
        try:
            chunks = [self._keys[i:i + CHUNK] for i in range(0, len(self._keys), CHUNK)]
            futures: list[Future[list[Run]]] = [
                pool.submit(run_chunk, chunk) for chunk in chunks
            ]
            for future in as_completed(futures):
                if self._cancel.is_set():
                    return
                self._runs.extend(future.result())
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
