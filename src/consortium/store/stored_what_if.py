"""The what-if kept with a session (a save's ``room.what_if``, save format 5), so a comparison
of a dozen tables (``consortium compare``, Session → Compare sessions…) opens in a second
instead of replaying 600 bot games per table.

What is kept is the what-if from round 1 (the deal alone, the one every table of the same
deal shares) as its bands: per main policy the 10th percentile, median and 90th percentile
of final impact, jointholism, lost and excluded perspectives and of the impact after each
round. Not the 600 single runs (nothing shown reads them; they would be most of the file),
and not the group's own result, which comes from the game itself when it is shown.

Kept, but never trusted blindly: :meth:`StoredWhatIf.result_for` gives the bands only when
they were worked out for this very deal (``deal``: the table code of the scenario and
set-up, store/table_code.py), from round 1, with the number of replays asked for, for the
main policies in their order, one band per round of the game, and every band in order
(10th ≤ median ≤ 90th). Anything else (a save edited by hand, a what-if of another seed
count, a newer Consortium's policies) is ignored and the what-if is worked out again.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs

from consortium.engine.bots import MAIN_POLICIES
from consortium.engine.what_if_bands import Band, PolicyBand, WhatIfResult


@attrs.frozen
class StoredBand:
    """One policy's bands (:class:`~consortium.engine.what_if_bands.PolicyBand` without its
    runs)."""

    policy: str
    impact: Band
    jointholism: Band
    lost: Band
    excluded: Band
    impact_by_round: tuple[Band, ...]


@attrs.frozen
class StoredWhatIf:
    """A what-if as a save keeps it: for the deal ``deal`` (a table code), from round
    ``from_round``, ``seeds`` replays per policy."""

    deal: str
    from_round: int
    seeds: int
    bands: tuple[StoredBand, ...]

    @classmethod
    def of(cls, result: WhatIfResult, deal: str) -> StoredWhatIf:
        return cls(deal, result.from_round, result.seeds, tuple(
            StoredBand(b.policy, b.impact, b.jointholism, b.lost, b.excluded, b.impact_by_round)
            for b in result.bands))

    def result(self) -> WhatIfResult:
        """The bands as a :class:`WhatIfResult` (no runs, no group: add it with
        ``with_group``)."""
        return WhatIfResult(self.from_round, self.seeds, tuple(
            PolicyBand(b.policy, b.impact, b.jointholism, b.lost, b.impact_by_round, (),
                       b.excluded)
            for b in self.bands))

    def mismatch(self, deal: str, rounds: int, seeds: int,
                 policies: Sequence[str] = MAIN_POLICIES) -> str | None:
        """Why these bands are not the what-if of the game asked about (``None``: they are)."""
        if self.deal != deal:
            return "worked out for another deal"
        if self.from_round != 1:
            return f"worked out from round {self.from_round}, not from the deal"
        if self.seeds != seeds:
            return f"{self.seeds} replays per way, not {seeds}"
        if tuple(b.policy for b in self.bands) != tuple(policies):
            return "other ways of organizing"
        for b in self.bands:
            if len(b.impact_by_round) != rounds:
                return f"{len(b.impact_by_round)} rounds, not {rounds}"
            for band in (b.impact, b.jointholism, b.lost, b.excluded, *b.impact_by_round):
                values = (band.p10, band.median, band.p90)
                if not all(math.isfinite(v) for v in values) or not (
                        band.p10 <= band.median <= band.p90):
                    return "a band out of order"
        return None

    def result_for(self, deal: str, rounds: int, seeds: int,
                   policies: Sequence[str] = MAIN_POLICIES) -> WhatIfResult | None:
        """The bands when they are the what-if of this game (:meth:`mismatch`), else
        ``None``: work it out again."""
        if self.mismatch(deal, rounds, seeds, policies) is not None:
            return None
        return self.result()
