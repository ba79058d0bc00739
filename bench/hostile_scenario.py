"""Hostile scenario files and task sheets: time and peak memory to read each, and its verdict.

    python bench/hostile_scenario.py [--only NAME] [--unguarded]

Issue 10, defect 1: a top-level dotted key of 50,000 parts (``x.a.a.a…a = 1``) made
``tomllib`` quadratic, about a minute and gigabytes for a 100 KB file. The target: no file of
at most 1 MiB takes more than 2 s or 200 MB to read or refuse. Each file is written to a
temporary folder and read in a fresh interpreter (``sys.executable``) the way ``consortium
validate`` reads it (:func:`~consortium.store.scenarios.read_scenario_file`, or
:func:`~consortium.store.task_csv.read_tasks_csv_file` against the shipped scenario). The child
reports:

- *seconds*: the read, timed with ``perf_counter``;
- *RSS MB*: how far the read raised the child's peak resident set (``ru_maxrss`` after the
  read less before it; the interpreter and imports are not counted);
- *traced MB*: the peak of Python's own allocations during a second read under
  ``tracemalloc`` (slower, so not timed).

``--unguarded`` also times ``tomllib.loads`` alone on the 50,000-part key (the 0.1.0 path), in
a child capped at 4 GiB of address space and 180 s. The exit code is 1 if any file misses the
target or is not refused (or accepted) as expected; the test suite checks the verdicts, this
checks the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

MIB = 2**20
SECONDS_TARGET = 2.0
MB_TARGET = 200.0
CSV_HEAD = "id,title,text,effort,value,visible,latent\n"


@attrs.frozen
class Shape:
    name: str
    suffix: str  # ".toml" or ".csv"
    make: Callable[[], str]
    refused: bool | None = True  # None: either verdict is fine


def _fill(unit: str, head: str = "", tail: str = "") -> str:
    """``head`` + ``unit`` repeated + ``tail``, as close to 1 MiB as whole units get."""
    return head + unit * ((MIB - len(head) - len(tail)) // len(unit)) + tail


def _shipped() -> str:
    from consortium.resources import asset_path  # noqa: PLC0415 - the parent only

    return asset_path("scenarios", "cancer-care.toml").read_text("utf-8")


def _numbered(template: str, head: str = "", limit: int | None = None) -> str:
    """``head`` + ``template`` filled with 0, 1, 2, … up to 1 MiB (or ``limit`` copies)."""
    parts, size, index = [head], len(head.encode()), 0
    while limit is None or index < limit:
        part = template.format(index)
        if size + len(part.encode()) > MIB:
            break
        parts.append(part)
        size, index = size + len(part.encode()), index + 1
    return "".join(parts)


_TASK = (
    '[[tasks]]\nid = "t{}"\ntitle = "Task"\ntext = "A task."\neffort = 10\nvalue = 5\n'
    'visible = ["oncology"]\nlatent = []\n\n'
)


SHAPES: tuple[Shape, ...] = (
    Shape("shipped scenario (baseline)", ".toml", _shipped, refused=False),
    Shape(
        "dotted key, 50,000 parts (the issue's)", ".toml", lambda: "x" + ".a" * 50_000 + " = 1\n"
    ),
    Shape("dotted key, 1 MiB", ".toml", lambda: _fill(".a", "x", " = 1\n")),
    Shape("dotted key, quoted parts, 1 MiB", ".toml", lambda: _fill('."a"', "x", " = 1\n")),
    Shape("dotted key, spaced, 1 MiB", ".toml", lambda: _fill(" . a", "x", " = 1\n")),
    Shape("dotted table header, 1 MiB", ".toml", lambda: _fill(".a", "[x", "]\n")),
    Shape("dotted array-of-tables header, 1 MiB", ".toml", lambda: _fill(".a", "[[x", "]]\n")),
    Shape(
        "dotted key in an inline table, 1 MiB", ".toml", lambda: _fill("a.", "x = {", "b = 1}\n")
    ),
    Shape("11-part keys, many lines, 1 MiB", ".toml", lambda: _fill("a.a.a.a.a.a.a.a.a.a.a = 1\n")),
    Shape("one key of 1 MiB", ".toml", lambda: _fill("k", '"', '" = 1\n')),
    Shape("one line of numbers, 1 MiB", ".toml", lambda: _fill("1,", "x = [", "1]\n")),
    Shape("one line of texts, 1 MiB", ".toml", lambda: _fill('"a",', "x = [", '"a"]\n')),
    Shape(
        "a list of numbers over many lines, 1 MiB",
        ".toml",
        lambda: _fill("1,\n", "x = [\n", "1]\n"),
        refused=None,
    ),
    Shape(
        "texts, 1 MiB",
        ".toml",
        lambda: _fill('"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",\n', "x = [\n", "]\n"),
        refused=None,
    ),
    Shape("distinct keys, 1 MiB", ".toml", lambda: _numbered("k{} = 1\n")),
    Shape("distinct tables, 1 MiB", ".toml", lambda: _numbered("[t{}]\n")),
    Shape("array-of-tables entries, 1 MiB", ".toml", lambda: _fill("[[tasks]]\n")),
    Shape("nested arrays, 1 MiB", ".toml", lambda: _fill("[", "x = ")),
    Shape("a 1 MiB comment", ".toml", lambda: _fill("#", "", "\n"), refused=True),
    Shape("quote marks, 1 MiB", ".toml", lambda: _fill('"')),
    Shape("tasks up to 1 MiB", ".toml", lambda: _numbered(_TASK, _shipped() + "\n")),
    Shape(
        "1,500 tasks (the most the value limit lets in)",
        ".toml",
        lambda: _numbered(_TASK, _shipped() + "\n", limit=1_500),
        refused=None,
    ),
    Shape(
        "task sheet, 1 MiB of rows",
        ".csv",
        lambda: _numbered("t{},T,x,1,1,oncology\n", CSV_HEAD),
    ),
    Shape(
        "task sheet, one list cell of 1 MiB",
        ".csv",
        lambda: _fill("oncology;", CSV_HEAD + "t,T,x,1,1,", "\n"),
    ),
    Shape(
        "task sheet, 40,000 ids in a quoted cell",
        ".csv",
        lambda: CSV_HEAD + 't,T,x,1,1,"' + "a;\n" * 40_000 + '"\n',
    ),
    Shape("task sheet, 40,000 columns", ".csv", lambda: "id," * 40_000 + "\n"),
)


def child(path: str) -> int:
    """Read ``path`` as ``consortium validate`` would; print one JSON line of figures."""
    import resource  # noqa: PLC0415 - POSIX only, and the child only
    import tracemalloc  # noqa: PLC0415

    from consortium.engine.scenario_toml import ScenarioError  # noqa: PLC0415
    from consortium.store.scenarios import find_scenario, read_scenario_file  # noqa: PLC0415
    from consortium.store.task_csv import read_tasks_csv_file  # noqa: PLC0415

    base = find_scenario("cancer-care") if path.endswith(".csv") else None

    def read() -> str:
        try:
            if base is not None:
                read_tasks_csv_file(path, base)
            else:
                read_scenario_file(path)
        except ScenarioError as error:
            return f"refused: {error.problems[0]}"
        return "ok"

    scale = MIB if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, else KiB
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    verdict = read()
    seconds = time.perf_counter() - started
    rss = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * scale / 1e6
    tracemalloc.start()
    read()
    traced = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    print(json.dumps({"seconds": seconds, "rss": rss, "traced": traced, "verdict": verdict}))
    return 0


def unguarded_child(path: str) -> int:
    """``tomllib.loads`` alone, as 0.1.0 called it: seconds and peak RSS growth."""
    import resource  # noqa: PLC0415
    import tomllib  # noqa: PLC0415

    text = Path(path).read_text("utf-8")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    try:
        tomllib.loads(text)
        verdict = "parsed"
    except MemoryError:
        verdict = "out of memory (4 GiB cap)"
    seconds = time.perf_counter() - started
    rss = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024 / 1e6
    print(json.dumps({"seconds": seconds, "rss": rss, "traced": 0.0, "verdict": verdict}))
    return 0


def _cap_memory() -> None:
    import resource  # noqa: PLC0415

    resource.setrlimit(resource.RLIMIT_AS, (4 * 2**30, 4 * 2**30))


def measure(path: Path, *, unguarded: bool = False) -> dict[str, Any]:
    flag = "--unguarded-child" if unguarded else "--child"
    try:
        done = subprocess.run(
            [sys.executable, __file__, flag, str(path)],
            capture_output=True,
            text=True,
            timeout=180 if unguarded else 60,
            check=False,
            preexec_fn=_cap_memory if unguarded else None,  # the child has no threads yet
        )
    except subprocess.TimeoutExpired as timeout:
        return {
            "seconds": timeout.timeout,
            "rss": float("nan"),
            "traced": float("nan"),
            "verdict": "still parsing when stopped",
        }
    if done.returncode != 0:
        return {
            "seconds": float("nan"),
            "rss": float("nan"),
            "traced": float("nan"),
            "verdict": f"child failed: {done.stderr.strip().splitlines()[-1:]}",
        }
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", metavar="TEXT", help="only the shapes whose name has TEXT")
    parser.add_argument(
        "--unguarded",
        action="store_true",
        help="also time tomllib alone on the 50,000-part key (slow)",
    )
    parser.add_argument("--child", metavar="PATH", help=argparse.SUPPRESS)
    parser.add_argument("--unguarded-child", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args.child)
    if args.unguarded_child:
        return unguarded_child(args.unguarded_child)
    if sys.platform == "win32":
        print("needs the resource module (POSIX)", file=sys.stderr)
        return 2
    shapes = [s for s in SHAPES if args.only is None or args.only in s.name]
    missed: list[str] = []
    print(f"target: at most {SECONDS_TARGET:g} s and {MB_TARGET:g} MB for any file ≤ 1 MiB\n")
    print(f"{'file':<50} {'bytes':>9} {'seconds':>8} {'RSS MB':>7} {'traced MB':>9}  verdict")
    with tempfile.TemporaryDirectory() as folder:
        for index, shape in enumerate(shapes):
            path = Path(folder, f"shape{index}{shape.suffix}")
            path.write_text(shape.make(), "utf-8")
            size = path.stat().st_size
            figures = measure(path)
            seconds, rss = float(figures["seconds"]), float(figures["rss"])
            traced, verdict = float(figures["traced"]), str(figures["verdict"])
            print(
                f"{shape.name:<50} {size:>9,} {seconds:>8.3f} {rss:>7.1f} {traced:>9.1f}  "
                f"{verdict[:110]}"
            )
            within = seconds <= SECONDS_TARGET and rss <= MB_TARGET and traced <= MB_TARGET
            as_expected = shape.refused is None or verdict.startswith(
                "refused" if shape.refused else "ok"
            )
            if size > MIB or not within or not as_expected:
                missed.append(shape.name)
        if args.unguarded:
            path = Path(folder, "unguarded.toml")
            path.write_text(SHAPES[1].make(), "utf-8")
            figures = measure(path, unguarded=True)
            print(
                f"\n0.1.0's path, tomllib.loads alone on {SHAPES[1].name}: "
                f"{float(figures['seconds']):.1f} s, "
                f"RSS +{float(figures['rss']):.0f} MB, {figures['verdict']}"
            )
    if missed:
        print(f"\nmissed the target or the expected verdict: {'; '.join(missed)}")
        return 1
    print("\nevery file within the target, with the expected verdict")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
