"""What the board announces to the room, in words: who left and who took their seat, the
scenario events that fired, the round's way of organizing, and the vote's result.

Built from the Events the play session reports (``Change.events``), never by comparing views
or reading the log's prose. The board keeps the Events it has not yet had dismissed and asks
for their lines here each time, so a newcomer is paired with the person whose seat they took
even when the two Events came in separate changes, and the words follow the language.
"""

from __future__ import annotations

from collections.abc import Sequence

from consortium.engine import events as ev
from consortium.engine.state import Catalog, Mode
from consortium.present.i18n import _
from consortium.present.labels import mode_label, reason_label
from consortium.present.scenario_words import localized_event

ANNOUNCED = (ev.Left, ev.Arrived, ev.EventFired, ev.ModeStarted, ev.VotePassed, ev.VoteFailed)
"""The Events the board announces (the rest are only in its log)."""


def announced(events: Sequence[ev.Event]) -> list[ev.Event]:
    return [e for e in events if isinstance(e, ANNOUNCED)]


def vote_result(votes_for: int, voters: int, *, passed: bool) -> str:
    """"passed 4–2": for, then against (an abstention is not cast)."""
    text = _("The vote passed {votes_for}–{against}") if passed else _(
        "The vote failed {votes_for}–{against}")
    return text.format(votes_for=votes_for, against=voters - votes_for)


def announcement_lines(events: Sequence[ev.Event], catalog: Catalog | None = None
                       ) -> list[str]:
    """One line per announced Event, in order; a departure followed by an arrival in the
    same seat reads as one line (the newcomer, the seat and whom they replace). With the
    game's ``catalog``, the scenario's words are in the current language."""
    events = [localized_event(e, catalog) for e in events]
    arrivals = {e.seat for e in events if isinstance(e, ev.Arrived)}
    leavers: dict[int, ev.Left] = {}
    lines = []
    for e in events:
        if isinstance(e, ev.Left):
            leavers[e.seat] = e
            if e.seat not in arrivals:
                lines.append(_("{name} left seat {seat} ({reason}).").format(
                    name=e.name, seat=e.seat + 1, reason=reason_label(e.reason)))
        elif isinstance(e, ev.Arrived):
            gone = leavers.get(e.seat)
            if gone is not None:
                lines.append(_("Seat {seat}: {name} ({sector}) replaces {predecessor} "
                               "({reason}).").format(
                    seat=e.seat + 1, name=e.name, sector=e.sector_name,
                    predecessor=gone.name, reason=reason_label(gone.reason)))
            else:
                lines.append(_("Seat {seat}: {name} ({sector}) joins.").format(
                    seat=e.seat + 1, name=e.name, sector=e.sector_name))
        elif isinstance(e, ev.EventFired):
            lines.append(_("Event: {title}. {text}").format(title=e.title, text=e.text))
        elif isinstance(e, ev.ModeStarted):
            mode = mode_label(Mode(e.mode)) if e.mode in {m.value for m in Mode} else e.mode
            lines.append(_("Round {round}: {mode}").format(round=e.round, mode=mode))
        elif isinstance(e, ev.VotePassed | ev.VoteFailed):
            lines.append(vote_result(e.votes_for, e.voters, passed=isinstance(e, ev.VotePassed)))
    return lines
