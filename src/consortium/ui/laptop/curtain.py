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

**Join hand-offs** (the Phones mode, docs/phones.md). A seat whose hand is on a phone takes no
private turn here: the board waits for the phone. But its phone must first open the seat's
link, and that link is a secret: the curtain hands it over like a hand — "Pass to ‹name› to
join with your phone", lifted the same deliberate way — and shows the join card (the QR code,
the short address and PIN). It comes down by itself as soon as the phone opens the link. A
private turn of a seat at the curtain comes first; then the join of the seat the game waits
for; then the others, unless the facilitator put one off until its turn ("Later"), or kept
that hand on the laptop.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from consortium.engine.actions import Action
from consortium.engine.state import Phase, PublicState
from consortium.phones.network import JoinDetails
from consortium.play.records import Change, SessionView
from consortium.present.i18n import _
from consortium.present.labels import handoff_title
from consortium.ui.controller import GameController
from consortium.ui.kit.widgets import label, scroll_down
from consortium.ui.kit.wrap_button import WrapButton
from consortium.ui.laptop.join_card import JoinCard
from consortium.ui.laptop.private_panel import PrivatePanel

PRIVATE_PHASES = (Phase.INTRODUCTIONS, Phase.TURNS, Phase.INVITATION)
ARM_MS = 600  # after the curtain comes down, input is dropped this long
HOLD_MS = 500  # Space must be held this long to lift the curtain


class Joins(Protocol):
    """The phones' side of join hand-offs (``ui.phone_link.PhoneLink``)."""

    joined: Any  # Signal(int): a phone opened the seat's link
    revoked: Any  # Signal(int): the game revoked a seat's link (a newcomer must join)

    def next_to_join(self, view: PublicState, session: SessionView,
                     later: Iterable[int] = ()) -> int | None: ...

    def join_details(self, seat: int) -> JoinDetails: ...

    def seat_to_curtain(self, seat: int) -> None: ...


def curtain_seat(view: PublicState, session: SessionView) -> int | None:
    """The person whose private turn it is at this curtain, if any (a seat on a phone takes
    its turns there)."""
    seat = view.actor
    if seat is None or not session.is_person(seat) or session.fast_forward:
        return None
    if session.on_phone(seat):
        return None
    if session.printed_hands:  # no curtain: the acts are public (ui/laptop/public_acts.py)
        return None
    if session.ended_early or session.paused:
        return None
    if seat in session.chosen_ahead:
        return None  # the card or ballot was chosen ahead: it goes in by itself, no hand-off
    if view.phase in PRIVATE_PHASES or (view.phase is Phase.VOTE and view.secret_ballot):
        return seat
    return None


def curtain_text(view: PublicState, seat: int) -> str:
    return _("{handoff} — everyone else, look away").format(handoff=handoff_title(view, seat))


def join_text(view: PublicState, seat: int) -> str:
    return _("{handoff}, to join with your phone — everyone else, look away").format(
        handoff=handoff_title(view, seat))


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
        self.joining: int | None = None  # a join hand-off's seat (the Phones mode)
        self.joins: Joins | None = None
        self.later: set[int] = set()  # joins put off until the seat's own turn
        self.join_view: QWidget | None = None
        self._last: Change | None = None
        self.armed = False
        self.lifts = 0  # how many times a hand was shown (benchmarks, tests)
        self._key: tuple[object, ...] | None = None
        self.panel: PrivatePanel | None = None
        self.prompt = QWidget()
        self.prompt.setAccessibleName(_("Show my hand"))
        self.prompt_text = label(name="curtainText", wrap=True, fit=True)
        self.prompt_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt_hint = label(wrap=True, fit=True, name="big")
        self.prompt_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.show_button = WrapButton(_("Show my hand"))
        self.show_button.setAccessibleName(_("Show my hand"))
        self.show_button.setAccessibleDescription(
            _("Opens this seat's private hand; everyone else looks away first."))
        self.show_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space never clicks it
        self.show_button.clicked.connect(self._on_show_clicked)
        p = QVBoxLayout(self.prompt)
        p.addStretch(1)
        p.addWidget(self.prompt_text)
        p.addWidget(self.prompt_hint)
        p.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignCenter)
        # a Mixed round's introduction: anyone but a newcomer may pass, in public (GAME.md,
        # Mixed step 1; a pass shows nothing), so it needs no hand-off
        self.pass_button = WrapButton()
        self.pass_button.setAccessibleName(_("Pass without a hand-off"))
        self.pass_button.setAccessibleDescription(
            _("Enters the pass said aloud: this introduction shows no card."))
        self.pass_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pass_button.clicked.connect(self._on_pass_clicked)
        self.pass_button.setVisible(False)
        p.addWidget(self.pass_button, 0, Qt.AlignmentFlag.AlignCenter)
        # a join hand-off: the facilitator may put it off, or keep the hand on this laptop
        self.join_row = QWidget()
        row = QVBoxLayout(self.join_row)  # stacked: a narrow column fits both
        row.setContentsMargins(0, 0, 0, 0)
        self.later_button = WrapButton(_("Later"))
        self.later_button.setAccessibleName(_("Join later, when this seat's turn comes"))
        self.later_button.setAccessibleDescription(
            _("Closes the join code for now; it comes back on this seat's turn."))
        self.keep_button = WrapButton(_("Keep on this laptop"))
        self.keep_button.setAccessibleName(_("Keep this hand on the laptop, behind the curtain"))
        self.keep_button.setAccessibleDescription(
            _("This seat plays on the laptop instead of a phone."))
        for button in (self.later_button, self.keep_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            row.addWidget(button)
        self.later_button.clicked.connect(self._on_later_clicked)
        self.keep_button.clicked.connect(self._on_keep_clicked)
        self.join_row.setVisible(False)
        p.addWidget(self.join_row, 0, Qt.AlignmentFlag.AlignCenter)
        p.addStretch(2)
        self.pages = QStackedWidget()
        # the prompt scrolls down (never sideways) when its words are taller than the column
        # (200 % text on a 768-pixel laptop; Space shows the hand wherever it is scrolled)
        self.prompt_area = scroll_down(self.prompt)
        self.prompt_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space is the curtain's
        self.pages.addWidget(self.prompt_area)
        self.open_page = QWidget()
        self._open_layout = QVBoxLayout(self.open_page)
        self._open_layout.setContentsMargins(0, 0, 0, 0)
        # the private panel too: its hand, choices and Confirm, reached by scrolling down
        # when they are taller than the column (200 % text), never squeezed
        self.open_area = scroll_down(self.open_page)
        self.open_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pages.addWidget(self.open_area)
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
        return self.seat is not None or self.joining is not None

    @property
    def is_open(self) -> bool:
        return self.panel is not None or self.join_view is not None

    def set_joins(self, joins: Joins | None) -> None:
        """Phones on (``joins``) or off: join hand-offs come to this curtain, or no more."""
        if self.joins is not None:
            self.joins.joined.disconnect(self._on_joined)
            self.joins.revoked.disconnect(self.refresh)
        self.joins = joins
        self.later = set()
        if joins is not None:
            joins.joined.connect(self._on_joined)
            joins.revoked.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Look again at who comes to the curtain (a seat went on or off the phones)."""
        if self._last is not None:
            self._key = None
            self._on_game_changed(self._last)

    def _on_joined(self, seat: int) -> None:
        self.later.discard(seat)
        if seat == self.joining:
            self.refresh()  # the phone has it: the join card comes down by itself

    def _on_game_changed(self, change: Change) -> None:
        self._last = change
        view, session = change.view, change.session
        seat = curtain_seat(view, session)
        joining = None
        if seat is None and self.joins is not None and not session.paused:
            self.later &= set(session.phones)
            joining = self.joins.next_to_join(view, session, self.later)
        key = (seat, joining, view.phase, view.round, view.turn, len(view.log),
               view.turned_away)
        if key == self._key and not change.new_game:
            return
        self._key = key
        was_active = self.active
        self.close_panel()
        self.seat = seat
        self.joining = joining
        self.join_row.setVisible(joining is not None)
        if joining is not None:
            text = join_text(view, joining)
            self.prompt_text.setText(text)
            self.prompt.setAccessibleDescription(text)
            self.prompt_hint.setText(
                _("{name}: hold Space, or click the button, to see your join code.").format(
                    name=view.participants[joining].name))
            self.show_button.setText(_("Show my join code"))
            self.pass_button.setVisible(False)
        elif seat is not None:
            self.show_button.setText(_("Show my hand"))
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
        if self.active:
            self._arm_timer.start(self.arm_ms)

    def _on_armed(self) -> None:
        if not self.active or self.is_open:
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
        if not self.active or self.is_open:
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
        if not self.active or self.is_open or not self.armed:
            return
        self._hold_timer.stop()
        self.armed = False
        if self.joining is not None:
            self._open_join_card(self.joining)
            return
        assert self.seat is not None
        pv = self._controller.player_view(self.seat)
        legal = self._controller.seat_actions(self.seat)
        self.panel = PrivatePanel(pv, legal,
                                  ahead=self._controller.introductions_ahead(self.seat))
        self.panel.chosen.connect(self._on_panel_chosen)
        self.panel.done.connect(self.close_panel)
        self._open_layout.addWidget(self.panel)
        self.pages.setCurrentWidget(self.open_area)
        self.panel.show()
        self.panel.focus_choices()
        self.lifts += 1

    def _open_join_card(self, seat: int) -> None:
        """The seat's join card, behind its curtain: the phone that opens the link holds
        the hand from now on. "Hide" brings the curtain down without joining."""
        assert self.joins is not None and self._last is not None
        view = self._last.view
        details = self.joins.join_details(seat)
        where = details.address
        box = QWidget()
        box.setAccessibleName(_("Join with your phone"))
        layout = QVBoxLayout(box)
        card = JoinCard(view.participants[seat].name, details.url, details.short_url,
                        details.pin, _("This laptop serves the phones at {ip} ({interface}).")
                        .format(ip=where.ip, interface=where.interface))
        layout.addWidget(card, 1)
        hide = WrapButton(_("Hide"))
        hide.setAccessibleName(_("Hide the join code"))
        hide.setAccessibleDescription(_("Closes the join code; the seat can join later."))
        hide.clicked.connect(self.close_panel)
        layout.addWidget(hide, 0, Qt.AlignmentFlag.AlignRight)
        self.join_view = box
        self._open_layout.addWidget(box)
        self.pages.setCurrentWidget(self.open_area)
        box.show()
        hide.setFocus(Qt.FocusReason.OtherFocusReason)
        self.lifts += 1

    def _on_later_clicked(self) -> None:
        """Put this join off until the seat's own turn (the phone is not at hand yet)."""
        if self.joining is not None and not self.is_open:
            self.later.add(self.joining)
            self.refresh()

    def _on_keep_clicked(self) -> None:
        """This hand stays on the laptop: back to the curtain, its link revoked."""
        if self.joining is not None and self.joins is not None and not self.is_open:
            self.joins.seat_to_curtain(self.joining)

    def close_panel(self) -> None:
        """Hide the private panel (or the join card) at once and throw it away; the curtain
        comes down."""
        join_view, self.join_view = self.join_view, None
        if join_view is not None:
            join_view.hide()
            join_view.setParent(None)
            join_view.deleteLater()  # the link and PIN go with it
        panel, self.panel = self.panel, None
        self.pages.setCurrentWidget(self.prompt_area)
        if join_view is not None and panel is None:
            self._come_down()
            if self.active:
                self.setFocus(Qt.FocusReason.OtherFocusReason)
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
