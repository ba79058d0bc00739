"""Events: ``step`` returns what each action caused, the public log keeps the logged ones,
and ``consortium.present`` words them exactly as the prose log did."""

from __future__ import annotations

import json

import pytest

from consortium.engine import events as ev
from consortium.engine.actions import (
    Action,
    Continue,
    EndGame,
    IllegalAction,
    Initiate,
    Join,
    NameHolder,
    Place,
    Reveal,
    SetIntroductions,
    Talk,
    Vote,
)
from consortium.engine.game import apply, facilitator_actions, new_game, step
from consortium.engine.state import GameState, LogEntry
from consortium.present.event_words import event_text, log_text, refusal_text
from tests.golden.playthrough import CASES, action_from_dict, load_scenario, path_of


def stepped_games() -> list[tuple[GameState, Action, ev.Event, ...]]:
    """Every step of the golden playthroughs: (before, action, after, events)."""
    steps = []
    for case in CASES:
        scenario = load_scenario(case.scenario)
        document = json.loads(path_of(case.name).read_text(encoding="utf-8"))
        state = new_game(scenario, case.config(scenario))
        for data in document["actions"]:
            action = action_from_dict(data)
            stepped = step(state, action)
            steps.append((state, action, stepped.state, stepped.events))
            state = stepped.state
    return steps


STEPS = stepped_games()


def test_step_is_apply_with_the_events() -> None:
    before, action, _after, _ = STEPS[5]
    assert step(before, action).state == apply(before, action)


def test_the_log_keeps_exactly_the_logged_events_in_order() -> None:
    for before, _action, after, events in STEPS:
        new = [entry.event for entry in after.public.log[len(before.public.log):]]
        assert [e for e in events if e.logged] == new
        assert all(entry.round in (after.public.round, before.public.round)
                   for entry in after.public.log[len(before.public.log):])


def test_each_action_reports_its_own_event() -> None:
    own = {
        Place: ev.Placed, Vote: ev.VoteCast, Talk: ev.TalkCharged,
        SetIntroductions: ev.IntroductionsSet,
    }
    for _before, action, _after, events in STEPS:
        if type(action) in own:
            assert isinstance(events[0], own[type(action)])
        if isinstance(action, Initiate):
            assert any(isinstance(e, ev.TaskStarted) and e.task == action.task for e in events)
        if isinstance(action, Join):
            assert any(isinstance(e, ev.Joined | ev.TurnedAway) and e.task == action.task
                       for e in events)
        if isinstance(action, Reveal):
            expected = ev.Passed(action.seat) if action.slot is None else None
            if expected is not None:
                assert events[0] == expected
            else:
                assert any(isinstance(e, ev.CardRevealed) and (e.seat, e.slot)
                           == (action.seat, action.slot) for e in events)
        if isinstance(action, Continue):
            assert any(isinstance(e, ev.RoundStarted | ev.GameOver) for e in events)


def test_rounds_pit_stops_and_turns_come_as_events() -> None:
    for before, _action, after, events in STEPS:
        kinds = [e.kind for e in events]
        grew = len(after.public.pit_stops) != len(before.public.pit_stops)
        assert ("pit-stop" in kinds) == grew
        assert ("round-started" in kinds) == (after.public.round != before.public.round)
        where = (after.public.phase.value, after.public.actor, after.public.turn)
        if after.public.phase is not before.public.phase \
                or after.public.round != before.public.round:
            assert events[-1] == ev.PhaseEntered(*where)
        elif (after.public.actor, after.public.turn) != (before.public.actor,
                                                         before.public.turn):
            assert events[-1] == ev.TurnMoved(*where)


def test_cards_shown_are_events_and_votes_stay_secret_under_a_secret_ballot() -> None:
    for before, action, after, events in STEPS:
        shown = sum(
            1
            for a, b in zip(before.public.participants, after.public.participants, strict=True)
            if a.name == b.name
            for x, y in zip(a.public_cards, b.public_cards, strict=True)
            if x is None and y is not None
        )
        assert shown == sum(isinstance(e, ev.CardRevealed) for e in events)
        if isinstance(action, Vote):
            cast = events[0]
            assert isinstance(cast, ev.VoteCast)
            assert cast.approve == (None if before.public.secret_ballot else action.approve)


def test_the_golden_games_cover_the_events_a_game_usually_has() -> None:
    """(A placement by hand and a failed vote are in tests/play and test_democratic.py.)"""
    kinds = {e.kind for *_, events in STEPS for e in events}
    assert {
        "mode-started", "game-over", "need-discovered", "task-finished", "invited",
        "invitation-accepted", "vote-passed", "task-started", "joined", "left",
        "arrived", "event-fired", "card-revealed", "passed", "board-proposed",
        "vote-called", "vote-cast", "declared", "stayed", "sat-out", "round-started",
        "pit-stop", "turn-moved", "phase-entered", "introductions-set", "mode-chosen",
        "deliberated",
    } <= kinds


def test_the_facilitator_naming_a_holder_and_ending_early_are_events() -> None:
    before = next(b for b, *_ in STEPS if b.public.round == 2)
    named = next(a for a in facilitator_actions(before) if isinstance(a, NameHolder))
    events = step(before, named).events
    card = before.seats[named.seat].hand[named.slot]
    assert events[0] == ev.CardRevealed(named.seat, named.slot, card.domain, card.level)
    assert isinstance(events[1], ev.HolderNamed)
    assert events[1].seat == named.seat and events[1].domain == card.domain
    ended = step(before, EndGame())
    assert ev.GameOver(ended.state.public.won, ended_early_in=2) in ended.events


@pytest.mark.usefixtures("in_english")
def test_every_logged_line_reads_as_the_golden_english() -> None:
    for case in CASES:
        document = json.loads(path_of(case.name).read_text(encoding="utf-8"))
        scenario = load_scenario(case.scenario)
        state = new_game(scenario, case.config(scenario))
        for data in document["actions"]:
            state = apply(state, action_from_dict(data))
        lines = [f"{e.round} {e.kind}: {log_text(e)}" for e in state.public.log]
        assert lines == document["log"]


@pytest.mark.parametrize(
    ("event", "english"),
    [
        (ev.ModeStarted(1, "hybrid"), "Round 1: Mixed."),
        (ev.ModeStarted(2, "democratic"), "Round 2: Plenary."),
        (ev.ModeStarted(3, "self-selection"), "Round 3: Pick your own."),
        (ev.GameOver(True), "The partnership reached its target."),
        (ev.GameOver(False), "The partnership did not reach its target."),
        (ev.GameOver(False, 2),
         "The partnership did not reach its target (ended early in round 2)."),
        (ev.NeedDiscovered("sv", "Screening Vans", ("a", "b"), ("Patients", "Policy"), "plenary"),
         "Screening Vans: the plenary found a need (Patients, Policy)."),
        (ev.NeedDiscovered("dp", "Data Platform", ("n",), ("Nursing",), "team"),
         "Data Platform: the team found a need (Nursing)."),
        (ev.TaskFinished("sv", "Screening Vans", 1 / 3, 15 / 9),
         "Screening Vans finished: quality 33%, impact 1.7."),
        (ev.Invited(2, "P3", "sv", "Screening Vans"), "The group invited P3 onto Screening Vans."),
        (ev.InvitationDeclined(2, "P3", "sv", "Screening Vans"),
         "P3 declined the invitation to Screening Vans."),
        (ev.InvitationAccepted(2, "P3", "sv", "Screening Vans"),
         "P3 accepted and joined Screening Vans."),
        (ev.VotePassed(3, 4), "The allocation passed, 3 of 4 for."),
        (ev.VoteFailed(2, 4), "The allocation failed, 2 of 4 for."),
        (ev.MostSupportedStands(),
         "After the last failed vote, the most supported allocation stands."),
        (ev.TaskStarted(0, "P1", "sv", "Screening Vans"), "P1 started Screening Vans."),
        (ev.Joined(1, "P2", "sv", "Screening Vans"), "P2 joined Screening Vans."),
        (ev.TurnedAway(1, "P2", "sv", "Screening Vans"), "P2 was turned away from Screening Vans."),
        (ev.Left(1, "P2", "burned out"), "P2 (burned out) left seat 2."),
        (ev.Arrived(1, "Quentin", "civil", "Civil society"),
         "Quentin (Civil society) arrived in seat 2."),
        (ev.KnowledgeWalkedOut(4, "P5", "sv", "Vans", ("r", "h"), ("Radiology", "Health")),
         "Vans: what only P5 knew (Radiology, Health) left with them."),
        (ev.Handover("sv", "Vans", 0.1), "Vans lost 10% of its progress in the handover."),
        (ev.EventFired("news", "News", "Something happened."), "News: Something happened."),
        (ev.HolderNamed(2, "P3", "data", "Data"),
         "The facilitator named P3 as a holder of Data."),
    ],
)
@pytest.mark.usefixtures("in_english")
def test_each_logged_event_in_english(event: ev.Event, english: str) -> None:
    assert event.logged
    assert event_text(event) == english
    assert log_text(LogEntry(1, event)) == english


def test_events_the_log_does_not_keep_have_no_line() -> None:
    assert event_text(ev.VoteCast(0, True)) is None
    assert not ev.VoteCast(0, True).logged


@pytest.mark.usefixtures("in_english")  # present's words match the engine's own English
def test_a_refusal_carries_a_code_and_arguments_and_keeps_its_message() -> None:
    before, *_ = STEPS[0]
    with pytest.raises(IllegalAction) as refused:
        apply(before, Continue())
    error = refused.value
    assert error.code == "wrong-phase"
    assert error.arguments == {"action": "Continue", "phase": before.public.phase.value}
    assert str(error) == f"Continue is not possible during {before.public.phase.value}."
    assert refusal_text(error.code, error.arguments) == str(error)


def test_the_pit_stop_comes_with_each_teams_work_of_the_round() -> None:
    """What the pit stop shows as "this round added" comes as ``Worked`` Events: one per task
    a team worked on, adding up to the round's progress, just before the pit stop."""
    seen = 0
    for before, _action, after, events in STEPS:
        worked = [e for e in events if isinstance(e, ev.Worked)]
        if not any(isinstance(e, ev.PitStop) for e in events):
            assert not worked
            continue
        teams = {t.id for t in before.public.tasks if t.status == "open" and t.members}
        assert {w.task for w in worked} == teams
        now = {t.id: t for t in after.public.tasks}
        for w in worked:
            was = next(t for t in before.public.tasks if t.id == w.task)
            assert w.gained == pytest.approx(now[w.task].progress - was.progress)
            assert w.members == was.members and w.gained >= 0
        kinds = [e.kind for e in events]
        if worked:  # the work is told before the pit stop that shows it
            assert kinds.index("pit-stop") > len(kinds) - 1 - kinds[::-1].index("worked")
        seen += bool(worked)
    assert seen >= 8  # the golden games' pit stops had teams at work
