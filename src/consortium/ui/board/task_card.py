"""One task card on the shared board.

Shows, from the public view only: title, value, effort progress, visible requirements (✓ when
covered), discovered needs, the count of hidden ones still to find, team and lead, proposed
placements during the plenary, and a FINISHED stamp with quality and impact. Updated by its
``BoardView`` (which listens to ``GameController.changed``); activating it (click, Enter,
Space) or dropping a participant on it asks for a placement.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from consortium.engine.state import PublicState, TaskState
from consortium.present.i18n import _, ngettext
from consortium.present.labels import domain, number
from consortium.ui.board.participant_chip import SEAT_MIME
from consortium.ui.kit.clickable_frame import ClickableFrame
from consortium.ui.kit.widgets import label, show_text


class TaskCard(ClickableFrame):
    """A task as everyone sees it; ``task_id`` is ``None`` while the slot is empty."""

    dropped = Signal(int, str)  # seat, task id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskCard")
        self.setAcceptDrops(True)
        self.task_id: str | None = None
        self._title = label(name="big", wrap=True)
        self._value = label(name="small")
        self._progress = QProgressBar()
        self._progress.setTextVisible(True)
        self._progress.setAccessibleName(_("Task progress"))
        self._needs = label(wrap=True)
        self._found = label(wrap=True)
        self._hidden = label(wrap=True)
        self._team = label(wrap=True)
        self._proposed = label(wrap=True, name="status")
        self._stamp = label(name="stamp", wrap=True)
        self._stamp.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(2)
        # the value beside the progress bar, under the title: four cards to a row leave a
        # title beside its value too little room, and a line of its own costs a line
        layout.addWidget(self._title)
        row = QHBoxLayout()
        row.addWidget(self._progress, 1)
        row.addWidget(self._value)
        layout.addLayout(row)
        for w in (self._needs, self._found, self._hidden, self._team, self._proposed,
                  self._stamp):
            layout.addWidget(w)
        layout.addStretch(1)

    def show_task(
        self, view: PublicState, task: TaskState, proposed: tuple[str, ...] | None
    ) -> None:
        """``proposed``: who the board being placed or voted on puts here (None outside
        placement and the vote)."""
        catalog = view.catalog
        self.task_id = task.id
        show_text(self._title, task.title)
        show_text(self._value, _("value {value}").format(value=f"{task.value_in(view.round):g}"))
        self._progress.setMaximum(task.effort * 10)
        self._progress.setValue(min(task.effort * 10, round(task.progress * 10)))
        fmt = _("{progress} of {effort} work units").format(
            progress=number(task.progress), effort=task.effort)
        if self._progress.format() != fmt:
            self._progress.setFormat(fmt)
        covered = set(task.covered)
        needs = ", ".join(
            f"{domain(catalog, r)}{' ✓' if r in covered else ''}" for r in task.visible
        )
        show_text(self._needs, _("Needs: {needs}").format(needs=needs))
        found = ", ".join(
            f"{domain(catalog, r)}{' ✓' if r in covered else ''}" for r in task.discovered
        )
        left = task.hidden_count - len(task.discovered)
        hidden = ngettext("{count} hidden need not found yet", "{count} hidden needs not found yet",
                          left).format(count=left) if left else ""
        found_text = _("Found: {needs}").format(needs=found) if found else ""
        show_text(self._found, " · ".join(x for x in (found_text, hidden) if x))
        show_text(self._hidden, "")
        people = view.participants
        if task.members:
            names = ", ".join(
                _("{name} (lead)").format(name=people[m].name) if m == task.lead
                else people[m].name for m in task.members
            )
            team = (_("Team: {names} · team closed") if task.closed else _("Team: {names}"))
            show_text(self._team, team.format(names=names))
        else:
            show_text(self._team, _("No team yet") if task.status == "open" else "")
        if proposed is not None:
            show_text(self._proposed, _("On the board: {names}").format(
                names=", ".join(proposed) or _("nobody")))
        else:
            show_text(self._proposed, "")
        if task.status == "finished":
            quality = task.quality or 0.0
            show_text(self._stamp, _("FINISHED · quality {quality} · impact {impact}").format(
                quality=f"{quality:.0%}", impact=f"{task.impact:.1f}"))
        else:
            show_text(self._stamp, "")
        self.set_flag("finished", task.status == "finished")
        self.setAccessibleName(_("Task: {title}").format(title=task.title))
        description = _("{progress}. {needs}").format(progress=fmt, needs=self._needs.text())
        if self.accessibleDescription() != description:
            self.setAccessibleDescription(description)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(SEAT_MIME) and self.task_id is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        data = event.mimeData()
        if not data.hasFormat(SEAT_MIME) or self.task_id is None:
            return
        seat = int(bytes(data.data(SEAT_MIME).data()).decode())
        event.acceptProposedAction()
        self.dropped.emit(seat, self.task_id)
