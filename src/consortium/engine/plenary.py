"""The plenary: deliberation, placement on the board, and the vote.

Used by democratic mode (everyone present is in the plenary and the inclusion norm places
everyone) and by hybrid mode (only those who declared for the plenary, when two or more did).
Talk is time: deliberation costs every plenary member meeting hours, a failed vote costs them
an hour more, and after ``max_failed_votes`` the most supported allocation stands.
"""

from __future__ import annotations

from consortium.engine.actions import (
    CallVote,
    Deliberate,
    IllegalAction,
    Place,
    ProposeBoard,
    Talk,
    Vote,
)
from consortium.engine.events import MostSupportedStands, NeedDiscovered, VoteFailed, VotePassed
from consortium.engine.frozen import evolve
from consortium.engine.ops import (
    best_level,
    charge,
    evolve_public,
    log,
    move_in,
    present_seats,
)
from consortium.engine.proposal import propose, public_level
from consortium.engine.round_start import ceil_hours
from consortium.engine.state import (
    Ballot,
    GameState,
    LogEntry,
    Mode,
    Participant,
    Phase,
    PublicState,
    TaskState,
)
from consortium.engine.turn_order import group_phase, next_turn, start_turns

FAILED_VOTE_COST = 1.0


def members(state: GameState) -> list[int]:
    """Who is in the plenary this round."""
    return plenary_seats(state.public)


def plenary_seats(public: PublicState) -> list[int]:
    """Who is in the plenary this round, from the public view alone (what the facilitator's
    placement list shows): everyone present, or in a hybrid round those who declared for it."""
    seats = present_seats(public)
    if public.mode is Mode.HYBRID:
        return [s for s in seats if public.participants[s].declared_plenary]
    return seats


def plenary_sits(state: GameState) -> bool:
    """Whether a plenary meets: there is work to divide, and (hybrid) two or more joined."""
    if not any(t.status == "open" for t in state.public.tasks):  # no open task
        return False
    return state.public.mode is not Mode.HYBRID or len(members(state)) >= 2


# --- deliberation -------------------------------------------------------------------------


def enter_deliberation(state: GameState) -> GameState | None:
    if not plenary_sits(state):
        return None
    return group_phase(state, Phase.DELIBERATION)


def apply_deliberate(state: GameState, action: Deliberate) -> GameState:
    rules = state.ctx.rules
    plenary = members(state)
    if action.minutes is None:  # no clock: a bigger plenary talks longer (rules v3)
        hours = rules.deliberation_hours(len(plenary))
    else:
        hours = max(rules.deliberation_cost,
                    ceil_hours(action.minutes, rules.talk_minutes_per_hour))
    state = charge(state, plenary, "talk", hours)
    state = discover_from_public_cards(state)
    return evolve_public(
        state,
        deliberated=True,
        talk_minutes=state.public.talk_minutes + (action.minutes or 0),
        phase_done=True,
    )


def check_deliberate(state: GameState, action: Deliberate) -> None:
    if action.minutes is not None and not 0 <= action.minutes <= 600:
        raise IllegalAction(
            "Talk time must be between 0 and 600 minutes.", "talk-out-of-range",
            {"low": 0, "high": 600},
        )


def discover_from_public_cards(state: GameState) -> GameState:
    """Hidden needs of open tasks that match a public card anywhere in the room are found."""
    public = state.public
    shown = {
        c.domain
        for s in present_seats(public)
        for c in public.participants[s].public_cards
        if c is not None
    }
    tasks = list(public.tasks)
    entries: list[LogEntry] = []
    found_here = 0
    for i, task in enumerate(tasks):
        if task.status != "open":
            continue
        latent = state.ctx.spec_of[task.id].latent
        found = [d for d in latent if d in shown and d not in task.discovered]
        if found:
            found_here += len(found)
            tasks[i] = evolve(task, discovered=task.discovered + tuple(found))
            names = tuple(state.ctx.scenario.domain(d).name for d in found)
            entries.append(LogEntry(
                public.round, NeedDiscovered(task.id, task.title, tuple(found), names, "plenary")
            ))
    if not entries:
        return state
    hidden = evolve(state.hidden, meeting_finds=state.hidden.meeting_finds + found_here)
    return evolve_public(
        evolve(state, hidden=hidden), tasks=tuple(tasks), log=(*public.log, *entries)
    )


# --- placement ----------------------------------------------------------------------------


def enter_placement(state: GameState) -> GameState | None:
    """The board starts from last round's allocation minus leavers; in round 1 from the
    democratic bot's proposal on public information."""
    if not plenary_sits(state):
        return None
    public = state.public
    open_ids = {t.id for t in public.open_tasks}
    board: list[str | None] = [
        p.task if p.present and p.task in open_ids else None for p in public.participants
    ]
    voters = members(state)
    if public.round == 1 and not public.ballots:
        for seat, task_id in propose(public, voters).items():
            board[seat] = task_id
    state = group_phase(state, Phase.PLACEMENT)
    return evolve_public(state, board=tuple(board))


def check_place(state: GameState, action: Place) -> None:
    if action.seat not in members(state):
        raise IllegalAction("Only plenary members are placed on the board.", "not-in-plenary")
    if action.task is not None and action.task not in {t.id for t in state.public.open_tasks}:
        raise IllegalAction("That task is not open.", "task-not-open")


def apply_place(state: GameState, action: Place) -> GameState:
    board = list(state.public.board)
    board[action.seat] = action.task
    return evolve_public(state, board=tuple(board))


def check_propose(state: GameState, action: ProposeBoard) -> None:
    if len(action.placements) != state.public.seats:
        raise IllegalAction(
            "A proposal names a task (or none) for every seat.", "proposal-wrong-length"
        )
    voters = set(members(state))
    open_ids = {t.id for t in state.public.open_tasks}
    for seat, task_id in enumerate(action.placements):
        if seat in voters:
            if task_id is not None and task_id not in open_ids:
                raise IllegalAction("A proposal may only use open tasks.", "task-not-open")
        elif task_id != state.public.board[seat]:
            raise IllegalAction(
                "A proposal may only move plenary members.", "not-in-plenary"
            )


def apply_propose(state: GameState, action: ProposeBoard) -> GameState:
    return evolve_public(state, board=action.placements)


def check_talk(state: GameState, action: Talk) -> None:
    if not 1 <= action.minutes <= 600:
        raise IllegalAction(
            "Talk time must be between 1 and 600 minutes.", "talk-out-of-range",
            {"low": 1, "high": 600},
        )


def apply_talk(state: GameState, action: Talk) -> GameState:
    hours = ceil_hours(action.minutes, state.ctx.rules.talk_minutes_per_hour)
    state = charge(state, members(state), "talk", hours)
    return evolve_public(state, talk_minutes=state.public.talk_minutes + action.minutes)


def check_call_vote(state: GameState, action: CallVote) -> None:
    unplaced = [s for s in members(state) if state.public.board[s] is None]
    if unplaced:
        names = ", ".join(state.public.participants[s].name for s in unplaced)
        raise IllegalAction(
            f"Everyone in the plenary must be placed first: {names}.", "unplaced",
            {"seats": tuple(unplaced),
             "names": tuple(state.public.participants[s].name for s in unplaced)},
        )


def apply_call_vote(state: GameState, action: CallVote) -> GameState:
    return evolve_public(state, phase_done=True)


# --- the vote -----------------------------------------------------------------------------


def enter_vote(state: GameState) -> GameState | None:
    if not plenary_sits(state):
        return None
    n = state.public.seats
    state = evolve(state, hidden=evolve(state.hidden, secret_votes=(None,) * n))
    state = evolve_public(state, votes=(None,) * n, secret_ballot=state.ctx.config.secret_ballot)
    return start_turns(state, Phase.VOTE, members(state))


def apply_vote(state: GameState, action: Vote) -> GameState:
    """Record one vote (open hands: on the board; secret ballot: hidden until the tally)."""
    if state.public.secret_ballot:
        secret = list(state.hidden.secret_votes)
        secret[action.seat] = action.approve
        state = evolve(state, hidden=evolve(state.hidden, secret_votes=tuple(secret)))
    else:
        votes = list(state.public.votes)
        votes[action.seat] = action.approve
        state = next_turn(state, votes=tuple(votes))
        if state.public.phase_done:
            state = _tally(state)
        return state
    state = next_turn(state)
    if state.public.phase_done:
        state = _tally(state)
    return state


def _tally(state: GameState) -> GameState:
    public = state.public
    cast = state.hidden.secret_votes if public.secret_ballot else public.votes
    voters = members(state)
    votes_for = sum(1 for s in voters if cast[s])
    ballot = Ballot(public.board, votes_for, len(voters))
    state = evolve_public(state, ballots=(*public.ballots, ballot))
    if votes_for * 2 > len(voters):
        state = log(state, VotePassed(votes_for, len(voters)))
        return _settle_board(state, public.board)
    failed = public.failed_votes + 1
    state = charge(state, voters, "votes", FAILED_VOTE_COST)
    state = evolve_public(state, failed_votes=failed)
    state = log(state, VoteFailed(votes_for, len(voters)))
    if failed >= state.ctx.rules.max_failed_votes:
        standing = max(enumerate(state.public.ballots), key=lambda ib: (ib[1].votes_for, ib[0]))[1]
        state = log(state, MostSupportedStands())
        return _settle_board(state, standing.placements)
    again = enter_placement(state)
    assert again is not None
    return evolve_public(again, board=public.board)


def _settle_board(state: GameState, board: tuple[str | None, ...]) -> GameState:
    """Put the plenary's allocation into effect. Democratic: every team gets as lead its
    member with the best public fit (ties: lowest seat). Hybrid: only teams the plenary
    forms get a lead that way; self-selected teams it joins keep theirs. (Every move and
    lead goes into one copy of the board.)"""
    voters = members(state)
    public = state.public
    before = {t.id: set(t.members) for t in public.tasks if t.status == "open"}
    tasks = list(public.tasks)
    people = list(public.participants)
    seats = list(state.seats)
    spec_of = state.ctx.spec_of
    for seat in voters:
        task_id = board[seat]
        if task_id is not None:
            move_in(tasks, people, seat, task_id)  # join_task
            if not best_level(seats[seat].hand, spec_of[task_id].requirements):
                seats[seat] = evolve(seats[seat], placed_without_match=True)
    touched = {board[s] for s in voters if board[s] is not None}
    hybrid = public.mode is Mode.HYBRID
    # task ids are unique, so each touched task's position is looked up once, not searched for
    index = {t.id: i for i, t in enumerate(tasks)}
    for task_id in sorted(t for t in touched if t is not None):
        i = index[task_id]
        task = tasks[i]
        # hybrid: a team that was already there (its lead passed on if the plenary moved
        # them away) keeps its lead; only a team the plenary forms anew gets one by public fit
        if hybrid and task.lead in before.get(task_id, set()) & set(task.members):
            continue
        lead = _best_fit_among(people, task)
        if lead != task.lead:  # an equal copy otherwise: keep the record as it is
            tasks[i] = evolve(task, lead=lead)
    state = evolve(state, seats=tuple(seats))
    return evolve_public(
        state, tasks=tuple(tasks), participants=tuple(people), phase_done=True, actor=None
    )


def _best_fit_among(people: list[Participant], task: TaskState) -> int | None:
    if not task.members:
        return None
    return min(task.members, key=lambda s: (-public_level(people[s].public_cards, task), s))
