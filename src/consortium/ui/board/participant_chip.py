"""One participant in the board's participant strip.

Shows, from the public view only: name, sector, person or bot, the newcomer badge, public
cards (and how many are still hidden, never which), the task, the hybrid declaration, an open
vote as cast, and markers for "choosing now" and "selected for placement". Updated by
``ParticipantStrip``; activating it (click, Enter, Space) selects it for placement, and it can
be dragged onto a task card.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QPoint, Qt
from PySide6.QtGui import QDrag, QMouseEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from consortium.engine.state import Phase, PublicState
from consortium.play.records import SessionView
from consortium.present import scenario_words as words
from consortium.present.i18n import _, ngettext
from consortium.present.labels import card_short, task_title
from consortium.ui.kit.clickable_frame import ClickableFrame
from consortium.ui.kit.elided_label import ElidedLabel, show_elided

SEAT_MIME = "application/x-consortium-seat"


def _acting(view: PublicState, seat: int) -> bool:
    """Whether the board marks this seat as the one deciding. Not in a vote by show of hands:
    the room votes together there, whatever order the engine takes the hands in."""
    return view.actor == seat and not (view.phase is Phase.VOTE and not view.secret_ballot)


class ParticipantChip(ClickableFrame):
    def __init__(self, seat: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.seat = seat
        self.setObjectName("chip")
        self._press: QPoint | None = None
        # one line each (issue 12: type for the back of the room, so less on each chip);
        # what is cut ends in "…" with the whole line in its tooltip
        self._name = ElidedLabel("big")
        self._who = ElidedLabel("small")
        self._cards = ElidedLabel(grow=True)  # more lines only when the chip has room
        self._task = ElidedLabel(grow=True)
        self._state = ElidedLabel("status", grow=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        for w, share in ((self._name, 0), (self._who, 0), (self._cards, 1), (self._task, 1),
                         (self._state, 1)):
            layout.addWidget(w, share)
        layout.addStretch(1)

    def show_participant(self, view: PublicState, session: SessionView) -> None:
        seat = self.seat
        p = view.participants[seat]
        badges = []
        if seat in view.newcomers and view.round > 1:
            badges.append(_("NEW"))
        changed = show_elided(self._name, " · ".join([p.name, *badges]))
        kind = _("person") if session.is_person(seat) else _("bot")
        changed |= show_elided(self._who, f"{words.sector_name(view.catalog, p.sector)} · {kind}")
        shown = [card_short(view.catalog, c) for c in p.public_cards if c is not None]
        hidden = sum(1 for c in p.public_cards if c is None)
        # cards not shown are one mark each (▯), never which ones
        parts = shown + (["▯" * hidden] if hidden else [])
        changed |= show_elided(self._cards, " · ".join(parts))
        cards_said = ", ".join(shown + ([ngettext(
            "{count} card not shown", "{count} cards not shown", hidden).format(count=hidden)]
            if hidden else []))
        if (view.phase in (Phase.PLACEMENT, Phase.VOTE) and view.board
                and view.board[seat] is not None):  # the board placed, or voted on
            task_line = _("Placed on: {task}").format(task=task_title(view, view.board[seat]))
        elif seat in view.sat_out:
            task_line = _("Sitting out")
        else:
            # a task finished this round keeps its team on record, but nobody is on it now
            on_task = p.task is not None and view.task(p.task).status == "open"
            task_line = (_("On: {task}").format(task=task_title(view, p.task)) if on_task
                         else _("No task"))
        changed |= show_elided(self._task, task_line)
        changed |= show_elided(self._state, self._state_line(view, session))
        self.set_flag("selected", session.selected_seat == seat)
        self.set_flag("acting", _acting(view, seat))
        name = _("Participant: {name}, {sector}, {kind}").format(
            name=p.name, sector=words.sector_name(view.catalog, p.sector), kind=kind)
        if self.accessibleName() != name:
            self.setAccessibleName(name)
        description = ". ".join(x for x in (
            cards_said, task_line, self._state.full_text()) if x)
        if self.accessibleDescription() != description:
            self.setAccessibleDescription(description)
        layout = self.layout()
        if changed and layout is not None:
            layout.activate()  # wrapped lines re-measured now, before the strip sizes itself

    def _state_line(self, view: PublicState, session: SessionView) -> str:
        seat = self.seat
        p = view.participants[seat]
        lines = []
        if session.selected_seat == seat:
            lines.append(_("▶ SELECTED: now click a task"))
        if _acting(view, seat):
            lines.append(_("▶ choosing now"))
        if view.phase is Phase.VOTE and view.votes and not view.secret_ballot:
            vote = view.votes[seat]
            pending = session.pending_votes[seat] if session.pending_votes else None
            if vote is not None:
                lines.append(_("Voted FOR ✓") if vote else _("Voted AGAINST ✗"))
            elif pending is not None:
                lines.append(_("Hand up: for") if pending else _("Hand up: against"))
        if p.declared_plenary is not None and view.mode is not None and view.round > 0:
            lines.append(_("Plenary") if p.declared_plenary else _("Own way"))
        return " · ".join(lines)

    # --- drag (with click and keyboard equivalents: activation selects) ---------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        moved = (event.position().toPoint() - self._press).manhattanLength()
        if moved < QApplication.startDragDistance():
            return
        self._press = None
        data = QMimeData()
        data.setData(SEAT_MIME, QByteArray(str(self.seat).encode()))
        drag = QDrag(self)
        drag.setMimeData(data)
        drag.setPixmap(self.grab())
        drag.exec(Qt.DropAction.MoveAction)
