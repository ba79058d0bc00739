"""The hand-off curtain: the only place a player view is shown.

When a person's private turn comes (an introduction, a self-selection turn, an invitation, a
secret-ballot vote) the curtain says "Pass to ‹name› (‹sector›) — everyone else, look away".
Space or a click opens that person's ``PrivatePanel``; a choice or Done destroys the panel at
once, so nothing private stays on screen. The projector meanwhile shows "‹name› is
choosing…" (``BoardHeader``). Listens to ``GameController.changed``; asks the controller for
the acting person's ``player_view`` and legal choices only when opened.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QStackedWidget, QVBoxLayout, QWidget

from consortium.engine.actions import Action
from consortium.engine.state import Phase, PublicState
from consortium.play.records import Change, SessionView
from consortium.present.i18n import _
from consortium.present.labels import seat_title
from consortium.ui.controller import GameController
from consortium.ui.kit.clickable_frame import ClickableFrame
from consortium.ui.kit.widgets import label
from consortium.ui.laptop.private_panel import PrivatePanel

PRIVATE_PHASES = (Phase.INTRODUCTIONS, Phase.TURNS, Phase.INVITATION)


def curtain_seat(view: PublicState, session: SessionView) -> int | None:
    """The person whose private turn it is, if any."""
    seat = view.actor
    if seat is None or not session.is_person(seat) or session.fast_forward:
        return None
    if session.printed_hands:  # no curtain: the acts are public (ui/laptop/public_acts.py)
        return None
    if session.ended_early or session.paused:
        return None
    if view.phase in PRIVATE_PHASES or (view.phase is Phase.VOTE and view.secret_ballot):
        return seat
    return None


def curtain_text(view: PublicState, seat: int) -> str:
    return _("Pass to {seat} — everyone else, look away").format(seat=seat_title(view, seat))


class Curtain(QWidget):
    active_changed = Signal(bool)

    def __init__(self, controller: GameController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.setObjectName("curtain")
        self.setAccessibleName(_("Hand-off curtain"))
        self.seat: int | None = None
        self._key: tuple[object, ...] | None = None
        self.panel: PrivatePanel | None = None
        self.prompt = ClickableFrame()
        self.prompt.setAccessibleName(_("Show my hand"))
        self.prompt_text = label(name="curtainText", wrap=True)
        self.prompt_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt_hint = label(wrap=True, name="big")
        self.prompt_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.show_button = QPushButton(_("Show my hand (Space)"))
        self.show_button.setAccessibleName(_("Show my hand"))
        self.show_button.clicked.connect(self.open_panel)
        p = QVBoxLayout(self.prompt)
        p.addStretch(1)
        p.addWidget(self.prompt_text)
        p.addWidget(self.prompt_hint)
        p.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignCenter)
        p.addStretch(2)
        self.prompt.activated.connect(self.open_panel)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.prompt)
        self.open_page = QWidget()
        self._open_layout = QVBoxLayout(self.open_page)
        self._open_layout.setContentsMargins(0, 0, 0, 0)
        self.pages.addWidget(self.open_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.space = QShortcut(QKeySequence(Qt.Key.Key_Space), self)
        self.space.setContext(Qt.ShortcutContext.WindowShortcut)
        self.space.activated.connect(self.toggle)
        self.space.setEnabled(False)
        controller.changed.connect(self._on_game_changed)

    @property
    def active(self) -> bool:
        return self.seat is not None

    @property
    def is_open(self) -> bool:
        return self.panel is not None

    def _on_game_changed(self, change: Change) -> None:
        view = change.view
        seat = curtain_seat(view, change.session)
        key = (seat, view.phase, view.round, view.turn, len(view.log), view.turned_away)
        if key == self._key and not change.new_game:
            return
        self._key = key
        was_active = self.active
        self.close_panel()
        self.seat = seat
        self.space.setEnabled(seat is not None)
        if seat is not None:
            text = curtain_text(view, seat)
            self.prompt_text.setText(text)
            self.prompt.setAccessibleDescription(text)
            name = view.participants[seat].name
            self.prompt_hint.setText(
                _("{name}: press Space or click here to see your hand.").format(name=name))
        else:
            self.prompt_text.setText("")
            self.prompt_hint.setText("")
            self.prompt.setAccessibleDescription("")
        if was_active != self.active:
            self.active_changed.emit(self.active)

    def toggle(self) -> None:
        if self.panel is None:
            self.open_panel()
        else:
            self.close_panel()

    def open_panel(self) -> None:
        if self.seat is None or self.panel is not None:
            return
        pv = self._controller.player_view(self.seat)
        legal = self._controller.seat_actions(self.seat)
        self.panel = PrivatePanel(pv, legal)
        self.panel.chosen.connect(self._on_panel_chosen)
        self.panel.done.connect(self.close_panel)
        self._open_layout.addWidget(self.panel)
        self.pages.setCurrentWidget(self.open_page)
        self.panel.show()
        self.panel.focus_choices()

    def close_panel(self) -> None:
        """Hide the private panel at once and throw it away."""
        panel, self.panel = self.panel, None
        self.pages.setCurrentWidget(self.prompt)
        if panel is not None:
            panel.hide()
            panel.setParent(None)
            panel.deleteLater()
            if self.active:
                self.show_button.setFocus()

    def _on_panel_chosen(self, action: Action) -> None:
        self.close_panel()
        self._key = None  # the next change re-evaluates, even if the turn did not move
        self._controller.submit(action)
