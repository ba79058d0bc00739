"""The limits of a session's setup: how many seats and rounds, what turnover, and the rest.

A session is set up in four places: the new-session page, ``consortium simulate``, a
scenario file's ``[defaults]`` and a save someone may have edited by hand. Each checks what
it is given against these limits and no others, so a save opens exactly when the setup page
could have started its game, and a scenario's defaults are always a game the page can start.
Pure and tiny (no attrs, no other engine module): the setup page loads it with the window.
"""

from __future__ import annotations

from typing import Final, Generic, TypeVar

N = TypeVar("N", int, float)


class Span(Generic[N]):
    """The values from ``low`` to ``high``, both included."""

    __slots__ = ("high", "low")

    def __init__(self, low: N, high: N) -> None:
        self.low: N = low
        self.high: N = high

    def allows(self, value: N) -> bool:
        return self.low <= value <= self.high

    def __repr__(self) -> str:
        return f"Span({self.low!r}, {self.high!r})"


SEATS: Final = Span(3, 8)
"""Participants at the table, people and bots together."""

ROUNDS: Final = Span(3, 8)

TURNOVER: Final = Span(0.0, 0.9)
"""The chance that each participant leaves at a round's comings and goings."""

CAPACITY: Final = Span(1, 40)
"""Each participant's hours per round before the deal's spread."""

HAND_SIZE: Final = Span(1, 6)
"""Cards in a hand; never more than the scenario has domains (:func:`hand_sizes`)."""

SEED: Final = Span(0, 2**64 - 1)
"""The session's seed: any unsigned 64-bit number (the random streams fold it in whole)."""

NAME_LENGTH: Final = 40
"""The setup page keeps this many characters of a typed name."""

DEFAULT_BOT: Final = "balanced"
"""The policy (consortium.engine.bots.POLICIES) a seat plays when the setup page makes it a
bot."""


def hand_sizes(domains: int) -> Span[int]:
    """The hand sizes a scenario with ``domains`` domains allows."""
    return Span(HAND_SIZE.low, min(HAND_SIZE.high, domains))


def name_ok(name: str) -> bool:
    """A participant's name is any text with something in it but spaces."""
    return bool(name.strip())


def typed_name(text: str) -> str:
    """What the setup page keeps of a typed name: trimmed, at most :data:`NAME_LENGTH`."""
    return text.strip()[:NAME_LENGTH]
