"""Join tokens: a seat's secret in its join link.

A token is 24 random bytes from :mod:`secrets` (192 bits, URL-safe text). When a seat changes
hands (turnover, the facilitator replacing a person by a bot, a seat taken back to the
curtain) its token is revoked at once and remembered as revoked, so the departed person's
phone is told "You have left the partnership" rather than "unknown link" — and never sees
the newcomer's hand. A new token is issued for the newcomer.
"""

from __future__ import annotations

import secrets
import threading

import attrs

TOKEN_BYTES = 24  # 192 bits: the issue asks for at least 128
PIN_DIGITS = 6  # typed on a phone that cannot scan; single use, and wrong guesses are
# limited per address and in all (phones/server.py)


@attrs.frozen
class Lookup:
    """What a token is: a live seat's, a revoked one (``revoked``), or nothing."""

    seat: int | None
    revoked: bool = False


class SeatKeys:
    """The live and revoked tokens of one session; safe to read from the server's thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._live: dict[str, int] = {}
        self._of_seat: dict[int, str] = {}
        self._revoked: set[str] = set()
        self._pins: dict[str, str] = {}  # PIN → token, for the short address

    def issue(self, seat: int) -> str:
        """A new token for ``seat``; the seat's old token, if any, is revoked."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        with self._lock:
            self._revoke(seat)
            self._live[token] = seat
            self._of_seat[seat] = token
            pin = self._new_pin()
            self._pins[pin] = token
        return token

    def _new_pin(self) -> str:
        while True:
            pin = "".join(secrets.choice("0123456789") for _ in range(PIN_DIGITS))
            if pin not in self._pins:
                return pin

    def pin_of(self, seat: int) -> str | None:
        """The seat's PIN for the short address (``/j``), for a phone that cannot scan
        (``None`` once it was used: :meth:`issue` gives the seat a new link and PIN)."""
        with self._lock:
            token = self._of_seat.get(seat)
            return next((pin for pin, t in self._pins.items() if t == token), None)

    def token_for_pin(self, pin: str) -> str | None:
        """The live token a PIN stands for, once: a PIN that opened its seat is used up (the
        phone keeps the seat's link), so guessing it later opens nothing; a revoked seat's
        PIN opens nothing either."""
        with self._lock:
            return self._pins.pop(pin.strip(), None)

    def revoke(self, seat: int) -> None:
        """The seat changed hands or left the phones: its link stops working at once."""
        with self._lock:
            self._revoke(seat)

    def _revoke(self, seat: int) -> None:
        old = self._of_seat.pop(seat, None)
        if old is not None:
            del self._live[old]
            self._revoked.add(old)
            self._pins = {pin: t for pin, t in self._pins.items() if t != old}

    def token_of(self, seat: int) -> str | None:
        with self._lock:
            return self._of_seat.get(seat)

    def seats(self) -> dict[int, str]:
        """Every seat with a live token (seat → token)."""
        with self._lock:
            return dict(self._of_seat)

    def look_up(self, token: str) -> Lookup:
        """The seat a token opens. Compared in constant time against each live token, so the
        time a wrong guess takes says nothing about the right one."""
        with self._lock:
            live = list(self._live.items())
            revoked = list(self._revoked)
        seat = None
        for known, owner in live:
            if secrets.compare_digest(known.encode(), token.encode()):
                seat = owner
        if seat is not None:
            return Lookup(seat)
        gone = any(secrets.compare_digest(t.encode(), token.encode()) for t in revoked)
        return Lookup(None, revoked=gone)
