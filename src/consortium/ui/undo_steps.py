"""What one press of the facilitator's Undo does (GAME.md: "Undo steps back over actions that
revealed nothing hidden; it stops at a reveal"; FACILITATION.md: "undo (back to the last
reveal)").

One Undo goes back to the last decision a person or the facilitator made, over the bots'
moves since; one Redo goes forward to the next such decision. When a reveal lies on the way
back (a card shown, a round's work resolved, a secret ballot counted), Undo is not possible
and says why, in the store's words. Pure over the store's
:class:`~consortium.store.history.History`: no Qt.
"""

from __future__ import annotations

from collections.abc import Callable

from consortium.engine.state import GameState, PublicState
from consortium.store.history import History

Decides = Callable[[GameState], bool]
"""Whether a person or the facilitator takes the decision open in a state."""


def undo_block(history: History, decides: Decides) -> str | None:
    """Why one Undo cannot go back to the last decision a person or the facilitator made, or
    ``None`` when it can. Tries it and puts every state back (redo restores the very states
    the undo took), so nothing changes."""
    undone = history.undo_until(decides)
    for _ in range(undone.steps):
        history.redo()
    return undone.reason


def undo_to_decision(history: History, decides: Decides) -> int:
    """Undo back to the last decision a person or the facilitator made; the number of
    actions taken back (0 when :func:`undo_block` has a reason)."""
    if undo_block(history, decides) is not None:
        return 0
    return history.undo_until(decides).steps


def redo_to_decision(history: History, decides: Decides) -> int:
    """Redo the undone decision and the bots' moves after it, up to the next decision of a
    person or the facilitator (or as far as there is to redo)."""
    steps = 0
    while history.redo() is not None:
        steps += 1
        if not history.can_redo or decides(history.state):
            break
    return steps


def rewind_notice(verb: str, view: PublicState, steps: int) -> str:
    """'Undone: 3 actions; Ana decides again.' — the board's notice after an undo or redo."""
    who = "the group" if view.actor is None else view.participants[view.actor].name
    plural = "" if steps == 1 else "s"
    return f"{verb}: {steps} action{plural}; {who} decides now."
