"""Fewer hand-offs, without Qt (issue 12): a person chooses their card for every introduction
of the round at once, passes in a Mixed round are entered in public, open votes go in as "all
for" after the exceptions. The save holds the same actions as one decision at a time."""

from __future__ import annotations

import attrs

from consortium.engine.actions import Reveal, SetIntroductions, Vote
from consortium.engine.game import new_game
from consortium.engine.history import History
from consortium.engine.simulate import bot_action, seat_policy
from consortium.engine.state import GameConfig, Mode, Phase, SeatSetup
from consortium.play.session import Session
from tests.play.table import FakeTime, cancer_care


def six_people(mode: Mode = Mode.DEMOCRATIC, *, seed: int = 5,
               turnover: float = 0.0) -> Session:
    scenario = cancer_care()
    sectors = [s.id for s in scenario.sectors]
    config = GameConfig(
        seats=tuple(SeatSetup(f"P{i + 1}", sectors[i % len(sectors)], None) for i in range(6)),
        rounds=3, turnover=turnover, schedule=(mode,) * 3, seed=seed,
        capacity=scenario.defaults.capacity, hand_size=scenario.defaults.hand_size,
    )
    session = Session(now=FakeTime(), pacing_ms=0)
    session.take_over(History(new_game(scenario, config)), (True,) * 6, talk_clock=False)
    return session


def run_automatic(session: Session) -> None:
    while session.next_move_in() == 0:
        assert session.move()


def test_cards_for_every_introduction_chosen_at_once_save_the_same_actions() -> None:
    one_by_one, at_once = six_people(), six_people()
    for s in (one_by_one, at_once):
        assert s.submit(SetIntroductions(3))
    person_turns = 0
    while at_once.state.public.phase is Phase.INTRODUCTIONS:
        seat = at_once.state.public.actor
        assert seat is not None
        ahead = at_once.introductions_ahead(seat)
        assert ahead == 2  # each person decides once, in the first introduction
        assert at_once.choose_ahead(seat, [1, 2])
        assert at_once.submit(Reveal(seat, 0))
        person_turns += 1
        run_automatic(at_once)
    assert person_turns == 6
    while one_by_one.state.public.phase is Phase.INTRODUCTIONS:
        seat = one_by_one.state.public.actor
        assert seat is not None
        slot = one_by_one.state.public.intros_done
        assert one_by_one.submit(Reveal(seat, slot))
    assert at_once.actions == one_by_one.actions
    assert at_once.state.public == one_by_one.state.public
    assert at_once.state.public.intros_done == 3


def test_choices_ahead_are_checked_and_stay_private() -> None:
    s = six_people()
    assert s.submit(SetIntroductions(2))
    seat = s.state.public.actor
    assert seat == 0
    assert not s.choose_ahead(seat, [1, 2])  # only one introduction is left after this one
    assert not s.choose_ahead(seat, [7])  # no such card
    assert s.submit(Reveal(seat, 1))
    assert not s.choose_ahead(seat, [0])  # no longer this seat's turn
    s2 = six_people()
    assert s2.submit(SetIntroductions(3))
    assert not s2.choose_ahead(0, [1, 1])  # the same card twice
    assert s2.choose_ahead(0, [2, 1])
    # the public session says only who chose ahead, never which cards
    assert s2.session.chosen_ahead == (0,)
    assert attrs.evolve(s2.session, chosen_ahead=()) == six_people_session_after_intros(3)


def six_people_session_after_intros(count: int):
    s = six_people()
    s.submit(SetIntroductions(count))
    return s.session


def test_a_card_chosen_ahead_that_is_gone_lets_the_person_decide_then() -> None:
    """If a card chosen ahead is shown by then (a holder named by the facilitator), the queued
    choice is dropped and the person decides at their turn."""
    s = six_people()
    assert s.submit(SetIntroductions(2))
    assert s.choose_ahead(0, [1])
    assert s.submit(Reveal(0, 0))
    assert s.name_holder(0, 1)  # the facilitator names the holder of that card: shown now
    for seat in range(1, 6):
        assert s.submit(Reveal(seat, 0))
    assert s.state.public.actor == 0 and s.state.public.intros_done == 1
    assert s.next_move_in() == 0
    s.move()
    assert s.state.public.actor == 0  # refused, not applied: seat 0 decides now
    assert s.next_move_in() is None


def test_a_pass_in_a_mixed_round_needs_no_curtain() -> None:
    """GAME.md, Mixed step 1: newcomers must show a card, anyone else may. Who is a newcomer
    is public, and a pass shows nothing, so the facilitator enters it (no hand-off); a
    newcomer still takes the curtain."""
    s = six_people(Mode.HYBRID, turnover=0.5)
    passed = newcomers_asked = 0
    for _ in range(2000):
        public = s.state.public
        if public.phase is Phase.INTRODUCTIONS and public.round >= 2:
            seat = public.actor
            assert seat is not None
            assert s.introductions_ahead(seat) == 0  # one introduction in a Mixed round
            if seat in public.newcomers:
                newcomers_asked += 1
                assert not s.may_pass_in_public(seat) and not s.pass_in_public(seat)
            else:
                assert s.may_pass_in_public(seat)
                assert s.pass_in_public(seat)
                passed += 1
                continue
        if s.state.over:
            break
        state = s.state
        assert s.submit(bot_action(state, seat_policy(state, state.public.actor)))
    assert passed > 0 and newcomers_asked > 0


def test_open_votes_all_for_after_the_exceptions() -> None:
    s = six_people()
    assert s.submit(SetIntroductions(0))
    for _ in range(200):
        if s.state.public.phase is Phase.VOTE:
            break
        public = s.state.public
        if public.phase is Phase.DELIBERATION:
            s.finish_talk()
            continue
        if public.phase is Phase.PLACEMENT:
            s.suggest_board()
            s.call_vote()
            continue
        assert s.submit(bot_action(s.state, seat_policy(s.state, public.actor)))
    order = s.state.public.order
    s.cast_open_vote(order[2], False)  # the exception first
    s.cast_open_votes_for_the_rest()
    run_automatic(s)
    votes = [a for a in s.actions if isinstance(a, Vote)]
    assert [(v.seat, v.approve) for v in votes] == [(seat, seat != order[2]) for seat in order]
