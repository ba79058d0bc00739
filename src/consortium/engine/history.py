"""Undo and redo for the facilitator, over the action log (GAME.md: "Undo steps back over
actions that revealed nothing hidden; it stops at a reveal").

States are immutable, so the history is simply every state the game passed through, one per
action; undo is "the state before", redo is "the state after" kept from the undo. Whether a
step may be taken back is the engine's question (:func:`~consortium.engine.undo.reveal_reason`):
a card once shown cannot be unseen, and a round's dice must not be re-rolled by undoing.

Pure: no Qt and no files, so the window, a save's replay and the tests share it. The log it
holds (:attr:`History.actions`) is what the autosave writes after an undo; the redo stack is
not saved (a resumed session starts with nothing to redo).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import attrs

from consortium.engine.actions import Action
from consortium.engine.game import apply
from consortium.engine.state import GameState
from consortium.engine.undo import reveal_reason

NOTHING_TO_UNDO = "nothing has happened yet in this game"


@attrs.frozen
class Undone:
    """What an undo did: how many actions it took back, and why it stopped if it stopped
    early (``reason``: the reveal in plain words; ``None`` when it went as far as asked)."""

    steps: int
    reason: str | None
    state: GameState


class History:
    """Every state of one game, the actions between them, and the actions undone."""

    def __init__(self, start: GameState) -> None:
        self._states: list[GameState] = [start]
        self._actions: list[Action] = []
        self._redo: list[tuple[Action, GameState]] = []

    @classmethod
    def replay(cls, start: GameState, actions: Iterable[Action]) -> History:
        """Apply ``actions`` from ``start``; raises IllegalAction at the first refused one
        (the save loader catches it and names the step)."""
        history = cls(start)
        for action in actions:
            history.apply(action)
        return history

    # --- reading ---------------------------------------------------------------------------

    @property
    def state(self) -> GameState:
        return self._states[-1]

    @property
    def start(self) -> GameState:
        return self._states[0]

    @property
    def actions(self) -> tuple[Action, ...]:
        return tuple(self._actions)

    def __len__(self) -> int:
        return len(self._actions)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def steps_back(self) -> Iterator[tuple[Action, GameState, GameState]]:
        """(action, state before, state after) of every recorded step, newest first: what
        an undo would walk over, read without undoing anything."""
        states = self._states
        for i in range(len(self._actions) - 1, -1, -1):
            yield self._actions[i], states[i], states[i + 1]

    def undo_blocked(self) -> str | None:
        """Why the last action cannot be undone (shown beside a greyed-out Undo), or
        ``None`` when it can."""
        if not self._actions:
            return NOTHING_TO_UNDO
        return reveal_reason(self._states[-2], self._states[-1])

    # --- playing ---------------------------------------------------------------------------

    def apply(self, action: Action) -> GameState:
        """Apply ``action`` through the engine (which checks it) and record it."""
        return self.record(action, apply(self.state, action))

    def record(self, action: Action, after: GameState) -> GameState:
        """Record an action the caller already applied. A new action ends what could be
        redone, unless it is the very action redo would take (then redo stays possible)."""
        if self._redo and self._redo[-1][0] == action:
            self._redo.pop()  # the same action from the same state: the engine is pure
        else:
            self._redo.clear()
        self._actions.append(action)
        self._states.append(after)
        return after

    def undo(self) -> Undone:
        """Take back the last action, unless it revealed something (then nothing changes
        and the reason says what was revealed)."""
        return self.undo_until(lambda state: True)

    def undo_until(self, stop: Callable[[GameState], bool]) -> Undone:
        """Take back actions until ``stop(state)`` holds (at least one), never past a reveal.

        The window passes "a person or the facilitator decides here", so one press of Undo
        skips back over the bots' moves that followed the last human decision.
        """
        steps = 0
        while True:
            reason = self.undo_blocked()
            if reason is not None:
                return Undone(steps, reason, self.state)
            self._redo.append((self._actions.pop(), self._states.pop()))
            steps += 1
            if stop(self.state):
                return Undone(steps, None, self.state)

    def redo(self) -> GameState | None:
        """Apply the last undone action again (its state as it was); ``None`` if none."""
        if not self._redo:
            return None
        action, after = self._redo.pop()
        self._actions.append(action)
        self._states.append(after)
        return after
