#!/usr/bin/env python
"""Rewrite the golden playthroughs in tests/golden/<name>.json.

Run this only when a change of rules, bots or a scenario is *intended* to change how the
fixed games go; review the diff (``git diff tests/golden``) and commit it with that change.
Otherwise a failing tests/golden/test_golden.py is a regression to fix, not to regenerate.

    python scripts/regenerate_golden.py            # rewrite every case
    python scripts/regenerate_golden.py --check    # only report which files would change
    python scripts/regenerate_golden.py builders-hybrid cancer-care-choose

A shipped scenario that does not load is reported and its files are left as they are.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.golden.playthrough and tests.engine.builders

from tests.golden.playthrough import (  # noqa: E402
    CASES,
    GOLDEN_DIR,
    dumps,
    load_scenario,
    path_of,
    record,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="cases to rewrite (default: all)")
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if any file would change"
    )
    args = parser.parse_args(argv)
    known = {case.name for case in CASES}
    unknown = sorted(set(args.names) - known)
    if unknown:
        parser.error(f"unknown case(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    changed = 0
    for case in CASES:
        if args.names and case.name not in args.names:
            continue
        try:
            scenario = load_scenario(case.scenario)
        except Exception as error:  # a scenario being edited may not load; keep its files
            print(f"skipped  {case.name}: scenario {case.scenario!r} does not load ({error})")
            continue
        path = path_of(case.name)
        text = dumps(record(case, scenario))
        old = path.read_text(encoding="utf-8") if path.exists() else None
        status = "same    " if old == text else ("new     " if old is None else "changed ")
        changed += old != text
        if old != text and not args.check:
            path.write_text(text, encoding="utf-8")
        print(f"{status} {path.relative_to(ROOT)}")
    if not args.names:
        for stale in sorted(set(GOLDEN_DIR.glob("*.json")) - {path_of(n) for n in known}):
            changed += 1
            if not args.check:
                stale.unlink()
            print(f"stale    {stale.relative_to(ROOT)}{'' if args.check else ' (removed)'}")
    if args.check:
        print(f"{changed} file(s) would change" if changed else "all golden files are current")
        return 1 if changed else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
