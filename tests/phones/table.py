"""A session with phone seats, for the phones' tests: the desk posts acts straight to the
test's thread (the owner), as the window posts them to the GUI thread."""

from __future__ import annotations

import queue
import time
from collections.abc import Callable

import attrs

from consortium.engine.game import new_game
from consortium.engine.history import History
from consortium.engine.state import GameConfig, Mode, Phase, SeatSetup
from consortium.phones.desk import PhoneDesk
from consortium.phones.keys import SeatKeys
from consortium.play.session import Session
from tests.play.table import FakeTime, cancer_care


@attrs.define
class PhoneTable:
    session: Session
    desk: PhoneDesk
    tokens: dict[int, str]
    inbox: queue.Queue[Callable[[], None]]

    def run_until(self, done: Callable[[], object], what: str, seconds: float = 10.0) -> None:
        """Run what the server hands over until ``done()`` holds (as the GUI thread would
        while phones act); fail with ``what`` when it does not come in time."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.run_posted()
            if done():
                return
            time.sleep(0.01)
        raise AssertionError(what)

    def run_posted(self) -> int:
        """Run what the server handed to the owner (the test plays the GUI thread)."""
        n = 0
        while not self.inbox.empty():
            self.inbox.get_nowait()()
            n += 1
        return n


def phone_table(*, people: tuple[int, ...] = (0, 1, 2), seats: int = 5,
                schedule: tuple[Mode, ...] = (Mode.DEMOCRATIC, Mode.SELF_SELECTION, Mode.HYBRID),
                turnover: float = 0.0, direct: bool = False, seed: int = 5,
                secret_ballot: bool = False, names: tuple[str, ...] = ()) -> PhoneTable:
    scenario = cancer_care()
    sectors = [s.id for s in scenario.sectors]
    config = GameConfig(
        seats=tuple(SeatSetup(names[i] if i < len(names) else f"P{i + 1}",
                              sectors[i % len(sectors)],
                              None if i in people else "balanced") for i in range(seats)),
        rounds=len(schedule), turnover=turnover, schedule=schedule, seed=seed,
        capacity=scenario.defaults.capacity, hand_size=scenario.defaults.hand_size,
        secret_ballot=secret_ballot,
    )
    session = Session(now=FakeTime(), pacing_ms=0)
    keys = SeatKeys()
    tokens = {seat: keys.issue(seat) for seat in people}
    inbox: queue.Queue[Callable[[], None]] = queue.Queue()
    desk = PhoneDesk(session, keys, (lambda f: f()) if direct else inbox.put)
    session.take_over(History(new_game(scenario, config)),
                      tuple(i in people for i in range(seats)), talk_clock=False)
    return PhoneTable(session, desk, tokens, inbox)


def until_a_phone_acts(table: PhoneTable) -> int:
    """Let the bots and the group move (as the balanced bot would) until a phone seat is to
    act; returns that seat."""
    from consortium.engine.simulate import bot_action, seat_policy

    session = table.session
    for _ in range(500):
        actor = session.state.public.actor
        public = session.state.public
        show_of_hands = public.phase is Phase.VOTE and not public.secret_ballot
        if actor in table.tokens and not show_of_hands:
            return actor  # (open hands are raised in the room, entered on the laptop)
        if session.next_move_in() is not None:
            session.move()
        else:
            session.submit(bot_action(session.state, seat_policy(session.state, actor)))
    raise AssertionError("no phone seat came to act")
