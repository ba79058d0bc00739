"""Predict, then reveal (issue 14): the two questions the room answers by show of hands before
the Reveal, and their answers beside what happened.

1. "Which way of organizing would have scored highest with this deal?" — one of the three ways
   (Plenary, Pick your own, Mixed); answered by the what-if of the same deal (bots, not
   people): the way whose best policy has the highest median impact.
2. "Who in the room held the knowledge ‹task› missed (‹requirement›)?" — for one task that
   lost a perspective someone in the room held (an excluded perspective first: that holder
   was present and available); answered by the Reveal.

The question's task and requirement are public once the game is over (the room is asked
about them); who held it is not, until the Reveal. No Qt.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from consortium.engine.bots import POLICIES
from consortium.engine.state import GameState, Mode
from consortium.engine.what_if_bands import WhatIfResult
from consortium.present import scenario_words as words
from consortium.present.i18n import _
from consortium.present.labels import mode_label
from consortium.store.notes import DebriefNotes, Predictions

WAYS: tuple[Mode, ...] = (Mode.DEMOCRATIC, Mode.SELF_SELECTION, Mode.HYBRID)
"""The three ways of organizing, in the board's order."""


@attrs.frozen
class HolderQuestion:
    """The second question's task and requirement (public once the game is over)."""

    task: str
    title: str
    requirement: str
    requirement_name: str
    round: int


def best_way_question() -> str:
    return _("Which way of organizing would have scored highest with this deal?")


def holder_question_text(q: HolderQuestion) -> str:
    return _("“{task}” missed {requirement} in round {round}. Who in the room held that "
             "knowledge?").format(task=q.title, requirement=q.requirement_name, round=q.round)


def holder_question(state: GameState) -> HolderQuestion | None:
    """The task the second question asks about: the first perspective shut out while its
    holder was in the room, else the first lost one that someone present held; ``None`` when
    no perspective was missed that anyone in the room held."""
    catalog = state.public.catalog
    names = {d.id: words.domain_name(catalog, d.id) for d in catalog.domains}
    titles = {t.id: words.task_title(catalog, t.id, t.title) for t in state.public.tasks}
    for record in state.hidden.ledger:
        for x in record.excluded:
            return HolderQuestion(x.task, titles.get(x.task, x.task), x.requirement,
                                  names.get(x.requirement, x.requirement), record.round)
    for record in state.hidden.ledger:
        for lost in record.lost:
            if lost.present:
                return HolderQuestion(lost.task, titles.get(lost.task, lost.task),
                                      lost.requirement,
                                      names.get(lost.requirement, lost.requirement),
                                      record.round)
    return None


def holders(state: GameState, q: HolderQuestion) -> tuple[str, ...]:
    """Who in the room held the missing knowledge that round (names, in seat order):
    revealed in the debrief only."""
    for record in state.hidden.ledger:
        if record.round != q.round:
            continue
        for x in record.excluded:
            if x.task == q.task and x.requirement == q.requirement:
                return tuple(name for _seat, name in sorted({(s, n) for s, n, _w in x.holders}))
        for lost in record.lost:
            if lost.task == q.task and lost.requirement == q.requirement:
                return tuple(name for _seat, name in sorted(set(lost.holders)))
    return ()


def way_of(policy: str) -> Mode:
    return POLICIES[policy].mode


def best_way(medians: Sequence[tuple[str, float]]) -> Mode | None:
    """The way whose best policy has the highest median impact, from (policy, median)."""
    best: tuple[float, Mode] | None = None
    for policy, median in medians:
        mode = way_of(policy)
        if best is None or median > best[0]:
            best = (median, mode)
    return best[1] if best is not None else None


def hands_line(p: Predictions) -> str:
    """'Hands: Plenary 3 · Pick your own 5 · Mixed 1'."""
    counts = dict(p.best_way)
    return _("Hands: {hands}").format(hands=" · ".join(
        _("{way} {count}").format(way=mode_label(way), count=counts.get(way.value, 0))
        for way in WAYS))


def room_favourite(p: Predictions) -> Mode | None:
    """The way most hands went to (``None``: no hands, or a tie at the top)."""
    counts = dict(p.best_way)
    ranked = sorted(((counts.get(w.value, 0), w) for w in WAYS), key=lambda c: -c[0])
    if not ranked or ranked[0][0] == 0 or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return None
    return ranked[0][1]


def best_way_answer(p: Predictions | None, answer: Mode | None) -> str:
    """The first prediction beside the what-if's answer."""
    said = hands_line(p) if p is not None and p.best_way else _("No hands were recorded.")
    if answer is None:
        return _("{said}\nThe what-if of this deal is still being worked out.").format(
            said=said)
    verdict = ""
    if p is not None and p.best_way:
        favourite = room_favourite(p)
        verdict = (_("The room's favourite was right.") if favourite is answer
                   else _("The room's favourite was not the bots' best.") if favourite
                   else _("The room was split."))
    return _("{said}\nBots, not people, did best with {way} on this deal. {verdict}").format(
        said=said, way=mode_label(answer), verdict=verdict).strip()


def holder_answer(p: Predictions | None, held_by: Sequence[str],
                  named: Sequence[str]) -> str:
    """The second prediction beside the Reveal: whom the room named, who held it."""
    if p is None or (not p.named and not p.nobody):
        said = _("The room named nobody.")
    elif p.nobody:
        said = _("The room said nobody in the room held it.")
    else:
        said = _("The room named {names}.").format(names=", ".join(named))
    truth = (_("It was held by {names}.").format(names=", ".join(held_by)) if held_by
             else _("Nobody in the room held it."))
    return f"{said} {truth}"


def medians(result: WhatIfResult | None) -> list[tuple[str, float]] | None:
    """(policy, median final impact) of a what-if, the first question's evidence."""
    return None if result is None else [(b.policy, b.impact.median) for b in result.bands]


def answered(notes: DebriefNotes, question: HolderQuestion | None,
             held_by: Sequence[str], names: Sequence[str],
             medians: Sequence[tuple[str, float]] | None) -> tuple[tuple[str, str], ...]:
    """The two predictions beside what happened, as (question, answer) pairs (the board's
    debrief and the report):
    ``names`` are the participants by seat (whom the room named), ``medians`` the what-if's
    (policy, median impact), ``None`` when it was not worked out."""
    p = notes.predictions
    answer = best_way(medians) if medians else None
    lines = [(best_way_question(), best_way_answer(p, answer))]
    if question is not None:
        named = [names[seat] for seat in (p.named if p is not None else ())
                 if 0 <= seat < len(names)]
        lines.append((holder_question_text(question), holder_answer(p, held_by, named)))
    return tuple(lines)
