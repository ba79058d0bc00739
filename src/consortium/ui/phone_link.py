"""The window's link to the phones: the server, its desk and the seats' tokens, started when
the Phones mode is on and stopped when the session closes or the program quits.

The server runs on its own thread; every act it receives is handed to the GUI thread through
a queued signal (``post``), where the desk checks it again and submits it to the play
session — exactly the path a click on the laptop takes. Nothing here reads a widget.

Which seats hold their hand on a phone is the play session's (``SessionView.phones``, public:
the board says "Waiting for ‹name›'s phone…"); the tokens are this link's alone and never
leave the laptop except as a join card behind that seat's curtain. A seat on the phones whose
current link no phone has opened yet — it just went on the phones, or a newcomer took it —
*waits to join*: the curtain offers its join hand-off (:meth:`next_to_join`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Qt, Signal

from consortium.engine.state import Phase, PublicState
from consortium.phones.desk import PhoneDesk
from consortium.phones.keys import SeatKeys
from consortium.phones.network import Address, JoinDetails, addresses
from consortium.phones.server import PhoneApp, PhoneServer
from consortium.play.records import SessionView
from consortium.play.session import Session

DEFAULT_PORT = 8765  # easy to type; another free port is taken when it is busy
LOOPBACK = Address("loopback", "127.0.0.1")  # no network at all: this laptop only
PRIVATE_PHASES = (Phase.INTRODUCTIONS, Phase.TURNS, Phase.INVITATION, Phase.DECLARE,
                  Phase.VOTE)


class PhoneLink(QObject):
    """Phones for one session: :meth:`turn_on`, a join card per seat, :meth:`close`."""

    joined = Signal(int)  # a phone opened the seat's current link (on the GUI thread)
    revoked = Signal(int)  # the game revoked a seat's link (a newcomer, a bot)
    _posted = Signal(object)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._posted.connect(self._run, Qt.ConnectionType.QueuedConnection)
        self._session = session
        self.keys = SeatKeys()
        self.desk = PhoneDesk(session, self.keys, self._posted.emit)
        self.desk.on_joined(self.joined.emit)
        self.desk.on_revoked(self.revoked.emit)
        self._server: PhoneServer | None = None
        self.port = 0
        self.host = ""

    @staticmethod
    def _run(job: Callable[[], None]) -> None:
        job()  # on the GUI thread: the desk's check and the session's submit

    @property
    def running(self) -> bool:
        return self._server is not None

    def start(self, host: str = "0.0.0.0", port: int = DEFAULT_PORT) -> int:
        """Serve on every interface of the local network (phones are other devices)."""
        if self._server is not None:
            return self.port
        server = PhoneServer(PhoneApp(self.desk))
        try:
            self.port = server.start(host, port)
        except OSError:
            self.port = server.start(host, 0)  # the usual port is taken: any free one
        self._server = server
        self.host = host
        self.desk.publish()
        return self.port

    def stop(self) -> None:
        """Stop the server; the desk stays, so :meth:`start` serves the phones again."""
        if self._server is not None:
            self._server.stop()
            self._server = None

    def close(self) -> None:
        """The session closes or phones are turned off: stop, revoke every link, and stop
        following the session."""
        self.stop()
        for seat in self.keys.seats():
            self.keys.revoke(seat)
        self.desk.close()

    # --- seats: on the phones, or at the curtain ----------------------------------------

    def turn_on(self, seats: Iterable[int], host: str = "0.0.0.0",
                port: int = DEFAULT_PORT) -> int:
        """Serve, and put ``seats`` (people's) on the phones: each then waits to join."""
        port = self.start(host, port)
        for seat in seats:
            self.seat_on_phone(seat)
        return port

    def seat_on_phone(self, seat: int) -> str:
        """The seat's private acts come from a phone; a fresh join token (any old one is
        revoked: a phone that held it is shut out)."""
        self._session.set_on_phone(seat, True)
        token = self.keys.issue(seat)
        self.desk.publish()
        return token

    def seat_to_curtain(self, seat: int) -> None:
        """The facilitator takes the seat back to the curtain: its phone stops at once."""
        self.keys.revoke(seat)
        self._session.set_on_phone(seat, False)
        self.desk.publish()

    def has_joined(self, seat: int) -> bool:
        return self.desk.has_joined(seat)

    def waiting_to_join(self, session: SessionView) -> list[int]:
        """People's seats on the phones whose current link no phone has opened."""
        return [seat for seat in session.phones
                if session.is_person(seat) and not self.desk.has_joined(seat)]

    def next_to_join(self, view: PublicState, session: SessionView,
                     later: Iterable[int] = ()) -> int | None:
        """The seat whose join hand-off comes now: the acting seat first (the game waits
        for it), then the others in seat order, except those put off ``later`` (until their
        own turn comes)."""
        if session.printed_hands or session.fast_forward or session.ended_early \
                or view.phase is Phase.GAME_OVER:
            return None
        waiting = self.waiting_to_join(session)
        actor = view.actor
        if actor in waiting and view.phase in PRIVATE_PHASES:
            return actor
        put_off = set(later)
        return next((seat for seat in waiting if seat not in put_off), None)

    def join_details(self, seat: int) -> JoinDetails:
        """The seat's join card: its link (a new one for a newcomer, whose predecessor's was
        revoked), its PIN, and the address the laptop serves on."""
        token = self.keys.token_of(seat)
        if token is None or (self.keys.pin_of(seat) is None and not self.desk.has_joined(seat)):
            token = self.keys.issue(seat)  # revoked (a newcomer), or its PIN was used up
            self.desk.publish()
        where = self.address()
        return JoinDetails(where.url(self.port, f"/s/{token}"), where.url(self.port, "/j"),
                           self.keys.pin_of(seat), where)

    def address(self) -> Address:
        """The address phones reach: the first on a private network (Wi-Fi, a hotspot)."""
        if self.host in ("127.0.0.1", "localhost"):
            return LOOPBACK
        return next(iter(addresses()), LOOPBACK)

    def join_url(self, seat: int, address: Address | None = None) -> str | None:
        token = self.keys.token_of(seat)
        if token is None:
            return None
        where = address or self.address()
        return where.url(self.port, f"/s/{token}")
