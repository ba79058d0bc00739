"""The phones' web server: aiohttp on its own thread and event loop, serving only its own
pages on the local network.

Routes (``{token}`` is a seat's join token, :mod:`~consortium.phones.keys`):

- ``GET /s/{token}``: the seat's page (static HTML; the script and style are served by
  this program, nothing is fetched from outside);
- ``GET /s/{token}/state?after=N``: the seat's snapshot as JSON, held open until it is newer
  than version ``N`` (a long poll: works on every phone browser, through a strict
  Content-Security-Policy, and is live within a few milliseconds of a publish);
- ``POST /s/{token}/act`` with ``{"nonce": …, "choice": …}``: one act for that seat's current
  turn, carried to the session's owner by the :class:`~consortium.phones.desk.PhoneDesk`;
- ``GET /j`` and ``POST /j`` (``pin=…``): the short address for a phone that cannot scan:
  a form for the seat's PIN, which leads on to the seat's page;
- ``GET /static/phone.js`` and ``/static/phone.css``.

Everything else is 404. A wrong or old token gets a plain refusal with no game data; a
revoked one says "You have left the partnership". Wrong tokens are counted per address and
an address over the limit is answered 429 at once, before any lookup, so a flood costs the
game nothing. Every response carries a strict CSP and no-cache headers.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable
from html import escape
from importlib import resources
from typing import Any

from aiohttp import web

from consortium.phones.desk import PhoneDesk
from consortium.phones.hand import page_words
from consortium.phones.keys import Lookup
from consortium.present.i18n import _

POLL_SECONDS = 20.0  # a long poll answers at least this often, changed or not
ACT_SECONDS = 5.0  # how long an act may wait for the session's owner
BAD_TOKENS_PER_MINUTE = 20
PINS_IN_ALL_PER_MINUTE = 60
"""Wrong guesses (links and PINs) from all addresses together, a minute, before the short
address stops taking PINs for the rest of that minute: with a handful of live, single-use
6-digit PINs, guessing one takes days (the QR code and the long link still work)."""
STATIC = {"phone.js": "text/javascript", "phone.css": "text/css"}
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        "img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _asset(name: str) -> bytes:
    return resources.files("consortium.phones").joinpath("page", name).read_bytes()


class BadTokens:
    """Wrong tokens per address in the last minute (a flood is refused before any lookup)."""

    def __init__(self, limit: int = BAD_TOKENS_PER_MINUTE, clock: Callable[[], float] =
                 time.monotonic) -> None:
        self._limit = limit
        self._clock = clock
        self._seen: dict[str, deque[float]] = defaultdict(deque)

    def _recent(self, address: str) -> deque[float]:
        seen = self._seen[address]
        while seen and seen[0] < self._clock() - 60:
            seen.popleft()
        return seen

    def over(self, address: str) -> bool:
        return len(self._recent(address)) >= self._limit

    def over_in_all(self, limit: int) -> bool:
        """Wrong guesses from every address together this last minute reached ``limit`` (a
        PIN guessed from many addresses at once)."""
        for address in list(self._seen):
            if not self._recent(address):
                del self._seen[address]  # an address long quiet is forgotten
        return sum(len(seen) for seen in self._seen.values()) >= limit

    def count(self, address: str) -> None:
        self._recent(address).append(self._clock())


def refusal_page(title: str, text: str, status: int) -> web.Response:
    """A plain page with no game data."""
    body = (
        "<!doctype html><html><head><meta charset=utf-8>"
        '<meta name=viewport content="width=device-width, initial-scale=1">'
        '<link rel=stylesheet href="/static/phone.css">'
        f"<title>{escape(title)}</title></head><body><main class=refusal>"
        f"<h1>{escape(title)}</h1><p>{escape(text)}</p></main></body></html>"
    )
    return web.Response(text=body, status=status, content_type="text/html", charset="utf-8")


class PhoneApp:
    """The aiohttp application for one session's desk."""

    def __init__(self, desk: PhoneDesk, bad_tokens: BadTokens | None = None) -> None:
        self.desk = desk
        self.bad_tokens = bad_tokens or BadTokens()
        self._changed: asyncio.Event | None = None
        self.app = web.Application(middlewares=[self._headers])
        self.app.router.add_get("/s/{token}", self.page)
        self.app.router.add_get("/s/{token}/state", self.state)
        self.app.router.add_post("/s/{token}/act", self.act)
        self.app.router.add_get("/static/{name}", self.static)
        self.app.router.add_get("/j", self.join_form)
        self.app.router.add_post("/j", self.join_pin)
        self.app.on_startup.append(self._started)
        self.app.on_cleanup.append(self._stopping)
        self._wake: Callable[[], None] | None = None

    async def _started(self, app: web.Application) -> None:
        loop = asyncio.get_running_loop()
        self._changed = asyncio.Event()

        def wake() -> None:  # on the owner's thread: bump on the server's
            with contextlib.suppress(RuntimeError):  # the loop closed: this server stopped
                loop.call_soon_threadsafe(self._bump)

        self.desk.on_publish(wake)
        self._wake = wake

    async def _stopping(self, app: web.Application) -> None:
        """The server stops: the desk no longer wakes it (a session change must never reach
        a closed loop)."""
        if self._wake is not None:
            self.desk.off_publish(self._wake)
            self._wake = None

    def _bump(self) -> None:
        if self._changed is not None:
            self._changed.set()
            self._changed = asyncio.Event()

    @web.middleware
    async def _headers(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            response = await handler(request)
        except web.HTTPException as refused:  # a 404 from the router: the same headers
            refused.headers.update(HEADERS)
            raise
        response.headers.update(HEADERS)
        return response

    def _seat(self, request: web.Request, *, page: bool = False) -> int | web.Response:
        """The token's live seat, or the refusal to send: 429 for an address over the limit
        (before any lookup), a plain "gone" for a wrong or revoked token (counted)."""
        address = request.remote or "?"
        if self.bad_tokens.over(address):
            return web.Response(status=429, text=_("Too many wrong links; wait a minute."))
        token = request.match_info["token"]
        found = self.desk.keys.look_up(token)
        if found.seat is None:
            self.bad_tokens.count(address)
            return self._gone(found, page=page)
        self.desk.opened(found.seat, token)
        return found.seat

    @staticmethod
    def _gone(found: Lookup, *, page: bool) -> web.Response:
        if found.revoked:
            title, text, status = (_("You have left the partnership"),
                                   _("This seat has a new player. Thank you for playing."), 410)
        else:
            title, text, status = (_("This link does not open a seat"),
                                   _("Ask the facilitator for your seat's link."), 404)
        if page:
            return refusal_page(title, text, status)
        return web.json_response({"gone": True, "title": title, "text": text}, status=status)

    async def page(self, request: web.Request) -> web.StreamResponse:
        seat = self._seat(request, page=True)
        if isinstance(seat, web.Response):
            return seat
        return web.Response(body=_asset("phone.html"), content_type="text/html",
                            charset="utf-8")

    async def state(self, request: web.Request) -> web.StreamResponse:
        seat = self._seat(request)
        if isinstance(seat, web.Response):
            return seat
        try:
            after = int(request.query.get("after", "-1"))
        except ValueError:
            after = -1
        deadline = asyncio.get_running_loop().time() + POLL_SECONDS
        while True:
            published = self.desk.page(seat)
            if published is not None and published.version > after:
                break
            changed = self._changed
            left = deadline - asyncio.get_running_loop().time()
            if changed is None or left <= 0:
                break
            try:
                await asyncio.wait_for(changed.wait(), left)
            except TimeoutError:
                break
            again = self.desk.keys.look_up(request.match_info["token"])
            if again.seat != seat:
                return self._gone(again, page=False)
        body: dict[str, Any] = {"words": page_words(), "page": None, "version": after}
        if published is not None:
            body.update(page=published.snapshot, version=published.version)
        return web.json_response(body, dumps=lambda o: json.dumps(o, ensure_ascii=False))

    async def act(self, request: web.Request) -> web.StreamResponse:
        seat = self._seat(request)
        if isinstance(seat, web.Response):
            return seat
        try:
            data = await request.json()
            nonce, choice = data["nonce"], data["choice"]
            if not isinstance(nonce, str) or not nonce.isascii() \
                    or not isinstance(choice, int) or isinstance(choice, bool):
                raise TypeError
        except (ValueError, KeyError, TypeError):
            return web.json_response({"refused": "bad-request"}, status=400)
        future = self.desk.act(seat, nonce, choice)
        try:
            refused = await asyncio.wait_for(asyncio.wrap_future(future), ACT_SECONDS)
        except TimeoutError:
            return web.json_response({"refused": "busy"}, status=503)
        if refused is not None:
            return web.json_response({"refused": refused}, status=409)
        return web.json_response({"ok": True})

    async def join_form(self, request: web.Request) -> web.StreamResponse:
        return web.Response(body=_asset("join.html").replace(
            b"{{title}}", escape(_("Your seat's PIN")).encode()).replace(
            b"{{go}}", escape(_("Open my hand")).encode()),
            content_type="text/html", charset="utf-8")

    async def join_pin(self, request: web.Request) -> web.StreamResponse:
        address = request.remote or "?"
        if self.bad_tokens.over(address) or self.bad_tokens.over_in_all(PINS_IN_ALL_PER_MINUTE):
            return web.Response(status=429, text=_("Too many wrong PINs; wait a minute."))
        form = await request.post()
        pin = form.get("pin")
        token = self.desk.keys.token_for_pin(pin) if isinstance(pin, str) else None
        if token is None:
            self.bad_tokens.count(address)
            return refusal_page(_("That PIN does not open a seat"),
                                _("Check the PIN behind your curtain and try again."), 404)
        raise web.HTTPSeeOther(f"/s/{token}")

    async def static(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        if name not in STATIC:
            raise web.HTTPNotFound()
        return web.Response(body=_asset(name), content_type=STATIC[name], charset="utf-8")


class PhoneServer:
    """The application on its own thread: :meth:`start` returns when it listens."""

    def __init__(self, app: PhoneApp) -> None:
        self._app = app
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self.port = 0

    def start(self, host: str = "127.0.0.1", port: int = 0) -> int:
        """Listen on ``host:port`` (0: any free port); returns the port."""
        ready = threading.Event()
        failed: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self._listen(host, port))
            except BaseException as error:
                failed.append(error)
                ready.set()
                return
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self._close())
            loop.close()

        self._thread = threading.Thread(target=run, name="phones", daemon=True)
        self._thread.start()
        ready.wait()
        if failed:
            raise failed[0]
        return self.port

    async def _listen(self, host: str, port: int) -> None:
        self._runner = web.AppRunner(self._app.app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        server = site._server
        sockets = getattr(server, "sockets", None) or ()
        self.port = sockets[0].getsockname()[1] if sockets else port

    async def _close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def stop(self) -> None:
        """Stop listening and end the thread (the session closed, or the program quits)."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        self._loop = self._thread = None
