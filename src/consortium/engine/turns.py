"""Self-selection turns and the hybrid Declare (GAME.md, self-selection and hybrid modes).

In rotating seat order each participant, in private, chooses to Stay on last round's task,
initiate an open task without a lead, join a task that has a lead, or sit out. Initiating or
joining signals one card, public for good; it must match a visible requirement of the task if
the participant holds one that does. A closed team turns away anyone whose signalled card
shares no family with the lead's public cards; the attempt is recorded and the turn goes on.
Nobody talks about cards here: signals are the only channel.
"""

from __future__ import annotations

from consortium.engine.actions import Declare, IllegalAction, Initiate, Join, SitOut, Stay
from consortium.engine.ops import (
    evolve_public,
    join_task,
    leave_task,
    log,
    make_public,
    participants_with,
    present_seats,
    set_participant,
)
from consortium.engine.state import GameState, Mode, Phase
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
    hand = state.seats[seat].hand
    visible = set(state.public.task(task_id).visible)
    matching = [i for i, c in enumerate(hand) if c.domain in visible]
    return matching or list(range(len(hand)))


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
        raise IllegalAction("You have no task to stay on; choose another.")


def check_initiate(state: GameState, action: Initiate) -> None:
    if action.task not in initiable(state, action.seat):
        raise IllegalAction("Only an open task without a lead can be initiated.")
    if action.slot not in signal_slots(state, action.seat, action.task):
        raise IllegalAction("Signal a card that matches a visible requirement of the task.")


def check_join(state: GameState, action: Join) -> None:
    if action.task not in joinable(state, action.seat):
        raise IllegalAction("Only a task with a lead that you are not on can be joined.")
    if action.slot not in signal_slots(state, action.seat, action.task):
        raise IllegalAction("Signal a card that matches a visible requirement of the task.")


def apply_stay(state: GameState, action: Stay) -> GameState:
    return next_turn(state)


def apply_initiate(state: GameState, action: Initiate) -> GameState:
    state = make_public(state, action.seat, action.slot)
    state = join_task(state, action.seat, action.task, lead=True, closed=action.closed)
    title = state.public.task(action.task).title
    name = state.public.participants[action.seat].name
    state = log(state, "initiate", f"{name} started {title}.")
    return next_turn(state)


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
    state = make_public(state, action.seat, action.slot)
    name = state.public.participants[action.seat].name
    title = state.public.task(action.task).title
    if not admitted(state, action.seat, action.task, action.slot):
        state = evolve_public(
            state, turned_away=(*state.public.turned_away, (action.seat, action.task))
        )
        return log(state, "turned-away", f"{name} was turned away from {title}.")
    state = join_task(state, action.seat, action.task)
    state = log(state, "join", f"{name} joined {title}.")
    return next_turn(state)


def apply_sit_out(state: GameState, action: SitOut) -> GameState:
    state = leave_task(state, action.seat)
    return next_turn(state, sat_out=(*state.public.sat_out, action.seat))
