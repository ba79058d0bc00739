"""The closed union of actions a person, a bot or the facilitator can take.

Group actions (no ``seat``) are what the room decided, entered by the facilitator or chosen
by the bot group when no person is seated. Seat actions are one participant's own choice,
usually taken behind the hand-off curtain. Every action is a frozen value, so the action log
of a game is a plain list that a save stores and a replay re-applies.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from consortium.engine.state import Mode


@attrs.frozen
class ChooseMode:
    """The room's show of hands on how to organize this round (facilitator breaks ties)."""

    mode: Mode


@attrs.frozen
class SetIntroductions:
    """Democratic mode: how many introduction rounds (0–``max_intros``) the group holds."""

    count: int


@attrs.frozen
class Reveal:
    """Show one card of one's hand to everyone (an introduction). ``slot`` indexes the hand;
    ``None`` passes: allowed only to someone with nothing left to reveal, or to a
    non-newcomer in the hybrid introduction. The UI asks "This card will be shown to
    everyone" before it submits this."""

    seat: int
    slot: int | None


@attrs.frozen
class Deliberate:
    """The plenary talks it through. ``minutes`` from the talk clock, or ``None`` with the
    clock off (then it costs ``deliberation_cost``). Discovers the hidden needs of open tasks
    that match a public card anywhere in the room."""

    minutes: int | None = None


@attrs.frozen
class Talk:
    """More talk on the clock while the board is edited: every started
    ``talk_minutes_per_hour`` minutes cost every plenary member one meeting hour."""

    minutes: int


@attrs.frozen
class Place:
    """Put a participant on a task on the board (``task=None`` takes them off)."""

    seat: int
    task: str | None


@attrs.frozen
class ProposeBoard:
    """Replace the whole board at once (the democratic bot's proposal)."""

    placements: tuple[str | None, ...]


@attrs.frozen
class CallVote:
    """Put the board to a vote."""


@attrs.frozen
class Vote:
    seat: int
    approve: bool


@attrs.frozen
class Declare:
    """Hybrid mode: join the plenary, or go one's own way (self-selection turn)."""

    seat: int
    plenary: bool


@attrs.frozen
class Stay:
    """Self-selection: keep working on last round's task (the default)."""

    seat: int


@attrs.frozen
class Initiate:
    """Self-selection: start an open task that has no lead, and lead it. Signals the card in
    ``slot``; it must match a visible requirement if the participant holds one that does."""

    seat: int
    task: str
    slot: int
    closed: bool = False


@attrs.frozen
class Join:
    """Self-selection: join a task that has a lead, signalling the card in ``slot``. A closed
    team turns away anyone whose signalled card shares no family with the lead's."""

    seat: int
    task: str
    slot: int


@attrs.frozen
class SitOut:
    """Self-selection: the home organization gets this round's hours (motivation +1)."""

    seat: int


@attrs.frozen
class Invite:
    """Hybrid perspective check: invite a participant onto a team whose members show no
    public card of a family the invitee shows."""

    seat: int
    task: str


@attrs.frozen
class NoInvite:
    """Hybrid perspective check: the group invites nobody this round."""


@attrs.frozen
class Respond:
    """The invitee's answer to a perspective-check invitation."""

    seat: int
    accept: bool


@attrs.frozen
class Continue:
    """Leave the pit stop and start the next round (or the end-of-game debrief)."""


@attrs.frozen
class NameHolder:
    """Facilitator, mid-game: name who holds a card (say, of a lost perspective). The card
    becomes public for good. Allowed in any phase until the game is over."""

    seat: int
    slot: int


@attrs.frozen
class EndGame:
    """Facilitator: end the game early; the debrief covers the rounds played."""


FACILITATED = ("skip", "bot", "person", "fast-forward")
"""What a :class:`Facilitated` records."""


@attrs.frozen
class Facilitated:
    """Facilitator: a session act the public log records (issue 12), in any phase until the
    game is over. ``what``: ``"skip"`` (the acting seat's turn is skipped; the session then
    applies the neutral choice), ``"bot"`` / ``"person"`` (``seat`` is now played by a bot,
    or by a person again: the participant's ``is_bot``), ``"fast-forward"`` (the bots play
    the rest; the debrief marks the rounds from here)."""

    what: str
    seat: int | None = None


Action = (
    ChooseMode
    | SetIntroductions
    | Reveal
    | Deliberate
    | Talk
    | Place
    | ProposeBoard
    | CallVote
    | Vote
    | Declare
    | Stay
    | Initiate
    | Join
    | SitOut
    | Invite
    | NoInvite
    | Respond
    | Continue
    | NameHolder
    | EndGame
    | Facilitated
)

ACTION_TYPES: tuple[type, ...] = (
    ChooseMode,
    SetIntroductions,
    Reveal,
    Deliberate,
    Talk,
    Place,
    ProposeBoard,
    CallVote,
    Vote,
    Declare,
    Stay,
    Initiate,
    Join,
    SitOut,
    Invite,
    NoInvite,
    Respond,
    Continue,
    NameHolder,
    EndGame,
    Facilitated,
)
FACILITATOR_ACTIONS: tuple[type, ...] = (NameHolder, EndGame, Facilitated)
"""Actions the facilitator may take in any phase, outside the turn order."""


SEAT_ACTIONS: frozenset[type] = frozenset(
    t
    for t in ACTION_TYPES
    if "seat" in attrs.fields_dict(t)
    # the group places and invites, the facilitator names: there ``seat`` is who is
    # placed, invited or named, not who acts
    and t not in (Place, Invite, NameHolder, Facilitated)
)
"""Action types taken by the seat in their ``seat`` field (class metadata, computed once)."""


def actor_of(action: Action) -> int | None:
    """The seat taking a seat action, or ``None`` for a group action."""
    if type(action) in SEAT_ACTIONS:  # a type-keyed test: this runs for every action
        seat: int = action.seat  # type: ignore[union-attr,assignment]
        return seat
    return None


class IllegalAction(Exception):
    """Raised by ``check``/``apply``: a ``code`` and its ``args`` for a program (and
    :mod:`consortium.present` to put into the reader's language), and the English ``reason``
    for ``str()``, logs and tracebacks.

    Codes: ``game-over``, ``wrong-phase`` (action, phase), ``not-your-turn``,
    ``group-decision``, ``intro-count-out-of-range`` (limit), ``no-card-chosen``,
    ``card-not-hidden``, ``talk-out-of-range`` (low, high), ``not-in-plenary``,
    ``task-not-open``, ``proposal-wrong-length``, ``unplaced`` (seats, names),
    ``no-task-to-stay-on``, ``cannot-initiate``, ``cannot-join``, ``signal-no-match``,
    ``invitation-not-new-knowledge``, ``no-invitation``, ``not-in-room``.

    The arguments are ``arguments``, not ``args``: an exception's ``args`` are Python's own
    (the message, for ``str()`` and pickling).
    """

    def __init__(
        self, reason: str, code: str = "refused", args: Mapping[str, object] | None = None
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code
        self.arguments: Mapping[str, object] = dict(args or {})
