"""The ``consortium`` command line: the game window, and headless tools for trainers and
calibration (simulate many bot games, validate a scenario file).

Every failure a user can cause (a bad path, a broken scenario, a bad number) ends in a plain
message and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from consortium import __version__
from consortium.present.i18n import _, ngettext, use_language_from_environment
from consortium.present.numbers import decimal

if TYPE_CHECKING:
    from consortium.engine.scenario import Scenario

EXIT_PROBLEM = 2
DEFAULT_SCENARIO = "cancer-care"


class _Policies:
    """The policy names for ``--policy``, looked up only when a command needs them, so that
    opening the window does not import the engine's bots (launch time, bench/launch.py)."""

    def _names(self) -> list[str]:
        from consortium.engine.bots import POLICIES  # noqa: PLC0415 - see the class docstring

        return sorted(POLICIES)

    def __contains__(self, name: object) -> bool:
        return name in self._names()

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())


def _parser() -> argparse.ArgumentParser:
    from consortium.engine.setup import ROUNDS, SEATS, TURNOVER  # noqa: PLC0415 - not at launch

    parser = argparse.ArgumentParser(
        prog="consortium",
        description=_("Consortium: a workshop game about organizing work when no one is in "
                      "charge."),
    )
    parser.add_argument("--version", action="version", version=f"consortium {__version__}")
    parser.add_argument(
        "--exit-when-ready",
        action="store_true",
        help=_("open the window and quit as soon as the start screen is interactive (timing)"),
    )
    parser.add_argument(
        "--portable",
        action="store_true",
        help=_("keep settings and saved sessions next to the program (a USB stick)"),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=_("check this copy headless (assets, a bot game per mode, every screen, a save) "
               "and exit 0 only if all of it works"),
    )
    commands = parser.add_subparsers(dest="command")

    sim = commands.add_parser(
        "simulate",
        help=_("play many bot-only games and print the means; with --from, what if a saved "
               "game's deal had been played the other way"),
    )
    sim.add_argument("--scenario",
                     help=_("a shipped scenario id or a path (default cancer-care)"))
    sim.add_argument(
        "--policy", choices=_Policies(), metavar="POLICY",
        help=_("the bots' policy (a wrong name lists them all); with --from, only this one "
               "instead of the six main ones"),
    )
    sim.add_argument(
        "--from", dest="source", metavar="SAVE",
        help=_("what if: bots replay this saved game's deal under every main policy "
               "(.consortium or .json; an unfinished game too)"),
    )
    sim.add_argument(
        "--round", type=int, default=1, metavar="N",
        help=_("with --from: replay from the start of round N, the rounds before as played "
               "(default 1: the deal alone)"),
    )
    sim.add_argument("--seeds", type=int, default=100,
                     help=_("games to play (default 100); with --from, replays per policy"))
    sim.add_argument(
        "--seed-start", type=int, metavar="N",
        help=_("the first seed: games play seeds N..N+SEEDS-1 (default 0)"),
    )
    sim.add_argument("--rounds", type=int,
                     help=_("rounds per game ({low}-{high}; scenario default)").format(
                         low=ROUNDS.low, high=ROUNDS.high))
    sim.add_argument("--turnover", type=float,
                     help=_("{low}-{high} (scenario default)").format(  # typed: a point
                         low=f"{TURNOVER.low:g}", high=f"{TURNOVER.high:g}"))
    sim.add_argument("--seats", type=int,
                     help=_("{low}-{high} bot seats (default 6)").format(
                         low=SEATS.low, high=SEATS.high))
    sim.add_argument("--json", action="store_true", help=_("print one JSON object"))

    val = commands.add_parser(
        "validate",
        help=_("check a scenario (.toml), a tasks spreadsheet (.csv) or a save and list every "
               "problem"),
    )
    val.add_argument("path", help=_("the file to check: .toml, .csv, .consortium or .json"))
    val.add_argument(
        "--scenario",
        metavar="NAME_OR_PATH",
        help=_("for a .csv: the scenario whose domains the tasks must name, a shipped "
               "scenario id or a path (default cancer-care)"),
    )
    cal = commands.add_parser(
        "calibrate",
        help=_("check that a scenario teaches what the game is for: run the calibration "
               "claims with bots and say which hold and, for each that fails, the likely cause "
               "and the key to change"),
    )
    cal.add_argument("scenario", metavar="SCENARIO",
                     help=_("a scenario file (.toml) or a shipped scenario id"))
    cal.add_argument("--all", dest="full", action="store_true",
                     help=_("every variation and every one-step rule change (several times "
                            "longer) instead of the quick check (every claim once)"))
    cal.add_argument("--workers", type=int, metavar="N",
                     help=_("worker processes (default: the cores but one, 1 to 4)"))
    cal.add_argument("--seeds", type=int, default=200, metavar="N",
                     help=_("bot games per comparison (default 200, as the claims are "
                            "stated; fewer for a rough first look)"))
    cal.add_argument("--json", action="store_true",
                     help=_("print one JSON object: every claim, whether it holds, its margin, "
                            "causes and keys"))
    hands = commands.add_parser(
        "print-hands",
        help=_("write the printed hands of a saved session as a PDF: a sheet per seat and the "
               "numbered newcomer envelopes"),
    )
    hands.add_argument("save", help=_("the session's save (.consortium or .json)"))
    hands.add_argument("--pdf", required=True, metavar="OUT.pdf", help=_("the PDF to write"))
    report = commands.add_parser(
        "report",
        help=_("write the report of a finished session to take home: a PDF, the figures as "
               "CSV and, if asked, a one-page handout of the group's agreement"),
    )
    report.add_argument("save", help=_("the session's save (.consortium or .json)"))
    report.add_argument("--pdf", required=True, metavar="OUT.pdf",
                        help=_("the report to write"))
    report.add_argument(
        "--csv", required=True, metavar="OUT.csv",
        help=_("the rounds table to write; the participants table goes beside it as "
               "OUT-participants.csv"))
    report.add_argument("--handout", metavar="OUT.pdf",
                        help=_("also write the one-page handout of the agreement"))
    report.add_argument("--seeds", type=int, default=100, metavar="N",
                        help=_("bot replays per way of organizing for the what-if page "
                               "(0: leave the what-if out; default 100)"))
    compare = commands.add_parser(
        "compare",
        help=_("compare finished sessions side by side (the tables of one room): modes, "
               "impact, the two indices, lost and excluded perspectives and the what-if; "
               "tables of the same table code together"),
    )
    compare.add_argument("saves", nargs="+", metavar="SAVE",
                         help=_("saves (.consortium or .json) or folders of them"))
    compare.add_argument("--pdf", metavar="OUT.pdf", help=_("also write the comparison as a PDF"))
    compare.add_argument("--csv", metavar="OUT.csv",
                         help=_("also write a row per table as CSV"))
    compare.add_argument("--seeds", type=int, default=100, metavar="N",
                         help=_("bot replays per way of organizing in the what-if (default "
                                "100); a what-if stored in a save with another number is "
                                "worked out again"))
    compare.add_argument("--no-what-if", action="store_true",
                         help=_("show only the what-ifs stored in the saves; work out none"))
    return parser


def _compare(args: argparse.Namespace) -> int:
    """``consortium compare SAVE... [--pdf OUT.pdf] [--csv OUT.csv]``: the tables side by
    side on stdout, the files that could not be compared listed; exit 0 when at least one
    table was compared, else 2."""
    import os  # noqa: PLC0415 - lazy: launch
    from pathlib import Path  # noqa: PLC0415

    from consortium.present.compare_data import (  # noqa: PLC0415
        missing_what_ifs,
        read_comparison,
        text_table,
        with_what_if,
    )
    from consortium.store.codec import printable  # noqa: PLC0415

    if args.seeds < 1:
        print(_("consortium compare: --seeds must be at least 1"), file=sys.stderr)
        return EXIT_PROBLEM
    comparison = read_comparison(args.saves, seeds=args.seeds)
    missing = missing_what_ifs(comparison)
    if missing and not args.no_what_if:
        from consortium.play.what_if import WhatIfJob  # noqa: PLC0415

        print(ngettext("Working out the what-if of {count} deal (bots, {seeds} replays per "
                       "way)…", "Working out the what-if of {count} deals (bots, {seeds} "
                       "replays per way)…", len(missing)).format(count=len(missing),
                                                                  seeds=args.seeds),
              file=sys.stderr)
        found = {}
        for code, loaded in missing.items():
            job = WhatIfJob(loaded, 1, args.seeds)
            job.wait()
            if job.result is not None:
                found[code] = job.result
        comparison = with_what_if(comparison, found)
    print(printable(text_table(comparison)))
    if not comparison.rows:
        print(_("consortium compare: no finished game to compare"), file=sys.stderr)
        return EXIT_PROBLEM
    if args.pdf or args.csv:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtGui import QGuiApplication  # noqa: PLC0415 - only when drawing

        from consortium.ui.shell.compare_files import (  # noqa: PLC0415
            write_compare_csv,
            write_compare_pdf,
        )

        app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
        target = args.pdf or args.csv
        try:
            if args.pdf:
                pages = write_compare_pdf(Path(args.pdf), comparison)
                print(ngettext("{path}: {pages} page", "{path}: {pages} pages", pages).format(
                    path=args.pdf, pages=pages))
            if args.csv:
                target = args.csv
                write_compare_csv(Path(args.csv), comparison)
                print(args.csv)
        except OSError as error:
            print(f"{target}: {printable(error.strerror or str(error))}", file=sys.stderr)
            return EXIT_PROBLEM
        del app
    return 0


def _print_hands(args: argparse.Namespace) -> int:
    """``consortium print-hands SAVE --pdf OUT.pdf``: the sheets of docs/printed-hands.md,
    headless (Qt draws the PDF on the offscreen platform)."""
    import os  # noqa: PLC0415 - lazy: launch
    from pathlib import Path  # noqa: PLC0415

    from consortium.present.problem_words import problem_text  # noqa: PLC0415
    from consortium.store.codec import printable  # noqa: PLC0415
    from consortium.store.save_file import SaveError  # noqa: PLC0415
    from consortium.store.save_load import read_save_file  # noqa: PLC0415

    try:
        loaded = read_save_file(args.save)
    except SaveError as error:
        for problem in error.problems:
            print(f"{args.save}: {problem_text(problem)}")
        return EXIT_PROBLEM
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415 - only this command draws

    from consortium.ui.shell.print_hands import write_hands  # noqa: PLC0415

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    try:
        drawn = write_hands(Path(args.pdf), loaded.history.start)
    except OSError as error:
        print(f"{args.pdf}: {printable(str(error))}", file=sys.stderr)
        return EXIT_PROBLEM
    del app
    print(ngettext("{path}: {pages} page", "{path}: {pages} pages", len(drawn)).format(
        path=args.pdf, pages=len(drawn)))
    return 0


def _report(args: argparse.Namespace) -> int:
    """``consortium report SAVE --pdf OUT.pdf --csv OUT.csv [--handout OUT.pdf]``: the
    report of a finished game, headless. A game still in play gets one line on stderr and
    exit 2, never a half report."""
    import os  # noqa: PLC0415 - lazy: launch
    from pathlib import Path  # noqa: PLC0415

    from consortium.present.problem_words import problem_text  # noqa: PLC0415
    from consortium.present.report_data import GameNotOver, report_from_save  # noqa: PLC0415
    from consortium.store.codec import printable  # noqa: PLC0415
    from consortium.store.save_file import SaveError  # noqa: PLC0415
    from consortium.store.save_load import read_save_file  # noqa: PLC0415

    try:
        loaded = read_save_file(args.save)
    except SaveError as error:
        for problem in error.problems:
            print(f"{args.save}: {problem_text(problem)}", file=sys.stderr)
        return EXIT_PROBLEM
    what_if = None
    if args.seeds > 0 and (loaded.state.over or loaded.room.ended_early):
        from consortium.play.what_if import WhatIfJob  # noqa: PLC0415

        job = WhatIfJob(loaded, 1, args.seeds)  # the band of the report: bots, not people
        job.wait()
        what_if = job.result_for(loaded.state)
    try:
        report = report_from_save(loaded, what_if_result=what_if)
    except GameNotOver:
        print(_("{path}: the game is not over (round {round} of {rounds}); a report is made "
                "once it has ended").format(path=printable(str(args.save)),
                                             round=loaded.header.round,
                                             rounds=loaded.header.rounds), file=sys.stderr)
        return EXIT_PROBLEM
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415 - only this command draws

    from consortium.ui.shell.report import (  # noqa: PLC0415
        write_handout_pdf,
        write_report_csv,
        write_report_pdf,
    )

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    if what_if is not None:
        import attrs  # noqa: PLC0415 - lazy: launch

        from consortium.ui.board.what_if_band import WhatIfPicture  # noqa: PLC0415

        report = attrs.evolve(report, what_if=WhatIfPicture(what_if))
    target = args.pdf
    try:
        pages = write_report_pdf(Path(args.pdf), report)
        target = args.csv
        tables = write_report_csv(Path(args.csv), report)
        if args.handout:
            target = args.handout
            write_handout_pdf(Path(args.handout), report)
    except OSError as error:
        print(f"{target}: {printable(error.strerror or str(error))}", file=sys.stderr)
        return EXIT_PROBLEM
    del app
    print(ngettext("{path}: {pages} page", "{path}: {pages} pages", pages).format(
        path=args.pdf, pages=pages))
    for table in tables:
        print(table)
    if args.handout:
        print(args.handout)
    return 0


def _simulate(args: argparse.Namespace) -> int:
    from consortium.engine.scenario_toml import ScenarioError  # noqa: PLC0415 - lazy: launch
    from consortium.engine.setup import ROUNDS, SEATS, TURNOVER  # noqa: PLC0415
    from consortium.engine.summary import SUMMARY_KEYS, play_many, summarise  # noqa: PLC0415
    from consortium.present.problem_words import problem_text  # noqa: PLC0415
    from consortium.store.scenarios import find_scenario  # noqa: PLC0415

    if args.source is not None:
        return _what_if(args)
    if args.policy is None:
        print(_("consortium simulate: --policy is required (or --from SAVE for a what-if)"),
              file=sys.stderr)
        return EXIT_PROBLEM
    if args.round != 1:
        print(_("consortium simulate: --round applies only with --from SAVE"), file=sys.stderr)
        return EXIT_PROBLEM
    args.scenario = args.scenario or DEFAULT_SCENARIO
    args.seats = 6 if args.seats is None else args.seats
    args.seed_start = 0 if args.seed_start is None else args.seed_start
    problems = []
    if args.seeds < 1:
        problems.append(_("--seeds must be at least 1"))
    if not 0 <= args.seed_start < 2**63:
        problems.append(_("--seed-start must be a whole number from 0 to 2**63 - 1"))
    if args.rounds is not None and not ROUNDS.allows(args.rounds):
        problems.append(_("--rounds must be from {low} to {high}").format(
            low=ROUNDS.low, high=ROUNDS.high))
    if args.turnover is not None and not TURNOVER.allows(args.turnover):
        # the bounds as the option is typed (Python reads "0.5", never "0,5"): not numbers.plain
        problems.append(_("--turnover must be from {low} to {high}").format(
            low=f"{TURNOVER.low:g}", high=f"{TURNOVER.high:g}"))
    if not SEATS.allows(args.seats):
        problems.append(_("--seats must be from {low} to {high}").format(
            low=SEATS.low, high=SEATS.high))
    if problems:
        for p in problems:
            print(f"consortium simulate: {p}", file=sys.stderr)
        return EXIT_PROBLEM
    try:
        scenario = find_scenario(args.scenario)
    except ScenarioError as error:
        for problem in error.problems:
            print(f"{args.scenario}: {problem_text(problem)}", file=sys.stderr)
        return EXIT_PROBLEM
    started = time.perf_counter()
    games = list(
        play_many(
            scenario, args.policy, args.seeds,
            rounds=args.rounds, turnover=args.turnover, seats=args.seats,
            seed_start=args.seed_start,
        )
    )
    seconds = time.perf_counter() - started
    summary: dict[str, float | str] = {"scenario": scenario.id, "policy": args.policy}
    summary.update(summarise(games))
    summary["seeds_from"] = args.seed_start
    summary["seconds"] = round(seconds, 4)
    if args.json:
        import json  # noqa: PLC0415 - not at launch

        print(json.dumps(summary, sort_keys=True))
        return 0
    last = args.seed_start + len(games) - 1
    print(ngettext("{scenario}: {policy}, {count} game (seeds {first}–{last}) in {seconds} s",
                   "{scenario}: {policy}, {count} games (seeds {first}–{last}) in {seconds} s",
                   len(games)).format(
        scenario=scenario.title, policy=args.policy, count=len(games), first=args.seed_start,
        last=last, seconds=decimal(seconds, 2)))
    for key in ("impact", "impact_p60", *SUMMARY_KEYS[1:]):
        print(f"  {key.replace('_', ' '):<28} {summary[key]:>8.3f}")
    return 0


def _what_if(args: argparse.Namespace) -> int:
    """``consortium simulate --from SAVE [--round N]``: the debrief's what-if, headless: per
    main policy the median and 10th–90th percentile of final impact, jointholism and lost
    perspectives over ``--seeds`` replays of the saved deal, beside the group's own result."""
    from consortium.engine.bots import MAIN_POLICIES  # noqa: PLC0415 - lazy: launch
    from consortium.play.what_if import WhatIfJob  # noqa: PLC0415
    from consortium.present.problem_words import problem_text  # noqa: PLC0415
    from consortium.store.codec import printable  # noqa: PLC0415
    from consortium.store.save_file import SaveError  # noqa: PLC0415
    from consortium.store.save_load import read_save_file  # noqa: PLC0415

    given = [name for name, value in (("--scenario", args.scenario), ("--rounds", args.rounds),
                                      ("--turnover", args.turnover), ("--seats", args.seats),
                                      ("--seed-start", args.seed_start)) if value is not None]
    if given:
        print(_("consortium simulate: {option} applies only without --from (the save says "
                "it)").format(option=given[0]), file=sys.stderr)
        return EXIT_PROBLEM
    if args.seeds < 1:
        print(_("consortium simulate: --seeds must be at least 1"), file=sys.stderr)
        return EXIT_PROBLEM
    try:
        loaded = read_save_file(args.source)
    except SaveError as error:
        first, more = error.problems[0], len(error.problems) - 1
        line = f"{args.source}: {problem_text(first)}"
        if more:
            line += " " + ngettext("(and {count} more; `consortium validate {path}` lists it)",
                                   "(and {count} more; `consortium validate {path}` lists them)",
                                   more).format(count=more, path=args.source)
        print(line, file=sys.stderr)
        return EXIT_PROBLEM
    rounds, begun = loaded.state.public.rounds, loaded.state.public.round
    if not 1 <= args.round <= min(rounds, begun):
        if not 1 <= args.round <= rounds:
            why = _("the game in {path} has rounds 1 to {rounds}")
        else:
            why = _("round {round} of the game in {path} has not begun (it is in round "
                    "{begun})")
        print(_("consortium simulate: --round {round}: {why}").format(
            round=args.round, why=why.format(path=args.source, rounds=rounds, round=args.round,
                                             begun=begun)), file=sys.stderr)
        return EXIT_PROBLEM
    policies = (args.policy,) if args.policy is not None else MAIN_POLICIES
    started = time.perf_counter()
    job = WhatIfJob(loaded, args.round, args.seeds, policies=policies)
    job.wait()
    seconds = time.perf_counter() - started
    if job.result is None:
        print(_("consortium simulate: the what-if failed: {error}").format(
            error=printable(repr(job.error))), file=sys.stderr)
        return 1
    if args.json:
        import json  # noqa: PLC0415 - not at launch

        tree = what_if_tree(job.result)
        tree["save"] = str(args.source)
        tree["seconds"] = round(seconds, 4)
        print(json.dumps(tree, sort_keys=True))
        return 0
    print(what_if_text(job.result, seconds))
    return 0


def what_if_tree(result: object) -> dict[str, object]:
    """A what-if result as plain JSON data (``--json``): every band as p10, median, p90."""
    import attrs  # noqa: PLC0415 - lazy: launch

    from consortium.engine.what_if_bands import Band, WhatIfResult  # noqa: PLC0415

    assert isinstance(result, WhatIfResult)

    def band(b: Band) -> dict[str, float]:
        return {"p10": b.p10, "median": b.median, "p90": b.p90}

    group = None
    if result.group is not None:
        group = attrs.asdict(result.group)
        group["impact_by_round"] = list(result.group.impact_by_round)
    return {
        "label": "bots, not people",
        "from_round": result.from_round,
        "seeds": result.seeds,
        "policies": {
            b.policy: {
                "impact": band(b.impact), "jointholism": band(b.jointholism),
                "lost": band(b.lost), "excluded": band(b.excluded),
                "impact_by_round": [band(r) for r in b.impact_by_round],
            }
            for b in result.bands
        },
        "group": group,
    }


def what_if_text(result: object, seconds: float) -> str:
    """The what-if for a terminal: per policy, the three bands; then the group's own."""
    from consortium.engine.what_if_bands import WhatIfResult  # noqa: PLC0415 - lazy: launch
    from consortium.present import what_if_words as words  # noqa: PLC0415

    assert isinstance(result, WhatIfResult)
    lines = [words.title(result), words.runs_line(result) + " " + _("({seconds} s)").format(
        seconds=decimal(seconds, 1))]
    for b in result.bands:
        lines.append("  " + words.policy_name(b.policy))
        for measure in ("impact", "jointholism", "lost"):
            lines.append("    " + _("{measure}: {band}").format(
                measure=words.measure_name(measure),
                band=words.band_text(getattr(b, measure), measure)))
    if result.group is not None:
        g = result.group
        lines.append(_("Your group (people): final impact {impact}, jointholism index "
                       "{jointholism}, lost perspectives {lost}").format(
            impact=words.figure("impact", g.impact),
            jointholism=words.figure("jointholism", g.jointholism),
            lost=words.figure("lost", g.lost)) + (
            "" if g.finished else " " + _("(not finished: the figures so far)")))
        compared = words.compared_band(result)
        if compared is not None:
            lines.append(words.group_line(g, compared))
    return "\n".join(lines)


def _validate(args: argparse.Namespace) -> int:
    """Check a scenario (.toml), a spreadsheet of tasks (.csv) or a save (.consortium, .json):
    every problem as "PATH: place: message", exit 2; "ok" and exit 0 when it would open."""
    from pathlib import Path  # noqa: PLC0415 - lazy: launch time

    from consortium.engine.scenario_toml import (  # noqa: PLC0415 - lazy: launch time
        ScenarioError,
        scenario_warning_words,
    )
    from consortium.present.problem_words import problem_text, words_text  # noqa: PLC0415
    from consortium.store.save_file import SAVE_SUFFIX, SaveError  # noqa: PLC0415
    from consortium.store.save_load import read_save_file  # noqa: PLC0415
    from consortium.store.scenarios import read_scenario_file  # noqa: PLC0415
    from consortium.store.task_csv import read_tasks_csv_file  # noqa: PLC0415

    path = args.path
    suffix = Path(path).suffix.lower()
    if args.scenario is not None and suffix != ".csv":
        # Said rather than ignored: a trainer who passes it expects it to count.
        print(_("consortium validate: --scenario applies only to a tasks spreadsheet (.csv)"),
              file=sys.stderr)
        return EXIT_PROBLEM
    try:
        if suffix in (SAVE_SUFFIX, ".json"):
            read_save_file(path)
            print(_("ok"))
            return 0
        if suffix == ".csv":
            # Tasks name domains, so they are checked against a scenario: the shipped one
            # unless `--scenario` names the trainer's own.
            base = _base_scenario(args.scenario or DEFAULT_SCENARIO)
            if base is None:
                return EXIT_PROBLEM
            scenario = read_tasks_csv_file(path, base)
        else:
            scenario = read_scenario_file(path)
    except (ScenarioError, SaveError) as error:
        for problem in error.problems:
            print(f"{path}: {problem_text(problem)}")
        return EXIT_PROBLEM
    print(_("ok") if suffix != ".csv" else _(
        "ok (tasks checked against the scenario {scenario})").format(scenario=scenario.id))
    for warning in scenario_warning_words(scenario):
        print(_("{path}: warning: {warning}").format(path=path, warning=words_text(warning)))
    return 0


def _base_scenario(name_or_path: str) -> Scenario | None:
    """The scenario a tasks spreadsheet is checked against, or ``None`` after one line on
    stderr: the trouble is the option, not the spreadsheet, so it is not reported as a
    problem of PATH (the scenario file's own problems are for ``validate`` on that file)."""
    from consortium.engine.scenario_toml import ScenarioError  # noqa: PLC0415 - lazy: launch
    from consortium.present.problem_words import problem_text  # noqa: PLC0415
    from consortium.store.codec import printable  # noqa: PLC0415
    from consortium.store.scenarios import find_scenario  # noqa: PLC0415

    try:
        return find_scenario(name_or_path)
    except ScenarioError as error:
        first, more = error.problems[0], len(error.problems) - 1
        line = (
            ngettext("consortium validate: --scenario {scenario}: {problem} (and {count} more; "
                     "`consortium validate {scenario}` lists them)",
                     "consortium validate: --scenario {scenario}: {problem} (and {count} more; "
                     "`consortium validate {scenario}` lists them)", more)
            if more else _("consortium validate: --scenario {scenario}: {problem}")
        )
        print(printable(line.format(scenario=name_or_path, problem=problem_text(first),
                                    count=more)),
              file=sys.stderr)
        return None


WINDOW_FLAGS = frozenset({"--exit-when-ready", "--portable"})
"""The only options of a plain launch (a double-click, a desktop entry, bench/launch.py)."""


def main(argv: Sequence[str] | None = None) -> int:
    use_language_from_environment()  # CONSORTIUM_LANGUAGE; the window then reads Settings
    given = sys.argv[1:] if argv is None else list(argv)
    if set(given) <= WINDOW_FLAGS:
        # What the parser makes of these, without building it and its two subcommands'
        # parsers first (a few milliseconds of every launch; tests/ui/test_launch_imports.py)
        return _open_window(argparse.Namespace(
            exit_when_ready="--exit-when-ready" in given, portable="--portable" in given,
        ))
    _use_settings_language(given)  # before the parser: its help is in that language too
    args = _parser().parse_args(given)
    if args.self_test:
        from consortium.selftest import main as self_test  # noqa: PLC0415 - sets up Qt itself

        return self_test()
    if args.command == "simulate":
        return _simulate(args)
    if args.command == "validate":
        return _validate(args)
    if args.command == "calibrate":
        from consortium.calibrate_command import calibrate_command  # noqa: PLC0415 - lazy

        return calibrate_command(args)
    if args.command == "print-hands":
        return _print_hands(args)
    if args.command == "report":
        return _report(args)
    if args.command == "compare":
        return _compare(args)
    return _open_window(args)


def _use_settings_language(argv: Sequence[str]) -> None:
    """The headless commands speak the window's language, chosen the same way:
    ``CONSORTIUM_LANGUAGE``, else Settings' language, else the system's (gettext's
    variables: ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``); there is no desktop to
    ask. A settings file with problems is only not used here: the window reports them."""
    from consortium.present.i18n import use_language  # noqa: PLC0415 - not at launch
    from consortium.present.languages import (  # noqa: PLC0415
        available_languages,
        choose_language,
    )
    from consortium.store.paths import paths_for  # noqa: PLC0415
    from consortium.store.settings import read_settings  # noqa: PLC0415

    settings = read_settings(paths_for(argv).settings).settings
    use_language(choose_language(settings.language, available_languages()).language)


def _open_window(args: argparse.Namespace) -> int:
    """The game window. Qt is imported here only, so the headless commands never load it."""
    from consortium.ui.shell.app import run  # noqa: PLC0415 - keep Qt out of headless commands

    flags = [f for f, on in (("--exit-when-ready", args.exit_when_ready),
                             ("--portable", args.portable)) if on]
    return run(flags)
