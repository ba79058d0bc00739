"""Printed hands: where the facilitator enters a seat's act as a public act (docs/printed-hands.md).

In a printed-hands session there is no curtain: when a person's private turn comes the
facilitator's column shows this panel instead, which names the seat and offers only what is
public — every domain of the scenario (never the seat's hand), the open tasks, accept or
refuse, and for a secret ballot the count of paper ballots. The act goes to
``GameController.enter_act`` (``consortium.play.printed``), which turns it into the engine
action a curtain game would have submitted. No player view is ever asked for.

``envelopes`` is a line the game screen shows above the column: which newcomer envelope to
hand to which seat at this round's comings and goings.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from consortium.engine.state import Phase, PublicState
from consortium.play.printed import (
    ActKind,
    PublicAct,
    ballot_voters,
    envelopes_due,
    public_act_seat,
)
from consortium.play.records import Change, SessionView
from consortium.present import scenario_words as words
from consortium.present.i18n import _
from consortium.present.labels import phase_label, seat_title
from consortium.present.sheet_words import act_heading, act_hint, ballots_line, envelope_line
from consortium.ui.controller import GameController
from consortium.ui.kit.widgets import label, spin_box
from consortium.ui.kit.wrap_button import WrapButton


class PublicActsPanel(QWidget):
    """The facilitator's entry of one seat's public act; ``active_changed`` like the curtain."""

    active_changed = Signal(bool)

    def __init__(self, controller: GameController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.setObjectName("publicActs")
        self.setAccessibleName(_("Enter a public act"))
        self.seat: int | None = None
        self._key: tuple[object, ...] | None = None
        self.buttons: dict[str, QPushButton] = {}
        self.domain: QComboBox | None = None
        self.task: QComboBox | None = None
        self.closed: QCheckBox | None = None
        self.ballots_for: QSpinBox | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 8, 8, 8)
        self._content: QWidget | None = None
        self.notice: QLabel | None = None
        self.envelopes = label(wrap=True, fit=True, name="big")
        self.envelopes.setAccessibleName(_("Newcomer envelopes"))
        self.envelopes.hide()
        controller.changed.connect(self._on_game_changed)

    @property
    def active(self) -> bool:
        return self.seat is not None

    def _on_game_changed(self, change: Change) -> None:
        view, s = change.view, change.session
        self._show_envelopes(view, s)
        seat = public_act_seat(view, s)
        key = (seat, view.phase, view.round, view.turn, view.tasks, s.people, s.notice)
        if key == self._key and not change.new_game:
            return
        self._key = key
        was_active = self.active
        self.seat = seat
        self._rebuild(view, s)
        if was_active != self.active:
            self.active_changed.emit(self.active)

    def _show_envelopes(self, view: PublicState, s: SessionView) -> None:
        due = envelopes_due(view) if s.printed_hands else []
        text = "\n".join(envelope_line(n, seat, view.participants[seat].name)
                         for n, seat in due)
        self.envelopes.setText(text)
        self.envelopes.setVisible(bool(text))

    # --- building ---------------------------------------------------------------------

    def _rebuild(self, view: PublicState, s: SessionView) -> None:
        if self._content is not None:
            self._content.hide()
            self._content.setParent(None)
            self._content.deleteLater()
        self._content = None
        self.buttons = {}
        self.domain = self.task = None
        self.closed = None
        self.ballots_for = self.notice = None
        seat = self.seat
        if seat is None:
            return
        content = QWidget()
        box = QVBoxLayout(content)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(10)
        self._box = box
        box.addWidget(label(phase_label(view.phase), name="heading", wrap=True, fit=True))
        box.addWidget(label(act_heading(seat_title(view, seat), seat), name="big", wrap=True,
            fit=True))
        box.addWidget(label(act_hint(view.phase.name), wrap=True, fit=True))
        {
            Phase.INTRODUCTIONS: self._fill_reveal,
            Phase.TURNS: self._fill_turn,
            Phase.INVITATION: self._fill_invitation,
            Phase.VOTE: self._fill_ballots,
        }[view.phase](view, s, seat)
        self.notice = label(s.notice, wrap=True, fit=True, name="notice")
        box.addWidget(self.notice)
        box.addStretch(1)
        self._content = content
        self._layout.addWidget(content)
        content.show()

    def _button(self, key: str, text: str, act: PublicAct | None = None,
                row: QHBoxLayout | None = None) -> QPushButton:
        button = WrapButton(text)
        button.setAccessibleName(text)
        button.setAccessibleDescription(
            _("Enters what the seat said aloud, as the engine's move for them."))
        button.setAutoDefault(True)
        if act is not None:
            button.clicked.connect(partial(self._controller.enter_act, act))
        (row.addWidget if row is not None else self._box.addWidget)(button)
        self.buttons[key] = button
        return button

    def _domains(self, view: PublicState) -> QComboBox:
        """Every domain of the scenario, by name: the card the seat names aloud (never their
        hand, which no screen shows)."""
        combo = QComboBox()
        combo.setAccessibleName(_("Card named"))
        combo.setAccessibleDescription(_("The card the seat names aloud from their sheet."))
        for d in sorted(view.catalog.domains, key=lambda d: d.name):
            combo.addItem(d.name, d.id)
        self._box.addWidget(combo)
        self.domain = combo
        return combo

    def _fill_reveal(self, view: PublicState, s: SessionView, seat: int) -> None:
        self._domains(view)
        row = QHBoxLayout()
        self._box.addLayout(row)
        self._button("reveal", _("Shows this card"), row=row).clicked.connect(
            partial(self._enter_with_card, "reveal", seat))
        self._button("pass", _("Passes"), PublicAct("pass", seat), row)

    def _fill_turn(self, view: PublicState, s: SessionView, seat: int) -> None:
        row = QHBoxLayout()
        self._box.addLayout(row)
        self._button("stay", _("Stays on their task"), PublicAct("stay", seat), row)
        self._button("sit-out", _("Sits out"), PublicAct("sit-out", seat), row)
        self._box.addWidget(label(_("Or starts or joins a task, signalling a card:"), wrap=True,
            fit=True))
        task = QComboBox()
        task.setAccessibleName(_("Task"))
        task.setAccessibleDescription(_("The open task the seat starts or joins."))
        for t in view.tasks:
            if t.status == "open":
                task.addItem(words.task_title(view.catalog, t.id, t.title), t.id)
        self._box.addWidget(task)
        self.task = task
        self._domains(view)
        self.closed = QCheckBox(_("A closed team (when starting)"))
        self.closed.setAccessibleDescription(
            _("When checked, the new team takes no one else without an invitation."))
        self._box.addWidget(self.closed)
        row2 = QHBoxLayout()
        self._box.addLayout(row2)
        self._button("initiate", _("Starts it"), row=row2).clicked.connect(
            partial(self._enter_with_card, "initiate", seat))
        self._button("join", _("Joins it"), row=row2).clicked.connect(
            partial(self._enter_with_card, "join", seat))

    def _fill_invitation(self, view: PublicState, s: SessionView, seat: int) -> None:
        row = QHBoxLayout()
        self._box.addLayout(row)
        self._button("accept", _("Accepts"), PublicAct("accept", seat), row)
        self._button("refuse", _("Refuses"), PublicAct("refuse", seat), row)

    def _fill_ballots(self, view: PublicState, s: SessionView, seat: int) -> None:
        voters = len(ballot_voters(view, s.people))
        self._box.addWidget(label(ballots_line(voters), wrap=True, fit=True))
        self.ballots_for = spin_box(_("Ballots that say yes"), 0, voters,
                                    description=_("How many paper ballots are for the "
                                                  "board."))
        self.ballots_for.setValue(0)
        self._box.addWidget(self.ballots_for)
        self._button("count", _("Count the ballots")).clicked.connect(self._count)

    def _enter_with_card(self, kind: ActKind, seat: int) -> None:
        domain = self.domain.currentData() if self.domain is not None else None
        task = self.task.currentData() if self.task is not None else None
        closed = self.closed.isChecked() if self.closed is not None else False
        self._controller.enter_act(PublicAct(kind, seat, domain, task, closed))

    def _count(self) -> None:
        if self.ballots_for is not None:
            self._controller.enter_ballots(self.ballots_for.value())
