"""The hand-off curtain: the only place a player view is shown.

When a person's private turn comes (an introduction, a self-selection turn, an invitation, a
secret-ballot vote) the curtain says "Pass to ‹name› (‹sector›), seat ‹n› — everyone else,
look away" (with a newcomer, whose seat it was). The projector meanwhile shows "‹name› is
choosing…" (``BoardHeader``). Listens to ``GameController.changed``; asks the controller for
the acting person's ``player_view`` and legal choices only when opened.

**A curtain that cannot leak.** After any private act (a choice, or Done) the panel is
destroyed at once and the curtain comes down; it stays down until the next person lifts it
*deliberately*:

- the curtain first **arms**: for :data:`ARM_MS` after it comes down every key and click on it
  is dropped, so input typed while a bot was deciding, while the screen was busy, or by the
  previous person pressing on (Enter, Enter, Space…) never reaches the next hand;
- then only a **hold** opens it from the keyboard: Space pressed afresh (not an auto-repeat of
  a key already down) and held for :data:`HOLD_MS`; a tap does nothing; or a mouse click on
  the "Show my hand" button (which takes no keyboard focus, so Space never clicks it).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QStackedWidget, QVBoxLayout, QWidget

from consortium.engine.actions import Action
from consortium.engine.state import Phase, PublicState
from consortium.play.records import Change, SessionView
from consortium.present.i18n import _
from consortium.present.labels import handoff_title
from consortium.ui.controller import GameController
from consortium.ui.kit.widgets import label
from consortium.ui.laptop.private_panel import PrivatePanel

PRIVATE_PHASES = (Phase.INTRODUCTIONS, Phase.TURNS, Phase.INVITATION)
ARM_MS = 600  # after the curtain comes down, input is dropped this long
HOLD_MS = 500  # Space must be held this long to lift the curtain


def curtain_seat(view: PublicState, session: SessionView) -> int | None:
    """The person whose private turn it is, if any."""
    seat = view.actor
    if seat is None or not session.is_person(seat) or session.fast_forward:
        return None
    if session.printed_hands:  # no curtain: the acts are public (ui/laptop/public_acts.py)
        return None
    if session.ended_early or session.paused:
        return None
    if view.phase is Phase.INTRODUCTIONS and seat in session.chosen_ahead:
        return None  # the card was chosen ahead: it goes in by itself, no hand-off
    if view.phase in PRIVATE_PHASES or (view.phase is Phase.VOTE and view.secret_ballot):
        return seat
    return None


def curtain_text(view: PublicState, seat: int) -> str:
    return _("{handoff} — everyone else, look away").format(handoff=handoff_title(view, seat))


class Curtain(QWidget):
    active_changed = Signal(bool)

    def __init__(self, controller: GameController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.setObjectName("curtain")
        self.setAccessibleName(_("Hand-off curtain"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.arm_ms = ARM_MS
        self.hold_ms = HOLD_MS
        self.seat: int | None = None
        self.armed = False
        self.lifts = 0  # how many times a hand was shown (benchmarks, tests)
        self._key: tuple[object, ...] | None = None
        self.panel: PrivatePanel | None = None
        self.prompt = QWidget()
        self.prompt.setAccessibleName(_("Show my hand"))
        self.prompt_text = label(name="curtainText", wrap=True)
        self.prompt_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt_hint = label(wrap=True, name="big")
        self.prompt_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.show_button = QPushButton(_("Show my hand"))
        self.show_button.setAccessibleName(_("Show my hand"))
        self.show_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space never clicks it
        self.show_button.clicked.connect(self._on_show_clicked)
        p = QVBoxLayout(self.prompt)
        p.addStretch(1)
        p.addWidget(self.prompt_text)
        p.addWidget(self.prompt_hint)
        p.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignCenter)
        # a Mixed round's introduction: anyone but a newcomer may pass, in public (GAME.md,
        # Mixed step 1; a pass shows nothing), so it needs no hand-off
        self.pass_button = QPushButton()
        self.pass_button.setAccessibleName(_("Pass without a hand-off"))
        self.pass_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pass_button.clicked.connect(self._on_pass_clicked)
        self.pass_button.setVisible(False)
        p.addWidget(self.pass_button, 0, Qt.AlignmentFlag.AlignCenter)
        p.addStretch(2)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.prompt)
        self.open_page = QWidget()
        self._open_layout = QVBoxLayout(self.open_page)
        self._open_layout.setContentsMargins(0, 0, 0, 0)
        self.pages.addWidget(self.open_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self._arm_timer = QTimer(self)
        self._arm_timer.setSingleShot(True)
        self._arm_timer.timeout.connect(self._on_armed)
        self._hold_timer = QTimer(self)
        self._hold_timer.setSingleShot(True)
        self._hold_timer.timeout.connect(self._on_held)
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
        if seat is not None:
            text = curtain_text(view, seat)
            self.prompt_text.setText(text)
            self.prompt.setAccessibleDescription(text)
            name = view.participants[seat].name
            self.prompt_hint.setText(
                _("{name}: hold Space, or click the button, to see your hand.").format(
                    name=name))
            may_pass = self._controller.may_pass_in_public(seat)
            self.pass_button.setText(_("Pass: show no card"))
            self.pass_button.setAccessibleName(
                _("{name} passes: shows no card (no hand-off)").format(name=name))
            self.pass_button.setVisible(may_pass)
        else:
            self.pass_button.setVisible(False)
            self.prompt_text.setText("")
            self.prompt_hint.setText("")
            self.prompt.setAccessibleDescription("")
        self._come_down()
        if was_active != self.active:
            self.active_changed.emit(self.active)

    # --- down, armed, lifted ----------------------------------------------------------

    def _come_down(self) -> None:
        """The curtain is down: drop input until it arms again."""
        self.armed = False
        self._hold_timer.stop()
        self._arm_timer.stop()
        self.show_button.setEnabled(False)
        self.pass_button.setEnabled(False)
        if self.seat is not None:
            self._arm_timer.start(self.arm_ms)

    def _on_armed(self) -> None:
        if self.seat is None or self.panel is not None:
            return
        self.armed = True
        self.show_button.setEnabled(True)
        self.pass_button.setEnabled(True)

    def _on_held(self) -> None:
        if self.armed:
            self.open_panel()

    def _on_show_clicked(self) -> None:
        if self.armed:
            self.open_panel()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.seat is None or self.panel is not None:
            super().keyPressEvent(event)
            return
        event.accept()  # behind the curtain no key goes anywhere else
        if event.key() == Qt.Key.Key_Space and self.armed and not event.isAutoRepeat():
            self._hold_timer.start(self.hold_ms)  # a fresh press: the hold begins

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._hold_timer.stop()  # let go before the hold: nothing opens
        event.accept()

    def open_panel(self) -> None:
        if self.seat is None or self.panel is not None or not self.armed:
            return
        self._hold_timer.stop()
        self.armed = False
        pv = self._controller.player_view(self.seat)
        legal = self._controller.seat_actions(self.seat)
        self.panel = PrivatePanel(pv, legal,
                                  ahead=self._controller.introductions_ahead(self.seat))
        self.panel.chosen.connect(self._on_panel_chosen)
        self.panel.done.connect(self.close_panel)
        self._open_layout.addWidget(self.panel)
        self.pages.setCurrentWidget(self.open_page)
        self.panel.show()
        self.panel.focus_choices()
        self.lifts += 1

    def close_panel(self) -> None:
        """Hide the private panel at once and throw it away; the curtain comes down."""
        panel, self.panel = self.panel, None
        self.pages.setCurrentWidget(self.prompt)
        if panel is not None:
            panel.hide()
            panel.setParent(None)
            panel.deleteLater()
            self._come_down()
            if self.active:
                self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_panel_chosen(self, action: Action) -> None:
        panel, seat = self.panel, self.seat
        ahead = list(panel.ahead_slots) if panel is not None else []
        self.close_panel()
        self._key = None  # the next change re-evaluates, even if the turn did not move
        if ahead and seat is not None:
            self._controller.choose_ahead(seat, ahead)
        self._controller.submit(action)

    def _on_pass_clicked(self) -> None:
        """A pass said aloud: entered here in public, the hand never shown."""
        if self.armed and self.seat is not None and self.panel is None:
            self._controller.pass_in_public(self.seat)
