"""The board after work, in the pit stop: one row per task worked or finished this round with
its progress bar, the progress made this round, needs found, and a FINISHED stamp.

Built from the round's Events (``Worked``, ``NeedDiscovered``, ``TaskFinished``), never by
comparing views: ``PitStopView`` hands it every change's Events, and a game taken over (a
save, an undo) comes with the Events of its round so far. Public facts only.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QWidget

from consortium.engine.events import Event, NeedDiscovered, RoundStarted, TaskFinished, Worked
from consortium.engine.state import PublicState
from consortium.present import scenario_words as words
from consortium.present.i18n import _
from consortium.present.labels import domain, number
from consortium.present.numbers import decimal, percent
from consortium.ui.kit.widgets import label, set_progress


class WorkSummary(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("The board after work"))
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(16)
        self._grid.setColumnStretch(0, 2)  # titles wrap onto two lines, never clipped
        self._grid.setColumnStretch(1, 2)
        self._grid.setColumnStretch(2, 3)
        self._events: list[Event] = []  # this round's, so far
        self.rows: list[tuple[QLabel, QProgressBar, QLabel]] = []

    def hear(self, events: tuple[Event, ...]) -> None:
        """Called with every change's Events: keep the current round's."""
        for event in events:
            if isinstance(event, RoundStarted):
                self._events = []
            else:
                self._events.append(event)

    def start_from(self, events: tuple[Event, ...]) -> None:
        """The Events of the round so far, told (a game taken over, where this window did not
        watch the round)."""
        self._events = list(events)

    def show_round(self, view: PublicState) -> None:
        worked = [e for e in self._events if isinstance(e, Worked)]
        while len(self.rows) < len(worked):
            n = len(self.rows)
            row = (label(name="big", wrap=True), QProgressBar(), label(wrap=True))
            row[1].setAccessibleName(_("Task progress"))
            for column, widget in enumerate(row):
                self._grid.addWidget(widget, n, column)
            self.rows.append(row)
        for i, (title, bar, status) in enumerate(self.rows):
            visible = i < len(worked)
            for widget in (title, bar, status):
                widget.setVisible(visible)
            if visible:
                self._show_task(view, worked[i], title, bar, status)

    def _show_task(
        self, view: PublicState, work: Worked, title: QLabel, bar: QProgressBar, status: QLabel
    ) -> None:
        title.setText(words.task_title(view.catalog, work.task, work.title))
        # one name a row: a reader tells the bars apart by their task (public, as the title)
        bar.setAccessibleName(_("Progress of {task}").format(task=title.text()))
        set_progress(bar, min(work.effort * 10, round(work.progress * 10)), work.effort * 10)
        bar.setFormat(_("{progress} of {effort}").format(progress=number(work.progress),
                                                          effort=work.effort))
        parts = [_("+{progress} this round").format(progress=number(work.gained))]
        found = [d for e in self._events if isinstance(e, NeedDiscovered) and e.task == work.task
                 for d in e.domains]
        if found:
            parts.append(_("★ found: {needs}").format(
                needs=", ".join(domain(view.catalog, d) for d in found)))
        done = [e for e in self._events if isinstance(e, TaskFinished) and e.task == work.task]
        if done:
            parts.insert(0, _("FINISHED ✓ quality {quality}, impact {impact}").format(
                quality=percent(done[0].quality), impact=decimal(done[0].impact, 1)))
        status.setText(" · ".join(parts))
