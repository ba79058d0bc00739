"""The debrief's what-if: time to the band, and the GUI's longest stall while it computes.

    QT_QPA_PLATFORM=offscreen python bench/what_if.py [--seeds 100]

- cold: the whole what-if (every main policy × ``--seeds`` runs from round 1 of a 6-seat,
  4-round game of the shipped scenario) straight through on this thread, and as a
  ``WhatIfJob`` on its worker thread beside an idle Qt main loop with a 5 ms heartbeat timer
  (the longest gap between ticks is the longest stall the window would see);
- the session flow: the window (board at 1920×1080) plays a bot game while its own what-if
  (the controller's ``WhatIfRunner``, started when the game starts and held while the window
  redraws each change, as in the program) computes; "debrief opened" is the game over, and
  the figure is from then to the band being ready. With the bots paced at 30 ms (latency.py's
  pace: the stress case for stalls, a game of about three seconds, shorter than the job),
  fast-forwarded (the worst case: the game is over at once), and at 150 ms, where the game
  (about ten seconds, still a hundred times faster than a room) outlasts the job as every real
  game does. The heartbeat runs throughout.

Targets: the band within 1 s of opening the debrief; no stall over 50 ms. Beside each
session flow's longest gap, the most CPU time the GUI thread itself spent between two ticks:
on a machine shared with other work, the wall-clock gaps also hold time spent waiting for a
core.
"""

from __future__ import annotations

import argparse
import sys
import time

from PySide6.QtWidgets import QApplication

from consortium.engine.game import opening
from consortium.engine.simulate import bot_config
from consortium.engine.what_if_bands import what_if_result
from consortium.play.what_if import WhatIfJob
from consortium.store.scenarios import shipped_scenarios

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))
from latency import Heartbeat as LatencyHeartbeat
from latency import run_until_over, setup

HEARTBEAT_MS = 5
ROOM_LIKE_MS = 150
"""A bot pace at which the game (about ten seconds) outlasts the what-if job."""


class Heartbeat(LatencyHeartbeat):
    """bench/latency.py's heartbeat, every :data:`HEARTBEAT_MS`."""

    def __init__(self) -> None:
        super().__init__(HEARTBEAT_MS)


def busy(beat: Heartbeat) -> str:
    """The GUI thread's own share of the gaps (its CPU time): what the stalls would be with
    a core to itself, on a machine other work keeps busy."""
    return (f"GUI thread busy at most {beat.longest_busy_ms():.1f} ms between two ticks, "
            f"over 30 ms {sum(1 for b in beat.busy if b > 0.03)} times")


def spin(app: QApplication, until: object, limit: float = 300) -> None:
    deadline = time.perf_counter() + limit
    while not until() and time.perf_counter() < deadline:  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.0002)


def session_flow(app: QApplication, beat: Heartbeat, seeds: int, *, paced: bool,
                 job_on: bool = True, workers: int | None = None, pace_ms: int = 30) -> None:
    from consortium.ui.controller import GameController  # noqa: PLC0415 - after the QApplication
    from consortium.ui.kit.theme import Theme  # noqa: PLC0415
    from consortium.ui.shell.main_window import MainWindow  # noqa: PLC0415

    Theme().apply(app)
    # the window's own what-if, as the program runs it (ui/what_if_runner.py): started by the
    # controller when the game starts, held while the window redraws a change
    controller = GameController(pacing_ms=pace_ms if paced else 0,
                                what_if_seeds=seeds if job_on else 0, what_if_workers=workers)
    window = MainWindow(controller, lambda: dict(shipped_scenarios()), dual_screen=True)
    window.resize(800, 600)
    window.show()
    window.board.resize(1920, 1080)
    window.start_session(setup(3))
    runner = controller.what_if
    job = runner.job if runner is not None else None
    for _turn in range(20):  # the game screen is built and fitted to the board once
        app.processEvents()
    # the heartbeat counts from here: the stalls while the what-if is computed (building the
    # game screen and its first fit when a session starts, ~120 ms once, is the window's own)
    beat.restart()
    if not paced:
        controller.fast_forward()
    run_until_over(app, controller, limit=600)
    debrief = time.perf_counter()
    if job is None:
        print(f"  the same window and game without the what-if: heartbeat longest gap "
              f"{beat.longest_ms():.1f} ms, gaps over 50 ms: "
              f"{sum(1 for g in beat.gaps if g > 0.05)}; {busy(beat)}")
        beat.timer.stop()
        window.board.close()
        window.close()
        return
    assert runner is not None

    def shown() -> bool:
        return runner.result() is not None or runner.provisional() is not None

    spin(app, shown)  # the What if screen shows a band: provisional while the bots replay
    first_band = time.perf_counter()
    spin(app, lambda: job.done)
    ready = time.perf_counter()
    beat.timer.stop()  # the job is done: what comes after is not "while it is computed"
    result = job.result_for(controller.state)
    assert result is not None and result.group is not None, job.error
    game_s = debrief - (job.started_at or debrief)
    label = (f"paced {pace_ms} ms" if paced else "fast-forward") + (
        ", in a thread" if workers == 0 else f", {job.workers} worker process(es)")
    print(f"session flow ({label}): game {game_s:.1f} s, {len(controller.actions)} actions; "
          f"job took {(job.finished_at or 0) - (job.started_at or 0):.2f} s; "
          f"debrief opened → a band shown {max(0.0, first_band - debrief) * 1000:.0f} ms "
          f"(target < 1000 ms), the whole what-if {max(0.0, ready - debrief) * 1000:.0f} ms; "
          f"heartbeat ({HEARTBEAT_MS} ms) longest gap "
          f"{beat.longest_ms():.1f} ms (target < 50 ms), gaps over 50 ms: "
          f"{sum(1 for g in beat.gaps if g > 0.05)}; {busy(beat)}")
    beat.timer.stop()
    window.board.close()
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=100)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    scenario = shipped_scenarios()["cancer-care"]
    start = opening(scenario, bot_config(scenario, "balanced", 3, seats=6, rounds=4))
    runs = 6 * args.seeds

    started = time.perf_counter()
    what_if_result(start, seeds=args.seeds)
    straight = time.perf_counter() - started
    print(f"cold, straight through on one thread: {runs} runs in {straight:.2f} s "
          f"({straight / runs * 1000:.1f} ms a run)")

    beat = Heartbeat()
    for workers in (0, 1, 2):
        beat.restart()
        job = WhatIfJob(start, 1, args.seeds, workers=workers)
        spin(app, lambda: job.done)  # noqa: B023 - waited for here
        beat.timer.stop()
        took = (job.finished_at or 0) - (job.started_at or 0)
        how = "in a thread" if workers == 0 else f"{workers} worker process(es), spawned"
        print(f"cold, as a WhatIfJob ({how}) beside an idle Qt loop: {took:.2f} s; heartbeat "
              f"({HEARTBEAT_MS} ms) {len(beat.gaps)} ticks, longest gap "
              f"{beat.longest_ms():.1f} ms (target < 50 ms)")

    session_flow(app, beat, args.seeds, paced=True, job_on=False)
    session_flow(app, beat, args.seeds, paced=True, workers=0)
    session_flow(app, beat, args.seeds, paced=True)
    session_flow(app, beat, args.seeds, paced=False, job_on=False)
    session_flow(app, beat, args.seeds, paced=False)
    # a game that outlasts the job, as every real one does (a room takes 20 minutes or more
    # for what the bots play here in about ten seconds): the band is ready at game over
    session_flow(app, beat, args.seeds, paced=True, pace_ms=ROOM_LIKE_MS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
