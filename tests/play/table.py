"""A table of people and bots playing a whole game through ``consortium.play`` alone: what a
second front end (a phone page, a second table) would do, with no Qt anywhere."""

from __future__ import annotations

import attrs

from consortium.engine.actions import CallVote, Deliberate, Place, Talk, Vote
from consortium.engine.events import Event
from consortium.engine.game import new_game
from consortium.engine.history import History
from consortium.engine.scenario import Scenario
from consortium.engine.simulate import bot_action, seat_policy
from consortium.engine.state import GameConfig, Mode, Phase, SeatSetup
from consortium.play.records import Change
from consortium.play.session import Session
from consortium.store.scenarios import shipped_scenarios

PEOPLE = (0, 2)  # seats with a person; the others are bots


class FakeTime:
    """The talk clock's time, moved by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def cancer_care() -> Scenario:
    return shipped_scenarios()["cancer-care"]


def table_config(scenario: Scenario, *, rounds: int = 3, seed: int = 11) -> GameConfig:
    sectors = [s.id for s in scenario.sectors]
    seats = tuple(
        SeatSetup(f"P{i + 1}", sectors[i % len(sectors)], bot=None if i in PEOPLE else "balanced")
        for i in range(5)
    )
    schedule = (Mode.DEMOCRATIC, Mode.HYBRID, Mode.SELF_SELECTION)[:rounds]
    return GameConfig(
        seats=seats, rounds=rounds, turnover=0.2, schedule=schedule, seed=seed,
        capacity=scenario.defaults.capacity, hand_size=scenario.defaults.hand_size,
    )


@attrs.define
class Table:
    """One session and what its listener heard."""

    session: Session
    time: FakeTime
    changes: list[Change] = attrs.field(factory=list)

    @property
    def events(self) -> list[Event]:
        return [e for c in self.changes for e in c.events]


def sit_down(scenario: Scenario | None = None, *, rounds: int = 3) -> Table:
    scenario = scenario or cancer_care()
    config = table_config(scenario, rounds=rounds)
    time = FakeTime()
    session = Session(now=time, pacing_ms=0)
    table = Table(session, time)
    session.listen(table.changes.append)
    people = tuple(seat.bot is None for seat in config.seats)
    session.take_over(History(new_game(scenario, config)), people, talk_clock=True)
    return table


def person_decides(table: Table, placed: set[int]) -> None:
    """What the people at the table do when the game waits for them."""
    session, time = table.session, table.time
    state = session.state
    public = state.public
    if public.phase is Phase.DELIBERATION:
        session.start_clock()
        time.now += 125  # two minutes and five seconds: three started minutes
        session.tick()
        session.finish_talk()
        return
    if public.phase is Phase.PLACEMENT:
        if public.round not in placed:  # the first placement of a round: two clicks
            placed.add(public.round)
            place = next(a for a in session.group_actions() if isinstance(a, Place))
            session.select_seat(place.seat)
            session.place_selected(place.task)
            session.start_clock()
            time.now += 30
            return
        suggestion = bot_action(state, seat_policy(state, None))
        if isinstance(suggestion, CallVote):
            session.call_vote()
        else:
            session.suggest_board()
        return
    if public.phase is Phase.VOTE and not public.secret_ballot:
        for seat in PEOPLE:  # open hands: every person's vote, entered at once
            if seat in public.order and public.votes[seat] is None \
                    and session.session.pending_votes[seat] is None:
                session.cast_open_vote(seat, True)
        if public.actor in PEOPLE:
            session.submit(Vote(public.actor, True))
        return
    seat = public.actor
    assert session.submit(bot_action(state, seat_policy(state, seat)))


def play_whole_game(table: Table, *, undo_in_round: int = 2) -> None:
    """Play to the end and reveal: bots move when the session says so, people decide, and
    one Undo and Redo in round ``undo_in_round``."""
    session = table.session
    placed: set[int] = set()
    undone = False
    for _ in range(5000):
        if session.state.over:
            break
        if session.next_move_in() is not None:
            assert session.move()
            continue
        public = session.state.public
        if not undone and public.round == undo_in_round and public.actor in PEOPLE \
                and session.undo_answer().possible:
            undone = True
            before = session.actions
            assert session.undo()
            assert session.session.notice_code is not None
            assert session.session.notice_code.code == "undone"
            assert session.redo()
            assert session.actions == before
            continue
        person_decides(table, placed)
    assert session.state.over
    assert undone
    session.reveal()
    assert session.session.revealed


def charged_talk(table: Table) -> tuple[list[Deliberate], list[Talk]]:
    acts = table.session.actions
    return ([a for a in acts if isinstance(a, Deliberate)],
            [a for a in acts if isinstance(a, Talk)])


if __name__ == "__main__":  # the no-Qt check runs this in a fresh interpreter
    import sys

    table = sit_down()
    play_whole_game(table)
    assert "PySide6" not in sys.modules, "consortium.play pulled in Qt"
    assert not any(name.startswith("consortium.ui") for name in sys.modules)
    print(len(table.session.actions), "actions;", len(table.events), "events")
