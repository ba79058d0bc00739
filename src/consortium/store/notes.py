"""What the room said in the debrief, kept with the session (a save's ``room.notes``).

The engine knows nothing of it: the predictions are the room's show of hands before the
Reveal, entered by the facilitator, and the agreement is what the group agreed in Transfer,
typed on the laptop. Both are public (they are said aloud) and both survive save, resume and
undo (an undo moves the game, not what the room said about it).
"""

from __future__ import annotations

import attrs


@attrs.frozen
class Predictions:
    """The room's two predictions before the Reveal (issue 14).

    ``best_way``: for "Which way of organizing would have scored highest with this deal?",
    the hands raised per way, as (mode value, hands) in the board's order. ``task`` and
    ``requirement``: the task that lost a perspective the second question asks about, "Who in
    the room held the knowledge it missed?"; ``named``: the seats the room named (``nobody``:
    the room said nobody in the room held it).
    """

    best_way: tuple[tuple[str, int], ...] = ()
    task: str | None = None
    requirement: str | None = None
    named: tuple[int, ...] = ()
    nobody: bool = False


@attrs.frozen
class DebriefNotes:
    predictions: Predictions | None = None
    agreement: str = ""

    @property
    def empty(self) -> bool:
        return self.predictions is None and not self.agreement


NO_NOTES = DebriefNotes()
"""Nothing said yet (the default of a session and a save)."""
