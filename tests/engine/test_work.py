"""Work resolution and its record (GAME.md, "Carry-over and work resolution", "Motivation and
churn", "Debrief metrics"): overhead, fit, the same-language bonus, coverage, finishing,
lost and excluded perspectives, the time budget and the alignophilia index.

Teams are crafted (seated as if from an earlier round) and everyone Stays or sits out in a
self-selection round, so no meeting hours blur the arithmetic unless a test wants them.
Every seat has 8 hours. Screening-vans needs oncology, regional and (hidden) patients, effort
30, value 15; data-platform data, policy | nursing; care-pathway nursing, oncology |
reimbursement; procurement-pilot procurement, medtech | imaging.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations, permutations

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
from consortium.engine.events import NeedDiscovered, TaskFinished
from consortium.engine.frozen import evolve
from consortium.engine.game import apply
from consortium.engine.metrics import game_metrics
from consortium.engine.state import (
    Card,
    Excluded,
    GameState,
    Lost,
    Mode,
    Phase,
    RoundRecord,
    TimeBudget,
)
from tests.engine.builders import (
    DOMAINS,
    card,
    everyone,
    in_turn,
    on_task,
    paused,
    play,
    seat_record,
    task,
    votes,
    with_familiarity,
    with_hands,
    with_hours,
    with_motivation,
)

SV, DP, CP, PROC = "screening-vans", "data-platform", "care-pathway", "procurement-pilot"


def teams(state: GameState, *layout: tuple[str, Sequence[int]]) -> GameState:
    """Seat these teams (the first seat listed leads) as if formed in an earlier round."""
    for task_id, seats in layout:
        for i, seat in enumerate(seats):
            state = on_task(state, seat, task_id, lead=i == 0)
    return state


def work(state: GameState) -> GameState:
    """A self-selection round in which everyone on a task stays and the rest sit out."""
    state = apply(state, ChooseMode(Mode.SELF_SELECTION))
    state = everyone(
        state, lambda s: Stay(s) if state.public.participants[s].task else SitOut(s)
    )
    assert state.phase is Phase.PIT_STOP
    return state


# --- overhead, fit and the same-language bonus ---------------------------------------------


def test_strangers_from_different_families_pay_full_overhead() -> None:
    hands = (
        (card("oncology", 2), card("imaging"), card("data")),  # technical
        (card("regional"), card("policy"), card("procurement")),  # institutional
    )
    state = work(teams(with_hands(paused(2), *hands), (SV, (0, 1))))
    # overhead 1.5 · (1 − 0) · (1 − 0/3) = 1.5 each; work 6.5
    # progress 6.5 · (1 + 0.5 · 2) + 6.5 · (1 + 0.5 · 1) = 13 + 9.75
    assert seat_record(state, 0).time == TimeBudget(overhead=1.5, expert_work=6.5)
    assert seat_record(state, 0).progress == pytest.approx(13)
    assert seat_record(state, 1).progress == pytest.approx(9.75)
    assert state.public.task(SV).progress == pytest.approx(22.75)


def test_a_shared_family_and_some_familiarity_cut_the_overhead() -> None:
    hands = (
        (card("data"), card("patients"), card("nursing")),  # technical, social
        (card("policy"), card("imaging"), card("finance")),  # imaging: technical, like data
    )
    state = with_familiarity(with_hands(paused(2), *hands), 1)
    state = work(teams(state, (DP, (0, 1))))
    # overhead 1.5 · (1 − 0.5) · (1 − 1/3) = 0.5 each; work 7.5 at fit 1.5 each
    assert seat_record(state, 0).time == TimeBudget(overhead=0.5, expert_work=7.5)
    assert state.public.task(DP).progress == pytest.approx(22.5)


def test_the_same_language_bonus_needs_a_teammate_sharing_the_best_matching_domain() -> None:
    tasks = (task(SV, ("oncology", "regional"), ("patients",), effort=100),)
    hands = (
        (card("oncology", 2), card("imaging"), card("data")),
        (card("regional", 3), card("oncology"), card("finance")),
    )
    state = work(teams(with_hands(paused(2, tasks=tasks), *hands), (SV, (0, 1))))
    # a shared domain: no overhead. Seat 0's best card is oncology, which seat 1 also holds:
    # fit 2.0 + 0.25. Seat 1's best is regional 3, which seat 0 lacks: fit 2.5, no bonus.
    assert seat_record(state, 0).time.overhead == 0
    assert seat_record(state, 0).progress == pytest.approx(8 * 2.25)
    assert seat_record(state, 1).progress == pytest.approx(8 * 2.5)


def test_working_without_a_matching_card_is_mismatch_work_at_half_speed() -> None:
    hands = ((card("finance"), card("medtech"), card("reimbursement")),)
    state = work(teams(with_hands(paused(1), *hands), (SV, (0,))))
    assert seat_record(state, 0).time == TimeBudget(mismatch_work=8)
    assert state.public.task(SV).progress == pytest.approx(4)


def test_overhead_is_capped_at_the_hours_left() -> None:
    hands = (
        (card("oncology"), card("imaging"), card("data")),
        (card("regional"), card("policy"), card("procurement")),
    )
    state = with_hours(with_hands(paused(2), *hands), 1, seats=[0])
    state = work(teams(state, (SV, (0, 1))))
    assert seat_record(state, 0).time == TimeBudget(overhead=1)
    assert seat_record(state, 0).progress == 0


# --- coverage, discovery by the team, familiarity ------------------------------------------


def test_a_team_member_holding_a_hidden_need_discovers_and_covers_it() -> None:
    hands = (
        (card("data"), card("patients"), card("nursing")),
        (card("policy"), card("imaging"), card("finance")),
        (card("patients"), card("medtech"), card("finance")),  # not on a team: finds nothing
    )
    state = work(teams(with_hands(paused(3), *hands), (DP, (0, 1))))
    dp = state.public.task(DP)
    assert dp.discovered == ("nursing",)
    assert dp.covered == ("data", "policy", "nursing")
    assert NeedDiscovered(DP, "Data Platform", ("nursing",), ("Nursing",), "team") in [
        e.event for e in state.public.log
    ]
    assert state.public.task(SV).discovered == ()
    assert state.public.task(SV).covered == ()


def test_coverage_is_for_good_and_teammates_get_to_know_each_other() -> None:
    hands = (
        (card("oncology"), card("imaging"), card("data")),
        (card("regional"), card("policy"), card("procurement")),
        (card("finance"), card("medtech"), card("reimbursement")),
    )
    state = work(teams(with_hands(paused(3), *hands), (SV, (0, 1))))
    assert state.public.task(SV).covered == ("oncology", "regional")
    assert state.public.familiarity == ((0, 1, 0), (1, 0, 0), (0, 0, 0))
    # round 2: the regional holder leaves the team; what they covered stays covered
    state = apply(state, Continue())
    state = apply(state, ChooseMode(Mode.SELF_SELECTION))
    state = in_turn(state, {1: SitOut(1), 2: SitOut(2), 0: Stay(0)})
    assert state.public.task(SV).covered == ("oncology", "regional")
    assert state.public.familiarity == ((0, 1, 0), (1, 0, 0), (0, 0, 0))


# --- finishing: quality, impact, lost perspectives -----------------------------------------


def test_a_finished_task_with_a_present_and_an_absent_lost_perspective() -> None:
    hands = (
        (card("oncology", 3), card("imaging"), card("data")),
        (card("oncology", 2), card("medtech"), card("finance")),
        (card("regional", 2), card("policy"), card("procurement")),  # sits out
        (card("finance"), card("medtech"), card("reimbursement")),  # sits out
    )
    state = work(teams(with_hands(paused(), *hands), (SV, (0, 1))))
    # no overhead (shared oncology); fits 2.5 + 0.25 and 2.0 + 0.25: 8 · 2.75 + 8 · 2.25 = 40
    sv = state.public.task(SV)
    assert (sv.status, sv.finished_round) == ("finished", 1)
    assert sv.progress == pytest.approx(40)  # the surplus over 30 is shown
    assert sv.quality == pytest.approx(1 / 3)  # oncology of oncology, regional, patients
    assert sv.impact == pytest.approx(15 / 9)  # 15 · (1/3)²
    assert state.public.impact == pytest.approx(15 / 9)
    finished = [e.event for e in state.public.log if e.kind == "finished"]
    assert finished == [TaskFinished(SV, "Screening Vans", sv.quality, sv.impact)]

    assert state.hidden.ledger[-1].lost == (
        Lost(1, SV, "regional", True, ((2, "P3"),)),
        Lost(1, SV, "patients", False, ()),
    )
    pit = state.public.pit_stops[-1]
    assert (pit.finished, pit.lost_present, pit.lost_absent) == ((SV,), 1, 1)
    assert pit.impact_this_round == pytest.approx(15 / 9)
    metrics = game_metrics(state)
    assert (metrics.lost_perspectives_present, metrics.lost_perspectives_absent) == (1, 1)
    # quality 1/3 is below 2/3: no pride for the team; the two who sat out gain one
    assert [s.motivation for s in state.seats] == [3, 3, 4, 4]


def test_finishing_with_quality_two_thirds_raises_the_teams_motivation() -> None:
    hands = (
        (card("oncology", 3), card("imaging"), card("data")),
        (card("regional", 3), card("oncology"), card("finance")),
    )
    state = work(teams(with_hands(paused(2), *hands), (SV, (0, 1))))
    sv = state.public.task(SV)
    assert sv.progress == pytest.approx(8 * 2.75 + 8 * 2.5)
    assert sv.quality == pytest.approx(2 / 3)
    assert sv.impact == pytest.approx(15 * 4 / 9)
    assert [s.motivation for s in state.seats] == [4, 4]


def test_a_finished_tasks_slot_is_refilled_at_the_next_round_start() -> None:
    hands = (
        (card("oncology", 3), card("imaging"), card("data")),
        (card("oncology", 2), card("medtech"), card("finance")),
    )
    state = teams(with_hands(paused(2), *hands), (SV, (0, 1)))
    public = state.public
    assert [t.id for t in public.tasks if t.status == "open"] == [
        SV, DP, CP, "patient-panel", PROC, "funding-model"
    ]
    state = apply(work(state), Continue())
    open_ids = [t.id for t in state.public.tasks if t.status == "open"]
    assert open_ids == [DP, CP, "patient-panel", PROC, "funding-model", "gp-referrals"]
    assert state.public.task("imaging-network").status == "queued"


# --- motivation ----------------------------------------------------------------------------


def test_meetings_taking_half_the_hours_cost_one_motivation() -> None:
    hands = (
        (card("oncology"), card("imaging"), card("data")),
        (card("regional"), card("policy"), card("procurement")),
        (card("data"), card("oncology"), card("imaging")),
        (card("finance"), card("medtech"), card("reimbursement")),
    )
    state = with_hours(with_hands(paused(), *hands), 9, seats=[1])
    state = play(
        state,
        ChooseMode(Mode.DEMOCRATIC),
        SetIntroductions(0),
        Deliberate(12),  # 4 hours each: half of 8, less than half of 9
        ProposeBoard((SV, SV, DP, "funding-model")),
        CallVote(),
    )
    state = votes(state, True, True, True, True)
    assert [seat_record(state, s).time.meetings for s in range(4)] == [4, 4, 4, 4]
    assert [s.motivation for s in state.seats] == [2, 3, 2, 2]


def test_motivation_never_drops_below_zero() -> None:
    hands = (
        (card("oncology"), card("imaging"), card("data")),
        (card("finance"), card("medtech"), card("reimbursement")),
    )
    state = with_motivation(with_hands(paused(2), *hands), 1, 1)
    state = play(
        state,
        ChooseMode(Mode.DEMOCRATIC),
        SetIntroductions(0),
        Deliberate(12),
        ProposeBoard((SV, SV)),
        CallVote(),
    )
    state = votes(state, True, True)
    # seat 1 (at 1): no matching card and half the hours in meetings, −2, but 0 is the floor
    assert [s.motivation for s in state.seats] == [2, 0]


# --- the time budget -----------------------------------------------------------------------


def test_the_time_budget_adds_up_to_the_hours() -> None:
    hands = (
        (card("oncology", 2), card("imaging"), card("data")),  # technical
        (card("regional"), card("policy", 2), card("procurement")),  # institutional
        (card("data"), card("oncology"), card("imaging", 2)),  # technical
        (card("finance"), card("medtech"), card("reimbursement")),  # economic
    )
    state = with_hands(paused(), *hands)
    state = play(state, ChooseMode(Mode.DEMOCRATIC), SetIntroductions(1))
    state = everyone(state, lambda s: Reveal(s, 0))  # 1 hour each, familiarity 1
    state = play(state, Deliberate(None), ProposeBoard((SV, SV, DP, DP)), CallVote())  # 1 hour
    state = votes(state, True, True, False, False)  # fails: 1 hour
    state = votes(apply(state, CallVote()), True, True, True, True)

    # 3 meeting hours each, 5 left. Both teams pair strangers of different families met once:
    # overhead 1.5 · 1 · (1 − 1/3) = 1 each, 4 hours of work each. Seat 3 has no card for
    # data-platform: mismatch work.
    pit = state.public.pit_stops[-1]
    assert pit.time == TimeBudget(
        meetings=12, overhead=4, expert_work=12, mismatch_work=4, sitting_out=0
    )
    assert pit.hours == 32
    assert pit.time.total == pit.hours
    for seat in range(4):
        record = seat_record(state, seat)
        assert record.time.total == record.hours == 8
    # progress: 4 · 2.0 + 4 · 1.5 on screening-vans, 4 · 1.5 + 4 · 0.5 on data-platform
    assert state.public.task(SV).progress == pytest.approx(14)
    assert state.public.task(DP).progress == pytest.approx(8)
    # value in progress: 15 · 14/30 · (2/3)² + 15 · 8/30 · (1/3)²
    assert pit.value_in_progress == pytest.approx(15 * 14 / 30 * 4 / 9 + 15 * 8 / 30 / 9)
    # at risk: uncovered requirements of open tasks: 1 + 2 + 3 + 2 + 3 + 3
    assert pit.at_risk == 14
    metrics = game_metrics(state)
    assert metrics.jointholism_index == pytest.approx(12 / 32)
    assert metrics.jointholism_flag is True
    assert metrics.mismatch_hours == 4
    assert metrics.meeting_hours == 12
    # early progress per hour: 22 units over 20 hours of work and overhead
    assert metrics.early_progress_per_hour == pytest.approx(22 / 20)
    # leads by best public fit: seat 0 shows oncology 2, seat 2 shows data
    assert (state.public.task(SV).lead, state.public.task(DP).lead) == (0, 2)
    assert [s.motivation for s in state.seats] == [3, 3, 3, 2]


# --- alignophilia --------------------------------------------------------------------------

FIVE = (
    (card("oncology"), card("imaging"), card("data")),
    (card("oncology", 2), card("patients"), card("nursing")),
    (card("regional"), card("policy"), card("procurement")),
    (card("reimbursement"), card("medtech"), card("finance")),
    (card("data", 2), card("finance", 2), card("policy", 2)),
)
FAMILY = {d: f for f, domains in DOMAINS.items() for d in domains}


def _sim(a: Sequence[Card], b: Sequence[Card]) -> float:
    if {c.domain for c in a} & {c.domain for c in b}:
        return 1.0
    if {FAMILY[c.domain] for c in a} & {FAMILY[c.domain] for c in b}:
        return 0.5
    return 0.0


def _pooled_within(groups: Sequence[Sequence[int]]) -> float:
    pairs = [(a, b) for g in groups for a, b in combinations(g, 2)]
    return sum(_sim(FIVE[a], FIVE[b]) for a, b in pairs) / len(pairs)


def _random_team_expectation(sizes: Sequence[int]) -> float:
    """The mean pooled teammate similarity over every assignment of the five to teams of
    these sizes (brute force)."""
    values = []
    for order in permutations(range(5)):
        groups, start = [], 0
        for size in sizes:
            groups.append(order[start : start + size])
            start += size
        values.append(_pooled_within(groups))
    return sum(values) / len(values)


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        # within: 0–1 share oncology (1), 0–2 and 1–2 nothing, 3–4 share finance (1): 2/4.
        # all ten pairs: 1 + 1 (0–4 data) + 0.5 (1–4 technical) + 1 (2–4) + 1 (3–4) = 4.5/10
        ([(SV, (0, 1, 2)), (DP, (3, 4))], 0.5 - 0.45),
        ([(SV, (0, 1)), (DP, (2, 4)), (CP, (3,))], 1.0 - 0.45),
    ],
)
def test_the_alignophilia_index_is_teammate_similarity_minus_its_random_team_expectation(
    layout: list[tuple[str, tuple[int, ...]]], expected: float
) -> None:
    state = work(teams(with_hands(paused(5), *FIVE), *layout))
    sizes = [len(seats) for _, seats in layout]
    brute = _pooled_within([seats for _, seats in layout]) - _random_team_expectation(sizes)
    assert brute == pytest.approx(expected)
    assert state.hidden.ledger[-1].alignophilia == pytest.approx(expected)
    assert state.public.pit_stops[-1].team_similarity == pytest.approx(expected)


def test_no_team_of_two_no_alignophilia_index() -> None:
    state = work(teams(with_hands(paused(5), *FIVE), (SV, (0,)), (DP, (4,))))
    assert state.hidden.ledger[-1].alignophilia is None
    assert state.public.pit_stops[-1].team_similarity is None
    assert game_metrics(state).alignophilia_index is None


# --- excluded perspectives -----------------------------------------------------------------


def test_holders_sitting_out_are_one_excluded_perspective_listing_them_all() -> None:
    hands = (
        (card("oncology"), card("imaging"), card("data")),
        (card("regional"), card("finance"), card("medtech")),
        (card("regional", 3), card("nursing"), card("reimbursement")),
    )
    state = work(teams(with_hands(paused(3), *hands), (SV, (0,))))
    assert state.hidden.ledger[-1].excluded == (
        Excluded(1, SV, "regional", ((1, "P2", "sitting out"), (2, "P3", "sitting out"))),
    )
    assert game_metrics(state).excluded_perspectives == 1


def test_a_holder_working_without_a_match_elsewhere_is_excluded_an_expert_is_not() -> None:
    hands = (
        (card("oncology", 2), card("imaging"), card("data")),  # expert on screening-vans
        (card("regional"), card("medtech"), card("finance")),  # no card for care-pathway
        (card("procurement", 2), card("policy"), card("primary-care")),
    )
    state = work(teams(with_hands(paused(3), *hands), (SV, (0,)), (CP, (1,)), (PROC, (2,))))
    # care-pathway misses oncology, held by seat 0, who is an expert elsewhere: not excluded.
    # procurement-pilot misses imaging (seat 0, same) and medtech (seat 1, mismatched).
    assert state.hidden.ledger[-1].excluded == (
        Excluded(1, SV, "regional", ((1, "P2", "mismatched"),)),
        Excluded(1, PROC, "medtech", ((1, "P2", "mismatched"),)),
    )


def test_a_holder_duplicating_a_domain_on_their_own_team_is_excluded() -> None:
    hands = (
        (card("oncology", 2), card("imaging"), card("data")),
        (card("data", 2), card("regional"), card("finance")),
        (card("data"), card("procurement"), card("medtech")),
    )
    state = work(teams(with_hands(paused(3), *hands), (SV, (0,)), (DP, (1, 2))))
    assert state.hidden.ledger[-1].excluded == (
        Excluded(1, SV, "regional", ((1, "P2", "duplicating"),)),
    )


def test_a_holder_turned_away_is_excluded() -> None:
    hands = (
        (card("oncology", 2), card("imaging"), card("data")),
        (card("regional"), card("policy"), card("finance")),
        (card("finance"), card("medtech"), card("reimbursement")),
    )
    state = apply(with_hands(paused(3), *hands), ChooseMode(Mode.SELF_SELECTION))
    state = in_turn(
        state,
        {
            0: Initiate(0, SV, 0, closed=True),
            1: [Join(1, SV, 0), Initiate(1, DP, 1)],  # regional turned away; leads data-platform
            2: SitOut(2),
        },
    )
    assert state.hidden.ledger[-1].excluded == (
        Excluded(1, SV, "regional", ((1, "P2", "turned away"),)),
    )


# --- the debrief's alignophilia flag -------------------------------------------------------


def _with_rounds(*rounds: tuple[float | None, bool]) -> GameState:
    """A game whose ledger holds rounds with these (alignophilia, excluded?) figures."""
    state = paused(2)
    some = (Excluded(1, SV, "regional", ((1, "P2", "sitting out"),)),)
    ledger = tuple(
        RoundRecord(i + 1, Mode.SELF_SELECTION, (), index, some if excluded else (), (), 0.0,
                    (), (), ())
        for i, (index, excluded) in enumerate(rounds)
    )
    return evolve(state, hidden=evolve(state.hidden, ledger=ledger))


@pytest.mark.parametrize(
    ("rounds", "flag"),
    [
        (((0.25, False), (0.3, True)), True),
        (((0.3, True), (0.25, False), (0.0, False)), True),
        (((0.3, False), (0.3, False)), False),  # similar teams, but nobody was excluded
        (((0.3, True), (0.2, True), (0.3, True)), False),  # never two rounds in a row
        (((0.3, True), (None, True), (0.3, True)), False),
    ],
)
def test_alignophilia_is_flagged_for_two_similar_rounds_in_a_row_with_an_exclusion(
    rounds: tuple[tuple[float | None, bool], ...], flag: bool
) -> None:
    assert game_metrics(_with_rounds(*rounds)).alignophilia_flag is flag


def test_the_game_alignophilia_index_is_the_mean_over_rounds_with_a_value() -> None:
    metrics = game_metrics(_with_rounds((0.3, False), (None, False), (0.1, True)))
    assert metrics.alignophilia_index == pytest.approx(0.2)
    assert metrics.excluded_perspectives == 1
