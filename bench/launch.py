"""Launch to an interactive start screen, against a bare PySide6 window, side by side.

    QT_QPA_PLATFORM=offscreen python bench/launch.py [runs]
    xvfb-run -a -s "-screen 0 1920x1080x24" python bench/launch.py

Each run starts a fresh interpreter (``sys.executable``): ``-m consortium --exit-when-ready``
quits once the start screen has painted; ``bench/bare_window.py`` quits once a bare
QMainWindow has painted. Runs alternate so both meet the same machine noise. Prints medians,
the ratio (issue 11's target: at most 1.5×) and the spread. On a busy machine run it twice:
contention stretches the longer process more than the shorter one.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True,
                   env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM",
                                                                        "offscreen")})
    return time.perf_counter() - started


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    game = [sys.executable, "-m", "consortium", "--exit-when-ready"]
    bare = [sys.executable, str(HERE / "bare_window.py")]
    timed(game)  # warm the file cache
    timed(bare)
    ours: list[float] = []
    base: list[float] = []
    for _ in range(runs):
        ours.append(timed(game))
        base.append(timed(bare))
    mo, mb = statistics.median(ours), statistics.median(base)
    platform = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    print(f"platform {platform}, {runs} runs each, medians (min–max):")
    print(f"  bare PySide6 window   {mb * 1000:7.1f} ms ({min(base) * 1000:.0f}–"
          f"{max(base) * 1000:.0f})")
    print(f"  consortium start      {mo * 1000:7.1f} ms ({min(ours) * 1000:.0f}–"
          f"{max(ours) * 1000:.0f})")
    print(f"  ratio                 {mo / mb:7.2f}×  (target ≤ 1.5×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
