"""A job on its own thread (the what-if, a calibration): started, cancelled, waited for and
reported done the same way, so each job says only what it works out (``_run``).

``on_done(job)`` — each job's own callback — is called on the job's thread once it has
finished (with its answer, cancelled or failed); callers marshal it to their own thread.
"""

from __future__ import annotations

import threading
import time


class BackgroundJob:
    """The life of a job: ``start``, ``cancel``, ``wait``, ``done``; ``error`` if ``_run``
    raised (a bug: the engine's games do not fail on valid input); ``started_at`` and
    ``finished_at`` from ``time.perf_counter``."""

    def __init__(self, name: str) -> None:
        self._cancel = threading.Event()
        self._finished = threading.Event()
        self.error: BaseException | None = None
        self.started_at: float | None = None
        self.finished_at: float | None = None
        self._thread = threading.Thread(target=self._work, name=name, daemon=True)

    def start(self) -> None:
        if self.started_at is None:
            self.started_at = time.perf_counter()
            self._thread.start()

    def cancel(self) -> None:
        """Stop soon; ``on_done`` is still called, and the job's answer stays ``None``."""
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until done (tests, the command line); True if done."""
        return self._finished.wait(timeout)

    @property
    def done(self) -> bool:
        return self._finished.is_set()

    def _work(self) -> None:
        try:
            self._run()
        except Exception as error:  # reported through ``error``, never lost on a thread
            self.error = error
        finally:
            self.finished_at = time.perf_counter()
            self._finished.set()
            self._report_done()

    def _run(self) -> None:
        """The work itself (on the job's thread); checks ``self._cancel`` as it goes."""
        raise NotImplementedError

    def _report_done(self) -> None:
        """Call the job's ``on_done`` (each job types its own)."""
