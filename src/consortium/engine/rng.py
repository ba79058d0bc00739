"""Seeded, counter-based randomness: a draw is a pure function of (seed, counter).

The state carries one :class:`Stream` per source of chance (the deal, turnover, newcomer hands,
private hours, events, each bot). A stream is a frozen (seed, counter) pair, so a state can be
copied, compared, saved and replayed without any hidden generator object, and two policies
replayed from the same state meet the same comings and goings (common random numbers).
The mixer is splitmix64; it is fast (a few integer operations) and has no global state.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import attrs

_MASK = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15
T = TypeVar("T")


def mix64(z: int) -> int:
    """The splitmix64 finaliser: a bijection on 64-bit integers with good avalanche."""
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return z ^ (z >> 31)


def derive_seed(seed: int, *labels: int | str) -> int:
    """A child seed from a parent seed and labels, stable across processes and Pythons.

    Strings are folded byte by byte (never with ``hash()``, which PYTHONHASHSEED changes).
    """
    z = mix64((seed & _MASK) ^ 0x5EED)
    for label in labels:
        if isinstance(label, str):
            for byte in label.encode():
                z = mix64(z ^ byte)
            z = mix64(z ^ 0xFF)
        else:
            z = mix64(z ^ (label & _MASK))
    return z


@attrs.frozen
class Stream:
    """One source of chance: draw ``counter`` of the sequence seeded by ``seed``."""

    seed: int
    counter: int = 0

    def u64(self) -> tuple[int, Stream]:
        value = mix64((self.seed + (self.counter + 1) * _GOLDEN) & _MASK)
        return value, Stream(self.seed, self.counter + 1)


class Draws:
    """A short-lived cursor over a :class:`Stream` for use inside one rule application.

    Rules draw several numbers in a row; this keeps them from threading the stream by hand.
    Read ``stream`` at the end to store the advanced stream back into the new state.
    """

    __slots__ = ("counter", "seed")

    def __init__(self, stream: Stream) -> None:
        self.seed = stream.seed
        self.counter = stream.counter

    @property
    def stream(self) -> Stream:
        return Stream(self.seed, self.counter)

    def u64(self) -> int:
        self.counter += 1
        # mix64, inlined (every draw of the game comes through here)
        z = (self.seed + self.counter * _GOLDEN) & _MASK
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        return z ^ (z >> 31)

    def random(self) -> float:
        """Uniform in [0, 1) with 53 bits."""
        return (self.u64() >> 11) * (1.0 / (1 << 53))

    def below(self, n: int) -> int:
        """Uniform whole number in [0, n). The bias of a plain modulo is below 2**-40 here."""
        if n <= 0:
            raise ValueError("below() needs a positive bound")
        return self.u64() % n

    def between(self, low: int, high: int) -> int:
        """Uniform whole number in [low, high], both ends included."""
        return low + self.below(high - low + 1)

    def chance(self, p: float) -> bool:
        return (self.u64() >> 11) * (1.0 / (1 << 53)) < p  # self.random() < p

    def pick(self, items: Sequence[T]) -> T:
        n = len(items)
        if n <= 0:
            raise ValueError("below() needs a positive bound")
        return items[self.u64() % n]  # items[self.below(n)]

    def shuffled(self, items: Sequence[T]) -> list[T]:
        out = list(items)
        for i in range(len(out) - 1, 0, -1):
            j = self.below(i + 1)
            out[i], out[j] = out[j], out[i]
        return out


class DerivedDraws(Draws):
    """Draws from ``Stream(derive_seed(base, label))``, derived only when first needed: a
    bot's decision gets its own stream, but most decisions never draw at all."""

    __slots__ = ("_base", "_label")

    def __init__(self, base: int, label: int) -> None:
        self._base = base
        self._label = label
        self.seed = -1
        self.counter = 0

    def u64(self) -> int:
        if self.seed < 0:
            self.seed = derive_seed(self._base, self._label)
        return super().u64()

    @property
    def stream(self) -> Stream:
        if self.seed < 0:
            self.seed = derive_seed(self._base, self._label)
        return Stream(self.seed, self.counter)
