"""Dealing hands and capacities, for the opening seats and for newcomers.

Newcomer ``k`` (the k-th arrival of the game) is drawn from its own sub-stream of the newcomer
stream, so what newcomer 3 holds does not depend on when or why they arrive: trainers can
print numbered newcomer envelopes before the session (FACILITATION.md, "Printed hands").
"""

from __future__ import annotations

import attrs

from consortium.engine.names import NEWCOMER_NAMES
from consortium.engine.rng import Draws, Stream, derive_seed
from consortium.engine.scenario import Scenario
from consortium.engine.state import Card


def deal_hand(scenario: Scenario, sector_id: str, hand_size: int, draws: Draws) -> tuple[Card, ...]:
    """``hand_size`` cards of distinct domains. Each card comes from the sector's home family
    with probability ``sector_bias``, otherwise from any domain; levels 1–3 uniformly."""
    home = scenario.sector(sector_id).home_family
    home_domains = [d.id for d in scenario.domains if d.family == home]
    all_domains = [d.id for d in scenario.domains]
    bias = scenario.rules.sector_bias
    cards: list[Card] = []
    taken: set[str] = set()
    while len(cards) < hand_size:
        pool = home_domains if home_domains and draws.chance(bias) else all_domains
        choices = [d for d in pool if d not in taken] or [d for d in all_domains if d not in taken]
        domain = draws.pick(choices)
        taken.add(domain)
        cards.append(Card(domain, draws.between(1, 3)))
    return tuple(sorted(cards, key=lambda c: (c.domain, c.level)))


def deal_capacity(capacity: int, spread: int, draws: Draws) -> int:
    """Dealt capacity: a whole number uniform in capacity ± capacity_spread (at least 1)."""
    return max(1, draws.between(capacity - spread, capacity + spread))


@attrs.frozen
class Newcomer:
    name: str
    sector: str
    capacity: int
    hand: tuple[Card, ...]


def newcomer(
    scenario: Scenario,
    stream: Stream,
    index: int,
    capacity: int,
    hand_size: int,
    sector: str | None = None,
) -> Newcomer:
    """The ``index``-th newcomer of the game (0-based). ``sector`` forces the sector (a
    scenario's ``replace`` event may name one); otherwise it is drawn."""
    draws = Draws(Stream(derive_seed(stream.seed, "newcomer", index)))
    name = draws.pick(NEWCOMER_NAMES)
    drawn_sector = draws.pick([s.id for s in scenario.sectors])
    sector_id = sector or drawn_sector
    cap = deal_capacity(capacity, scenario.rules.capacity_spread, draws)
    hand = deal_hand(scenario, sector_id, hand_size, draws)
    return Newcomer(name, sector_id, cap, hand)
