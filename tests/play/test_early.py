"""Acts entered before their turn (play/early.py, the Phones mode's "fewer waits"): every
person chooses their introduction card or secret ballot at once, in any order; the session
applies them in the engine's turn order, so the record is the hot-seat game's, action for
action."""

from __future__ import annotations

import attrs

from consortium.engine.actions import Action, CallVote, Deliberate, Reveal, SetIntroductions, Vote
from consortium.engine.game import new_game
from consortium.engine.history import History
from consortium.engine.simulate import bot_action, seat_policy
from consortium.engine.state import GameConfig, Mode, Phase, SeatSetup
from consortium.play.session import Session
from tests.play.table import FakeTime, cancer_care


def table(*, secret_ballot: bool = False, people: tuple[int, ...] = tuple(range(6)),
          seed: int = 5) -> Session:
    scenario = cancer_care()
    sectors = [s.id for s in scenario.sectors]
    config = GameConfig(
        seats=tuple(SeatSetup(f"P{i + 1}", sectors[i % len(sectors)],
                              None if i in people else "balanced") for i in range(6)),
        rounds=2, turnover=0.0, schedule=(Mode.DEMOCRATIC,) * 2, seed=seed,
        capacity=scenario.defaults.capacity, hand_size=scenario.defaults.hand_size,
        secret_ballot=secret_ballot,
    )
    session = Session(now=FakeTime(), pacing_ms=0)
    session.take_over(History(new_game(scenario, config)),
                      tuple(i in people for i in range(6)), talk_clock=False)
    return session


def run_automatic(session: Session) -> None:
    while session.next_move_in() == 0:
        assert session.move()


def choice(session: Session, seat: int, kind: type[Action]) -> Action:
    """The seat's own choice of this kind (what its bot would pick, as if its turn had come)."""
    options = session.early_actions(seat) if session.state.public.actor != seat \
        else session.seat_actions(seat)
    wanted = [a for a in options if isinstance(a, kind)]
    assert wanted, (seat, options)
    return wanted[(seat * 7) % len(wanted)]


def test_introduction_cards_from_everyone_at_once_go_in_in_turn_order() -> None:
    parallel, hot_seat = table(), table()
    for s in (parallel, hot_seat):
        assert s.submit(SetIntroductions(1))
    order = parallel.state.public.order
    first = order[0]
    assert parallel.seat_actions(first) and not parallel.early_actions(first)
    # the last in turn order chooses first, the first last: it makes no difference
    chosen: dict[int, Action] = {}
    for seat in reversed(order[1:]):
        chosen[seat] = choice(parallel, seat, Reveal)
        assert parallel.enter_early(chosen[seat])
        assert not parallel.early_actions(seat)  # the choice stands
        assert not parallel.enter_early(chosen[seat])
    # the board learns who has chosen, never which card
    assert parallel.session.chosen_ahead == tuple(sorted(order[1:]))
    assert all(c is None for p in parallel.view.participants for c in p.public_cards)
    chosen[first] = choice(parallel, first, Reveal)
    assert parallel.submit(chosen[first])
    run_automatic(parallel)
    assert parallel.state.public.phase is not Phase.INTRODUCTIONS
    assert parallel.session.chosen_ahead == ()
    for seat in order:  # one at a time, behind the curtain, in turn order
        assert hot_seat.state.public.actor == seat
        assert hot_seat.submit(chosen[seat])
    assert parallel.actions == hot_seat.actions
    assert parallel.state == hot_seat.state


def until_vote(session: Session) -> None:
    while session.state.public.phase is not Phase.VOTE:
        state = session.state
        public = state.public
        if public.phase is Phase.DELIBERATION:
            assert session.submit(Deliberate(None))
            assert session.submit(CallVote())
        else:
            assert session.submit(bot_action(state, seat_policy(state, public.actor)))


def test_secret_ballots_from_everyone_at_once_are_the_curtains_ballots() -> None:
    parallel, hot_seat = table(secret_ballot=True), table(secret_ballot=True)
    for s in (parallel, hot_seat):
        until_vote(s)
    assert parallel.actions == hot_seat.actions
    public = parallel.state.public
    assert public.secret_ballot
    order = public.order
    votes = {seat: Vote(seat, seat % 3 != 0) for seat in order}
    for seat in order[1:]:
        assert set(parallel.early_actions(seat)) == {Vote(seat, True), Vote(seat, False)}
        assert parallel.enter_early(votes[seat])
    assert parallel.session.pending_votes == (None,) * 6  # which way: never on the board
    assert parallel.session.chosen_ahead == tuple(sorted(order[1:]))
    assert parallel.submit(votes[order[0]])
    run_automatic(parallel)
    for seat in order:
        if hot_seat.state.public.phase is not Phase.VOTE:
            break
        assert hot_seat.submit(votes[seat])
    assert parallel.actions == hot_seat.actions
    assert parallel.state == hot_seat.state


def test_only_independent_acts_may_go_in_early() -> None:
    s = table()
    assert s.submit(SetIntroductions(1))
    first = s.state.public.actor
    assert first is not None
    assert s.early_actions(first) == []  # its turn is now: it acts, not ahead
    assert s.submit(choice(s, first, Reveal))
    assert s.early_actions(first) == []  # its turn has passed
    run_automatic(s)
    # open hands, self-selection turns, declarations: each waits for its turn
    for _ in range(400):
        state = s.state
        if state.over:
            break
        public = state.public
        for seat in range(6):
            if seat != public.actor and s.early_actions(seat):
                assert public.phase is Phase.INTRODUCTIONS or (
                    public.phase is Phase.VOTE and public.secret_ballot)
        if public.phase is Phase.DELIBERATION:
            s.submit(Deliberate(None))
            s.submit(CallVote())
        elif public.actor is not None or s.group_actions():
            s.submit(bot_action(state, seat_policy(state, public.actor)))
        run_automatic(s)
    # a bot's seat enters nothing ahead
    bots = table(people=(0, 1))
    assert bots.submit(SetIntroductions(1))
    assert all(bots.early_actions(seat) == [] for seat in range(2, 6))


def test_a_person_replaced_by_a_bot_takes_their_early_choice_with_them() -> None:
    s = table()
    assert s.submit(SetIntroductions(1))
    order = s.state.public.order
    last = order[-1]
    assert s.enter_early(choice(s, last, Reveal))
    s.set_on_phone(last, True)
    assert s.session.phones == (last,)
    s.set_person(last, False)
    assert last not in s.session.chosen_ahead
    assert s.session.phones == ()  # a bot holds no phone
    s.set_on_phone(last, True)
    assert s.session.phones == ()


def test_phones_are_not_part_of_the_record() -> None:
    """The seats on phones are the session's, not the game's: the save is the hot-seat one."""
    s, plain = table(), table()
    s.set_on_phone(0, True)
    s.set_on_phone(3, True)
    assert s.session.phones == (0, 3) and s.session.on_phone(3) and not s.session.on_phone(1)
    assert s.room == plain.room
    assert attrs.evolve(s.session, phones=()) == plain.session
    s.set_on_phone(3, False)
    assert s.session.phones == (0,)
