"""Bots and policies (GAME.md, "Bots and policies").

A bot plays by the same rules and information as a person in its seat: the public view plus
its own hand and hours (:class:`PlayerView`), choosing from ``legal_actions`` with its own
seeded stream. It scores a choice by fit over visible and discovered requirements and by
similarity to teammates' *public* cards, as ``(1 − homophily) · fit + homophily · similarity``.

A policy is also how a bot group decides the room's questions when no person is seated: the
mode, how many introductions, the board proposal, and the hybrid perspective check.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet

import attrs

from consortium.engine.actions import (
    Action,
    CallVote,
    ChooseMode,
    Continue,
    Declare,
    Deliberate,
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
    Vote,
)
from consortium.engine.intros import may_pass_with
from consortium.engine.ops import best_level
from consortium.engine.proposal import propose, public_level
from consortium.engine.rng import Draws
from consortium.engine.scenario import Rules
from consortium.engine.state import Card, Mode, Phase, PublicState, TaskState
from consortium.engine.turns import slots_for
from consortium.engine.views import PlayerView

SIT_OUT_BELOW = 0.15  # a bot sits out when no option scores above this
CROWDING = 0.08  # per teammate beyond CROWD_FREE: big teams pay overhead
CROWD_FREE = 2
# starting a task alone: a fresh task finishes later and covers less (v3: at 0.1, 4-seat
# groups worked alone, where homophily has nothing to act on)
INITIATE_COST = 0.3
DUPLICATE_SHARE = 0.5  # a card the team already shows adds speed, not a perspective
# staying keeps a team's familiarity and saves a signal: self-selectors stick with the task they
# picked (v3 calibration: at 0.1 they re-sorted round after round almost as a plenary does)
STAY_BONUS = 0.3


@attrs.frozen
class Policy:
    name: str
    mode: Mode
    homophily: float
    close_teams: bool
    intros: Callable[[PublicState], int]
    invites: bool = False
    herd: bool = False  # v3: everyone on one task (democratic) or the largest team (own way)


def _heavy(public: PublicState) -> int:
    return public.rules.max_intros


def _light(public: PublicState) -> int:
    present = [s for s in public.newcomers if public.participants[s].present]
    return min(1, public.rules.max_intros) if present else 0


def _keep(public: PublicState) -> int:
    """Introductions until every present participant shows at least two cards (at most 3)."""
    missing = [
        max(0, 2 - sum(1 for c in p.public_cards if c is not None))
        for p in public.participants
        if p.present
    ]
    return min(max(missing, default=0), 3, public.rules.max_intros)


POLICIES: dict[str, Policy] = {
    p.name: p
    for p in (
        Policy("democratic-heavy", Mode.DEMOCRATIC, 0.0, False, _heavy),
        Policy("democratic-light", Mode.DEMOCRATIC, 0.0, False, _light),
        Policy("democratic-keep", Mode.DEMOCRATIC, 0.0, False, _keep),
        Policy("self-select", Mode.SELF_SELECTION, 1.0, True, _light),
        Policy("self-select-fit", Mode.SELF_SELECTION, 0.0, False, _light),
        Policy("balanced", Mode.HYBRID, 0.3, False, _light, invites=True),
        # rules v3: the shortcuts a real group stumbles on, which the rules must not reward
        Policy("herd", Mode.DEMOCRATIC, 0.0, False, _light, herd=True),
        Policy("self-select-herd", Mode.SELF_SELECTION, 0.0, False, _light, herd=True),
    )
}
MAIN_POLICIES = tuple(name for name, p in POLICIES.items() if not p.herd)
"""The six policies GAME.md's calibration claims compare (all but the two herds)."""


Memo = dict[str, object]
"""A game's memo of the bots' last results (``GameState.ctx.memo``, one per game): see
:func:`_open_needs` and :func:`_proposal`."""


# --- scoring helpers ----------------------------------------------------------------------


def expected_fit(
    fits: Sequence[float], hand: Sequence[Card], task: TaskState, shown_by_mates: AbstractSet[str]
) -> float:
    """Fit over the task's visible and discovered requirements, scaled to 0–1, judged by what
    the bot would add: full fit for a requirement nobody on the team shows yet, half for one
    already covered (duplicating), ``fit_nonexpert`` for no match at all. ``fits`` is
    ``rules.fit_by_level()`` (GAME.md's fit formula, ``Rules.fit``), looked up once per
    decision rather than once per task."""
    top = fits[3]
    visible = task.visible  # with ``discovered``: task.known_requirements
    discovered = task.discovered
    covered = task.covered
    fresh = dup = 0
    for card in hand:
        domain = card.domain
        if domain in visible or domain in discovered:
            if domain in shown_by_mates or domain in covered:
                dup = max(dup, card.level)
            else:
                fresh = max(fresh, card.level)
    if fresh:
        return fits[fresh] / top
    if dup:
        return DUPLICATE_SHARE * fits[dup] / top
    return fits[0] / top


# --- seat decisions -----------------------------------------------------------------------


def answer(view: PlayerView, policy: Policy, memo: Memo | None = None) -> Action | None:
    """A yes-or-no decision (vote, declaration, invitation), which needs no list of options;
    None in any other phase."""
    phase = view.public.phase
    if phase is Phase.VOTE:
        return Vote(view.seat, policy.herd or _approves(view, memo))
    if phase is Phase.DECLARE:
        return Declare(view.seat, _wants_plenary(view, memo))
    if phase is Phase.INVITATION:
        return Respond(view.seat, policy.invites or _matches_invite(view))
    return None


class _OpenNeeds:
    """The open tasks' visible requirements and known (visible or discovered) ones, as sets."""

    __slots__ = ("known", "tasks", "visible")

    def __init__(self, tasks: tuple[TaskState, ...]) -> None:
        self.tasks = tasks
        self.visible: set[str] = set()
        self.known: set[str] = set()
        for t in tasks:
            if t.status == "open":
                self.visible.update(t.visible)
                self.known.update(t.visible, t.discovered)  # t.known_requirements


_NEEDS = "bots: open needs"  # the key of the open needs in a game's memo


def _open_needs(public: PublicState, memo: Memo | None) -> _OpenNeeds:
    """The open tasks' requirements, remembered in the game's memo for its last tasks tuple.

    Every seat in turn asks the same question of the same tasks while introducing itself,
    declaring or voting (those rules change participants, not tasks), so the sets are built
    once per phase instead of once per seat. As in :func:`_proposal`, the entry keeps the
    very tuple it was built from alive, so ``is`` cannot be fooled by a reused id, and any
    other tuple (even an equal one) is simply looked at afresh; it holds no game state.
    The memo is the game's own (``state.ctx.memo``), never a module global: games played side
    by side in threads neither share nor evict each other's entries, and an entry is
    replaced whole (one dict store), so a reader sees an old entry or a new one, never part
    of one. Without a memo (``None``) the sets are simply built.
    """
    entry = memo.get(_NEEDS) if memo is not None else None
    if isinstance(entry, _OpenNeeds) and entry.tasks is public.tasks:
        return entry
    needs = _OpenNeeds(public.tasks)
    if memo is not None:
        memo[_NEEDS] = needs
    return needs


def choose_reveal(view: PlayerView, memo: Memo | None = None) -> Reveal:
    """Show the most useful hidden card: one matching an open requirement, highest level;
    pass instead when the rule allows it and no hidden card matches.

    Introductions are the commonest decision of a democratic game (one per seat per
    introduction), and the list only ever holds the seat's hidden slots in slot order and,
    when ``intros.may_pass`` allows it, a pass; so this reads the hidden slots straight from
    the seat's public cards and picks with the same value and the same pass rule
    (tests/engine/bot_oracle.py holds the plain version over the list, which
    tests/engine/test_bot_oracle.py holds this one to).
    """
    public = view.public
    seat = view.seat
    shown = public.participants[seat].public_cards
    hidden = [i for i, card in enumerate(shown) if card is None]
    if not hidden:
        return Reveal(seat, None)
    useful = _open_needs(public, memo).known
    hand = view.private.hand
    # the first best by (matches an open requirement, level, lowest slot): slots differ,
    # so there are no ties
    best = hidden[0]
    best_value: tuple[bool, int, int] | None = None
    for slot in hidden:
        card = hand[slot]
        value = (card.domain in useful, card.level, -slot)
        if best_value is None or value > best_value:
            best, best_value = slot, value
    if hand[best].domain not in useful and may_pass_with(public, seat, hides_cards=True):
        return Reveal(seat, None)  # nothing it would show helps, and it may keep its cards
    return Reveal(seat, best)


def choose_seat(
    view: PlayerView, policy: Policy, draws: Draws, memo: Memo | None = None
) -> Action:
    """A seat's choice, from its own view only, without listing its legal options: votes,
    declarations and invitations never look at the list, introductions are picked by
    :func:`choose_reveal` and self-selection turns by :func:`choose_turn`. ``memo`` is the
    game's own (``state.ctx.memo``; see :func:`_open_needs`)."""
    if view.public.phase is Phase.INTRODUCTIONS:
        return choose_reveal(view, memo)
    return answer(view, policy, memo) or choose_turn(view, policy, draws, memo)


def _approves(view: PlayerView, memo: Memo | None) -> bool:
    """Against only if placed where none of its cards matches a visible or discovered
    requirement while a task it matches exists."""
    public = view.public
    task_id = public.board[view.seat] if public.board else None
    if task_id is None:
        return True
    hand = view.private.hand
    if public_level(hand, public.task(task_id)):
        return True
    # not any(public_level(hand, t) for t in public.open_tasks): a card's level is 1 to 3,
    # so a task's public_level is non-zero exactly when a card matches a known requirement
    known = _open_needs(public, memo).known
    return not any(c.domain in known for c in hand)


def _wants_plenary(view: PlayerView, memo: Memo | None) -> bool:
    """Balanced: join the plenary when its best card matches no open visible requirement."""
    visible = _open_needs(view.public, memo).visible
    return not any(c.domain in visible for c in view.private.hand)


def _matches_invite(view: PlayerView) -> bool:
    invitation = view.public.invitation
    if invitation is None:
        return False
    return bool(public_level(view.private.hand, view.public.task(invitation[1])))


class _Fits:
    """A game's ``rules.fit_by_level()`` and the rules it came from (see :func:`_fit_by_level`)."""

    __slots__ = ("fits", "rules")

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.fits = rules.fit_by_level()


_FITS = "bots: fit by level"  # the key of the fits in a game's memo


def _fit_by_level(rules: Rules, memo: Memo | None) -> tuple[float, float, float, float]:
    """``rules.fit_by_level()``, remembered in the game's memo: a game's rules never change,
    and every self-selection turn looks the fits up (see :func:`_open_needs` on the memo)."""
    entry = memo.get(_FITS) if memo is not None else None
    if isinstance(entry, _Fits) and entry.rules is rules:
        return entry.fits
    found = _Fits(rules)
    if memo is not None:
        memo[_FITS] = found
    return found.fits


class _TaskLook:
    """What a bot sees of one task when choosing: its fit there, each teammate's shown
    domains and families, the crowding cost, and (for a closed team with a lead who shows
    cards) the families it admits (computed once per decision, not once per legal action)."""

    __slots__ = ("admits", "crowd", "fit", "mates", "task")

    def __init__(
        self,
        task: TaskState,
        fit: float,
        mates: list[tuple[set[str], set[str]]],
        admits: set[str] | None,
    ) -> None:
        self.task = task
        self.fit = fit
        self.mates = mates
        self.crowd = CROWDING * max(0, len(mates) - CROWD_FREE)
        self.admits = admits

    def similarity(self, card: Card, family: str) -> float:
        if not self.mates:
            return self.fit  # starting alone: you start from your own knowledge
        total = 0.0
        for domains, families in self.mates:
            total += 1.0 if card.domain in domains else 0.5 if family in families else 0.0
        return total / len(self.mates)


_NOBODY: frozenset[str] = frozenset()  # the domains shown by no teammates


def _look(view: PlayerView, task: TaskState, fits: Sequence[float]) -> _TaskLook:
    public = view.public
    mates = []
    shown_by_mates: AbstractSet[str] = _NOBODY
    if task.members:
        family = public.catalog.family_of
        by_mates: set[str] = set()
        for m in task.members:
            if m != view.seat:
                shown = {c.domain for c in public.participants[m].public_cards if c is not None}
                by_mates |= shown
                mates.append((shown, {family[d] for d in shown}))
        shown_by_mates = by_mates
    fit = expected_fit(fits, view.private.hand, task, shown_by_mates)
    admits = None  # a team admits everyone, unless closed by a lead who shows cards
    if task.closed and task.lead is not None:
        lead = [c for c in public.participants[task.lead].public_cards if c is not None]
        if lead:
            family = public.catalog.family_of
            admits = {family[c.domain] for c in lead}
    return _TaskLook(task, fit, mates, admits)


def _join_score(look: _TaskLook, card: Card, family: str, h: float) -> float:
    """``(1 − homophily) · fit + homophily · similarity`` for joining a team with ``card``
    (of ``family``) signalled, minus crowding; a team of nobody else costs INITIATE_COST.
    (tests/engine/bot_oracle.py scores the same options over the legal list with plain
    helpers, to the last bit.)"""
    score = (1 - h) * look.fit + h * look.similarity(card, family)
    score -= look.crowd
    if not look.mates:
        score -= INITIATE_COST
    return score


def choose_turn(
    view: PlayerView, policy: Policy, draws: Draws, memo: Memo | None = None
) -> Action:
    """A self-selector's turn: score every option as ``(1 − homophily) · fit + homophily ·
    similarity`` and take the best (exact ties are broken by the bot's own seeded draw),
    walking the open tasks directly instead of first listing every legal option.

    A turn lists a couple of dozen options (each open task once per card it may signal, an
    initiation twice, as an open and a closed team), but a bot's score depends only on the
    task and, when joining, the signalled card; so this walks the open tasks once and builds
    only the chosen action. The options are scored in the order ``legal_actions`` lists them
    (stay, initiations, joins, sitting out, each in task order), so the tied candidates and
    the draw that breaks a tie are those of the plain scoring over the list
    (tests/engine/bot_oracle.py, which tests/engine/test_bot_oracle.py holds this one to,
    over many states). It offers only what the
    rules allow: the seat's own open task to stay on, a task without a lead to initiate, one
    with a lead it was not turned away from to join, signalling only ``turns.slots_for``.
    """
    public = view.public
    seat = view.seat
    hand = view.private.hand
    if policy.herd:
        return herd_turn(view)
    gate = hours_gate(view)
    if gate == "sit":
        return SitOut(seat)
    leads = gate is None
    family = public.catalog.family_of
    families = [family[c.domain] for c in hand]
    domains = tuple([c.domain for c in hand])
    h = policy.homophily
    close = policy.close_teams
    mine = public.participants[seat].task
    refused = {task for who, task in public.turned_away if who == seat}
    fits = _fit_by_level(public.rules, memo)
    stay: _TaskLook | None = None
    initiates: list[tuple[str, tuple[int, ...], float, _TaskLook | None]] = []
    joins: list[tuple[_TaskLook, tuple[int, ...]]] = []
    for task in public.tasks:
        if task.status != "open":
            continue
        if task.id == mine:
            stay = _look(view, task, fits)
        elif task.lead is None:
            if not leads:
                continue
            # a task without a lead has no team (_without), so nobody to resemble or crowd:
            # only _look's fit counts, without building the look (kept for a team anyway)
            look = _look(view, task, fits) if task.members else None
            fit = expected_fit(fits, hand, task, _NOBODY) if look is None else look.fit
            initiates.append((task.id, slots_for(domains, task.visible), fit, look))
        elif task.id not in refused:
            joins.append((_look(view, task, fits), slots_for(domains, task.visible)))

    # candidates as (kind, task, slot), built into an action only once one is chosen
    best_score = -1.0
    best: list[tuple[type, str, int]] = []

    def consider(score: float, kind: type, task_id: str, slots: Sequence[int]) -> None:
        """The running best, options of equal score kept in listing order, one per slot."""
        nonlocal best_score, best
        if score > best_score + 1e-12:
            best_score, best = score, [(kind, task_id, slot) for slot in slots]
        elif score >= best_score - 1e-12:
            best += [(kind, task_id, slot) for slot in slots]

    if stay is not None:
        sim = max(stay.similarity(c, f) for c, f in zip(hand, families, strict=True))
        score = (1 - h) * stay.fit + h * sim + STAY_BONUS
        score -= stay.crowd
        if not stay.mates:
            score -= INITIATE_COST
        consider(score, Stay, stay.task.id, (0,))
    for task_id, slots, fit, look in initiates:
        if look is None or not look.mates:  # the same score whichever card is signalled
            consider(fit - INITIATE_COST, Initiate, task_id, slots)
            continue
        for slot in slots:
            score = (1 - h) * fit + h * look.similarity(hand[slot], families[slot])
            score -= look.crowd
            consider(score, Initiate, task_id, (slot,))
    for look, slots in joins:
        for slot in slots:
            if look.admits is not None and families[slot] not in look.admits:
                continue  # a closed team would turn this card away (turns.check_join)
            consider(_join_score(look, hand[slot], families[slot], h), Join, look.task.id,
                     (slot,))
    consider(SIT_OUT_BELOW, SitOut, "", (0,))
    kind, task_id, slot = best[0] if len(best) == 1 else draws.pick(best)
    if kind is Initiate:
        return Initiate(seat, task_id, slot, close)
    if kind is Join:
        return Join(seat, task_id, slot)
    return Stay(seat) if kind is Stay else SitOut(seat)


def hours_gate(view: PlayerView) -> str | None:
    """What a self-selector's own hours allow this round (rules v3: they know their own
    availability, a plenary does not): ``"sit"`` below ``min_useful_hours`` (the home
    organization gets the little time there is), ``"join"`` below ``lead_hours`` (too little
    time to lead: join a team or stay), else ``None``."""
    rules = view.public.rules
    left = view.private.hours_left
    if left < rules.min_useful_hours:
        return "sit"
    if left < rules.lead_hours:
        return "join"
    return None


def herd_turn(view: PlayerView) -> Action:
    """``self-select-herd``: join the largest team (the first of equals in queue order),
    stay if already on it, initiate the best-fitting task only when no team exists; a team
    that is closed or turned this seat away is passed over."""
    public = view.public
    seat = view.seat
    hand = view.private.hand
    domains = tuple([c.domain for c in hand])
    mine = public.participants[seat].task
    refused = {task for who, task in public.turned_away if who == seat}
    teams = [
        t for t in public.tasks
        if t.status == "open" and t.members and (t.id == mine or (
            t.lead is not None and not t.closed and t.id not in refused
        ))
    ]
    if teams:
        largest = max(teams, key=lambda t: len(t.members) + (0.5 if t.id == mine else 0))
        if largest.id == mine:
            return Stay(seat)
        return Join(seat, largest.id, slots_for(domains, largest.visible)[0])
    free = [t for t in public.tasks if t.status == "open" and t.lead is None]
    if not free:  # (an open task of one's own would have been among the teams)
        return SitOut(seat)
    fits = public.rules.fit_by_level()
    scores = [expected_fit(fits, hand, t, _NOBODY) for t in free]
    task = free[scores.index(max(scores))]
    return Initiate(seat, task.id, slots_for(domains, task.visible)[0], False)


# --- group decisions (a bot group when no person is seated) -------------------------------


def choose_group(
    public: PublicState,
    legal: Sequence[Action],
    policy: Policy,
    draws: Draws,
    memo: Memo | None = None,
) -> Action:
    """The bot group's decision among ``legal``; ``memo`` is the game's own (see
    :func:`_proposal`)."""
    phase = public.phase
    if phase is Phase.MODE_CHOICE:
        return ChooseMode(policy.mode)
    if phase is Phase.INTRO_COUNT:
        return SetIntroductions(policy.intros(public))
    if phase is Phase.DELIBERATION:
        return Deliberate(None)
    if phase is Phase.PLACEMENT:
        return _placement(public, legal, policy, memo)
    if phase is Phase.PERSPECTIVE_CHECK:
        invitations = ((a.seat, a.task) for a in legal if type(a) is Invite)
        return choose_invitation(public, invitations, policy)
    if phase is Phase.PIT_STOP:
        return Continue()
    return legal[0]


def _placement(
    public: PublicState, legal: Sequence[Action], policy: Policy, memo: Memo | None
) -> Action:
    """Re-propose from public information (moving whoever openly voted against), then call
    the vote once the board is the proposal. A herd puts everyone on one task."""
    voters = sorted({a.seat for a in legal if type(a) is Place})
    if policy.herd:
        return _propose_or_vote(public, legal, herd_proposal(public, voters))
    avoid: dict[int, str] = {}
    if public.ballots and not public.secret_ballot:
        last = public.ballots[-1]
        avoid = {
            s: t
            for s in voters
            if (t := last.placements[s]) is not None and public.votes[s] is False
        }
    return _propose_or_vote(public, legal, _proposal(public, voters, avoid, memo))


def _propose_or_vote(
    public: PublicState, legal: Sequence[Action], proposal: dict[int, str]
) -> Action:
    board = tuple(proposal.get(s, public.board[s]) for s in range(public.seats))
    if board != public.board and any(type(a) is ProposeBoard for a in legal):
        return ProposeBoard(board)
    return CallVote()


def herd_proposal(public: PublicState, voters: Sequence[int]) -> dict[int, str]:
    """Everyone on the one open task that best matches the public cards (the sum of the
    voters' best public levels there; ties: queue order)."""
    tasks = [t for t in public.tasks if t.status == "open"]
    if not tasks:
        return {}
    people = public.participants
    scores = [sum(public_level(people[s].public_cards, t) for s in voters) for t in tasks]
    best = scores.index(max(scores))  # the first of equals
    return dict.fromkeys(voters, tasks[best].id)


class _LastProposal:
    """The group bot's last proposal and what it was made from (see :func:`_proposal`)."""

    __slots__ = ("avoid", "participants", "proposal", "tasks", "voters")

    def __init__(
        self,
        public: PublicState,
        voters: list[int],
        avoid: dict[int, str],
        proposal: dict[int, str],
    ) -> None:
        self.tasks = public.tasks
        self.participants = public.participants
        self.voters = voters
        self.avoid = avoid
        self.proposal = proposal


_PROPOSAL = "bots: last proposal"  # the key of the group bot's last proposal in a game's memo


def _proposal(
    public: PublicState, voters: list[int], avoid: dict[int, str], memo: Memo | None
) -> dict[int, str]:
    """``propose(public, voters, avoid, keep_current=True)``, remembered in the game's memo
    for the last inputs.

    The group bot proposes a board, and at its next decision works the proposal out again to
    see that the board now is the proposal before it calls the vote. Nothing ``propose`` reads
    has changed in between (ProposeBoard changes only the board), so the second time costs
    a few comparisons instead of a proposal. The remembered tasks and participants are the
    very tuples of that state (kept alive by the entry, so ``is`` cannot be fooled by a
    reused id); any other state, even an equal one, is simply worked out afresh. The entry
    is a pure function's result: it holds no game state and changes no draw. As with
    :func:`_open_needs`, the memo is the game's own and an entry is replaced whole.
    """
    last = memo.get(_PROPOSAL) if memo is not None else None
    if (
        isinstance(last, _LastProposal)
        and last.tasks is public.tasks
        and last.participants is public.participants
        and last.voters == voters
        and last.avoid == avoid
    ):
        return last.proposal
    proposal = propose(public, voters, avoid, keep_current=True)
    if memo is not None:
        memo[_PROPOSAL] = _LastProposal(public, voters, avoid, proposal)
    return proposal


def choose_invitation(
    public: PublicState, invitations: Iterable[tuple[int, str]], policy: Policy
) -> Action:
    """The group's perspective check among the allowed ``invitations`` (invitee, task), in
    seat then queue order as the rule gives them: invite unless the policy never does.

    The choice is ``max(invites, key=(shows a card the task knows it needs, lower seat))``,
    the first of equals; in seat order that is the first invitee who matches, else the first
    invitation. So it stops there: the later invitations (the check runs every hybrid round)
    need not be worked out, which is why bot_action hands it the rule's own lazy listing
    (perspective.iter_invitations) instead of every legal action; :func:`choose_group` hands
    it the invitations of its legal list, in the same order.
    """
    if not policy.invites:
        return NoInvite()
    needs: dict[str, set[str]] = {}  # each task's known requirements as a set, once
    people = public.participants
    first: tuple[int, str] | None = None
    for seat, task_id in invitations:
        if first is None:
            first = (seat, task_id)
        needed = needs.get(task_id)
        if needed is None:
            needed = needs[task_id] = set(public.task(task_id).known_requirements)
        if best_level(people[seat].public_cards, needed):  # public_level
            return Invite(seat, task_id)
    return NoInvite() if first is None else Invite(*first)
