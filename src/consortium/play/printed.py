"""The printed-hands mode, without Qt (docs/printed-hands.md; FACILITATION.md, "Printed
hands").

Every seat holds a printed sheet (or a newcomer envelope), so no screen is ever private: no
curtain, no player view. Each private act is made aloud at the table and entered by the
facilitator as a **public act** — "Seat 2 reveals: Health data & AI" — which
:func:`to_action` turns into the very engine action a curtain game would have submitted
(a card is named by its domain; a hand holds each domain at most once, so the domain gives
the slot). The same choices therefore give the same actions and the same game.

The secret ballot is held on paper: the facilitator counts the people's ballots and enters
how many said yes (:func:`ballot_votes`); the engine only ever tallies a ballot, so the
count decides everything it decides.
"""

from __future__ import annotations

from typing import Literal

import attrs

from consortium.engine.actions import (
    Action,
    IllegalAction,
    Initiate,
    Join,
    Respond,
    Reveal,
    SitOut,
    Stay,
    Vote,
)
from consortium.engine.events import Arrived
from consortium.engine.state import GameState, Phase, PublicState
from consortium.play.records import SessionView

ActKind = Literal["reveal", "pass", "stay", "sit-out", "initiate", "join", "accept", "refuse"]

PUBLIC_ACT_PHASES = (Phase.INTRODUCTIONS, Phase.TURNS, Phase.INVITATION)
"""The phases whose acts a curtain game takes in private (and a secret-ballot vote)."""


@attrs.frozen
class PublicAct:
    """A seat's act as the room heard it. ``domain`` names a card (reveal, initiate, join);
    ``task`` the task (initiate, join); ``closed``: an initiated team is closed."""

    kind: ActKind
    seat: int
    domain: str | None = None
    task: str | None = None
    closed: bool = False


def public_act_seat(view: PublicState, session: SessionView) -> int | None:
    """The person whose act the facilitator enters now (printed hands only), if any: where a
    curtain game would bring down the curtain."""
    if not session.printed_hands:
        return None
    seat = view.actor
    if seat is None or not session.is_person(seat) or session.fast_forward:
        return None
    if session.ended_early or session.paused:
        return None
    if view.phase in PUBLIC_ACT_PHASES or (view.phase is Phase.VOTE and view.secret_ballot):
        return seat
    return None


def slot_of(state: GameState, seat: int, domain: str | None) -> int:
    """The slot of ``seat``'s card of ``domain``; refused (``not-on-sheet``) when the seat
    holds no such card (the facilitator mistyped: the act is not entered)."""
    hand = state.seats[seat].hand
    for slot, card in enumerate(hand):
        if card.domain == domain:
            return slot
    raise IllegalAction(f"seat {seat} holds no card of {domain}", "not-on-sheet",
                        {"seat": seat, "domain": domain or ""})


def to_action(state: GameState, act: PublicAct) -> Action:
    """The engine action of a public act (checked by the engine when submitted)."""
    seat = act.seat
    if act.kind == "reveal":
        return Reveal(seat, slot_of(state, seat, act.domain))
    if act.kind == "pass":
        return Reveal(seat, None)
    if act.kind == "stay":
        return Stay(seat)
    if act.kind == "sit-out":
        return SitOut(seat)
    if act.kind in ("initiate", "join"):
        if act.task is None:
            raise IllegalAction("no task named", "no-task-named", {"seat": seat})
        slot = slot_of(state, seat, act.domain)
        if act.kind == "initiate":
            return Initiate(seat, act.task, slot, act.closed)
        return Join(seat, act.task, slot)
    return Respond(seat, act.kind == "accept")


def ballot_voters(public: PublicState, people: tuple[bool, ...]) -> list[int]:
    """The people still to vote in this secret ballot, in turn order (bots vote themselves)."""
    if public.phase is not Phase.VOTE or not public.secret_ballot:
        return []
    return [s for s in public.order[public.turn:] if s < len(people) and people[s]]


def ballot_votes(state: GameState, people: tuple[bool, ...], votes_for: int) -> list[Vote]:
    """Paper ballots, counted: ``votes_for`` of the people still to vote said yes. The
    engine needs one Vote per voter; which of them carries a yes is never shown and never
    read (the engine keeps only the tally), so the first ``votes_for`` in turn order do."""
    voters = ballot_voters(state.public, people)
    if not 0 <= votes_for <= len(voters):
        raise IllegalAction("more yes ballots than voters", "tally-out-of-range",
                            {"high": len(voters)})
    return [Vote(seat, i < votes_for) for i, seat in enumerate(voters)]


def envelopes_due(view: PublicState) -> list[tuple[int, int]]:
    """(envelope number, seat) of the newcomers who arrived at this round's start, for the
    facilitator to hand out."""
    if view.round <= 1:
        return []
    numbers = envelope_of(view)
    return sorted((numbers[s], s) for s in view.newcomers if s in numbers)


def envelope_of(view: PublicState) -> dict[int, int]:
    """Seat → the number of the newcomer envelope its present occupant opened (newcomers
    arrive in envelope order; the public log says who arrived)."""
    out: dict[int, int] = {}
    number = 0
    for entry in view.log:
        if isinstance(entry.event, Arrived):
            number += 1
            out[entry.event.seat] = number
    return out
