"""Action to first paint of the board, over a whole scripted game, and a 1 ms heartbeat.

    QT_QPA_PLATFORM=offscreen python bench/latency.py
    xvfb-run -a -s "-screen 0 1920x1080x24" python bench/latency.py

A bot-only game (every decision is a bot's move, which counts as an action) plays with a
30 ms pace on the board window at 1920×1080 (its own top-level window, as on a projector).
An event filter on the board window handles each ``UpdateRequest`` itself — Qt repaints and
flushes the whole window inside it — and records when it ends; the latency of an action is
from ``GameController.submitted_at`` to the end of the first such paint after it. A 1 ms
heartbeat timer runs throughout, and through a fast-forwarded game (bots with no pacing, in
chunks), and reports the longest gap between its ticks: a stall would show there.
"""

from __future__ import annotations

import statistics
import sys
import time

import attrs
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from consortium.engine.state import Phase
from consortium.play.records import SessionSetup
from consortium.store.scenarios import shipped_scenarios
from consortium.ui.controller import GameController
from consortium.ui.kit.theme import Theme
from consortium.ui.shell.main_window import MainWindow
from consortium.ui.shell.setup_page import schedule_for


class PaintClock(QObject):
    """Ends each board repaint itself, to time its end."""

    def __init__(self, controller: GameController) -> None:
        super().__init__()
        self._controller = controller
        self._seen = 0.0
        self.latencies: list[float] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.UpdateRequest:
            return False
        watched.event(event)  # repaint and flush now
        end = time.perf_counter()
        submitted = self._controller.submitted_at
        if submitted > self._seen:
            self._seen = submitted
            self.latencies.append(end - submitted)
        return True


class Heartbeat(QObject):
    """A timer every ``interval_ms``: the gaps between its ticks are the GUI thread's stalls.

    ``busy`` holds, for each gap, the GUI thread's own CPU time in it (``time.thread_time``):
    on a machine shared with other work the wall-clock gaps also hold the time the thread
    waited for a core, which the window's own code does not decide."""

    def __init__(self, interval_ms: int = 1) -> None:
        super().__init__()
        self.gaps: list[float] = []
        self.busy: list[float] = []
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._on_timer_timeout)

    def _on_timer_timeout(self) -> None:
        now = time.perf_counter()
        cpu = time.thread_time()
        self.gaps.append(now - self._last)
        self.busy.append(cpu - self._last_cpu)
        self._last = now
        self._last_cpu = cpu

    def restart(self) -> None:
        self.gaps = []
        self.busy = []
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self.timer.start()

    def longest_ms(self) -> float:
        return max(self.gaps, default=0.0) * 1000

    def longest_busy_ms(self) -> float:
        """The most CPU time the GUI thread spent between two ticks."""
        return max(self.busy, default=0.0) * 1000


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def setup(seed: int) -> SessionSetup:
    from consortium.engine.simulate import bot_config  # noqa: PLC0415

    scenario = shipped_scenarios()["cancer-care"]
    config = bot_config(scenario, "balanced", seed, seats=6, rounds=4, turnover=0.15)
    config = attrs.evolve(config, schedule=schedule_for("plan", 4))
    return SessionSetup(scenario, config)


def run_until_over(app: QApplication, controller: GameController, limit: float = 120) -> None:
    deadline = time.perf_counter() + limit
    while controller.view.phase is not Phase.GAME_OVER and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.0002)


def main() -> int:
    app = QApplication(sys.argv)
    Theme().apply(app)
    controller = GameController(pacing_ms=30)
    window = MainWindow(controller, lambda: dict(shipped_scenarios()), dual_screen=True)
    window.resize(800, 600)
    window.show()
    board = window.board
    board.resize(1920, 1080)
    clock = PaintClock(controller)
    board.installEventFilter(clock)
    beat = Heartbeat()

    beat.restart()
    window.start_session(setup(1))
    run_until_over(app, controller)
    played = len(controller.actions)
    lat = [x * 1000 for x in clock.latencies]
    paced_gap = max(beat.gaps) * 1000
    print(f"paced game: {played} actions, {len(lat)} first paints of the board")
    print(f"  action → end of first paint: median {statistics.median(lat):.1f} ms, "
          f"p95 {percentile(lat, 95):.1f} ms, max {max(lat):.1f} ms  (target p95 < 16 ms)")
    print(f"  heartbeat (1 ms timer): {len(beat.gaps)} ticks, p99 gap "
          f"{percentile(beat.gaps, 99) * 1000:.1f} ms, longest gap {paced_gap:.1f} ms")

    beat.restart()
    window.start_session(setup(2))
    started = time.perf_counter()
    controller.fast_forward()
    run_until_over(app, controller)
    seconds = time.perf_counter() - started
    print(f"fast-forward: {len(controller.actions)} bot actions in {seconds * 1000:.0f} ms; "
          f"heartbeat longest gap {max(beat.gaps) * 1000:.1f} ms, p99 "
          f"{percentile(beat.gaps, 99) * 1000:.1f} ms")
    beat.timer.stop()
    window.board.close()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
