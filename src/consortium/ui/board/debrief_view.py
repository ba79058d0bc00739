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

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QGridLayout,
    QHeaderView,
    QScrollArea,
    QSizePolicy,
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
from consortium.present.prompts import script
from consortium.ui.board.board_port import BoardPort
from consortium.ui.board.index_gauge import IndexGauge
from consortium.ui.board.time_chart import Bar, TimeChart
from consortium.ui.kit.table_model import Index, RowsModel
from consortium.ui.kit.widgets import label

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
    return text.format(impact=f"{m.impact:.1f}", target=f"{m.target:g}",
                       played=d.rounds_played, planned=d.rounds_planned)


class DebriefView(QWidget):
    def __init__(self, port: BoardPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self.heading = label(_("Game over"), name="title")
        self.result = label(name="heading", wrap=True)
        self.waiting = label(
            _("The facilitator reveals every hand to start the debrief."), name="big"
        )
        self.chart = TimeChart(_("Where the time went, by round"))
        self.chart.setMinimumHeight(380)
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
        self.notes = label(wrap=True)
        self.notes.setAccessibleName(_("Facilitator notes"))
        self.prompts = label(name="big", wrap=True)
        self.prompts.setAccessibleName(_("Discussion prompts"))

        body = QWidget()
        self._body = body
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addWidget(self.result)
        layout.addWidget(self.waiting)
        self.story = TimeChart(_("Where the time went, by round"))
        self.story.setMinimumHeight(420)
        layout.addWidget(self.story)
        self._revealed = QWidget()
        rev = QVBoxLayout(self._revealed)
        rev.setContentsMargins(0, 0, 0, 0)
        self._top = QGridLayout()
        self._beside: tuple[QWidget, ...] = (
            self.jointholism, self.talk_yield, self.jointholism_line,
            self.alignophilia, self.alike, self.alignophilia_line,
        )
        self._wide: bool | None = None
        self._arrange(True)
        rev.addLayout(self._top)
        for line in (self.concentration, self.figures, self.progress):
            rev.addWidget(line)
        rev.addWidget(label(_("Who was alike: cards per family, team by team"), name="heading"))
        rev.addWidget(self.grid_caption)
        rev.addWidget(self.grid)
        rev.addWidget(label(_("Excluded and lost perspectives"), name="heading"))
        rev.addWidget(self.perspectives)
        for title, widget in (
            ("", _table(self.perspectives_model, _("Excluded and lost perspectives"),
                        stretch=(1, 2, 4))),
            (_("Every hand, revealed"), _table(self.hands_model, _("Revealed hands"))),
            (_("Motivation and departures"), _table(self.motivation_model, _("Motivation"))),
        ):
            if title:
                rev.addWidget(label(title, name="heading"))
            rev.addWidget(widget)
        rev.addWidget(self.departures)
        rev.addWidget(label(_("Questions for the room"), name="heading"))
        rev.addWidget(self.prompts)
        rev.addWidget(label(_("Facilitator notes: the debrief script"), name="heading"))
        rev.addWidget(self.notes)
        layout.addWidget(self._revealed)
        layout.addStretch(1)
        self._revealed.setVisible(False)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setAccessibleName(_("Debrief"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        port.changed.connect(self._on_game_changed)

    def _on_game_changed(self, change: Change) -> None:
        view = change.view
        if change.new_game:
            self.heading.setText(_("Game over"))
            self.waiting.setVisible(True)
            self.story.setVisible(True)
            self._revealed.setVisible(False)
        if not change.debrief or self._port.debrief is None:
            text = (
                _("Impact {impact} of target {target} so far.") if view.won is None
                else _("Impact {impact} of target {target}: the partnership reached its "
                       "target.") if view.won
                else _("Impact {impact} of target {target}: the partnership did not reach "
                       "its target.")
            )
            self.result.setText(text.format(impact=f"{view.impact:.1f}",
                                             target=f"{view.target:g}"))
            self.story.set_bars(
                [Bar(_("Round {number}").format(number=p.round) + "\n" + mode_label(p.mode),
                     p.time) for p in view.pit_stops]
            )
            return
        debrief = self._port.debrief
        if debrief is not None:
            self.show_debrief(debrief)

    def show_debrief(self, d: RevealedDebrief) -> None:
        m = d.metrics
        self.heading.setText(_("Debrief"))
        self.result.setText(result_line(d))
        self.waiting.setVisible(False)
        self.story.setVisible(False)
        self._revealed.setVisible(True)
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
            _("R{number}: {impact}").format(number=i + 1, impact=f"{v:.1f}")
            for i, v in enumerate(d.impact_by_round)
        )
        self.progress.setText(
            _("Impact by round: {by_round}\nTotal {impact} of target {target} · value in "
              "progress {in_progress} · burned out {burned_out} · moved on {moved_on}").format(
                by_round=by_round, impact=f"{m.impact:.1f}", target=f"{m.target:g}",
                in_progress=f"{m.value_in_progress:.1f}", burned_out=m.burned_out,
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
        self.notes.setText("\n".join(
            _("{step}: {text}").format(step=step, text=text) for step, text in script()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange_for(event.size().width())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            # the stage's new type changes the chart's comfortable width: decide again
            QTimer.singleShot(0, self, lambda: self._arrange_for(self.width()))

    def _arrange_for(self, width: int) -> None:
        room = self.fontMetrics().horizontalAdvance("x" * 24)  # the gauges' column, at least
        self._arrange(width - 48 >= self.chart.comfortable_width() + room)

    def _arrange(self, wide: bool) -> None:
        """The gauges beside the chart on a wide screen; under it on a laptop or in presenter
        type, where beside it they would squeeze the bars to slivers. Beside it, the chart's
        column keeps the chart's comfortable width (the stretch alone gave it 3/5 of the
        row, less than that on a 1366-pixel laptop)."""
        self._top.setColumnMinimumWidth(0, self.chart.comfortable_width() if wide else 0)
        if wide == self._wide:
            return
        self._wide = wide
        top, beside = self._top, self._beside
        every: tuple[QWidget, ...] = (self.chart, *beside)
        for widget in every:
            top.removeWidget(widget)
        if wide:
            top.addWidget(self.chart, 0, 0, len(beside) + 1, 1)
            for row, widget in enumerate(beside):
                top.addWidget(widget, row, 1)
        else:
            for row, widget in enumerate(every):
                top.addWidget(widget, row, 0, 1, 2)
        top.setRowStretch(len(beside), 1 if wide else 0)
        top.setColumnStretch(0, 3 if wide else 1)
        top.setColumnStretch(1, 2 if wide else 0)

    def _stretch_grid(self) -> None:
        """The team column takes the room left; the family columns are as wide as their
        names."""
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.grid_model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
