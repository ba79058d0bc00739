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
    assigned: dict[str, list[int]] = {t.id: [] for t in tasks}
    matched: dict[str, set[str]] = {t.id: set(t.covered) for t in tasks}

    def has_match(seat: int) -> bool:
        cards = public.participants[seat].public_cards
        return any(public_level(cards, t) for t in tasks)

    ordered = sorted(seats, key=lambda s: (not has_match(s), s))
    result: dict[int, str] = {}
    for seat in ordered:
        cards = public.participants[seat].public_cards
        best: tuple[float, int, str] | None = None
        for index, task in enumerate(tasks):
            if avoid.get(seat) == task.id and len(tasks) > 1:
                continue
            remaining = max(0.0, task.effort - task.progress)
            score = remaining / (1 + len(assigned[task.id])) / max_effort
            shown = {c.domain for c in cards if c is not None}
            known = set(task.known_requirements)
            new = (shown & known) - matched[task.id]
            if new:
                score += 1.0 + 0.2 * public_level(cards, task)
            elif shown & known:
                score += 0.5
            if keep_current and public.participants[seat].task == task.id:
                score += CONTINUITY
            key = (score, -index, task.id)
            if best is None or key > best:
                best = key
        assert best is not None
        task_id = best[2]
        result[seat] = task_id
        assigned[task_id].append(seat)
        shown = {c.domain for c in cards if c is not None}
        matched[task_id] |= shown & set(public.task(task_id).known_requirements)
    return result
