"""The report's record and its CSV tables, without Qt: a game still in play has no report;
the CSV's columns add up to what the debrief says."""

from __future__ import annotations

from pathlib import Path

import pytest

from consortium.present.i18n import _
from consortium.present.labels import hours
from consortium.present.report_data import GameNotOver, csv_tables, facts, report_from_save
from consortium.store.save_load import read_save_file
from tests.report.saves import finished_save, unfinished_save


def test_an_unfinished_game_has_no_report(tmp_path: Path) -> None:
    with pytest.raises(GameNotOver):
        report_from_save(read_save_file(unfinished_save(tmp_path)))


def test_the_facts_name_the_scenario_the_date_the_seats_and_the_code(tmp_path: Path) -> None:
    loaded = read_save_file(finished_save(tmp_path))
    report = report_from_save(loaded)
    said = dict(facts(report))
    assert said[_("Scenario")] == loaded.header.scenario_title
    assert said[_("Date")] == loaded.header.started_at.date().isoformat()
    assert said[_("Session code")] == loaded.header.session_code
    assert said[_("Seed")] == str(loaded.save.config.seed)
    for name in loaded.header.players:
        assert name in said[_("Seats")]
    assert said[_("Rounds")] == _("{played} of {planned}").format(played=3, planned=3)


def test_the_csv_totals_are_the_debriefs(tmp_path: Path) -> None:
    report = report_from_save(read_save_file(finished_save(tmp_path)))
    m = report.debrief.metrics
    rounds, participants = csv_tables(report)
    assert len(rounds.rows) == report.debrief.rounds_played
    column = {name: i for i, name in enumerate(rounds.header)}

    def total(table_rows: tuple[tuple[object, ...], ...], i: int) -> float:
        return sum(float(row[i]) for row in table_rows)  # type: ignore[arg-type]

    # as the debrief shows them: "Meeting hours: 8.3 h", "impact 8.0 of 23"
    assert hours(total(rounds.rows, column[_("time in meetings")])) == hours(m.meeting_hours)
    assert hours(total(rounds.rows, column[_("crowding")])) == hours(m.crowding_hours)
    assert hours(total(rounds.rows, column[_("mismatch work")])) == hours(m.mismatch_hours)
    assert hours(total(rounds.rows, column[_("hours")])) == hours(report.debrief.hours)
    assert f"{total(rounds.rows, column[_('impact')]):.1f}" == f"{m.impact:.1f}"
    assert total(rounds.rows, column[_("excluded perspectives")]) == m.excluded_perspectives
    # each round's parts add up to its hours
    parts = [column[k] for k in (_("time in meetings"),
                                 _("coordination overhead (without crowding)"), _("crowding"),
                                 _("expert work"), _("mismatch work"), _("sitting out"))]
    for row in rounds.rows:
        assert sum(float(row[i]) for i in parts) == pytest.approx(  # type: ignore[arg-type]
            float(row[column[_("hours")]]), abs=0.01)  # type: ignore[arg-type]
    # everyone who sat at the table, newcomers too, and their hours add up to everyone's
    p_column = {name: i for i, name in enumerate(participants.header)}
    names = {row[p_column[_("participant")]] for row in participants.rows}
    assert names == {h.name for h in report.debrief.hands}
    assert hours(total(participants.rows, p_column[_("hours")])) == hours(report.debrief.hours)
    assert hours(total(participants.rows, p_column[_("time in meetings")])) == hours(
        m.meeting_hours)


def test_the_optional_sections_are_kept_as_given(tmp_path: Path) -> None:
    loaded = read_save_file(finished_save(tmp_path))
    plain = report_from_save(loaded)
    assert plain.what_if is None and plain.predictions == () and plain.agreement == ""
    given = report_from_save(loaded, what_if=object(), predictions=(("Q?", "A."),),
                             agreement="  We agree.\n")
    assert given.agreement == "We agree."
    assert given.predictions == (("Q?", "A."),)


def test_a_game_ended_early_is_reported_as_such() -> None:
    golden = Path(__file__).parent.parent / "golden" / "saves-0.1.0"
    loaded = read_save_file(golden / "6-seats_show-of-hands_4-people_named-holder_ended-early"
                                     ".consortium")
    report = report_from_save(loaded)
    d = report.debrief
    assert d.ended_early and d.rounds_played < d.rounds_planned
    assert dict(facts(report))[_("Rounds")] == _("{played} of {planned} (ended early)").format(
        played=d.rounds_played, planned=d.rounds_planned)
    assert [s.person for s in report.seats] == list(loaded.room.people)
