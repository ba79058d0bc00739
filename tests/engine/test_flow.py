"""The frame of a game: the facilitator's schedule, turn order, illegal actions with a
readable reason, and winning (GAME.md, "A round, in order", "Winning")."""

from __future__ import annotations

import pytest

from consortium.engine.actions import (
    ChooseMode,
    Continue,
    Deliberate,
    IllegalAction,
    Initiate,
    Reveal,
    SetIntroductions,
    SitOut,
    Vote,
)
from consortium.engine.events import GameOver, ModeStarted
from consortium.engine.game import apply, check, legal_actions, new_game
from consortium.engine.metrics import game_metrics
from consortium.engine.state import GameState, Mode, Phase
from tests.engine.builders import (
    card,
    config,
    everyone,
    paused,
    play,
    refusal,
    scenario,
    task,
    with_hands,
)


def test_the_mode_comes_from_the_facilitators_schedule() -> None:
    state = new_game(scenario(), config(mode=Mode.HYBRID))
    assert (state.public.mode, state.phase) == (Mode.HYBRID, Phase.INTRODUCTIONS)
    assert state.public.log[-1].event == ModeStarted(1, "hybrid")


def test_or_the_room_chooses_it() -> None:
    state = paused()
    assert (state.public.mode, state.phase) == (None, Phase.MODE_CHOICE)
    assert legal_actions(state, None) == [ChooseMode(m) for m in Mode]
    state = apply(state, ChooseMode(Mode.DEMOCRATIC))
    assert (state.public.mode, state.phase) == (Mode.DEMOCRATIC, Phase.INTRO_COUNT)
    assert state.public.log[-1].event == ModeStarted(1, "democratic")


def test_introductions_and_votes_also_take_turns_in_rotating_order() -> None:
    state = everyone(apply(paused(), ChooseMode(Mode.SELF_SELECTION)), SitOut)
    state = play(state, Continue(), ChooseMode(Mode.DEMOCRATIC), SetIntroductions(1))
    assert (state.public.round, state.public.order) == (2, (1, 2, 3, 0))


def _turns() -> GameState:
    return apply(paused(), ChooseMode(Mode.SELF_SELECTION))


def test_acting_out_of_turn_is_refused_with_a_reason() -> None:
    state = _turns()
    assert state.public.actor == 0
    assert refusal(state, SitOut(1)) == "It is not this participant's turn."
    assert legal_actions(state, 1) == []


@pytest.mark.parametrize(
    ("action", "reason"),
    [
        (Vote(0, True), "Vote is not possible during turns."),
        (Deliberate(None), "Deliberate is not possible during turns."),
        (Continue(), "Continue is not possible during turns."),
        (Reveal(0, 0), "Reveal is not possible during turns."),
    ],
)
def test_an_action_of_another_phase_is_refused_with_a_reason(action: object, reason: str) -> None:
    with pytest.raises(IllegalAction) as caught:
        check(_turns(), action)  # type: ignore[arg-type]
    assert caught.value.reason == reason


def _one_round_game(target: float) -> GameState:
    tasks = (task("quick", ("oncology",), effort=10, value=15),)
    state = with_hands(
        paused(1, tasks=tasks, rounds=1, target=target),
        (card("oncology", 2), card("data"), card("finance")),
    )
    state = play(state, ChooseMode(Mode.SELF_SELECTION), Initiate(0, "quick", 0))
    assert state.public.impact == 15  # 8 hours · fit 2.0 = 16 ≥ 10, quality 1
    return apply(state, Continue())


def test_the_partnership_wins_when_impact_reaches_the_target_by_the_last_round() -> None:
    state = _one_round_game(target=15)
    assert state.phase is Phase.GAME_OVER
    assert state.public.won is True
    assert game_metrics(state).won is True
    assert state.public.log[-1].event == GameOver(won=True)


def test_falling_short_of_the_target_is_no_win_and_the_game_is_over() -> None:
    state = _one_round_game(target=15.5)
    assert (state.phase, state.public.won) == (Phase.GAME_OVER, False)
    assert state.public.log[-1].event == GameOver(won=False)
    assert legal_actions(state, None) == []
    assert refusal(state, Continue()) == "Continue is not possible during game-over."


def test_won_is_unknown_until_the_game_is_over() -> None:
    state = paused(rounds=2)
    assert state.public.won is None
    state = everyone(apply(state, ChooseMode(Mode.SELF_SELECTION)), SitOut)
    assert apply(state, Continue()).public.won is None
