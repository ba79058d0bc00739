"""The engine's front door: ``new_game``, ``legal_actions``, ``check``, ``apply`` and ``step``.

``apply`` re-checks every action, so nothing outside the rules ever changes a state; the UI
enables controls from ``legal_actions`` and bots choose from it. ``check`` validates one action
without building the whole legal list.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import attrs

from consortium.engine import flow, intros, perspective, plenary, turns
from consortium.engine.actions import (
    FACILITATED,
    FACILITATOR_ACTIONS,
    Action,
    CallVote,
    ChooseMode,
    Continue,
    Declare,
    Deliberate,
    EndGame,
    Facilitated,
    IllegalAction,
    Initiate,
    Invite,
    Join,
    NameHolder,
    NoInvite,
    Place,
    ProposeBoard,
    Respond,
    Reveal,
    SetIntroductions,
    SitOut,
    Stay,
    Talk,
    Vote,
    actor_of,
)
from consortium.engine.deal import deal_capacity, deal_hand
from consortium.engine.events import Event, FacilitatorActed, HolderNamed
from consortium.engine.frozen import evolve
from consortium.engine.happened import events_of
from consortium.engine.ops import (
    evolve_public,
    log,
    make_public,
    new_task_state,
    next_step,
    present_seats,
)
from consortium.engine.rng import Draws
from consortium.engine.round_start import begin_round
from consortium.engine.scenario import Scenario
from consortium.engine.state import (
    Catalog,
    Context,
    GameConfig,
    GameState,
    HiddenState,
    Mode,
    Participant,
    Phase,
    PrivateSeat,
    PublicState,
    Streams,
)


def _no_check(state: GameState, action: Any) -> None:
    return None


def _choose_mode(state: GameState, action: ChooseMode) -> GameState:
    return evolve_public(state, mode=action.mode, phase_done=True)


def _continue(state: GameState, action: Continue) -> GameState:
    return flow.next_round(state)


def _check_name_holder(state: GameState, action: NameHolder) -> None:
    people = state.public.participants
    if not 0 <= action.seat < len(people) or not people[action.seat].present:
        raise IllegalAction("Name someone who is in the room.", "not-in-room")
    if action.slot not in intros.hidden_slots(state, action.seat):
        raise IllegalAction("That card is not hidden.", "card-not-hidden")


def _name_holder(state: GameState, action: NameHolder) -> GameState:
    state = make_public(state, action.seat, action.slot)
    card = state.seats[action.seat].hand[action.slot]
    name = state.public.participants[action.seat].name
    domain = state.public.catalog.domain_name(card.domain)
    return log(state, HolderNamed(action.seat, name, card.domain, domain))


def _end_game(state: GameState, action: EndGame) -> GameState:
    return flow.end_game(state, early=True)


def _check_facilitated(state: GameState, action: Facilitated) -> None:
    if action.what not in FACILITATED:
        raise IllegalAction(f"Unknown facilitator act {action.what!r}.", "unknown-act",
                            {"what": action.what})
    people = state.public.participants
    if action.what == "fast-forward":
        if action.seat is not None:
            raise IllegalAction("A fast-forward names no seat.", "no-seat-here")
        return
    if action.seat is None or not 0 <= action.seat < len(people):
        raise IllegalAction("Name a seat at the table.", "not-in-room")
    if action.what == "skip" and action.seat != state.public.actor:
        raise IllegalAction("It is not this participant's turn.", "not-your-turn")


def _facilitated(state: GameState, action: Facilitated) -> GameState:
    seat = action.seat
    name = "" if seat is None else state.public.participants[seat].name
    if seat is not None and action.what in ("bot", "person"):
        state = evolve_public(state, participants=tuple(
            evolve(p, is_bot=action.what == "bot") if i == seat else p
            for i, p in enumerate(state.public.participants)))
    return log(state, FacilitatorActed(action.what, seat, name))


def facilitator_actions(state: GameState) -> list[Action]:
    """The facilitator's own moves, possible in any phase until the game is over (they are not
    part of any turn, so :func:`legal_actions` does not list them): naming the holder of any
    hidden card, and ending the game early."""
    if state.over:
        return []
    named: list[Action] = [
        NameHolder(seat, slot)
        for seat in present_seats(state.public)
        for slot in intros.hidden_slots(state, seat)
    ]
    return [*named, EndGame()]


Handler = tuple[Callable[[GameState, Any], None], Callable[[GameState, Any], GameState]]

HANDLERS: dict[type, Handler] = {
    ChooseMode: (_no_check, _choose_mode),
    SetIntroductions: (intros.check_set_intros, intros.apply_set_intros),
    Reveal: (intros.check_reveal, intros.apply_reveal),
    Deliberate: (plenary.check_deliberate, plenary.apply_deliberate),
    Talk: (plenary.check_talk, plenary.apply_talk),
    Place: (plenary.check_place, plenary.apply_place),
    ProposeBoard: (plenary.check_propose, plenary.apply_propose),
    CallVote: (plenary.check_call_vote, plenary.apply_call_vote),
    Vote: (_no_check, plenary.apply_vote),
    Declare: (_no_check, turns.apply_declare),
    Stay: (turns.check_stay, turns.apply_stay),
    Initiate: (turns.check_initiate, turns.apply_initiate),
    Join: (turns.check_join, turns.apply_join),
    SitOut: (_no_check, turns.apply_sit_out),
    Invite: (perspective.check_invite, perspective.apply_invite),
    NoInvite: (_no_check, perspective.apply_no_invite),
    Respond: (perspective.check_respond, perspective.apply_respond),
    Continue: (_no_check, _continue),
    NameHolder: (_check_name_holder, _name_holder),
    EndGame: (_no_check, _end_game),
    Facilitated: (_check_facilitated, _facilitated),
}


# The per-phase rules keyed by the member's name: ``check`` and ``legal_actions`` run for
# every action, and a str key hashes in C where an Enum key calls ``Enum.__hash__``.
_RULE_OF: dict[str, flow.PhaseRule] = {p._name_: rule for p, rule in flow.PHASES.items()}


def check(state: GameState, action: Action) -> None:
    """Raise :class:`IllegalAction` with a readable reason unless ``action`` is legal now."""
    public = state.public
    kind = type(action)
    if kind in FACILITATOR_ACTIONS:
        if public.phase is Phase.GAME_OVER:
            raise IllegalAction("The game is over.", "game-over")
        HANDLERS[kind][0](state, action)
        return
    rule = _RULE_OF[public.phase._name_]
    if kind not in rule.actions:
        raise IllegalAction(
            f"{kind.__name__} is not possible during {public.phase.value}.", "wrong-phase",
            {"action": kind.__name__, "phase": public.phase.value},
        )
    seat = actor_of(action)
    if rule.actor == "seat":
        if seat is None or seat != public.actor:
            raise IllegalAction("It is not this participant's turn.", "not-your-turn")
    elif seat is not None:
        raise IllegalAction("This is a decision for the group.", "group-decision")
    HANDLERS[kind][0](state, action)


def apply(state: GameState, action: Action) -> GameState:
    """The new state after ``action`` (checked first), moved on to the next decision."""
    check(state, action)
    return apply_legal(state, action)


@attrs.frozen
class Stepped:
    """One action's outcome: the new state and the Events it caused (in order)."""

    state: GameState
    events: tuple[Event, ...]


def step(state: GameState, action: Action) -> Stepped:
    """:func:`apply`, and the Events the action caused (what a front end redraws by, what a
    phone or a report is told): the new round, cards shown, everything the log got, a pit
    stop, whose decision is open now (:mod:`consortium.engine.happened`)."""
    after = apply(state, action)
    return Stepped(after, events_of(state, action, after))


def apply_legal(state: GameState, action: Action) -> GameState:
    """:func:`apply` for an action the caller knows is legal: a bot's choice, which bots make
    from ``legal_actions`` (simulate.play_to_end). ``check`` only raises and changes nothing,
    so for a legal action this is exactly ``apply``; it spares bot-only games re-checking
    every move. Anything from outside the engine (the window, saves) goes through ``apply``."""
    state = HANDLERS[type(action)][1](state, action)
    return flow.settle(next_step(state))


def is_legal(state: GameState, action: Action) -> bool:
    try:
        check(state, action)
    except IllegalAction:
        return False
    return True


def legal_actions(state: GameState, seat: int | None = None) -> list[Action]:
    """Every legal action for ``seat`` (``None``: the group) in this state.

    Talk and Deliberate take any number of minutes from 0 to 600; they are listed with their
    clock-off form (``Deliberate(None)``) and one started block of talk (``Talk(1)``).
    ProposeBoard is listed with the board as it stands.
    """
    public = state.public
    if public.phase is Phase.GAME_OVER or seat != public.actor:
        return []
    return _LISTERS[public.phase._name_](state, seat)


def _list_seat(state: GameState, seat: int | None) -> list[Action]:
    assert seat is not None
    phase = state.public.phase
    if phase is Phase.INTRODUCTIONS:
        public = state.public
        shown = public.participants[seat].public_cards
        hidden = [i for i, card in enumerate(shown) if card is None]
        out: list[Action] = [_REVEAL(seat, s) for s in hidden]
        if intros.may_pass_with(public, seat, hides_cards=bool(hidden)):
            out.append(_REVEAL(seat, None))
        return out
    if phase is Phase.DECLARE:
        return [_DECLARE(seat, True), _DECLARE(seat, False)]
    if phase is Phase.VOTE:
        return [_VOTE(seat, True), _VOTE(seat, False)]
    if phase is Phase.INVITATION:
        return [_RESPOND(seat, True), _RESPOND(seat, False)]
    return _list_turn(state, seat)


def _list_turn(state: GameState, seat: int) -> list[Action]:
    """Stay, initiate, join or sit out, in one pass over the open tasks (the same options as
    turns.can_stay, turns.initiable, turns.joinable and turns.signal_slots)."""
    public = state.public
    mine = public.participants[seat].task
    domains = tuple([c.domain for c in state.seats[seat].hand])
    refused = {task for who, task in public.turned_away if who == seat}
    stay: list[Action] = []
    initiate: list[Action] = []
    join: list[Action] = []
    for task in public.tasks:
        if task.status != "open":
            continue
        task_id = task.id
        if task_id == mine:
            stay.append(_STAY(seat))
            continue
        if task.lead is not None and task_id in refused:
            continue
        slots = turns.slots_for(domains, task.visible)
        if task.lead is None:
            initiate += _initiates(seat, task_id, slots)
        else:
            join += _joins(seat, task_id, slots)
    return [*stay, *initiate, *join, _SIT_OUT(seat)]


_MEMO_SIZE = 2048
"""Entries each action memo below keeps (see the note above ``_STAY``)."""


@functools.lru_cache(maxsize=_MEMO_SIZE)
def _initiates(seat: int, task_id: str, slots: tuple[int, ...]) -> tuple[Initiate, ...]:
    """Initiating a task signalling any of ``slots``, open then closed team, slot by slot."""
    return tuple(
        Initiate(seat, task_id, slot, closed) for slot in slots for closed in (False, True)
    )


@functools.lru_cache(maxsize=_MEMO_SIZE)
def _places(seat: int, targets: tuple[str | None, ...]) -> tuple[Place, ...]:
    """Placing a seat on each of ``targets`` (open tasks, then off the board)."""
    return tuple(Place(seat, t) for t in targets)


@functools.lru_cache(maxsize=_MEMO_SIZE)
def _joins(seat: int, task_id: str, slots: tuple[int, ...]) -> tuple[Join, ...]:
    """Joining a task signalling any of ``slots``."""
    return tuple(Join(seat, task_id, slot) for slot in slots)


# Self-selection turns list a couple of dozen options for every turn of every simulated game;
# actions are immutable values, so the listers reuse them instead of rebuilding them (the
# memos hold only actions, keyed by seat, task id and slots). Each memo is bounded: keys
# include task ids and each round's open tasks, which differ from game to game and from
# scenario to scenario, so an unbounded memo grew for as long as the program ran (+0.04 MB
# a game over 100 games). A game uses a few hundred keys; the least recently used go.
_STAY = functools.lru_cache(maxsize=_MEMO_SIZE)(Stay)
_SIT_OUT = functools.lru_cache(maxsize=_MEMO_SIZE)(SitOut)
_REVEAL = functools.lru_cache(maxsize=_MEMO_SIZE)(Reveal)
_DECLARE = functools.lru_cache(maxsize=_MEMO_SIZE)(Declare)
_VOTE = functools.lru_cache(maxsize=_MEMO_SIZE)(Vote)
_RESPOND = functools.lru_cache(maxsize=_MEMO_SIZE)(Respond)
_INVITE = functools.lru_cache(maxsize=_MEMO_SIZE)(Invite)


def _list_group(state: GameState, seat: int | None) -> list[Action]:
    phase = state.public.phase
    if phase is Phase.MODE_CHOICE:
        return [ChooseMode(m) for m in Mode]
    if phase is Phase.INTRO_COUNT:
        return [SetIntroductions(n) for n in range(state.ctx.rules.max_intros + 1)]
    if phase is Phase.DELIBERATION:
        return [Deliberate(None)]
    if phase is Phase.PLACEMENT:
        board = state.public.board
        targets = (*(t.id for t in state.public.tasks if t.status == "open"), None)
        voters = plenary.members(state)
        out: list[Action] = []
        for s in voters:
            out += _places(s, targets)
        out += [ProposeBoard(board), Talk(1)]
        if all(board[s] is not None for s in voters):
            out.append(CallVote())
        return out
    if phase is Phase.PERSPECTIVE_CHECK:
        return [*(_INVITE(s, t) for s, t in perspective.invitations(state)), NoInvite()]
    return [Continue()]


_LISTERS: dict[str, Callable[[GameState, int | None], list[Action]]] = {
    phase._name_: (_list_seat if rule.actor == "seat" else _list_group)
    for phase, rule in flow.PHASES.items()
}


def new_game(scenario: Scenario, config: GameConfig) -> GameState:
    """Seat everyone, deal hands from the deal stream, queue the tasks, start round 1."""
    return flow.start_organizing(opening(scenario, config))


def opening(scenario: Scenario, config: GameConfig) -> GameState:
    """The state at the start of round 1, before the mode is chosen (what-if replays branch
    from round starts like this one)."""
    ctx = Context.build(scenario, config)
    streams = Streams.seeded(config.seed, len(config.seats))
    draws = Draws(streams.deal)
    participants = []
    seats = []
    for setup in config.seats:
        capacity = deal_capacity(config.capacity, scenario.rules.capacity_spread, draws)
        hand = deal_hand(scenario, setup.sector, config.hand_size, draws)
        participants.append(
            Participant(
                name=setup.name,
                sector=setup.sector,
                public_cards=(None,) * len(hand),
                task=None,
                arrived_round=1,
                is_bot=setup.bot is not None,
            )
        )
        seats.append(
            PrivateSeat(
                hand=hand,
                capacity=capacity,
                hours=0.0,
                motivation=scenario.rules.motivation_start,
            )
        )
    specs = list(scenario.tasks)
    if scenario.rules.task_order == "shuffled":
        specs = draws.shuffled(specs)
    streams = evolve(streams, deal=draws.stream)
    n = len(config.seats)
    public = PublicState(
        round=0,
        rounds=config.rounds,
        phase=Phase.PIT_STOP,
        mode=None,
        actor=None,
        target=scenario.target,
        rules=scenario.rules,
        catalog=Catalog.of(scenario),
        participants=tuple(participants),
        tasks=tuple(new_task_state(s) for s in specs),
        familiarity=tuple((0,) * n for _ in range(n)),
        schedule=config.schedule,
        secret_ballot=config.secret_ballot,
    )
    state = GameState(ctx, public, tuple(seats), HiddenState(streams=streams))
    return begin_round(state, 1)
