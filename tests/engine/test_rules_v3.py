"""Rules v3 (GAME.md, look for "v3"), each rule turned on alone over the crafted-state rules
of tests/engine/builders.py (where v3's costs are off): onboarding, knowledge walking out,
handover loss, plenary time that grows with the plenary, the familiarity floor, crowding,
talk yield, the alignophilia ratio, concentration, perspectives at risk and per finished
task, and the bots that know their own hours, herd and self-select-herd.

Screening-vans needs oncology, regional and (hidden) patients, effort 30, value 15.
"""

from __future__ import annotations

import attrs
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
    Vote,
)
from consortium.engine.bots import POLICIES, choose_group, choose_seat, herd_proposal
from consortium.engine.events import KnowledgeWalkedOut
from consortium.engine.game import apply, legal_actions
from consortium.engine.metrics import game_metrics
from consortium.engine.ops import make_public
from consortium.engine.rng import DerivedDraws
from consortium.engine.scenario import Rules
from consortium.engine.simulate import bot_config, play_bot_game
from consortium.engine.state import GameState, Mode, Phase, TimeBudget
from consortium.engine.views import player_view
from tests.engine.builders import (
    TEST_RULES,
    card,
    everyone,
    in_turn,
    on_task,
    paused,
    scenario,
    seat_record,
    task,
    with_familiarity,
    with_hands,
    with_hours,
    with_motivation,
)

SV, DP, CP = "screening-vans", "data-platform", "care-pathway"
STRANGERS = (
    (card("oncology", 2), card("imaging"), card("data")),  # technical
    (card("regional"), card("policy"), card("procurement")),  # institutional
    (card("patients"), card("nursing"), card("primary-care")),  # social
    (card("finance"), card("medtech"), card("reimbursement")),  # economic
)


def rules(**changes: object) -> Rules:
    return attrs.evolve(TEST_RULES, **changes)


def work(state: GameState) -> GameState:
    """A self-selection round: everyone on a task stays, the rest sit out."""
    state = apply(state, ChooseMode(Mode.SELF_SELECTION))
    state = everyone(state, lambda s: Stay(s) if state.public.participants[s].task else SitOut(s))
    assert state.phase is Phase.PIT_STOP
    return state


def team(state: GameState, task_id: str, *seats: int) -> GameState:
    for i, seat in enumerate(seats):
        state = on_task(state, seat, task_id, lead=i == 0)
    return state


def burn_out(state: GameState, seat: int) -> GameState:
    """End the round's pit stop with ``seat`` burned out, so it leaves at the next round."""
    return apply(with_motivation(state, seat, 0), Continue())


# --- comings and goings cost something -----------------------------------------------------


def test_a_newcomer_works_their_first_round_at_the_onboarding_factor_round_one_does_not() -> None:
    state = paused(rules=rules(onboarding_factor=0.5), hours=None)
    assert state.public.newcomers == (0, 1, 2, 3)  # everyone is new in round 1 ...
    plain = paused(rules=rules(onboarding_factor=1.0), hours=None)
    assert [s.hours for s in plain.seats] == [s.hours for s in state.seats]  # ... not onboarding

    state = burn_out(work(state), 1)
    same = burn_out(work(plain), 1)
    assert state.public.newcomers == (1,)
    assert state.seats[1].hours == same.seats[1].hours * 0.5  # the newcomer: halved
    assert [state.seats[s].hours for s in (0, 2, 3)] == [same.seats[s].hours for s in (0, 2, 3)]


def test_what_only_the_leaver_knew_on_the_team_walks_out_discovered_needs_stay() -> None:
    hands = (
        (card("oncology"), card("patients"), card("data")),  # leaves: oncology, patients
        (card("regional"), card("oncology"), card("procurement")),  # keeps oncology covered
        *STRANGERS[2:],
    )
    tasks = (task(SV, ("oncology", "regional"), ("patients",), effort=200),)
    state = with_hands(paused(rules=rules(knowledge_walks_out=True), tasks=tasks), *hands)
    state = work(team(state, SV, 1, 0))
    before = state.public.task(SV)
    assert set(before.covered) == {"oncology", "regional", "patients"}
    assert "patients" in before.discovered
    state = burn_out(state, 0)
    after = state.public.task(SV)
    assert set(after.covered) == {"oncology", "regional"}  # patients walked out
    assert "patients" in after.discovered  # still known to be needed
    assert after.progress == before.progress  # a member, not the lead: no handover
    assert any(
        isinstance(e.event, KnowledgeWalkedOut) and e.event.domains == ("patients",)
        for e in state.public.log
    )


def test_knowledge_walks_out_can_be_switched_off() -> None:
    hands = ((card("oncology"), card("patients"), card("data")), *STRANGERS[1:])
    tasks = (task(SV, ("oncology", "regional"), ("patients",), effort=200),)
    state = with_hands(paused(tasks=tasks), *hands)  # TEST_RULES: off
    state = burn_out(work(team(state, SV, 1, 0)), 0)
    assert "patients" in state.public.task(SV).covered


def test_a_task_whose_lead_leaves_loses_the_handover_share_of_its_progress() -> None:
    tasks = (task(SV, ("oncology", "regional"), ("patients",), effort=200),)
    state = with_hands(paused(rules=rules(handover_loss=0.1), tasks=tasks), *STRANGERS)
    state = work(team(state, SV, 0, 1))
    progress = state.public.task(SV).progress
    left_member = burn_out(state, 1).public.task(SV)
    assert left_member.progress == progress  # a member leaving hands nothing over
    left_lead = burn_out(state, 0).public.task(SV)
    assert left_lead.progress == pytest.approx(progress * 0.9)
    assert left_lead.lead == 1


# --- plenary time grows with the plenary ----------------------------------------------------


@pytest.mark.parametrize(("seats", "hours"), [(3, 0.5), (6, 1.0), (8, 80 / 60)])
def test_an_introduction_costs_ten_minutes_per_participant(seats: int, hours: float) -> None:
    state = paused(seats, rules=rules(intro_minutes_per_speaker=10))
    state = apply(apply(state, ChooseMode(Mode.DEMOCRATIC)), SetIntroductions(1))
    assert [s.spent.intro for s in state.seats] == pytest.approx([hours] * seats)


@pytest.mark.parametrize(("seats", "hours"), [(3, 1.0), (6, 1.0), (8, 80 / 60)])
def test_a_deliberation_costs_ten_minutes_per_member_at_least_an_hour(
    seats: int, hours: float
) -> None:
    state = paused(seats, rules=rules(deliberation_minutes_per_member=10))
    state = apply(apply(state, ChooseMode(Mode.DEMOCRATIC)), SetIntroductions(0))
    state = apply(state, Deliberate(None))
    assert [s.spent.talk for s in state.seats] == pytest.approx([hours] * seats)


# --- working together ------------------------------------------------------------------------


def test_familiarity_never_cuts_overhead_below_the_floor() -> None:
    state = with_familiarity(with_hands(paused(2, rules=rules(familiarity_floor=0.25)),
                                        *STRANGERS[:2]), 3)
    state = work(team(state, SV, 0, 1))
    # 1.5 · (1 − 0) · (1 − 0.75 · 3/3) = 0.375 each, where the floor 0 would give 0
    assert seat_record(state, 0).time.overhead == pytest.approx(0.375)


def test_members_beyond_the_useful_team_size_pay_crowding_hours() -> None:
    # screening-vans: 3 requirements, so a useful team of 4; the fifth and sixth crowd it
    hands = (*STRANGERS, (card("oncology"),), (card("regional"),))
    state = with_hands(paused(6, rules=rules(crowding_cost=0.5), hours=20), *hands)
    state = work(team(state, SV, 0, 1, 2, 3, 4, 5))
    record = seat_record(state, 0)
    assert record.time.crowding == pytest.approx(0.5 * 2)  # two beyond the crew
    # four strangers (seat 4 shares oncology with seat 0, so no overhead there) + crowding
    assert record.time.overhead == pytest.approx(1.5 * 4 + 1.0)
    metrics = game_metrics(state)
    assert metrics.crowding_hours == pytest.approx(6 * 1.0)
    assert metrics.jointholism_index == pytest.approx(6.0 / (6 * 20))  # counted as joint
    assert state.public.pit_stops[-1].time.crowding == pytest.approx(6.0)


def test_a_task_sets_its_own_useful_team_size() -> None:
    tasks = (attrs.evolve(task(SV, ("oncology", "regional"), ("patients",)), crew=2),)
    state = with_hands(paused(3, tasks=tasks, rules=rules(crowding_cost=0.5)), *STRANGERS[:3])
    state = work(team(state, SV, 0, 1, 2))
    assert seat_record(state, 2).time.crowding == pytest.approx(0.5)


# --- the debrief's new figures -------------------------------------------------------------


def test_talk_yield_counts_needs_the_plenary_found_and_shown_cards_put_to_use() -> None:
    # seat 0 shows patients in the introduction: the plenary finds screening-vans' hidden
    # need; then seat 0 is placed there and covers it (a shown card put to use)
    hands = ((card("patients", 3), card("finance"), card("medtech")), *STRANGERS[1:])
    state = with_hands(paused(), *hands)
    state = apply(apply(state, ChooseMode(Mode.DEMOCRATIC)), SetIntroductions(1))
    # seat 2 shows patients too (the same need, found once); procurement and finance are no
    # open task's hidden need
    state = in_turn(state, {0: Reveal(0, 0), 1: Reveal(1, 2), 2: Reveal(2, 0), 3: Reveal(3, 0)})
    state = apply(state, Deliberate(None))
    assert "patients" in state.public.task(SV).discovered
    state = apply(state, ProposeBoard((SV, SV, DP, DP)))
    state = apply(state, CallVote())
    state = in_turn(state, {s: Vote(s, True) for s in range(4)})
    record = state.hidden.ledger[-1]
    assert record.meeting_finds == 1
    assert record.reveals_paid == 1  # patients covered by the card shown in the meeting
    metrics = game_metrics(state)
    assert metrics.talk_yield == pytest.approx(2 / metrics.meeting_hours)


def test_no_meetings_no_talk_yield() -> None:
    state = work(team(with_hands(paused(), *STRANGERS), SV, 0, 1))
    assert game_metrics(state).talk_yield is None


def test_the_alignophilia_ratio_says_how_many_times_as_alike_as_random_teams() -> None:
    hands = (
        (card("oncology"), card("imaging"), card("data")),
        (card("oncology"), card("medtech"), card("finance")),  # shares oncology with seat 0
        (card("regional"), card("policy"), card("procurement")),
        (card("regional"), card("patients"), card("nursing")),  # shares regional with seat 2
    )
    state = work(team(team(with_hands(paused(), *hands), SV, 0, 1), DP, 2, 3))
    metrics = game_metrics(state)
    # teammates: sim 1 and 1; all pairs on teams: 1, 1 and four pairs that share nothing
    # (seat 1's finance/medtech vs seat 3: none; imaging vs procurement: none ...)
    within, everyone_mean = 1.0, state.hidden.ledger[-1].team_likeness
    assert everyone_mean is not None
    assert metrics.alignophilia_ratio == pytest.approx(everyone_mean)
    assert metrics.alignophilia_ratio == pytest.approx(
        within / (within - metrics.alignophilia_index)  # type: ignore[operator]
    )
    assert metrics.alignophilia_ratio > 1


def test_one_team_with_most_of_the_working_hours_is_concentration() -> None:
    state = with_hands(paused(), *STRANGERS)
    spread = game_metrics(work(team(team(state, SV, 0, 1), DP, 2, 3)))
    assert spread.concentration == pytest.approx(0.5)
    assert not spread.concentration_flag
    herd = game_metrics(work(team(state, SV, 0, 1, 2, 3)))
    assert herd.concentration == pytest.approx(1.0)
    assert (herd.concentrated_rounds, herd.concentration_flag) == (1, True)


def test_at_risk_counts_worked_unfinished_tasks_and_lost_is_also_per_finished_task() -> None:
    tasks = (
        task(SV, ("oncology", "regional"), ("patients",), effort=10),  # finishes, 1 of 3 lost
        task(DP, ("data", "policy"), ("nursing",), effort=500),  # worked, not finished
        task(CP, ("nursing", "oncology"), ("reimbursement",)),  # never worked
        task("patient-panel", ("patients",)),
    )
    state = with_hands(paused(tasks=tasks), *STRANGERS)
    state = work(team(team(state, SV, 0, 1), DP, 3))
    metrics = game_metrics(state)
    assert metrics.finished_tasks == 1
    lost = metrics.lost_perspectives_present + metrics.lost_perspectives_absent
    assert lost == 1  # patients: seat 2 held it, sitting out
    assert metrics.lost_per_finished == pytest.approx(1.0)
    assert metrics.at_risk == 3  # data-platform: nothing covered; care-pathway not counted


# --- bots that know their own hours, and the herds -----------------------------------------


def _own_way_turn(state: GameState, seat: int, hours: float) -> GameState:
    state = with_hours(state, hours, seats=[seat])
    state = apply(state, ChooseMode(Mode.SELF_SELECTION))
    while state.public.actor != seat:  # the seats before it stay on their teams or sit out
        actor = state.public.actor
        assert actor is not None
        on_a_team = state.public.participants[actor].task is not None
        state = apply(state, Stay(actor) if on_a_team else SitOut(actor))
    return state


def _bot_choice(state: GameState, policy: str) -> object:
    seat = state.public.actor
    assert seat is not None
    return choose_seat(player_view(state, seat), POLICIES[policy], DerivedDraws(1, state.step))


@pytest.mark.parametrize("policy", ["self-select", "self-select-fit", "balanced"])
def test_a_self_selector_with_too_few_hours_sits_out_and_one_with_few_never_leads(
    policy: str,
) -> None:
    state = with_hands(paused(rules=rules(min_useful_hours=2, lead_hours=4)), *STRANGERS)
    assert _bot_choice(_own_way_turn(state, 2, 1.5), policy) == SitOut(2)
    few = _bot_choice(_own_way_turn(state, 2, 3), policy)
    assert not isinstance(few, Initiate)  # nobody leads a task yet, so it cannot join either
    assert few == SitOut(2)
    plenty = _bot_choice(_own_way_turn(state, 2, 8), policy)
    assert isinstance(plenty, Initiate | Join)


def test_a_self_selector_short_of_lead_hours_joins_a_team_that_exists() -> None:
    state = with_hands(paused(rules=rules(min_useful_hours=2, lead_hours=4)), *STRANGERS)
    state = on_task(state, 0, "patient-panel", lead=True)
    choice = _bot_choice(_own_way_turn(state, 2, 3), "self-select-fit")
    assert choice == Join(2, "patient-panel", 0)


def test_the_herd_places_everyone_on_the_one_task_the_public_cards_match_best() -> None:
    state = with_hands(paused(), *STRANGERS)
    for seat in (0, 1, 3):  # oncology, regional, finance shown
        state = make_public(state, seat, 0)
    proposal = herd_proposal(state.public, [0, 1, 2, 3])
    assert proposal == dict.fromkeys(range(4), SV)  # oncology + regional: screening-vans


def test_the_herd_proposes_one_team_and_everyone_votes_for_it() -> None:
    state = with_hands(paused(), *STRANGERS)
    state = apply(apply(state, ChooseMode(Mode.DEMOCRATIC)), SetIntroductions(1))
    state = in_turn(state, {s: Reveal(s, 0) for s in range(4)})
    state = apply(state, Deliberate(None))
    herd = POLICIES["herd"]
    draws = DerivedDraws(1, state.step)
    proposal = choose_group(state.public, legal_actions(state, None), herd, draws)
    assert isinstance(proposal, ProposeBoard)
    assert len(set(proposal.placements)) == 1
    state = apply(apply(state, proposal), CallVote())
    assert _bot_choice(state, "herd") == Vote(state.public.actor, True)  # type: ignore[arg-type]


def test_self_select_herd_joins_the_largest_team_and_starts_one_only_when_none_exists() -> None:
    state = with_hands(paused(), *STRANGERS)
    alone = _own_way_turn(state, 2, 8)
    assert isinstance(_bot_choice(alone, "self-select-herd"), Initiate)
    state = on_task(on_task(on_task(state, 0, SV, lead=True), 1, SV), 3, DP, lead=True)
    joined = _bot_choice(_own_way_turn(state, 2, 8), "self-select-herd")
    assert joined == Join(2, SV, 0)


def test_the_herds_time_budget_still_adds_up() -> None:
    for policy in ("herd", "self-select-herd"):
        final = play_bot_game(scenario(rules=Rules()), bot_config(scenario(), policy, 3))
        for record in final.hidden.ledger:
            for seat in record.seats:
                assert seat.time.total == pytest.approx(seat.hours)
                assert 0 <= seat.time.crowding <= seat.time.overhead + 1e-9
        assert TimeBudget.sum_of(s.time for s in final.hidden.ledger[0].seats).total == (
            pytest.approx(sum(s.hours for s in final.hidden.ledger[0].seats))
        )
