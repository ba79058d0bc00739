"""The story of the game, for the debrief's React screen: one lane per participant across the
rounds (the task they were on, sitting out, left, arrived), where hidden needs were found, where
perspectives were lost or shut out, and the meeting and crowding hours of each round.

Built from the revealed state (the ledger of rounds and the public log), as plain data in the
reader's language; ``ui/board/story_chart.py`` draws it and the report prints it. No Qt.
"""

from __future__ import annotations

from typing import Literal

import attrs

from consortium.engine.events import NeedDiscovered
from consortium.engine.state import GameState, RoundRecord
from consortium.present import scenario_words as words
from consortium.present.i18n import _
from consortium.present.labels import mode_label
from consortium.present.numbers import decimal

CellKind = Literal["task", "sat-out", "absent", "left", "arrived"]


@attrs.frozen
class StoryCell:
    """One participant in one round."""

    kind: CellKind
    text: str  # the task's title, "sat out", "left", … (empty when absent)
    lost: bool = False  # their task lost or shut out a perspective this round
    found: bool = False  # their task's hidden needs were found this round


@attrs.frozen
class StoryLane:
    name: str
    sector: str
    seat: int
    cells: tuple[StoryCell, ...]


@attrs.frozen
class StoryRound:
    round: int
    mode: str
    meeting_hours: float
    crowding_hours: float
    needs_found: int  # tasks whose hidden needs were found
    perspectives_missed: int  # excluded + lost with a holder in the room


@attrs.frozen
class Story:
    rounds: tuple[StoryRound, ...]
    lanes: tuple[StoryLane, ...]

    def describe(self) -> str:
        """The story in words, lane by lane (a screen reader's, and the report's, version)."""
        lines = []
        for lane in self.lanes:
            parts = [
                _("R{number}: {what}").format(number=r.round, what=cell.text or "—")
                + (" ⚠" if cell.lost else "")
                for r, cell in zip(self.rounds, lane.cells, strict=True)
            ]
            lines.append(f"{lane.name}: " + " · ".join(parts))
        for r in self.rounds:
            lines.append(_("Round {number} ({mode}): meetings {meeting} h, crowding {crowding} h, "
                           "hidden needs found on {found} task(s), {missed} perspective(s) "
                           "missed").format(number=r.round, mode=r.mode,
                                            meeting=decimal(r.meeting_hours, 0),
                                            crowding=decimal(r.crowding_hours, 0),
                                            found=r.needs_found, missed=r.perspectives_missed))
        return "\n".join(lines)


def build_story(state: GameState) -> Story:
    """The story of a game played (or ended early): every round in the ledger."""
    ledger = state.hidden.ledger
    titles = {t.id: words.task_title(state.public.catalog, t.id, t.title)
              for t in state.public.tasks}
    found = _found_by_round(state)
    rounds = tuple(_round(record, found.get(record.round, set())) for record in ledger)
    lanes: dict[tuple[int, str], list[StoryCell | None]] = {}
    sectors: dict[tuple[int, str], str] = {}
    catalog_sector = {s.id: words.sector_name(state.public.catalog, s.id)
                      for s in state.ctx.scenario.sectors}
    for i, record in enumerate(ledger):
        missed = {x.task for x in record.excluded} | {x.task for x in record.lost if x.present}
        arrived = set(record.arrivals)
        for seat_round in record.seats:
            key = (seat_round.seat, seat_round.name)
            lane = lanes.setdefault(key, [None] * len(ledger))
            sectors[key] = catalog_sector.get(seat_round.sector, seat_round.sector)
            task = seat_round.task
            if task is None:
                cell = StoryCell("sat-out", _("sat out"))
            else:
                cell = StoryCell("task", titles.get(task, task), lost=task in missed,
                                 found=task in found.get(record.round, set()))
            if seat_round.seat in arrived and i > 0:
                cell = attrs.evolve(cell, kind="arrived" if task is None else cell.kind,
                                    text=_("new: {what}").format(what=cell.text))
            lane[i] = cell
        for departure in record.departures:
            key = (departure.seat, departure.name)
            lane = lanes.setdefault(key, [None] * len(ledger))
            if lane[i] is None:
                lane[i] = StoryCell("left", _("left ({reason})").format(
                    reason=_(departure.reason)))
    out = []
    for (seat, name), cells in sorted(lanes.items(), key=lambda item: _first(item[1], item[0])):
        filled = tuple(c if c is not None else StoryCell("absent", "") for c in cells)
        out.append(StoryLane(name, sectors.get((seat, name), ""), seat, filled))
    return Story(rounds, tuple(out))


def _first(cells: list[StoryCell | None], key: tuple[int, str]) -> tuple[int, int]:
    """Lanes in seat order, a newcomer's right after the person whose seat it took."""
    start = next((i for i, c in enumerate(cells) if c is not None), 0)
    return (key[0], start)


def _round(record: RoundRecord, found: set[str]) -> StoryRound:
    meetings = sum((s.time.meetings for s in record.seats), 0.0)
    crowding = sum((s.time.crowding for s in record.seats), 0.0)
    missed = len(record.excluded) + sum(1 for x in record.lost if x.present)
    return StoryRound(record.round, mode_label(record.mode), meetings, crowding, len(found),
                      missed)


def _found_by_round(state: GameState) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for entry in state.public.log:
        if isinstance(entry.event, NeedDiscovered):
            found.setdefault(entry.round, set()).add(entry.event.task)
    return found
