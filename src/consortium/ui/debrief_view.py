"""The end of the game on the shared board: first a neutral "game over" line, then, after the
facilitator's Reveal, the full debrief with the concept names.

Before the Reveal it shows only the public view (impact against the target). After it, it
shows the ``RevealedDebrief`` record from ``BoardPort.debrief``: where the time went per round
(stacked bars), the jointholism and alignophilia indices against their thresholds with one
plain line each, empty talk hours, lost and excluded perspectives with who held them, every
hand, motivation and departures, progress against the target, the debrief script as
facilitator notes and 2–3 prompts chosen by the flags. Listens to ``BoardPort.changed``
(``debrief``, ``phase``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
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

from consortium.ui.board_port import BoardPort
from consortium.ui.debrief_data import RevealedDebrief, gauges
from consortium.ui.index_gauge import IndexGauge
from consortium.ui.labels import hours
from consortium.ui.prompts import SCRIPT
from consortium.ui.session import Change
from consortium.ui.table_model import RowsModel
from consortium.ui.time_chart import Bar, TimeChart
from consortium.ui.widgets import label

JOINTHOLISM_LINE = (
    "Jointholism: talk crowding out action. The share of everyone's hours spent in meetings."
)
ALIGNOPHILIA_LINE = (
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


def _table(model: RowsModel, name: str) -> QTableView:
    table = FullHeightTable()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setWordWrap(True)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    model.modelReset.connect(table.resizeRowsToContents)
    model.modelReset.connect(table.updateGeometry)
    table.verticalHeader().setVisible(False)
    return table


def result_line(d: RevealedDebrief) -> str:
    m = d.metrics
    verdict = "reached" if m.won else "did not reach"
    early = (
        f" (ended early after {d.rounds_played} of {d.rounds_planned} rounds)"
        if d.ended_early else ""
    )
    return f"The partnership {verdict} its target: impact {m.impact:.1f} of {m.target:g}{early}."


class DebriefView(QWidget):
    def __init__(self, port: BoardPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self.heading = label("Game over", name="title")
        self.result = label(name="heading", wrap=True)
        self.waiting = label(
            "The facilitator reveals every hand to start the debrief.", name="big"
        )
        self.chart = TimeChart("Where the time went, by round")
        self.chart.setMinimumHeight(380)
        # Concept names appear only after the Reveal (GAME.md): the gauges and their lines
        # are named in show_debrief.
        self.jointholism = IndexGauge("")
        self.alignophilia = IndexGauge("")
        self.jointholism_line = label("", wrap=True)
        self.alignophilia_line = label("", wrap=True)
        self.figures = label(wrap=True)
        self.figures.setAccessibleName("Debrief figures")
        self.progress = label(wrap=True)
        self.progress.setAccessibleName("Progress against the target")
        self.perspectives_model = RowsModel(
            ("Round", "Task", "Needed knowledge", "What happened", "Who held it"), self
        )
        self.hands_model = RowsModel(("Participant", "Sector", "Rounds", "Hand"), self)
        self.motivation_model = RowsModel(("Participant", "Start", "End", "Left"), self)
        self.departures = label(wrap=True)
        self.notes = label(wrap=True)
        self.notes.setAccessibleName("Facilitator notes")
        self.prompts = label(name="big", wrap=True)
        self.prompts.setAccessibleName("Discussion prompts")

        body = QWidget()
        self._body = body
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addWidget(self.result)
        layout.addWidget(self.waiting)
        self.story = TimeChart("Where the time went, by round")
        self.story.setMinimumHeight(420)
        layout.addWidget(self.story)
        self._revealed = QWidget()
        rev = QVBoxLayout(self._revealed)
        rev.setContentsMargins(0, 0, 0, 0)
        top = QGridLayout()
        top.addWidget(self.chart, 0, 0, 6, 1)
        top.addWidget(self.jointholism, 0, 1)
        top.addWidget(self.jointholism_line, 1, 1)
        top.addWidget(self.alignophilia, 2, 1)
        top.addWidget(self.alignophilia_line, 3, 1)
        top.addWidget(self.figures, 4, 1)
        top.addWidget(self.progress, 5, 1)
        top.setColumnStretch(0, 3)
        top.setColumnStretch(1, 2)
        rev.addLayout(top)
        for title, widget in (
            ("Lost and excluded perspectives", _table(self.perspectives_model,
                                                      "Lost and excluded perspectives")),
            ("Every hand, revealed", _table(self.hands_model, "Revealed hands")),
            ("Motivation and departures", _table(self.motivation_model, "Motivation")),
        ):
            rev.addWidget(label(title, name="heading"))
            rev.addWidget(widget)
        rev.addWidget(self.departures)
        rev.addWidget(label("Questions for the room", name="heading"))
        rev.addWidget(self.prompts)
        rev.addWidget(label("Facilitator notes: the debrief script", name="heading"))
        rev.addWidget(self.notes)
        layout.addWidget(self._revealed)
        layout.addStretch(1)
        self._revealed.setVisible(False)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setAccessibleName("Debrief")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        port.changed.connect(self._on_game_changed)

    def _on_game_changed(self, change: Change) -> None:
        view = change.view
        if change.new_game:
            self.heading.setText("Game over")
            self.waiting.setVisible(True)
            self.story.setVisible(True)
            self._revealed.setVisible(False)
        if not change.debrief or self._port.debrief is None:
            verdict = "reached" if view.won else "did not reach"
            self.result.setText(
                f"Impact {view.impact:.1f} of target {view.target:g}: the partnership "
                f"{verdict} its target." if view.won is not None else
                f"Impact {view.impact:.1f} of target {view.target:g} so far."
            )
            self.story.set_bars(
                [Bar(f"Round {p.round}\n{p.mode.label}", p.time) for p in view.pit_stops]
            )
            return
        debrief = self._port.debrief
        if debrief is not None:
            self.show_debrief(debrief)

    def show_debrief(self, d: RevealedDebrief) -> None:
        m = d.metrics
        self.heading.setText("Debrief")
        self.result.setText(result_line(d))
        self.waiting.setVisible(False)
        self.story.setVisible(False)
        self._revealed.setVisible(True)
        self.chart.set_bars(
            [Bar(f"Round {r.round}\n{mode}", r.time)
             for r, mode in zip(m.rounds, d.modes, strict=False)]
        )
        self.jointholism_line.setText(JOINTHOLISM_LINE)
        self.alignophilia_line.setText(ALIGNOPHILIA_LINE)
        for widget, gauge in zip((self.jointholism, self.alignophilia), gauges(d), strict=True):
            widget.set_name(gauge.name)
            widget.set_value(gauge.value, gauge.threshold, gauge.verdict, gauge.flagged)
        self.figures.setText(
            f"Meeting hours: {hours(m.meeting_hours)} · empty talk hours: "
            f"{hours(m.empty_talk_hours)} · mismatch hours: {hours(m.mismatch_hours)}\n"
            f"Lost perspectives: {m.lost_perspectives_present} someone in the room held, "
            f"{m.lost_perspectives_absent} nobody held · excluded perspectives: "
            f"{m.excluded_perspectives} · still at risk on open tasks: {m.at_risk}"
        )
        by_round = " · ".join(
            f"R{i + 1}: {v:.1f}" for i, v in enumerate(d.impact_by_round)
        )
        self.progress.setText(
            f"Impact by round: {by_round}\nTotal {m.impact:.1f} of target {m.target:g} · "
            f"value in progress {m.value_in_progress:.1f} · burned out {m.burned_out} · "
            f"moved on {m.moved_on}"
        )
        self.perspectives_model.set_rows(
            [(str(p.round), p.task, p.requirement, p.kind, p.holders) for p in d.perspectives]
        )
        self.hands_model.set_rows([(h.name, h.sector, h.rounds, h.cards) for h in d.hands])
        self.motivation_model.set_rows(
            [(x.name, str(x.start), str(x.end), x.note or "—") for x in d.motivation]
        )
        self.departures.setText(
            "Departures: " + ("; ".join(d.departures) if d.departures else "none")
        )
        self.prompts.setText("\n".join(f"• {p}" for p in d.prompts))
        self.notes.setText("\n".join(f"{step}: {text}" for step, text in SCRIPT))
