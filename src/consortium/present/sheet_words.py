"""The words of printed hands (FACILITATION.md, "Printed hands"; docs/printed-hands.md): one
page per seat and one per newcomer envelope, and the public acts the facilitator enters for a
seat in the printed-hands mode ("Seat 2 reveals: Health data & AI").

A page is a :class:`Page` of plain strings; ``consortium.ui.shell.print_hands`` lays it out
on A4 with QPdfWriter, a test or the command line reads :func:`page_text`. No Qt here.
"""

from __future__ import annotations

import attrs

from consortium.engine.sheets import Envelope, SeatSheet, Sheets
from consortium.engine.state import Card, Catalog
from consortium.present import scenario_words as words
from consortium.present.i18n import _
from consortium.present.labels import family_of_card, level_text
from consortium.present.numbers import plain


@attrs.frozen
class Page:
    """One printed page: a big title, a line under it, the cards, a table of hours, and how
    to read the sheet."""

    title: str
    subtitle: str
    cards_heading: str
    cards: tuple[str, ...]
    hours_heading: str
    table: tuple[tuple[str, ...], ...]  # the first row is the header
    notes_heading: str
    notes: tuple[str, ...]
    footer: str


def card_line(catalog: Catalog, card: Card) -> str:
    """'Health data & AI — level 2 ●●○ (technical)'."""
    return _("{domain} — level {level} {dots} ({family})").format(
        domain=words.domain_name(catalog, card.domain), level=card.level,
        dots=level_text(card.level),
        family=family_of_card(catalog, card))


def _shared_notes(sheets: Sheets) -> list[str]:
    return [
        _("Keep this sheet face down. Nobody else may see it; show a card only when you "
          "reveal or signal it, and say it aloud so the facilitator can enter it."),
        _("Hours: what you have for the partnership this round, before meetings. The table "
          "already includes your private swing for each round."),
        _("If an event changes everyone's hours, add its change to this round's hours "
          "(never below 0)."),
        _("Motivation starts at {start}. Keep your own tally in the margin: +1 when your "
          "task finishes with quality of at least 2/3; +1 for sitting out; −1 when you are "
          "placed (by vote or invitation) on a task none of your cards matches; −1 when "
          "meetings take at least half your hours; −1 after two rounds in a row sitting out "
          "or turned away.").format(start=sheets.motivation_start),
        _("At motivation {low} or less, your hours are halved. The laptop keeps the exact "
          "count and never shows it; at 0 you leave at the next round (burned out).").format(
            low=sheets.low_motivation),
    ]


def seat_page(sheets: Sheets, sheet: SeatSheet, catalog: Catalog) -> Page:
    rounds = range(1, sheets.rounds + 1)
    header = (_("Round"), *(str(r) for r in rounds))
    row = (_("Your hours"), *(str(h) for h in sheet.hours))
    return Page(
        title=_("Seat {seat}: {name}").format(seat=sheet.seat + 1, name=sheet.name),
        subtitle=_("{sector} · capacity {capacity} h a round").format(
            sector=words.sector_name(catalog, sheet.sector), capacity=sheet.capacity),
        cards_heading=_("Your cards"),
        cards=tuple(card_line(catalog, c) for c in sheet.hand),
        hours_heading=_("Your hours in each round"),
        table=(header, row),
        notes_heading=_("How to read this sheet"),
        notes=(
            *_shared_notes(sheets),
            _("If you leave the partnership, hand this sheet back: your cards leave with "
              "you."),
        ),
        footer=_("{title} · printed hands · seat {seat}").format(
            title=words.scenario_title(catalog), seat=sheet.seat + 1),
    )


def envelope_page(sheets: Sheets, envelope: Envelope, catalog: Catalog) -> Page:
    header = (_("Seat \\ round"), *(str(r) for r in range(2, sheets.rounds + 1)))
    rows = tuple(
        (str(seat + 1), *(str(h) for h in envelope.hours[seat]))
        for seat in range(len(envelope.hours))
    )
    factor = sheets.onboarding_factor
    return Page(
        title=_("Newcomer envelope {number}: {name}").format(
            number=envelope.number, name=envelope.name),
        subtitle=_("{sector} · capacity {capacity} h a round").format(
            sector=words.sector_name(catalog, envelope.sector), capacity=envelope.capacity),
        cards_heading=_("Your cards"),
        cards=tuple(card_line(catalog, c) for c in envelope.hand),
        hours_heading=_("Your hours: find the row of the seat you take"),
        table=(header, *rows),
        notes_heading=_("How to read this sheet"),
        notes=(
            _("Open this envelope only when the facilitator hands it to you: newcomers "
              "arrive in the order of the numbers, whoever leaves."),
            _("In the round you arrive, you are learning the partnership: multiply that "
              "round's hours by {factor}.").format(factor=plain(factor)),
            *_shared_notes(sheets),
        ),
        footer=_("{title} · printed hands · envelope {number}").format(
            title=words.scenario_title(catalog), number=envelope.number),
    )


def pages(sheets: Sheets, catalog: Catalog) -> tuple[Page, ...]:
    """Every page, in print order: the seats, then the envelopes in arrival order."""
    return (*(seat_page(sheets, s, catalog) for s in sheets.seats),
            *(envelope_page(sheets, e, catalog) for e in sheets.envelopes))


def page_text(page: Page) -> str:
    """A page as plain text (tests, the command line)."""
    lines = [page.title, page.subtitle, "", page.cards_heading, *page.cards, "",
             page.hours_heading, *("  ".join(row) for row in page.table), "",
             page.notes_heading, *page.notes, "", page.footer]
    return "\n".join(lines)


# --- the facilitator's entry of public acts (ui/laptop/public_acts.py) ----------------------


def act_heading(seat_title: str, seat: int) -> str:
    """'Seat 2, Ana (Civil society): enter what they do, as said aloud'."""
    return _("Seat {seat}, {who}: enter what they do, as said aloud").format(
        seat=seat + 1, who=seat_title)


def act_hint(phase_code: str) -> str:
    """What the room does now, in a printed-hands session (by phase code)."""
    hints = {
        "INTRODUCTIONS": _("They show one card from their sheet and say it aloud."),
        "TURNS": _("They say whether they stay, sit out, start a task or join one, and which "
                   "card they signal."),
        "INVITATION": _("They say whether they accept the invitation."),
        "VOTE": _("Secret ballot on paper: collect the people's folded ballots, count them "
                  "and enter how many say yes. The bots vote on their own."),
    }
    return hints.get(phase_code, "")


def envelope_line(number: int, seat: int, name: str) -> str:
    return _("Hand newcomer envelope {number} to seat {seat} ({name}).").format(
        number=number, seat=seat + 1, name=name)


def ballots_line(voters: int) -> str:
    return _("Ballots that say yes (of {voters}):").format(voters=voters)
