"""Words the window shows, in one place: neutral labels during play (FACILITATION.md), card
and hour formats. Concept names (jointholism, alignophilia) live only in the debrief."""

from __future__ import annotations

from consortium.engine.state import Card, Catalog, Phase, PublicState

PHASE_LABELS: dict[Phase, str] = {
    Phase.MODE_CHOICE: "Choose how to organize",
    Phase.INTRO_COUNT: "How many introductions?",
    Phase.INTRODUCTIONS: "Introductions",
    Phase.DECLARE: "Plenary or own way?",
    Phase.TURNS: "Private turns",
    Phase.DELIBERATION: "Talking it through",
    Phase.PLACEMENT: "Placing people on tasks",
    Phase.VOTE: "Vote on the board",
    Phase.PERSPECTIVE_CHECK: "Perspective check",
    Phase.INVITATION: "Invitation",
    Phase.PIT_STOP: "Pit stop",
    Phase.GAME_OVER: "Game over",
}

TIME_LABELS: tuple[str, ...] = (
    "time in meetings",
    "coordination overhead",
    "crowding",  # rules v3: the part of the overhead paid for members a task could not use
    "expert work",
    "mismatch work",
    "sitting out",
)


def hours(value: float) -> str:
    """Hours as people say them: whole numbers without decimals, else one decimal."""
    if abs(value - round(value)) < 0.05:
        return f"{round(value):d} h"
    return f"{value:.1f} h"


def number(value: float) -> str:
    return f"{value:.1f}"


def level_text(level: int) -> str:
    return "●" * level + "○" * (3 - level)


def card_text(catalog: Catalog, card: Card) -> str:
    """'Clinical oncology, level 2 (●●○)': the level in words and in dots, never colour."""
    return f"{catalog.domain_name(card.domain)}, level {card.level} ({level_text(card.level)})"


def card_short(catalog: Catalog, card: Card) -> str:
    return f"{catalog.domain_name(card.domain)} {level_text(card.level)}"


def family_of_card(catalog: Catalog, card: Card) -> str:
    family_id = catalog.family_of.get(card.domain, "")
    return next((f.name for f in catalog.families if f.id == family_id), family_id)


def domain(catalog: Catalog, domain_id: str) -> str:
    return catalog.domain_name(domain_id)


def seat_title(view: PublicState, seat: int) -> str:
    """'Ana (Civil society)'."""
    p = view.participants[seat]
    return f"{p.name} ({view.catalog.sector_name(p.sector)})"


def task_title(view: PublicState, task_id: str | None) -> str:
    if task_id is None:
        return "no task"
    return view.task(task_id).title


def round_line(view: PublicState) -> str:
    if view.round == 0:
        return "Setting up"
    parts = [f"Round {view.round} of {view.rounds}"]
    if view.mode is not None:
        parts.append(view.mode.label)
    parts.append(PHASE_LABELS[view.phase])
    return " · ".join(parts)
