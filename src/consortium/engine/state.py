"""The game state as frozen values, split by who may see what.

``GameState`` has three parts (ARCHITECTURE.md, "cheap, leak-proof views"):

- ``public`` (:class:`PublicState`): the board, names, sectors, public cards, discovered needs
  and the count of hidden ones, teams, progress, who left and arrived, pit-stop summaries.
  The shared screen is built from this alone, so it cannot show what it never receives.
- ``seats`` (:class:`PrivateSeat` per seat): a participant's hand, hours and motivation, shown
  only behind the hand-off curtain to that participant.
- ``hidden`` (:class:`HiddenState`): what nobody sees during play: random streams, the secret
  ballot, and the ledger the end-of-game debrief reveals.

Everything is immutable (tuples, frozen attrs); rules return new states via ``attrs.evolve``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

import attrs

from consortium.engine.rng import Stream, derive_seed
from consortium.engine.scenario import (
    Domain,
    Family,
    Rules,
    Scenario,
    Sector,
    TaskSpec,
    Translation,
)

if TYPE_CHECKING:  # an annotation only: the start screen does not load the Events
    from consortium.engine.events import Event


class Mode(enum.Enum):
    """The three ways of organizing. Values are stable identifiers used in saves and the CLI;
    the neutral words shown during play are ``consortium.present.labels.mode_label``."""

    DEMOCRATIC = "democratic"
    SELF_SELECTION = "self-selection"
    HYBRID = "hybrid"

ScheduleEntry = Mode | Literal["choose"]


class Phase(enum.Enum):
    MODE_CHOICE = "mode-choice"
    INTRO_COUNT = "intro-count"
    INTRODUCTIONS = "introductions"
    DECLARE = "declare"
    TURNS = "turns"
    DELIBERATION = "deliberation"
    PLACEMENT = "placement"
    VOTE = "vote"
    PERSPECTIVE_CHECK = "perspective-check"
    INVITATION = "invitation"
    PIT_STOP = "pit-stop"
    GAME_OVER = "game-over"


@attrs.frozen(order=True)
class Card:
    """An expertise card: a domain of knowledge at level 1–3."""

    domain: str
    level: int


@attrs.frozen
class SeatSetup:
    """Who sits in a seat at the start: a person or a bot (with its policy name)."""

    name: str
    sector: str
    bot: str | None = None  # policy name for a bot seat, None for a person


@attrs.frozen
class GameConfig:
    """Everything a session is set up with besides the scenario; together with the seed and
    the action log it reproduces the game exactly."""

    seats: tuple[SeatSetup, ...]
    rounds: int
    turnover: float
    schedule: tuple[ScheduleEntry, ...]
    seed: int
    capacity: int
    hand_size: int
    secret_ballot: bool = False
    group_policy: str = "balanced"


@attrs.frozen(slots=False)  # copied on every action: see engine/frozen.py
class Participant:
    """The public face of a seat. ``public_cards`` keeps one slot per card in the hand: a slot
    holds the card once it was revealed or signalled, ``None`` while it is hidden, so views
    show how many cards someone has without showing which."""

    name: str
    sector: str
    public_cards: tuple[Card | None, ...]
    task: str | None
    arrived_round: int
    is_bot: bool
    present: bool = True
    declared_plenary: bool | None = None


@attrs.frozen(slots=False)  # copied on every action: see engine/frozen.py
class TaskState:
    """A task as everyone sees it. Latent needs appear only as ``hidden_count`` until found."""

    id: str
    title: str
    text: str
    effort: int
    base_value: float
    visible: tuple[str, ...]
    hidden_count: int
    discovered: tuple[str, ...] = ()
    covered: tuple[str, ...] = ()
    progress: float = 0.0
    lead: int | None = None
    members: tuple[int, ...] = ()  # in order of joining: the first is the longest-serving
    closed: bool = False
    value_factors: tuple[tuple[float, int | None], ...] = ()  # (factor, last round or None)
    status: Literal["queued", "open", "finished"] = "queued"
    finished_round: int | None = None
    quality: float | None = None
    impact: float = 0.0

    @property
    def requirement_count(self) -> int:
        return len(self.visible) + self.hidden_count

    def value_in(self, round_no: int) -> float:
        value = self.base_value
        for factor, until in self.value_factors:
            if until is None or round_no <= until:
                value *= factor
        return value

    @property
    def known_requirements(self) -> tuple[str, ...]:
        return self.visible + self.discovered


@attrs.frozen
class TimeBudget:
    """Person-hours by where they went; the five parts add up to the hours.

    ``crowding`` (rules v3) is the part of ``overhead`` paid for members beyond a task's
    useful team size: inside the overhead, shown apart, and counted as joint activity by
    the jointholism index."""

    meetings: float = 0.0
    overhead: float = 0.0
    expert_work: float = 0.0
    mismatch_work: float = 0.0
    sitting_out: float = 0.0
    crowding: float = 0.0

    @property
    def total(self) -> float:
        return (
            self.meetings + self.overhead + self.expert_work + self.mismatch_work + self.sitting_out
        )

    def __add__(self, other: TimeBudget) -> TimeBudget:
        return TimeBudget.sum_of((self, other))

    @classmethod
    def sum_of(cls, budgets: Iterable[TimeBudget]) -> TimeBudget:
        """The budgets added up field by field, in order: the one place a time budget is
        added (``+`` comes here too; the round's metrics and the pit stop sum their seats
        with it), without a record per step, since this runs for every round of every game."""
        meetings = overhead = expert = mismatch = sitting = crowding = 0.0
        for t in budgets:
            meetings += t.meetings
            overhead += t.overhead
            expert += t.expert_work
            mismatch += t.mismatch_work
            sitting += t.sitting_out
            crowding += t.crowding
        return cls(meetings, overhead, expert, mismatch, sitting, crowding)


@attrs.frozen
class PitStop:
    """The public summary of one round, with neutral labels (no hands, no holders)."""

    round: int
    mode: Mode
    time: TimeBudget
    hours: float
    impact_this_round: float
    impact_total: float
    value_in_progress: float
    finished: tuple[str, ...]
    lost_present: int  # uncovered requirements of tasks finished this round someone held
    lost_absent: int  # ... that nobody present held
    at_risk: int  # uncovered requirements of open tasks
    team_similarity: float | None  # the alignophilia index, under its neutral name
    arrivals: int
    departures: int


@attrs.frozen
class LogEntry:
    """One line of the public log: the round and the Event (no words: ``consortium.present``
    puts it into the reader's language)."""

    round: int
    event: Event

    @property
    def kind(self) -> str:
        """The line's category ("discovery", "vote", …), as the prose log had it."""
        return self.event.topic


@attrs.frozen
class Ballot:
    """An allocation put to a vote and how it went."""

    placements: tuple[str | None, ...]
    votes_for: int
    voters: int


@attrs.frozen
class Catalog:
    """The scenario's public vocabulary: families, domains and sectors (no tasks' needs)."""

    title: str
    families: tuple[Family, ...]
    domains: tuple[Domain, ...]
    sectors: tuple[Sector, ...]
    family_of: dict[str, str] = attrs.field(eq=False, repr=False, factory=dict)
    language: str = "en"  # of the texts above
    # the scenario's texts in other languages, for the words layer (rules never read them)
    translations: tuple[Translation, ...] = attrs.field(default=(), repr=False)

    @classmethod
    def of(cls, scenario: Scenario) -> Catalog:
        return cls(
            scenario.title,
            scenario.families,
            scenario.domains,
            scenario.sectors,
            {d.id: d.family for d in scenario.domains},
            scenario.language,
            scenario.translations,
        )

    def domain_name(self, domain_id: str) -> str:
        return next(d.name for d in self.domains if d.id == domain_id)

    def sector_name(self, sector_id: str) -> str:
        return next(s.name for s in self.sectors if s.id == sector_id)


@attrs.frozen(slots=False)  # copied on every action: see engine/frozen.py
class PublicState:
    round: int
    rounds: int
    phase: Phase
    mode: Mode | None
    actor: int | None  # seat whose private turn it is; None = a group decision
    target: float
    rules: Rules
    catalog: Catalog
    participants: tuple[Participant, ...]
    tasks: tuple[TaskState, ...]  # in queue order; status says open/queued/finished
    familiarity: tuple[tuple[int, ...], ...]
    phase_done: bool = False  # set by the rule that completes a phase; the flow moves on
    order: tuple[int, ...] = ()  # the seats taking turns in this phase, in order
    turn: int = 0  # index into ``order``
    intros_planned: int = 0
    intros_done: int = 0
    board: tuple[str | None, ...] = ()  # proposed placement per seat (None = unplaced)
    votes: tuple[bool | None, ...] = ()  # open votes as cast; all None under secret ballot
    ballots: tuple[Ballot, ...] = ()  # this round's votes so far
    failed_votes: int = 0
    deliberated: bool = False
    talk_minutes: int = 0
    secret_ballot: bool = False
    newcomers: tuple[int, ...] = ()  # seats seated at this round's comings and goings
    sat_out: tuple[int, ...] = ()  # this round
    turned_away: tuple[tuple[int, str], ...] = ()  # (seat, task) this round
    invitation: tuple[int, str] | None = None
    checked: bool = False
    pit_stops: tuple[PitStop, ...] = ()
    log: tuple[LogEntry, ...] = ()
    impact: float = 0.0
    won: bool | None = None
    schedule: tuple[ScheduleEntry, ...] = ()

    @property
    def seats(self) -> int:
        return len(self.participants)

    def task(self, task_id: str) -> TaskState:
        for t in self.tasks:
            if t.id == task_id:
                return t
        raise KeyError(task_id)

    @property
    def open_tasks(self) -> tuple[TaskState, ...]:
        return tuple([t for t in self.tasks if t.status == "open"])

    def team(self, seat: int) -> TaskState | None:
        task_id = self.participants[seat].task
        return None if task_id is None else self.task(task_id)


@attrs.frozen(slots=False)  # copied on every action: see engine/frozen.py
class Spend:
    """This round's charged hours of one participant, in GAME.md's charging order."""

    intro: float = 0.0
    talk: float = 0.0
    votes: float = 0.0
    check: float = 0.0

    @property
    def meetings(self) -> float:
        return self.intro + self.talk + self.votes + self.check


@attrs.frozen(slots=False)  # copied on every action: see engine/frozen.py
class PrivateSeat:
    """What only the participant in this seat may see (behind the curtain)."""

    hand: tuple[Card, ...]
    capacity: int
    hours: float
    motivation: int
    spent: Spend = Spend()
    notice: str | None = None  # "You are now ‹name›, ‹sector›; your old hand is gone."
    placed_without_match: bool = False
    idle_last_round: bool = False  # sat out or was turned away last round
    empty_talk: float = 0.0  # this round

    @property
    def hours_left(self) -> float:
        return max(0.0, self.hours - self.spent.meetings)


@attrs.frozen
class Streams:
    """One seeded stream per source of chance (GAME.md, "Randomness and sessions")."""

    deal: Stream
    turnover: Stream
    newcomers: Stream
    hours: Stream
    events: Stream
    bots: tuple[Stream, ...]  # one per seat
    group: Stream  # the bot group's own stream

    @classmethod
    def seeded(cls, seed: int, seats: int) -> Streams:
        """The seven streams of a game seeded by ``seed`` with ``seats`` seats, each from its
        own label. The one derivation: a new game (:func:`~consortium.engine.game.opening`)
        and a what-if replay (:func:`~consortium.engine.simulate.reseeded`, from its own
        seed) both use it, so a stream can never be seeded one way here and another there."""
        return cls(
            deal=Stream(derive_seed(seed, "deal")),
            turnover=Stream(derive_seed(seed, "turnover")),
            newcomers=Stream(derive_seed(seed, "newcomers")),
            hours=Stream(derive_seed(seed, "hours")),
            events=Stream(derive_seed(seed, "events")),
            bots=tuple(Stream(derive_seed(seed, "bot", i)) for i in range(seats)),
            group=Stream(derive_seed(seed, "group")),
        )


@attrs.frozen
class SeatRound:
    """The full, hidden record of one participant in one round (revealed in the debrief)."""

    seat: int
    name: str
    sector: str
    task: str | None
    hours: float
    time: TimeBudget
    motivation_before: int
    motivation_after: int
    empty_talk: float
    progress: float


@attrs.frozen
class Excluded:
    """A perspective in the room that never reached the task that needed it."""

    round: int
    task: str
    requirement: str
    holders: tuple[tuple[int, str, str], ...]  # (seat, name, why: sitting out / mismatched / …)


@attrs.frozen
class Lost:
    """An uncovered requirement of a finished task: present if someone in the room held it."""

    round: int
    task: str
    requirement: str
    present: bool
    holders: tuple[tuple[int, str], ...]


@attrs.frozen
class Departure:
    round: int
    seat: int
    name: str
    reason: Literal["moved on", "burned out", "replaced"]


@attrs.frozen
class RoundRecord:
    round: int
    mode: Mode
    seats: tuple[SeatRound, ...]
    alignophilia: float | None
    excluded: tuple[Excluded, ...]
    lost: tuple[Lost, ...]
    progress: float  # work units added this round (surplus included)
    departures: tuple[Departure, ...]
    arrivals: tuple[int, ...]
    hands: tuple[tuple[Card, ...], ...]  # every present participant's hand this round
    # talk that paid off (rules v3's talk yield): hidden needs the plenary found from public
    # cards, and cards shown in introductions that covered a requirement this round
    meeting_finds: int = 0
    reveals_paid: int = 0
    team_likeness: float | None = None  # teammates' mean sim ÷ random teams' (the ratio)
    open_tasks: int = 0  # tasks open while the round's work was done


@attrs.frozen(slots=False)  # copied on every action: see engine/frozen.py
class HiddenState:
    streams: Streams
    arrivals: int = 0  # newcomers drawn so far (the newcomer stream is indexed by arrival)
    secret_votes: tuple[bool | None, ...] = ()
    ledger: tuple[RoundRecord, ...] = ()
    departures: tuple[Departure, ...] = ()  # this round's
    capacity_delta: int = 0  # this round's capacity events
    motivation_before: tuple[int, ...] = ()
    meeting_finds: int = 0  # this round's hidden needs found in deliberation
    shown_in_meetings: tuple[tuple[int, str], ...] = ()  # (seat, domain) not yet put to use


@attrs.frozen(slots=False)  # copied on every action: see engine/frozen.py
class GameState:
    """The full state. Only the engine, saves and the revealed debrief see all of it."""

    ctx: Context
    public: PublicState
    seats: tuple[PrivateSeat, ...]
    hidden: HiddenState
    step: int = 0  # actions applied so far; bots derive their draws from it

    @property
    def phase(self) -> Phase:
        return self.public.phase

    @property
    def over(self) -> bool:
        return self.public.phase is Phase.GAME_OVER


@attrs.frozen
class Context:
    """The fixed frame of a game: scenario and setup, plus lookup tables derived from them.

    The tables are computed once per game (not per decision) and excluded from equality.
    """

    scenario: Scenario
    config: GameConfig
    family_of: dict[str, str] = attrs.field(eq=False, repr=False, factory=dict)
    spec_of: dict[str, TaskSpec] = attrs.field(eq=False, repr=False, factory=dict)
    memo: dict[str, object] = attrs.field(eq=False, repr=False, factory=dict)
    """The game's own memo of pure functions' last results (the bots' open needs and last
    proposal, see consortium.engine.bots): one per game, shared by its states and its what-if
    replays, never a module global, so games side by side in threads share nothing."""

    @classmethod
    def build(cls, scenario: Scenario, config: GameConfig) -> Context:
        return cls(
            scenario,
            config,
            {d.id: d.family for d in scenario.domains},
            {t.id: t for t in scenario.all_task_specs()},
        )

    @property
    def rules(self) -> Rules:
        return self.scenario.rules
