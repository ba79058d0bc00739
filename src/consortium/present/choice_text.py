"""Plain words for every choice a person or the facilitator can make."""

from __future__ import annotations

from consortium.engine.actions import (
    Action,
    Initiate,
    Invite,
    Join,
    Respond,
    Reveal,
    SitOut,
    Stay,
    Vote,
)
from consortium.engine.state import Card, PublicState
from consortium.present.labels import card_text


def _card(view: PublicState, hand: tuple[Card, ...], slot: int) -> str:
    return card_text(view.catalog, hand[slot])


def seat_choice(view: PublicState, hand: tuple[Card, ...], action: Action) -> tuple[str, str]:
    """(text, description) of one seat's choice; ``hand`` is that seat's own hand."""
    if isinstance(action, Reveal):
        if action.slot is None:
            return "Pass: show no card", "You have nothing new to show, or you may pass."
        return f"Show {_card(view, hand, action.slot)}", "This card will be shown to everyone."
    if isinstance(action, Stay):
        task = view.team(action.seat)
        title = task.title if task else "your task"
        return f"Stay on {title}", "Keep working on last round's task (the default)."
    if isinstance(action, Initiate):
        task = view.task(action.task)
        closed = " · closed team" if action.closed else ""
        return (
            f"Start {task.title} and lead it, signalling {_card(view, hand, action.slot)}"
            f"{closed}",
            f"{task.text} The signalled card becomes public for good."
            + (" Only people whose signalled card shares a family with yours may join."
               if action.closed else ""),
        )
    if isinstance(action, Join):
        task = view.task(action.task)
        lead = view.participants[task.lead].name if task.lead is not None else "nobody"
        closed = " (closed team)" if task.closed else ""
        return (
            f"Join {task.title}{closed}, led by {lead}, signalling "
            f"{_card(view, hand, action.slot)}",
            f"{task.text} The signalled card becomes public for good.",
        )
    if isinstance(action, SitOut):
        return "Sit out this round", "Your home organization gets your hours (motivation +1)."
    if isinstance(action, Vote):
        return ("Vote FOR the board" if action.approve else "Vote AGAINST the board"), ""
    if isinstance(action, Respond):
        if view.invitation is None:
            return ("Accept" if action.accept else "Decline"), ""
        title = view.task(view.invitation[1]).title
        if action.accept:
            return f"Accept: leave your team and join {title}", "Switching costs you 1 hour."
        return "Decline the invitation", "You stay where you are."
    return type(action).__name__, ""


def invitation_text(view: PublicState, action: Invite) -> str:
    return f"Invite {view.participants[action.seat].name} onto {view.task(action.task).title}"


def intent_key(action: Action) -> tuple[str, str]:
    """Choices that differ only in the card to signal (or in closing the team) share a key:
    the curtain asks first what to do, then which card to signal."""
    if isinstance(action, Initiate):
        return ("initiate", action.task)
    if isinstance(action, Join):
        return ("join", action.task)
    return (type(action).__name__, repr(action))


def intent_text(view: PublicState, hand: tuple[Card, ...], action: Action) -> tuple[str, str]:
    """The first step's line: what to do, without the card."""
    if isinstance(action, Initiate):
        task = view.task(action.task)
        return f"Start {task.title} and lead it", f"{task.text} Next: the card to signal."
    if isinstance(action, Join):
        task = view.task(action.task)
        lead = view.participants[task.lead].name if task.lead is not None else "nobody"
        closed = " (closed team)" if task.closed else ""
        return f"Join {task.title}{closed}, led by {lead}", f"{task.text} Next: the card to signal."
    return seat_choice(view, hand, action)


def signal_text(view: PublicState, hand: tuple[Card, ...], action: Action) -> tuple[str, str]:
    """The second step's line: the card to signal (and, to start a task, open or closed)."""
    if isinstance(action, Initiate | Join):
        card = _card(view, hand, action.slot)
        if isinstance(action, Initiate) and action.closed:
            return (f"Signal {card} · closed team",
                    "Only people whose signalled card shares a family with yours may join.")
        return f"Signal {card}", "The signalled card becomes public for good."
    return seat_choice(view, hand, action)
