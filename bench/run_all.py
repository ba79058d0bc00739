"""Every benchmark behind one command, as one table (issue 5).

    QT_QPA_PLATFORM=offscreen python bench/run_all.py [--runs 15] [--build] [--write]

- start-up to an interactive start screen: the source (``python -m consortium
  --exit-when-ready``), the packaged build (``dist/consortium/consortium --exit-when-ready``)
  and a bare PySide6 window (bench/bare_window.py), in alternating runs of the same session so
  all three meet the same machine noise;
- action latency over a scripted game (bench/latency.py);
- engine games per second (bench/engine_speed.py) and autosave and resume (bench/save_speed.py);
- peak memory (``ru_maxrss`` of a child process) after an 8-round, 8-seat game played to the
  debrief in the real window, against a bare PySide6 window;
- the packaged size: the onedir folder and its zip (built by packaging/build; ``--build`` runs
  it first).

Each figure is printed beside what it is compared with and its target; the targets are checked
here, by measurement, not by timed tests. ``--write`` puts the table, the date and the machine
in docs/performance.md. The benchmarks are subprocesses started with ``sys.executable``; the
memory child is this file with ``--child-game``.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import attrs

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = ROOT / "dist"
PACKAGED = DIST / "consortium" / ("consortium.exe" if os.name == "nt" else "consortium")
DOC = ROOT / "docs" / "performance.md"
MIB = 2**20


@attrs.frozen
class Row:
    """One line of the table."""

    measure: str
    result: str
    compared: str = ""
    ratio: str = ""
    target: str = ""
    met: bool | None = None  # None: no target, or not measured

    @property
    def verdict(self) -> str:
        return {True: "met", False: "**missed**", None: ""}[self.met]


def _env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}


def _run(command: Sequence[str], timeout: float = 600) -> str:
    done = subprocess.run(list(command), capture_output=True, text=True, env=_env(),
                          timeout=timeout, check=False, cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    return done.stdout


def _number(pattern: str, text: str) -> float:
    found = re.search(pattern, text)
    if found is None:
        raise LookupError(f"no {pattern!r} in:\n{text}")
    return float(found.group(1))


# --- start-up -------------------------------------------------------------------------------


def _timed(command: Sequence[str]) -> float:
    started = time.perf_counter()
    subprocess.run(list(command), check=True, capture_output=True, env=_env(), cwd=ROOT)
    return time.perf_counter() - started


def startup(runs: int, packaged: bool) -> list[Row]:
    commands: dict[str, list[str]] = {
        "bare": [sys.executable, str(HERE / "bare_window.py")],
        "source": [sys.executable, "-m", "consortium", "--exit-when-ready"],
    }
    if packaged:
        commands["packaged"] = [str(PACKAGED), "--exit-when-ready"]
    times: dict[str, list[float]] = {key: [] for key in commands}
    for command in commands.values():
        _timed(command)  # warm the file cache
    for _ in range(runs):
        for key, command in commands.items():
            times[key].append(_timed(command))
    median = {key: statistics.median(values) * 1000 for key, values in times.items()}

    def spread(key: str) -> str:
        return f"{min(times[key]) * 1000:.0f}–{max(times[key]) * 1000:.0f}"

    rows = [
        Row("Start-up, bare PySide6 window", f"{median['bare']:.0f} ms ({spread('bare')})"),
        Row("Start-up to the start screen, source", f"{median['source']:.0f} ms "
            f"({spread('source')})", f"bare window {median['bare']:.0f} ms",
            f"{median['source'] / median['bare']:.2f}×"),
    ]
    if packaged:
        ratio = median["packaged"] / median["source"]
        rows.append(Row("Start-up to the start screen, packaged",
                        f"{median['packaged']:.0f} ms ({spread('packaged')})",
                        f"source {median['source']:.0f} ms", f"{ratio:.2f}×",
                        "≤ 1.2× source", ratio <= 1.2))
    else:
        rows.append(Row("Start-up to the start screen, packaged", "not built"))
    return rows


# --- the existing benchmarks ----------------------------------------------------------------


LATENCY_RUNS = 3
"""Whole scripted games for the latency figures; the run with the middle p95 is reported.
A shared virtual machine has bursts in which the same work takes 20% longer (the engine's
baseline workload, timed back to back, ranged 104–123 ms on 2026-12-01); one game of ~70
actions has only ~4 actions above its p95, so one burst can move it by several ms."""


def latency() -> list[Row]:
    runs = []
    for _ in range(LATENCY_RUNS):
        out = _run([sys.executable, str(HERE / "latency.py")])
        runs.append((
            _number(r"p95 ([\d.]+) ms, max", out),
            _number(r"median ([\d.]+) ms", out),
            _number(r"fast-forward:.*longest gap ([\d.]+) ms", out),
        ))
    p95s = sorted(r[0] for r in runs)
    p95, median, gap = sorted(runs)[len(runs) // 2]
    spread = f"{p95s[0]:.1f}–{p95s[-1]:.1f}"
    return [
        Row("Action → end of the board's first paint, p95", f"{p95:.1f} ms "
            f"(median {median:.1f}; p95 of {LATENCY_RUNS} games {spread})",
            "scripted 4-round game", target="< 16 ms", met=p95 < 16),
        Row("Longest stall of a 1 ms timer during fast-forward", f"{gap:.1f} ms"),
    ]


def engine() -> list[Row]:
    # best of three passes per policy (engine_speed.py --repeat): a burst on a shared
    # machine only ever slows a pass down
    out = _run([sys.executable, str(HERE / "engine_speed.py"), "--seeds", "100",
                "--repeat", "3"])
    slowest = _number(r"slowest\s+([\d.]+)", out)
    base = _number(r"baseline workload: ([\d.]+) ms", out)
    return [Row("Engine: 4-round, 6-seat bot games/s, slowest policy", f"{slowest:.0f}",
                f"baseline workload {base:.0f} ms", target="≥ 300", met=slowest >= 300)]


def saving() -> list[Row]:
    script = HERE / "save_speed.py"
    if not script.exists():
        return [Row("Autosave and resume", "no bench/save_speed.py")]
    out = _run([sys.executable, str(script), "--games", "2"])
    full = _number(r"full save.*?mean\s+([\d.]+) ms", out)
    resume = _number(r"open newest save.*?mean\s+([\d.]+) ms", out)
    return [
        Row("Autosave per action (encode + durable write), mean", f"{full:.2f} ms",
            target="< 5 ms", met=full < 5),
        Row("Resume an 8-round, 8-seat game (read + replay)", f"{resume:.1f} ms",
            target="< 100 ms", met=resume < 100),
    ]


# --- memory ---------------------------------------------------------------------------------


def _peak_mib(command: Sequence[str]) -> float:
    """The child's peak resident set size, from the kernel's accounting at exit."""
    process = subprocess.Popen(list(command), stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, env=_env(), cwd=ROOT)
    assert process.stdout is not None
    process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode})")
    # ru_maxrss is in KiB on Linux, in bytes on macOS.
    return usage.ru_maxrss / (MIB if sys.platform == "darwin" else 1024)


def memory(packaged: bool) -> list[Row]:
    """The game against a bare window of the same size (1920×1080: the backing store alone
    is 8 MiB), and, for reference, bench/bare_window.py at Qt's default size."""
    if not hasattr(os, "wait4"):
        return [Row("Peak memory after an 8-round, 8-seat game", "not measured on Windows")]

    def peak(command: list[str]) -> float:
        return statistics.median(_peak_mib(command) for _ in range(3))

    game = peak([sys.executable, __file__, "--child-game"])
    bare = peak([sys.executable, __file__, "--child-bare"])
    small = peak([sys.executable, str(HERE / "bare_window.py")])
    ratio = game / bare
    rows = [
        Row("Peak memory, bare PySide6 window at 1920×1080", f"{bare:.0f} MiB",
            f"at the default size {small:.0f} MiB"),
        Row("Peak memory after an 8-round, 8-seat game and its debrief (source)",
            f"{game:.0f} MiB", f"bare window {bare:.0f} MiB", f"{ratio:.2f}×",
            "≤ 1.6× bare window", ratio <= 1.6),
    ]
    source = peak([sys.executable, "-m", "consortium", "--self-test"])
    if packaged:
        frozen = peak([str(PACKAGED), "--self-test"])
        rows.append(Row("Peak memory of --self-test (a 4-round game, every screen), packaged",
                        f"{frozen:.0f} MiB", f"source {source:.0f} MiB",
                        f"{frozen / source:.2f}×"))
    else:
        rows.append(Row("Peak memory of --self-test, source", f"{source:.0f} MiB"))
    return rows


def child_bare() -> int:
    """The memory baseline: a bare QMainWindow at the game's size, quit after its first
    paint."""
    from PySide6.QtCore import QTimer  # noqa: PLC0415 - the child only
    from PySide6.QtGui import QPaintEvent  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: PLC0415

    class Bare(QMainWindow):
        def paintEvent(self, event: QPaintEvent) -> None:
            super().paintEvent(event)
            QTimer.singleShot(0, QApplication.quit)

    app = QApplication(sys.argv[:1])
    window = Bare()
    window.resize(1920, 1080)
    window.show()
    return app.exec()


def child_game() -> int:
    """The memory child: the real window at 1920×1080 plays an 8-round, 8-seat bot game on
    the 90-minute plan (bots move with no pacing, each move redrawn), then the Reveal and
    the debrief; autosave goes to a temporary folder."""
    import tempfile  # noqa: PLC0415 - the child only

    from consortium.engine.simulate import bot_config  # noqa: PLC0415
    from consortium.engine.state import Phase  # noqa: PLC0415
    from consortium.play.records import SessionSetup  # noqa: PLC0415
    from consortium.store.paths import DataPaths  # noqa: PLC0415
    from consortium.store.scenarios import shipped_scenarios  # noqa: PLC0415
    from consortium.ui.shell.app import build  # noqa: PLC0415
    from consortium.ui.shell.setup_page import schedule_for  # noqa: PLC0415

    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as folder:
        paths = DataPaths(data=Path(folder, "data"), config=Path(folder, "config"),
                          portable=False)
        app, window = build(["--pacing", "0"], paths=paths)
        window.resize(1920, 1080)
        window.show()
        scenario = shipped_scenarios()["cancer-care"]
        config = attrs.evolve(bot_config(scenario, "balanced", 5, seats=8, rounds=8),
                              schedule=schedule_for("plan", 8))
        window.start_session(SessionSetup(scenario, config))
        controller = window.controller
        deadline = time.perf_counter() + 300
        while controller.view.phase is not Phase.GAME_OVER:
            if time.perf_counter() > deadline:
                print("the game did not end", file=sys.stderr)
                return 1
            app.processEvents()
        controller.reveal()
        _pump(0.3)
        print(f"{len(controller.actions)} actions")
        window.close()
        _pump(0.1)
    return 0


def _pump(seconds: float) -> None:
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        QApplication.processEvents()


# --- size -----------------------------------------------------------------------------------


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def size() -> list[Row]:
    folder = DIST / "consortium"
    if not folder.is_dir():
        return [Row("Packaged size", "not built (packaging/build, or --build)")]
    onedir = _folder_bytes(folder) / MIB
    zips = sorted(DIST.glob("consortium-*.zip"), key=lambda p: p.stat().st_mtime)
    linux = sys.platform.startswith("linux")
    rows = [Row("Packaged onedir folder", f"{onedir:.1f} MiB",
                target="≤ 140 MiB (Linux)", met=onedir <= 140 if linux else None)]
    if zips:
        zipped = zips[-1].stat().st_size / MIB
        rows.append(Row(f"Packaged zip ({zips[-1].name})", f"{zipped:.1f} MiB",
                        target="≤ 55 MiB (Linux)", met=zipped <= 55 if linux else None))
    return rows


# --- the table ------------------------------------------------------------------------------


def table(rows: Sequence[Row]) -> str:
    lines = ["| Measure | Result | Compared with | Ratio | Target | |",
             "|---|---|---|---|---|---|"]
    lines += [f"| {r.measure} | {r.result} | {r.compared} | {r.ratio} | {r.target} | "
              f"{r.verdict} |" for r in rows]
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(meminfo.read_text().split()[1])
        memory = f", {kib / 2**20:.1f} GiB RAM"
    try:
        from PySide6 import __version__ as pyside  # noqa: PLC0415
    except ImportError:
        pyside = "?"
    os_name = platform.platform(terse=True)
    release = Path("/etc/os-release")
    if release.exists():
        names = dict(line.split("=", 1) for line in release.read_text().splitlines() if "=" in line)
        os_name = names.get("PRETTY_NAME", os_name).strip('"')
    return (f"{cpu}, {os.cpu_count()} cores{memory}; {os_name}; Python "
            f"{platform.python_version()}, PySide6 {pyside}; Qt platform "
            f"{_env()['QT_QPA_PLATFORM']}")


def commit() -> str:
    git = shutil.which("git")
    if git is None:
        return "?"
    done = subprocess.run([git, "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True, cwd=ROOT, check=False)
    # the table's own file does not count: --write replaces it anyway
    dirty = subprocess.run([git, "status", "--porcelain", "--untracked-files=no", "--", ".",
                            f":!{DOC.relative_to(ROOT).as_posix()}"],
                           capture_output=True, text=True, cwd=ROOT, check=False)
    return done.stdout.strip() + (" (with local changes)" if dirty.stdout.strip() else "")


def _missed_note(rows: Sequence[Row]) -> str:
    missed = [r.measure for r in rows if r.met is False]
    if not missed:
        return ""
    return f"\nTargets missed in this run: {'; '.join(missed)}.\n"


KEPT = "\n## "
"""Sections of docs/performance.md after the generated part, measured by hand with their
own benchmarks (bench/what_if.py's GUI stall): ``--write`` keeps them as they are."""


def kept_sections() -> str:
    text = DOC.read_text("utf-8") if DOC.exists() else ""
    at = text.find(KEPT)
    return text[at:] if at >= 0 else ""


def document(rows: Sequence[Row], when: str, runs: int) -> str:
    return f"""# Performance

The latest figures from `bench/run_all.py` (issue 5), measured in one run on one machine.
Ratios against a bare PySide6 window measured in the same run are what to compare across
machines; absolute times depend on the machine.

- Date: {when}
- Machine: {machine()}
- Commit: {commit()}
- Command: `QT_QPA_PLATFORM=offscreen python bench/run_all.py --runs {runs} --write`
  (start-up medians of {runs} alternating runs each, min–max in brackets; peak memory the
  median of 3 children)

{table(rows)}
{_missed_note(rows)}
What is measured:

- *Start-up*: from starting the process to its exit after the first paint of the start screen
  (`--exit-when-ready`), or of a bare `QMainWindow` (bench/bare_window.py).
- *Action latency*: bench/latency.py, a 4-round, 6-seat game paced at 30 ms on the board at
  1920×1080, from an action's submission to the end of the board window's next repaint;
  three games, the one with the middle p95 reported.
- *Engine*: bench/engine_speed.py, 100 seeds per policy, best of three passes, the slowest
  policy. The target is
  an absolute rate, so it depends on the machine: the baseline beside it (a fixed pure-Python
  workload) says how fast this one was. The same kind of machine has run the baseline in
  73 ms on one day and in 106–109 ms on another; games/s × baseline seconds is the figure to
  compare across runs.
- *Autosave and resume*: bench/save_speed.py (two 8-round, 8-seat games, durable writes to
  the temporary folder).
- *Peak memory*: `ru_maxrss` of a child that opens the real window at 1920×1080, plays an
  8-round, 8-seat bot game on the 90-minute plan (every move redrawn), reveals and shows the
  debrief; against a bare `QMainWindow` of the same size that quits after its first paint
  (the size matters: its backing store alone is 8 MiB). Also `--self-test` from source and
  packaged: from source, PySide6's import hook reads the source of every module imported
  after it into `linecache` (`shibokensupport/feature.py`, `_mod_uses_pyside` calls
  `inspect.getsource`), several MiB that a packaged build, which ships no sources, does not
  hold.
- *Packaged size*: `dist/consortium/` (files, not symbolic links) and the zip from
  `packaging/build`; see packaging/README.md for what the spec trims.
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="start-up runs of each program")
    parser.add_argument("--build", action="store_true", help="run packaging/build first")
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    parser.add_argument("--only", action="append", metavar="PART",
                        help="run only this part (start-up, latency, engine, autosave, memory, "
                             "size); may be repeated; not with --write")
    parser.add_argument("--child-game", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child-bare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_game or args.child_bare:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return child_game() if args.child_game else child_bare()
    if args.build:
        subprocess.run([str(ROOT / "packaging" / "build")], check=True, cwd=ROOT)
    packaged = PACKAGED.exists()
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    rows: list[Row] = []
    parts: list[tuple[str, Callable[[], list[Row]]]] = [
        ("start-up", lambda: startup(args.runs, packaged)),
        ("action latency", latency),
        ("engine", engine),
        ("autosave and resume", saving),
        ("peak memory", lambda: memory(packaged)),
        ("packaged size", size),
    ]
    if args.only:
        if args.write:
            parser.error("--write needs the whole table; leave out --only")
        parts = [(n, p) for n, p in parts if any(o in n for o in args.only)]
        if not parts:
            parser.error(f"no part matches {', '.join(args.only)}")
    for name, part in parts:
        print(f"… {name}", file=sys.stderr, flush=True)
        rows.extend(part())
    print(f"{when} · {machine()}\n")
    print(table(rows))
    missed = [r.measure for r in rows if r.met is False]
    if args.write:
        DOC.write_text(document(rows, when, args.runs) + kept_sections(), "utf-8")
        print(f"\nwrote {DOC.relative_to(ROOT)}")
    if missed:
        print(f"\ntargets missed: {'; '.join(missed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
