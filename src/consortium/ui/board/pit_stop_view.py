"""The pit stop between rounds: where the time went and progress, with neutral labels.

Shows the public ``PitStop`` summaries of the public view only (no hands, no holders): a
stacked bar per round so far (this round in bold; crowding, the hours paid for people a task
could not use, as its own band), this round's figures (the crowding hours beside the time in
meetings), and the board after
work (progress made, needs found, finished tasks stamped). Listens to
``BoardPort.changed`` (``pit_stops``).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from consortium.engine.state import PitStop, PublicState
from consortium.play.records import Change
from consortium.present import scenario_words as words
from consortium.present.i18n import _
from consortium.present.labels import hours, mode_label
from consortium.present.numbers import decimal, percent, plain, signed
from consortium.present.what_if_words import glance
from consortium.ui.board.board_port import BoardPort
from consortium.ui.board.time_chart import Bar, TimeChart
from consortium.ui.board.work_summary import WorkSummary
from consortium.ui.kit.widgets import label

FIGURES = (
    "impact_round",
    "impact_total",
    "value_in_progress",
    "finished",
    "meetings",
    "lost",
    "at_risk",
    "similarity",
    "comings",
)


def figure_texts(view: PublicState, pit: PitStop) -> dict[str, str]:
    """Each figure of a pit stop as the screen says it (also used by the tests)."""
    titles = [words.task_title(view.catalog, t, view.task(t).title) for t in pit.finished]
    share = pit.time.meetings / pit.hours if pit.hours else 0.0
    similarity = "—" if pit.team_similarity is None else signed(pit.team_similarity, 2)
    return {
        "impact_round": _("Impact this round: {impact}").format(
            impact=decimal(pit.impact_this_round, 1)),
        "impact_total": _("Impact so far: {impact} of target {target}").format(
            impact=decimal(pit.impact_total, 1), target=plain(view.target)),
        "value_in_progress": _("Value in progress (unfinished tasks): {value}").format(
            value=decimal(pit.value_in_progress, 1)),
        "finished": _("Finished: {tasks}").format(
            tasks=", ".join(titles) if titles else _("no task this round")),
        # crowding (rules v3) beside the meetings, as on the jointholism gauge later; its
        # band in the chart says the same
        "meetings": _("Time in meetings: {meetings} of {hours} ({share}) · crowding: "
                      "{crowding}").format(
            meetings=hours(pit.time.meetings), hours=hours(pit.hours), share=percent(share),
            crowding=hours(pit.time.crowding)),
        "lost": _("Needed knowledge missing from finished tasks: {present} someone in the "
                  "room held, {absent} nobody held").format(
            present=pit.lost_present, absent=pit.lost_absent),
        "at_risk": _("Requirements not yet covered on open tasks: {count}").format(
            count=pit.at_risk),
        "similarity": _("Team similarity (above chance): {similarity}").format(
            similarity=similarity),
        "comings": _("Arrivals: {arrivals} · departures: {departures}").format(
            arrivals=pit.arrivals, departures=pit.departures),
    }


class PitStopView(QWidget):
    def __init__(self, port: BoardPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label(name="title")
        self.chart = TimeChart(_("Where the time went, by round"))
        self.chart.setMaximumHeight(300)  # as tall as the figures beside it (set_unit)
        self.labels: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setVerticalSpacing(4)
        for i, key in enumerate(FIGURES):
            line = label(name="big" if i < 2 else "figure", wrap=True)
            self.labels[key] = line
            grid.addWidget(line, i, 0)
        # the optional what-if glance (the facilitator's choice): bots, not people
        self.what_if_line = label(name="figure", wrap=True)
        self.what_if_line.setAccessibleName(_("What if: the same deal played by bots"))
        self.what_if_line.setVisible(False)
        grid.addWidget(self.what_if_line, len(FIGURES), 0)
        grid.setRowStretch(len(FIGURES) + 1, 1)
        self.hint = label(_("The facilitator presses Enter to go on."), name="hint")
        self.work = WorkSummary()
        # Two columns on every screen: the chart over the board after work on the left, the
        # figures on the right. Stacked, the page was taller than a projector (issue 12).
        left = QVBoxLayout()
        left.addWidget(self.chart, 1)  # what height the rows leave, within its limits
        left.addWidget(label(_("The board after work"), name="heading"))
        left.addWidget(self.work)
        right = QVBoxLayout()
        right.addLayout(grid)
        right.addWidget(self.hint)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        self._body = body
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.heading)
        layout.addLayout(body, 1)
        # No scroll area (issue 12: it opened scrolled down, its title hidden): the board's
        # stage shrinks the type until the page fits, heading first.
        page.setAccessibleName(_("Pit stop"))
        self.page_layout = layout
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(page)
        self._port = port
        self._last: Change | None = None
        port.changed.connect(self._on_game_changed)
        if port.what_if is not None:
            port.what_if.changed.connect(self._show_glance)

    def _show_glance(self) -> None:
        change = self._last
        result = self._port.what_if_result()
        line = None
        if change is not None and change.session.what_if_glance and result is not None \
                and change.view.pit_stops:
            line = glance(result, change.view.pit_stops[-1].round)
        self.what_if_line.setText(line or "")
        self.what_if_line.setVisible(line is not None)

    def set_unit(self, unit: int) -> None:
        """The chart as tall as the figures beside it, in the board's unit."""
        self.chart.setMinimumHeight(unit * 8)
        self.chart.setMaximumHeight(unit * 14)
        self.page_layout.setContentsMargins(0, 0, 0, 0)
        self.page_layout.setSpacing(max(4, unit // 3))
        self._body.setSpacing(unit)

    def _on_game_changed(self, change: Change) -> None:
        self._last = change
        self._show_glance()
        view = change.view
        if change.round_events is not None:
            self.work.start_from(change.round_events)
        else:
            self.work.hear(change.events)
        if not change.pit_stops or not view.pit_stops:
            return
        pit = view.pit_stops[-1]
        self.heading.setText(_("Pit stop after round {number} · {mode}").format(
            number=pit.round, mode=mode_label(pit.mode)))
        self.chart.set_bars(
            [Bar(_("Round {number}").format(number=p.round), p.time, p is pit)
             for p in view.pit_stops]
        )
        for key, text in figure_texts(view, pit).items():
            self.labels[key].setText(text)
        self.work.show_round(view)
