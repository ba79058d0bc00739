"""What one seat's phone shows: its hand, hours, motivation and — on its turn — its choices,
as plain data (JSON-ready) in the words of the session's language.

Built only from that seat's own :class:`~consortium.engine.views.PlayerView` and its legal
actions, never from another seat's: the server hands a seat's snapshot to that seat's token
alone. The choices come in the laptop's two steps: what to do (one line per intent), then,
for starting or joining a task, the card to signal; showing a card asks to confirm. Every
text is data, never markup: the page puts it on screen with ``textContent``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from consortium.engine.actions import Action, Reveal
from consortium.engine.views import PlayerView
from consortium.present import scenario_words as words
from consortium.present.choice_text import intent_key, intent_text, signal_text
from consortium.present.hand_words import hours_text, motivation_text, notices, shown_text
from consortium.present.i18n import _
from consortium.present.labels import card_text, family_of_card, phase_label


def seat_snapshot(
    pv: PlayerView, choices: Sequence[Action], *, over: bool = False, ahead: bool = False,
    chosen_ahead: bool = False,
) -> dict[str, Any]:
    """The phone's page for one seat, as data. ``choices`` is empty when the seat has
    nothing to decide now; their order is the ids an act refers to. ``ahead``: the choices
    are for a turn still to come (play/early.py); ``chosen_ahead``: the seat's choice for
    its coming turn is in and waits for it."""
    view, private = pv.public, pv.private
    me = view.participants[pv.seat]
    hand = [
        {
            "text": card_text(view.catalog, card),
            "family": family_of_card(view.catalog, card),
            "shown": me.public_cards[slot] is not None,
        }
        for slot, card in enumerate(private.hand)
    ]
    intents: dict[tuple[str, str], int] = {}
    rows = []
    for number, action in enumerate(choices):
        key = intent_key(action)
        group = intents.setdefault(key, len(intents))
        text, description = signal_text(view, private.hand, action)
        intent, intent_description = intent_text(view, private.hand, action)
        confirm = None
        if isinstance(action, Reveal) and action.slot is not None:
            confirm = _("This card will be shown to everyone: {card}.").format(
                card=card_text(view.catalog, private.hand[action.slot]))
        rows.append({
            "id": number, "group": group, "intent": intent,
            "intent_description": intent_description, "text": text,
            "description": description, "confirm": confirm,
        })
    return {
        "seat": pv.seat,
        "seat_title": _("Seat {number}").format(number=pv.seat + 1),
        "name": me.name,
        "sector": words.sector_name(view.catalog, me.sector),
        "phase": phase_label(view.phase),
        "your_turn": bool(rows),
        "ahead": ahead,
        "chosen_ahead": chosen_ahead,
        "over": over,
        "notice": " ".join(notices(pv)) or None,
        "hours": hours_text(private),
        "motivation": motivation_text(private),
        "hand": hand,
        "choices": rows,
    }


def page_words() -> dict[str, str]:
    """The page's own words (buttons, headings), in the session's language."""
    return {
        "your_hand": _("Your hand"),
        "shown": shown_text(True),
        "not_shown": shown_text(False),
        "your_choice": _("Your choice"),
        "choose_ahead": _("Choose now: it goes in when your turn comes."),
        "chosen_ahead": _("Chosen. It goes in when your turn comes; watch the board."),
        "which_card": _("Which card do you signal? It becomes public for good."),
        "confirm": _("Confirm"),
        "back": _("Back"),
        "waiting": _("Not your turn: watch the board."),
        "sent": _("Sent. Watch the board."),
        "over": _("The game is over: the debrief is on the board."),
        "lost": _("Cannot reach the laptop; trying again…"),
    }
