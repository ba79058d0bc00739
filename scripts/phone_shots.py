"""Screenshots of the phone page at 390×844 (a common phone), one for each kind of private
act, a card chosen ahead of its turn, plus the join form and the page a departed player
sees, into docs/screenshots/phone/.

    python scripts/phone_shots.py [--out DIR]

Plays a game with three phone seats in headless Chromium (Selenium; needs ``chromium`` and
``chromium-driver``), people choosing what a balanced bot would, and takes each kind of
turn's picture the first time it comes, before the tap (and the card-signal and confirm
steps after the first tap).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.phones.table import phone_table  # noqa: E402

from consortium.engine.simulate import bot_action, seat_policy  # noqa: E402
from consortium.engine.state import Mode  # noqa: E402
from consortium.phones.hand import page_words  # noqa: E402
from consortium.phones.server import PhoneApp, PhoneServer  # noqa: E402

PEOPLE = (0, 1, 2)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots" / "phone")
    out = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=390,844",
                     "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    # a phone's viewport (a desktop window cannot be narrower than 500 px)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    table = phone_table(people=PEOPLE, turnover=0.3, seed=7,  # every kind of act comes
                        schedule=(Mode.HYBRID, Mode.SELF_SELECTION, Mode.HYBRID),
                        secret_ballot=True)  # open hands are entered on the laptop
    session = table.session
    server = PhoneServer(PhoneApp(table.desk))
    port = server.start("127.0.0.1", 0)
    taken: set[str] = set()

    def settle(check: Callable[[], object]) -> None:
        table.run_until(check, "the page did not come")

    def shot(name: str) -> None:
        if name not in taken:
            taken.add(name)
            time.sleep(0.1)
            driver.save_screenshot(str(out / f"{name}.png"))
            print(out / f"{name}.png")

    def tap(text: str) -> None:
        def ready() -> bool:
            return any(b.text.split("\n")[0] == text and b.is_displayed()
                       for b in driver.find_elements(By.CSS_SELECTOR, "#choices button"))
        settle(ready)
        next(b for b in driver.find_elements(By.CSS_SELECTOR, "#choices button")
             if b.text.split("\n")[0] == text and b.is_displayed()).click()

    try:
        driver.get(f"http://127.0.0.1:{port}/j")
        shot("01-join-pin")
        driver.get(f"http://127.0.0.1:{port}/s/{table.tokens[1]}")
        settle(lambda: "·" in driver.find_element(By.ID, "who").text)
        shot("02-waiting")
        for _ in range(3000):
            state = session.state
            if state.over:
                break
            if session.next_move_in() is not None:
                session.move()
                continue
            seat = state.public.actor
            wanted = bot_action(state, seat_policy(state, seat))
            if seat not in table.tokens:
                session.submit(wanted)
                continue
            for other in table.tokens:  # fewer waits: a card chosen before the turn
                ahead = table.desk.page(other)
                if "07-chosen-ahead" in taken or other == seat or ahead is None \
                        or not ahead.snapshot["ahead"]:
                    continue
                driver.get(f"http://127.0.0.1:{port}/s/{table.tokens[other]}")
                first = ahead.snapshot["choices"][0]
                settle(lambda first=first: any(
                    b.text.split("\n")[0] == first["intent"]
                    for b in driver.find_elements(By.CSS_SELECTOR, "#choices button")))
                shot("06-choose-ahead")
                tap(first["intent"])
                if first["confirm"]:
                    tap(page_words()["confirm"])
                settle(lambda other=other: other in session.session.chosen_ahead)
                settle(lambda: page_words()["chosen_ahead"][:6]
                       in driver.find_element(By.ID, "waiting").text)
                shot("07-chosen-ahead")
            if table.desk.keys.token_of(seat) is None:  # a newcomer: a new link
                old = table.tokens[seat]
                table.tokens[seat] = table.desk.keys.issue(seat)
                table.desk.publish()
                driver.get(f"http://127.0.0.1:{port}/s/{old}")
                shot("09-left-the-partnership")
            driver.get(f"http://127.0.0.1:{port}/s/{table.tokens[seat]}")
            page = table.desk.page(seat)
            assert page is not None
            row = page.snapshot["choices"][page.actions.index(wanted)]
            group = [c for c in page.snapshot["choices"] if c["group"] == row["group"]]
            kind = type(wanted).__name__.lower()
            settle(lambda row=row: any(b.text.split("\n")[0] == row["intent"]
                                       for b in driver.find_elements(By.CSS_SELECTOR,
                                                                     "#choices button")))
            shot(f"03-turn-{kind}")
            before = len(session.actions)
            tap(row["intent"])
            if len(group) > 1:
                settle(lambda: not driver.find_element(By.ID, "ask").get_attribute("hidden"))
                shot(f"04-signal-card-{kind}")
                tap(row["text"])
            elif row["confirm"]:
                settle(lambda: not driver.find_element(By.ID, "ask").get_attribute("hidden"))
                shot("05-confirm-show-card")
                tap(page_words()["confirm"])
            settle(lambda before=before: len(session.actions) > before)
        driver.get(f"http://127.0.0.1:{port}/s/{table.tokens[0]}")
        settle(lambda: driver.find_element(By.ID, "waiting").text != "")
        shot("10-game-over")
    finally:
        server.stop()
        driver.quit()


if __name__ == "__main__":
    main()
