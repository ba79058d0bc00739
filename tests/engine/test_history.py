"""Undo and redo: undo then redo is the same game; undo never goes past a reveal."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consortium.engine.actions import IllegalAction, Place, Reveal, SetIntroductions
from consortium.engine.game import apply, legal_actions, new_game
from consortium.engine.history import NOTHING_TO_UNDO, History
from consortium.engine.simulate import bot_action, bot_config, seat_policy
from consortium.engine.state import GameState, Mode, Phase
from consortium.engine.undo import reveal_reason
from consortium.store.save_load import load_save
from tests.store.games import Game, cancer_care, games, next_action, save_bytes


def democratic_history() -> History:
    config = bot_config(cancer_care(), "democratic-heavy", 5, seats=4, rounds=3)
    return History(new_game(cancer_care(), config))


def bot_step(history: History) -> GameState:
    state = history.state
    return history.apply(bot_action(state, seat_policy(state, state.public.actor)))


def test_nothing_to_undo_at_the_start() -> None:
    history = democratic_history()
    assert history.undo_blocked() == NOTHING_TO_UNDO
    undone = history.undo()
    assert (undone.steps, undone.reason) == (0, NOTHING_TO_UNDO)
    assert history.redo() is None


def test_undo_then_redo_gives_the_same_state() -> None:
    history = democratic_history()
    start = history.state
    assert start.public.phase is Phase.INTRO_COUNT
    after = history.apply(SetIntroductions(2))
    undone = history.undo()
    assert (undone.steps, undone.reason) == (1, None)
    assert history.state is start
    assert len(history) == 0
    assert history.can_redo
    assert history.redo() is after
    assert history.actions == (SetIntroductions(2),)
    assert not history.can_redo


def test_undo_stops_at_a_reveal_and_says_why() -> None:
    history = democratic_history()
    history.apply(SetIntroductions(1))
    seat = history.state.public.actor
    assert seat is not None
    revealed = history.apply(Reveal(seat, 0))
    name = revealed.public.participants[seat].name
    undone = history.undo()
    assert undone == type(undone)(0, f"{name} showed a card to everyone", revealed)
    assert history.state is revealed


def test_undo_until_skips_back_over_bot_moves_but_not_past_a_reveal() -> None:
    history = democratic_history()
    history.apply(SetIntroductions(0))
    while history.state.public.phase is not Phase.PLACEMENT:
        bot_step(history)
    placing = history.state
    for _ in range(3):
        bot_step(history)
    undone = history.undo_until(lambda s: s.public.phase is Phase.PLACEMENT and s is placing)
    assert undone.reason is None and undone.steps == 3
    assert history.state is placing
    # Deliberation found hidden needs: further back is a reveal
    far = history.undo_until(lambda s: False)
    assert far.reason is not None
    assert far.state is history.state


def placing_history() -> History:
    history = democratic_history()
    history.apply(SetIntroductions(0))
    while history.state.public.phase is not Phase.PLACEMENT:
        bot_step(history)
    return history


def test_a_new_action_ends_redo_unless_it_is_the_one_redo_would_take() -> None:
    history = placing_history()
    first, second = [a for a in legal_actions(history.state, None) if isinstance(a, Place)][:2]
    history.apply(first)
    after_second = history.apply(second)
    assert history.undo().steps == 1
    assert history.undo().steps == 1
    history.apply(first)  # the same decision again: what came after it can still be redone
    assert history.can_redo
    assert history.redo() is after_second
    history.undo()
    other = next(
        a for a in legal_actions(history.state, None) if isinstance(a, Place) and a != second
    )
    history.apply(other)  # a different decision: the undone future is gone
    assert not history.can_redo


def test_an_illegal_action_leaves_the_history_as_it_was() -> None:
    history = democratic_history()
    with pytest.raises(IllegalAction):
        history.apply(Reveal(0, 0))
    assert len(history) == 0


def test_a_loaded_save_can_be_undone_into_the_time_before_it() -> None:
    history = democratic_history()
    history.apply(SetIntroductions(3))
    loaded = load_save(save_bytes(history.state, history.actions))
    assert loaded.history.undo().steps == 1
    assert loaded.history.state == history.start


@settings(max_examples=30)
@given(games(max_steps=120), st.lists(st.sampled_from(("undo", "redo", "play")), max_size=40))
def test_any_mix_of_undo_redo_and_play_is_a_replay_of_the_log(
    game: Game, moves: list[str]
) -> None:
    history = History(new_game(game.scenario, game.config))
    for step in range(game.steps):
        if history.state.over:
            break
        choice = game.choices[step] if step < len(game.choices) else None
        history.apply(next_action(history.state, choice))
    for move in moves:
        if move == "undo":
            blocked = history.undo_blocked()
            before = history.state
            undone = history.undo()
            assert undone.reason == blocked
            if blocked is not None:
                assert history.state is before
            else:
                assert reveal_reason(history.state, before) is None
        elif move == "redo":
            history.redo()
        elif not history.state.over:
            history.apply(bot_action(history.state, seat_policy(history.state,
                                                                 history.state.public.actor)))
    replayed = new_game(game.scenario, game.config)
    for action in history.actions:
        replayed = apply(replayed, action)
    assert replayed == history.state


def test_modes_are_what_the_schedule_says_after_undo() -> None:
    """Undo inside round 1 keeps the mode the room chose."""
    history = democratic_history()
    assert history.state.public.mode is Mode.DEMOCRATIC
    history.apply(SetIntroductions(0))
    history.undo()
    assert history.state.public.mode is Mode.DEMOCRATIC
