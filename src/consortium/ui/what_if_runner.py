"""The window's what-if: the same deal played the other ways by bots, worked out in the
background so the band is on the board when the debrief opens (issue 14).

The job (``consortium.play.what_if.WhatIfJob``, worker processes at a lower priority by
default, so the GUI thread never waits for it) starts when a game is started or taken over,
from round 1 (only the deal is needed): it is ready for the first pit stop's optional glance
and long before the debrief. The
facilitator may ask for a what-if from the start of any later round the game has begun; that
job replaces the first. When a job finishes, its thread emits a signal that Qt delivers on
the GUI thread; ``changed`` then tells the board. The group's own figures are added from the
game as it ended.

The what-if from round 1 is kept with the session (``Session.keep_what_if``: saved as the
save's ``room.what_if``), so a comparison of tables reads it instead of replaying it, and a
session resumed from a save that holds it for this very deal and seed count shows it at once
(store/stored_what_if.py; one that does not match is worked out again).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from consortium.engine.what_if_bands import WhatIfResult
from consortium.play.records import Change
from consortium.play.session import Session
from consortium.play.what_if import WhatIfJob
from consortium.store.table_code import table_code

PROVISIONAL_SEEDS = 10
"""Replays of each way before the debrief shows a provisional band (its 10th and 90th
percentiles are then the lowest and highest but one), while the rest are worked out."""

PROVISIONAL_EVERY_MS = 500
"""How often a provisional band is drawn again while the job runs."""

REDRAW_HOLD = 0.04
"""Seconds the what-if's runs wait after a change, for the window to redraw it: the longest
change (a pit stop's first page, game over) takes about 40 ms of the window's time."""


class WhatIfRunner(QObject):
    changed = Signal()  # a result arrived, a job started, or the game changed
    _finished = Signal(object)  # from the job's thread; delivered on the GUI thread

    def __init__(self, play: Session, *, seeds: int = 100, workers: int | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._play = play
        self.seeds = seeds
        self.workers = workers
        self.job: WhatIfJob | None = None
        self.from_round = 1
        self._result: WhatIfResult | None = None
        self._history: object | None = None
        self._finished.connect(self._on_finished)
        # while a job runs, the provisional band is drawn anew now and then (changed)
        self._provisional_seeds = 0
        self._tick = QTimer(self)
        self._tick.setInterval(PROVISIONAL_EVERY_MS)
        self._tick.timeout.connect(self._on_tick_timeout)

    @property
    def computing(self) -> bool:
        return self.job is not None and not self.job.done

    def progress(self) -> float | None:
        """The share of runs done while a job runs (``None``: none runs)."""
        return self.job.progress() if self.computing and self.job is not None else None

    def result(self) -> WhatIfResult | None:
        """The band with the group's own result (as the game stands, or ended)."""
        if self._result is None or not self._play.has_game:
            return None
        return self._result.with_group(self._play.state)

    def provisional(self) -> WhatIfResult | None:
        """While the job runs: the band of the replays done so far (at least
        :data:`PROVISIONAL_SEEDS` of each way), with the group's result; the debrief shows it,
        said to be provisional, so the band is on the screen within a second of game over
        even when the game was fast-forwarded at once. ``None`` otherwise."""
        job = self.job
        if job is None or job.done or not self._play.has_game:
            return None
        partial = job.partial_result(PROVISIONAL_SEEDS)
        return None if partial is None else partial.with_group(self._play.state)

    def _on_tick_timeout(self) -> None:
        job = self.job
        if job is None or job.done:
            self._tick.stop()
            return
        seeds = job.runs_done // max(1, len(job.policies))
        if seeds >= PROVISIONAL_SEEDS and seeds != self._provisional_seeds:
            self._provisional_seeds = seeds
            self.changed.emit()

    def follow(self, change: Change) -> None:
        """After every change: a new game forgets the old band and starts the first job."""
        play = self._play
        if not play.has_game:
            return
        if play.history is not self._history:
            self.cancel()
            self._history = play.history
            self._result = self._kept(play)
            self.from_round = 1
            self.changed.emit()
        if change.session.practice:
            return  # the practice round has no debrief, so no what-if
        if self.job is not None and not self.job.done:
            self.job.hold(REDRAW_HOLD)  # this change's redraw first (docs/performance.md)
        if self.job is None and self._result is None:
            self.start(1)  # from round 1 only the deal is needed: at once, for the pit stops

    def _kept(self, play: Session) -> WhatIfResult | None:
        """The what-if the session was saved with, when it is this game's (else ``None``)."""
        kept = play.session.what_if
        if kept is None:
            return None
        start = play.history.start
        return kept.result_for(table_code(start.ctx.scenario, start.ctx.config),
                               start.public.rounds, self.seeds)

    def start(self, from_round: int) -> bool:
        """Work out the what-if from the start of ``from_round`` (a round the game has begun);
        whether it started."""
        play = self._play
        if not play.has_game:
            return False
        if not 1 <= from_round <= max(1, play.state.public.round):
            return False
        self.cancel()
        self.from_round = from_round
        self._result = None
        source = play.state if from_round == 1 else play.history
        try:
            self.job = WhatIfJob(source, from_round, self.seeds, workers=self.workers,
                                 on_done=self._finished.emit)
            self._provisional_seeds = 0
            self._tick.start()
        except ValueError:
            self.job = None
            return False
        self.changed.emit()
        return True

    def cancel(self) -> None:
        job, self.job = self.job, None
        if job is not None:
            job.cancel()

    def _on_finished(self, job: WhatIfJob) -> None:
        if job is not self.job:
            return  # a job replaced or cancelled meanwhile
        self._tick.stop()
        if job.result is not None:
            self._result = job.result
            self._play.keep_what_if(job.result)  # from round 1: saved with the session
        self.job = None
        self.changed.emit()
