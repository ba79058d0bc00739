"""Compare tables (issue 16): several tables' finished games side by side, as a plain record
for the projector view, the PDF, the CSV and ``consortium compare``.

Saves arrive on a USB stick or in a shared folder. :func:`read_comparison` reads each one
and makes either a :class:`TableRow` (a finished game: its schedule of modes, impact against
target, the two indices, lost and excluded perspectives and its what-if range) or a
:class:`Problem` (the file and the reason in words: unreadable, not a Consortium save, cut
short, made by a newer Consortium, a game not over yet …). Nothing in a file makes it raise.

The figures are the debrief's own (:func:`~consortium.present.debrief_data.build_debrief`
and its gauges), so each row says what that table's debrief said. Only finished games are
shown: their debrief is revealed, so the shared screen may show it; an unfinished game is a
problem, never a row.

Tables with the same **table code** (store/table_code.py: the same scenario and set-up, so
the same deals, newcomers and events) are grouped as one deal. Their what-ifs are the same
too (bots replay the deal with every seat and name their own), so one computed or stored
what-if serves every table of its deal. A what-if is read from the save
(``room.what_if``, store/stored_what_if.py) when it is this deal's with the replays asked for;
else the row says "not computed" and a caller may work it out (:func:`missing_what_ifs`,
:func:`with_what_if`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Final

import attrs

from consortium.engine.state import GameState
from consortium.engine.what_if_bands import DEFAULT_SEEDS, Band, PolicyBand, WhatIfResult
from consortium.present.debrief_data import RevealedDebrief, build_debrief, gauges
from consortium.present.i18n import _, ngettext
from consortium.present.labels import mode_label
from consortium.present.numbers import decimal, plain
from consortium.present.problem_words import problem_message, problem_place
from consortium.present.what_if_words import compared_band, figure, policy_name
from consortium.store.codec import printable
from consortium.store.save_file import SAVE_SUFFIX, SaveError
from consortium.store.save_load import LoadedSave, read_save_file
from consortium.store.table_code import table_code

MAX_TABLES: Final = 12
"""The projector view is laid out for this many tables (more are listed, in smaller type)."""
_SESSION_SAVE: Final = re.compile(r"save-(\d{6,})" + re.escape(SAVE_SUFFIX))


@attrs.frozen
class Problem:
    """A file that could not be compared, and why, in words."""

    path: Path
    reason: str

    @property
    def name(self) -> str:
        return table_name(self.path)


@attrs.frozen
class TableRow:
    """One table's finished game, as its debrief showed it."""

    path: Path
    name: str
    code: str  # the table code: tables with the same one played the same deal
    scenario: str
    date: str  # ISO, the day the session began
    players: tuple[str, ...]
    modes: tuple[str, ...]  # each round's mode, in words
    debrief: RevealedDebrief = attrs.field(eq=False, repr=False)
    state: GameState = attrs.field(eq=False, repr=False)  # the final state (for the what-if)
    loaded: LoadedSave = attrs.field(eq=False, repr=False)
    what_if: WhatIfResult | None = None  # with the group's own result

    @property
    def impact(self) -> float:
        return self.debrief.metrics.impact

    @property
    def target(self) -> float:
        return self.debrief.metrics.target

    @property
    def won(self) -> bool:
        return self.debrief.metrics.won

    @property
    def jointholism(self) -> float:
        return self.debrief.metrics.jointholism_index

    @property
    def alignophilia(self) -> float | None:
        return self.debrief.metrics.alignophilia_index

    @property
    def jointholism_flagged(self) -> bool:
        return gauges(self.debrief)[0].flagged

    @property
    def alignophilia_flagged(self) -> bool:
        return gauges(self.debrief)[1].flagged

    @property
    def lost(self) -> int:
        m = self.debrief.metrics
        return m.lost_perspectives_present + m.lost_perspectives_absent

    @property
    def excluded(self) -> int:
        return self.debrief.metrics.excluded_perspectives

    @property
    def rounds_played(self) -> int:
        return self.debrief.rounds_played

    @property
    def rounds_planned(self) -> int:
        return self.debrief.rounds_planned

    @property
    def ended_early(self) -> bool:
        return self.debrief.ended_early

    @property
    def band(self) -> PolicyBand | None:
        """The what-if band the row shows: the one the debrief compares the group with
        (``balanced``, the hybrid the rules suggest)."""
        return None if self.what_if is None else compared_band(self.what_if)

    @property
    def best(self) -> PolicyBand | None:
        """The way the bots did best with on this deal (highest median final impact)."""
        if self.what_if is None or not self.what_if.bands:
            return None
        return max(self.what_if.bands, key=lambda b: b.impact.median)


@attrs.frozen
class DealGroup:
    """Tables of one deal (``code``), or, with ``code`` ``None``, the tables whose deal no
    other table played."""

    code: str | None
    rows: tuple[TableRow, ...]

    @property
    def title(self) -> str:
        if self.code is None:
            return ngettext("A deal of its own", "Each with a deal of its own", len(self.rows))
        return _("Same deal: {code}").format(code=self.code)


@attrs.frozen
class Comparison:
    groups: tuple[DealGroup, ...]
    problems: tuple[Problem, ...]
    seeds: int = DEFAULT_SEEDS  # the what-if's replays per way

    @property
    def rows(self) -> tuple[TableRow, ...]:
        """Every table, in the order shown (group by group)."""
        return tuple(row for group in self.groups for row in group.rows)

    @property
    def scale(self) -> float:
        """The impact axis every row's range bar shares: up to the highest target, impact or
        90th percentile."""
        values = [1.0]
        for row in self.rows:
            values += [row.target, row.impact]
            if row.band is not None:
                values.append(row.band.impact.p90)
        return max(values)

    @property
    def missing(self) -> int:
        """Tables still without a what-if."""
        return sum(1 for row in self.rows if row.what_if is None)


# --- reading --------------------------------------------------------------------------------


def table_name(path: Path) -> str:
    """What a table is called: the file's name without ``.consortium``; an autosave
    (``save-000041.consortium``) by its session folder's name."""
    if _SESSION_SAVE.fullmatch(path.name) and path.parent.name:
        return path.parent.name
    return path.stem if path.suffix.lower() in (SAVE_SUFFIX, ".json") else path.name


def save_paths(given: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[Problem]]:
    """The saves to compare: each file as given; for a folder, its ``*.consortium`` files
    (an autosave folder's newest save only) and the newest save of each session folder in
    it (the sessions folder itself). A folder without saves is a problem."""
    found: list[Path] = []
    problems: list[Problem] = []
    for item in given:
        path = Path(item)
        if not path.is_dir():
            found.append(path)
            continue
        saves = _saves_in(path)
        for sub in _sorted_dirs(path):
            saves += _newest_session_save(sub)
        if not saves:
            problems.append(Problem(path, _("no Consortium saves (*.consortium) in this folder")))
        found += saves
    seen: set[Path] = set()
    unique = []
    for path in found:
        key = path.resolve() if path.exists() else path
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique, problems


def _sorted_dirs(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return []


def _saves_in(folder: Path) -> list[Path]:
    """A folder's saves: every ``*.consortium`` file, but of an autosave's numbered saves
    only the newest."""
    try:
        files = sorted(p for p in folder.iterdir()
                       if p.suffix.lower() == SAVE_SUFFIX and not p.name.startswith(".")
                       and p.is_file())
    except OSError:
        return []
    numbered = [p for p in files if _SESSION_SAVE.fullmatch(p.name)]
    plain = [p for p in files if not _SESSION_SAVE.fullmatch(p.name)]
    return plain + _newest(numbered)


def _newest_session_save(folder: Path) -> list[Path]:
    try:
        numbered = [p for p in folder.iterdir() if _SESSION_SAVE.fullmatch(p.name)]
    except OSError:
        return []
    return _newest(numbered)


def _newest(numbered: Sequence[Path]) -> list[Path]:
    if not numbered:
        return []
    return [max(numbered, key=lambda p: int(_SESSION_SAVE.fullmatch(p.name).group(1)))]  # type: ignore[union-attr]


def problem_words(error: SaveError) -> str:
    """Why a save cannot be compared, in words a trainer can act on."""
    first = error.problems[0]
    place, message = first.place, printable(first.message)  # English: what kind it is
    detail = printable(problem_message(first))  # the room's language: what a trainer reads
    if place in ("header.format_version", "header.rules_version") and "newer" in message:
        return _("made by a newer Consortium: open it with a newer version")
    if place == "file":
        if "not a Consortium save" in message:
            return _("not a Consortium save")
        if "cut short" in message:
            return _("cut short: the end of the file is missing (an interrupted copy?)")
        if message.startswith("no such file"):
            return _("no such file")
        if "permission denied" in message:
            return _("cannot be read (permission denied)")
        if "not UTF-8" in message or "UTF-16" in message or "binary" in message:
            return _("unreadable: not a save's text ({detail})").format(detail=detail)
        return _("unreadable ({detail})").format(detail=detail)
    return _("damaged or changed by hand ({place}: {detail})").format(
        place=problem_place(first), detail=detail)


def read_table(path: Path, *, seeds: int = DEFAULT_SEEDS) -> TableRow | Problem:
    """One save as a row, or the problem with it. Never raises for a file."""
    try:
        loaded = read_save_file(path)
    except SaveError as error:
        return Problem(path, problem_words(error))
    except Exception as error:  # a file must never crash the comparison
        return Problem(path, _("cannot be read ({error})").format(
            error=printable(f"{type(error).__name__}: {error}")[:160]))
    state, room = loaded.state, loaded.room
    public = state.public
    if not (state.over or room.ended_early):
        return Problem(path, _("the game is not over (round {round} of {rounds}): only "
                               "finished games are compared").format(round=public.round,
                                                                    rounds=public.rounds))
    try:
        start = loaded.history.start
        code = table_code(start.ctx.scenario, start.ctx.config)
        debrief = build_debrief(state, ended_early=room.ended_early)
    except Exception as error:  # a file must never crash the comparison
        return Problem(path, _("cannot be compared ({error})").format(
            error=printable(f"{type(error).__name__}: {error}")[:160]))
    what_if = None
    if room.what_if is not None:
        stored = room.what_if.result_for(code, public.rounds, seeds)
        what_if = None if stored is None else stored.with_group(state)
    return TableRow(
        path=path,
        name=table_name(path),
        code=code,
        scenario=state.ctx.scenario.title,
        date=loaded.header.started_at.date().isoformat(),
        players=tuple(p.name for p in public.participants),
        modes=tuple(mode_label(p.mode) for p in public.pit_stops),
        debrief=debrief,
        state=state,
        loaded=loaded,
        what_if=what_if,
    )


def read_comparison(given: Iterable[str | os.PathLike[str]], *,
                    seeds: int = DEFAULT_SEEDS) -> Comparison:
    """Every save in ``given`` (files and folders), compared; never raises for a file."""
    paths, problems = save_paths(given)
    rows: list[TableRow] = []
    for path in paths:
        read = read_table(path, seeds=seeds)
        if isinstance(read, Problem):
            problems.append(read)
        else:
            rows.append(read)
    return _grouped(_shared(rows), tuple(problems), seeds)


def _shared(rows: Sequence[TableRow]) -> list[TableRow]:
    """One table's what-if given to every table of its deal that has none."""
    by_code: dict[str, WhatIfResult] = {}
    for row in rows:
        if row.what_if is not None:
            by_code.setdefault(row.code, row.what_if)
    return [row if row.what_if is not None or row.code not in by_code
            else attrs.evolve(row, what_if=by_code[row.code].with_group(row.state))
            for row in rows]


def _grouped(rows: Sequence[TableRow], problems: tuple[Problem, ...], seeds: int
             ) -> Comparison:
    """Deals played by two or more tables first (in the order their first table came), each
    table in file order; then the tables whose deal is their own."""
    by_code: dict[str, list[TableRow]] = {}
    for row in rows:
        by_code.setdefault(row.code, []).append(row)
    shared = [DealGroup(code, tuple(group)) for code, group in by_code.items() if len(group) > 1]
    alone = tuple(group[0] for group in by_code.values() if len(group) == 1)
    groups = shared + ([DealGroup(None, alone)] if alone else [])
    return Comparison(tuple(groups), problems, seeds)


def missing_what_ifs(comparison: Comparison) -> dict[str, LoadedSave]:
    """Per deal without a what-if, one of its saves to work it out from (round 1)."""
    missing: dict[str, LoadedSave] = {}
    for row in comparison.rows:
        if row.what_if is None:
            missing.setdefault(row.code, row.loaded)
    return missing


def with_what_if(comparison: Comparison, found: Mapping[str, WhatIfResult]) -> Comparison:
    """The comparison with the what-ifs worked out (per deal code, from round 1), each with
    its table's own result."""
    groups = tuple(
        attrs.evolve(group, rows=tuple(
            attrs.evolve(row, what_if=found[row.code].with_group(row.state))
            if row.what_if is None and row.code in found else row
            for row in group.rows))
        for group in comparison.groups)
    return attrs.evolve(comparison, groups=groups)


# --- the words of a row ---------------------------------------------------------------------


def schedule_text(modes: Sequence[str]) -> str:
    """'Plenary ×2 · Pick your own · Mixed': the modes round by round, repeats counted."""
    runs: list[list[object]] = []
    for mode in modes:
        if runs and runs[-1][0] == mode:
            runs[-1][1] = int(str(runs[-1][1])) + 1
        else:
            runs.append([mode, 1])
    parts = [str(m) if n == 1 else _("{mode} ×{count}").format(mode=m, count=n)
             for m, n in runs]
    return " · ".join(parts) or "—"


def impact_text(row: TableRow) -> str:
    """'31.2 of 40' (impact against target), marked when the game ended early."""
    text = _("{impact} of {target}").format(impact=decimal(row.impact, 1),
                                             target=plain(row.target))
    if row.ended_early:
        text = _("{impact} (ended early, {played} of {planned} rounds)").format(
            impact=text, played=row.rounds_played, planned=row.rounds_planned)
    return text


def index_text(value: float | None, flagged: bool) -> str:
    """'0.42 ⚑' for a flagged index ("—" when there is no value)."""
    if value is None:
        return "—"
    shown = decimal(value, 2)  # never "-0.00"
    return _("{value} flagged").format(value=shown) if flagged else shown


def band_text(band: Band | None) -> str:
    """'34.6 (19.0–42.7)' or 'not computed'."""
    if band is None:
        return _("not computed")
    return _("{median} ({low}–{high})").format(
        median=figure("impact", band.median), low=figure("impact", band.p10),
        high=figure("impact", band.p90))


def best_text(row: TableRow) -> str:
    best = row.best
    if best is None:
        return "—"
    return _("{policy}, median {median}").format(policy=policy_name(best.policy),
                                                 median=figure("impact", best.impact.median))


@attrs.frozen
class CsvTable:
    header: tuple[str, ...]
    rows: tuple[tuple[str | int | float, ...], ...]


def _n(value: float) -> float:
    return round(value, 3)


def csv_table(comparison: Comparison) -> CsvTable:
    """One row per table, in the order shown; numbers as numbers (an empty cell: no
    value)."""
    rows = []
    for row in comparison.rows:
        band = row.band
        best = row.best
        rows.append((
            row.name, str(row.path), row.code, row.scenario, row.date, "; ".join(row.players),
            "; ".join(row.modes), row.rounds_played, row.rounds_planned,
            _("yes") if row.ended_early else _("no"),
            _n(row.impact), _n(row.target),
            _n(row.jointholism), _("yes") if row.jointholism_flagged else _("no"),
            "" if row.alignophilia is None else _n(row.alignophilia),
            _("yes") if row.alignophilia_flagged else _("no"),
            row.lost, row.excluded,
            "" if band is None else policy_name(band.policy),
            "" if band is None else _n(band.impact.p10),
            "" if band is None else _n(band.impact.median),
            "" if band is None else _n(band.impact.p90),
            "" if best is None else policy_name(best.policy),
            "" if best is None else _n(best.impact.median),
        ))
    header = (
        _("table"), _("file"), _("table code"), _("scenario"), _("date"), _("participants"),
        _("modes by round"), _("rounds played"), _("rounds planned"), _("ended early"),
        _("impact"), _("target"), _("jointholism index"), _("jointholism flagged"),
        _("alignophilia index"), _("alignophilia flagged"), _("lost perspectives"),
        _("excluded perspectives"), _("what-if: bots' way"), _("what-if: 10th percentile"),
        _("what-if: median"), _("what-if: 90th percentile"), _("what-if: best way"),
        _("what-if: best way's median"),
    )
    return CsvTable(header, tuple(rows))


def text_table(comparison: Comparison) -> str:
    """The comparison for a terminal (``consortium compare``): a block per deal, a line per
    table, then the problems."""
    lines = []
    heads = (_("Table"), _("Modes"), _("Impact"), _("Joint."), _("Align."), _("Lost"),
             _("Excl."), _("What if (bots)"))
    table = [[row.name, schedule_text(row.modes), impact_text(row),
              index_text(row.jointholism, row.jointholism_flagged),
              index_text(row.alignophilia, row.alignophilia_flagged),
              str(row.lost), str(row.excluded), band_text(row.band.impact if row.band else None)]
             for row in comparison.rows]
    widths = [max([len(h), *(len(r[i]) for r in table)]) for i, h in enumerate(heads)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    index = 0
    for group in comparison.groups:
        lines += ["", group.title, line(heads)]
        for _row in group.rows:
            lines.append(line(table[index]))
            index += 1
    if comparison.rows:
        lines.append("")
        lines.append(_("What if: bots, not people, replaying each deal the balanced way; "
                       "median (10th–90th percentile) of final impact."))
    if comparison.problems:
        lines += ["", ngettext("Not compared ({count} file):", "Not compared ({count} files):",
                               len(comparison.problems)).format(count=len(comparison.problems))]
        lines += [f"  {p.path}: {p.reason}" for p in comparison.problems]
    return "\n".join(lines).lstrip("\n")
