"""The phones' server: only its own pages, a seat sees only its own hand, wrong and revoked
links get a plain refusal with no game data, floods are refused before any lookup, every act
carries the turn's nonce, and every response carries a strict Content-Security-Policy."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Awaitable, Callable

import pytest
from aiohttp.test_utils import TestClient, TestServer

from consortium.engine.simulate import bot_action, seat_policy
from consortium.phones.server import BadTokens, PhoneApp, PhoneServer
from consortium.present.i18n import _
from consortium.present.labels import card_text
from tests.phones.table import PhoneTable, phone_table, until_a_phone_acts

Test = Callable[[TestClient, PhoneTable], Awaitable[None]]


def served(test: Test, *, limit: int = 20) -> None:
    """Run ``test`` against a table whose desk hands acts straight to the session."""
    table = phone_table(direct=True)

    async def run() -> None:
        app = PhoneApp(table.desk, BadTokens(limit))
        async with TestClient(TestServer(app.app)) as client:
            await test(client, table)

    asyncio.run(run())


def all_cards(table: PhoneTable) -> dict[int, set[str]]:
    state = table.session.state
    return {seat: {card_text(state.public.catalog, c) for c in private.hand}
            for seat, private in enumerate(state.seats)}


def test_a_seat_page_and_its_state_show_that_seats_hand_only() -> None:
    async def test(client: TestClient, table: PhoneTable) -> None:
        cards = all_cards(table)
        token = table.tokens[1]
        page = await client.get(f"/s/{token}")
        assert page.status == 200
        html = await page.text()
        assert "Content-Security-Policy" in page.headers
        assert "script-src 'self'" in page.headers["Content-Security-Policy"]
        assert page.headers["Cache-Control"] == "no-store"
        assert not any(c in html for hand in cards.values() for c in hand)  # data comes as JSON
        state = await client.get(f"/s/{token}/state")
        data = await state.json()
        shown = {c["text"] for c in data["page"]["hand"]}
        assert shown == cards[1]
        text = json.dumps(data, ensure_ascii=False)
        assert not any(c in text for s, hand in cards.items() if s != 1 for c in hand - shown)

    served(test)


def test_wrong_and_revoked_links_get_a_plain_refusal_with_no_game_data() -> None:
    async def test(client: TestClient, table: PhoneTable) -> None:
        names = [p.name for p in table.session.state.public.participants]
        wrong = await client.get("/s/" + "x" * 32)
        assert wrong.status == 404
        body = await wrong.text()
        assert _("This link does not open a seat") in body
        assert not any(n in body for n in names)
        old = table.tokens[2]
        table.session.set_person(2, False)  # the facilitator replaces seat 3 by a bot
        gone = await client.get(f"/s/{old}")
        assert gone.status == 410
        assert _("You have left the partnership") in await gone.text()
        state = await client.get(f"/s/{old}/state")
        assert state.status == 410 and (await state.json())["gone"]
        act = await client.post(f"/s/{old}/act", json={"nonce": "x", "choice": 0})
        assert act.status == 410

    served(test)


def test_only_its_own_pages_are_served() -> None:
    async def test(client: TestClient, table: PhoneTable) -> None:
        for path in ("/", "/static/keys.py", "/static/..%2fkeys.py", "/s", "/admin",
                     "/static/phone.html"):
            response = await client.get(path)
            assert response.status == 404, path
            assert "Content-Security-Policy" in response.headers
        script = await client.get("/static/phone.js")
        assert script.status == 200 and "textContent" in await script.text()
        assert "innerHTML" not in await script.text()

    served(test)


def test_a_flood_of_wrong_tokens_is_refused_before_any_lookup() -> None:
    async def test(client: TestClient, table: PhoneTable) -> None:
        for n in range(5):
            assert (await client.get(f"/s/wrong{n}")).status == 404
        flooded = await client.get(f"/s/{table.tokens[0]}/state")
        assert flooded.status == 429  # this address is over the limit, even with a good link
        assert "hand" not in await flooded.text()

    served(test, limit=5)


def test_an_act_needs_the_turns_nonce_and_works_once() -> None:
    async def test(client: TestClient, table: PhoneTable) -> None:
        session = table.session
        actor = until_a_phone_acts(table)
        data = await (await client.get(f"/s/{table.tokens[actor]}/state")).json()
        nonce = data["page"]["nonce"]
        assert nonce and data["page"]["your_turn"]
        other = next(s for s in table.tokens if s != actor)
        theirs = await client.post(f"/s/{table.tokens[other]}/act",
                                   json={"nonce": nonce, "choice": 0})
        assert theirs.status == 409  # one seat's token never acts for another
        bad = await client.post(f"/s/{table.tokens[actor]}/act", data=b"{not json")
        assert bad.status == 400
        state = session.state
        wanted = bot_action(state, seat_policy(state, actor))
        ids = [c["id"] for c in data["page"]["choices"]]
        choice = ids[table.desk.page(actor).actions.index(wanted)]  # type: ignore[union-attr]
        before = len(session.actions)
        ok = await client.post(f"/s/{table.tokens[actor]}/act",
                               json={"nonce": nonce, "choice": choice})
        assert ok.status == 200 and (await ok.json())["ok"]
        assert session.actions[before] == wanted
        after = session.actions
        again = await client.post(f"/s/{table.tokens[actor]}/act",
                                  json={"nonce": nonce, "choice": choice})
        assert again.status == 409  # replayed: refused, nothing changed
        assert session.actions == after

    served(test)


def test_the_state_is_held_open_until_the_game_moves() -> None:
    async def test(client: TestClient, table: PhoneTable) -> None:
        token = table.tokens[0]
        first = await (await client.get(f"/s/{token}/state")).json()
        waiting = asyncio.ensure_future(client.get(f"/s/{token}/state?after={first['version']}"))
        await asyncio.sleep(0.05)
        assert not waiting.done()  # nothing new: the phone waits
        session = table.session
        session.submit(bot_action(session.state, seat_policy(session.state, None)))
        response = await asyncio.wait_for(waiting, 1.0)
        assert (await response.json())["version"] > first["version"]

    served(test)


def test_the_server_thread_listens_only_while_started() -> None:
    table = phone_table(direct=True)
    server = PhoneServer(PhoneApp(table.desk))
    port = server.start("127.0.0.1", 0)
    url = f"http://127.0.0.1:{port}/s/{table.tokens[0]}"
    with urllib.request.urlopen(url, timeout=5) as response:
        assert response.status == 200
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/nothing", timeout=5)
    assert refused.value.code == 404
    server.stop()
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", port)) != 0  # nothing listens any more


def test_the_short_address_takes_a_pin_to_the_seats_page_and_counts_wrong_ones() -> None:
    async def test(client: TestClient, table: PhoneTable) -> None:
        form = await client.get("/j")
        assert form.status == 200 and 'name="pin"' in await form.text()
        pin = table.desk.keys.pin_of(1)
        assert pin is not None
        found = await client.post("/j", data={"pin": pin}, allow_redirects=False)
        assert found.status == 303
        assert found.headers["Location"] == f"/s/{table.tokens[1]}"
        wrong = [g for g in ("000000", "111111", "222222") if g != pin][:2]
        for guess in wrong:  # two wrong PINs: the limit
            assert (await client.post("/j", data={"pin": guess})).status == 404
        assert (await client.post("/j", data={"pin": pin})).status == 429  # over the limit

    served(test, limit=2)


def test_a_stopped_server_leaves_the_game_playable_and_starts_again() -> None:
    """After the phones are turned off the session goes on without errors; turned on again,
    the phones hear of changes at once (not at the next poll's timeout)."""
    table = phone_table(direct=True)
    session = table.session
    first = PhoneServer(PhoneApp(table.desk))
    first.start("127.0.0.1", 0)
    first.stop()
    state = session.state
    assert session.submit(bot_action(state, seat_policy(state, state.public.actor)))
    again = PhoneServer(PhoneApp(table.desk))
    port = again.start("127.0.0.1", 0)
    try:
        url = f"http://127.0.0.1:{port}/s/{table.tokens[0]}/state"
        with urllib.request.urlopen(url, timeout=5) as response:
            version = json.loads(response.read())["version"]
        answer: list[float] = []

        def poll() -> None:
            started = time.monotonic()
            with urllib.request.urlopen(f"{url}?after={version}", timeout=10):
                answer.append(time.monotonic() - started)

        thread = threading.Thread(target=poll)
        thread.start()
        time.sleep(0.2)
        state = session.state
        assert session.submit(bot_action(state, seat_policy(state, state.public.actor)))
        thread.join(10)
        assert answer and answer[0] < 2.0
    finally:
        again.stop()


def test_a_nonce_in_any_characters_is_refused_plainly() -> None:
    async def test(client: TestClient, table: PhoneTable) -> None:
        actor = until_a_phone_acts(table)
        response = await client.post(f"/s/{table.tokens[actor]}/act",
                                     json={"nonce": "é" * 20, "choice": 0})
        assert response.status == 400
        assert "Content-Security-Policy" in response.headers

    served(test)


def test_pins_guessed_from_many_addresses_are_limited_in_all() -> None:
    clock = [0.0]
    bad = BadTokens(limit=20, clock=lambda: clock[0])
    for n in range(60):
        bad.count(f"10.0.0.{n}")  # one wrong guess from each of 60 addresses
    assert not any(bad.over(f"10.0.0.{n}") for n in range(60))
    assert bad.over_in_all(60)
    clock[0] += 61
    assert not bad.over_in_all(60)  # a minute later the short address takes PINs again
