"""The facilitator's own moves: naming a holder mid-game, ending the game early."""

from __future__ import annotations

import pytest

from consortium.engine.actions import EndGame, IllegalAction, NameHolder, Reveal, SetIntroductions
from consortium.engine.events import GameOver, HolderNamed
from consortium.engine.game import apply, check, facilitator_actions, legal_actions, new_game
from consortium.engine.metrics import game_metrics
from consortium.engine.simulate import bot_action, play_to_end, seat_policy
from consortium.engine.state import Mode, Phase
from consortium.engine.undo import reveal_reason
from tests.engine.builders import config, scenario

SCENARIO = scenario()


def _game(mode: Mode = Mode.DEMOCRATIC):  # type: ignore[no-untyped-def]
    return new_game(SCENARIO, config(4, mode, rounds=3))


def test_naming_a_holder_makes_that_card_public_for_good_in_any_phase() -> None:
    state = apply(_game(), SetIntroductions(1))
    assert state.public.phase is Phase.INTRODUCTIONS and state.public.actor == 0
    # seat 2 is not the one whose turn it is: the facilitator acts outside the turn order
    named = apply(state, NameHolder(2, 1))
    card = named.seats[2].hand[1]
    assert named.public.participants[2].public_cards[1] == card
    assert named.public.actor == 0  # nobody's turn was taken
    assert named.public.log[-1].event == HolderNamed(
        2, "P3", card.domain, named.public.catalog.domain_name(card.domain)
    )
    assert reveal_reason(state, named) == "P3 showed a card to everyone"
    # the card stays public: it can no longer be revealed in an introduction
    later = apply(apply(named, Reveal(0, 0)), Reveal(1, 0))
    assert 1 not in [a.slot for a in legal_actions(later, 2) if isinstance(a, Reveal)]


def test_naming_is_refused_for_a_public_card_or_a_missing_seat() -> None:
    state = apply(_game(), SetIntroductions(1))
    state = apply(state, Reveal(0, 0))
    with pytest.raises(IllegalAction, match="not hidden"):
        check(state, NameHolder(0, 0))
    with pytest.raises(IllegalAction, match="in the room"):
        check(state, NameHolder(9, 0))


def test_facilitator_actions_list_every_hidden_card_and_the_end() -> None:
    state = _game()
    listed = facilitator_actions(state)
    assert listed[-1] == EndGame()
    assert sorted((a.seat, a.slot) for a in listed if isinstance(a, NameHolder)) == [
        (seat, slot) for seat in range(4) for slot in range(3)
    ]
    for action in listed:
        check(state, action)  # every listed one is legal


def test_ending_early_closes_the_game_and_keeps_the_rounds_played() -> None:
    state = _game(Mode.SELF_SELECTION)
    while state.public.round < 2 or state.public.phase is Phase.PIT_STOP:
        state = apply(state, bot_action(state, seat_policy(state, state.public.actor)))
    ended = apply(state, EndGame())
    assert ended.over
    assert ended.public.won is (ended.public.impact >= ended.public.target)
    assert ended.public.log[-1].event == GameOver(ended.public.won, ended_early_in=2)
    assert len(game_metrics(ended).rounds) == 1
    assert facilitator_actions(ended) == []
    with pytest.raises(IllegalAction, match="over"):
        check(ended, EndGame())


def test_bots_never_take_facilitator_moves() -> None:
    final = play_to_end(_game(Mode.HYBRID))
    assert not any(entry.kind == "named" for entry in final.public.log)
    assert final.public.log[-1].event == GameOver(final.public.won, ended_early_in=None)
