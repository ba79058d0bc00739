"""Which steps the facilitator may undo (GAME.md: "Undo steps back over actions that revealed
nothing hidden; it stops at a reveal").

Undo itself is "the previous state" (states are immutable), so this module only answers the
question that matters for fairness: did this step show the room something that was hidden?
A card once seen cannot be unseen, a tally once read cannot be unread, and the dice of a new
round (comings and goings, private hours) must not be re-rolled by undoing and redoing.
"""

from __future__ import annotations

import attrs

from consortium.engine.state import GameState, Phase


@attrs.frozen
class RevealBlock:
    """What a step showed the room, as a code and its arguments (no words): ``round-resolved``,
    ``game-over``, ``card-shown`` (seat, name), ``need-found`` (task, title),
    ``ballot-counted``."""

    code: str
    seat: int | None = None
    name: str = ""
    task: str = ""
    title: str = ""


def reveal_block(before: GameState, after: GameState) -> RevealBlock | None:
    """What the step from ``before`` to ``after`` revealed (why it cannot be undone), or
    ``None`` if it can be undone."""
    old, new = before.public, after.public
    if new.round != old.round or len(new.pit_stops) != len(old.pit_stops):
        return RevealBlock("round-resolved")
    if new.phase is Phase.GAME_OVER and old.phase is not Phase.GAME_OVER:
        return RevealBlock("game-over")
    for seat, (a, b) in enumerate(zip(old.participants, new.participants, strict=True)):
        if a.public_cards != b.public_cards:
            return RevealBlock("card-shown", seat=seat, name=b.name)
    found_before = {t.id: t.discovered for t in old.tasks}
    for task in new.tasks:
        if task.discovered != found_before.get(task.id, ()):
            return RevealBlock("need-found", task=task.id, title=task.title)
    if new.secret_ballot and len(new.ballots) != len(old.ballots):
        return RevealBlock("ballot-counted")
    return None


REASONS = {
    "round-resolved": "the work of the round was resolved and the results are on the board",
    "game-over": "the game is over",
    "card-shown": "{name} showed a card to everyone",
    "need-found": "a hidden need of {title} was found",
    "ballot-counted": "the secret ballot was counted",
}
"""The English of each code (``str()`` of a refusal, logs; the screen's words come from
:mod:`consortium.present.event_words`)."""


def reveal_reason(before: GameState, after: GameState) -> str | None:
    """Why the step from ``before`` to ``after`` cannot be undone (English), or ``None``."""
    block = reveal_block(before, after)
    if block is None:
        return None
    return REASONS[block.code].format(name=block.name, title=block.title)


def can_undo(before: GameState, after: GameState) -> bool:
    return reveal_reason(before, after) is None
