"""Plain words for every choice a person or the facilitator can make."""

from __future__ import annotations

from consortium.engine.actions import (
    Action,
    Declare,
    Initiate,
    Invite,
    Join,
    Respond,
    Reveal,
    SitOut,
    Stay,
    Vote,
)
from consortium.engine.state import Card, PublicState, TaskState
from consortium.present import scenario_words as words
from consortium.present.i18n import _
from consortium.present.labels import card_text


def _card(view: PublicState, hand: tuple[Card, ...], slot: int) -> str:
    return card_text(view.catalog, hand[slot])


def _title(view: PublicState, task: TaskState) -> str:
    return words.task_title(view.catalog, task.id, task.title)


def _text(view: PublicState, task: TaskState) -> str:
    return words.task_text(view.catalog, task.id, task.text)


def seat_choice(view: PublicState, hand: tuple[Card, ...], action: Action) -> tuple[str, str]:
    """(text, description) of one seat's choice; ``hand`` is that seat's own hand."""
    if isinstance(action, Reveal):
        if action.slot is None:
            return _("Pass: show no card"), _("You have nothing new to show, or you may pass.")
        return (_("Show {card}").format(card=_card(view, hand, action.slot)),
                _("This card will be shown to everyone."))
    if isinstance(action, Stay):
        task = view.team(action.seat)
        title = _title(view, task) if task else _("your task")
        return (_("Stay on {task}").format(task=title),
                _("Keep working on last round's task (the default)."))
    if isinstance(action, Initiate):
        task = view.task(action.task)
        card = _card(view, hand, action.slot)
        text = (
            _("Start {task} and lead it, signalling {card} · closed team") if action.closed
            else _("Start {task} and lead it, signalling {card}")
        )
        description = (
            _("{task_text} The signalled card becomes public for good. Only people whose "
              "signalled card shares a family with yours may join.") if action.closed
            else _("{task_text} The signalled card becomes public for good.")
        )
        return (text.format(task=_title(view, task), card=card),
                description.format(task_text=_text(view, task)))
    if isinstance(action, Join):
        task = view.task(action.task)
        lead = view.participants[task.lead].name if task.lead is not None else _("nobody")
        text = (
            _("Join {task} (closed team), led by {lead}, signalling {card}") if task.closed
            else _("Join {task}, led by {lead}, signalling {card}")
        )
        return (
            text.format(task=_title(view, task), lead=lead, card=_card(view, hand, action.slot)),
            _("{task_text} The signalled card becomes public for good.").format(
                task_text=_text(view, task)),
        )
    if isinstance(action, SitOut):
        return (_("Sit out this round"),
                _("Your home organization gets your hours (motivation +1)."))
    if isinstance(action, Vote):
        return (_("Vote FOR the board") if action.approve else _("Vote AGAINST the board")), ""
    if isinstance(action, Declare):  # said in public; a phone offers it to its own seat
        if action.plenary:
            return _("Join the plenary"), _("Work out this round's tasks with the others.")
        return _("Own way"), _("Choose your own task this round.")
    if isinstance(action, Respond):
        if view.invitation is None:
            return (_("Accept") if action.accept else _("Decline")), ""
        title = _title(view, view.task(view.invitation[1]))
        if action.accept:
            return (_("Accept: leave your team and join {task}").format(task=title),
                    _("Switching costs you 1 hour."))
        return _("Decline the invitation"), _("You stay where you are.")
    return type(action).__name__, ""


def invitation_text(view: PublicState, action: Invite) -> str:
    return _("Invite {name} onto {task}").format(
        name=view.participants[action.seat].name, task=_title(view, view.task(action.task)))


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
        return (_("Start {task} and lead it").format(task=_title(view, task)),
                _("{task_text} Next: the card to signal.").format(task_text=_text(view, task)))
    if isinstance(action, Join):
        task = view.task(action.task)
        lead = view.participants[task.lead].name if task.lead is not None else _("nobody")
        text = (_("Join {task} (closed team), led by {lead}") if task.closed
                else _("Join {task}, led by {lead}"))
        return (text.format(task=_title(view, task), lead=lead),
                _("{task_text} Next: the card to signal.").format(task_text=_text(view, task)))
    return seat_choice(view, hand, action)


def signal_text(view: PublicState, hand: tuple[Card, ...], action: Action) -> tuple[str, str]:
    """The second step's line: the card to signal (and, to start a task, open or closed)."""
    if isinstance(action, Initiate | Join):
        card = _card(view, hand, action.slot)
        if isinstance(action, Initiate) and action.closed:
            return (_("Signal {card} · closed team").format(card=card),
                    _("Only people whose signalled card shares a family with yours may join."))
        return (_("Signal {card}").format(card=card),
                _("The signalled card becomes public for good."))
    return seat_choice(view, hand, action)
