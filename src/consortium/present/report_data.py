"""The report to take home (Session → Export report…, ``consortium report``) as a plain record.

A report is made only after the game is over: it reveals every hand, as the debrief does after
the Reveal. :func:`report_input` builds a :class:`ReportInput` from the game's final state and
:func:`~consortium.present.debrief_data.build_debrief`; the PDF, the handout and the CSV
(``ui/shell/report.py``) are drawn from this record alone, so they say what the debrief says.

Three sections come from other parts of the debrief and are optional here, so wiring them in
later is one argument each: ``what_if`` (an object with ``paint(painter, rect)``, drawn on a page
of its own when given), ``predictions`` (the group's predictions against the outcomes: per
question, its answer-and-outcome lines) and ``agreement`` (what the group agreed at Transfer).

The CSV is two tables (:func:`csv_tables`): one row per round and one row per participant.
Their columns add up to the debrief's figures: the hours, meeting, crowding and mismatch hours
and the impact of the rounds table sum to the game's; the hours of the participants table sum
to everyone's hours.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

import attrs

from consortium.engine.state import GameState, SeatRound
from consortium.present import scenario_words as words
from consortium.present.debrief_data import RevealedDebrief, build_debrief
from consortium.present.i18n import _
from consortium.present.labels import card_short, reason_label
from consortium.present.predictions import answered, holder_question, holders, medians
from consortium.store.notes import DebriefNotes

if TYPE_CHECKING:
    from consortium.engine.what_if_bands import WhatIfResult
    from consortium.store.save_load import LoadedSave


class GameNotOver(ValueError):
    """The game of this save or session is still being played: no report (never a half one)."""


@attrs.frozen
class SeatFact:
    """Who sat in a seat at the end: number (from 1), name, sector, person or bot."""

    seat: int
    name: str
    sector: str
    person: bool


@attrs.frozen
class RoundRow:
    """One round's figures (the CSV's rounds table). The six hour parts add up to ``hours``;
    ``overhead`` is the coordination overhead without the crowding, as the time chart draws
    it."""

    round: int
    mode: str
    hours: float
    meetings: float
    overhead: float
    crowding: float
    expert_work: float
    mismatch_work: float
    sitting_out: float
    empty_talk: float
    impact: float
    jointholism: float
    alignophilia: float | None
    excluded: int
    lost_present: int
    lost_absent: int
    departures: int
    arrivals: int


@attrs.frozen
class ParticipantRow:
    """One participant over the game (the CSV's participants table): everyone who sat at
    the table, newcomers and those who left included."""

    seat: int  # from 1
    name: str
    sector: str
    rounds: str
    hours: float
    meetings: float
    overhead: float
    crowding: float
    expert_work: float
    mismatch_work: float
    sitting_out: float
    empty_talk: float
    progress: float
    motivation_start: int
    motivation_end: int
    left: str
    hand: str


@attrs.frozen
class ReportInput:
    """Everything the report shows. ``what_if``, ``predictions`` and ``agreement`` are
    optional: a section is drawn only when its field is given."""

    scenario: str
    session_code: str
    seed: int
    started_at: datetime
    seats: tuple[SeatFact, ...]
    debrief: RevealedDebrief
    rounds: tuple[RoundRow, ...]
    participants: tuple[ParticipantRow, ...]
    what_if: object | None = None  # paint(painter, rect)-able; a page of its own when given
    predictions: tuple[tuple[str, str], ...] = ()  # (question, answer-and-outcome lines)
    agreement: str = ""

    @property
    def date(self) -> str:
        """The session's date, ISO (2025-03-01): the same in every language and locale."""
        return self.started_at.date().isoformat()

    @property
    def session_name(self) -> str:
        """'Cancer care · session ABCD-EFGH-IJKL': the scenario and the session's code."""
        return _("{scenario} · session {code}").format(scenario=self.scenario,
                                                       code=self.session_code)


def _rows_of_rounds(d: RevealedDebrief) -> tuple[RoundRow, ...]:
    rows = []
    for i, r in enumerate(d.metrics.rounds):
        t = r.time
        rows.append(RoundRow(
            round=r.round,
            mode=d.modes[i] if i < len(d.modes) else "",
            hours=r.hours,
            meetings=t.meetings,
            overhead=max(0.0, t.overhead - t.crowding),
            crowding=t.crowding,
            expert_work=t.expert_work,
            mismatch_work=t.mismatch_work,
            sitting_out=t.sitting_out,
            empty_talk=r.empty_talk_hours,
            impact=d.impact_by_round[i] if i < len(d.impact_by_round) else 0.0,
            jointholism=r.jointholism,
            alignophilia=r.alignophilia,
            excluded=r.excluded,
            lost_present=r.lost_present,
            lost_absent=r.lost_absent,
            departures=r.departures,
            arrivals=r.arrivals,
        ))
    return tuple(rows)


def _rows_of_participants(state: GameState) -> tuple[ParticipantRow, ...]:
    catalog = state.public.catalog
    ledger = state.hidden.ledger
    left = {(d.seat, d.name): reason_label(d.reason)
            for record in ledger for d in record.departures}
    people: dict[tuple[int, str], list[tuple[int, SeatRound]]] = {}
    for record in ledger:
        for seat_round in record.seats:
            people.setdefault((seat_round.seat, seat_round.name), []).append(
                (record.round, seat_round))
    rows = []
    for (seat, name), played in sorted(people.items(), key=lambda kv: kv[0]):
        first_round = next(r for r in ledger if r.round == played[0][0])
        seats = [s for _r, s in played]
        rows.append(ParticipantRow(
            seat=seat + 1,
            name=name,
            sector=words.sector_name(catalog, seats[0].sector),
            rounds=", ".join(str(r) for r, _s in played),
            hours=sum(s.hours for s in seats),
            meetings=sum(s.time.meetings for s in seats),
            overhead=sum(max(0.0, s.time.overhead - s.time.crowding) for s in seats),
            crowding=sum(s.time.crowding for s in seats),
            expert_work=sum(s.time.expert_work for s in seats),
            mismatch_work=sum(s.time.mismatch_work for s in seats),
            sitting_out=sum(s.time.sitting_out for s in seats),
            empty_talk=sum(s.empty_talk for s in seats),
            progress=sum(s.progress for s in seats),
            motivation_start=seats[0].motivation_before,
            motivation_end=seats[-1].motivation_after,
            left=left.get((seat, name), ""),
            hand="; ".join(card_short(catalog, c) for c in first_round.hands[seat]),
        ))
    return tuple(rows)


def report_input(
    state: GameState,
    *,
    session_code: str,
    started_at: datetime,
    people: Sequence[bool] = (),
    ended_early: bool = False,
    what_if: object | None = None,
    predictions: tuple[tuple[str, str], ...] = (),
    agreement: str = "",
) -> ReportInput:
    """The report of the game that ended in ``state`` (over, or ``ended_early``). ``people``
    says per seat whether a person played it (a bot otherwise; empty: from the seats'
    setup). Raises :class:`GameNotOver` for a game still in play."""
    if not (state.over or ended_early):
        raise GameNotOver(_("The game is not over yet: a report is made after the last "
                            "round."))
    public = state.public
    debrief = build_debrief(state, ended_early=ended_early)
    persons = tuple(people) or tuple(not p.is_bot for p in public.participants)
    seats = tuple(
        SeatFact(i + 1, p.name, words.sector_name(public.catalog, p.sector),
                 persons[i] if i < len(persons) else not p.is_bot)
        for i, p in enumerate(public.participants)
    )
    return ReportInput(
        scenario=words.scenario_title(state.ctx.scenario),
        session_code=session_code,
        seed=state.ctx.config.seed,
        started_at=started_at,
        seats=seats,
        debrief=debrief,
        rounds=_rows_of_rounds(debrief),
        participants=_rows_of_participants(state),
        what_if=what_if,
        predictions=predictions,
        agreement=agreement.strip(),
    )


def report_from_save(
    loaded: LoadedSave,
    *,
    what_if: object | None = None,
    what_if_result: WhatIfResult | None = None,
    predictions: tuple[tuple[str, str], ...] | None = None,
    agreement: str | None = None,
) -> ReportInput:
    """The report of a save's game (:func:`report_input`); :class:`GameNotOver` if it is
    not over. The room's predictions and agreement come from the save (``room.notes``)
    unless given; ``what_if`` is the band's picture and ``what_if_result`` its figures (the
    first prediction's answer)."""
    room = loaded.room
    state = loaded.state
    if not (state.over or room.ended_early):
        raise GameNotOver(f"round {state.public.round} of {state.public.rounds}")
    return report_input(
        state,
        session_code=loaded.header.session_code,
        started_at=loaded.header.started_at,
        people=room.people,
        ended_early=room.ended_early,
        what_if=what_if,
        predictions=(predictions if predictions is not None
                     else report_predictions(state, room.notes, what_if_result)),
        agreement=room.notes.agreement if agreement is None else agreement,
    )


# --- the words of the report -----------------------------------------------------------------


def facts(report: ReportInput) -> tuple[tuple[str, str], ...]:
    """The session's facts as (label, value) pairs, in the order a report lists them."""
    d = report.debrief
    rounds = (_("{played} of {planned} (ended early)") if d.ended_early
              else _("{played} of {planned}")).format(played=d.rounds_played,
                                                      planned=d.rounds_planned)
    seats = "; ".join(
        _("{number}. {name} ({sector}, {who})").format(
            number=s.seat, name=s.name, sector=s.sector,
            who=_("person") if s.person else _("bot"))
        for s in report.seats
    )
    modes = "; ".join(_("round {number}: {mode}").format(number=i + 1, mode=mode)
                      for i, mode in enumerate(d.modes))
    return (
        (_("Scenario"), report.scenario),
        (_("Date"), report.date),
        (_("Seats"), seats),
        (_("Rounds"), rounds),
        (_("Modes"), modes or "—"),
        (_("Session code"), report.session_code),
        (_("Seed"), str(report.seed)),
    )


# --- the CSV ---------------------------------------------------------------------------------


@attrs.frozen
class CsvTable:
    """One CSV file: a header row and the rows (numbers as numbers, text as text)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str | int | float, ...], ...]


def _h(value: float) -> float:
    """Hours and indices to three decimals (a meeting's 10 minutes is 0.167 h)."""
    return round(value, 3)


def csv_tables(report: ReportInput) -> tuple[CsvTable, CsvTable]:
    """The rounds table and the participants table. Column headers are in the report's
    language; an index with no value (alignophilia without a team of two) is empty."""
    rounds = CsvTable(
        (_("round"), _("mode"), _("hours"), _("time in meetings"),
         _("coordination overhead (without crowding)"), _("crowding"), _("expert work"),
         _("mismatch work"), _("sitting out"), _("empty talk hours"), _("impact"),
         _("jointholism index"), _("alignophilia index"), _("excluded perspectives"),
         _("lost perspectives, someone in the room held it"),
         _("lost perspectives, nobody held it"), _("departures"), _("arrivals")),
        tuple(
            (r.round, r.mode, _h(r.hours), _h(r.meetings), _h(r.overhead), _h(r.crowding),
             _h(r.expert_work), _h(r.mismatch_work), _h(r.sitting_out), _h(r.empty_talk),
             _h(r.impact), _h(r.jointholism),
             "" if r.alignophilia is None else _h(r.alignophilia),
             r.excluded, r.lost_present, r.lost_absent, r.departures, r.arrivals)
            for r in report.rounds
        ),
    )
    participants = CsvTable(
        (_("seat"), _("participant"), _("sector"), _("rounds"), _("hours"),
         _("time in meetings"), _("coordination overhead (without crowding)"), _("crowding"),
         _("expert work"), _("mismatch work"), _("sitting out"), _("empty talk hours"),
         _("work units of progress"), _("motivation at the start"),
         _("motivation at the end"), _("left"), _("hand")),
        tuple(
            (p.seat, p.name, p.sector, p.rounds, _h(p.hours), _h(p.meetings), _h(p.overhead),
             _h(p.crowding), _h(p.expert_work), _h(p.mismatch_work), _h(p.sitting_out),
             _h(p.empty_talk), _h(p.progress), p.motivation_start, p.motivation_end, p.left,
             p.hand)
            for p in report.participants
        ),
    )
    return rounds, participants


def report_predictions(state: GameState, notes: DebriefNotes, what_if: WhatIfResult | None
                       ) -> tuple[tuple[str, str], ...]:
    """The room's predictions beside the outcomes, for the report (none recorded: none)."""
    if notes.predictions is None:
        return ()
    question = holder_question(state)
    held_by = holders(state, question) if question is not None else ()
    names = [p.name for p in state.public.participants]
    return answered(notes, question, held_by, names, medians(what_if))
