"""Write docs/calibration.md: each policy's figures on every shipped scenario (6 bot seats,
200 seeds) and whether each of GAME.md's calibration claims holds.

    python scripts/calibrate.py            # rewrite docs/calibration.md
    python scripts/calibrate.py --seeds 400
"""

from __future__ import annotations

import argparse
import datetime
import platform
from pathlib import Path

from consortium.engine.calibration import Calibration, calibrate
from consortium.store.scenarios import shipped_scenarios

COLUMNS = (
    ("impact", "impact", "{:.1f}"),
    ("impact_p60", "p60", "{:.1f}"),
    ("win_rate", "wins", "{:.0%}"),
    ("jointholism_index", "jointholism", "{:.3f}"),
    ("empty_talk_hours", "empty talk h", "{:.1f}"),
    ("alignophilia_index", "alignophilia", "{:.3f}"),
    ("lost_perspectives_present", "lost present", "{:.2f}"),
    ("lost_perspectives_absent", "lost absent", "{:.2f}"),
    ("excluded_perspectives", "excluded", "{:.2f}"),
    ("meeting_hours", "meeting h", "{:.1f}"),
    ("mismatch_hours", "mismatch h", "{:.1f}"),
    ("burned_out", "burned out", "{:.2f}"),
    ("early_progress_per_hour", "early progress/h", "{:.3f}"),
)


def section(cal: Calibration) -> list[str]:
    lines = [
        f"## {cal.scenario} (target {cal.target:g}, {cal.seeds} seeds, 6 bot seats)",
        "",
        "| policy | " + " | ".join(title for _, title, _ in COLUMNS) + " |",
        "|---|" + "---:|" * len(COLUMNS),
    ]
    for name, figures in cal.policies.items():
        cells = [fmt.format(figures[key]) for key, _, fmt in COLUMNS]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += ["", "| claim | holds | figures |", "|---|---|---|"]
    for claim in cal.claims():
        mark = "yes" if claim.holds else "**NO**"
        lines.append(f"| {claim.number}. {claim.text} | {mark} | {claim.detail} |")
    return [*lines, ""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=200)
    parser.add_argument("--out", type=Path, default=Path("docs/calibration.md"))
    args = parser.parse_args()
    lines = [
        "# Calibration",
        "",
        "Written by `python scripts/calibrate.py`; do not edit by hand. Means over seeds "
        "0..N−1 of bot-only games (`consortium simulate`), with GAME.md's six calibration "
        "claims checked on each shipped scenario. `tests/engine/test_calibration.py` asserts "
        "the same claims in CI.",
        "",
        f"Generated {datetime.date.today().isoformat()} with Python "
        f"{platform.python_version()}.",
        "",
    ]
    for scenario in shipped_scenarios().values():
        lines += section(calibrate(scenario, args.seeds))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
