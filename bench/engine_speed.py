"""Engine speed: complete 4-round, 6-seat bot games per second on one core, per policy.

    python bench/engine_speed.py [--seeds 200] [--scenario cancer-care] [--repeat 1]

Issue 2 asks for at least 300 games/s (1,000 is the mark to aim for), so the debrief's what-if
replays (100 seeds × policies) are ready in about a second on two cores. The figures are the
``seconds`` that ``consortium simulate`` reports (playing only, start-up excluded). A baseline
measured in the same run (a fixed pure-Python workload) is printed beside them, so figures
from different machines can be compared as ratios. ``--repeat N`` plays each policy's games
N times and reports the fastest pass (steadier on a machine that is not quite idle).
"""

from __future__ import annotations

import argparse
import time

from consortium.engine.bots import POLICIES
from consortium.engine.rng import Draws, Stream
from consortium.engine.summary import play_many
from consortium.store.scenarios import find_scenario


def baseline_seconds() -> float:
    """A fixed workload of seeded draws and small tuples: the machine's pure-Python pace."""
    started = time.perf_counter()
    draws = Draws(Stream(1))
    acc = 0
    for _ in range(200_000):
        acc += draws.below(6)
        _ = (acc, acc + 1, acc + 2)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=200)
    parser.add_argument("--scenario", default="cancer-care")
    parser.add_argument(
        "--repeat", type=int, default=1, help="passes per policy; the fastest is reported"
    )
    args = parser.parse_args()
    scenario = find_scenario(args.scenario)
    base = min(baseline_seconds() for _ in range(3))
    print(f"baseline workload: {base * 1000:.1f} ms (lower is a faster machine)")
    print(f"{'policy':<18} {'games/s':>8} {'x baseline':>11}")
    rates = []
    for name in POLICIES:
        best = float("inf")
        for _ in range(max(1, args.repeat)):
            started = time.perf_counter()
            for _ in play_many(scenario, name, args.seeds):
                pass
            best = min(best, time.perf_counter() - started)
        rate = args.seeds / best
        rates.append(rate)
        print(f"{name:<18} {rate:8.0f} {rate * base:11.2f}")
    print(f"{'slowest':<18} {min(rates):8.0f}   (target >= 300, aim 1000)")


if __name__ == "__main__":
    main()
