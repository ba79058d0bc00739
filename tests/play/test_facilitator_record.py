"""The facilitator's acts in the public log, and the talk clock across a resume (issue 12):
Skip and Replace are Events in the log, a fast-forward is recorded where it began, and a
save carries the talk clock's seconds not yet charged. Without Qt."""

from __future__ import annotations

from datetime import UTC, datetime

from consortium.engine.actions import Deliberate, Facilitated, SetIntroductions, SitOut
from consortium.engine.events import FacilitatorActed
from consortium.engine.state import Mode, Phase
from consortium.play.session import Session
from consortium.present.debrief_data import build_debrief
from consortium.present.event_words import log_text
from consortium.present.i18n import _
from consortium.present.labels import mode_label
from consortium.store.save_file import encode_save
from consortium.store.save_load import load_save
from tests.play.table import FakeTime
from tests.play.test_handoffs import six_people
from tests.play.test_session import everyone_seated

WHEN = datetime(2026, 1, 1, tzinfo=UTC)


def reopened(session: Session, time: FakeTime | None = None) -> Session:
    """The session saved and taken over again from the file, as Resume does."""
    data = encode_save(session.state, session.actions, session.room, started_at=WHEN,
                       saved_at=WHEN)
    loaded = load_save(data)
    assert loaded.state == session.state  # the save replays to the same game
    again = Session(now=time or FakeTime(), pacing_ms=0)
    room = loaded.room
    again.take_over(loaded.history, tuple(room.people), talk_clock=room.talk_clock,
                    ended_early=room.ended_early, talk_seconds=room.talk_seconds)
    return again


def facilitator_lines(session: Session) -> list[str]:
    return [log_text(e) for e in session.view.log if isinstance(e.event, FacilitatorActed)]


def test_skip_and_replace_are_in_the_public_log_and_replay() -> None:
    s = six_people()
    assert s.submit(SetIntroductions(1))
    first = s.state.public.actor
    assert first is not None
    name = s.view.participants[first].name
    s.skip_turn()  # a card must be shown: the seat's bot decides this one turn
    assert s.state.public.actor != first
    s.set_person(4, False)
    s.set_person(4, True)
    lines = facilitator_lines(s)
    other = s.view.participants[4].name
    assert lines == [
        _("The facilitator skipped {name}'s turn.").format(name=name),
        _("A bot now plays {name}'s seat (seat {seat}).").format(name=other, seat=5),
        _("{name} (seat {seat}) is played by a person again.").format(name=other, seat=5),
    ]
    assert Facilitated("skip", first) in s.actions
    again = reopened(s)
    assert facilitator_lines(again) == lines
    assert again.session.people == s.session.people


def test_undo_takes_back_a_skip_with_its_choice() -> None:
    s = six_people(Mode.SELF_SELECTION)
    assert s.state.public.phase is Phase.TURNS
    seat = s.state.public.actor
    before = s.actions
    s.skip_turn()  # sits out: in the log, then the neutral choice
    assert s.actions[len(before):] == (Facilitated("skip", seat), SitOut(seat))
    assert s.undo_answer().steps == 2
    assert s.undo()
    assert s.actions == before and s.state.public.actor == seat


def test_replaced_seat_comes_back_with_undo() -> None:
    s = six_people()
    s.set_person(2, False)
    assert not s.session.is_person(2) and s.view.participants[2].is_bot
    assert s.undo()
    assert s.session.is_person(2) and not s.view.participants[2].is_bot


def test_fast_forward_is_recorded_where_it_began() -> None:
    s = six_people()
    assert s.submit(SetIntroductions(0))
    s.fast_forward()
    while s.next_move_in() is not None:
        s.move(until=lambda: False)
    assert s.state.over
    marks = [(e.round, e.event.what) for e in s.view.log
             if isinstance(e.event, FacilitatorActed)]
    assert marks == [(1, "fast-forward")]
    assert facilitator_lines(s) == [
        _("The facilitator had the bots play the rest of the game (fast-forward).")]
    # the debrief marks the rounds the bots played (the trainer's report: it did not)
    debrief = build_debrief(s.state)
    plenary = mode_label(Mode.DEMOCRATIC)
    assert debrief.fast_forward_from == 1
    assert debrief.modes == (
        _("{mode} · bots from here (fast-forward)").format(mode=plenary),
        _("{mode} · bots (fast-forward)").format(mode=plenary),
        _("{mode} · bots (fast-forward)").format(mode=plenary),
    )
    assert build_debrief(six_people().state).fast_forward_from is None


def test_the_talk_clock_keeps_its_minutes_across_a_resume() -> None:
    """The trainer's report: the talk clock showed 00:00 after resume. The save carries the
    seconds not yet charged; the resumed clock shows them and charges them."""
    session, time, _changes = everyone_seated()
    assert session.submit(SetIntroductions(0))
    assert session.state.public.phase is Phase.DELIBERATION
    session.start_clock()
    time.now += 185  # three minutes and five seconds of talk
    session.tick()
    session.stop_clock()
    assert session.session.clock_seconds == 185
    assert session.room.talk_seconds == 185
    again = reopened(session, time)
    assert again.session.clock_seconds == 185
    assert again.clock_minutes() == 4
    again.start_clock()
    time.now += 10
    again.finish_talk()
    assert again.actions[-1] == Deliberate(4)  # 3 min 15 s: four started minutes
