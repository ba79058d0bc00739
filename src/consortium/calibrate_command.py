"""``consortium calibrate SCENARIO [--all] [--workers N] [--seeds N] [--json]``: does a
trainer's scenario teach what the game is for?

Plays the calibration claims (docs/calibration.md) with bots on the scenario — by default the
quick check, every claim once (the subset CI runs: about half a minute on a 2-core laptop);
``--all`` every variation and the whole one-step grid — with progress on stderr, then says on
stdout, in plain words, which claims hold and, for each that fails, the likely cause and the
key to change. ``--json`` prints one object instead (every claim, whether it holds, its
margin, failing comparisons, causes with their figures and keys).

Exit codes: 0 every claim holds, 1 a claim fails, 2 the scenario or an option is wrong (a
file's problems are listed as ``consortium validate`` lists them, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import textwrap
from typing import Any

from consortium.engine.calibration_causes import Cause, Diagnosis
from consortium.engine.scenario_toml import ScenarioError
from consortium.play.calibrate_job import CalibrationJob
from consortium.present import calibrate_words as words
from consortium.present.i18n import _, ngettext
from consortium.present.numbers import percent
from consortium.present.problem_words import problem_text
from consortium.store.codec import printable
from consortium.store.scenarios import find_scenario

EXIT_FAILS = 1
EXIT_PROBLEM = 2
MAX_SEEDS = 10_000


def calibrate_command(args: argparse.Namespace) -> int:
    problems = []
    if not 2 <= args.seeds <= MAX_SEEDS:
        problems.append(_("--seeds must be from 2 to {high}").format(high=f"{MAX_SEEDS:,}"))
    if args.workers is not None and not 0 <= args.workers <= 64:
        problems.append(_("--workers must be from 0 (no worker processes) to 64"))
    if problems:
        for text in problems:
            print(f"consortium calibrate: {text}", file=sys.stderr)
        return EXIT_PROBLEM
    try:
        scenario = find_scenario(args.scenario)
    except ScenarioError as error:
        for problem in error.problems:
            print(f"{printable(args.scenario)}: {problem_text(problem)}", file=sys.stderr)
        print(_("consortium calibrate: {scenario} cannot be checked; `consortium validate "
                "{scenario}` lists its problems too").format(scenario=printable(args.scenario)),
              file=sys.stderr)
        return EXIT_PROBLEM
    progress = _Progress()
    job = CalibrationJob(scenario, full=args.full, seeds=args.seeds, workers=args.workers,
                         on_progress=progress.show, start=False)
    print(_("Checking “{title}”: {games} bot games…").format(
        title=scenario.title, games=f"{job.games_total:,}"), file=sys.stderr)
    job.start()
    try:
        job.wait()
    except KeyboardInterrupt:
        job.cancel()
        job.wait(5)
        progress.end()
        print(_("consortium calibrate: stopped"), file=sys.stderr)
        return 130
    progress.end()
    if job.diagnosis is None:
        print(_("consortium calibrate: the check failed: {error}").format(
            error=printable(repr(job.error))), file=sys.stderr)
        return EXIT_PROBLEM
    if args.json:
        print(json.dumps(diagnosis_tree(job.diagnosis, job.seconds), ensure_ascii=False,
                         allow_nan=False, sort_keys=True))
    else:
        print("\n".join(_wrapped(words.report_lines(job.diagnosis, job.seconds))))
    return 0 if job.diagnosis.holds else EXIT_FAILS


class _Progress:
    """Progress on stderr: one line redrawn on a terminal, a line every tenth otherwise (a
    log keeps a few lines, not thousands)."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.shown = -1

    def show(self, job: CalibrationJob) -> None:
        share = job.progress()
        step = int(share * 10)
        line = ngettext("{done} of {total} game ({share})", "{done} of {total} games ({share})",
                        job.games_total).format(done=str(job.games_done),
                                                total=str(job.games_total),
                                                share=percent(share))
        if self.tty:
            print(f"\r{line}", end="", file=sys.stderr, flush=True)
        elif step > self.shown:
            self.shown = step
            print(line, file=sys.stderr, flush=True)

    def end(self) -> None:
        if self.tty:
            print(file=sys.stderr)


def _wrapped(lines: list[str], width: int = 100) -> list[str]:
    """Each line wrapped for a terminal, its continuation indented under its text."""
    out = []
    for line in lines:
        indent = " " * (len(line) - len(line.lstrip()))
        hang = indent + ("  " if line.lstrip()[:1] in (words.HOLDS, words.FAILS) else "    ")
        out += textwrap.wrap(line, width, initial_indent="", subsequent_indent=hang,
                             break_on_hyphens=False) or [""]
    return out


def _margin(value: float) -> float | None:
    return None if math.isinf(value) else round(value, 2)


def _cause(cause: Cause) -> dict[str, Any]:
    return {
        "code": cause.code,
        "text": words.cause_text(cause),
        "keys": [{"key": k.place, "change": k.change} for k in cause.keys],
        "figures": dict(cause.figures),
    }


def diagnosis_tree(diagnosis: Diagnosis, seconds: float) -> dict[str, Any]:
    """The diagnosis as plain JSON data. A margin is in standard errors (``null``: no noise
    at all, as when a figure is the same in every game)."""
    return {
        "scenario": diagnosis.scenario_id,
        "title": diagnosis.title,
        "target": diagnosis.target,
        "all": diagnosis.full,
        "seeds": diagnosis.seeds,
        "games": diagnosis.games,
        "seconds": round(seconds, 2),
        "holds": diagnosis.holds,
        "claims": [
            {
                "number": v.number,
                "statement": words.statement(v.number),
                "holds": v.holds,
                "margin": _margin(v.margin),
                "conditions": list(v.conditions),
                "failing": [{"condition": p.condition, "what": p.what,
                             "margin": None if p.margin is None else _margin(p.margin)}
                            for p in v.failing],
                "causes": [_cause(c) for c in v.causes],
            }
            for v in diagnosis.verdicts
        ],
    }
