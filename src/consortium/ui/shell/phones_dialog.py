"""Facilitator → Phones…: the Phones mode on or off, where the laptop serves and what to do
when phones cannot reach it, and each person's seat on its phone or at the curtain.

This dialog may be on the shared screen (one screen for everything), so it shows no link,
no PIN and no QR code: those appear only behind a seat's curtain (its join hand-off).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFrame, QGridLayout, QScrollArea, QVBoxLayout, QWidget

from consortium.phones.network import addresses, network_help
from consortium.present.i18n import _
from consortium.ui.controller import GameController
from consortium.ui.kit.widgets import button, label
from consortium.ui.shell.phones_room import PhonesRoom


class PhonesDialog(QDialog):
    """Non-modal: the game goes on behind it; it follows every change."""

    def __init__(self, controller: GameController, room: PhonesRoom,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._room = room
        self.error = ""  # why the phones could not be turned on (shown in the dialog)
        self.setWindowTitle(_("Phones"))
        self.setAccessibleName(_("Phones"))
        self._layout = QVBoxLayout(self)
        # the help and eight seats may be taller than a 768-pixel laptop: it scrolls then
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._layout.addWidget(self._scroll)
        self._content: QWidget | None = None
        self.buttons: dict[str, object] = {}
        controller.changed.connect(self._rebuild)
        room.changed.connect(self._rebuild)
        self._rebuild()

    def _rebuild(self, *_args: object) -> None:
        if self._content is not None:
            self._content.hide()
            self._content.setParent(None)
            self._content.deleteLater()
        self.buttons = {}
        content = QWidget()
        box = QVBoxLayout(content)
        box.setContentsMargins(0, 0, 0, 0)
        c, room = self._controller, self._room
        printed = c.has_game and c.session.printed_hands
        if printed:
            box.addWidget(label(_("This session's hands are on printed sheets: there are no "
                                  "phones to join."), wrap=True))
        elif not room.on:
            box.addWidget(label(_("Phones are off: every private turn is behind the curtain "
                                  "on this laptop."), name="big", wrap=True))
            on = button(_("Turn phones on"),
                        description=_("This laptop serves the phones on the local network; "
                                      "each person joins with a code."))
            on.clicked.connect(self._turn_on)
            box.addWidget(on, 0, Qt.AlignmentFlag.AlignLeft)
            self.buttons["on"] = on
            if self.error:
                box.addWidget(label(self.error, name="notice", wrap=True))
        else:
            self._fill_on(box)
        close = button(_("Close"), "secondary",
                       description=_("Closes this window; the phones stay as they are."))
        close.clicked.connect(self.close)
        box.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self._content = content
        self._scroll.setWidget(content)
        self._fit()

    def _fit(self) -> None:
        """As tall as its content, within the screen; wide enough for a line of help."""
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        width = min(760, screen.width() * 9 // 10) if screen is not None else 760
        content = self._content
        assert content is not None
        content.setMinimumWidth(width - 40)
        height = content.heightForWidth(width - 40) if content.hasHeightForWidth() else -1
        if height < 0:
            height = content.sizeHint().height()
        limit = screen.height() * 9 // 10 if screen is not None else 900
        self.resize(width, min(limit, height + 40))

    def _fill_on(self, box: QVBoxLayout) -> None:
        c, room = self._controller, self._room
        link = room.link
        assert link is not None
        box.addWidget(label(_("Phones are on. Each person joins behind their own curtain: "
                              "scan the code, or type the address and PIN shown there."),
                            name="big", wrap=True))
        found = [link.address()] if link.host in ("127.0.0.1", "localhost") else addresses()
        if found:
            box.addWidget(label(_("This laptop serves the phones at:"), name="heading"))
            for address in found:
                box.addWidget(label(_("{url} — network: {interface}").format(
                    url=address.url(link.port), interface=address.interface), wrap=True))
        else:
            box.addWidget(label(_("This laptop is on no network: connect it to the room's "
                                  "Wi-Fi, or turn on its hotspot."), name="notice", wrap=True))
        box.addWidget(label(_("When phones cannot reach it"), name="heading"))
        for line in network_help():
            box.addWidget(label("• " + line, wrap=True))
        box.addWidget(label(_("Seats"), name="heading"))
        grid = QGridLayout()
        view, s = c.view, c.session
        for seat, participant in enumerate(view.participants):
            row = seat
            if not s.is_person(seat):
                continue
            if s.on_phone(seat):
                where = (_("on their phone") if room.has_joined(seat)
                         else _("on the phones: waiting to join behind the curtain"))
                move = button(_("Back to the curtain"), "secondary",
                              accessible=_("Take {name}'s hand back to the curtain").format(
                                  name=participant.name),
                              description=_("Their phone stops working for the game; they "
                                            "take their turns on this laptop again."))
                move.clicked.connect(partial(room.to_curtain, seat))
            else:
                where = _("behind the curtain on this laptop")
                move = button(_("To a phone"), "secondary",
                              accessible=_("Put {name}'s hand on a phone").format(
                                  name=participant.name),
                              description=_("They join on their phone at their next turn, "
                                            "behind the curtain."))
                move.clicked.connect(partial(room.to_phone, seat))
            grid.addWidget(label(_("{name}, seat {number}: {where}").format(
                name=participant.name, number=seat + 1, where=where), wrap=True), row, 0)
            grid.addWidget(move, row, 1)
            self.buttons[f"seat-{seat}"] = move
        box.addLayout(grid)
        off = button(_("Turn phones off"), "secondary",
                     description=_("Every phone is cut off; all private turns come back to "
                                   "the curtain."))
        off.clicked.connect(room.turn_off)
        box.addWidget(off, 0, Qt.AlignmentFlag.AlignLeft)
        self.buttons["off"] = off

    def _turn_on(self) -> None:
        try:
            self._room.turn_on()
            self.error = ""
        except OSError as error:
            self.error = _("The phones cannot be served: {reason}.").format(
                reason=error.strerror or error)
        self._rebuild()
