"""What one press of the facilitator's Undo does (GAME.md: "Undo steps back over actions that
revealed nothing hidden; it stops at a reveal"; FACILITATION.md: "undo (back to the last
reveal)").

One Undo goes back to the last decision a person or the facilitator made, over the bots'
moves since; one Redo goes forward to the next such decision. When a reveal lies on the way
back (a card shown, a round's work resolved, a secret ballot counted), Undo is not possible
and says why, as a code (:class:`UndoAnswer`; ``consortium.present`` has the words).

"What would Undo do, and why not?" is asked after every change (the menu greys Undo out and
says why), including each second of the talk clock, so it is answered by *reading* the
history's recorded steps backwards (:meth:`~consortium.engine.history.History.steps_back`),
never by undoing and redoing.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from consortium.engine.actions import Facilitated
from consortium.engine.history import History
from consortium.engine.state import GameState
from consortium.engine.undo import RevealBlock, reveal_block

Decides = Callable[[GameState], bool]
"""Whether a person or the facilitator takes the decision open in a state."""

NOTHING_TO_UNDO = "nothing-to-undo"
NO_GAME = "no-game"
FAST_FORWARD = "fast-forward"


@attrs.frozen
class UndoAnswer:
    """What one Undo would do now: take back ``steps`` actions, or nothing because of
    ``blocked_by`` (a code: ``nothing-to-undo``, ``no-game``, ``fast-forward``, or a reveal's
    code, whose details are in ``reveal``)."""

    steps: int
    blocked_by: str | None = None
    reveal: RevealBlock | None = None

    @property
    def possible(self) -> bool:
        return self.blocked_by is None


def undo_answer(history: History, decides: Decides) -> UndoAnswer:
    """How far one Undo goes back (to the last state where ``decides``), or why it cannot:
    a reveal on the way, or no such decision since the start. Reads only."""
    found: int | None = None
    for steps, (action, before, after) in enumerate(history.steps_back(), start=1):
        if found is not None:
            # a skipped turn is one decision: the facilitator's Skip (in the log) goes back
            # with the neutral choice that followed it
            if not (isinstance(action, Facilitated) and action.what == "skip"):
                return UndoAnswer(found)
            found = steps
            continue
        block = reveal_block(before, after)
        if block is not None:
            return UndoAnswer(0, block.code, block)
        if decides(before):
            found = steps
    if found is not None:
        return UndoAnswer(found)
    return UndoAnswer(0, NOTHING_TO_UNDO)


def undo_to_decision(history: History, decides: Decides) -> UndoAnswer:
    """Undo back to the last decision a person or the facilitator made (nothing when the
    answer says it cannot); the answer it acted on."""
    answer = undo_answer(history, decides)
    for _ in range(answer.steps):
        history.undo()
    return answer


def redo_to_decision(history: History, decides: Decides) -> int:
    """Redo the undone decision and the bots' moves after it, up to the next decision of a
    person or the facilitator (or as far as there is to redo); the number of actions."""
    steps = 0
    while history.redo() is not None:
        steps += 1
        if not history.can_redo or decides(history.state):
            break
    return steps
