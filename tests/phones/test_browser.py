"""A whole game where every person seat is a real headless browser (Debian's Chromium,
driven by Selenium): each page shows only its own seat's hand, the board never shows a
hidden card, and the game's record equals a hot-seat game with the same choices.

The test's thread owns the session (as the window's GUI thread does): it runs what the
server hands over while the browsers tap. Needs ``chromium`` and ``chromium-driver`` (CI
installs them; ``CONSORTIUM_REQUIRE_BROWSER=1`` makes their absence a failure, not a skip).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from consortium.engine.simulate import bot_action, seat_policy
from consortium.engine.state import Mode
from consortium.phones.hand import page_words
from consortium.phones.server import PhoneApp, PhoneServer
from consortium.present.i18n import _
from consortium.present.labels import card_text
from tests.phones.table import PhoneTable, phone_table

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
# The browser is a system package, not a Python one: `pip install ".[test]"` cannot bring it,
# so a developer's laptop without it skips this one test rather than failing the suite.
# CI installs it (.ci/run) and sets CONSORTIUM_REQUIRE_BROWSER, so there it never skips.
if not (CHROMIUM and DRIVER):
    if os.environ.get("CONSORTIUM_REQUIRE_BROWSER"):
        pytest.fail("chromium and chromium-driver are needed (apt-get install chromium "
                    "chromium-driver)", pytrace=False)
    pytest.skip("no chromium/chromedriver on this machine (a system package; CI has it)",
                allow_module_level=True)

PEOPLE = (0, 1, 2)
SCHEDULE = (Mode.HYBRID, Mode.SELF_SELECTION, Mode.HYBRID)
SEED = 7  # with this deal the phones make every kind of private act (checked below)


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=390,844"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


def page_text(driver: WebDriver) -> str:
    return str(driver.find_element(By.TAG_NAME, "body").text)


def buttons(driver: WebDriver) -> dict[str, object]:
    shown = driver.find_elements(By.CSS_SELECTOR, "#choices button")
    return {b.text.split("\n")[0]: b for b in shown if b.is_displayed()}


def wait_for(driver: WebDriver, table: PhoneTable, check: Callable[[], object]) -> None:
    table.run_until(check, f"the page never showed what it should: {page_text(driver)!r}")


def tap(driver: WebDriver, table: PhoneTable, text: str) -> None:
    wait_for(driver, table, lambda: text in buttons(driver))
    buttons(driver)[text].click()  # type: ignore[attr-defined]


def test_a_whole_game_played_on_browsers(browser: WebDriver) -> None:
    # a secret ballot: votes on the phones (open hands are raised in the room and entered on
    # the laptop)
    table = phone_table(people=PEOPLE, schedule=SCHEDULE, turnover=0.3, seed=SEED,
                        secret_ballot=True)
    session = table.session
    server = PhoneServer(PhoneApp(table.desk))
    port = server.start("127.0.0.1", 0)
    windows: dict[int, str] = {}
    try:
        for seat in PEOPLE:
            if windows:
                browser.switch_to.new_window("tab")
            browser.get(f"http://127.0.0.1:{port}/s/{table.tokens[seat]}")
            windows[seat] = browser.current_window_handle
        acts = 0
        kinds: set[str] = set()
        signalled = newcomers = ahead = 0
        for _step in range(3000):
            state = session.state
            if state.over:
                break
            if session.next_move_in() is not None:
                session.move()
                continue
            public = state.public
            for who, private in enumerate(state.seats):  # the board's view: shown cards only
                shown = public.participants[who].public_cards
                assert all(c is None or c == private.hand[slot] for slot, c in enumerate(shown))
            seat = public.actor
            wanted = bot_action(state, seat_policy(state, seat))
            if seat not in PEOPLE:
                session.submit(wanted)
                continue
            for other in sorted(PEOPLE, reverse=True):  # the later seats choose first
                page = table.desk.page(other)
                if other == seat or page is None or not page.snapshot["ahead"]:
                    continue
                # Fewer waits: an introduction's card or a secret ballot, chosen on the phone
                # before its turn; it goes in by itself when the turn comes
                browser.switch_to.window(windows[other])
                row = page.snapshot["choices"][0]
                tap(browser, table, row["intent"])
                if row["confirm"]:
                    tap(browser, table, page_words()["confirm"])
                table.run_until(lambda other=other: other in session.session.chosen_ahead,
                                "the choice made ahead did not arrive")
                wait_for(browser, table, lambda: page_words()["chosen_ahead"].split(".")[0]
                         in page_text(browser))
                assert session.state.public.actor == seat  # nothing moved on
                ahead += 1
            browser.switch_to.window(windows[seat])
            if table.desk.keys.token_of(seat) is None:
                # A newcomer took the seat: the old phone is told it has left, and never
                # shows the newcomer's hand; the newcomer opens a new link.
                wait_for(browser, table,
                         lambda: _("You have left the partnership") in page_text(browser))
                newcomers += 1
                table.tokens[seat] = table.desk.keys.issue(seat)
                table.desk.publish()
                browser.get(f"http://127.0.0.1:{port}/s/{table.tokens[seat]}")
            own = {card_text(public.catalog, c) for c in state.seats[seat].hand}
            wait_for(browser, table, lambda own=own: all(c in page_text(browser) for c in own))
            text = page_text(browser)
            for other in PEOPLE:
                hidden = {card_text(public.catalog, c) for c in state.seats[other].hand} - own
                assert not any(h in text for h in hidden), (seat, other)
            page = table.desk.page(seat)
            assert page is not None
            row = page.snapshot["choices"][page.actions.index(wanted)]
            group = [c for c in page.snapshot["choices"] if c["group"] == row["group"]]
            before = len(session.actions)
            tap(browser, table, row["intent"])
            if len(group) > 1:
                tap(browser, table, row["text"])
                signalled += 1
            elif row["confirm"]:
                tap(browser, table, page_words()["confirm"])
            table.run_until(lambda before=before: len(session.actions) > before,
                            "the phone's act did not arrive")
            assert session.actions[before] == wanted
            acts += 1
            kinds.add(type(wanted).__name__)
        assert session.state.over and acts >= 10
        assert kinds >= {"Reveal", "Initiate", "Join", "Stay", "SitOut", "Vote", "Declare",
                         "Respond"}, kinds
        assert signalled >= 1  # the second step: which card to signal
        assert newcomers >= 1
        assert ahead >= 2  # introductions collected from several phones at once
    finally:
        server.stop()

    # The same choices at the laptop, one at a time behind the curtain, in turn order: the
    # same record, the same game. Each person's choice is one of their choices at their turn;
    # the bots and the group decide as they did.
    hot_seat = phone_table(people=PEOPLE, schedule=SCHEDULE, turnover=0.3, seed=SEED,
                           secret_ballot=True).session
    for recorded in session.actions:
        state = hot_seat.state
        actor = state.public.actor
        if actor in PEOPLE:
            assert recorded in hot_seat.seat_actions(actor)
        else:
            assert recorded == bot_action(state, seat_policy(state, actor))
        assert hot_seat.submit(recorded)
    assert hot_seat.actions == session.actions
    assert hot_seat.state == session.state


HOSTILE = '<img src=x onerror="document.title=\'pwned\'">Mallory</b>'


def test_a_name_with_markup_is_shown_as_typed_never_run(browser: WebDriver) -> None:
    """Names and scenario texts are written by people: on the phone they are text, never
    markup (the page writes with textContent; the CSP would block an inline script too)."""
    table = phone_table(people=(0,), seats=4, names=(HOSTILE,))
    server = PhoneServer(PhoneApp(table.desk))
    port = server.start("127.0.0.1", 0)
    try:
        browser.switch_to.new_window("tab")
        browser.get(f"http://127.0.0.1:{port}/s/{table.tokens[0]}")
        wait_for(browser, table, lambda: "Mallory" in page_text(browser))
        who = browser.find_element(By.ID, "who").text
        assert who.startswith(HOSTILE)  # as typed, tags and all
        assert browser.find_elements(By.CSS_SELECTOR, "#app img, #app b") == []
        assert browser.title != "pwned"
        browser.close()
        browser.switch_to.window(browser.window_handles[0])
    finally:
        server.stop()
