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
    tasks = list(public.open_tasks)
    if not tasks:
        return {}
    max_effort = max(t.effort for t in tasks)
    known = [frozenset(t.known_requirements) for t in tasks]
    remaining = [max(0.0, t.effort - t.progress) for t in tasks]
    assigned = [0] * len(tasks)
    matched = [set(t.covered) for t in tasks]
    shown: dict[int, dict[str, int]] = {}  # seat -> public domain -> level
    for seat in seats:
        levels: dict[str, int] = {}
        for card in public.participants[seat].public_cards:
            if card is not None:
                levels[card.domain] = max(card.level, levels.get(card.domain, 0))
        shown[seat] = levels

    def has_match(seat: int) -> bool:
        return any(not known_t.isdisjoint(shown[seat]) for known_t in known)

    result: dict[int, str] = {}
    for seat in sorted(seats, key=lambda s: (not has_match(s), s)):
        levels = shown[seat]
        current = public.participants[seat].task if keep_current else None
        best_index = -1
        best_score = 0.0
        for index, task in enumerate(tasks):
            if avoid.get(seat) == task.id and len(tasks) > 1:
                continue
            score = remaining[index] / (1 + assigned[index]) / max_effort
            if not known[index].isdisjoint(levels):
                overlap = known[index].intersection(levels)
                if overlap <= matched[index]:
                    score += 0.5
                else:
                    score += 1.0 + 0.2 * max(levels[d] for d in overlap)
            if task.id == current:
                score += CONTINUITY
            if best_index < 0 or score > best_score:
                best_index, best_score = index, score
        result[seat] = tasks[best_index].id
        assigned[best_index] += 1
        matched[best_index] |= known[best_index].intersection(levels)
    return result
