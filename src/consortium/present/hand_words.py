"""The words of a person's own hand: what the laptop's private panel (behind the curtain)
and a seat's phone page both say, in one place so the two never drift apart."""

from __future__ import annotations

from consortium.engine.state import PrivateSeat
from consortium.engine.views import PlayerView
from consortium.present import scenario_words as words
from consortium.present.i18n import _
from consortium.present.labels import hours


def notices(pv: PlayerView) -> list[str]:
    """What the person must know before choosing: that they took over this seat, and the
    teams that turned them away this turn."""
    view, me = pv.public, pv.public.participants[pv.seat]
    said = []
    if pv.private.notice:  # the engine's flag that this seat was taken over: said here
        said.append(_("You are now {name}, {sector}; your old hand is gone.").format(
            name=me.name, sector=words.sector_name(view.catalog, me.sector)))
    refused = [words.task_title(view.catalog, t, view.task(t).title)
               for who, t in view.turned_away if who == pv.seat]
    if refused:
        said.append(_("You were turned away from {tasks}: choose again.").format(
            tasks=", ".join(refused)))
    return said


def hours_text(private: PrivateSeat) -> str:
    left = private.hours_left
    if left != private.hours:
        return _("Your hours this round: {hours} ({left} left after meetings)").format(
            hours=hours(private.hours), left=hours(left))
    return _("Your hours this round: {hours}").format(hours=hours(private.hours))


def motivation_text(private: PrivateSeat) -> str:
    return _("Motivation: {motivation} of 5").format(motivation=private.motivation)


def shown_text(shown: bool) -> str:
    """Whether one card of the hand is public."""
    return _("shown to everyone") if shown else _("not shown")
