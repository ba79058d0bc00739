"""Hypothesis properties over random legal play (ARCHITECTURE.md, "Habits").

A drawn game is a scenario (the builders' one, and the shipped cancer-care one with its events
when it loads), a config (3–8 seats, each a bot of any policy or a person; 3–5 rounds; a
schedule mixing the three modes and "choose"; turnover 0–0.5; secret ballot on or off) and a
list of choices. Step ``k`` takes ``legal[choices[k] % len(legal)]`` from
``legal_actions(state, actor)``; a ``None`` choice, and every step after the list runs out,
is the acting seat's (or the bot group's) bot move, so every game reaches its end. Persons'
seats are played the same way (bots stand in with the group's policy).

Each property replays the drawn game and checks every state or transition along it:

(a) the time budget adds up at every pit stop;
(b) a hand changes only at comings and goings, and a public card stays public;
(c) ``check``/``apply`` accept exactly ``legal_actions`` over the discrete action space;
(d) the same seed and choices give the same game with the global ``random`` disturbed;
(e) no leak: hidden parts never reach the public view, another seat's legal moves or bot;
(f) re-applying the action log (also through its JSON form) gives equal states;
and in every state, teams, familiarity and impact hang together.

Deliberate, Talk and ProposeBoard take a number of minutes or a whole board, so (c) does not
enumerate them: it checks them at their documented bounds against the documented rule (see
:func:`parametric_candidates`).
"""

from __future__ import annotations

import itertools
import json
import random
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consortium.engine.actions import (
    Action,
    CallVote,
    ChooseMode,
    Continue,
    Declare,
    Deliberate,
    IllegalAction,
    Initiate,
    Invite,
    Join,
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
from consortium.engine.bots import POLICIES
from consortium.engine.game import apply, is_legal, legal_actions, new_game
from consortium.engine.scenario import Scenario
from consortium.engine.setup import SEATS
from consortium.engine.simulate import bot_action, seat_policy
from consortium.engine.state import (
    Card,
    Departure,
    Excluded,
    GameConfig,
    GameState,
    HiddenState,
    Lost,
    Mode,
    Phase,
    PrivateSeat,
    RoundRecord,
    ScheduleEntry,
    SeatRound,
    SeatSetup,
    Spend,
    Stream,
    Streams,
)
from consortium.engine.views import PlayerView, player_view, public_view
from tests.engine.builders import config as builders_config
from tests.engine.builders import scenario as builders_scenario
from tests.golden.playthrough import action_from_dict, action_to_dict


def _scenarios() -> list[Scenario]:
    found = [builders_scenario()]
    try:
        from consortium.store.scenarios import find_scenario

        found.append(find_scenario("cancer-care"))
    except Exception:  # the shipped scenario is tested in tests/store; play what loads
        pass
    return found


SCENARIOS = _scenarios()
SCHEDULE_ENTRIES: tuple[ScheduleEntry, ...] = (*Mode, "choose")
POLICY_NAMES = tuple(sorted(POLICIES))
MAX_CHOICES = 150
MAX_STEPS = 5_000  # a bot-played game takes a few hundred; more means the flow loops
TOLERANCE = 1e-9


@attrs.frozen
class Game:
    scenario: Scenario
    config: GameConfig
    choices: tuple[int | None, ...]

    def __repr__(self) -> str:
        c = self.config
        seats = [s.bot or "person" for s in c.seats]
        schedule = [e if isinstance(e, str) else e.value for e in c.schedule]
        return (
            f"Game(scenario={self.scenario.id!r}, seed={c.seed}, seats={seats}, "
            f"rounds={c.rounds}, schedule={schedule}, turnover={c.turnover!r}, "
            f"secret_ballot={c.secret_ballot}, group_policy={c.group_policy!r}, "
            f"choices={list(self.choices)})"
        )

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:  # Hypothesis's report
        printer.text(repr(self))


@st.composite
def games(draw: st.DrawFn) -> Game:
    scenario = draw(st.sampled_from(SCENARIOS))
    n = draw(st.integers(SEATS.low, SEATS.high))
    rounds = draw(st.integers(3, 5))
    sectors = [s.id for s in scenario.sectors]
    seats = tuple(
        SeatSetup(
            f"P{i + 1}", sectors[i % len(sectors)], draw(st.sampled_from((None, *POLICY_NAMES)))
        )
        for i in range(n)
    )
    config = GameConfig(
        seats=seats,
        rounds=rounds,
        turnover=draw(st.floats(0.0, 0.5)),
        schedule=tuple(
            draw(st.lists(st.sampled_from(SCHEDULE_ENTRIES), min_size=rounds, max_size=rounds))
        ),
        seed=draw(st.integers(0, 2**32 - 1)),
        capacity=scenario.defaults.capacity,
        hand_size=scenario.defaults.hand_size,
        secret_ballot=draw(st.booleans()),
        group_policy=draw(st.sampled_from(POLICY_NAMES)),
    )
    length = draw(st.integers(0, MAX_CHOICES))  # uniform, so long stretches of random play
    choices = draw(st.lists(st.integers(0, 255) | st.none(), min_size=length, max_size=length))
    return Game(scenario, config, tuple(choices))


def choose(state: GameState, step: int, choices: Sequence[int | None]) -> Action:
    actor = state.public.actor
    choice = choices[step] if step < len(choices) else None
    if choice is None:
        return bot_action(state, seat_policy(state, actor))
    legal = legal_actions(state, actor)
    return legal[choice % len(legal)]


def play(
    game: Game, before_step: Callable[[int], None] | None = None
) -> tuple[list[GameState], list[Action]]:
    """Every state of the drawn game, and the actions between them."""
    state = new_game(game.scenario, game.config)
    states, actions = [state], []
    while not state.over:
        assert len(actions) < MAX_STEPS, f"no end in sight at {state.public.phase}"
        if before_step is not None:
            before_step(len(actions))
        action = choose(state, len(actions), game.choices)
        state = apply(state, action)
        states.append(state)
        actions.append(action)
    return states, actions


def transitions(states: Sequence[GameState]) -> Iterator[tuple[GameState, GameState]]:
    return itertools.pairwise(states)


# --- (a) the time budget ------------------------------------------------------------------


@settings(max_examples=100)
@given(games())
def test_every_pit_stop_accounts_for_every_hour(game: Game) -> None:
    """At each pit stop, each participant's meetings + overhead + expert work + mismatch work
    + sitting out = their hours (the hidden ledger), no part is negative, and the public pit
    stop is the sum of the ledger."""
    states, _ = play(game)
    stops = 0
    for before, after in transitions(states):
        if len(after.hidden.ledger) == len(before.hidden.ledger):
            continue
        stops += 1
        record = after.hidden.ledger[-1]
        pit = after.public.pit_stops[-1]
        present = [i for i, p in enumerate(after.public.participants) if p.present]
        assert [r.seat for r in record.seats] == present
        total_hours = 0.0
        for seat_round in record.seats:
            private = before.seats[seat_round.seat]
            parts = attrs.asdict(seat_round.time)
            assert all(v >= 0 for v in parts.values()), (seat_round, parts)
            assert seat_round.hours == private.hours
            assert seat_round.time.total == pytest.approx(seat_round.hours, abs=TOLERANCE), (
                seat_round
            )
            total_hours += seat_round.hours
        assert pit.round == record.round == after.public.round
        assert pit.hours == pytest.approx(total_hours, abs=TOLERANCE)
        assert pit.time.total == pytest.approx(pit.hours, abs=TOLERANCE)
    assert stops == game.config.rounds


# --- (b) hands ------------------------------------------------------------------------------


@settings(max_examples=100)
@given(games())
def test_a_hand_changes_only_through_comings_and_goings(game: Game) -> None:
    """A seat's hand differs from the previous state only when that seat's participant left
    at this round's comings and goings (or a ``replace`` event); the newcomer shows nothing.
    Otherwise every card that was public stays public, in its slot."""
    states, _ = play(game)
    for before, after in transitions(states):
        new_round = after.public.round == before.public.round + 1
        departed = {d.seat for d in after.hidden.departures} if new_round else set()
        for seat, (old, new) in enumerate(zip(before.seats, after.seats, strict=True)):
            shown_before = before.public.participants[seat].public_cards
            shown_after = after.public.participants[seat].public_cards
            if seat in departed:
                assert all(c is None for c in shown_after)
                assert after.public.participants[seat].arrived_round == after.public.round
                continue
            assert new.hand == old.hand, f"seat {seat}'s hand changed without a departure"
            for slot, card in enumerate(shown_before):
                if card is not None:
                    assert shown_after[slot] == card, f"seat {seat}'s public card was hidden"


# --- and the board hangs together ----------------------------------------------------------


def board_problems(state: GameState) -> list[str]:
    public = state.public
    rules = state.ctx.rules
    problems = []
    for seat, person in enumerate(public.participants):
        on = [t.id for t in public.tasks if seat in t.members]
        if on != ([] if person.task is None else [person.task]):
            problems.append(f"seat {seat} works on {person.task} but is a member of {on}")
        private = state.seats[seat]
        if not 0 <= private.motivation <= 5 or private.hours < 0:
            problems.append(f"seat {seat} has motivation {private.motivation}, {private.hours} h")
        if private.spent.meetings > private.hours + TOLERANCE:
            problems.append(f"seat {seat} spent {private.spent} of {private.hours} h")
    for task in public.tasks:
        if len(set(task.members)) != len(task.members):
            problems.append(f"{task.id} lists a member twice")
        if task.lead is not None and task.lead not in task.members:
            problems.append(f"{task.id} is led by non-member {task.lead}")
        if task.members and task.lead is None and task.status == "open":
            problems.append(f"{task.id} has members and no lead")
        if task.status == "queued" and (task.members or task.progress):
            problems.append(f"queued {task.id} has members or progress")
    if sum(t.status == "open" for t in public.tasks) > rules.open_tasks:
        problems.append("too many open tasks")
    fam = public.familiarity
    for i, row in enumerate(fam):
        for j, value in enumerate(row):
            if value != fam[j][i] or not 0 <= value <= rules.familiarity_max or (i == j and value):
                problems.append(f"familiarity[{i}][{j}] = {value}")
    finished = sum(t.impact for t in public.tasks if t.status == "finished")
    if abs(finished - public.impact) > TOLERANCE:
        problems.append(f"impact {public.impact} but finished tasks make {finished}")
    return problems


@settings(max_examples=60)
@given(games())
def test_teams_familiarity_and_impact_stay_consistent(game: Game) -> None:
    """In every state: a participant is a member of exactly the task they work on (a lead is
    a member; an open team has a lead), queued tasks are untouched, at most ``open_tasks``
    are open, familiarity is symmetric within 0–max, motivation within 0–5, meetings within
    the hours, and the impact is the sum over finished tasks."""
    states, _ = play(game)
    for state in states:
        assert board_problems(state) == [], f"round {state.public.round}, {state.phase}"


# --- (c) check and legal_actions agree ----------------------------------------------------

BOGUS_TASK = "no-such-task"


def discrete_candidates(state: GameState) -> list[Action]:
    """The discrete action space around ``state``: every action type with every seat
    (-1 and n are out of range), every task id of the game plus a bogus one, every hand slot
    plus -1 and one past the end (and ``None`` where allowed), both booleans, every mode and
    introduction count (-1 and max + 1 included).

    Seat actions (Reveal … Respond) are generated with the full task × slot product for the
    acting seat and one other seat; for the remaining seats one task and slot suffice, since
    their actions must fail on the turn alone. Place and Invite are group actions whose seat
    is the one placed or invited, so they get every seat × every task.
    """
    public = state.public
    n = public.seats
    seats = list(range(-1, n + 1))
    tasks: list[str | None] = [t.id for t in public.tasks]
    tasks.append(BOGUS_TASK)
    hand_size = max(len(p.hand) for p in state.seats)
    slots = list(range(-1, hand_size + 1))
    actor = public.actor
    full = {actor if actor is not None else 0, ((actor or 0) + 1) % n}
    out: list[Action] = [ChooseMode(m) for m in Mode]
    out += [SetIntroductions(c) for c in range(-1, state.ctx.rules.max_intros + 2)]
    out += [CallVote(), NoInvite(), Continue()]
    for seat in seats:
        out += [Place(seat, t) for t in [*tasks, None]]
        out += [Invite(seat, t) for t in tasks if t is not None]
        out += [Stay(seat), SitOut(seat)]
        for flag in (True, False):
            out += [Vote(seat, flag), Declare(seat, flag), Respond(seat, flag)]
        seat_tasks = tasks if seat in full else tasks[:1]
        seat_slots = slots if seat in full else [0]
        out += [Reveal(seat, s) for s in [*seat_slots, None]]
        for task in seat_tasks:
            assert task is not None
            for slot in seat_slots:
                out += [Initiate(seat, task, slot, False), Initiate(seat, task, slot, True)]
                out.append(Join(seat, task, slot))
    return out


def board_is_legal(state: GameState, placements: tuple[str | None, ...]) -> bool:
    """The documented rule for ProposeBoard: during placement, a task (or none) for every
    seat; plenary members only on open tasks; everyone else left where the board has them."""
    public = state.public
    if public.phase is not Phase.PLACEMENT or len(placements) != public.seats:
        return False
    members = {s for s in range(public.seats) if _is_member(state, s)}
    open_ids = {t.id for t in public.open_tasks}
    return all(
        (task is None or task in open_ids) if seat in members else task == public.board[seat]
        for seat, task in enumerate(placements)
    )


def _is_member(state: GameState, seat: int) -> bool:
    public = state.public
    if not public.participants[seat].present:
        return False
    return public.mode is not Mode.HYBRID or bool(public.participants[seat].declared_plenary)


def parametric_candidates(state: GameState) -> list[tuple[Action, bool]]:
    """Deliberate, Talk and ProposeBoard take a number or a whole board, so they are not
    enumerated; each is checked at its documented bounds against the documented rule instead:
    Deliberate(None | 0–600) only in deliberation, Talk(1–600) only in placement, and
    ProposeBoard by :func:`board_is_legal` (the current board, each single move, an empty
    board, a board of bogus or queued tasks, boards one seat too short or too long)."""
    public = state.public
    deliberating = public.phase is Phase.DELIBERATION
    placing = public.phase is Phase.PLACEMENT
    out: list[tuple[Action, bool]] = [
        (Deliberate(None), deliberating),
        (Deliberate(0), deliberating),
        (Deliberate(600), deliberating),
        (Deliberate(-1), False),
        (Deliberate(601), False),
        (Talk(1), placing),
        (Talk(600), placing),
        (Talk(0), False),
        (Talk(601), False),
    ]
    n = public.seats
    board = public.board if len(public.board) == n else (None,) * n
    queued = [t.id for t in public.tasks if t.status != "open"] or [BOGUS_TASK]
    boards = [
        board,
        (None,) * n,
        (BOGUS_TASK,) * n,
        tuple(queued[i % len(queued)] for i in range(n)),
        board[:-1],
        (*board, None),
    ]
    for action in legal_actions(state, None) if placing else []:
        if isinstance(action, Place):
            moved = list(board)
            moved[action.seat] = action.task
            boards.append(tuple(moved))
    out += [(ProposeBoard(b), board_is_legal(state, b)) for b in boards]
    return out


def legality_problems(state: GameState) -> list[str]:
    problems: list[str] = []
    public = state.public
    actor = public.actor
    legal = legal_actions(state, actor)
    listed = set(legal)
    where = f"round {public.round}, {public.phase.value}, actor {actor}"
    if not state.over and not legal:
        problems.append(f"{where}: nothing is legal")
    if len(listed) != len(legal):
        problems.append(f"{where}: legal_actions lists duplicates")
    for seat in [None, *range(-1, public.seats + 1)]:
        if seat != actor and legal_actions(state, seat):
            problems.append(f"{where}: legal_actions lists moves for seat {seat}")
    for action in legal:
        if actor_of(action) != actor or not is_legal(state, action):
            problems.append(f"{where}: listed {action} is not legal")
        apply(state, action)  # every listed action applies (an exception fails the test)
    candidates = [(a, a in listed) for a in discrete_candidates(state)]
    candidates += parametric_candidates(state)
    for action, expected in candidates:
        accepted = is_legal(state, action)
        if accepted != expected:
            problems.append(
                f"{where}: {action} is {'legal' if accepted else 'illegal'} by is_legal but "
                f"{'listed' if expected else 'not listed'} by legal_actions"
            )
        elif not accepted:
            try:
                apply(state, action)
            except IllegalAction:
                pass
            else:
                problems.append(f"{where}: apply accepted {action}")
    return problems


@settings(max_examples=30)
@given(games())
def test_apply_accepts_exactly_the_legal_actions(game: Game) -> None:
    """``is_legal(a) == (a in legal_actions(state, actor_of(a)))`` over the discrete action
    space, ``apply`` raises ``IllegalAction`` (and nothing else) for the rest, and only the
    actor has moves. Exceptions other than IllegalAction propagate and fail the test."""
    states, _ = play(game)
    for state in states:  # stop at the first state that disagrees: shrinking stays quick
        problems = legality_problems(state)
        kinds = sorted({m.group(1) for p in problems if (m := re.search(r"(\w+)\(", p))})
        assert not problems, f"{len(problems)} disagreements ({kinds}), e.g.\n" + "\n".join(
            problems[:10]
        )


def test_check_and_legal_actions_agree_on_a_placement_that_changes_nothing() -> None:
    """Regression for the first disagreement the property above found: during placement
    ``legal_actions`` omitted ``Place(seat, task)`` for the task the board already has for
    that seat, while ``check`` accepted it. Listing it or refusing it are both fine; they must
    agree."""
    state = new_game(builders_scenario(), builders_config(4, Mode.DEMOCRATIC))
    while state.public.phase is not Phase.PLACEMENT:
        state = apply(state, bot_action(state, seat_policy(state, state.public.actor)))
    seat = next(s for s, task in enumerate(state.public.board) if task is not None)
    same = Place(seat, state.public.board[seat])
    listed = same in legal_actions(state, None)
    assert is_legal(state, same) == listed, (
        f"{same} (the board already has it) is {'' if listed else 'not '}listed by "
        f"legal_actions but is_legal says {is_legal(state, same)}"
    )


# --- (d) determinism with the global RNG disturbed ----------------------------------------


@settings(max_examples=60)
@given(games(), st.integers(0, 2**32 - 1))
def test_the_global_random_module_changes_nothing(game: Game, salt: int) -> None:
    """The same seed and choices give an equal game whatever the module-level ``random``
    generator does between steps (reseeded and drawn from differently in each run)."""

    def disturb(factor: int) -> Callable[[int], None]:
        def before_step(step: int) -> None:
            random.seed(salt * factor + step)
            random.getrandbits(1 + (step * factor) % 97)

        return before_step

    states_a, actions_a = play(game, disturb(1))
    states_b, actions_b = play(game, disturb(7919))
    assert actions_a == actions_b
    assert states_a == states_b


# --- (e) no leak ----------------------------------------------------------------------------

PRIVATE_TYPES = (
    PrivateSeat,
    Spend,
    HiddenState,
    Streams,
    Stream,
    RoundRecord,
    SeatRound,
    Excluded,
    Lost,
    Departure,
)


def scrambled(state: GameState, keep: int | None) -> GameState:
    """``state`` with every seat's hidden parts but ``keep``'s replaced: each hand slot not
    yet public holds a card of another domain (and level), hours and motivation differ."""
    domains = [d.id for d in state.ctx.scenario.domains]
    seats = list(state.seats)
    for seat, private in enumerate(seats):
        if seat == keep:
            continue
        shown = state.public.participants[seat].public_cards
        spare = [d for d in domains if d not in {c.domain for c in private.hand}]
        hand = tuple(
            card if shown[slot] is not None else Card(spare[slot % len(spare)], card.level % 3 + 1)
            for slot, card in enumerate(private.hand)
        )
        seats[seat] = attrs.evolve(
            private,
            hand=hand,
            hours=private.hours + 1.5,
            motivation=(private.motivation + 2) % 6,
        )
    return attrs.evolve(state, seats=tuple(seats))


def walk(value: Any, path: str = "public") -> Iterator[tuple[str, Any]]:
    """Every value inside an attrs tree, with its path."""
    yield path, value
    if attrs.has(type(value)):
        for f in attrs.fields(type(value)):
            yield from walk(getattr(value, f.name), f"{path}.{f.name}")
    elif isinstance(value, tuple | list | set | frozenset):
        for i, item in enumerate(value):
            yield from walk(item, f"{path}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from walk(key, f"{path}<key>")
            yield from walk(item, f"{path}[{key!r}]")


def public_leaks(state: GameState) -> list[str]:
    public = public_view(state)
    leaks: list[str] = []
    shown_anywhere = set()
    for seat, person in enumerate(public.participants):
        hand = state.seats[seat].hand
        if len(person.public_cards) != len(hand):
            leaks.append(f"seat {seat} shows {len(person.public_cards)} slots for {len(hand)}")
        for slot, card in enumerate(person.public_cards):
            if card is not None:
                shown_anywhere.add(card)
                if slot >= len(hand) or card != hand[slot]:
                    leaks.append(f"seat {seat} slot {slot} shows {card}, not the card held")
    for path, value in walk(public):
        if isinstance(value, PRIVATE_TYPES):
            leaks.append(f"{path} is a {type(value).__name__}")
        if not isinstance(value, Card) or ".public_cards[" in path:
            continue
        # A card anywhere else must be public already: under a participant, one of theirs.
        owner = re.match(r"public\.participants\[(\d+)\]", path)
        allowed = (
            set(public.participants[int(owner.group(1))].public_cards) if owner else shown_anywhere
        )
        if value not in allowed:
            leaks.append(f"{path} holds {value}, which is not public")
    for task in public.tasks:
        latent = set(state.ctx.spec_of[task.id].latent)
        if task.hidden_count != len(latent) or not set(task.discovered) <= latent:
            leaks.append(f"task {task.id} shows its hidden needs wrongly")
        if (set(task.covered) & latent) - set(task.discovered):
            leaks.append(f"task {task.id} shows an undiscovered need as covered")
    if public.secret_ballot and any(v is not None for v in public.votes):
        leaks.append("a secret vote is on the board")
    return leaks


@settings(max_examples=40)
@given(games())
def test_hidden_parts_never_reach_what_others_see(game: Game) -> None:
    """For every reachable state: replacing the hidden parts (not-yet-public cards, hours,
    motivation) leaves the public view identical and each player view equal but for
    ``private``; the acting seat's legal moves and bot choices (every policy) do not change
    when everyone else's hidden parts do (the bot group's not when anyone's do); and the
    public view holds no card that is not public, no private or hidden record, no
    undiscovered need and no secret vote."""
    assert [f.name for f in attrs.fields(PlayerView)] == ["public", "seat", "private"]
    states, _ = play(game)
    for state in states:
        assert public_leaks(state) == []
        everyone = scrambled(state, keep=None)
        assert public_view(everyone) == public_view(state)
        for seat in range(state.public.seats):
            mine, theirs = player_view(state, seat), player_view(everyone, seat)
            assert attrs.evolve(theirs, private=mine.private) == mine
            assert theirs.private == everyone.seats[seat] != mine.private
        if state.over:
            continue
        actor = state.public.actor
        others = scrambled(state, keep=actor)
        assert legal_actions(others, actor) == legal_actions(state, actor)
        for policy in POLICIES.values():
            assert bot_action(others, policy) == bot_action(state, policy), policy.name


# --- (f) replay -------------------------------------------------------------------------------


@settings(max_examples=80)
@given(games())
def test_replaying_the_action_log_gives_the_same_game(game: Game) -> None:
    """A save needs nothing but the session and the action log: re-applying the log from
    ``new_game`` gives an equal state after every action, also when the log went through its
    JSON form (tests/golden/playthrough.py)."""
    states, actions = play(game)
    state = new_game(game.scenario, game.config)
    assert state == states[0]
    for action, expected in zip(actions, states[1:], strict=True):
        state = apply(state, action)
        assert state == expected
    log = json.loads(json.dumps([action_to_dict(a) for a in actions]))
    decoded = [action_from_dict(a) for a in log]
    assert decoded == actions
    state = new_game(game.scenario, game.config)
    for action in decoded:
        state = apply(state, action)
    assert state == states[-1]
