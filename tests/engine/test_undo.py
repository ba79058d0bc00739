"""Undo stops at a reveal: which steps showed the room something hidden."""

from __future__ import annotations

from consortium.engine.actions import CallVote, Place, Reveal, SetIntroductions
from consortium.engine.game import apply, legal_actions, new_game
from consortium.engine.simulate import bot_action, seat_policy
from consortium.engine.state import Mode, Phase
from consortium.engine.undo import can_undo, reveal_reason
from tests.engine.builders import config, scenario

SCENARIO = scenario()


def _democratic(**kw: object):  # type: ignore[no-untyped-def]
    return new_game(SCENARIO, config(4, Mode.DEMOCRATIC, people=(0, 1, 2, 3), **kw))  # type: ignore[arg-type]


def test_choosing_the_number_of_introductions_can_be_undone() -> None:
    state = _democratic()
    after = apply(state, SetIntroductions(1))
    assert can_undo(state, after)


def test_a_revealed_card_stops_undo_with_the_reason() -> None:
    state = apply(_democratic(), SetIntroductions(1))
    seat = state.public.actor
    assert seat is not None
    after = apply(state, Reveal(seat, 0))
    assert (
        reveal_reason(state, after)
        == f"{after.public.participants[seat].name} showed a card to everyone"
    )


def test_board_edits_can_be_undone_but_resolving_the_round_cannot() -> None:
    state = apply(_democratic(), SetIntroductions(0))
    while state.public.phase is not Phase.PLACEMENT:
        state = apply(state, bot_action(state, seat_policy(state, state.public.actor)))
    task = state.public.open_tasks[-1].id
    moved = apply(state, Place(0, task))
    assert can_undo(state, moved)
    voting = apply(moved, CallVote())
    assert can_undo(moved, voting)
    # everyone votes for: the last vote resolves the work of the round
    while voting.public.phase is Phase.VOTE:
        seat = voting.public.actor
        before = voting
        voting = apply(
            voting, next(a for a in legal_actions(voting, seat) if getattr(a, "approve", False))
        )
    assert (
        reveal_reason(before, voting)
        == "the work of the round was resolved and the results are on the board"
    )


def test_open_votes_can_be_undone_but_a_secret_tally_cannot() -> None:
    for secret in (False, True):
        state = apply(_democratic(secret_ballot=secret), SetIntroductions(0))
        while state.public.phase is not Phase.VOTE:
            state = apply(state, bot_action(state, seat_policy(state, state.public.actor)))
        steps = []
        while state.public.phase is Phase.VOTE and state.public.round == 1:
            seat = state.public.actor
            after = apply(
                state,
                next(a for a in legal_actions(state, seat) if not getattr(a, "approve", True)),
            )
            steps.append(reveal_reason(state, after))
            state = after
        # every vote but the last is undoable; the failed tally is public only under a secret ballot
        assert all(reason is None for reason in steps[:-1])
        assert (steps[-1] == "the secret ballot was counted") is secret
