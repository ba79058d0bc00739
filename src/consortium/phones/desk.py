"""The desk between the phone server's thread and the thread that owns the session.

A :class:`~consortium.play.session.Session` is not thread-safe and must only be touched by
its owner (the window's GUI thread, or a test). So:

- on every change the owner *publishes*: for each seat with a live token, its snapshot
  (:func:`~consortium.phones.hand.seat_snapshot`), its legal actions and a fresh **nonce**
  whenever those change — the server's thread only ever reads what was published;
- an act from a phone (token → seat, nonce, choice id) is checked against what was published
  and then *handed over* to the owner (``post``), which checks it again against the game as
  it is now, and submits it through ``Session.submit`` — the same ``check`` a click on the
  laptop goes through. A replayed or stale act carries an old nonce and is refused.

When a seat changes hands (a newcomer arrives in it, or the facilitator makes it a bot) its
token is revoked at once: the old phone is told it has left the partnership and never sees
the newcomer's hand.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

import attrs

from consortium.engine.actions import Action
from consortium.engine.events import Arrived
from consortium.engine.state import Phase
from consortium.engine.views import player_view
from consortium.phones.hand import seat_snapshot
from consortium.phones.keys import SeatKeys
from consortium.play.records import Change
from consortium.play.session import Session

NONCE_BYTES = 16

# Why an act was refused (the page words each; never game data).
STALE = "stale"  # an old or replayed nonce: the turn moved on
NOT_YOUR_TURN = "not-your-turn"
NO_SUCH_CHOICE = "no-such-choice"
REFUSED = "refused"  # the game said no (checked again on the owner's thread)
LEFT = "left"  # the token was revoked in the meantime

Post = Callable[[Callable[[], None]], None]


def same(secret: str, given: str) -> bool:
    """Constant-time comparison of any two texts (a phone may send any characters)."""
    return secrets.compare_digest(secret.encode(), given.encode())


@attrs.frozen
class Published:
    """One seat's page as the owner last published it."""

    version: int
    nonce: str | None
    snapshot: dict[str, Any]
    actions: tuple[Action, ...] = ()
    issued_at: int = 0  # the game's step when the nonce was issued


def _acted_since(actions: tuple[Action, ...], seat: int, step: int) -> bool:
    """Whether ``seat`` acted (or was skipped) since ``step``, or the game went back before
    it: either way its open choice is a new one, with a new nonce. Another seat's act leaves
    a seat's choice as it was — a phone halfway through choosing a card is not reset by
    someone else's turn (collected in parallel, play/early.py)."""
    if len(actions) < step:
        return True
    return any(getattr(action, "seat", None) == seat for action in actions[step:])


class PhoneDesk:
    """Publishes each phone seat's page and carries its acts to the session's owner."""

    def __init__(self, session: Session, keys: SeatKeys, post: Post) -> None:
        self._session = session
        self.keys = keys
        self._post = post
        self._lock = threading.Lock()
        self._pages: dict[int, Published] = {}
        self._version = 0
        self._wakers: list[Callable[[], None]] = []
        self._history: object | None = session.history if session.has_game else None
        self._joined: set[str] = set()  # tokens a phone has opened
        self._on_joined: Callable[[int], None] | None = None
        self._on_revoked: Callable[[int], None] | None = None
        session.listen(self._on_change)

    def close(self) -> None:
        """Stop following the session (phones turned off): no more publishing."""
        self._session.unlisten(self._on_change)
        with self._lock:
            self._wakers.clear()

    # --- the owner's thread ----------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        history = self._session.history if self._session.has_game else None
        if history is not self._history:
            # Another game (a new session, a resume): no link of the last one opens it.
            # (Links given out before the first game are that game's.)
            if self._history is not None:
                for seat in self.keys.seats():
                    self.keys.revoke(seat)
            self._history = history
        revoked = []
        for event in change.events:
            if isinstance(event, Arrived) and self.keys.token_of(event.seat) is not None:
                self.keys.revoke(event.seat)  # a newcomer: the old link stops at once
                revoked.append(event.seat)
        people = change.session.people
        for seat in self.keys.seats():
            if not (0 <= seat < len(people) and people[seat]):
                self.keys.revoke(seat)  # made a bot (or taken back): off the phones
                revoked.append(seat)
        self.publish()
        told = self._on_revoked
        if revoked and told is not None:
            for seat in revoked:
                told(seat)

    def publish(self) -> None:
        """Work out every phone seat's page from the game as it is now."""
        session = self._session
        if not session.has_game:
            return
        state = session.state
        over = state.over
        pages: dict[int, Published] = {}
        with self._lock:
            self._version += 1
            version = self._version
            old = dict(self._pages)
        chosen = session.session.chosen_ahead
        # open hands are raised in the room and entered on the laptop, not on phones
        show_of_hands = state.public.phase is Phase.VOTE and not state.public.secret_ballot
        for seat in self.keys.seats():
            now = () if show_of_hands else tuple(session.seat_actions(seat))
            # not its turn yet: an introduction's card or a secret ballot may go in now
            # (play/early.py), applied when its turn comes
            actions = now or tuple(session.early_actions(seat))
            before = old.get(seat)
            step = len(session.actions)
            if before is not None and before.nonce is not None and before.actions == actions \
                    and not _acted_since(session.actions, seat, before.issued_at):
                nonce, issued_at = before.nonce, before.issued_at  # the same choice, still open
            elif actions:
                nonce, issued_at = secrets.token_urlsafe(NONCE_BYTES), step
            else:
                nonce, issued_at = None, step
            snapshot = seat_snapshot(player_view(state, seat), actions, over=over,
                                     ahead=bool(actions) and not now,
                                     chosen_ahead=seat in chosen)
            snapshot["nonce"] = nonce
            snapshot["version"] = version
            pages[seat] = Published(version, nonce, snapshot, actions, issued_at)
        with self._lock:
            self._pages = pages
            wakers = list(self._wakers)
        for wake in wakers:
            wake()

    def _act_now(self, seat: int, nonce: str, choice: int, done: Future[str | None]) -> None:
        """On the owner's thread: check the act against the game as it is, then submit."""
        try:
            page = self._pages.get(seat)
            if self.keys.token_of(seat) is None:
                done.set_result(LEFT)
            elif page is None or page.nonce is None or not same(page.nonce, nonce):
                done.set_result(STALE)
            elif not 0 <= choice < len(page.actions):
                done.set_result(NO_SUCH_CHOICE)
            else:
                action = page.actions[choice]
                session = self._session
                if action in session.seat_actions(seat):
                    done.set_result(None if session.submit(action) else REFUSED)
                elif action in session.early_actions(seat):
                    done.set_result(None if session.enter_early(action) else REFUSED)
                else:
                    done.set_result(STALE)
        except Exception as error:
            done.set_exception(error)

    # --- any thread (the server's) --------------------------------------------------------

    def page(self, seat: int) -> Published | None:
        with self._lock:
            return self._pages.get(seat)

    @property
    def version(self) -> int:
        with self._lock:
            return self._version

    def on_publish(self, wake: Callable[[], None]) -> None:
        """Call ``wake()`` (from the owner's thread) after every publish."""
        with self._lock:
            self._wakers.append(wake)

    def off_publish(self, wake: Callable[[], None]) -> None:
        """Stop calling ``wake`` (its server stopped)."""
        with self._lock:
            if wake in self._wakers:
                self._wakers.remove(wake)

    def opened(self, seat: int, token: str) -> None:
        """A phone opened ``seat``'s live link (from the server's thread): the first time,
        the owner hears of it (the curtain puts the join card away)."""
        with self._lock:
            if token in self._joined:
                return
            self._joined.add(token)
            told = self._on_joined
        if told is not None:
            self._post(lambda: told(seat) if self.keys.token_of(seat) == token else None)

    def has_joined(self, seat: int) -> bool:
        """Whether a phone has opened ``seat``'s current link."""
        token = self.keys.token_of(seat)
        with self._lock:
            return token is not None and token in self._joined

    def on_joined(self, told: Callable[[int], None]) -> None:
        """Call ``told(seat)`` on the owner's thread when a phone first opens a seat's link."""
        with self._lock:
            self._on_joined = told

    def on_revoked(self, told: Callable[[int], None]) -> None:
        """Call ``told(seat)`` (on the owner's thread) when a change in the game revoked a
        seat's link: a newcomer took the seat, or it became a bot's."""
        self._on_revoked = told

    def act(self, seat: int, nonce: str, choice: int) -> Future[str | None]:
        """Hand an act to the owner. The future holds ``None`` when it was applied, or the
        refusal's code. Refused at once, without bothering the owner, when it cannot be
        right by what was published."""
        done: Future[str | None] = Future()
        page = self.page(seat)
        if page is None or page.nonce is None or not same(page.nonce, nonce):
            done.set_result(STALE if page is not None and page.nonce else NOT_YOUR_TURN)
            return done
        if not 0 <= choice < len(page.actions):
            done.set_result(NO_SUCH_CHOICE)
            return done
        self._post(lambda: self._act_now(seat, nonce, choice, done))
        return done
