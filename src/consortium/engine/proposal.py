"""The democratic bot's proposal: who does what, judged on public information only.

This is how a plenary allocates when it cannot see hands: people whose public cards match a
task's known requirements go where they match, everyone else is spread where the most work
remains. That is the democratic risk GAME.md names (assignees may lack the knowledge the task
needs), and it is why introductions pay off: a revealed card steers the proposal.

Rules v3: it gives someone placed alone a partner before opening another task, and sees that a
task nearly done has someone to finish it (a small group otherwise spread out as lone workers
who rarely finished, and a need the plenary found had nobody there to meet it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from consortium.engine.ops import best_level
from consortium.engine.state import Card, PublicState, TaskState

CONTINUITY = 0.3
PARTNER = 1.0
"""A task one person is already placed on: the plenary gives them a partner rather than leave
them working alone (two people bring two hands of knowledge to a task, so a need the plenary
found has someone there to meet it)."""
FINISH_WORK = 16.0
FINISH = 1.0
"""A task under way with at most ``FINISH_WORK`` left (about one person's round of expert work)
and nobody placed on it yet: the plenary sees that someone finishes it before it starts more."""


def public_level(cards: Iterable[Card | None], task: TaskState) -> int:
    """The best level among a participant's public cards that match the task's visible or
    discovered requirements (0: no public match)."""
    return best_level(cards, task.known_requirements)


def propose(
    public: PublicState,
    seats: Iterable[int],
    avoid: Mapping[int, str] | None = None,
    *,
    keep_current: bool = False,
) -> dict[int, str]:
    """Place every seat in ``seats`` on an open task. ``avoid`` names, per seat, a task not to
    propose again (after a failed vote where that seat voted against it). ``keep_current``
    favours leaving people where they already work (a team keeps its familiarity)."""
    avoid = avoid or {}
    tasks = [t for t in public.tasks if t.status == "open"]  # public.open_tasks
    if not tasks:
        return {}
    ids = [t.id for t in tasks]
    n = len(tasks)
    max_effort = max(t.effort for t in tasks)
    known = [frozenset(t.known_requirements) for t in tasks]
    remaining = [max(0.0, t.effort - t.progress) for t in tasks]
    assigned = [0] * n
    # the share of the remaining work per task, kept up to date as seats are assigned
    share = [remaining[i] / (1 + assigned[i]) / max_effort for i in range(n)]
    matched = [set(t.covered) for t in tasks]
    # per seat and task: the public domains that match the task's known requirements (found
    # once, not once per comparison), and each seat's public levels
    overlaps: dict[int, list[frozenset[str] | None]] = {}
    shown: dict[int, dict[str, int]] = {}
    has_match: dict[int, bool] = {}
    for seat in seats:
        levels: dict[str, int] = {}  # public domain -> level
        for card in public.participants[seat].public_cards:
            if card is not None:
                levels[card.domain] = max(card.level, levels.get(card.domain, 0))
        shown[seat] = levels
        row: list[frozenset[str] | None] = []
        found = False
        for known_t in known:
            if known_t.isdisjoint(levels):
                row.append(None)
            else:
                row.append(known_t.intersection(levels))
                found = True
        overlaps[seat] = row
        has_match[seat] = found

    result: dict[int, str] = {}
    several = n > 1
    # rules v3: partners and finishing; a rules-version-1 save replays the 0.1.0 proposal
    partner, finish = (0.0, 0.0) if public.rules.version == 1 else (PARTNER, FINISH)
    for seat in sorted(seats, key=lambda s: (not has_match[s], s)):
        row = overlaps[seat]
        levels = shown[seat]
        current = public.participants[seat].task if keep_current else None
        skip = avoid.get(seat) if several else None
        best_index = -1
        best_score = 0.0
        for index in range(n):
            task_id = ids[index]
            if task_id == skip:
                continue
            score = share[index]
            overlap = row[index]
            if overlap is not None:
                if overlap <= matched[index]:
                    score += 0.5
                else:
                    score += 1.0 + 0.2 * max([levels[d] for d in overlap])
            if task_id == current:
                score += CONTINUITY
            if assigned[index] == 1:
                score += partner
            elif assigned[index] == 0 and remaining[index] <= FINISH_WORK:
                score += finish
            if best_index < 0 or score > best_score:
                best_index, best_score = index, score
        result[seat] = ids[best_index]
        assigned[best_index] += 1
        share[best_index] = remaining[best_index] / (1 + assigned[best_index]) / max_effort
        overlap = row[best_index]
        if overlap is not None:
            matched[best_index] |= overlap
    return result
