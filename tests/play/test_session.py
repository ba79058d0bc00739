"""The session without Qt: votes entered ahead, placement's two clicks, talk charged by the
clock on a fake time, the undo policy as a question, notices as codes, change flags from
Events."""

from __future__ import annotations

import pytest

from consortium.engine.actions import (
    CallVote,
    Deliberate,
    Place,
    Reveal,
    SetIntroductions,
    Talk,
    Vote,
)
from consortium.engine.events import Placed, TalkCharged, VoteCast
from consortium.engine.game import new_game
from consortium.engine.history import History
from consortium.engine.simulate import bot_action, seat_policy
from consortium.engine.state import Mode, Phase
from consortium.play.records import Change, Notice
from consortium.play.session import Session
from consortium.present.event_words import notice_text, undo_answer_text
from consortium.present.i18n import _, ngettext
from tests.play.table import FakeTime, cancer_care, sit_down, table_config


def everyone_seated(*, secret_ballot: bool = False) -> tuple[Session, FakeTime, list[Change]]:
    """Five people, every round democratic, the talk clock on."""
    scenario = cancer_care()
    config = table_config(scenario)
    config = type(config)(
        seats=tuple(type(s)(s.name, s.sector, None) for s in config.seats),
        rounds=config.rounds, turnover=0.0, schedule=(Mode.DEMOCRATIC,) * config.rounds,
        seed=config.seed, capacity=config.capacity, hand_size=config.hand_size,
        secret_ballot=secret_ballot,
    )
    time = FakeTime()
    session = Session(now=time, pacing_ms=0)
    changes: list[Change] = []
    session.listen(changes.append)
    session.take_over(History(new_game(scenario, config)), (True,) * 5, talk_clock=True)
    return session, time, changes


def decide_until(session: Session, phase: Phase) -> None:
    """Everyone decides as the balanced bot would, until ``phase``."""
    for _step in range(500):
        state = session.state
        if state.public.phase is phase:
            return
        if state.public.phase is Phase.INTRO_COUNT:
            assert session.submit(SetIntroductions(0))
            continue
        if state.public.phase is Phase.DELIBERATION:
            session.finish_talk()
            continue
        assert session.submit(bot_action(state, seat_policy(state, state.public.actor)))
    raise AssertionError(f"never reached {phase}")


def test_a_session_starts_with_nothing_to_undo_and_nothing_moving_by_itself() -> None:
    session, _time, changes = everyone_seated()
    assert changes[-1].new_game
    assert session.undo_answer().blocked_by == "nothing-to-undo"
    assert undo_answer_text(session.undo_answer()) == _("nothing has happened yet in this game")
    assert session.next_move_in() is None  # everyone is a person: the game waits


def test_undo_is_answered_by_reading_the_history_never_by_undoing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session, _time, _changes = everyone_seated()
    assert session.submit(SetIntroductions(0))
    history = session.history

    def refuse(*args: object) -> object:
        raise AssertionError("the question undid something")

    monkeypatch.setattr(History, "undo", refuse)
    monkeypatch.setattr(History, "redo", refuse)
    monkeypatch.setattr(History, "undo_until", refuse)
    for _step in range(3):
        answer = session.undo_answer()
        assert (answer.steps, answer.blocked_by) == (1, None)
    assert history.actions == (SetIntroductions(0),)
    assert not history.can_redo


def test_one_undo_goes_back_over_the_bots_to_the_last_person_and_stops_at_a_reveal() -> None:
    table = sit_down()
    session = table.session
    while session.next_move_in() is not None or session.state.public.actor not in (0, 2):
        if session.next_move_in() is not None:
            session.move()
        elif session.state.public.phase is Phase.INTRO_COUNT:
            session.submit(SetIntroductions(1))
        else:
            state = session.state
            session.submit(bot_action(state, seat_policy(state, state.public.actor)))
    # an introduction shows a card: the step cannot be taken back
    state = session.state
    assert state.public.phase is Phase.INTRODUCTIONS
    slot = next(i for i, c in enumerate(state.public.participants[0].public_cards) if c is None)
    assert session.submit(Reveal(0, slot))
    answer = session.undo_answer()
    assert (answer.steps, answer.blocked_by) == (0, "card-shown")
    assert answer.reveal is not None and answer.reveal.name == "P1"
    shown = _("{name} showed a card to everyone").format(name="P1")
    assert undo_answer_text(answer) == shown
    assert not session.undo()
    assert session.session.notice_code == Notice(
        "cannot-undo", {"blocked_by": "card-shown", "name": "P1", "title": "", "task": ""}
    )
    assert notice_text(session.session.notice_code) == _("Cannot undo: {why}.").format(why=shown)


def test_undo_steps_count_the_bots_moves_since_the_last_person() -> None:
    session, _time, _changes = everyone_seated()
    decide_until(session, Phase.PLACEMENT)
    session.set_person(1, False)  # a seat becomes a bot: its moves are skipped back over
    place = next(a for a in session.group_actions() if isinstance(a, Place))
    assert session.submit(place)
    answer = session.undo_answer()
    assert (answer.steps, answer.blocked_by) == (1, None)
    assert session.undo()
    assert session.session.notice_code is not None
    assert session.session.notice_code.code == "undone"
    assert notice_text(session.session.notice_code) == ngettext(
        "Undone: {steps} action; {who} decides now.",
        "Undone: {steps} actions; {who} decides now.", 1).format(steps=1, who=_("the group"))
    assert session.can_redo
    assert session.redo()
    assert session.actions[-1] == place


def test_fast_forward_blocks_undo_and_plays_to_the_end() -> None:
    session, _time, changes = everyone_seated()
    session.fast_forward()
    assert session.undo_answer().blocked_by == "fast-forward"
    assert session.next_move_in() == 0
    heard = len(changes)
    assert session.move(until=lambda: False)  # one chunk, to the end
    assert session.state.over
    assert len(changes) == heard + 1  # listeners heard of the whole chunk once
    assert changes[-1].events[-1].kind in ("phase-entered", "game-over")


def test_the_talk_clock_charges_started_minutes_on_a_fake_clock() -> None:
    session, time, changes = everyone_seated()
    decide_until(session, Phase.DELIBERATION)
    session.start_clock()
    assert session.session.clock_running
    time.now += 61
    session.tick()
    assert session.session.clock_seconds == 61
    assert changes[-1].events == () and not changes[-1].phase  # a tick moves the session only
    session.finish_talk()
    assert session.actions[-1] == Deliberate(2)  # 61 s: two started minutes
    assert session.clock_minutes() == 0  # charged, the clock starts again from nothing
    assert session.state.public.phase is Phase.PLACEMENT
    # in placement: talk since deliberation is charged when the vote is called
    session.start_clock()
    time.now += 150
    decide_board(session)
    session.call_vote()
    assert session.actions[-2:] == (Talk(3), CallVote())
    assert TalkCharged(3) in [e for c in changes for e in c.events]


def decide_board(session: Session) -> None:
    for _step in range(50):
        state = session.state
        action = bot_action(state, seat_policy(state, None))
        if isinstance(action, CallVote):
            return
        assert session.submit(action)
    raise AssertionError("the board never filled")


def test_a_pause_stops_the_clock_and_resume_starts_it_again() -> None:
    session, time, _changes = everyone_seated()
    decide_until(session, Phase.DELIBERATION)
    session.start_clock()
    time.now += 30
    session.set_paused(True)
    assert not session.session.clock_running
    time.now += 600  # coffee is not talk
    session.toggle_clock()  # in a pause: the clock waits
    assert session.session.notice_code == Notice("clock-stays-stopped")
    assert notice_text(session.session.notice_code) == _(
        "The talk clock stays stopped after the pause.")
    session.set_paused(False)
    assert not session.session.clock_running  # the toggle cancelled the restart
    assert session.clock.seconds() == 30
    assert not session.submit(SetIntroductions(0))  # not paused, but not legal now
    assert session.session.notice_code is not None
    assert session.session.notice_code.args["refusal"] == "wrong-phase"


def test_the_clock_runs_only_while_the_plenary_talks() -> None:
    session, _time, _changes = everyone_seated()
    session.start_clock()
    assert not session.session.clock_running
    assert session.session.notice_code == Notice("clock-while-talking")


def test_a_paused_session_refuses_actions_with_a_code() -> None:
    session, _time, _changes = everyone_seated()
    session.set_paused(True)
    assert not session.submit(SetIntroductions(0))
    assert session.session.notice_code == Notice("paused")
    assert session.actions == ()


def test_placement_first_the_participant_then_the_task() -> None:
    session, _time, changes = everyone_seated()
    decide_until(session, Phase.PLACEMENT)
    session.place_selected("anything")
    assert session.session.notice_code == Notice("choose-participant-first")
    place = next(a for a in session.group_actions() if isinstance(a, Place) and a.task)
    session.select_seat(place.seat)
    assert session.session.selected_seat == place.seat
    session.place_selected(place.task)
    assert session.actions[-1] == place
    assert session.session.selected_seat is None
    moved = next(c for c in reversed(changes) if c.events)
    assert Placed(place.seat, place.task) in moved.events
    assert moved.board and not moved.pit_stops and not moved.log  # flags from the Events


def test_votes_entered_ahead_are_cast_when_their_turn_comes() -> None:
    session, _time, changes = everyone_seated()
    decide_until(session, Phase.PLACEMENT)
    decide_board(session)
    session.call_vote()
    public = session.state.public
    assert public.phase is Phase.VOTE
    later = [s for s in public.order if s != public.actor]
    for seat in later:
        session.cast_open_vote(seat, False)
    assert [session.session.pending_votes[s] for s in later] == [False] * len(later)
    assert session.next_move_in() is None  # the acting seat has not voted yet
    first = public.actor
    assert first is not None
    session.cast_open_vote(first, True)  # the actor's own vote goes in at once
    while session.next_move_in() == 0:
        assert session.move()
    cast = [e for c in changes for e in c.events if isinstance(e, VoteCast)]
    assert cast == [VoteCast(first, True), *[VoteCast(s, False) for s in later]]
    assert [a for a in session.actions if isinstance(a, Vote)] == [
        Vote(first, True), *[Vote(s, False) for s in later]
    ]
    assert session.session.pending_votes == (None,) * 5


def test_a_secret_ballot_takes_no_votes_ahead_and_tells_no_vote() -> None:
    session, _time, changes = everyone_seated(secret_ballot=True)
    decide_until(session, Phase.PLACEMENT)
    decide_board(session)
    session.call_vote()
    actor = session.state.public.actor
    later = next(s for s in session.state.public.order if s != actor)
    session.cast_open_vote(later, True)
    assert session.session.pending_votes == (None,) * 5
    assert actor is not None
    assert session.submit(Vote(actor, True))
    cast = [e for c in changes for e in c.events if isinstance(e, VoteCast)]
    assert cast == [VoteCast(actor, None)]  # nobody sees how anyone voted


def test_reveal_only_at_the_end() -> None:
    session, _time, changes = everyone_seated()
    session.reveal()
    assert not session.session.revealed
    session.end_game()
    assert session.state.over and session.session.ended_early
    session.reveal()
    assert session.session.revealed and changes[-1].debrief
