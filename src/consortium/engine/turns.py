"""Self-selection turns and the hybrid Declare (GAME.md, self-selection and hybrid modes).

In rotating seat order each participant, in private, chooses to Stay on last round's task,
initiate an open task without a lead, join a task that has a lead, or sit out. Initiating or
joining signals one card, public for good; it must match a visible requirement of the task if
the participant holds one that does. A closed team turns away anyone whose signalled card
shares no family with the lead's public cards; the attempt is recorded and the turn goes on.
Nobody talks about cards here: signals are the only channel.
"""

from __future__ import annotations

import functools

from consortium.engine.actions import Declare, IllegalAction, Initiate, Join, SitOut, Stay
from consortium.engine.events import Joined, TaskStarted, TurnedAway
from consortium.engine.frozen import evolve
from consortium.engine.ops import (
    evolve_public,
    logged,
    moved,
    participants_with,
    present_seats,
    set_participant,
    shown_cards,
)
from consortium.engine.state import GameState, Mode, Phase, TaskState
from consortium.engine.turn_order import next_turn, start_turns

# --- declare (hybrid) ---------------------------------------------------------------------


def enter_declare(state: GameState) -> GameState | None:
    return start_turns(state, Phase.DECLARE, present_seats(state.public))


def apply_declare(state: GameState, action: Declare) -> GameState:
    people = participants_with(state, action.seat, declared_plenary=action.plenary)
    state = next_turn(state, participants=people)
    if state.public.phase_done:
        plenary = [
            s for s in present_seats(state.public) if state.public.participants[s].declared_plenary
        ]
        if len(plenary) == 1:  # a lone plenary declarer takes an own-way turn
            state = set_participant(state, plenary[0], declared_plenary=False)
    return state


# --- self-selection turns -----------------------------------------------------------------


def enter_turns(state: GameState) -> GameState | None:
    seats = present_seats(state.public)
    if state.public.mode is Mode.HYBRID:
        seats = [s for s in seats if not state.public.participants[s].declared_plenary]
    return start_turns(state, Phase.TURNS, seats)


def can_stay(state: GameState, seat: int) -> bool:
    task = state.public.team(seat)
    return task is not None and task.status == "open"


def signal_slots(state: GameState, seat: int, task_id: str) -> list[int]:
    """The cards a participant may signal for a task: the ones matching a visible
    requirement if any does, else any card."""
    domains = tuple([c.domain for c in state.seats[seat].hand])
    return list(slots_for(domains, state.public.task(task_id).visible))


@functools.lru_cache(maxsize=8192)
def slots_for(domains: tuple[str, ...], visible: tuple[str, ...]) -> tuple[int, ...]:
    """:func:`signal_slots` for a hand's domains and a task's visible requirements: the
    matching slots, else every slot (memoised: the same few hands meet the same tasks all
    game; game.legal_actions and the turn bot both ask for every open task at every turn;
    bounded, since a long simulation meets many hands)."""
    return tuple([i for i, d in enumerate(domains) if d in visible]) or tuple(range(len(domains)))


def initiable(state: GameState, seat: int) -> list[str]:
    return [
        t.id
        for t in state.public.open_tasks
        if t.lead is None and state.public.participants[seat].task != t.id
    ]


def joinable(state: GameState, seat: int) -> list[str]:
    refused = {task for who, task in state.public.turned_away if who == seat}
    return [
        t.id
        for t in state.public.open_tasks
        if t.lead is not None
        and t.id != state.public.participants[seat].task
        and t.id not in refused
    ]


def check_stay(state: GameState, action: Stay) -> None:
    if not can_stay(state, action.seat):
        raise IllegalAction("You have no task to stay on; choose another.", "no-task-to-stay-on")


def _open_task(state: GameState, task_id: str) -> TaskState | None:
    for task in state.public.tasks:
        if task.id == task_id:
            return task if task.status == "open" else None
    return None


def _may_signal(state: GameState, seat: int, task: TaskState, slot: int) -> bool:
    """``slot in signal_slots(state, seat, task.id)``, without building the list."""
    hand = state.seats[seat].hand
    visible = task.visible
    if any(c.domain in visible for c in hand):
        return 0 <= slot < len(hand) and hand[slot].domain in visible
    return 0 <= slot < len(hand)


def check_initiate(state: GameState, action: Initiate) -> None:
    # ``action.task in initiable(state, seat)``, looking at that task alone
    task = _open_task(state, action.task)
    mine = state.public.participants[action.seat].task
    if task is None or task.lead is not None or mine == task.id:
        raise IllegalAction(
            "Only an open task without a lead can be initiated.", "cannot-initiate"
        )
    if not _may_signal(state, action.seat, task, action.slot):
        raise IllegalAction(
            "Signal a card that matches a visible requirement of the task.", "signal-no-match"
        )


def check_join(state: GameState, action: Join) -> None:
    # ``action.task in joinable(state, seat)``, looking at that task alone
    task = _open_task(state, action.task)
    public = state.public
    if (
        task is None
        or task.lead is None
        or task.id == public.participants[action.seat].task
        or (action.seat, task.id) in public.turned_away
    ):
        raise IllegalAction(
            "Only a task with a lead that you are not on can be joined.", "cannot-join"
        )
    if not _may_signal(state, action.seat, task, action.slot):
        raise IllegalAction(
            "Signal a card that matches a visible requirement of the task.", "signal-no-match"
        )


def apply_stay(state: GameState, action: Stay) -> GameState:
    return next_turn(state)


def apply_initiate(state: GameState, action: Initiate) -> GameState:
    # make_public, join_task (as lead), log and next_turn, in one public copy
    seat = action.seat
    public = state.public
    cards = shown_cards(state, seat, action.slot)
    tasks, people = moved(public, seat, action.task, lead=True, closed=action.closed)
    if cards is not people[seat].public_cards:
        people[seat] = evolve(people[seat], public_cards=cards)
    title = public.task(action.task).title
    name = people[seat].name
    return next_turn(
        state,
        tasks=tasks,
        participants=tuple(people),
        log=logged(public, TaskStarted(seat, name, action.task, title)),
    )


def admitted(state: GameState, seat: int, task_id: str, slot: int) -> bool:
    """A closed team admits only a signalled card sharing a family with the lead's cards."""
    task = state.public.task(task_id)
    if not task.closed or task.lead is None:
        return True
    lead_cards = [c for c in state.public.participants[task.lead].public_cards if c is not None]
    if not lead_cards:
        return True
    family = state.ctx.family_of
    signalled = family[state.seats[seat].hand[slot].domain]
    return any(family[c.domain] == signalled for c in lead_cards)


def apply_join(state: GameState, action: Join) -> GameState:
    # make_public, then join_task, log and next_turn (or the turn-away and log), in one
    # public copy; whether the team admits the card does not depend on the signal being
    # public yet (it looks at the lead's cards and the signalled card)
    seat = action.seat
    public = state.public
    cards = shown_cards(state, seat, action.slot)
    name = public.participants[seat].name
    title = public.task(action.task).title
    if not admitted(state, seat, action.task, action.slot):
        people = participants_with(state, seat, public_cards=cards)
        return evolve_public(
            state,
            participants=people,
            turned_away=(*public.turned_away, (seat, action.task)),
            log=logged(public, TurnedAway(seat, name, action.task, title)),
        )
    tasks, moved_people = moved(public, seat, action.task)
    if cards is not moved_people[seat].public_cards:
        moved_people[seat] = evolve(moved_people[seat], public_cards=cards)
    return next_turn(
        state,
        tasks=tasks,
        participants=tuple(moved_people),
        log=logged(public, Joined(seat, name, action.task, title)),
    )


def apply_sit_out(state: GameState, action: SitOut) -> GameState:
    seat = action.seat
    sat_out = (*state.public.sat_out, seat)
    if state.public.participants[seat].task is None:  # leave_task: nothing to leave
        return next_turn(state, sat_out=sat_out)
    tasks, people = moved(state.public, seat, None)
    return next_turn(state, tasks=tasks, participants=tuple(people), sat_out=sat_out)
