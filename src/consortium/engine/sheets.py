"""What printed hands can carry: everything the deal fixes before the first move.

FACILITATION.md, "Printed hands": one sheet per seat and numbered newcomer envelopes. Which
parts of a seat's private information are fixed in advance, read off the seeded streams
(engine/rng.py, state.Streams):

- the opening **hand** and dealt **capacity** of every seat (the deal stream);
- the private **hours swing** of every seat in every round: ``draw_hours`` takes exactly one
  draw per seat per round from the hours stream, whatever happened in play, so swing
  ``(round, seat)`` is draw ``(round − 1) · seats + seat + 1`` of that stream;
- every **newcomer** in arrival order (name, sector, capacity, hand: deal.newcomer draws the
  k-th arrival from its own sub-stream; a ``replace`` event's ``sector`` says whom it
  replaces, not who comes).

What depends on play, and so no sheet can carry: **motivation** (and with it the halving of
hours at ``low_motivation`` and burn-outs), which seat a newcomer takes and when (burn-outs
add arrivals), chance events that change everyone's hours, and the onboarding halving of a
newcomer's first round (public: who arrived is on the board). docs/printed-hands.md says
how the printed-hands mode handles each.

Pure functions of the game's start; no state is changed.
"""

from __future__ import annotations

import attrs

from consortium.engine.deal import newcomer
from consortium.engine.rng import Draws, Stream, derive_seed
from consortium.engine.state import Card, GameState


@attrs.frozen
class SeatSheet:
    """One seat's sheet: the person seated there at the start, their hand and their hours
    for every round while they hold the seat (before any halving)."""

    seat: int
    name: str
    sector: str  # sector id
    hand: tuple[Card, ...]
    capacity: int
    hours: tuple[int, ...]  # per round 1..rounds: max(0, capacity + swing)


@attrs.frozen
class Envelope:
    """Newcomer envelope ``number`` (1-based, the order of arrival). ``hours[seat][i]`` is
    their hours in round ``i + 2`` if they take ``seat`` (before any halving)."""

    number: int
    name: str
    sector: str  # sector id
    capacity: int
    hand: tuple[Card, ...]
    hours: tuple[tuple[int, ...], ...]


@attrs.frozen
class Sheets:
    """Every page of a printed-hands session."""

    rounds: int
    seats: tuple[SeatSheet, ...]
    envelopes: tuple[Envelope, ...]
    hours_swing: int
    low_motivation: int
    onboarding_factor: float
    motivation_start: int


def swings(seed: int, seats: int, rounds: int, *, legacy: bool, hours_swing: int) -> tuple[
        tuple[int, ...], ...]:
    """``swings(...)[round - 1][seat]``: the private shift of each seat's hours in each round,
    drawn exactly as ``round_start.draw_hours`` draws it (one draw per seat per round)."""
    draws = Draws(Stream(derive_seed(seed, "hours")))
    out = []
    for _round in range(rounds):
        row = []
        for _seat in range(seats):
            if legacy:
                row.append((-2, 0, 2)[draws.below(3)])
            else:
                row.append(draws.below(2 * hours_swing + 1) - hours_swing)
        out.append(tuple(row))
    return tuple(out)


def possible_arrivals(state: GameState) -> int:
    """How many newcomers a game can have at most: every seat in every round from 2 (moved on
    or burned out), plus every ``replace`` event (a chance one in every round)."""
    config = state.ctx.config
    rounds = config.rounds
    seats = len(config.seats)
    events = 0
    for event in state.ctx.scenario.events:
        if event.effect.kind != "replace":
            continue
        if event.chance is not None:
            events += rounds
        elif event.round is not None and event.round <= rounds:
            events += 1
    return seats * (rounds - 1) + events


def printed_sheets(start: GameState) -> Sheets:
    """The sheets of the game that ``start`` begins (the state of a new game, or
    ``History.start`` of a saved one)."""
    ctx = start.ctx
    config, scenario, rules = ctx.config, ctx.scenario, ctx.rules
    n = len(config.seats)
    shift = swings(config.seed, n, config.rounds, legacy=rules.version == 1,
                   hours_swing=rules.hours_swing)
    seat_sheets = tuple(
        SeatSheet(
            seat=seat,
            name=setup.name,
            sector=setup.sector,
            hand=start.seats[seat].hand,
            capacity=start.seats[seat].capacity,
            hours=tuple(max(0, start.seats[seat].capacity + shift[r][seat])
                        for r in range(config.rounds)),
        )
        for seat, setup in enumerate(config.seats)
    )
    envelopes = []
    for index in range(possible_arrivals(start)):
        person = newcomer(scenario, start.hidden.streams.newcomers, index, config.capacity,
                          config.hand_size)
        hours = tuple(
            tuple(max(0, person.capacity + shift[r][seat]) for r in range(1, config.rounds))
            for seat in range(n)
        )
        envelopes.append(Envelope(index + 1, person.name, person.sector, person.capacity,
                                  person.hand, hours))
    return Sheets(
        rounds=config.rounds,
        seats=seat_sheets,
        envelopes=tuple(envelopes),
        hours_swing=rules.hours_swing,
        low_motivation=rules.low_motivation,
        onboarding_factor=rules.onboarding_factor,
        motivation_start=rules.motivation_start,
    )
