"""The democratic bot's proposal: who does what, judged on public information only.

This is how a plenary allocates when it cannot see hands: people whose public cards match a
task's known requirements go where they match, everyone else is spread where the most work
remains. That is the democratic risk GAME.md names (assignees may lack the knowledge the task
needs), and it is why introductions pay off: a revealed card steers the proposal.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from consortium.engine.ops import best_level
from consortium.engine.state import Card, PublicState, TaskState

CONTINUITY = 0.3


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
    max_effort = max(t.effort for t in tasks)
    known = [frozenset(t.known_requirements) for t in tasks]
    remaining = [max(0.0, t.effort - t.progress) for t in tasks]
    assigned = [0] * len(tasks)
    matched = [set(t.covered) for t in tasks]
    # per seat and task: the public domains that match the task's known requirements, with
    # the match bonus when they add something (found once, not once per comparison)
    overlaps: dict[int, list[tuple[frozenset[str], float] | None]] = {}
    for seat in seats:
        levels: dict[str, int] = {}  # public domain -> level
        for card in public.participants[seat].public_cards:
            if card is not None:
                levels[card.domain] = max(card.level, levels.get(card.domain, 0))
        row: list[tuple[frozenset[str], float] | None] = []
        for known_t in known:
            if known_t.isdisjoint(levels):
                row.append(None)
            else:
                overlap = known_t.intersection(levels)
                row.append((overlap, 1.0 + 0.2 * max(levels[d] for d in overlap)))
        overlaps[seat] = row

    def has_match(seat: int) -> bool:
        return any(o is not None for o in overlaps[seat])

    result: dict[int, str] = {}
    several = len(tasks) > 1
    for seat in sorted(seats, key=lambda s: (not has_match(s), s)):
        row = overlaps[seat]
        current = public.participants[seat].task if keep_current else None
        skip = avoid.get(seat) if several else None
        best_index = -1
        best_score = 0.0
        for index, task in enumerate(tasks):
            if task.id == skip:
                continue
            score = remaining[index] / (1 + assigned[index]) / max_effort
            match = row[index]
            if match is not None:
                if match[0] <= matched[index]:
                    score += 0.5
                else:
                    score += match[1]
            if task.id == current:
                score += CONTINUITY
            if best_index < 0 or score > best_score:
                best_index, best_score = index, score
        result[seat] = tasks[best_index].id
        assigned[best_index] += 1
        match = row[best_index]
        if match is not None:
            matched[best_index] |= match[0]
    return result
