"""The debrief's what-if as a background job, without Qt.

:class:`WhatIfJob` computes :func:`consortium.engine.what_if.run_one` for every
``(policy, seed)`` on a worker thread, one run at a time, yielding the GIL between runs
(``time.sleep(0)``) so the window's GUI thread keeps its frames (bench/what_if.py measures the
longest stall). The window starts it when the game starts (from round 1 only the deal is
needed), so the band is ready when the debrief opens; a what-if from a later round is started
when the facilitator asks for it.

Threads, not processes: one run takes about 10 ms, the whole what-if (6 policies × 100
seeds) a few seconds on one core, finished long before a game with people ends; a pool of
spawned processes would cost a second of start-up and a frozen build's care for the same
result.

``on_done(job)`` is called on the worker thread once the job has finished (with a result,
cancelled or failed): the caller marshals it to its own thread (the window: a queued signal).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence

from consortium.engine.bots import MAIN_POLICIES
from consortium.engine.history import History
from consortium.engine.simulate import round_start
from consortium.engine.state import GameState, Phase
from consortium.engine.what_if import (
    DEFAULT_SEEDS,
    Outcome,
    Run,
    WhatIfResult,
    aggregate,
    own_context,
    run_keys,
    run_one,
)
from consortium.store.save_load import LoadedSave

Source = GameState | History | LoadedSave
"""What a what-if starts from: a round start (``engine.game.opening`` or
``engine.simulate.round_start``: after comings and goings and private hours, before the mode),
or a game's history or loaded save (from any round begun)."""


def start_of(source: Source, from_round: int = 1) -> GameState:
    """The state at the start of round ``from_round`` of ``source``'s game. Raises ValueError
    if that round has not begun in it (or does not exist)."""
    if isinstance(source, GameState):
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


class WhatIfJob:
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
    ) -> None:
        if seeds < 1:
            raise ValueError("seeds must be at least 1")
        self.from_round = from_round
        self.seeds = seeds
        self.policies = tuple(policies)
        self._start = own_context(start_of(source, from_round))
        group = group_of(source)
        self._group = None if group is None else Outcome.of(group)
        self._on_done = on_done
        self._keys = run_keys(self.policies, seeds)
        self._runs: list[Run] = []
        self._cancel = threading.Event()
        self._finished = threading.Event()
        self.result: WhatIfResult | None = None
        self.error: BaseException | None = None
        self.started_at: float | None = None
        self.finished_at: float | None = None
        self._thread = threading.Thread(target=self._work, name="what-if", daemon=True)
        if start:
            self.start()

    # --- control ----------------------------------------------------------------------------

    def start(self) -> None:
        if self.started_at is None:
            self.started_at = time.perf_counter()
            self._thread.start()

    def cancel(self) -> None:
        """Stop after the run in hand (at most one run, ~10 ms); ``on_done`` is still called."""
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until done (tests, the command line); True if done."""
        return self._finished.wait(timeout)

    # --- reading ----------------------------------------------------------------------------

    @property
    def done(self) -> bool:
        return self._finished.is_set()

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

    def result_for(self, state: GameState) -> WhatIfResult | None:
        """The result with the group's own figures from ``state`` (the game as it ended)."""
        return None if self.result is None else self.result.with_group(state)

    # --- the worker -------------------------------------------------------------------------

    def _work(self) -> None:
        try:
            for policy, seed in self._keys:
                if self._cancel.is_set():
                    break
                self._runs.append(run_one(self._start, policy, seed))
                time.sleep(0)  # let the GUI thread have the GIL between runs
            else:
                self.result = aggregate(
                    self._runs, from_round=self.from_round, seeds=self.seeds,
                    policies=self.policies, group=self._group,
                )
        except Exception as error:
            self.error = error
        finally:
            self.finished_at = time.perf_counter()
            self._finished.set()
            if self._on_done is not None:
                self._on_done(self)
