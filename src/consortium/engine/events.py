"""What happened: the Events an action caused, as data (kind + arguments, no words).

The engine says *what* happened; :mod:`consortium.present.event_words` says it in the
reader's language. Every front end learns of a change from Events rather than by diffing
views or reading prose: the board's "What happened" list (the public log holds the Events
that are logged), the change flags a window redraws by, a phone's private hand, the report.

Each Event is a frozen record with

- ``kind``: a stable identifier (``"task-finished"``), for machines and tests;
- ``topic``: the log's category of the line it makes (``"finished"``; several kinds share
  ``"invitation"`` or ``"vote"``), kept from the prose log so golden playthroughs read the
  same;
- ``touches``: which parts of a screen it changes (``phase``, ``tasks``, ``participants``,
  ``board``, ``log``, ``pit_stops``), so a window redraws only those.

Arguments carry the ids a program needs *and* the names as they were when it happened (a
seat's name changes when someone new takes the seat; the log must still say who left).
Scenario texts (task titles, domain names, an event's own text) are the scenario's words and
are passed through as they are.

:func:`~consortium.engine.game.step` returns the Events of one action: the logged ones (in
the order the log got them) and the ones the log does not keep (a card shown, a vote cast,
talk charged, a new round, a pit stop, whose turn it is). The public log is counted by the
save digest, so only the kinds that were logged before Events are logged now.
"""

from __future__ import annotations

from typing import ClassVar

import attrs

PHASE = "phase"
TASKS = "tasks"
PARTICIPANTS = "participants"
BOARD = "board"
LOG = "log"
PIT_STOPS = "pit_stops"


@attrs.frozen
class Event:
    """Base of every Event: ``kind``, ``topic`` and ``touches`` are class-level."""

    kind: ClassVar[str] = "event"
    topic: ClassVar[str] = ""  # the log's category ("" for an Event the log does not keep)
    touches: ClassVar[frozenset[str]] = frozenset()
    logged: ClassVar[bool] = False

    def args(self) -> dict[str, object]:
        """The arguments as a plain mapping (for a phone page, a report, a test)."""
        return attrs.asdict(self, recurse=False)


# --- logged Events (the public log keeps these) ------------------------------------------


@attrs.frozen
class ModeStarted(Event):
    """A round's way of organizing begins ("Round 2: Mixed.")."""

    kind: ClassVar[str] = "mode-started"
    topic: ClassVar[str] = "mode"
    touches: ClassVar[frozenset[str]] = frozenset((LOG, PHASE))
    logged: ClassVar[bool] = True
    round: int
    mode: str  # the Mode's value: "democratic", "self-selection", "hybrid"


@attrs.frozen
class GameOver(Event):
    """The game ended: won or not, and the round it was ended early in (``None``: played to
    the end)."""

    kind: ClassVar[str] = "game-over"
    topic: ClassVar[str] = "end"
    touches: ClassVar[frozenset[str]] = frozenset((LOG, PHASE, TASKS, PARTICIPANTS, BOARD))
    logged: ClassVar[bool] = True
    won: bool
    ended_early_in: int | None = None


@attrs.frozen
class NeedDiscovered(Event):
    """Hidden needs of a task were found, by its team at work (``by="team"``) or by the
    plenary seeing a matching card (``by="plenary"``)."""

    kind: ClassVar[str] = "need-discovered"
    topic: ClassVar[str] = "discovery"
    touches: ClassVar[frozenset[str]] = frozenset((LOG, TASKS))
    logged: ClassVar[bool] = True
    task: str
    title: str
    domains: tuple[str, ...]
    domain_names: tuple[str, ...]
    by: str  # "team" or "plenary"


@attrs.frozen
class TaskFinished(Event):
    """A task was finished this round, with the quality of its coverage and its impact."""

    kind: ClassVar[str] = "task-finished"
    topic: ClassVar[str] = "finished"
    touches: ClassVar[frozenset[str]] = frozenset((LOG, TASKS, PARTICIPANTS))
    logged: ClassVar[bool] = True
    task: str
    title: str
    quality: float
    impact: float


@attrs.frozen
class Invited(Event):
    """The group invited a participant onto a team (a perspective check)."""

    kind: ClassVar[str] = "invited"
    topic: ClassVar[str] = "invitation"
    touches: ClassVar[frozenset[str]] = frozenset((LOG, PHASE, BOARD))
    logged: ClassVar[bool] = True
    seat: int
    name: str
    task: str
    title: str


@attrs.frozen
class InvitationDeclined(Event):
    kind: ClassVar[str] = "invitation-declined"
    topic: ClassVar[str] = "invitation"
    touches: ClassVar[frozenset[str]] = frozenset((LOG, PHASE, BOARD))
    logged: ClassVar[bool] = True
    seat: int
    name: str
    task: str
    title: str


@attrs.frozen
class InvitationAccepted(Event):
    kind: ClassVar[str] = "invitation-accepted"
    topic: ClassVar[str] = "invitation"
    touches: ClassVar[frozenset[str]] = frozenset((LOG, PHASE, BOARD, TASKS, PARTICIPANTS))
    logged: ClassVar[bool] = True
    seat: int
    name: str
    task: str
    title: str


@attrs.frozen
class VotePassed(Event):
    """The board's allocation passed (its placements take effect)."""

    kind: ClassVar[str] = "vote-passed"
    topic: ClassVar[str] = "vote"
    touches: ClassVar[frozenset[str]] = frozenset((LOG, PHASE, BOARD, TASKS, PARTICIPANTS))
    logged: ClassVar[bool] = True
    votes_for: int
    voters: int


@attrs.frozen
class VoteFailed(Event):
    kind: ClassVar[str] = "vote-failed"
    topic: ClassVar[str] = "vote"
    touches: ClassVar[frozenset[str]] = frozenset((LOG, PHASE, BOARD))
    logged: ClassVar[bool] = True
    votes_for: int
    voters: int


@attrs.frozen
class MostSupportedStands(Event):
    """After the last failed vote the allocation with most support takes effect."""

    kind: ClassVar[str] = "most-supported-stands"
    topic: ClassVar[str] = "vote"
    touches: ClassVar[frozenset[str]] = frozenset((LOG, PHASE, BOARD, TASKS, PARTICIPANTS))
    logged: ClassVar[bool] = True


@attrs.frozen
class TaskStarted(Event):
    """A participant initiated a task and leads it."""

    kind: ClassVar[str] = "task-started"
    topic: ClassVar[str] = "initiate"
    touches: ClassVar[frozenset[str]] = frozenset((LOG, TASKS, PARTICIPANTS))
    logged: ClassVar[bool] = True
    seat: int
    name: str
    task: str
    title: str


@attrs.frozen
class Joined(Event):
    kind: ClassVar[str] = "joined"
    topic: ClassVar[str] = "join"
    touches: ClassVar[frozenset[str]] = frozenset((LOG, TASKS, PARTICIPANTS))
    logged: ClassVar[bool] = True
    seat: int
    name: str
    task: str
    title: str


@attrs.frozen
class TurnedAway(Event):
    """A closed team did not admit the card a participant signalled."""

    kind: ClassVar[str] = "turned-away"
    topic: ClassVar[str] = "turned-away"
    touches: ClassVar[frozenset[str]] = frozenset((LOG, PARTICIPANTS))
    logged: ClassVar[bool] = True
    seat: int
    name: str
    task: str
    title: str


@attrs.frozen
class Left(Event):
    """A participant left their seat (``reason``: ``"burned out"``, ``"moved on"`` or
    ``"replaced"``, codes the words render)."""

    kind: ClassVar[str] = "left"
    topic: ClassVar[str] = "departure"
    touches: ClassVar[frozenset[str]] = frozenset((LOG, TASKS, PARTICIPANTS))
    logged: ClassVar[bool] = True
    seat: int
    name: str
    reason: str


@attrs.frozen
class Arrived(Event):
    kind: ClassVar[str] = "arrived"
    topic: ClassVar[str] = "arrival"
    touches: ClassVar[frozenset[str]] = frozenset((LOG, PARTICIPANTS))
    logged: ClassVar[bool] = True
    seat: int
    name: str
    sector: str
    sector_name: str


@attrs.frozen
class KnowledgeWalkedOut(Event):
    """Covered needs only the leaver held among the team are uncovered again."""

    kind: ClassVar[str] = "knowledge-walked-out"
    topic: ClassVar[str] = "walked-out"
    touches: ClassVar[frozenset[str]] = frozenset((LOG, TASKS))
    logged: ClassVar[bool] = True
    seat: int
    name: str
    task: str
    title: str
    domains: tuple[str, ...]
    domain_names: tuple[str, ...]


@attrs.frozen
class Handover(Event):
    """A task lost part of its progress when its lead left."""

    kind: ClassVar[str] = "handover"
    topic: ClassVar[str] = "handover"
    touches: ClassVar[frozenset[str]] = frozenset((LOG, TASKS))
    logged: ClassVar[bool] = True
    task: str
    title: str
    loss: float  # the share of progress lost, 0..1


@attrs.frozen
class EventFired(Event):
    """A scenario event fired (its title and text are the scenario's words)."""

    kind: ClassVar[str] = "event-fired"
    topic: ClassVar[str] = "event"
    touches: ClassVar[frozenset[str]] = frozenset((LOG, TASKS, PARTICIPANTS))
    logged: ClassVar[bool] = True
    event: str
    title: str
    text: str


@attrs.frozen
class HolderNamed(Event):
    """The facilitator named who holds a card: it is public for good."""

    kind: ClassVar[str] = "holder-named"
    topic: ClassVar[str] = "named"
    touches: ClassVar[frozenset[str]] = frozenset((LOG, PARTICIPANTS, TASKS))
    logged: ClassVar[bool] = True
    seat: int
    name: str
    domain: str
    domain_name: str


@attrs.frozen
class FacilitatorActed(Event):
    """The facilitator skipped a turn, had a bot play a seat (or a person again), or had the
    bots fast-forward the rest (``what``: the :class:`~consortium.engine.actions.Facilitated`
    code; ``seat``/``name``: whose turn or seat, ``None``/"" for a fast-forward)."""

    kind: ClassVar[str] = "facilitator-acted"
    topic: ClassVar[str] = "facilitator"
    touches: ClassVar[frozenset[str]] = frozenset((LOG, PARTICIPANTS))
    logged: ClassVar[bool] = True
    what: str
    seat: int | None
    name: str


# --- Events the log does not keep (step returns them) ------------------------------------


@attrs.frozen
class ModeChosen(Event):
    kind: ClassVar[str] = "mode-chosen"
    touches: ClassVar[frozenset[str]] = frozenset((PHASE,))
    mode: str


@attrs.frozen
class IntroductionsSet(Event):
    kind: ClassVar[str] = "introductions-set"
    touches: ClassVar[frozenset[str]] = frozenset((PHASE,))
    count: int


@attrs.frozen
class CardRevealed(Event):
    """A hidden card became public (an introduction, a signal, a named holder)."""

    kind: ClassVar[str] = "card-revealed"
    touches: ClassVar[frozenset[str]] = frozenset((PARTICIPANTS, TASKS))
    seat: int
    slot: int
    domain: str
    level: int


@attrs.frozen
class Passed(Event):
    """A seat passed its introduction, showing nothing."""

    kind: ClassVar[str] = "passed"
    touches: ClassVar[frozenset[str]] = frozenset((PHASE,))
    seat: int


@attrs.frozen
class Deliberated(Event):
    kind: ClassVar[str] = "deliberated"
    touches: ClassVar[frozenset[str]] = frozenset((PHASE, PARTICIPANTS))
    minutes: int | None  # None: the rules' deliberation cost (no talk clock)


@attrs.frozen
class TalkCharged(Event):
    """Talk on the clock was charged to the plenary as meeting time."""

    kind: ClassVar[str] = "talk-charged"
    touches: ClassVar[frozenset[str]] = frozenset((PARTICIPANTS,))
    minutes: int


@attrs.frozen
class Placed(Event):
    kind: ClassVar[str] = "placed"
    touches: ClassVar[frozenset[str]] = frozenset((BOARD,))
    seat: int
    task: str | None


@attrs.frozen
class BoardProposed(Event):
    kind: ClassVar[str] = "board-proposed"
    touches: ClassVar[frozenset[str]] = frozenset((BOARD,))
    placements: tuple[str | None, ...]


@attrs.frozen
class VoteCalled(Event):
    kind: ClassVar[str] = "vote-called"
    touches: ClassVar[frozenset[str]] = frozenset((PHASE, BOARD))


@attrs.frozen
class VoteCast(Event):
    """A seat voted (``approve`` is ``None`` under a secret ballot: nobody sees it)."""

    kind: ClassVar[str] = "vote-cast"
    touches: ClassVar[frozenset[str]] = frozenset((BOARD,))
    seat: int
    approve: bool | None


@attrs.frozen
class Declared(Event):
    kind: ClassVar[str] = "declared"
    touches: ClassVar[frozenset[str]] = frozenset((PARTICIPANTS,))
    seat: int
    plenary: bool


@attrs.frozen
class Stayed(Event):
    kind: ClassVar[str] = "stayed"
    touches: ClassVar[frozenset[str]] = frozenset((PARTICIPANTS, TASKS))
    seat: int
    task: str | None


@attrs.frozen
class SatOut(Event):
    kind: ClassVar[str] = "sat-out"
    touches: ClassVar[frozenset[str]] = frozenset((PARTICIPANTS, TASKS))
    seat: int


@attrs.frozen
class NoInvitation(Event):
    kind: ClassVar[str] = "no-invitation"
    touches: ClassVar[frozenset[str]] = frozenset((PHASE,))


@attrs.frozen
class RoundStarted(Event):
    kind: ClassVar[str] = "round-started"
    touches: ClassVar[frozenset[str]] = frozenset((PHASE, TASKS, PARTICIPANTS, BOARD))
    round: int


@attrs.frozen
class Worked(Event):
    """A team worked on a task this round: the progress it made (``gained``), where the task
    stands now (``progress`` of ``effort``) and who worked on it. One per team, just before
    the pit stop, so the pit stop can say what the round added without comparing views."""

    kind: ClassVar[str] = "worked"
    touches: ClassVar[frozenset[str]] = frozenset((TASKS,))
    task: str
    title: str
    gained: float
    progress: float
    effort: int
    members: tuple[int, ...]


@attrs.frozen
class PitStop(Event):
    """The round's work was resolved; its pit stop is on the board."""

    kind: ClassVar[str] = "pit-stop"
    touches: ClassVar[frozenset[str]] = frozenset(
        (PHASE, TASKS, PARTICIPANTS, BOARD, PIT_STOPS)
    )
    round: int


@attrs.frozen
class TurnMoved(Event):
    """The decision open now, in the same phase: whose turn (``None``: the group) and the
    turn number within the phase."""

    kind: ClassVar[str] = "turn-moved"
    touches: ClassVar[frozenset[str]] = frozenset((PHASE,))
    phase: str
    actor: int | None
    turn: int


@attrs.frozen
class PhaseEntered(Event):
    """A new phase began (entering one may set the board, the votes, who sits out): its
    first decision, whose it is and the turn number."""

    kind: ClassVar[str] = "phase-entered"
    touches: ClassVar[frozenset[str]] = frozenset((PHASE, BOARD, TASKS, PARTICIPANTS))
    phase: str
    actor: int | None
    turn: int


def touched(events: tuple[Event, ...] | list[Event]) -> frozenset[str]:
    """The parts of a screen the Events change (a window redraws only those)."""
    parts: set[str] = set()
    for event in events:
        parts |= event.touches
    return frozenset(parts)
