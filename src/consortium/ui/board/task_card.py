"""One task card on the shared board.

Shows, from the public view only: title, value, effort progress, visible and discovered needs
(✓ when covered) and the count of hidden ones still to find, the team's size and lead,
proposed placements during the plenary, and a FINISHED stamp with quality and impact. Updated by its
``BoardView`` (which listens to ``GameController.changed``); activating it (click, Enter,
Space) or dropping a participant on it asks for a placement.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from consortium.engine.state import PublicState, TaskState
from consortium.present import scenario_words as words
from consortium.present.i18n import _, ngettext
from consortium.present.labels import domain, number
from consortium.present.numbers import decimal, percent, plain
from consortium.ui.board.participant_chip import SEAT_MIME
from consortium.ui.kit.clickable_frame import ClickableFrame
from consortium.ui.kit.elided_label import ElidedLabel, show_elided
from consortium.ui.kit.widgets import label, set_progress, show_text


class TaskCard(ClickableFrame):
    """A task as everyone sees it; ``task_id`` is ``None`` while the slot is empty.

    One glance from the back of the room (issue 12): the title on at most two lines, one
    progress line ("12.0 / 34" in the bar, the value beside it), the needs on one line and
    the team as a count and its lead. What does not fit ends in "…" with the whole line in
    its tooltip; the card's accessible description says it all, and the log, the pit stop
    and the facilitator's panel hold the rest."""

    dropped = Signal(int, str)  # seat, task id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskCard")
        self.setAcceptDrops(True)
        self.task_id: str | None = None
        self._title = ElidedLabel("big", lines=2)  # a third line only when the card has room
        self._value = label(name="small")
        self._progress = QProgressBar()
        self._progress.setTextVisible(True)
        self._progress.setAccessibleName(_("Task progress"))
        # one line each when the board is crowded; more, with no "…", when the card has room
        self._needs = ElidedLabel(grow=True)
        self._team = ElidedLabel()
        self._proposed = ElidedLabel("status")
        self._stamp = ElidedLabel("stamp")
        self._stamp.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(2)
        layout.addWidget(self._title)
        row = QHBoxLayout()
        row.addWidget(self._progress, 1)
        row.addWidget(self._value)
        layout.addLayout(row)
        # the card's spare height goes to its needs (the knowledge the task asks for is what
        # the room reads most): all of them when there is room, "…" only when crowded
        layout.addWidget(self._needs, 1)
        for w in (self._team, self._proposed, self._stamp):
            layout.addWidget(w)

    def set_unit(self, unit: int) -> None:
        pad = max(4, unit // 2)
        layout = self.layout()
        if layout is not None:
            layout.setContentsMargins(pad, max(3, unit // 3), pad, max(3, unit // 3))
            layout.setSpacing(max(1, unit // 8))

    def show_task(
        self, view: PublicState, task: TaskState, proposed: tuple[str, ...] | None
    ) -> None:
        """``proposed``: who the board being placed or voted on puts here (None outside
        placement and the vote)."""
        catalog = view.catalog
        self.task_id = task.id
        title = words.task_title(catalog, task.id, task.title)
        show_elided(self._title, title)
        show_text(self._value, _("value {value}").format(value=plain(task.value_in(view.round))))
        set_progress(self._progress, min(task.effort * 10, round(task.progress * 10)),
                     task.effort * 10)
        fmt = _("{progress} / {effort}").format(progress=number(task.progress),
                                                effort=task.effort)
        if self._progress.format() != fmt:
            self._progress.setFormat(fmt)
        work = _("{progress} of {effort} work units").format(
            progress=number(task.progress), effort=task.effort)
        if self._progress.toolTip() != work:
            self._progress.setToolTip(work)
            self._progress.setAccessibleDescription(work)
        covered = set(task.covered)
        needs = [f"{domain(catalog, r)}{' ✓' if r in covered else ''}"
                 for r in (*task.visible, *task.discovered)]
        left = task.hidden_count - len(task.discovered)
        parts = [", ".join(needs)] if needs else []
        if left:
            parts.append(ngettext("{count} hidden", "{count} hidden", left).format(count=left))
        needs_text = _("Needs: {needs}").format(needs=" · ".join(parts)) if parts else ""
        show_elided(self._needs, needs_text)
        people = view.participants
        if task.members:
            lead = people[task.lead].name if task.lead is not None else ""
            count = len(task.members)
            if lead:
                team = ngettext("Team of {count}, lead {lead}", "Team of {count}, lead {lead}",
                                count).format(count=count, lead=lead)
            else:
                team = ngettext("Team of {count}", "Team of {count}", count).format(count=count)
            if task.closed:
                team = _("{team} · closed").format(team=team)
            names = ", ".join(people[m].name for m in task.members)
            team_full = _("{team}: {names}").format(team=team, names=names)
        else:
            team_full = _("No team yet") if task.status == "open" else ""
        # while the board is placed and voted on, its proposal takes the team's line (one
        # line fewer: the room looks at the proposal then; the card's tooltip keeps the team)
        show_elided(self._team, team_full if proposed is None else "")
        # the names the board proposes, with no words before them (a narrow card would keep
        # the words and cut the names); the card's tooltip says "On the board: …"
        on_board = _("On the board: {names}").format(
            names=", ".join(proposed) or _("nobody")) if proposed is not None else ""
        show_elided(self._proposed, _("▶ {names}").format(
            names=", ".join(proposed) or _("nobody")) if proposed is not None else "")
        if task.status == "finished":
            quality = task.quality or 0.0
            show_elided(self._stamp, _("FINISHED · quality {quality} · impact {impact}").format(
                quality=percent(quality), impact=decimal(task.impact, 1)))
        else:
            show_elided(self._stamp, "")
        self.set_flag("finished", task.status == "finished")
        self.setAccessibleName(_("Task: {title}").format(
            title=words.task_title(view.catalog, task.id, task.title)))
        description = ". ".join(x for x in (work, needs_text, team_full, on_board) if x)
        if self.accessibleDescription() != description:
            self.setAccessibleDescription(description)
        if self.toolTip() != description:
            self.setToolTip(description)

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
