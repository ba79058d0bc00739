"""Check GAME.md's ten calibration claims (rules v3) on every shipped scenario, print a table of
every claim, condition, margin and standard error, write it to docs/calibration.md, and exit
non-zero when one fails.

    python scripts/calibrate.py            # the CI subset: the base condition and two
                                           # one-step changes (every claim once)
    python scripts/calibrate.py --all      # every variation and the whole one-step grid
    python scripts/calibrate.py --all --scenario cancer-care --workers 2 --out -

"Holds" means every paired difference the claim makes exceeds 2 standard errors (and its
point conditions, such as the win band, are met); the margin is the smallest of them, in
standard errors. tests/engine/test_calibration.py asserts the same: the subset in every CI
run, the whole grid under the ``slow`` marker (``pytest -m slow``).
"""

from __future__ import annotations

import argparse
import datetime
import math
import os
import platform
import sys
import time
from pathlib import Path

from consortium.engine.calibration import FIGURES, Calibration, calibrate, ci_grid
from consortium.engine.scenario import Scenario
from consortium.store.scenarios import find_scenario, shipped_scenarios

MEANS = (
    ("impact", "impact", "{:.1f}"),
    ("won", "wins", "{:.0%}"),
    ("jointholism_index", "jointholism", "{:.3f}"),
    ("meeting_hours", "meeting h", "{:.1f}"),
    ("lost_present", "lost present", "{:.2f}"),
    ("early_progress_per_hour", "early progress/h", "{:.3f}"),
    ("burned_out", "burned out", "{:.2f}"),
    ("jointholism_flag", "jointholism flag", "{:.0%}"),
    ("concentration_flag", "concentration line", "{:.0%}"),
)
assert {key for key, _, _ in MEANS} == set(FIGURES)


MARKER = "<!-- Everything below is written by scripts/calibrate.py. -->"


def _margin(value: float) -> str:
    return "∞" if math.isinf(value) else f"{value:.1f}"


def section(cal: Calibration, *, full: bool) -> tuple[list[str], bool]:
    scenario = cal.scenario
    kind = "every variation and the one-step grid" if full else "the CI subset"
    lines = [
        f"## {scenario.title} (`{scenario.id}`, target {scenario.target:g}; {kind})",
        "",
        "Means in the base condition (6 bot seats, 4 rounds, seeds 0–199):",
        "",
        "| policy | " + " | ".join(title for _, title, _ in MEANS) + " |",
        "|---|" + "---:|" * len(MEANS),
    ]
    for name, figures in cal.means().items():
        cells = [fmt.format(figures[key]) for key, _, fmt in MEANS]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "| claim | condition | holds | margin (SE) | figures |",
        "|---|---|---|---:|---|",
    ]
    ok = True
    for condition, claim in cal.table():
        ok &= claim.holds
        mark = "yes" if claim.holds else "**NO**"
        lines.append(
            f"| {claim.number}. {claim.text} | {condition} | {mark} | {_margin(claim.margin)} "
            f"| {claim.detail} |"
        )
    return [*lines, ""], ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--all", action="store_true",
                        help="every variation and the whole one-step grid (a few minutes)")
    parser.add_argument("--scenario", action="append",
                        help="a shipped scenario id or a TOML path (default: every shipped one)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", default="docs/calibration.md",
                        help="where to write the table ('-' for nowhere)")
    args = parser.parse_args()
    scenarios: list[Scenario] = (
        [find_scenario(s) for s in args.scenario] if args.scenario
        else list(shipped_scenarios().values())
    )
    started = time.perf_counter()
    lines = [
        MARKER,
        "",
        "Written by `python scripts/calibrate.py" + (" --all" if args.all else "") + "`; do "
        "not edit below the marker by hand. Each claim is judged by paired differences over "
        "the same seeds that must exceed 2 standard errors (see "
        "`src/consortium/engine/calibration.py`); the margin is a claim's smallest difference "
        "in standard errors.",
        "",
        f"Generated {datetime.date.today().isoformat()} with Python "
        f"{platform.python_version()} in {{seconds}} s on {os.cpu_count()} cores.",
        "",
    ]
    all_ok = True
    for scenario in scenarios:
        cal = calibrate(scenario, all_=args.all, workers=args.workers,
                        grid=None if args.all else ci_grid(scenario))
        body, ok = section(cal, full=args.all)
        all_ok &= ok
        lines += body
        for condition, claim in cal.table():
            mark = "holds " if claim.holds else "FAILS "
            print(f"{scenario.id:<14} {claim.number:>2} {mark} {_margin(claim.margin):>6} SE  "
                  f"{condition}: {claim.detail}")
    seconds = time.perf_counter() - started
    print(f"{'all claims hold' if all_ok else 'SOME CLAIMS FAIL'} ({seconds:.0f} s)")
    if args.out != "-":
        out = Path(args.out)
        kept = out.read_text(encoding="utf-8").partition(MARKER)[0] if out.exists() else ""
        out.parent.mkdir(parents=True, exist_ok=True)
        text = "\n".join(lines).replace("{seconds}", f"{seconds:.0f}")
        out.write_text(kept + text, encoding="utf-8")
        print(f"wrote {out} (the hand-written part above the marker kept)")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
