"""The Phones mode in the window: turning it on and off, and moving seats between their phones
and the curtain (docs/phones.md).

Owns the :class:`~consortium.ui.phone_link.PhoneLink` (server, desk, tokens) while the mode is
on, and hands the curtain its join hand-offs. The server starts only when the mode is turned
on and stops when it is turned off, when another game is taken over (a new session, a resume:
"the session closes") and when the window closes. Loaded with the first use of the mode, so
the web server's library costs nothing at launch.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from consortium.engine.history import History
from consortium.play.records import Change
from consortium.present.i18n import _
from consortium.ui.controller import GameController
from consortium.ui.laptop.curtain import Curtain
from consortium.ui.phone_link import PhoneLink


class PhonesRoom(QObject):
    """Phones on or off for the window's game; ``changed`` after anything it changed."""

    changed = Signal()

    def __init__(self, controller: GameController, curtain: Curtain,
                 say: Callable[[str], None] = lambda text: None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._curtain = curtain
        self._say = say
        self.link: PhoneLink | None = None
        self._history: History | None = None
        controller.changed.connect(self._on_game_changed)

    def use_curtain(self, curtain: Curtain) -> None:
        """The game screen was built anew (a language change): its curtain takes the joins."""
        self._curtain = curtain
        if self.link is not None:
            curtain.set_joins(self.link)

    @property
    def on(self) -> bool:
        return self.link is not None

    def turn_on(self, *, host: str = "0.0.0.0", port: int | None = None) -> None:
        """Serve the phones and put every person's seat on them (each then joins behind its
        curtain). Raises ``OSError`` when no port can be opened; nothing changes then."""
        c = self._controller
        if self.link is not None or not c.has_game or c.session.printed_hands:
            return
        link = PhoneLink(c.play, self)
        try:
            if port is None:
                link.start(host)
            else:
                link.start(host, port)
        except OSError:
            link.close()
            raise
        self.link = link
        self._history = c.play.history
        link.joined.connect(self._on_joined)
        for seat, person in enumerate(c.session.people):
            if person:
                link.seat_on_phone(seat)
        self._curtain.set_joins(link)
        self.changed.emit()

    def turn_off(self) -> None:
        """Stop serving; every seat back to the curtain, every link revoked."""
        link, self.link = self.link, None
        if link is None:
            return
        self._history = None
        self._curtain.set_joins(None)
        link.close()
        play = self._controller.play
        if play.has_game:
            for seat in play.session.phones:
                play.set_on_phone(seat, False)
        link.deleteLater()
        self.changed.emit()

    def to_phone(self, seat: int) -> None:
        """A seat back onto a phone: a new link, shown behind its curtain."""
        if self.link is not None and self._controller.session.is_person(seat):
            self.link.seat_on_phone(seat)
            self._curtain.refresh()
            self.changed.emit()

    def to_curtain(self, seat: int) -> None:
        """A seat's hand back to the curtain (a dead battery, no phone): its link dies."""
        if self.link is not None:
            self.link.seat_to_curtain(seat)
            self._curtain.refresh()
            self.changed.emit()

    def has_joined(self, seat: int) -> bool:
        return self.link is not None and self.link.has_joined(seat)

    def _on_joined(self, seat: int) -> None:
        view = self._controller.view
        if 0 <= seat < len(view.participants):
            self._say(_("{name}'s phone holds the hand now.").format(
                name=view.participants[seat].name))
        self.changed.emit()

    def _on_game_changed(self, change: Change) -> None:
        if self.link is None or not change.new_game:
            return
        play = self._controller.play
        if not play.has_game or play.history is not self._history:
            self.turn_off()  # another game: this one's session closed, and its phones
        else:
            self.changed.emit()  # an undo: who is where may have changed
