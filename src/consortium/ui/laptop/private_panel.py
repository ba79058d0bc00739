"""One person's private panel, shown behind the hand-off curtain only.

Shows a ``PlayerView`` (hand, hours, motivation, any private notice) and that seat's legal
choices. Enter confirms the selected choice; showing a card asks first ("This card will be
shown to everyone"). Emits ``chosen(action)``; the curtain destroys the panel as soon as a
choice is made or the person presses Done, so nothing private outlives the turn. It listens
to no signal: it is built for one turn and thrown away.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListView,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from consortium.engine.actions import Action, Initiate, Join, Reveal
from consortium.engine.views import PlayerView
from consortium.present.choice_text import intent_key, intent_text, signal_text
from consortium.present.hand_words import hours_text, motivation_text, notices, shown_text
from consortium.present.i18n import _
from consortium.present.labels import card_text, family_of_card, phase_label
from consortium.ui.kit.widgets import button, label
from consortium.ui.kit.wrap_button import WrapButton
from consortium.ui.laptop.choices_model import ChoicesModel


class _HandArea(QScrollArea):
    """The hand's scroll area: it asks for its least height and takes what the layout's
    stretch gives it (its contents' whole height would push Confirm below the screen).

    Its least height is its contents' (when they are short) or ``LINES`` lines of their
    text as styled now: measured when the layout asks, after the style sheet and the text
    size set the font (measured at construction it was the unstyled font's, and at 200 %
    the hand shrank to one line)."""

    LINES = 5

    def least_height(self) -> int:
        inner = self.widget()
        if inner is None:
            return 0
        inner.ensurePolished()
        lines = inner.fontMetrics().lineSpacing() * self.LINES
        return min(inner.sizeHint().height(), lines)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.least_height())

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.least_height())


class PrivatePanel(QWidget):
    chosen = Signal(object)
    done = Signal()

    def __init__(
        self, pv: PlayerView, legal: Sequence[Action], parent: QWidget | None = None,
        *, ahead: int = 0,
    ) -> None:
        super().__init__(parent)
        # introductions: how many later introductions of this round this person may choose
        # a card for now (one hand-off for all), and the cards chosen for them
        self._ahead = ahead
        self.ahead_slots: list[int] = []
        self._ahead_step = False
        self._seat = pv.seat
        self.setObjectName("privatePanel")
        self.setAccessibleName(_("Your private hand"))
        view, private = pv.public, pv.private
        me = view.participants[pv.seat]
        self._pending: Action | None = None
        self._finished = False
        layout = QVBoxLayout(self)
        self.title = label(_("{name}: {phase}").format(name=me.name, phase=phase_label(view.phase)),
                           name="heading", wrap=True, fit=True)
        # Done sits at the top, away from Confirm: a second press meant for Confirm never hides
        # the hand, and one meant for Done never confirms.
        self.hide_button = button(_("Hide (Space)"), "secondary",
                                  accessible=_("Done: hide my hand"),
                                  description=_("Hides the hand at once; show it again to "
                                                "choose."))
        self.hide_button.clicked.connect(self.done)
        # the button over the title, not beside it: in the 1366×768 column a long phase name
        # ("Ana: Introductions") had too little room beside the button and was cut
        layout.addWidget(self.hide_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.title)
        # what the person holds scrolls in its own area, so the choices and Confirm always
        # fit the laptop's screen (1366×768), whatever the notices and the hand
        info = QWidget()
        info.setObjectName("privateInfo")
        info_layout = QVBoxLayout(info)
        info_layout.setContentsMargins(0, 0, 0, 0)
        # that this seat was taken over; the teams that turned this person away
        self.notices = [label(line, name="notice", wrap=True, fit=True) for line in notices(pv)]
        for notice in self.notices:
            info_layout.addWidget(notice)
        if private.notice:  # the newcomer's "You are now …" comes first
            self.notice = self.notices[0]
        self.hours = label(hours_text(private), "big", wrap=True, fit=True)
        self.motivation = label(motivation_text(private))
        info_layout.addWidget(self.hours)
        info_layout.addWidget(self.motivation)
        info_layout.addWidget(label(_("Your hand"), name="heading"))
        self.cards: list[QLabel] = []
        for slot, card in enumerate(private.hand):
            shown = me.public_cards[slot] is not None
            line = label(
                f"{card_text(view.catalog, card)} · {family_of_card(view.catalog, card)}"
                f" · {shown_text(shown)}",
                wrap=True, fit=True,
            )
            line.setAccessibleName(_("Card {number}").format(number=slot + 1))
            self.cards.append(line)
            info_layout.addWidget(line)
        info_layout.addStretch(1)
        self.info_area = _HandArea()
        self.info_area.setWidgetResizable(True)
        self.info_area.setFrameShape(QFrame.Shape.NoFrame)
        self.info_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.info_area.setWidget(info)
        self.info_area.setAccessibleName(_("Your hand and hours"))
        # it takes the room the choices leave (the stretch), at least a few lines (its
        # least height): the panel's own height is what the rest needs, so in the column's
        # scroll area (200 % text) Confirm is scrolled to, never pushed down by the whole hand
        layout.addWidget(self.info_area, 3)
        layout.addWidget(label(_("Your choice (arrows, then Enter)"), name="heading", wrap=True,
            fit=True))
        self.model = ChoicesModel(self)
        self._view, self._hand = view, private.hand
        groups: dict[tuple[str, str], list[Action]] = {}
        for action in legal:
            groups.setdefault(intent_key(action), []).append(action)
        self.groups: list[list[Action]] = list(groups.values())
        self._signal_step: list[Action] | None = None
        self._first_rows: list[tuple[str, Action, str]] = []
        for group in self.groups:
            text, description = intent_text(view, private.hand, group[0])
            self._first_rows.append((text, group[0], description))
        self.model.set_choices(self._first_rows)
        self.choices = QListView()
        self.choices.setModel(self.model)
        self.choices.setWordWrap(True)
        self.choices.setSpacing(3)
        self.choices.setAccessibleName(_("Your choices"))
        # Enter reaches keyPressEvent (the view ignores it after emitting ``activated``), so
        # only the mouse's double click is connected here: one Enter, one confirmation.
        self.choices.doubleClicked.connect(self._on_choice_activated)
        self.choices.setCurrentIndex(self.model.index(0, 0))
        layout.addWidget(self.choices, 2)
        self.choices.setMinimumHeight(120)
        self.confirm_text = label(name="notice", wrap=True, fit=True)
        self.confirm_text.setVisible(False)
        layout.addWidget(self.confirm_text)
        buttons = QVBoxLayout()  # one above the other: never side by side and clipped
        self.confirm = WrapButton(_("Confirm (Enter)"))
        self.confirm.setAccessibleName(_("Confirm your choice"))
        self.confirm.setAccessibleDescription(
            _("Makes the choice selected in the list and hides the hand."))
        self.confirm.clicked.connect(self.confirm_selected)
        self.back = button(_("Back (Esc)"), "secondary", accessible=_("Back to the choices"),
                           description=_("Returns to the list without choosing."))
        self.back.clicked.connect(self._on_back_clicked)
        self.back.setVisible(False)
        for b in (self.confirm, self.back):
            buttons.addWidget(b)
        layout.addLayout(buttons)

        for child in self.findChildren(QWidget):  # Space hides the hand wherever the focus is
            child.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Space:
            if not event.isAutoRepeat():  # a Space still held from lifting hides nothing
                self.done.emit()
            return True
        return super().eventFilter(watched, event)

    def focus_choices(self) -> None:
        self.choices.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_choice_activated(self, index: QModelIndex) -> None:
        self.choices.setCurrentIndex(index)
        self.confirm_selected()

    def select(self, row: int) -> None:
        self.choices.setCurrentIndex(self.model.index(row, 0))

    def confirm_selected(self) -> None:
        """Enter: choose the selected line. Starting or joining a task asks next for the card
        to signal; showing a card in an introduction asks for a second Enter."""
        if self._finished:
            return
        row = self.choices.currentIndex().row()
        if self._ahead_step:
            self._choose_ahead(row)
            return
        if self._pending is not None:
            pending = self._pending
            if isinstance(pending, Reveal) and pending.slot is not None and self._ahead > 0:
                self._ask_ahead()  # this card now; then the cards for later introductions
                return
            self._pending = None
            self._emit(pending)
            return
        if self._signal_step is not None:
            if 0 <= row < len(self._signal_step):
                self._emit(self._signal_step[row])
            return
        if not 0 <= row < len(self.groups):
            return
        group = self.groups[row]
        action = group[0]
        if isinstance(action, Initiate | Join):
            self._ask_for_card(group)
            return
        if isinstance(action, Reveal) and action.slot is not None:
            self._pending = action
            card = card_text(self._view.catalog, self._hand[action.slot])
            self.confirm_text.setText(
                _("This card will be shown to everyone: {card}. Press Enter to show it, Esc to "
                  "go back.").format(card=card)
            )
            self.confirm_text.setVisible(True)
            self.back.setVisible(True)
            self.confirm.setText(_("Show it to everyone (Enter)"))
            self.confirm.setFocus()
            return
        self._emit(action)

    def _hidden_left(self) -> list[int]:
        """Hidden cards not yet chosen for this or a later introduction."""
        taken = {a.slot for a in [self._pending] if isinstance(a, Reveal)} | set(
            self.ahead_slots)
        me = self._view.participants[self._seat]
        return [slot for slot, card in enumerate(me.public_cards)
                if card is None and slot not in taken]

    def _ask_ahead(self) -> None:
        """Introductions ahead: the card for the next introduction of this round, chosen
        now, or "when it comes" (another hand-off then)."""
        left = self._hidden_left()
        if len(self.ahead_slots) >= self._ahead or not left:
            self._finish_ahead()
            return
        self._ahead_step = True
        number = self._view.intros_done + 2 + len(self.ahead_slots)
        rows = [(_("Introduction {number}: show {card}").format(
                    number=number, card=card_text(self._view.catalog, self._hand[slot])),
                 Reveal(self._seat, slot), "") for slot in left]
        rows.append((_("Choose at introduction {number} (the laptop comes back to me)").format(
            number=number), Reveal(self._seat, None), ""))
        self.model.set_choices(rows)
        self.choices.setCurrentIndex(self.model.index(0, 0))
        self.confirm_text.setText(_(
            "Save a hand-off: choose now the card you will show in introduction {number} "
            "(shown to everyone when it comes), or choose then. Enter to confirm.").format(
                number=number))
        self.confirm_text.setVisible(True)
        self.back.setVisible(False)
        self.confirm.setText(_("Confirm (Enter)"))
        self.focus_choices()

    def _choose_ahead(self, row: int) -> None:
        action = self.model.action(row)
        if not isinstance(action, Reveal):
            return
        if action.slot is None:
            self._finish_ahead()
            return
        self.ahead_slots.append(action.slot)
        self._ask_ahead()

    def _finish_ahead(self) -> None:
        pending, self._pending = self._pending, None
        self._ahead_step = False
        if pending is not None:
            self._emit(pending)

    def _emit(self, action: Action) -> None:
        self._finished = True
        self.chosen.emit(action)

    def _ask_for_card(self, group: list[Action]) -> None:
        self._signal_step = group
        title = intent_text(self._view, self._hand, group[0])[0]
        rows = []
        for action in group:
            text, description = signal_text(self._view, self._hand, action)
            rows.append((text, action, description))
        self.model.set_choices(rows)
        self.choices.setCurrentIndex(self.model.index(0, 0))
        self.confirm_text.setText(
            _("{choice}: which card do you signal? It becomes public for good. Enter to "
              "confirm, Esc to go back.").format(choice=title)
        )
        self.confirm_text.setVisible(True)
        self.back.setVisible(True)
        self.focus_choices()

    @property
    def asking_for_card(self) -> bool:
        return self._signal_step is not None

    def _on_back_clicked(self) -> None:
        if self._signal_step is not None:
            group, self._signal_step = self._signal_step, None
            self.model.set_choices(self._first_rows)
            self.choices.setCurrentIndex(self.model.index(self.groups.index(group), 0))
        self._pending = None
        self.confirm_text.setVisible(False)
        self.back.setVisible(False)
        self.confirm.setText(_("Confirm (Enter)"))
        self.focus_choices()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.isAutoRepeat():  # a held key never confirms twice
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.confirm_selected()
            return
        if event.key() == Qt.Key.Key_Escape and not self._ahead_step and (
            self._pending is not None or self._signal_step is not None
        ):
            self._on_back_clicked()
            return
        super().keyPressEvent(event)
