"""Hybrid mode (GAME.md, "Hybrid mode"): the newcomer introduction, the declaration, own-way
turns, a plenary of the ones who joined it, and the perspective check.

Default open tasks: screening-vans (oncology, regional | patients), data-platform (data,
policy | nursing), care-pathway (nursing, oncology | reimbursement), …; 8 hours a seat.
"""

from __future__ import annotations

from consortium.engine.actions import (
    CallVote,
    ChooseMode,
    Continue,
    Declare,
    Deliberate,
    Initiate,
    Invite,
    NoInvite,
    Place,
    ProposeBoard,
    Respond,
    Reveal,
    SitOut,
)
from consortium.engine.events import InvitationDeclined, Invited
from consortium.engine.game import apply, legal_actions
from consortium.engine.state import GameState, Mode, Phase, TimeBudget
from tests.engine.builders import (
    card,
    everyone,
    in_turn,
    on_task,
    paused,
    play,
    refusal,
    seat_record,
    votes,
    with_familiarity,
    with_hands,
    with_hours,
    with_motivation,
)

SV, DP, CP = "screening-vans", "data-platform", "care-pathway"
HANDS = (
    (card("oncology", 2), card("imaging"), card("data")),  # technical
    (card("regional"), card("policy", 2), card("procurement")),  # institutional
    (card("data"), card("oncology"), card("imaging", 2)),  # technical
    (card("finance"), card("medtech"), card("reimbursement")),  # economic
)


def hybrid(state: GameState) -> GameState:
    return apply(state, ChooseMode(Mode.HYBRID))


def introduced(hands: tuple = HANDS) -> GameState:
    """Round 1 of a hybrid game after the introduction (everyone showed slot 0)."""
    state = everyone(hybrid(with_hands(paused(), *hands)), lambda s: Reveal(s, 0))
    assert state.phase is Phase.DECLARE
    return state


def test_round_one_introduction_everyone_is_new_and_each_pair_gains_one_familiarity() -> None:
    state = hybrid(with_hands(paused(), *HANDS))
    assert state.phase is Phase.INTRODUCTIONS
    assert [s.spent.intro for s in state.seats] == [1, 1, 1, 1]
    assert refusal(state, Reveal(0, None)) == "Choose one of your hidden cards to show."
    state = everyone(state, lambda s: Reveal(s, 0))
    assert state.public.familiarity == ((0, 1, 1, 1), (1, 0, 1, 1), (1, 1, 0, 1), (1, 1, 1, 0))
    assert [p.public_cards[0] for p in state.public.participants] == [h[0] for h in HANDS]


def _round_two_with_a_newcomer_in_seat_2() -> GameState:
    state = in_turn(introduced(), {s: Declare(s, False) for s in range(4)})
    state = everyone(state, SitOut)
    assert state.phase is Phase.PIT_STOP
    state = with_familiarity(with_motivation(state, 2, 0), 2)  # seat 2 burns out
    state = hybrid(apply(state, Continue()))
    assert state.public.newcomers == (2,)
    return state


def test_a_newcomer_must_introduce_themselves_the_others_may_pass_and_everyone_pays() -> None:
    state = _round_two_with_a_newcomer_in_seat_2()
    assert state.phase is Phase.INTRODUCTIONS
    assert state.public.order == (1, 2, 3, 0)
    assert [s.spent.intro for s in state.seats] == [1, 1, 1, 1]
    assert Reveal(1, None) in legal_actions(state, 1)
    state = apply(state, Reveal(1, None))
    assert Reveal(2, None) not in legal_actions(state, 2)
    assert refusal(state, Reveal(2, None)) == "Choose one of your hidden cards to show."
    state = in_turn(state, {2: Reveal(2, 0), 3: Reveal(3, None), 0: Reveal(0, 1)})
    assert state.phase is Phase.DECLARE

    public = state.public
    # the newcomer now knows everyone a little; the others' familiarity (2) is unchanged
    assert public.familiarity == ((0, 2, 1, 2), (2, 0, 1, 2), (1, 1, 0, 1), (2, 2, 1, 0))
    assert public.participants[2].public_cards[0] == state.seats[2].hand[0]
    assert public.participants[0].public_cards == (HANDS[0][0], HANDS[0][1], None)
    # passing still met the newcomer (familiarity below the cap): not empty talk
    assert [s.empty_talk for s in state.seats] == [0, 0, 0, 0]


def test_no_newcomer_no_introduction() -> None:
    state = in_turn(introduced(), {s: Declare(s, False) for s in range(4)})
    state = hybrid(apply(everyone(state, SitOut), Continue()))
    assert state.phase is Phase.DECLARE
    assert [s.spent.meetings for s in state.seats] == [0, 0, 0, 0]


def test_declarations_go_in_turn_and_a_lone_plenary_declarer_takes_an_own_way_turn() -> None:
    state = introduced()
    assert (state.public.order, state.public.actor) == ((0, 1, 2, 3), 0)
    state = apply(state, Declare(0, True))
    assert state.public.participants[0].declared_plenary is True  # public, no curtain
    state = in_turn(state, {s: Declare(s, False) for s in (1, 2, 3)})
    assert state.phase is Phase.TURNS
    assert state.public.order == (0, 1, 2, 3)
    assert state.public.participants[0].declared_plenary is False
    state = everyone(state, SitOut)
    assert state.phase is Phase.PIT_STOP  # no plenary met
    assert [s.spent.talk for s in state.seats] == [0, 0, 0, 0]


def _plenary_of_two() -> GameState:
    """Seats 0 and 1 join the plenary; seat 2 starts screening-vans, seat 3 sits out."""
    state = in_turn(introduced(), {s: Declare(s, s < 2) for s in range(4)})
    assert state.phase is Phase.TURNS
    assert state.public.order == (2, 3)
    state = in_turn(state, {2: Initiate(2, SV, 1), 3: SitOut(3)})
    assert state.phase is Phase.DELIBERATION
    state = apply(state, Deliberate(None))
    assert [s.spent.talk for s in state.seats] == [1, 1, 0, 0]
    return state


def test_the_plenary_places_only_its_members_and_the_own_way_seats_need_no_place() -> None:
    state = _plenary_of_two()
    assert state.public.board[2:] == (SV, None)
    assert refusal(state, Place(2, DP)) == "Only plenary members are placed on the board."
    assert refusal(state, ProposeBoard((SV, DP, DP, None))) == (
        "A proposal may only move plenary members."
    )
    state = play(state, ProposeBoard((SV, DP, SV, None)))
    assert CallVote() in legal_actions(state, None)  # seat 3 sat out: no inclusion norm
    state = apply(state, CallVote())
    assert state.public.order == (0, 1)


def test_a_failed_plenary_vote_costs_only_its_members_and_self_selected_leads_stay() -> None:
    state = play(_plenary_of_two(), ProposeBoard((SV, DP, SV, None)), CallVote())
    state = votes(state, True, False)
    assert state.phase is Phase.PLACEMENT
    assert [s.spent.votes for s in state.seats] == [1, 1, 0, 0]
    state = votes(apply(state, CallVote()), True, True)
    assert state.phase is Phase.PERSPECTIVE_CHECK

    sv = state.public.task(SV)
    # seat 0 shows oncology 2, more than the lead's public oncology 1, but the self-selected
    # lead keeps the team the plenary joined
    assert (sv.lead, sv.members) == (2, (2, 0))
    dp = state.public.task(DP)
    assert (dp.lead, dp.members) == (1, (1,))  # a team the plenary formed


def test_after_max_failed_votes_the_most_supported_placement_stands() -> None:
    state = _plenary_of_two()
    for board, approve in (((SV, DP, SV, None), (True, False)), ((DP, CP, SV, None), (False,) * 2),
                           ((CP, CP, SV, None), (False, True))):
        state = votes(play(state, ProposeBoard(board), CallVote()), *approve)
    assert [s.spent.votes for s in state.seats] == [3, 3, 0, 0]
    assert [p.task for p in state.public.participants] == [CP, CP, SV, None]  # latest of 1–1


def test_a_team_the_plenary_forms_anew_is_led_by_its_best_public_fit() -> None:
    hands = (
        (card("oncology", 2), card("imaging"), card("data")),
        (card("regional"), card("policy", 2), card("procurement")),
        (card("nursing", 2), card("patients"), card("primary-care")),
        (card("finance"), card("medtech"), card("reimbursement")),
    )
    # seat 0 led care-pathway alone last round; the plenary moves seat 0 to screening-vans
    # and puts seats 1 and 2 on care-pathway, where seat 2 shows nursing 2 and seat 1 nothing
    state = on_task(with_hands(paused(), *hands), 0, CP, lead=True)
    state = everyone(hybrid(state), lambda s: Reveal(s, 0))
    state = in_turn(state, {s: Declare(s, s < 3) for s in range(4)})
    state = play(apply(state, SitOut(3)), Deliberate(None), ProposeBoard((SV, CP, CP, None)))
    state = votes(apply(state, CallVote()), True, True, True)
    cp = state.public.task(CP)
    assert cp.members == (1, 2)
    assert cp.lead == 2


# --- the perspective check -----------------------------------------------------------------

CHECK_HANDS = (
    (card("oncology", 2), card("imaging"), card("data")),
    (card("data", 2), card("policy"), card("nursing")),
    (card("regional", 2), card("patients"), card("procurement")),
    (card("finance"), card("medtech"), card("reimbursement")),
)


def _at_check(hours: float = 8) -> GameState:
    """Everyone shows their first card and goes their own way: seat 0 starts screening-vans
    (technical), seat 1 data-platform (technical), seats 2 (institutional) and 3 (economic)
    sit out."""
    state = with_hours(with_hands(paused(), *CHECK_HANDS), hours, seats=[2])
    state = everyone(hybrid(state), lambda s: Reveal(s, 0))
    state = in_turn(state, {s: Declare(s, False) for s in range(4)})
    state = in_turn(
        state, {0: Initiate(0, SV, 0), 1: Initiate(1, DP, 0), 2: SitOut(2), 3: SitOut(3)}
    )
    assert state.phase is Phase.PERSPECTIVE_CHECK
    return state


def test_an_invitation_must_bring_a_family_the_team_does_not_show() -> None:
    state = _at_check()
    invites = [a for a in legal_actions(state, None) if isinstance(a, Invite)]
    assert invites == [Invite(2, SV), Invite(2, DP), Invite(3, SV), Invite(3, DP)]
    # both show only technical cards
    assert refusal(state, Invite(0, DP)) == (
        "An invitation brings someone onto a team that shows none of the invitee's "
        "families of knowledge."
    )


def test_an_accepted_invitation_moves_the_invitee_and_costs_a_meeting_hour() -> None:
    state = apply(_at_check(), Invite(2, SV))
    assert state.phase is Phase.INVITATION
    assert state.public.actor == 2
    assert state.public.log[-1].event == Invited(2, "P3", SV, "Screening Vans")
    state = apply(state, Respond(2, True))
    assert state.phase is Phase.PIT_STOP

    sv = state.public.task(SV)
    assert (sv.lead, sv.members) == (0, (0, 2))
    assert state.seats[2].spent.check == 1
    assert seat_record(state, 2).time.meetings == 2  # the introduction and the check
    # seat 2 brought regional and the hidden need patients: screening-vans is fully covered
    assert sv.covered == ("oncology", "regional", "patients")
    assert sv.discovered == ("patients",)
    # seat 2 worked instead of sitting out: no sitting-out bonus, no sitting-out hours
    assert state.public.sat_out == (3,)
    assert seat_record(state, 2).time.sitting_out == 0
    assert seat_record(state, 3).time == TimeBudget(meetings=1, sitting_out=7)
    assert [s.motivation for s in state.seats] == [3, 3, 3, 4]


def test_perspective_check_hours_are_meeting_hours_for_the_half_hours_rule() -> None:
    # 4 hours: the introduction and the check take 2, half of them
    state = play(_at_check(hours=4), Invite(2, SV), Respond(2, True))
    assert seat_record(state, 2).time.meetings == 2
    assert state.seats[2].motivation == 2


def test_an_invitee_without_a_matching_card_loses_one_motivation() -> None:
    # seat 3 (finance, medtech, reimbursement) has nothing screening-vans needs
    state = play(_at_check(), Invite(3, SV), Respond(3, True))
    assert state.public.task(SV).members == (0, 3)
    assert seat_record(state, 3).time.mismatch_work > 0
    assert [s.motivation for s in state.seats] == [3, 3, 4, 2]


def test_a_refused_invitation_changes_nothing() -> None:
    state = play(_at_check(), Invite(2, SV), Respond(2, False))
    assert state.phase is Phase.PIT_STOP
    assert state.public.task(SV).members == (0,)
    assert state.public.participants[2].task is None
    assert state.seats[2].spent.check == 0
    assert InvitationDeclined(2, "P3", SV, "Screening Vans") in [
        e.event for e in state.public.log
    ]
    assert state.seats[2].motivation == 4  # sat out


def test_only_the_invitee_answers_and_no_invitation_skips_to_work() -> None:
    state = apply(_at_check(), Invite(2, SV))
    assert refusal(state, Respond(3, True)) == "It is not this participant's turn."
    state = apply(_at_check(), NoInvite())
    assert state.phase is Phase.PIT_STOP
    assert state.public.task(SV).members == (0,)
