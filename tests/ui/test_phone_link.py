"""The window's phones: the server starts and stops with the mode, acts from the server's
thread reach the session on the GUI thread, and a seat's join card shows its link as a QR
code (behind that seat's curtain only)."""

from __future__ import annotations

import json
import socket
import threading
import urllib.request

import segno
from pytestqt.qtbot import QtBot

from consortium.engine.game import new_game
from consortium.engine.history import History
from consortium.engine.simulate import bot_action, seat_policy
from consortium.play.session import Session
from consortium.ui.laptop.join_card import QUIET, JoinCard
from consortium.ui.phone_link import PhoneLink
from tests.play.table import FakeTime, cancer_care, table_config


def test_an_act_from_the_servers_thread_is_applied_on_the_gui_thread(qtbot: QtBot) -> None:
    scenario = cancer_care()
    config = table_config(scenario)
    session = Session(now=FakeTime(), pacing_ms=0)
    people = tuple(seat.bot is None for seat in config.seats)
    session.take_over(History(new_game(scenario, config)), people, talk_clock=False)
    link = PhoneLink(session)
    seat = next(i for i, person in enumerate(people) if person)
    token = link.seat_on_phone(seat)
    port = link.start("127.0.0.1", 0)
    applied_on: list[threading.Thread] = []
    session.listen(lambda change: applied_on.append(threading.current_thread()))
    try:
        while session.state.public.actor != seat:
            if session.next_move_in() is not None:
                session.move()
            else:
                state = session.state
                session.submit(bot_action(state, seat_policy(state, state.public.actor)))
        page = link.desk.page(seat)
        assert page is not None and page.nonce is not None
        state = session.state
        choice = page.actions.index(bot_action(state, seat_policy(state, seat)))
        before = len(session.actions)
        answer: list[int] = []

        def phone() -> None:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/s/{token}/act", method="POST",
                data=json.dumps({"nonce": page.nonce, "choice": choice}).encode(),
                headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=10) as response:
                answer.append(response.status)

        applied_on.clear()
        thread = threading.Thread(target=phone)
        thread.start()
        qtbot.waitUntil(lambda: len(session.actions) > before, timeout=5000)
        thread.join(5)
        assert answer == [200]
        assert applied_on and all(t is threading.main_thread() for t in applied_on)
    finally:
        link.stop()
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", port)) != 0  # stopped: nothing listens


def test_a_join_card_draws_its_links_qr_code(qtbot: QtBot) -> None:
    url = "http://192.168.1.5:8765/s/" + "A" * 32
    card = JoinCard("Ana", url, "http://192.168.1.5:8765/j", "123456")
    qtbot.addWidget(card)
    card.resize(400, 600)
    card.show()
    expected = segno.make(url, error="m", micro=False).matrix
    assert card.qr.matrix == tuple(tuple(bool(m) for m in row) for row in expected)
    image = card.qr.grab().toImage()
    side = min(image.width(), image.height())
    assert side >= 220
    # read the code back off the picture: every module dark or light as encoded
    left, top = (image.width() - side) / 2, (image.height() - side) / 2
    unit = side / (len(expected) + 2 * QUIET)
    drawn = tuple(tuple(
        image.pixelColor(int(left + (x + QUIET + 0.5) * unit),
                         int(top + (y + QUIET + 0.5) * unit)).lightness() < 128
        for x in range(len(expected))) for y in range(len(expected)))
    assert drawn == card.qr.matrix
    assert "123456" in card.short.text() and "/j" in card.short.text()
