"""Self-selection mode (GAME.md, "Self-selection mode"): private turns in rotating seat order,
initiating and joining with a signalled card, closed teams, sitting out and staying.

Default open tasks: screening-vans (oncology, regional | patients), data-platform (data,
policy | nursing), care-pathway (nursing, oncology | reimbursement), …; 8 hours a seat.
"""

from __future__ import annotations

from consortium.engine.actions import (
    ChooseMode,
    Continue,
    Initiate,
    Join,
    SitOut,
    Stay,
)
from consortium.engine.events import Joined, TaskStarted, TurnedAway
from consortium.engine.game import apply, legal_actions
from consortium.engine.state import GameState, Mode, Phase
from tests.engine.builders import (
    card,
    everyone,
    in_turn,
    on_task,
    paused,
    refusal,
    seat_record,
    with_hands,
    with_motivation,
)

SV, DP, CP = "screening-vans", "data-platform", "care-pathway"
HANDS = (
    (card("oncology", 2), card("imaging"), card("data")),  # technical
    (card("regional"), card("policy", 2), card("procurement")),  # institutional
    (card("data"), card("oncology"), card("imaging", 2)),  # technical
    (card("finance"), card("medtech"), card("reimbursement")),  # economic
)


def self_selection(state: GameState | None = None) -> GameState:
    state = with_hands(paused(), *HANDS) if state is None else state
    state = apply(state, ChooseMode(Mode.SELF_SELECTION))
    assert state.phase is Phase.TURNS
    return state


def next_round(state: GameState) -> GameState:
    assert state.phase is Phase.PIT_STOP
    return self_selection(apply(state, Continue()))


def test_turns_rotate_so_each_round_starts_one_seat_later() -> None:
    state = self_selection()
    assert (state.public.order, state.public.actor) == ((0, 1, 2, 3), 0)
    state = next_round(everyone(state, SitOut))
    assert (state.public.round, state.public.order, state.public.actor) == (2, (1, 2, 3, 0), 1)
    state = next_round(everyone(state, SitOut))
    assert (state.public.round, state.public.order, state.public.actor) == (3, (2, 3, 0, 1), 2)


def test_initiating_leads_a_task_and_joining_adds_to_its_team_each_signal_becomes_public() -> None:
    state = self_selection()
    state = apply(state, Initiate(0, SV, 0))
    sv = state.public.task(SV)
    assert (sv.lead, sv.members, sv.closed) == (0, (0,), False)
    assert state.public.participants[0].public_cards == (card("oncology", 2), None, None)
    assert state.public.participants[0].task == SV
    assert state.public.log[-1].event == TaskStarted(0, "P1", SV, "Screening Vans")
    assert state.public.actor == 1

    state = apply(state, Join(1, SV, 0))
    sv = state.public.task(SV)
    assert (sv.lead, sv.members) == (0, (0, 1))
    assert state.public.participants[1].public_cards == (card("regional"), None, None)
    assert state.public.log[-1].event == Joined(1, "P2", SV, "Screening Vans")

    state = in_turn(state, {2: Initiate(2, DP, 0), 3: SitOut(3)})
    assert state.phase is Phase.PIT_STOP
    assert state.public.task(DP).lead == 2
    assert state.public.participants[3].task is None


def test_a_signal_must_match_a_visible_requirement_when_the_player_holds_one() -> None:
    state = self_selection()
    # seat 0 holds oncology: imaging (slot 1) is not an honest signal for screening-vans
    assert refusal(state, Initiate(0, SV, 1)) == (
        "Signal a card that matches a visible requirement of the task."
    )
    slots = {a.slot for a in legal_actions(state, 0) if isinstance(a, Initiate) and a.task == SV}
    assert slots == {0}
    state = in_turn(state, {0: Initiate(0, SV, 0), 1: SitOut(1), 2: SitOut(2)})
    # seat 3 holds nothing screening-vans needs: any card may be signalled
    assert {a.slot for a in legal_actions(state, 3) if isinstance(a, Join)} == {0, 1, 2}


def test_initiate_needs_a_task_without_a_lead_and_join_a_task_with_one() -> None:
    state = self_selection()
    assert refusal(state, Join(0, SV, 0)) == (
        "Only a task with a lead that you are not on can be joined."
    )
    state = apply(state, Initiate(0, SV, 0))
    no_lead = "Only an open task without a lead can be initiated."
    assert refusal(state, Initiate(1, SV, 0)) == no_lead
    assert refusal(state, Initiate(1, "gp-referrals", 0)) == no_lead  # queued, not open


def test_a_closed_team_turns_away_a_signal_from_another_family_and_the_turn_goes_on() -> None:
    state = self_selection()
    state = apply(state, Initiate(0, SV, 0, closed=True))  # lead signals oncology (technical)
    assert state.public.task(SV).closed is True

    state = apply(state, Join(1, SV, 0))  # regional is institutional
    public = state.public
    assert public.turned_away == ((1, SV),)
    assert public.task(SV).members == (0,)
    assert public.participants[1].task is None
    assert public.participants[1].public_cards == (card("regional"), None, None)  # public for good
    assert public.log[-1].event == TurnedAway(1, "P2", SV, "Screening Vans")
    assert public.actor == 1  # still seat 1's turn
    assert not [a for a in legal_actions(state, 1) if isinstance(a, Join) and a.task == SV]

    state = apply(state, Initiate(1, DP, 1))
    # seat 2 signals oncology (technical, like the lead's card): admitted
    state = apply(state, Join(2, SV, 1))
    assert state.public.task(SV).members == (0, 2)
    assert state.public.turned_away == ((1, SV),)


def test_sitting_out_gives_the_hours_to_the_home_organization_and_motivation_plus_one() -> None:
    state = self_selection(with_motivation(with_hands(paused(), *HANDS), 2, 5))
    state = everyone(state, SitOut)
    assert state.public.sat_out == (0, 1, 2, 3)
    assert [s.motivation for s in state.seats] == [4, 4, 5, 4]  # 5 is the most
    assert seat_record(state, 0).time.sitting_out == 8
    assert state.public.pit_stops[-1].time.sitting_out == 32


def test_sitting_out_leaves_last_rounds_task() -> None:
    state = on_task(with_hands(paused(), *HANDS), 0, SV, lead=True)
    state = on_task(state, 1, SV)
    state = apply(self_selection(state), SitOut(0))
    assert state.public.task(SV).members == (1,)
    assert state.public.task(SV).lead == 1


def test_stay_keeps_last_rounds_task_and_needs_one() -> None:
    state = on_task(with_hands(paused(), *HANDS), 0, SV, lead=True)
    state = self_selection(state)
    assert Stay(0) in legal_actions(state, 0)
    state = apply(state, Stay(0))
    assert state.public.participants[0].task == SV
    assert Stay(1) not in legal_actions(state, 1)
    assert refusal(state, Stay(1)) == "You have no task to stay on; choose another."


def test_two_idle_rounds_in_a_row_cost_one_motivation() -> None:
    # Round 1: seat 2 works, seat 3 sits out (+1). Round 2: both sit out; only seat 3 was
    # idle the round before, so only seat 3 loses one (+1 − 1).
    state = in_turn(
        self_selection(),
        {0: Initiate(0, SV, 0), 1: Initiate(1, DP, 1), 2: Initiate(2, CP, 1), 3: SitOut(3)},
    )
    assert [s.motivation for s in state.seats] == [3, 3, 3, 4]
    state = in_turn(next_round(state), {1: Stay(1), 2: SitOut(2), 3: SitOut(3), 0: Stay(0)})
    assert [s.motivation for s in state.seats] == [3, 3, 4, 4]


def test_turned_away_two_rounds_in_a_row_costs_one_motivation() -> None:
    state = in_turn(
        self_selection(),
        {
            0: Initiate(0, SV, 0, closed=True),
            1: [Join(1, SV, 0), Initiate(1, CP, 1)],  # turned away, then starts care-pathway
            2: SitOut(2),
            3: SitOut(3),
        },
    )
    assert state.seats[1].motivation == 3
    state = in_turn(
        next_round(state),
        {1: [Join(1, SV, 0), Stay(1)], 2: SitOut(2), 3: SitOut(3), 0: Stay(0)},
    )
    assert state.public.turned_away == ((1, SV),)
    assert state.seats[1].motivation == 2
