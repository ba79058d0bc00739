"""The end-of-game debrief as a plain record, built once at the Reveal.

This is the one place that reads the hidden ledger for display: after the facilitator's
Reveal everything is public (GAME.md, "Hidden information"). The debrief widgets receive this
record, never the game state, so they can also be painted onto a report page later.
"""

from __future__ import annotations

import attrs

from consortium.engine.metrics import GameMetrics, game_metrics
from consortium.engine.state import Card, Catalog, GameState
from consortium.ui.labels import card_short
from consortium.ui.prompts import choose_prompts


@attrs.frozen
class HandLine:
    """One participant's hand, revealed."""

    name: str
    sector: str
    rounds: str
    cards: str


@attrs.frozen
class PerspectiveLine:
    """A lost or excluded perspective and who held it."""

    round: int
    task: str
    requirement: str
    kind: str  # "lost, someone in the room held it" / "lost, nobody held it" / "excluded"
    holders: str


@attrs.frozen
class MotivationLine:
    name: str
    start: int
    end: int
    note: str


def jointholism_verdict(metrics: GameMetrics, threshold: float) -> str:
    """The engine's flag in words: at or above the threshold, or any empty talk hours."""
    if not metrics.jointholism_flag:
        return "not flagged"
    if metrics.jointholism_index >= threshold:
        return "FLAGGED"
    return "FLAGGED: empty talk hours"


def alignophilia_verdict(metrics: GameMetrics, threshold: float) -> str:
    """The engine's flag in words. The game-level index can sit above the threshold without
    the flag, which also asks for two rounds in a row above it with a perspective left out."""
    if metrics.alignophilia_flag:
        return "FLAGGED"
    index = metrics.alignophilia_index
    if index is not None and index >= threshold:
        return ("not flagged: never two rounds in a row at or above the threshold with a "
                "perspective left out")
    return "not flagged"


@attrs.frozen
class Gauge:
    """One index as a gauge shows it, on the screen or a page."""

    name: str
    value: float | None
    threshold: float
    verdict: str
    flagged: bool


@attrs.frozen
class RevealedDebrief:
    metrics: GameMetrics
    jointholism_threshold: float
    alignophilia_threshold: float
    rounds_played: int
    rounds_planned: int
    ended_early: bool
    impact_by_round: tuple[float, ...]
    modes: tuple[str, ...]
    hands: tuple[HandLine, ...]
    perspectives: tuple[PerspectiveLine, ...]
    motivation: tuple[MotivationLine, ...]
    departures: tuple[str, ...]
    prompts: tuple[str, ...]


def _cards(catalog: Catalog, hand: tuple[Card, ...]) -> str:
    return "; ".join(card_short(catalog, c) for c in hand)


def build_debrief(state: GameState, *, ended_early: bool = False) -> RevealedDebrief:
    public = state.public
    catalog = public.catalog
    scenario = state.ctx.scenario
    metrics = game_metrics(state)
    ledger = state.hidden.ledger

    hands: dict[tuple[int, str], tuple[str, list[int], tuple[Card, ...]]] = {}
    motivation: dict[tuple[int, str], list[int]] = {}
    for record in ledger:
        for seat_round in record.seats:
            key = (seat_round.seat, seat_round.name)
            sector = catalog.sector_name(seat_round.sector)
            entry = hands.setdefault(key, (sector, [], record.hands[seat_round.seat]))
            entry[1].append(record.round)
            mot = motivation.setdefault(key, [seat_round.motivation_before, 0])
            mot[1] = seat_round.motivation_after
    hand_lines = tuple(
        HandLine(
            name,
            sector,
            ", ".join(str(r) for r in rounds),
            _cards(catalog, hand),
        )
        for (_, name), (sector, rounds, hand) in sorted(hands.items(), key=lambda kv: kv[0])
    )

    def title(task_id: str) -> str:
        return public.task(task_id).title

    lines: list[PerspectiveLine] = []
    for record in ledger:
        for lost in record.lost:
            kind = "lost, someone in the room held it" if lost.present else "lost, nobody held it"
            holders = ", ".join(name for _, name in lost.holders) or "—"
            lines.append(
                PerspectiveLine(record.round, title(lost.task),
                                scenario.domain(lost.requirement).name, kind, holders)
            )
        for ex in record.excluded:
            holders = ", ".join(f"{name} ({why})" for _, name, why in ex.holders)
            lines.append(
                PerspectiveLine(record.round, title(ex.task),
                                scenario.domain(ex.requirement).name, "excluded", holders)
            )

    departed = [d for record in ledger for d in record.departures]
    departures = tuple(f"Round {d.round}: {d.name} ({d.reason})" for d in departed)
    left = {(d.seat, d.name): d.reason for d in departed}
    mot_lines = tuple(
        MotivationLine(name, start, end, left.get((seat, name), ""))
        for (seat, name), (start, end) in sorted(motivation.items())
    )
    rules = state.ctx.rules
    return RevealedDebrief(
        metrics=metrics,
        jointholism_threshold=rules.jointholism_flag,
        alignophilia_threshold=rules.alignophilia_flag,
        rounds_played=len(ledger),
        rounds_planned=public.rounds,
        ended_early=ended_early,
        impact_by_round=tuple(p.impact_this_round for p in public.pit_stops),
        modes=tuple(p.mode.label for p in public.pit_stops),
        hands=hand_lines,
        perspectives=tuple(lines),
        motivation=mot_lines,
        departures=departures,
        prompts=choose_prompts(metrics.jointholism_flag, metrics.alignophilia_flag),
    )


def gauges(d: RevealedDebrief) -> tuple[Gauge, Gauge]:
    """The jointholism and alignophilia gauges, each with the engine's verdict."""
    m = d.metrics
    return (
        Gauge("Jointholism index", m.jointholism_index, d.jointholism_threshold,
              jointholism_verdict(m, d.jointholism_threshold), m.jointholism_flag),
        Gauge("Alignophilia index", m.alignophilia_index, d.alignophilia_threshold,
              alignophilia_verdict(m, d.alignophilia_threshold), m.alignophilia_flag),
    )
