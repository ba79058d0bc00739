"""The window's link to the phones: the server, its desk and the seats' tokens, started when
the Phones mode is on and stopped when the session closes or the program quits.

The server runs on its own thread; every act it receives is handed to the GUI thread through
a queued signal (``post``), where the desk checks it again and submits it to the play
session — exactly the path a click on the laptop takes. Nothing here reads a widget.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

from consortium.phones.desk import PhoneDesk
from consortium.phones.keys import SeatKeys
from consortium.phones.network import Address, addresses
from consortium.phones.server import PhoneApp, PhoneServer
from consortium.play.session import Session

DEFAULT_PORT = 8765  # easy to type; another free port is taken when it is busy


class PhoneLink(QObject):
    """Phones for one session: :meth:`start`, :meth:`join_url` per seat, :meth:`stop`."""

    _posted = Signal(object)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._posted.connect(self._run, Qt.ConnectionType.QueuedConnection)
        self.keys = SeatKeys()
        self.desk = PhoneDesk(session, self.keys, self._posted.emit)
        self._server: PhoneServer | None = None
        self.port = 0

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
        self.desk.publish()
        return self.port

    def stop(self) -> None:
        """Stop the server; the desk stays, so :meth:`start` serves the phones again."""
        if self._server is not None:
            self._server.stop()
            self._server = None

    def close(self) -> None:
        """The session closes or phones are turned off: stop, and stop following it."""
        self.stop()
        self.desk.close()

    def seat_on_phone(self, seat: int) -> str:
        """A fresh join token for ``seat`` (any old one is revoked)."""
        token = self.keys.issue(seat)
        self.desk.publish()
        return token

    def seat_to_curtain(self, seat: int) -> None:
        """The facilitator takes the seat back to the curtain: its phone stops at once."""
        self.keys.revoke(seat)
        self.desk.publish()

    def join_url(self, seat: int, address: Address | None = None) -> str | None:
        token = self.keys.token_of(seat)
        if token is None:
            return None
        where = address or next(iter(addresses()), Address("loopback", "127.0.0.1"))
        return where.url(self.port, f"/s/{token}")
