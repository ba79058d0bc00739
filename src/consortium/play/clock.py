"""The facilitator's talk clock: wall time while a plenary talks (GAME.md, "Talk is time").

Wall time is the session's, not the engine's: the play :class:`~consortium.play.session.Session`
turns the started minutes into ``Deliberate(minutes)`` or ``Talk(minutes)`` actions, which the
engine charges as meeting hours. The time source is injected (the window passes
``time.monotonic``; tests and scripts move a fake clock by hand), and nothing here ticks: a
front end that shows the seconds asks for them (the window once a second).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable


class TalkClock:
    """A stopwatch that counts only while running; ``minutes()`` are the *started* minutes."""

    def __init__(self, now: Callable[[], float] = time.monotonic, seconds: float = 0.0) -> None:
        self._now = now
        self._banked = max(0.0, seconds)  # a resumed session's seconds not yet charged
        self._since: float | None = None

    @property
    def running(self) -> bool:
        return self._since is not None

    def start(self) -> None:
        if self._since is None:
            self._since = self._now()

    def stop(self) -> None:
        if self._since is not None:
            self._banked += self._now() - self._since
            self._since = None

    def seconds(self) -> float:
        live = self._now() - self._since if self._since is not None else 0.0
        return self._banked + live

    def minutes(self) -> int:
        """Every started minute counts (10 seconds of talk is one minute)."""
        return math.ceil(self.seconds() / 60 - 1e-9) if self.seconds() > 0 else 0

    def reset(self) -> None:
        self._banked = 0.0
        self._since = self._now() if self._since is not None else None
