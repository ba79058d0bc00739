"""Rules v3's figures as the room sees them: crowding hours as their own band in the time
bars, "teams were N× as alike as teams drawn at random" with a team × family grid after the
Reveal, the concentration line and its prompt, excluded perspectives first, lost per finished
task and at risk, talk that paid off beside the jointholism gauge; and in the pit stop, the
crowding hours under a neutral name."""

from __future__ import annotations

from functools import cache

import attrs
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from consortium.engine.metrics import GameMetrics, game_metrics
from consortium.engine.scenario import Scenario
from consortium.engine.simulate import bot_action, bot_config, play_bot_game, seat_policy
from consortium.engine.state import GameConfig, GameState, Phase, TimeBudget
from consortium.present.debrief_data import (
    alike_line,
    build_debrief,
    concentration_line,
    grid_round,
    perspectives_lines,
    team_grid,
)
from consortium.present.i18n import _, ngettext
from consortium.present.labels import hours, time_label
from consortium.present.prompts import SCREENS, load_prompts
from consortium.store.scenarios import shipped_scenarios
from consortium.ui.board.pit_stop_view import figure_texts
from consortium.ui.board.time_chart import PARTS, Bar, paint_time_chart
from consortium.ui.shell.main_window import MainWindow
from tests.ui.test_readable import squeezed_labels

NAMES = ("Ana", "Ben", "Cleo", "Dag", "Eva", "Farid")


@cache
def scenario() -> Scenario:
    return dict(shipped_scenarios())["cancer-care"]


def config(policy: str, seed: int) -> GameConfig:
    c = bot_config(scenario(), policy, seed)
    return attrs.evolve(
        c, seats=tuple(attrs.evolve(s, name=n) for s, n in zip(c.seats, NAMES, strict=True))
    )


@cache
def game(policy: str, seed: int) -> GameState:
    return play_bot_game(scenario(), config(policy, seed))


def herd() -> GameState:
    """Everyone put on one task by plenary vote, round after round (a real group can stumble
    on this): concentration, and crowding beyond the task's useful team size."""
    return game("herd", 7)


def revealed(qtbot: QtBot, window: MainWindow, state: GameState) -> None:
    window.controller.load(state, (True,) * state.public.seats)
    window.pages.setCurrentWidget(window.game)
    window.controller.reveal()
    debrief = window.board.debrief
    qtbot.waitUntil(debrief._revealed.isVisible, timeout=2000)
    for _pass in range(5):
        QApplication.processEvents()


def show_screen(window: MainWindow, key: str) -> None:
    """The facilitator steps the board to one of the debrief's screens."""
    window.controller.show_debrief_screen([s.key for s in SCREENS].index(key))
    for _pass in range(5):
        QApplication.processEvents()
    assert window.board.debrief.screens.currentWidget() is window.board.debrief.screen_of[key]


def crowding_pixels(image: QImage) -> int:
    """Pixels in the crowding band's colour (between the lines of its hatching, as drawn)."""
    colour = QColor(PARTS[2][1]).rgb()
    return sum(
        1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
        if image.pixel(x, y) == colour
    )


def chart_image(bars: list[Bar]) -> QImage:
    image = QImage(900, 420, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    paint_time_chart(painter, QRectF(0, 0, 900, 420), bars, QFont(QApplication.font()))
    painter.end()
    return image


# --- the debrief after the Reveal ---------------------------------------------------------


def test_a_herd_game_debrief_names_concentration_crowding_and_the_grid(
    qtbot: QtBot, window: MainWindow
) -> None:
    state = herd()
    m = game_metrics(state)
    assert m.concentration_flag and m.crowding_hours > 0  # what this test is about
    revealed(qtbot, window, state)
    debrief = window.board.debrief

    # "teams were N× as alike as teams drawn at random"
    assert m.alignophilia_ratio is not None
    assert debrief.alike.text() == alike_line(m)  # its wording: test_the_ratio_in_words
    assert f"{m.alignophilia_ratio:.1f}×" in debrief.alike.text()
    # the concentration line and its prompt
    worked = sum(1 for r in m.rounds if r.largest_team_share is not None)
    assert worked == len(m.rounds)
    line = _("Concentration: in {count} of {rounds} one team held at least {limit} of the "
             "working hours while other tasks stood open.").format(
        count=m.concentrated_rounds, limit=_("{percent} %").format(percent=60),
        rounds=ngettext("{n} round", "{n} rounds", worked).format(n=worked))
    assert debrief.concentration.text().startswith(line)
    concentration_prompt = next(p.text for p in load_prompts() if p.when == "concentration")
    assert debrief.prompts.text().splitlines()[0] == f"• {_(concentration_prompt)}"
    # the jointholism gauge shows meeting and crowding hours apart
    gauge = debrief.jointholism.accessibleDescription()
    meetings, crowding = debrief.jointholism.parts
    assert (meetings.part, crowding.part) == ("time in meetings", "crowding")  # the chart's keys
    assert (meetings.hours, crowding.hours) == (m.meeting_hours, m.crowding_hours)
    assert meetings.text in gauge and crowding.text in gauge
    total = sum(r.hours for r in m.rounds)
    assert crowding.share == pytest.approx(m.crowding_hours / total)
    assert crowding.text == _("{part} {hours} ({share})").format(
        part=time_label("crowding"), hours=hours(m.crowding_hours), share=f"{crowding.share:.2f}")
    assert debrief.figures.text() == _(
        "Meeting hours: {meeting} · crowding hours: {crowding} · empty talk hours: {empty} · "
        "mismatch hours: {mismatch}").format(
        meeting=hours(m.meeting_hours), crowding=hours(m.crowding_hours),
        empty=hours(m.empty_talk_hours), mismatch=hours(m.mismatch_hours))
    # talk that paid off, beside the gauge
    assert m.talk_yield is not None
    assert debrief.talk_yield.text() == _(
        "Talk that paid off: {rate} per meeting hour ({paid} needs found or cards shown that "
        "the work then used, in {hours} of meetings)."
    ).format(rate=f"{m.talk_yield:.2f}", paid=sum(r.talk_paid for r in m.rounds),
             hours=hours(m.meeting_hours))

    # the time bars: crowding is its own band, in the legend and in words
    bars = debrief.chart.bars
    assert sum(b.time.crowding for b in bars) == pytest.approx(m.crowding_hours)
    assert "crowding" in [name for name, _colour, _pattern in PARTS]
    for r in m.rounds:
        assert _("{part} {hours}").format(part=time_label("crowding"),
                                          hours=hours(r.crowding_hours)) in (
            debrief.chart.accessibleDescription())
    show_screen(window, "reconstruct")  # the chart's screen, at its size on the board
    with_band = crowding_pixels(debrief.chart.grab().toImage())
    without = [attrs.evolve(b, time=attrs.evolve(b.time, crowding=0.0)) for b in bars]
    debrief.chart.set_bars(without)
    legend_only = crowding_pixels(debrief.chart.grab().toImage())
    assert legend_only > 0  # the legend's swatch
    assert with_band > legend_only * 2  # and the bands

    # the team × family grid: a row per team of the round it names, a column per family
    chosen = grid_round(state.hidden.ledger)
    assert chosen is not None
    record, why = chosen
    teams = {s.task for s in record.seats}
    grid = debrief.grid_model
    assert grid.rowCount() == len(teams)
    families = [f.name for f in scenario().families]
    header = [grid.headerData(c, Qt.Orientation.Horizontal)
              for c in range(1, grid.columnCount())]
    assert header == families
    assert debrief.grid_caption.text() == _(
        "{caption}: how many cards of each family each team's members held. A team whose "
        "cards sit in one family is a team of alike people.").format(caption=why)
    assert why == _("Round {number}, the last round with a team of two or more").format(
        number=record.round)
    titles = {state.public.task(t).title for t in teams if t is not None}
    rows = team_grid(state)
    assert rows is not None and titles <= {row.team for row in rows.rows}
    assert [str(grid.index(r, 0).data()) for r in range(grid.rowCount())] == [
        _("{team}: {members}").format(team=row.team, members=row.members) for row in rows.rows
    ]
    # every card of every present participant is counted once
    cards = sum(len(record.hands[s.seat]) for s in record.seats)
    counted = sum(int(str(grid.index(r, c).data())) for r in range(grid.rowCount())
                  for c in range(1, grid.columnCount()))
    assert counted == cards

    # nothing the room reads is cut
    assert squeezed_labels(window.board) == []


def test_perspectives_lead_with_the_excluded_then_lost_per_finished_task_and_at_risk(
    qtbot: QtBot, window: MainWindow
) -> None:
    state = game("self-select", 3)
    m = game_metrics(state)
    assert m.excluded_perspectives and m.finished_tasks  # what this test is about
    revealed(qtbot, window, state)
    debrief = window.board.debrief
    lines = debrief.perspectives.text().splitlines()
    lost = m.lost_perspectives_present + m.lost_perspectives_absent
    finished = m.finished_tasks

    def rate(count: int) -> str:
        return _("{rate} per finished task").format(rate=f"{count / finished:.1f}")

    assert lines == [
        _("Excluded perspectives: {count} (someone present and free to help held the needed "
          "knowledge, but it never reached the task).").format(count=m.excluded_perspectives),
        _("Lost perspectives: {count} on {tasks} ({rate}): {present} someone in the room "
          "held, {absent} nobody held.").format(
            count=lost, rate=rate(lost),
            tasks=ngettext("{n} finished task", "{n} finished tasks", finished).format(
                n=finished),
            present=m.lost_perspectives_present, absent=m.lost_perspectives_absent),
        _("At risk: {count} needs still uncovered on tasks worked on but not finished "
          "({rate}).").format(count=m.at_risk, rate=rate(m.at_risk)),
    ]
    # the table lists the excluded ones first
    kinds = [debrief.perspectives_model.index(r, 3).data()
             for r in range(debrief.perspectives_model.rowCount())]
    excluded = _("excluded")
    assert kinds == sorted(kinds, key=lambda k: k != excluded)
    assert kinds[0] == excluded
    # a self-selected game: teams more alike than chance, the most alike round in the grid
    assert m.alignophilia_ratio is not None and m.alignophilia_ratio > 1
    assert debrief.alike.text() == _(
        "Teams were {ratio}× as alike as teams drawn at random: more alike than chance."
    ).format(ratio=f"{m.alignophilia_ratio:.1f}")
    chosen = grid_round(game("self-select", 3).hidden.ledger)
    assert chosen is not None and chosen[1] == _(
        "Round {number}, the round teams were most alike ({ratio}× as alike as teams drawn at "
        "random)").format(number=chosen[0].round, ratio=f"{chosen[0].team_likeness:.1f}")
    assert debrief.grid_caption.text() == _(
        "{caption}: how many cards of each family each team's members held. A team whose "
        "cards sit in one family is a team of alike people.").format(caption=chosen[1])
    assert squeezed_labels(window.board) == []


def test_every_debrief_screen_fits_the_board_without_scrolling(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The debrief is one screen at a time (issue 14): each of the script's screens fits the
    board at 1920×1080 and on a 1366×768 laptop, nothing squeezed; only "All the figures"
    (the long tables, one click away) scrolls."""
    revealed(qtbot, window, herd())
    debrief = window.board.debrief
    for size in ((1920, 1080), (1366, 768)):
        window.showNormal()
        window.resize(*size)
        qtbot.waitUntil(lambda size=size: window.width() == size[0], timeout=2000)
        window.board.fit_now()
        for screen in SCREENS:
            if screen.key == "details":
                continue
            show_screen(window, screen.key)
            window.board.fit_now()
            qtbot.wait(20)
            page = debrief.screen_of[screen.key]
            needed = page.minimumSizeHint().height()
            assert needed <= debrief.screens.height(), (size, screen.key, needed)
            assert squeezed_labels(window.board) == [], (size, screen.key)


# --- the figures in words ------------------------------------------------------------------


def metrics() -> GameMetrics:
    return game_metrics(game("balanced", 7))


def test_no_finished_task_is_said_so_not_counted_as_nothing_lost() -> None:
    m = attrs.evolve(metrics(), finished_tasks=0, lost_perspectives_present=0,
                     lost_perspectives_absent=0, at_risk=7, lost_per_finished=None)
    excluded, lost, risk = perspectives_lines(m)
    assert excluded == _(
        "Excluded perspectives: {count} (someone present and free to help held the needed "
        "knowledge, but it never reached the task).").format(count=m.excluded_perspectives)
    assert lost == _(
        "Lost perspectives: {count} on {tasks} ({rate}): {present} someone in the room held, "
        "{absent} nobody held.").format(
        count=0, tasks=ngettext("{n} finished task", "{n} finished tasks", 0).format(n=0),
        rate=_("no task finished"), present=0, absent=0)
    assert risk == _(
        "At risk: {count} needs still uncovered on tasks worked on but not finished "
        "({rate}).").format(count=7, rate=_("no task finished"))


def test_the_ratio_in_words() -> None:
    m = metrics()
    assert alike_line(attrs.evolve(m, alignophilia_ratio=1.84)) == _(
        "Teams were {ratio}× as alike as teams drawn at random: more alike than chance."
    ).format(ratio="1.8")
    assert alike_line(attrs.evolve(m, alignophilia_ratio=0.6)) == _(
        "Teams were {ratio}× as alike as teams drawn at random: less alike than chance."
    ).format(ratio="0.6")
    assert alike_line(attrs.evolve(m, alignophilia_ratio=1.0)) == _(
        "Teams were {ratio}× as alike as teams drawn at random: about as alike as chance."
    ).format(ratio="1.0")
    assert m.alignophilia_index is not None  # an index without a ratio: the difference
    assert alike_line(attrs.evolve(m, alignophilia_ratio=None)) == _(
        "Teams drawn at random would have shared no family at all, so there is no ratio; the "
        "index above is the difference.")
    assert alike_line(attrs.evolve(m, alignophilia_ratio=None, alignophilia_index=None)) == _(
        "No round had a team of two or more, so teams cannot be compared with teams drawn at "
        "random.")


def test_no_concentration_is_said_with_the_largest_team_share() -> None:
    m = metrics()
    calm = attrs.evolve(m, concentrated_rounds=0, concentration_flag=False, concentration=0.42)
    line = concentration_line(calm)
    worked = sum(1 for r in calm.rounds if r.largest_team_share is not None)
    rounds = (ngettext("{n} round", "{n} rounds", worked) if worked == len(calm.rounds) else
              ngettext("the {n} round with work on a task", "the {n} rounds with work on a task",
                       worked)).format(n=worked)
    assert line == _(
        "Concentration: in none of {rounds} did one team hold at least {limit} of the working "
        "hours while other tasks stood open (the largest team held {mean} on average)."
    ).format(rounds=rounds, limit=_("{percent} %").format(percent=60),
             mean=_("{percent} %").format(percent=42))


def test_the_grid_round_is_the_most_alike_or_the_last_with_a_team() -> None:
    ledger = game("self-select", 3).hidden.ledger
    chosen = grid_round(ledger)
    assert chosen is not None
    best = max(r.team_likeness for r in ledger if r.team_likeness is not None)
    assert chosen[0].team_likeness == best
    assert chosen[1] == _(
        "Round {number}, the round teams were most alike ({ratio}× as alike as teams drawn at "
        "random)").format(number=chosen[0].round, ratio=f"{best:.1f}")
    # the herd: one team every round, all alike as chance: the last round with a team
    ledger = herd().hidden.ledger
    chosen = grid_round(ledger)
    assert chosen is not None
    last = [r for r in ledger if r.alignophilia is not None][-1]
    assert chosen[0] is last and chosen[1] == _(
        "Round {number}, the last round with a team of two or more").format(number=last.round)
    # no team of two, no grid
    alone = tuple(attrs.evolve(r, alignophilia=None, team_likeness=None) for r in ledger)
    assert grid_round(alone) is None


def test_the_debrief_record_has_the_grid_and_the_prompts() -> None:
    d = build_debrief(herd())
    assert d.team_grid is not None
    assert d.team_grid.families == tuple(f.name for f in scenario().families)
    assert 2 <= len(d.prompts) <= 3
    assert d.hours == pytest.approx(sum(r.hours for r in d.metrics.rounds))


# --- the pit stop, during play --------------------------------------------------------------


def at_pit_stop(policy: str, seed: int, round_no: int) -> GameState:
    from consortium.engine import flow
    from consortium.engine.game import apply_legal, opening

    state = flow.start_organizing(opening(scenario(), config(policy, seed)))
    while not (state.public.phase is Phase.PIT_STOP and state.public.round == round_no):
        state = apply_legal(state, bot_action(state, seat_policy(state, state.public.actor)))
    return state


def test_the_pit_stop_shows_crowding_under_a_neutral_name(
    qtbot: QtBot, window: MainWindow
) -> None:
    state = at_pit_stop("herd", 7, 3)
    pit = state.public.pit_stops[-1]
    assert pit.time.crowding > 0  # what this test is about
    window.controller.load(state, (True,) * state.public.seats)
    window.pages.setCurrentWidget(window.game)
    for _pass in range(5):
        QApplication.processEvents()
    view = window.board.pit_stop
    assert view.labels["meetings"].text() == _(
        "Time in meetings: {meetings} of {hours} ({share}) · crowding: {crowding}").format(
        meetings=hours(pit.time.meetings), hours=hours(pit.hours),
        share=f"{pit.time.meetings / pit.hours:.0%}", crowding=hours(pit.time.crowding))
    assert figure_texts(state.public, pit)["meetings"] == view.labels["meetings"].text()
    assert _("{part} {hours}").format(part=time_label("crowding"),
                                      hours=hours(pit.time.crowding)) in (
        view.chart.accessibleDescription())
    with_band = crowding_pixels(view.chart.grab().toImage())
    view.chart.set_bars([attrs.evolve(b, time=attrs.evolve(b.time, crowding=0.0))
                         for b in view.chart.bars])
    assert with_band > crowding_pixels(view.chart.grab().toImage())  # a band, not only the
    # legend's swatch
    # no concept names during play
    text = " ".join(w.text() for w in window.board.findChildren(QLabel)).lower()
    assert "jointholism" not in text and "alignophilia" not in text
    assert squeezed_labels(window.board) == []


def test_crowding_is_drawn_apart_from_the_rest_of_the_overhead() -> None:
    time = TimeBudget(meetings=6, overhead=10, expert_work=20, crowding=4)
    crowded = crowding_pixels(chart_image([Bar("Round 1", time)]))
    plain = crowding_pixels(chart_image([Bar("Round 1", attrs.evolve(time, crowding=0.0))]))
    assert crowded > plain * 3
