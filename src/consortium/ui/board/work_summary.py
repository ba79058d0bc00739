"""The board after work, in the pit stop: one row per task worked or finished this round with
its progress bar, the progress made this round, needs found, and a FINISHED stamp.

Shows the public view only. ``PitStopView`` feeds it every change; it remembers each task's
progress and found needs at the start of the round, so it can say what this round added.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QWidget

from consortium.engine.state import PublicState, TaskState
from consortium.present.i18n import _
from consortium.present.labels import domain, number
from consortium.ui.kit.widgets import label


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
        self._round = -1
        self._start: dict[str, tuple[float, tuple[str, ...]]] = {}
        self.rows: list[tuple[QLabel, QProgressBar, QLabel]] = []

    def remember(self, view: PublicState) -> None:
        """Called on every change: keep the tasks as they stood when the round began."""
        if view.round != self._round:
            self._round = view.round
            self._start = {t.id: (t.progress, t.discovered) for t in view.tasks}

    def start_from(self, view: PublicState) -> None:
        """The tasks as they stood when the round began, told (a game taken over from a
        save, where this window did not watch the round begin)."""
        self._round = -1
        self.remember(view)

    def show_round(self, view: PublicState) -> None:
        worked = [t for t in view.tasks if self._worked(t, view)]
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

    def _worked(self, task: TaskState, view: PublicState) -> bool:
        if task.status == "finished":
            return task.finished_round == view.round
        before = self._start.get(task.id, (0.0, ()))[0]
        return task.status == "open" and (task.progress > before or bool(task.members))

    def _show_task(
        self, view: PublicState, task: TaskState, title: QLabel, bar: QProgressBar, status: QLabel
    ) -> None:
        before, found_before = self._start.get(task.id, (0.0, ()))
        title.setText(task.title)
        bar.setMaximum(task.effort * 10)
        bar.setValue(min(task.effort * 10, round(task.progress * 10)))
        bar.setFormat(_("{progress} of {effort}").format(progress=number(task.progress),
                                                          effort=task.effort))
        parts = [_("+{progress} this round").format(progress=number(task.progress - before))]
        found = [d for d in task.discovered if d not in found_before]
        if found:
            parts.append(_("★ found: {needs}").format(
                needs=", ".join(domain(view.catalog, d) for d in found)))
        if task.status == "finished":
            parts.insert(0, _("FINISHED ✓ quality {quality}, impact {impact}").format(
                quality=f"{task.quality or 0:.0%}", impact=f"{task.impact:.1f}"))
        status.setText(" · ".join(parts))
