"""The Events one action caused (:func:`~consortium.engine.game.step` returns them).

The rules write the Events the public log keeps where they happen (a vote counted, a task
finished, someone leaving). The rest are known from the action itself and from the rules'
own record of the step: the action's own Event (a placement, a vote cast, talk charged),
cards that became public, a new round, a pit stop, and whose decision is open now. Order:
the action's Event, a new round, the cards shown, the logged Events in the log's order, a
pit stop, and last the phase entered or where the turn moved to.
"""

from __future__ import annotations

from consortium.engine.actions import (
    Action,
    CallVote,
    ChooseMode,
    Declare,
    Deliberate,
    NoInvite,
    Place,
    ProposeBoard,
    Reveal,
    SetIntroductions,
    SitOut,
    Stay,
    Talk,
    Vote,
)
from consortium.engine.events import (
    BoardProposed,
    CardRevealed,
    Declared,
    Deliberated,
    Event,
    IntroductionsSet,
    ModeChosen,
    NoInvitation,
    Passed,
    PhaseEntered,
    PitStop,
    Placed,
    RoundStarted,
    SatOut,
    Stayed,
    TalkCharged,
    TurnMoved,
    VoteCalled,
    VoteCast,
    Worked,
)
from consortium.engine.state import GameState


def action_event(before: GameState, action: Action) -> Event | None:
    """The Event of the action itself, for the actions the log does not keep."""
    kind = type(action)
    if kind is Place:
        assert isinstance(action, Place)
        return Placed(action.seat, action.task)
    if kind is Vote:
        assert isinstance(action, Vote)
        return VoteCast(action.seat, None if before.public.secret_ballot else action.approve)
    if kind is Stay:
        assert isinstance(action, Stay)
        return Stayed(action.seat, before.public.participants[action.seat].task)
    if kind is Reveal:
        assert isinstance(action, Reveal)
        return Passed(action.seat) if action.slot is None else None  # a card: CardRevealed
    if kind is Talk:
        assert isinstance(action, Talk)
        return TalkCharged(action.minutes)
    if kind is Deliberate:
        assert isinstance(action, Deliberate)
        return Deliberated(action.minutes)
    if kind is Declare:
        assert isinstance(action, Declare)
        return Declared(action.seat, action.plenary)
    if kind is SitOut:
        assert isinstance(action, SitOut)
        return SatOut(action.seat)
    if kind is ChooseMode:
        assert isinstance(action, ChooseMode)
        return ModeChosen(action.mode.value)
    if kind is SetIntroductions:
        assert isinstance(action, SetIntroductions)
        return IntroductionsSet(action.count)
    if kind is ProposeBoard:
        assert isinstance(action, ProposeBoard)
        return BoardProposed(action.placements)
    if kind is CallVote:
        return VoteCalled()
    if kind is NoInvite:
        return NoInvitation()
    return None


def cards_revealed(before: GameState, after: GameState) -> list[Event]:
    """Cards that were hidden before the step and are public after it, seat by seat (a
    newcomer's hand starts hidden, so a seat taken over shows nothing here)."""
    shown: list[Event] = []
    old, new = before.public.participants, after.public.participants
    for seat, (a, b) in enumerate(zip(old, new, strict=True)):
        if a is b or a.public_cards == b.public_cards or a.name != b.name:
            continue
        for slot, (was, now) in enumerate(zip(a.public_cards, b.public_cards, strict=False)):
            if was is None and now is not None:
                shown.append(CardRevealed(seat, slot, now.domain, now.level))
    return shown


def worked(before: GameState, after: GameState) -> list[Worked]:
    """The teams' work of the round that ``before`` → ``after`` resolved, task by task."""
    now = {t.id: t for t in after.public.tasks}
    return [
        Worked(t.id, t.title, now[t.id].progress - t.progress, now[t.id].progress, t.effort,
               t.members)
        for t in before.public.tasks
        if t.status == "open" and t.members and t.id in now
    ]


def events_of(before: GameState, action: Action, after: GameState) -> tuple[Event, ...]:
    """Every Event of the step from ``before`` to ``after`` by ``action``."""
    old, new = before.public, after.public
    events: list[Event] = []
    own = action_event(before, action)
    if own is not None:
        events.append(own)
    if new.round != old.round:
        events.append(RoundStarted(new.round))
    events += cards_revealed(before, after)
    events += [entry.event for entry in new.log[len(old.log):]]
    if len(new.pit_stops) != len(old.pit_stops):
        events += worked(before, after)
        events.append(PitStop(new.pit_stops[-1].round))
    if new.phase is not old.phase or new.round != old.round:
        events.append(PhaseEntered(new.phase.value, new.actor, new.turn))
    elif (new.actor, new.turn) != (old.actor, old.turn):
        events.append(TurnMoved(new.phase.value, new.actor, new.turn))
    return tuple(events)
