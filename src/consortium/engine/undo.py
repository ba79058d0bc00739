"""Which steps the facilitator may undo (GAME.md: "Undo steps back over actions that revealed
nothing hidden; it stops at a reveal").

Undo itself is "the previous state" (states are immutable), so this module only answers the
question that matters for fairness: did this step show the room something that was hidden?
A card once seen cannot be unseen, a tally once read cannot be unread, and the dice of a new
round (comings and goings, private hours) must not be re-rolled by undoing and redoing.
"""

from __future__ import annotations

from consortium.engine.state import GameState, Phase


def reveal_reason(before: GameState, after: GameState) -> str | None:
    """Why the step from ``before`` to ``after`` cannot be undone, or ``None`` if it can."""
    old, new = before.public, after.public
    if new.round != old.round or len(new.pit_stops) != len(old.pit_stops):
        return "the work of the round was resolved and the results are on the board"
    if new.phase is Phase.GAME_OVER and old.phase is not Phase.GAME_OVER:
        return "the game is over"
    for a, b in zip(old.participants, new.participants, strict=True):
        if a.public_cards != b.public_cards:
            return f"{b.name} showed a card to everyone"
    found_before = {t.id: t.discovered for t in old.tasks}
    for task in new.tasks:
        if task.discovered != found_before.get(task.id, ()):
            return f"a hidden need of {task.title} was found"
    if new.secret_ballot and len(new.ballots) != len(old.ballots):
        return "the secret ballot was counted"
    return None


def can_undo(before: GameState, after: GameState) -> bool:
    return reveal_reason(before, after) is None
