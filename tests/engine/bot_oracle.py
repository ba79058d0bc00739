"""The bots' decisions as the rules describe them: the oracle the engine's fast bots answer to.

GAME.md ("Bots and policies") says a bot picks among its *legal actions*, scoring each as
``(1 − homophily) · fit + homophily · similarity``. This module does exactly that, plainly:
it takes the list ``legal_actions`` gives and scores every option with small helpers that
read the public cards afresh. The engine's bots (consortium.engine.bots) never list the
options and precompute what they read once per decision, because they play hundreds of
games a second; test_bot_oracle.py holds them to this module, decision by decision, over
many states. It lives in the tests because nothing in the game needs a second copy.

Shared with the engine, because they *are* the rules' words rather than a way of computing
them: the policies, the scoring constants, the expected fit of a hand on a task
(``bots.expected_fit``), the seat's own hours gate (``bots.hours_gate``), the yes-or-no
answers (``bots.answer``), the herd's turn and the group's placement (``bots.choose_group``).
"""

from __future__ import annotations

from collections.abc import Sequence

from consortium.engine import bots
from consortium.engine.actions import (
    Action,
    Initiate,
    Invite,
    Join,
    NoInvite,
    Reveal,
    SitOut,
    Stay,
)
from consortium.engine.bots import (
    CROWD_FREE,
    CROWDING,
    INITIATE_COST,
    SIT_OUT_BELOW,
    STAY_BONUS,
    Policy,
)
from consortium.engine.proposal import public_level
from consortium.engine.rng import Draws
from consortium.engine.state import Card, Phase, PublicState, TaskState
from consortium.engine.views import PlayerView

TIE = 1e-12  # scores this close are equal; the bot's own draw picks among them


def choose(view: PlayerView, legal: Sequence[Action], policy: Policy, draws: Draws) -> Action:
    """A seat's choice among ``legal`` (never empty), from its own view only."""
    phase = view.public.phase
    if phase is Phase.INTRODUCTIONS:
        return reveal(view, legal)
    if phase is Phase.TURNS:
        return turn(view, legal, policy, draws)
    return bots.answer(view, policy) or legal[0]


def choose_group(
    public: PublicState, legal: Sequence[Action], policy: Policy, draws: Draws
) -> Action:
    """The bot group's decision among ``legal``: the perspective check scored here, every
    other group decision as the engine takes it (it has only the one way)."""
    if public.phase is Phase.PERSPECTIVE_CHECK:
        return perspective_check(public, legal, policy)
    return bots.choose_group(public, legal, policy, draws)


# --- introductions ----------------------------------------------------------------------------


def useful_domains(public: PublicState) -> set[str]:
    """Every open task's visible and discovered requirements."""
    return {d for t in public.tasks if t.status == "open" for d in t.known_requirements}


def reveal(view: PlayerView, legal: Sequence[Action]) -> Action:
    """Show the most useful hidden card (matching an open requirement, then the highest
    level, then the lowest slot); pass instead, when passing is listed, if none matches."""
    hand = view.private.hand
    reveals = [a for a in legal if isinstance(a, Reveal) and a.slot is not None]
    pass_ = Reveal(view.seat, None)
    if not reveals:
        return pass_
    useful = useful_domains(view.public)

    def value(a: Reveal) -> tuple[bool, int, int]:
        assert a.slot is not None
        card = hand[a.slot]
        return (card.domain in useful, card.level, -a.slot)

    best = max(reveals, key=value)
    assert best.slot is not None
    if pass_ in legal and hand[best.slot].domain not in useful:
        return pass_
    return best


# --- a self-selection turn --------------------------------------------------------------------


def mates_of(task: TaskState, me: int) -> list[int]:
    return [m for m in task.members if m != me]


def shown_cards(public: PublicState, seat: int) -> list[Card]:
    return [c for c in public.participants[seat].public_cards if c is not None]


def sim(public: PublicState, card: Card, cards: Sequence[Card]) -> float:
    """1 if a shown card has the same domain, 0.5 if the same family, else 0."""
    family = public.catalog.family_of
    if any(c.domain == card.domain for c in cards):
        return 1.0
    if any(family[c.domain] == family[card.domain] for c in cards):
        return 0.5
    return 0.0


def fit(view: PlayerView, task: TaskState) -> float:
    public = view.public
    shown = {c.domain for m in mates_of(task, view.seat) for c in shown_cards(public, m)}
    return bots.expected_fit(public.rules.fit_by_level(), view.private.hand, task, shown)


def similarity(view: PlayerView, task: TaskState, card: Card) -> float:
    """Mean similarity of the signalled card to each teammate's public cards; starting alone,
    a bot starts from its own knowledge (its fit)."""
    public = view.public
    mates = mates_of(task, view.seat)
    if not mates:
        return fit(view, task)
    return sum(sim(public, card, shown_cards(public, m)) for m in mates) / len(mates)


def crowding(task: TaskState, me: int) -> float:
    return CROWDING * max(0, len(mates_of(task, me)) - CROWD_FREE)


def would_be_admitted(public: PublicState, card: Card, task: TaskState) -> bool:
    """A closed team's lead admits only cards of a family it shows (anyone, if it shows
    none)."""
    if not task.closed or task.lead is None:
        return True
    lead = shown_cards(public, task.lead)
    family = public.catalog.family_of
    return not lead or any(family[c.domain] == family[card.domain] for c in lead)


def score(view: PlayerView, action: Action, policy: Policy, leads: bool) -> float | None:
    """The option's score, or None when the bot would not consider it."""
    public = view.public
    hand = view.private.hand
    h = policy.homophily
    me = view.seat
    if isinstance(action, Initiate):
        if action.closed != policy.close_teams or not leads:
            return None
        task = public.task(action.task)
        if not mates_of(task, me):
            return fit(view, task) - INITIATE_COST
        card = hand[action.slot]
        return (1 - h) * fit(view, task) + h * similarity(view, task, card) - crowding(task, me)
    if isinstance(action, Join):
        task = public.task(action.task)
        card = hand[action.slot]
        if not would_be_admitted(public, card, task):
            return None
        value = (1 - h) * fit(view, task) + h * similarity(view, task, card)
        value -= crowding(task, me)
        if not mates_of(task, me):
            value -= INITIATE_COST
        return value
    if isinstance(action, Stay):
        mine = public.participants[me].task
        assert mine is not None
        task = public.task(mine)
        best_sim = max(similarity(view, task, c) for c in hand)
        value = (1 - h) * fit(view, task) + h * best_sim + STAY_BONUS
        value -= crowding(task, me)
        if not mates_of(task, me):
            value -= INITIATE_COST
        return value
    if isinstance(action, SitOut):
        return SIT_OUT_BELOW
    return None


def turn(view: PlayerView, legal: Sequence[Action], policy: Policy, draws: Draws) -> Action:
    """Score every listed option and take the best; options within :data:`TIE` of the best
    are tied, and the bot's own seeded draw picks among them (in listing order)."""
    if policy.herd:
        return bots.herd_turn(view)
    gate = bots.hours_gate(view)
    if gate == "sit" and SitOut(view.seat) in legal:
        return SitOut(view.seat)
    best_score = -1.0
    best: list[Action] = []
    for action in legal:
        value = score(view, action, policy, leads=gate is None)
        if value is None:
            continue
        if value > best_score + TIE:
            best_score, best = value, [action]
        elif value >= best_score - TIE:
            best.append(action)
    return best[0] if len(best) == 1 else draws.pick(best)


# --- the hybrid round's perspective check -----------------------------------------------------


def perspective_check(public: PublicState, legal: Sequence[Action], policy: Policy) -> Action:
    """Invite (unless the policy never does) the listed invitee who shows a card the task
    knows it needs, the lowest seat first; if nobody does, the first invitation."""
    invites = [a for a in legal if isinstance(a, Invite)]
    if not policy.invites or not invites:
        return NoInvite()
    people = public.participants

    def value(a: Invite) -> tuple[bool, int]:
        return (bool(public_level(people[a.seat].public_cards, public.task(a.task))), -a.seat)

    return max(invites, key=value)
