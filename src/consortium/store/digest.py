"""The digest a save carries: proof that replaying its log gives the game that was saved.

Loading a save replays its action log through the engine; the digest, taken when the file was
written, says what that replay must reach. A file edited by hand, damaged on a USB stick, or
replayed by a Consortium whose rules play differently fails the comparison and is refused
rather than opened as a different game.

What is digested is a *defined summary* (:func:`game_summary`), not every field of the state:
step, round, phase, whose turn, the board, votes, every participant's public face, every
task's progress and team, the pit stops, each seat's hand, hours and motivation, the hidden
ledger the debrief reveals, and (from ``summary-2``) the whole setup the game was started
with. A new field in a state record for the screen's sake then leaves old saves loadable,
while any difference in how the game went still shows. Changing the summary means a new
:data:`DIGEST_SCHEME`; the scheme is part of the digest text, and saves digested under an
older scheme are still checked under theirs.

Why the setup is in it: the bots' choices are in the log as actions, so a save whose seat was
hand-edited from ``balanced`` to ``self-select`` (or whose group policy or secret-ballot
switch was changed) replays to the same board, but it would go on with different bots or
ballots than the session that was saved. ``summary-1`` did not notice that; ``summary-2``
refuses it. (The embedded scenario is covered by the session code in the header.)

Why the log is in it (``summary-3``): a summary of where the game stands does not show every
step that led there. A vote flipped from approve to reject in a vote that carried anyway
replays to the same board, and 108 of 1,489 single-action edits in a test went unnoticed
under ``summary-2``, all of them such votes; the save then reopened with a log that was not
the session's. So each action gets a *check*, chained (:func:`log_checks`: a hash of the
check before it and the action's canonical JSON, 16 hex digits), the save lists them beside
the log, and the digest covers the last one as well as the state. Opening a save recomputes
the chain and names the first action that does not match (``actions[12]``); the digest then
catches an edit to the checks themselves. Saves without checks (``summary-1``, ``summary-2``)
open as before.

Canonical JSON: keys sorted, no spaces, texts as UTF-8, and every number rounded to
:data:`SIGNIFICANT` significant digits with whole numbers written as integers (``1.0`` and
``1`` are the same, as in RFC 8785). The rounding absorbs last-bit differences of ``pow`` and
friends between platforms' maths libraries, so a save from a Windows laptop opens on a Mac.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Sequence
from typing import Any, Final

from consortium.engine.actions import Action
from consortium.engine.state import Card, GameConfig, GameState, Mode, TimeBudget
from consortium.store.codec import unstructure

DIGEST_SCHEME: Final = "summary-3"
"""What a save carries: the state, the setup and the action log's last check."""
OLDER_SCHEMES: Final = ("summary-1", "summary-2")
"""Schemes a save may still carry; its digest is recomputed under the scheme it names."""
STATE_SCHEME: Final = "summary-2"
"""The newest scheme of the state alone (the self-test compares games with it)."""
SIGNIFICANT: Final = 10
CHECK_DIGITS: Final = 16
"""Hex digits of each action's check: 64 bits, against damage and hand edits (not forgery:
whoever edits a save can recompute everything in it)."""


def state_digest(state: GameState, scheme: str = STATE_SCHEME) -> str:
    """``<scheme>:sha256:<hex>`` of the state's canonical summary under a state-only scheme
    (``summary-1``, or ``summary-2`` with the setup)."""
    summary = game_summary(state)
    if scheme != "summary-1":
        summary["config"] = unstructure(state.ctx.config, GameConfig)
    data = canonical_json(summary).encode("utf-8", "surrogatepass")
    return f"{scheme}:sha256:{hashlib.sha256(data).hexdigest()}"


def save_digest(state: GameState, checks: Sequence[str], scheme: str = DIGEST_SCHEME) -> str:
    """The digest a save carries: under ``summary-3`` the state, its setup and the last of
    the log's ``checks`` (:func:`log_checks`); under an older scheme the state alone."""
    if scheme in OLDER_SCHEMES:
        return state_digest(state, scheme)
    summary = game_summary(state)
    summary["config"] = unstructure(state.ctx.config, GameConfig)
    summary["log"] = [len(checks), checks[-1] if checks else ""]
    data = canonical_json(summary).encode("utf-8", "surrogatepass")
    return f"{scheme}:sha256:{hashlib.sha256(data).hexdigest()}"


def action_check(previous: str, action: object) -> str:
    """An action's check: a hash of the check before it (``""`` for the first action) and the
    action's canonical JSON (``action`` as its JSON tree, the form it has in the file), so a
    change to an action, or to their order, changes every check from there on."""
    text = f"{previous}\n{canonical_json(action)}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:CHECK_DIGITS]


def chain_checks(actions: Iterable[object]) -> list[str]:
    """Each action's check, in order, from the actions' JSON trees."""
    checks: list[str] = []
    for action in actions:
        checks.append(action_check(checks[-1] if checks else "", action))
    return checks


def log_checks(actions: Sequence[Action]) -> list[str]:
    """Each action's check, in order, from the actions themselves."""
    return chain_checks(unstructure(action, Action) for action in actions)


def digest_scheme(digest: str) -> str:
    """The scheme a saved digest names, or the current one for anything unrecognised (which
    then simply fails the comparison)."""
    scheme = digest.partition(":")[0]
    return scheme if scheme in OLDER_SCHEMES else DIGEST_SCHEME


def canonical_json(tree: object) -> str:
    """One text per value: sorted keys, no whitespace, numbers in canonical form."""
    return json.dumps(
        _canonical(tree), sort_keys=True, separators=(",", ":"), ensure_ascii=False,
        allow_nan=False,
    )


def _canonical(value: object) -> Any:
    if isinstance(value, float):
        return canonical_number(value)
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    return value


def canonical_number(value: float) -> int | float | str:
    if not math.isfinite(value):
        return str(value)  # "inf", "-inf", "nan": never produced by the rules, never a crash
    rounded = float(f"{value:.{SIGNIFICANT}g}")
    if rounded.is_integer() and abs(rounded) < 2**53:
        return int(rounded)
    return rounded


def game_summary(state: GameState) -> dict[str, Any]:
    """Everything about the game a replay must reproduce, as a plain tree."""
    p = state.public
    return {
        "step": state.step,
        "round": p.round,
        "phase": p.phase.value,
        "mode": _mode(p.mode),
        "actor": p.actor,
        "order": list(p.order),
        "turn": p.turn,
        "impact": p.impact,
        "won": p.won,
        "intros": [p.intros_planned, p.intros_done],
        "failed_votes": p.failed_votes,
        "deliberated": p.deliberated,
        "talk_minutes": p.talk_minutes,
        "board": list(p.board),
        "votes": list(p.votes),
        "ballots": [[list(b.placements), b.votes_for, b.voters] for b in p.ballots],
        "invitation": list(p.invitation) if p.invitation else None,
        "newcomers": list(p.newcomers),
        "familiarity": [list(row) for row in p.familiarity],
        "log_entries": len(p.log),
        "participants": [
            {
                "name": q.name,
                "sector": q.sector,
                "cards": [_card(c) for c in q.public_cards],
                "task": q.task,
                "arrived": q.arrived_round,
                "present": q.present,
                "plenary": q.declared_plenary,
            }
            for q in p.participants
        ],
        "tasks": [
            {
                "id": t.id,
                "status": t.status,
                "progress": t.progress,
                "lead": t.lead,
                "members": list(t.members),
                "closed": t.closed,
                "discovered": list(t.discovered),
                "covered": list(t.covered),
                "quality": t.quality,
                "impact": t.impact,
                "finished": t.finished_round,
            }
            for t in p.tasks
        ],
        "pit_stops": [
            {
                "round": s.round,
                "mode": s.mode.value,
                "time": _time(s.time),
                "impact": s.impact_total,
                "in_progress": s.value_in_progress,
                "finished": list(s.finished),
                "lost": [s.lost_present, s.lost_absent],
                "at_risk": s.at_risk,
                "comings_and_goings": [s.arrivals, s.departures],
            }
            for s in p.pit_stops
        ],
        "seats": [
            {
                "hand": [_card(c) for c in s.hand],
                "capacity": s.capacity,
                "hours": s.hours,
                "motivation": s.motivation,
                "spent": [s.spent.intro, s.spent.talk, s.spent.votes, s.spent.check],
            }
            for s in state.seats
        ],
        "ledger": [
            {
                "round": r.round,
                "mode": r.mode.value,
                "progress": r.progress,
                "seats": [
                    [s.seat, s.task, s.hours, _time(s.time), s.motivation_after, s.progress]
                    for s in r.seats
                ],
                "lost": [[x.task, x.requirement, x.present] for x in r.lost],
                "excluded": [[x.task, x.requirement, len(x.holders)] for x in r.excluded],
                "departures": [[d.seat, d.reason] for d in r.departures],
                "arrivals": list(r.arrivals),
            }
            for r in state.hidden.ledger
        ],
    }


def _mode(mode: Mode | None) -> str | None:
    return None if mode is None else mode.value


def _card(card: Card | None) -> list[Any] | None:
    return None if card is None else [card.domain, card.level]


def _time(time: TimeBudget) -> list[float]:
    return [time.meetings, time.overhead, time.expert_work, time.mismatch_work, time.sitting_out]
