"""The hybrid perspective check (GAME.md, hybrid step 5).

The group may invite one participant onto a team whose members show no public card of a
family that the invitee shows. The invitee may refuse, or leaves their own team, joins, and
pays ``perspective_check_cost`` hours (meeting hours). It is the hybrid's counterweight to
alignophilia: a deliberate, public act of bringing a missing perspective in.
"""

from __future__ import annotations

from collections.abc import Iterator

from consortium.engine.actions import IllegalAction, Invite, NoInvite, Respond
from consortium.engine.events import InvitationAccepted, InvitationDeclined, Invited
from consortium.engine.ops import (
    best_level,
    charge,
    evolve_public,
    log,
    logged,
    moved,
    present_seats,
    set_private,
)
from consortium.engine.state import GameState, Phase
from consortium.engine.turn_order import group_phase, start_turns


def shown_families(state: GameState, seat: int) -> set[str]:
    family = state.ctx.family_of
    return {family[c.domain] for c in state.public.participants[seat].public_cards if c}


def invitations(state: GameState) -> list[tuple[int, str]]:
    """Every (invitee, task) the rule allows, in seat then queue order."""
    return list(_invitations(state))


def iter_invitations(state: GameState) -> Iterator[tuple[int, str]]:
    """:func:`invitations` one at a time, for a chooser that can stop at the first it likes
    (the group bot, every hybrid round) without the rest being worked out."""
    return _invitations(state)


def _families_shown(state: GameState) -> list[set[str]]:
    """Each seat's :func:`shown_families`."""
    family = state.ctx.family_of
    return [
        {family[c.domain] for c in p.public_cards if c} for p in state.public.participants
    ]


def _invitations(state: GameState) -> Iterator[tuple[int, str]]:
    public = state.public
    present = present_seats(public)
    shows = _families_shown(state)
    teams = [
        (task, set().union(*(shows[m] for m in task.members)))
        for task in public.tasks
        if task.status == "open" and task.members
    ]
    for seat in present:
        mine = shows[seat]
        if not mine:
            continue
        for task, team_families in teams:
            if seat not in task.members and not mine <= team_families:
                yield (seat, task.id)


def enter_check(state: GameState) -> GameState | None:
    if next(_invitations(state), None) is None:  # no invitation is possible
        return None
    return group_phase(state, Phase.PERSPECTIVE_CHECK)


def check_invite(state: GameState, action: Invite) -> None:
    # ``(action.seat, action.task) in invitations(state)``, looking at that pair alone
    public = state.public
    seat = action.seat
    task = next((t for t in public.tasks if t.id == action.task), None)
    allowed = False
    if (
        0 <= seat < len(public.participants)
        and public.participants[seat].present
        and task is not None
        and task.status == "open"
        and task.members
        and seat not in task.members
    ):
        shows = _families_shown(state)
        mine = shows[seat]
        allowed = bool(mine) and not mine <= set().union(*(shows[m] for m in task.members))
    if not allowed:
        raise IllegalAction(
            "An invitation brings someone onto a team that shows none of the invitee's "
            "families of knowledge.", "invitation-not-new-knowledge",
        )


def apply_invite(state: GameState, action: Invite) -> GameState:
    state = evolve_public(state, invitation=(action.seat, action.task), checked=True)
    name = state.public.participants[action.seat].name
    title = state.public.task(action.task).title
    state = log(state, Invited(action.seat, name, action.task, title))
    return evolve_public(state, phase_done=True)


def apply_no_invite(state: GameState, action: NoInvite) -> GameState:
    return evolve_public(state, checked=True, phase_done=True)


def enter_invitation(state: GameState) -> GameState | None:
    if state.public.invitation is None:
        return None
    return start_turns(state, Phase.INVITATION, [state.public.invitation[0]])


def check_respond(state: GameState, action: Respond) -> None:
    invitation = state.public.invitation
    if invitation is None or invitation[0] != action.seat:
        raise IllegalAction("There is no invitation for you to answer.", "no-invitation")


def apply_respond(state: GameState, action: Respond) -> GameState:
    public = state.public
    seat, task_id = public.invitation or (action.seat, "")
    name = public.participants[seat].name
    title = public.task(task_id).title
    if not action.accept:
        return evolve_public(
            state,
            log=logged(public, InvitationDeclined(seat, name, task_id, title)),
            invitation=None,
            actor=None,
            phase_done=True,
        )
    # the invitee works on the team now: the home organization no longer gets the hours
    # (join_task, charge, the mismatch flag and the log line, with one public copy)
    tasks, people = moved(public, seat, task_id)
    state = charge(state, [seat], "check", state.ctx.rules.perspective_check_cost)
    if not best_level(state.seats[seat].hand, state.ctx.spec_of[task_id].requirements):
        state = set_private(state, seat, placed_without_match=True)
    return evolve_public(
        state,
        tasks=tasks,
        participants=tuple(people),
        sat_out=tuple(s for s in public.sat_out if s != seat),
        log=logged(public, InvitationAccepted(seat, name, task_id, title)),
        invitation=None,
        actor=None,
        phase_done=True,
    )
