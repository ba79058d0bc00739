"""The start of a round (GAME.md, "A round, in order", steps 1–2, and "Carry-over"): comings
and goings, burn-out, leads leaving, scenario events, open tasks and private hours."""

from __future__ import annotations

import pytest

from consortium.engine.actions import (
    CallVote,
    ChooseMode,
    Continue,
    Deliberate,
    Initiate,
    Join,
    ProposeBoard,
    Reveal,
    SetIntroductions,
    SitOut,
    Stay,
)
from consortium.engine.deal import newcomer
from consortium.engine.events import Arrived, EventFired, Left
from consortium.engine.game import apply, legal_actions
from consortium.engine.metrics import game_metrics
from consortium.engine.ops import set_task
from consortium.engine.scenario import Effect, EventSpec, Rules, rules_version_1
from consortium.engine.state import Departure, GameState, Mode, Phase
from tests.engine.builders import (
    TEST_RULES,
    card,
    everyone,
    in_turn,
    on_task,
    paused,
    play,
    shown,
    task,
    votes,
    with_hands,
    with_motivation,
)

SV, DP = "screening-vans", "data-platform"
HANDS = (
    (card("oncology", 2), card("imaging"), card("data")),
    (card("regional"), card("policy", 2), card("procurement")),
    (card("data"), card("oncology"), card("imaging", 2)),
    (card("finance"), card("medtech"), card("reimbursement")),
)


def self_selection(state: GameState) -> GameState:
    return apply(state, ChooseMode(Mode.SELF_SELECTION))


def all_sit_out(state: GameState) -> GameState:
    state = everyone(self_selection(state), SitOut)
    assert state.phase is Phase.PIT_STOP
    return state


# --- comings and goings --------------------------------------------------------------------


def test_a_burned_out_participant_leaves_and_a_newcomer_takes_the_seat_from_scratch() -> None:
    state = self_selection(with_hands(paused(), *HANDS))
    state = in_turn(state, {0: Initiate(0, SV, 0), 1: Join(1, SV, 0), 2: SitOut(2), 3: SitOut(3)})
    assert state.public.familiarity[0][1] == 1
    state = apply(with_motivation(state, 1, 0), Continue())

    scenario = state.ctx.scenario
    arrival = newcomer(scenario, state.hidden.streams.newcomers, 0, 8, 3)  # envelope no. 1
    sector = scenario.sector(arrival.sector).name
    public = state.public
    seat = public.participants[1]
    assert (seat.name, seat.sector, seat.arrived_round) == (arrival.name, arrival.sector, 2)
    assert seat.public_cards == (None, None, None)
    assert seat.task is None
    assert public.familiarity[1] == (0, 0, 0, 0)
    assert [row[1] for row in public.familiarity] == [0, 0, 0, 0]
    assert public.newcomers == (1,)
    private = state.seats[1]
    assert (private.hand, private.capacity, private.motivation) == (
        arrival.hand, arrival.capacity, 3
    )
    assert private.notice == f"You are now {arrival.name}, {sector}; your old hand is gone."
    assert [state.seats[s].notice for s in (0, 2, 3)] == [None, None, None]
    # the screen says who left and who arrived, never what they hold
    happened = [e.event for e in public.log if e.round == 2]
    assert Left(1, "P2", "burned out") in happened
    assert Arrived(1, arrival.name, arrival.sector, sector) in happened
    assert public.task(SV).members == (0,)
    assert public.task(SV).lead == 0

    state = everyone(self_selection(state), lambda s: Stay(s) if s == 0 else SitOut(s))
    assert state.hidden.ledger[-1].departures == (Departure(2, 1, "P2", "burned out"),)
    pit = state.public.pit_stops[-1]
    assert (pit.departures, pit.arrivals) == (1, 1)
    assert (game_metrics(state).burned_out, game_metrics(state).moved_on) == (1, 0)


def test_with_turnover_one_everyone_moves_on_from_round_two_burn_out_comes_first() -> None:
    state = paused(turnover=1.0)
    assert [p.name for p in state.public.participants] == ["P1", "P2", "P3", "P4"]
    state = all_sit_out(state)
    state = apply(with_motivation(state, 3, 0), Continue())
    streams = state.hidden.streams
    expected = [newcomer(state.ctx.scenario, streams.newcomers, k, 8, 3).name for k in range(4)]
    assert [p.name for p in state.public.participants] == expected
    assert [d.reason for d in state.hidden.departures] == ["moved on"] * 3 + ["burned out"]
    assert state.public.newcomers == (0, 1, 2, 3)
    assert state.hidden.arrivals == 4


def test_when_the_lead_leaves_the_longest_serving_member_leads_and_an_empty_task_reopens() -> None:
    state = with_hands(paused(), *HANDS)
    # screening-vans: seat 0 leads, seat 3 joined before seat 1; data-platform: seat 2 alone
    for seat, task_id, lead in ((0, SV, True), (3, SV, False), (1, SV, False), (2, DP, True)):
        state = on_task(state, seat, task_id, lead=lead)
    state = everyone(self_selection(state), Stay)
    progress = state.public.task(DP).progress
    assert progress == pytest.approx(8 * 1.5)  # seat 2 alone, data 1
    state = with_motivation(with_motivation(state, 0, 0), 2, 0)
    state = apply(state, Continue())

    sv = state.public.task(SV)
    assert (sv.lead, sv.members) == (3, (3, 1))
    dp = state.public.task(DP)
    assert (dp.lead, dp.members, dp.status) == (None, (), "open")
    assert dp.progress == pytest.approx(progress)
    state = self_selection(state)
    assert state.public.actor == 1
    assert any(a.task == DP for a in legal_actions(state, 1) if isinstance(a, Initiate))


def test_a_leaving_lead_of_a_team_placed_together_passes_to_the_lowest_seat() -> None:
    state = with_hands(paused(), *HANDS)
    state = play(state, ChooseMode(Mode.DEMOCRATIC), SetIntroductions(1))
    state = everyone(state, lambda s: Reveal(s, 0 if s != 2 else 1))  # seat 2 shows oncology 1
    state = shown(state, 2, 2)  # and imaging 2, which screening-vans does not need
    state = play(state, Deliberate(None), ProposeBoard((DP, SV, SV, SV)), CallVote())
    state = votes(state, True, True, True, True)
    # seat 1 shows regional 1, seat 2 oncology 1: a tie in public fit goes to the lower seat
    assert state.public.task(SV).lead == 1
    state = apply(with_motivation(state, 1, 0), Continue())
    assert state.public.task(SV).members == (2, 3)
    assert state.public.task(SV).lead == 2  # placed together with seat 3: the lower seat


# --- events --------------------------------------------------------------------------------

QUICK = (task("quick", ("oncology",), effort=10), task("slow", ("regional",), effort=200))


def _event(effect: Effect, round_no: int = 1) -> tuple[EventSpec, ...]:
    return (EventSpec("news", "News", "Something happened.", effect, round=round_no),)


@pytest.mark.parametrize(
    ("rounds", "finish_in", "impact"), [(1, 1, 30), (1, 2, 15), (None, 2, 30)]
)
def test_a_task_value_event_scales_the_impact_while_it_lasts(
    rounds: int | None, finish_in: int, impact: float
) -> None:
    effect = Effect("task_value", task="quick", factor=2.0, rounds=rounds)
    state = with_hands(paused(1, tasks=QUICK, events=_event(effect)), HANDS[0])
    assert [e.event for e in state.public.log if e.kind == "event"] == [
        EventFired("news", "News", "Something happened.")
    ]
    if finish_in == 2:
        state = apply(all_sit_out(state), Continue())
    state = play(self_selection(state), Initiate(0, "quick", 0))  # 8 · 2.0 = 16 ≥ 10
    assert state.public.task("quick").status == "finished"
    assert state.public.task("quick").impact == pytest.approx(impact)


def _hours(events: tuple[EventSpec, ...]) -> tuple[list[float], list[float]]:
    """Everyone's hours in rounds 2 and 3 of a game where everyone sits out."""
    state = apply(all_sit_out(paused(events=events, hours=None)), Continue())
    second = [s.hours for s in state.seats]
    state = apply(all_sit_out(state), Continue())
    return second, [s.hours for s in state.seats]


def test_a_capacity_event_shifts_everyones_hours_that_round_never_below_zero() -> None:
    plain = _hours(())
    fewer = _hours(_event(Effect("capacity", delta=-2), round_no=2))
    assert fewer[0] == [h - 2 for h in plain[0]]  # the same private draws, two hours fewer
    assert fewer[1] == plain[1]  # only that round
    assert _hours(_event(Effect("capacity", delta=-20), round_no=2))[0] == [0] * 4


def test_a_replace_event_replaces_someone_of_the_named_sector() -> None:
    events = _event(Effect("replace", sector="government"), round_no=2)
    state = apply(all_sit_out(paused(events=events)), Continue())
    people = state.public.participants
    # seat 1 is the only government participant; newcomer no. 1 takes the seat
    arrival = newcomer(state.ctx.scenario, state.hidden.streams.newcomers, 0, 8, 3)
    assert [p.name for p in people] == ["P1", arrival.name, "P3", "P4"]
    assert state.hidden.departures == (Departure(2, 1, "P2", "replaced"),)
    assert state.public.newcomers == (1,)
    assert state.seats[1].hand == arrival.hand
    assert state.seats[1].notice is not None


def test_an_add_task_event_puts_its_task_first_among_those_not_yet_open() -> None:
    tasks = (
        task("a", ("oncology",), effort=4),
        task("b", ("regional",)),
        task("c", ("data",)),
    )
    extra = task("x", ("policy",), ("nursing",))
    events = _event(Effect("add_task", new_task=extra), round_no=2)
    state = paused(2, tasks=tasks, events=events, rules=Rules(open_tasks=2))
    state = with_hands(state, HANDS[0], HANDS[1])
    assert [(t.id, t.status) for t in state.public.tasks] == [
        ("a", "open"), ("b", "open"), ("c", "queued")
    ]
    state = in_turn(self_selection(state), {0: Initiate(0, "a", 0), 1: SitOut(1)})
    assert state.public.task("a").status == "finished"
    state = apply(state, Continue())
    assert [(t.id, t.status) for t in state.public.tasks] == [
        ("a", "finished"), ("b", "open"), ("x", "open"), ("c", "queued")
    ]
    x = state.public.task("x")
    assert (x.visible, x.hidden_count, x.discovered) == (("policy",), 1, ())


# --- open tasks ----------------------------------------------------------------------------


def test_at_most_open_tasks_are_open_and_finished_slots_refill_in_queue_order() -> None:
    state = with_hands(paused(), *HANDS)
    opened = [t.id for t in state.public.open_tasks]
    assert len(opened) == 6
    assert [t.status for t in state.public.tasks[6:]] == ["queued", "queued"]
    state = set_task(set_task(state, SV, progress=29.5), DP, progress=29.5)
    state = in_turn(
        self_selection(state),
        {0: Initiate(0, SV, 0), 1: Initiate(1, DP, 1), 2: SitOut(2), 3: SitOut(3)},
    )
    assert [t.id for t in state.public.tasks if t.status == "finished"] == [SV, DP]
    state = apply(state, Continue())
    refilled = [t.id for t in state.public.open_tasks]
    assert refilled == [*opened[2:], "gp-referrals", "imaging-network"]


# --- private hours -------------------------------------------------------------------------


def test_hours_are_the_dealt_capacity_shifted_by_up_to_the_hours_swing_either_way() -> None:
    capacities, shifts = set(), set()
    for seed in range(1, 41):
        state = paused(seed=seed, hours=None)
        for private in state.seats:
            capacities.add(private.capacity)
            shifts.add(private.hours - private.capacity)
    assert capacities == {6, 7, 8, 9, 10}  # capacity 8 ± capacity_spread 2
    assert shifts == {-3, -2, -1, 0, 1, 2, 3}  # rules v3: hours_swing 3, every whole number


def test_rules_version_1_shifts_hours_by_minus_two_zero_or_plus_two() -> None:
    shifts = set()
    for seed in range(1, 41):
        state = paused(seed=seed, hours=None, rules=rules_version_1(TEST_RULES))
        shifts |= {private.hours - private.capacity for private in state.seats}
    assert shifts == {-2, 0, 2}


def test_low_motivation_halves_the_hours() -> None:
    state = all_sit_out(paused(hours=None))
    normal = apply(state, Continue())
    low = apply(with_motivation(with_motivation(state, 0, 1), 1, 2), Continue())
    assert low.seats[0].hours == normal.seats[0].hours / 2  # at low_motivation (1)
    assert low.seats[1].hours == normal.seats[1].hours  # 2 is above it
    assert [low.seats[s].hours for s in (2, 3)] == [normal.seats[s].hours for s in (2, 3)]
