"""The engine's Events, refusals, undo blocks and the session's notices in the reader's
language.

The engine says what happened as data (:mod:`consortium.engine.events`); this module says it
in words, through :func:`~consortium.present.i18n._`. In English each line reads exactly as
the prose log did before Events (the golden playthroughs keep that English as their
rendering). Scenario words (task titles, domain and sector names, an event's own text) are
shown as the scenario has them, or, given the game's catalog, in the current language when
the scenario translates them (``title_sv``).

Only the Events the public log keeps have a line; the others (a vote cast, a turn moved)
are for programs and return ``None`` from :func:`event_text`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from consortium.engine import events as ev
from consortium.engine.state import Catalog, LogEntry, Mode
from consortium.play.records import Notice
from consortium.play.undo import UndoAnswer
from consortium.present.i18n import N_, _, ngettext
from consortium.present.labels import mode_label, reason_label
from consortium.present.numbers import decimal, percent
from consortium.present.scenario_words import localized_event, task_title

MODE_VALUES = frozenset(mode.value for mode in Mode)
"""The codes an Event names a way of organizing by (the words: present.labels)."""




def _names(names: tuple[str, ...]) -> str:
    return ", ".join(names)


def _mode_started(e: ev.ModeStarted) -> str:
    label = mode_label(Mode(e.mode)) if e.mode in MODE_VALUES else e.mode
    return _("Round {round}: {mode}.").format(round=e.round, mode=label)


def _game_over(e: ev.GameOver) -> str:
    if e.ended_early_in is None:
        return (_("The partnership reached its target.") if e.won
                else _("The partnership did not reach its target."))
    text = (_("The partnership reached its target (ended early in round {round}).") if e.won
            else _("The partnership did not reach its target (ended early in round {round})."))
    return text.format(round=e.ended_early_in)


def _need_discovered(e: ev.NeedDiscovered) -> str:
    text = (_("{title}: the team found a need ({names}).") if e.by == "team"
            else _("{title}: the plenary found a need ({names})."))
    return text.format(title=e.title, names=_names(e.domain_names))


def _task_finished(e: ev.TaskFinished) -> str:
    return _("{title} finished: quality {quality}, impact {impact}.").format(
        title=e.title, quality=percent(e.quality), impact=decimal(e.impact, 1)
    )


def _left(e: ev.Left) -> str:
    reason = reason_label(e.reason)
    return _("{name} ({reason}) left seat {seat}.").format(
        name=e.name, reason=reason, seat=e.seat + 1
    )


def _arrived(e: ev.Arrived) -> str:
    return _("{name} ({sector}) arrived in seat {seat}.").format(
        name=e.name, sector=e.sector_name, seat=e.seat + 1
    )


def _walked_out(e: ev.KnowledgeWalkedOut) -> str:
    return _("{title}: what only {name} knew ({names}) left with them.").format(
        title=e.title, name=e.name, names=_names(e.domain_names)
    )


def _handover(e: ev.Handover) -> str:
    return _("{title} lost {loss} of its progress in the handover.").format(
        title=e.title, loss=percent(e.loss)
    )


def _vote(passed: bool) -> Callable[[Any], str]:
    def words(e: ev.VotePassed | ev.VoteFailed) -> str:
        text = (_("The allocation passed, {votes_for} of {voters} for.") if passed
                else _("The allocation failed, {votes_for} of {voters} for."))
        return text.format(votes_for=e.votes_for, voters=e.voters)
    return words


def _seat_task(message: Callable[[], str]) -> Callable[[Any], str]:
    def words(e: ev.Invited) -> str:
        return message().format(name=e.name, title=e.title)
    return words


def _facilitator_acted(e: ev.FacilitatorActed) -> str:
    if e.what == "skip":
        return _("The facilitator skipped {name}'s turn.").format(name=e.name)
    if e.what == "bot":
        return _("A bot now plays {name}'s seat (seat {seat}).").format(
            name=e.name, seat=(e.seat or 0) + 1)
    if e.what == "person":
        return _("{name} (seat {seat}) is played by a person again.").format(
            name=e.name, seat=(e.seat or 0) + 1)
    return _("The facilitator had the bots play the rest of the game (fast-forward).")


_WORDS: dict[type, Callable[[Any], str]] = {
    ev.ModeStarted: _mode_started,
    ev.GameOver: _game_over,
    ev.NeedDiscovered: _need_discovered,
    ev.TaskFinished: _task_finished,
    ev.Invited: _seat_task(lambda: _("The group invited {name} onto {title}.")),
    ev.InvitationDeclined: _seat_task(lambda: _("{name} declined the invitation to {title}.")),
    ev.InvitationAccepted: _seat_task(lambda: _("{name} accepted and joined {title}.")),
    ev.VotePassed: _vote(True),
    ev.VoteFailed: _vote(False),
    ev.MostSupportedStands: lambda e: _(
        "After the last failed vote, the most supported allocation stands."
    ),
    ev.TaskStarted: _seat_task(lambda: _("{name} started {title}.")),
    ev.Joined: _seat_task(lambda: _("{name} joined {title}.")),
    ev.TurnedAway: _seat_task(lambda: _("{name} was turned away from {title}.")),
    ev.Left: _left,
    ev.Arrived: _arrived,
    ev.KnowledgeWalkedOut: _walked_out,
    ev.Handover: _handover,
    ev.EventFired: lambda e: _("{title}: {text}").format(title=e.title, text=e.text),
    ev.FacilitatorActed: _facilitator_acted,
    ev.HolderNamed: lambda e: _("The facilitator named {name} as a holder of {domain}.").format(
        name=e.name, domain=e.domain_name
    ),
}


def event_text(event: ev.Event, catalog: Catalog | None = None) -> str | None:
    """The log line of ``event`` in the current language; ``None`` for an Event the log
    does not keep. With the game's ``catalog``, the scenario's words in it are shown in the
    current language too (:mod:`consortium.present.scenario_words`)."""
    words = _WORDS.get(type(event))
    return None if words is None else words(localized_event(event, catalog))


def log_text(entry: LogEntry, catalog: Catalog | None = None) -> str:
    """One line of the "What happened" list (without its round)."""
    return event_text(entry.event, catalog) or ""


# --- refusals (IllegalAction codes) and what Undo would not do ---------------------------

_REFUSALS: Mapping[str, str] = {
    "game-over": N_("The game is over."),
    "wrong-phase": N_("{action} is not possible during {phase}."),
    "not-your-turn": N_("It is not this participant's turn."),
    "group-decision": N_("This is a decision for the group."),
    "intro-count-out-of-range": N_("The group can hold 0 to {limit} introductions."),
    "no-card-chosen": N_("Choose one of your hidden cards to show."),
    "card-not-hidden": N_("That card is not one of your hidden cards."),
    "talk-out-of-range": N_("Talk time must be between {low} and {high} minutes."),
    "not-in-plenary": N_("Only plenary members are placed on the board."),
    "task-not-open": N_("That task is not open."),
    "proposal-wrong-length": N_("A proposal names a task (or none) for every seat."),
    "unplaced": N_("Everyone in the plenary must be placed first: {names}."),
    "no-task-to-stay-on": N_("You have no task to stay on; choose another."),
    "cannot-initiate": N_("Only an open task without a lead can be initiated."),
    "cannot-join": N_("Only a task with a lead that you are not on can be joined."),
    "signal-no-match": N_("Signal a card that matches a visible requirement of the task."),
    "invitation-not-new-knowledge": N_(
        "An invitation brings someone onto a team that shows none of the invitee's "
        "families of knowledge."
    ),
    "no-invitation": N_("There is no invitation for you to answer."),
    "not-in-room": N_("Name someone who is in the room."),
    # printed hands (play/printed.py): the facilitator's entry, not the engine, was refused
    "not-on-sheet": N_("That card is not on this seat's sheet; check what was said."),
    # the one notice the board shows for any refused printed-hands entry (play/session.py)
    "entered-act-refused": N_("That is not possible; check what was said and enter it again."),
    "no-task-named": N_("Choose the task first."),
    "tally-out-of-range": N_("Enter 0 to {high} ballots for."),
}


def refusal_text(code: str, args: Mapping[str, object], fallback: str = "") -> str:
    """Why the engine refused an action (an ``IllegalAction``'s code and arguments); the
    engine's own ``fallback`` reason for a code without words here."""
    message = _REFUSALS.get(code)
    if message is None:
        return fallback
    fields = dict(args)
    if "names" in fields and isinstance(fields["names"], tuple):
        fields["names"] = _names(fields["names"])
    return _(message).format(**fields)


_UNDO_BLOCKS: Mapping[str, str] = {
    "round-resolved": N_("the work of the round was resolved and the results are on the board"),
    "game-over": N_("the game is over"),
    "card-shown": N_("{name} showed a card to everyone"),
    "need-found": N_("a hidden need of {title} was found"),
    "ballot-counted": N_("the secret ballot was counted"),
    "nothing-to-undo": N_("nothing has happened yet in this game"),
    "no-game": N_("no game is in play"),
    "fast-forward": N_("the bots are fast-forwarding"),
}


def undo_block_text(code: str, *, name: str = "", title: str = "", task: str = "",
                    texts: Catalog | None = None) -> str:
    """Why Undo is not possible (shown beside the greyed-out menu item). With the game's
    ``texts`` and the ``task``'s id, the task is named in the reader's language, not the
    scenario file's (``title`` is the file's, as the engine has it)."""
    if texts is not None and task:
        title = task_title(texts, task, title)
    return _(_UNDO_BLOCKS.get(code, code)).format(name=name, title=title)


def undo_answer_text(answer: UndoAnswer, texts: Catalog | None = None) -> str | None:
    """Why the :class:`~consortium.play.undo.UndoAnswer` says no, or ``None`` when Undo can."""
    if answer.blocked_by is None:
        return None
    reveal = answer.reveal
    if reveal is None:
        return undo_block_text(answer.blocked_by)
    return undo_block_text(answer.blocked_by, name=reveal.name, title=reveal.title,
                           task=reveal.task, texts=texts)


_NOTICES: Mapping[str, str] = {
    "paused": N_("The game is paused."),
    "not-in-plenary": N_("Only members of the plenary are placed on the board."),
    "choose-participant-first": N_("Click a participant first, then a task."),
    "clock-while-talking": N_("The talk clock runs while the plenary talks."),
    "clock-stays-stopped": N_("The talk clock stays stopped after the pause."),
    "resume-first": N_("Resume first: the talk clock does not run in a pause."),
}


def _who(notice: Notice) -> tuple[int, str]:
    steps = int(str(notice.args.get("steps", 0)))
    who = _("the group") if notice.args.get("actor") is None else str(notice.args.get("name"))
    return steps, who


def notice_text(notice: Notice | None, texts: Catalog | None = None) -> str:
    """The session's last refusal or hint in words ("" for none); ``texts``, the game's
    catalog, names tasks in the reader's language."""
    if notice is None:
        return ""
    args = notice.args
    if notice.code == "refused":
        fields = {k: v for k, v in args.items() if k not in ("refusal", "reason")}
        return refusal_text(str(args.get("refusal", "")), fields, str(args.get("reason", "")))
    if notice.code == "cannot-undo":
        why = undo_block_text(str(args.get("blocked_by", "")), name=str(args.get("name", "")),
                              title=str(args.get("title", "")), task=str(args.get("task", "")),
                              texts=texts)
        return _("Cannot undo: {why}.").format(why=why)
    if notice.code == "undone":
        steps, who = _who(notice)
        return ngettext("Undone: {steps} action; {who} decides now.",
                        "Undone: {steps} actions; {who} decides now.", steps).format(
                            steps=steps, who=who)
    if notice.code == "redone":
        steps, who = _who(notice)
        return ngettext("Redone: {steps} action; {who} decides now.",
                        "Redone: {steps} actions; {who} decides now.", steps).format(
                            steps=steps, who=who)
    message = _NOTICES.get(notice.code)
    return _(message) if message is not None else notice.code
