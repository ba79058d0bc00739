"""The Phones mode through the real window (docs/phones.md): chosen on the new-session page,
each seat joins behind its own curtain (the join card: QR code, short address and PIN, never
on the board), the phone then takes the seat's private acts while the board waits for it,
introductions and secret ballots come from all phones at once, the facilitator takes a seat
back to the curtain and onto its phone again, a seat that changes hands cuts its phone off,
and the server stops with the session and with the program.

The phones are plain HTTP clients on loopback (the browser test, tests/phones/test_browser.py,
drives real Chromium pages); an act is sent from a thread, since the server hands it to this
GUI thread and waits for the answer.
"""

from __future__ import annotations

import json
import socket
import threading
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlparse

import segno
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from consortium.engine.actions import Reveal, Vote
from consortium.engine.simulate import bot_action, seat_policy
from consortium.engine.state import Phase
from consortium.phones.hand import page_words
from consortium.present.i18n import _
from consortium.ui.laptop.curtain import join_text
from consortium.ui.laptop.join_card import JoinCard, QrCode
from consortium.ui.shell.main_window import MainWindow
from consortium.ui.shell.setup_page import HANDS_CURTAIN, HANDS_PHONES, SetupPage
from tests.ui.driver import Driver
from tests.ui.handoff import quick, wait_armed
from tests.ui.test_printed_hands import choose
from tests.ui.widget_text import dump

PLENARY = 1


class Phone:
    """One player's phone: it opens the link it scanned and acts with the page's nonce."""

    def __init__(self, url: str) -> None:
        parts = urlparse(url)
        self.token = parts.path.split("/")[2]
        self.base = f"http://127.0.0.1:{parts.port}/s/{self.token}"

    def state(self) -> tuple[int, dict[str, Any]]:
        try:
            with urllib.request.urlopen(self.base + "/state?after=-1", timeout=10) as answer:
                return answer.status, json.loads(answer.read())
        except urllib.error.HTTPError as refused:
            return refused.code, json.loads(refused.read())

    def act(self, qtbot: QtBot, nonce: str, choice: int) -> int:
        """Send an act from a thread while this (GUI) thread runs the session."""
        status: list[int] = []

        def send() -> None:
            request = urllib.request.Request(
                self.base + "/act", method="POST",
                data=json.dumps({"nonce": nonce, "choice": choice}).encode(),
                headers={"Content-Type": "application/json"})
            try:
                with urllib.request.urlopen(request, timeout=10) as answer:
                    status.append(answer.status)
            except urllib.error.HTTPError as refused:
                status.append(refused.code)

        thread = threading.Thread(target=send)
        thread.start()
        qtbot.waitUntil(lambda: bool(status), timeout=8000)
        thread.join(2)
        return status[0]


def server_threads() -> list[threading.Thread]:
    """The phones' server thread(s) alive in this process (ui/phone_link.py names it)."""
    return [t for t in threading.enumerate() if t.name == "phones" and t.is_alive()]


def listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


class PhonesDriver(Driver):
    """Plays as the driver does, with every person's hand on a phone: each joins behind the
    curtain, then acts on the phone; after every step no link, PIN or QR code is anywhere
    but behind the curtain of its own seat."""

    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        super().__init__(qtbot, window)
        self.phones: dict[int, Phone] = {}
        self.joins = self.phone_acts = self.ahead = self.rejoins = 0
        self.waiting_seen = 0

    def configure(self, page: SetupPage) -> None:
        choose(page.hands, HANDS_PHONES)

    @property
    def link(self):  # type: ignore[no-untyped-def]
        link = self.w.phones.link
        assert link is not None
        return link

    def step(self) -> None:
        self.no_secrets_outside_the_curtain()
        s = self.c.session
        actor = self.view.actor
        if self.curtain.active and self.curtain.joining is not None:
            self.join(self.curtain.joining)
        elif actor is not None and s.on_phone(actor) and actor not in s.chosen_ahead \
                and not (self.view.phase is Phase.VOTE and not self.view.secret_ballot):
            self.phone_turn(actor)
        else:
            super().step()
        self.settle()

    def no_secrets_outside_the_curtain(self) -> None:
        secrets = list(self.link.keys.seats().values())
        secrets += [p for seat in self.link.keys.seats()
                    if (p := self.link.keys.pin_of(seat)) is not None]
        board = "\n".join(dump(self.w.board))
        panel = "\n".join(dump(self.w.game.panel))
        for secret in secrets:
            assert secret not in board and secret not in panel
        assert not self.w.board.findChildren(QrCode)
        assert not self.w.game.panel.findChildren(JoinCard)
        if not self.curtain.is_open:
            assert not self.w.findChildren(JoinCard)

    def join(self, seat: int) -> None:
        """The seat's person lifts the curtain, scans the code; the card goes by itself."""
        view = self.view
        assert self.curtain.prompt_text.text() == join_text(view, seat)
        assert not self.w.findChildren(JoinCard)  # nothing secret before the lift
        quick(self.curtain)
        wait_armed(self.qtbot, self.curtain)
        self.click(self.curtain.show_button)
        cards = self.curtain.findChildren(JoinCard)
        assert len(cards) == 1 and cards[0].isVisible()
        url = self.link.join_url(seat)
        assert url is not None
        assert cards[0].qr.matrix == tuple(
            tuple(bool(m) for m in row) for row in segno.make(url, error="m").matrix)
        pin = self.link.keys.pin_of(seat)
        assert pin is not None and pin in cards[0].short.text()
        phone = Phone(url)
        assert phone.token == self.link.keys.token_of(seat)
        status, body = phone.state()
        assert status == 200 and body["page"]["seat"] == seat
        self.qtbot.waitUntil(lambda: self.curtain.joining != seat, timeout=5000)
        assert not self.w.findChildren(JoinCard)  # the card went with the curtain
        if seat in self.phones:
            self.rejoins += 1
        self.phones[seat] = phone
        self.joins += 1

    def phone_turn(self, seat: int) -> None:
        """The board waits for the seat's phone; first the later seats choose ahead on
        theirs (introductions, secret ballots), then this seat acts."""
        view = self.view
        name = view.participants[seat].name
        assert not self.curtain.active
        assert self.w.board.header.status_label.text() == _(
            "Waiting for {name}'s phone…").format(name=name)
        assert "to-curtain" in self.w.game.panel.buttons
        self.waiting_seen += 1
        for other, phone in sorted(self.phones.items(), reverse=True):
            if other == seat or not self.c.session.on_phone(other):
                continue
            status, body = phone.state()
            page = body.get("page")
            if status != 200 or not page or not page["ahead"]:
                continue
            assert page["your_turn"]
            assert phone.act(self.qtbot, page["nonce"], 0) == 200
            assert other in self.c.session.chosen_ahead
            assert self.view.actor == seat  # nothing moved on
            self.ahead += 1
        state = self.c.state
        wanted = bot_action(state, seat_policy(state, seat))
        before = len(self.c.actions)
        status, body = self.phones[seat].state()
        assert status == 200
        page = body["page"]
        ids = [i for i, published in enumerate(self.link.desk.page(seat).actions)
               if published == wanted]
        assert page["your_turn"] and not page["ahead"] and ids
        assert self.phones[seat].act(self.qtbot, page["nonce"], ids[0]) == 200
        assert self.c.actions[before] == wanted
        self.phone_acts += 1


def test_a_whole_game_with_hands_on_phones(qtbot: QtBot, window: MainWindow) -> None:
    driver = PhonesDriver(qtbot, window)
    driver.start(PLENARY, seed=9, secret_ballot=True)
    room = window.phones
    assert room.on and room.link is not None
    port = room.link.port
    assert listening(port)
    assert driver.c.session.phones == (0, 1)  # Ana and Ben; Cleo and Dag are bots
    driver.play()
    assert driver.joins >= 2 and driver.phone_acts >= 6
    assert driver.ahead >= 2  # cards and ballots collected from both phones at once
    assert driver.waiting_seen >= 6
    assert driver.seen.curtains == 0  # no private turn behind the laptop's curtain
    votes = [a for a in driver.c.actions if isinstance(a, Vote) and a.seat in (0, 1)]
    reveals = [a for a in driver.c.actions if isinstance(a, Reveal) and a.seat in (0, 1)]
    assert votes and reveals
    # the session closes (a new one is set up): the server stops, every link is dead
    window.show_setup()
    window.controller.end_game()
    assert listening(port)  # the game ended; the window still shows its debrief
    page = window.setup_page
    assert page is not None
    choose(page.hands, HANDS_CURTAIN)
    window.start_session(page.setup())
    assert not room.on and not listening(port)
    assert all(c.isVisible() is False for c in window.findChildren(JoinCard))


def test_seats_move_between_phone_and_curtain_and_a_new_hand_cuts_the_old_phone_off(
    qtbot: QtBot, window: MainWindow
) -> None:
    driver = PhonesDriver(qtbot, window)
    driver.start(PLENARY, seed=9)
    c = driver.c
    # both join; then play to Ana's first private turn on her phone
    driver.play_until(lambda: len(driver.phones) == 2 and c.view.actor == 0
                      and c.view.phase in (Phase.INTRODUCTIONS, Phase.TURNS))
    ana = driver.phones[0]
    assert driver.w.board.header.status_label.text() == _(
        "Waiting for {name}'s phone…").format(name="Ana")
    # a dead battery: the facilitator takes Ana back to the curtain
    driver.click(driver.w.game.panel.buttons["to-curtain"])
    assert not c.session.on_phone(0)
    status, body = ana.state()
    assert status == 410 and body["title"] == _("You have left the partnership")
    assert "page" not in body  # no game data on a refusal
    qtbot.waitUntil(lambda: driver.curtain.seat == 0, timeout=3000)
    assert driver.w.board.header.status_label.text() == _("{name} is choosing…").format(
        name="Ana")
    driver.private_turn()  # behind the curtain, as always
    # back onto a phone from Facilitator → Phones…: a new link, joined behind the curtain
    window.show_phones()
    dialog = window.phones_dialog
    assert dialog is not None and dialog.isVisible()
    text = "\n".join(dump(dialog))
    for secret in window.phones.link.keys.seats().values():  # type: ignore[union-attr]
        assert secret not in text
    assert _("When phones cannot reach it") in text
    driver.click(dialog.buttons["seat-0"])  # type: ignore[arg-type]
    assert c.session.on_phone(0)
    dialog.close()
    driver.play_until(lambda: driver.rejoins >= 1)
    assert driver.phones[0].token != ana.token
    # "Later": a join put off until the seat's turn, and "Keep this hand on the laptop"
    driver.play_until(lambda: c.view.actor is None and c.view.phase is not Phase.PIT_STOP)
    window.phones.to_curtain(1)
    window.phones.to_phone(1)
    qtbot.waitUntil(lambda: driver.curtain.joining == 1, timeout=3000)
    assert c.view.actor != 1
    driver.click(driver.curtain.later_button)
    assert driver.curtain.joining != 1 and 1 in driver.curtain.later
    window.phones.to_curtain(1)
    window.phones.to_phone(1)
    qtbot.waitUntil(lambda: driver.curtain.joining == 1, timeout=3000)
    driver.click(driver.curtain.keep_button)
    assert not c.session.on_phone(1)
    # a person replaced by a bot: the phone is cut off at once
    old = driver.phones[0]
    assert old.state()[0] == 200
    c.set_person(0, False)
    assert old.state()[0] == 410
    assert not c.session.on_phone(0)
    # the program quits: the server stops
    port = window.phones.link.port  # type: ignore[union-attr]
    window.close()
    assert not listening(port)


def test_a_newcomer_in_a_phone_seat_joins_with_a_new_link(qtbot: QtBot,
                                                           window: MainWindow) -> None:
    driver = PhonesDriver(qtbot, window)
    driver.start(PLENARY, seed=9, rounds=4)
    c = driver.c
    before: dict[int, str] = {}

    def newcomer_in_a_phone_seat() -> bool:
        before.update({s: p.token for s, p in driver.phones.items()})
        return any(c.view.participants[s].name not in ("Ana", "Ben") for s in (0, 1))

    driver.play_until(newcomer_in_a_phone_seat, max_steps=600)
    seat = next(s for s in (0, 1) if c.view.participants[s].name not in ("Ana", "Ben"))
    gone = Phone(f"http://127.0.0.1:{window.phones.link.port}/s/{before[seat]}")  # type: ignore[union-attr]
    status, body = gone.state()
    assert status == 410 and body["title"] == _("You have left the partnership")
    assert c.session.on_phone(seat)  # the seat stays on the phones: the newcomer joins
    qtbot.waitUntil(lambda: driver.curtain.joining is not None, timeout=3000)
    joining = driver.curtain.joining
    assert joining == seat
    view = c.view
    sector = view.catalog.sector_name(view.participants[seat].sector)
    predecessor = ("Ana", "Ben")[seat]
    assert driver.curtain.prompt_text.text() == _(
        "{handoff}, to join with your phone — everyone else, look away").format(
        handoff=_("Pass to {name} ({sector}), seat {number} — new, formerly {predecessor}'s "
                  "seat").format(name=view.participants[seat].name, sector=sector,
                                 number=seat + 1, predecessor=predecessor))
    driver.join(seat)
    assert driver.phones[seat].token != before[seat]
    status, body = driver.phones[seat].state()
    assert status == 200 and body["page"]["name"] == c.view.participants[seat].name
    assert body["words"]["your_hand"] == page_words()["your_hand"]


def test_phones_are_off_unless_chosen(qtbot: QtBot, window: MainWindow) -> None:
    driver = Driver(qtbot, window)
    driver.start(PLENARY, seed=9)
    assert window._phones is None  # the mode's code never even loaded
    assert not server_threads()
    assert window.menu.phones.isEnabled()
    window.menu.phones.trigger()
    dialog = window.phones_dialog
    assert dialog is not None and "on" in dialog.buttons and not window.phones.on
    qtbot.mouseClick(dialog.buttons["on"], Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    assert window.phones.on and listening(window.phones.link.port)  # type: ignore[union-attr]
    port = window.phones.link.port  # type: ignore[union-attr]
    qtbot.mouseClick(dialog.buttons["off"], Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    assert not window.phones.on and not listening(port)
    assert not server_threads()
    assert driver.c.session.phones == ()
