"""Words the window shows, in one place: neutral labels during play (FACILITATION.md), card
and hour formats. Concept names (jointholism, alignophilia) live only in the debrief.

The tables below hold the English source marked with ``N_`` (the module is imported before a
language is chosen); :func:`phase_label`, :func:`mode_label` and :func:`time_label` translate
where a label is shown. The engine keeps codes (``Phase``, ``Mode``); their words live here.
"""

from __future__ import annotations

from consortium.engine.events import Left
from consortium.engine.state import Card, Catalog, Mode, Phase, PublicState
from consortium.present import scenario_words as words
from consortium.present.i18n import N_, _
from consortium.present.numbers import decimal

PHASE_LABELS: dict[Phase, str] = {
    Phase.MODE_CHOICE: N_("Choose how to organize"),
    Phase.INTRO_COUNT: N_("How many introductions?"),
    Phase.INTRODUCTIONS: N_("Introductions"),
    Phase.DECLARE: N_("Plenary or own way?"),
    Phase.TURNS: N_("Private turns"),
    Phase.DELIBERATION: N_("Talking it through"),
    Phase.PLACEMENT: N_("Placing people on tasks"),
    Phase.VOTE: N_("Vote on the board"),
    Phase.PERSPECTIVE_CHECK: N_("Perspective check"),
    Phase.INVITATION: N_("Invitation"),
    Phase.PIT_STOP: N_("Pit stop"),
    Phase.GAME_OVER: N_("Game over"),
}

MODE_LABELS: dict[Mode, str] = {
    Mode.DEMOCRATIC: N_("Plenary"),
    Mode.SELF_SELECTION: N_("Pick your own"),
    Mode.HYBRID: N_("Mixed"),
}
"""The neutral word for each way of organizing shown during play (FACILITATION.md), not the
concept name."""

TIME_LABELS: tuple[str, ...] = (
    N_("time in meetings"),
    N_("coordination overhead"),
    N_("crowding"),  # rules v3: the part of the overhead paid for members a task could not use
    N_("expert work"),
    N_("mismatch work"),
    N_("sitting out"),
)
"""The parts of a time budget, in English: also the keys of the chart's colours, so they are
translated only where shown (:func:`time_label`)."""


def phase_label(phase: Phase) -> str:
    """The neutral label of a phase, in the current language."""
    return _(PHASE_LABELS[phase])


def mode_label(mode: Mode) -> str:
    """'Plenary', 'Pick your own', 'Mixed', in the current language."""
    return _(MODE_LABELS[mode])


def time_label(part: str) -> str:
    """A part of the time budget (one of :data:`TIME_LABELS`), in the current language."""
    return _(part)


def hours(value: float) -> str:
    """Hours as people say them: whole numbers without decimals, else one decimal."""
    if abs(value - round(value)) < 0.05:
        return _("{hours} h").format(hours=f"{round(value):d}")
    return _("{hours} h").format(hours=decimal(value, 1))


def number(value: float) -> str:
    """A quantity of work or impact with one decimal ("2.5", "2,5")."""
    return decimal(value, 1)


def level_text(level: int) -> str:
    return "●" * level + "○" * (3 - level)


def card_text(catalog: Catalog, card: Card) -> str:
    """'Clinical oncology, level 2 (●●○)': the level in words and in dots, never colour."""
    return _("{domain}, level {level} ({dots})").format(
        domain=words.domain_name(catalog, card.domain), level=card.level,
        dots=level_text(card.level)
    )


def card_short(catalog: Catalog, card: Card) -> str:
    return f"{words.domain_name(catalog, card.domain)} {level_text(card.level)}"


def family_of_card(catalog: Catalog, card: Card) -> str:
    return words.family_name(catalog, catalog.family_of.get(card.domain, ""))


def domain(catalog: Catalog, domain_id: str) -> str:
    return words.domain_name(catalog, domain_id)


def seat_title(view: PublicState, seat: int) -> str:
    """'Ana (Civil society)'."""
    p = view.participants[seat]
    return f"{p.name} ({words.sector_name(view.catalog, p.sector)})"


def predecessor(view: PublicState, seat: int) -> str | None:
    """Who sat in ``seat`` before its newcomer, when the seat changed hands at this round's
    comings and goings (from the public log's departures), else ``None``."""
    p = view.participants[seat]
    if p.arrived_round != view.round or view.round <= 1:
        return None
    for entry in reversed(view.log):
        if entry.round == view.round and isinstance(entry.event, Left) \
                and entry.event.seat == seat:
            return entry.event.name
    return None


def handoff_title(view: PublicState, seat: int) -> str:
    """'Pass to Umar (Business), seat 3 — new, formerly Carla's seat': who takes the laptop,
    with the seat number the room can see and, for a newcomer, whose seat it was."""
    p = view.participants[seat]
    sector = words.sector_name(view.catalog, p.sector)
    before = predecessor(view, seat)
    if before is not None:
        return _("Pass to {name} ({sector}), seat {number} — new, formerly {predecessor}'s "
                 "seat").format(name=p.name, sector=sector, number=seat + 1,
                                predecessor=before)
    return _("Pass to {name} ({sector}), seat {number}").format(
        name=p.name, sector=sector, number=seat + 1)


def task_title(view: PublicState, task_id: str | None) -> str:
    if task_id is None:
        return _("no task")
    return words.task_title(view.catalog, task_id, view.task(task_id).title)


def round_line(view: PublicState) -> str:
    if view.round == 0:
        return _("Setting up")
    parts = [_("Round {number} of {rounds}").format(number=view.round, rounds=view.rounds)]
    if view.mode is not None:
        parts.append(mode_label(view.mode))
    parts.append(phase_label(view.phase))
    return " · ".join(parts)


REASONS: tuple[str, ...] = (
    # why someone left (engine.state.Departure.reason)
    N_("moved on"),
    N_("burned out"),
    N_("replaced"),
    # why a holder's knowledge never reached the task (engine.state.Excluded.holders)
    N_("turned away"),
    N_("sitting out"),
    N_("mismatched"),
    N_("duplicating"),
)
"""The engine's reason codes (English words used as stable codes in saves and the ledger)."""


def reason_label(code: str) -> str:
    """An engine reason code (:data:`REASONS`) in the current language; an unknown code as
    it is."""
    return _(code) if code in REASONS else code
