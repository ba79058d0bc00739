"""The end of the game on the shared board: first a neutral "game over" line, then, after the
facilitator's Reveal, the full debrief with the concept names.

Before the Reveal it shows only the public view (impact against the target). After it, it
shows the ``RevealedDebrief`` record from ``BoardPort.debrief``: where the time went per round
(stacked bars, crowding hours as their own band), the jointholism index with its meeting and
crowding hours apart and the talk that paid off beside it, the alignophilia index with "teams
were N× as alike as teams drawn at random" and one round's team × family grid, concentration,
empty talk hours, excluded perspectives first, then lost ones per finished task and those at
risk, with who held them, every hand, motivation and departures, progress against the
target, the debrief script as facilitator notes and 2–3 prompts chosen by the flags. Listens
to ``BoardPort.changed`` (``debrief``, ``phase``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QGridLayout,
    QHeaderView,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consortium.play.records import Change
from consortium.present.debrief_data import (
    RevealedDebrief,
    TeamGrid,
    alike_line,
    concentration_line,
    gauges,
    perspectives_lines,
    talk_yield_line,
)
from consortium.present.i18n import N_, _
from consortium.present.labels import hours, mode_label
from consortium.present.numbers import decimal, percent, plain
from consortium.present.predictions import (
    answered,
    best_way_question,
    hands_line,
    holder_question_text,
    medians,
)
from consortium.present.prompts import SCREENS, SCRIPT, TRANSFER_QUESTION
from consortium.present.what_if_words import figure, group_value, measure_name
from consortium.ui.board.board_port import BoardPort
from consortium.ui.board.index_gauge import IndexGauge
from consortium.ui.board.story_chart import StoryChart
from consortium.ui.board.time_chart import Bar, TimeChart
from consortium.ui.board.what_if_band import WhatIfBand
from consortium.ui.kit.table_model import Index, RowsModel
from consortium.ui.kit.widgets import label
from consortium.ui.kit.wrapping_header import WrappingHeader

JOINTHOLISM_LINE = N_(
    "Jointholism: talk crowding out action. The share of everyone's hours spent in meetings, "
    "or on a task that already had all the people it could use (crowding)."
)
ALIGNOPHILIA_LINE = N_(
    "Alignophilia: similarity pushed so far that needed perspectives are shut out. How much "
    "more alike teammates were than teams drawn at random."
)


class FullHeightTable(QTableView):
    """A table as tall as its rows. The debrief scrolls as one page; a table that scrolled
    inside it would hide rows (revealed hands, lost perspectives) from the room and from a
    screenshot or printed page."""

    def __init__(self) -> None:
        super().__init__()
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resizeRowsToContents()  # wrapped lines change with the width
        self.updateGeometry()


class FamilyGridModel(RowsModel):
    """The team × family grid: a row per team (its task and members), a column per family,
    each cell the number of cards; fuller cells are shaded darker, and the number is always
    written, so the shading is never the only signal."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((_("Team (task) and members"),), parent)
        self._top = 1

    def set_grid(self, grid: TeamGrid | None) -> None:
        if grid is None:
            self.set_table((_("Team (task) and members"),), ())
            return
        self._top = max((c for row in grid.rows for c in row.counts), default=0) or 1
        self.set_table(
            (_("Team (task) and members"), *grid.families),
            [(_("{team}: {members}").format(team=row.team, members=row.members),
              *(str(c) for c in row.counts)) for row in grid.rows],
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if index.isValid() and index.column() > 0:
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            count = int(str(super().data(index)))
            if role == Qt.ItemDataRole.BackgroundRole:
                # from paper towards the accent blue, the fuller the darker, never so dark
                # that the black number on it is hard to read
                t = 0.6 * count / self._top
                return QColor(*(round(255 + (c - 255) * t) for c in (11, 79, 156)))
        return super().data(index, role)


def _table(model: RowsModel, name: str, stretch: tuple[int, ...] = ()) -> QTableView:
    """A full-height, read-only table; the ``stretch`` columns share the width left by the
    others and wrap their text (on a laptop screen a long holder list would otherwise push the
    last column out of sight)."""
    table = FullHeightTable()
    table.setHorizontalHeader(WrappingHeader(table))
    table.setModel(model)
    table.setAccessibleName(name)
    table.setWordWrap(True)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(not stretch)
    for column in stretch:
        table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    model.modelReset.connect(table.resizeRowsToContents)
    model.modelReset.connect(table.updateGeometry)
    table.verticalHeader().setVisible(False)
    return table


def result_line(d: RevealedDebrief) -> str:
    m = d.metrics
    if d.ended_early:
        text = (_("The partnership reached its target: impact {impact} of {target} (ended "
                  "early after {played} of {planned} rounds).") if m.won else
                _("The partnership did not reach its target: impact {impact} of {target} "
                  "(ended early after {played} of {planned} rounds)."))
    else:
        text = (_("The partnership reached its target: impact {impact} of {target}.") if m.won
                else _("The partnership did not reach its target: impact {impact} of "
                       "{target}."))
    return text.format(impact=decimal(m.impact, 1), target=plain(m.target),
                       played=d.rounds_played, planned=d.rounds_planned)


class DebriefView(QWidget):
    """Game over, the two predictions, then — after the Reveal — the debrief one screen at a
    time (``present.prompts.SCREENS``: React, Reconstruct, Name, What if, Transfer, and all
    the figures one step further). The screen shown is the session's ``debrief_screen``; the
    facilitator steps through them on the laptop, where the notes are."""

    def __init__(self, port: BoardPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self.heading = label(_("Game over"), name="title")
        self.result = label(name="heading", wrap=True)
        self.waiting = label(
            _("The facilitator reveals every hand to start the debrief."), name="big"
        )
        self.questions = label(name="big", wrap=True)
        self.questions.setAccessibleName(_("Two questions before the Reveal"))
        self.chart = TimeChart(_("Where the time went, by round"))
        self.chart.setMinimumHeight(260)
        # Concept names appear only after the Reveal (GAME.md): the gauges and their lines
        # are named in show_debrief.
        self.jointholism = IndexGauge("")
        self.alignophilia = IndexGauge("")
        self.jointholism_line = label("", wrap=True)
        self.alignophilia_line = label("", wrap=True)
        self.talk_yield = label(wrap=True)
        self.talk_yield.setAccessibleName(_("Talk that paid off"))
        self.alike = label(name="big", wrap=True)
        self.alike.setAccessibleName(_("How alike teams were"))
        self.concentration = label(wrap=True)
        self.concentration.setAccessibleName(_("Concentration"))
        self.figures = label(wrap=True)
        self.figures.setAccessibleName(_("Debrief figures"))
        self.progress = label(wrap=True)
        self.progress.setAccessibleName(_("Progress against the target"))
        self.grid_caption = label(wrap=True)
        self.grid_caption.setAccessibleName(_("Which round the grid shows"))
        self.grid_model = FamilyGridModel(self)
        self.grid = _table(self.grid_model, _("Cards per family, team by team"))
        self.grid.horizontalHeader().setStretchLastSection(False)
        self.grid_model.modelReset.connect(self._stretch_grid)
        self.perspectives = label(wrap=True)
        self.perspectives.setAccessibleName(_("Perspectives: excluded, lost, at risk"))
        self.perspectives_model = RowsModel(
            (_("Round"), _("Task"), _("Needed knowledge"), _("What happened"), _("Who held it")),
            self,
        )
        self.hands_model = RowsModel((_("Participant"), _("Sector"), _("Rounds"), _("Hand")),
                                     self)
        self.motivation_model = RowsModel((_("Participant"), _("Start"), _("End"), _("Left")),
                                          self)
        self.departures = label(wrap=True)
        self.prompts = label(name="big", wrap=True)
        self.prompts.setAccessibleName(_("Discussion prompts"))
        self.react_question = label(name="title", wrap=True)
        self.result_react = label(name="heading", wrap=True)
        self.story_chart = StoryChart()
        self.holder_answer = label(name="big", wrap=True)
        self.holder_answer.setAccessibleName(_("Who held the missing knowledge"))
        self.best_way_answer = label(name="big", wrap=True)
        self.best_way_answer.setAccessibleName(_("Which way would have scored highest"))
        self.transfer_question = label(name="title", wrap=True)
        self.agreement = label(name="title", wrap=True)
        self.agreement.setAccessibleName(_("The group's agreement"))
        self.screen_title = label(name="heading", wrap=True)
        self.screen_title.setAccessibleName(_("Debrief screen"))

        # before the Reveal: game over, the result, the two questions, the time by round
        before = QWidget()
        b = QVBoxLayout(before)
        for widget in (self.heading, self.result, self.waiting, self.questions):
            b.addWidget(widget)
        self.round_chart = TimeChart(_("Where the time went, by round"))
        self.round_chart.setMinimumHeight(260)
        b.addWidget(self.round_chart, 1)
        # after it: one screen at a time
        self.screens = QStackedWidget()
        self.screen_of: dict[str, QWidget] = {}
        react = self._screen("react", (self.react_question, self.result_react),
                             stretch=self.story_chart)
        reconstruct = self._screen("reconstruct", (), stretch=self.chart,
                                   after=(self.figures, self.perspectives, self.holder_answer))
        name = QWidget()
        name.setAccessibleName(_("Name"))
        n = QGridLayout(name)
        n.addWidget(self.jointholism, 0, 0)
        n.addWidget(self.alignophilia, 0, 1)
        n.addWidget(self.jointholism_line, 1, 0)
        n.addWidget(self.alignophilia_line, 1, 1)
        n.addWidget(self.talk_yield, 2, 0)
        n.addWidget(self.alike, 2, 1)
        n.addWidget(self.concentration, 3, 0, 1, 2)
        n.setRowStretch(4, 1)
        n.setColumnStretch(0, 1)
        n.setColumnStretch(1, 1)
        what_if = QWidget()
        what_if.setAccessibleName(_("What if"))
        self.what_if_box = QVBoxLayout(what_if)
        self.what_if_box.addWidget(self.best_way_answer)
        self.what_if_status = label(wrap=True)
        self.what_if_box.addWidget(self.what_if_status)
        # one measure at a time, as large as the screen allows (the facilitator switches
        # between impact, jointholism and lost perspectives); the group's figures for all
        # three in a line under it
        self.band = WhatIfBand(measure="impact")
        self.what_if_box.addWidget(self.band, 1)
        self.group_figures = label(wrap=True)
        self.group_figures.setAccessibleName(_("The group's own figures"))
        self.what_if_box.addWidget(self.group_figures)
        runner = port.what_if
        if runner is not None:
            runner.changed.connect(self.show_what_if)
        transfer = self._screen("transfer", (self.transfer_question, self.agreement,
                                             label(_("Questions for the room"), name="heading"),
                                             self.prompts))
        details = QWidget()
        d = QVBoxLayout(details)
        for line in (self.progress, self.departures):
            d.addWidget(line)
        d.addWidget(label(_("Who was alike: cards per family, team by team"), name="heading"))
        d.addWidget(self.grid_caption)
        d.addWidget(self.grid)
        d.addWidget(label(_("Excluded and lost perspectives"), name="heading"))
        for title, table in (
            ("", _table(self.perspectives_model, _("Excluded and lost perspectives"),
                        stretch=(1, 2, 4))),
            (_("Every hand, revealed"), _table(self.hands_model, _("Revealed hands"))),
            (_("Motivation and departures"), _table(self.motivation_model, _("Motivation"))),
        ):
            if title:
                d.addWidget(label(title, name="heading"))
            d.addWidget(table)
        d.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(details)
        scroll.setAccessibleName(_("All the figures"))
        self._body = details
        screens: tuple[tuple[str, QWidget], ...] = (
            ("react", react), ("reconstruct", reconstruct), ("name", name),
            ("what-if", what_if), ("transfer", transfer), ("details", scroll))
        for key, screen in screens:
            self.screen_of[key] = screen
            self.screens.addWidget(screen)
        self._revealed = QWidget()
        rev = QVBoxLayout(self._revealed)
        rev.setContentsMargins(0, 0, 0, 0)
        rev.addWidget(self.screen_title)
        rev.addWidget(self.screens, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(before)
        self.pages.addWidget(self._revealed)
        self.pages.setAccessibleName(_("Debrief"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self._last: Change | None = None
        port.changed.connect(self._on_game_changed)

    @staticmethod
    def _screen(key: str, top: tuple[QWidget, ...], *, stretch: QWidget | None = None,
                after: tuple[QWidget, ...] = ()) -> QWidget:
        screen = QWidget()
        screen.setAccessibleName(_(next(s.title for s in SCREENS if s.key == key)))
        box = QVBoxLayout(screen)
        for widget in top:
            box.addWidget(widget)
        if stretch is not None:
            box.addWidget(stretch, 1)
        for widget in after:
            box.addWidget(widget)
        if stretch is None:
            box.addStretch(1)
        return screen

    def _on_game_changed(self, change: Change) -> None:
        self._last = change
        view = change.view
        if change.new_game:
            self.heading.setText(_("Game over"))
            self.pages.setCurrentIndex(0)
        debrief = self._port.debrief
        if change.debrief and debrief is not None:
            self.show_debrief(debrief)
        if debrief is None or not change.session.revealed:
            text = (
                _("Impact {impact} of target {target} so far.") if view.won is None
                else _("Impact {impact} of target {target}: the partnership reached its "
                       "target.") if view.won
                else _("Impact {impact} of target {target}: the partnership did not reach "
                       "its target.")
            )
            self.result.setText(text.format(impact=decimal(view.impact, 1),
                                             target=plain(view.target)))
            self.round_chart.set_bars(
                [Bar(_("Round {number}").format(number=p.round) + "\n" + mode_label(p.mode),
                     p.time) for p in view.pit_stops]
            )
            self._show_questions(change)
            return
        self._show_screen(change)

    def _show_questions(self, change: Change) -> None:
        """Before the Reveal: the two questions the room answers by show of hands."""
        s = change.session
        over = change.view.won is not None or s.ended_early
        question = self._port.debrief_question() if over else None
        if not over or s.revealed:
            self.questions.setVisible(False)
            return
        lines = [_("Before the Reveal, two questions for the room (show of hands):"),
                 "1. " + best_way_question()]
        if question is not None:
            lines.append("2. " + holder_question_text(question))
        p = s.notes.predictions
        if p is not None:
            lines.append(_("Recorded: {hands}").format(hands=hands_line(p)))
        self.questions.setText("\n".join(lines))
        self.questions.setVisible(True)

    def _show_notes(self, change: Change) -> None:
        """The predictions beside what happened (as the report words them), and the
        agreement as typed."""
        d = self._port.debrief
        s = change.session
        names = [p.name for p in change.view.participants]
        question = d.question if d is not None else None
        pairs = answered(s.notes, question, d.question_holders if d is not None else (),
                         names, medians(self._port.what_if_result()))
        self.best_way_answer.setText("\n".join(pairs[0]))
        self.holder_answer.setText(
            "\n".join(pairs[1]) if len(pairs) > 1
            else _("No task missed knowledge that someone in the room held."))
        agreement = s.notes.agreement
        self.agreement.setText(agreement or _("(The facilitator types the group's agreement "
                                              "on the laptop.)"))

    def show_what_if(self) -> None:
        """The band, or how far its working out has come (bots, not people)."""
        runner = self._port.what_if
        result = self._port.what_if_result()
        # while the bots replay, the band of the replays done so far (said so below)
        provisional = result is None and runner is not None and runner.computing
        if provisional and runner is not None:
            result = runner.provisional()
        measure = self._last.session.what_if_measure if self._last is not None else "impact"
        self.band.set_measure(measure)
        self.band.set_result(result)
        self.band.set_progress(runner.progress() if runner is not None else None)
        group = result.group if result is not None else None
        self.group_figures.setText(_("Your group: {figures}").format(figures=" · ".join(
            _("{measure} {value}").format(measure=measure_name(m),
                                          value=figure(m, group_value(group, m)))
            for m in ("impact", "jointholism", "lost"))) if group is not None else "")
        if runner is None:
            self.what_if_status.setText(_("The what-if is not worked out in this window."))
        elif result is None:
            share = runner.progress()
            self.what_if_status.setText(
                _("Bots are replaying this deal the other ways… {percent} done.").format(
                    percent=percent(share or 0.0)) if runner.computing
                else _("The what-if is worked out when the last round begins."))
        elif provisional and runner is not None:
            self.what_if_status.setText(
                _("From round {number}: bots, not people, {seeds} replays of each way so far "
                  "({percent} done); the band firms up as they go.").format(
                    number=result.from_round, seeds=result.seeds,
                    percent=percent(runner.progress() or 0.0)))
        else:
            self.what_if_status.setText(
                _("From round {number}: bots, not people, {seeds} replays of each way.").format(
                    number=result.from_round, seeds=result.seeds))
        if self._last is not None and self._last.session.revealed:
            self._show_notes(self._last)

    def _show_screen(self, change: Change) -> None:
        self._show_notes(change)
        index = min(change.session.debrief_screen, len(SCREENS) - 1)
        screen = SCREENS[index]
        self.screen_title.setText(_("Debrief · {number} of {count} · {title}").format(
            number=index + 1, count=len(SCREENS), title=_(screen.title)))
        self.screens.setCurrentWidget(self.screen_of[screen.key])
        if screen.key == "what-if":
            self.show_what_if()  # (again: the measure may have changed)

    def show_debrief(self, d: RevealedDebrief) -> None:
        m = d.metrics
        self.heading.setText(_("Debrief"))
        self.pages.setCurrentWidget(self._revealed)
        self.result_react.setText(result_line(d))
        self.result.setText(result_line(d))
        self.react_question.setText(_(SCRIPT[0][1]))
        self.transfer_question.setText(_(TRANSFER_QUESTION))
        if d.story is not None:
            self.story_chart.set_story(d.story)
        self.chart.set_bars(
            [Bar(_("Round {number}").format(number=r.round) + "\n" + mode, r.time)
             for r, mode in zip(m.rounds, d.modes, strict=False)]
        )
        self.jointholism_line.setText(_(JOINTHOLISM_LINE))
        self.alignophilia_line.setText(_(ALIGNOPHILIA_LINE))
        for widget, gauge in zip((self.jointholism, self.alignophilia), gauges(d), strict=True):
            widget.set_name(gauge.name)
            widget.set_value(gauge.value, gauge.threshold, gauge.verdict, gauge.flagged,
                             gauge.parts)
        self.talk_yield.setText(talk_yield_line(d))
        self.alike.setText(alike_line(m))
        self.concentration.setText(concentration_line(m))
        self.figures.setText(
            _("Meeting hours: {meeting} · crowding hours: {crowding} · empty talk hours: "
              "{empty} · mismatch hours: {mismatch}").format(
                meeting=hours(m.meeting_hours), crowding=hours(m.crowding_hours),
                empty=hours(m.empty_talk_hours), mismatch=hours(m.mismatch_hours))
        )
        grid = d.team_grid
        self.grid_caption.setText(
            _("{caption}: how many cards of each family each team's members held. A team "
              "whose cards sit in one family is a team of alike people.").format(
                caption=grid.caption) if grid is not None
            else _("No round had a team of two or more, so there is no grid of teams.")
        )
        self.grid_model.set_grid(grid)
        self.grid.setVisible(grid is not None)
        self.perspectives.setText("\n".join(perspectives_lines(m)))
        by_round = " · ".join(
            _("R{number}: {impact}").format(number=i + 1, impact=decimal(v, 1))
            for i, v in enumerate(d.impact_by_round)
        )
        self.progress.setText(
            _("Impact by round: {by_round}\nTotal {impact} of target {target} · value in "
              "progress {in_progress} · burned out {burned_out} · moved on {moved_on}").format(
                by_round=by_round, impact=decimal(m.impact, 1), target=plain(m.target),
                in_progress=decimal(m.value_in_progress, 1), burned_out=m.burned_out,
                moved_on=m.moved_on)
        )
        self.perspectives_model.set_rows(
            [(str(p.round), p.task, p.requirement, p.kind, p.holders) for p in d.perspectives]
        )
        self.hands_model.set_rows([(h.name, h.sector, h.rounds, h.cards) for h in d.hands])
        self.motivation_model.set_rows(
            [(x.name, str(x.start), str(x.end), x.note or "—") for x in d.motivation]
        )
        self.departures.setText(
            _("Departures: {departures}").format(
                departures="; ".join(d.departures) if d.departures else _("none"))
        )
        self.prompts.setText("\n".join(f"• {p}" for p in d.prompts))

    def _stretch_grid(self) -> None:
        """The team column takes the room left; the family columns are as wide as their
        names."""
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.grid_model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
