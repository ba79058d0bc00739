"""Saves written by Consortium 0.1.0 still open, and replay to the board they were saved at.

tests/golden/saves-0.1.0/ holds real ``.consortium`` files autosaved by 0.1.0 (commit
418e66d, rules version 1) and a ``manifest.json`` of what each replayed to then: the final
state digest, the header, the room and the public board. They were written once by
``scripts/make_golden_saves.py`` and are never re-made: GAME.md ("Rules versions and old
saves") promises that a rules-version-1 save reopens to exactly the board it had, whatever
rules new games are played under. A failure here is a broken promise to a trainer with last
month's workshop on a USB stick, not a file to regenerate.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from consortium.engine.actions import Deliberate, Talk
from consortium.store.digest import digest_scheme, game_summary, state_digest
from consortium.store.save_load import LoadedSave, read_header, read_save_file

SAVES = Path(__file__).resolve().parent / "saves-0.1.0"


@functools.cache
def _manifest() -> dict[str, Any]:
    manifest: dict[str, Any] = json.loads((SAVES / "manifest.json").read_text(encoding="utf-8"))
    return manifest


def _entries() -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = _manifest()["saves"]
    return entries


@functools.cache
def _open(name: str) -> LoadedSave:
    return read_save_file(SAVES / name)  # the open-file dialog's loader


def _params() -> list[Any]:
    return [pytest.param(e, id=e["file"].removesuffix(".consortium")) for e in _entries()]


def test_the_manifest_lists_every_save() -> None:
    assert _manifest()["rules_version"] == 1
    assert _manifest()["app_version"] == "0.1.0"
    listed = [e["file"] for e in _entries()]
    assert len(listed) == len(set(listed))
    assert sorted(listed) == sorted(p.name for p in SAVES.glob("*.consortium"))


def test_the_saves_cover_what_they_were_made_for() -> None:
    entries = _entries()
    assert {e["seats"] for e in entries} >= {3, 6, 8}
    assert {s for e in entries for s in e["schedule"]} == {
        "democratic", "self-selection", "hybrid", "choose"
    }
    assert {e["talk_clock"] for e in entries} == {True, False}
    assert {e["finished"] for e in entries} == {True, False}
    assert any(e["secret_ballot"] for e in entries)
    assert any(e["board"]["arrivals"] for e in entries)
    assert any(e["people"] for e in entries)
    assert any("Talk" in e["actions"] for e in entries)


@pytest.mark.parametrize("entry", _params())
def test_a_0_1_0_save_opens_as_it_was_saved(entry: dict[str, Any]) -> None:
    loaded = _open(entry["file"])  # raises SaveError if it does not open
    header = loaded.header
    assert header.rules_version == 1
    assert header.format_version == entry["header"]["format_version"]
    assert header.app_version == "0.1.0"
    # the resume list reads the same header from the first line alone
    assert read_header(SAVES / entry["file"]) == header

    state = loaded.state
    digest = entry["digest"]
    assert loaded.save.digest == digest
    assert state_digest(state, digest_scheme(digest)) == digest
    summary = game_summary(state)
    assert summary["step"] == entry["summary"]["step"] == len(loaded.save.actions)
    assert summary["impact"] == pytest.approx(entry["summary"]["impact"], rel=1e-9, abs=1e-12)

    config = state.ctx.config
    assert len(config.seats) == entry["seats"]
    assert [e if isinstance(e, str) else e.value for e in config.schedule] == entry["schedule"]
    assert config.secret_ballot == entry["secret_ballot"]
    assert config.turnover == entry["turnover"]
    room = loaded.room
    assert {
        "people": list(room.people), "talk_clock": room.talk_clock,
        "ended_early": room.ended_early,
    } == entry["room"]
    assert header.finished == entry["finished"]
    assert header.session_code == entry["header"]["session_code"]
    assert header.scenario_id == entry["header"]["scenario_id"]
    assert list(header.players) == entry["header"]["players"]
    assert header.step == entry["header"]["step"]
    assert header.started_at.isoformat() == entry["header"]["started_at"]
    assert header.saved_at.isoformat() == entry["header"]["saved_at"]

    actions = loaded.save.actions
    assert dict(Counter(type(a).__name__ for a in actions)) == entry["actions"]
    talk = [
        f"{type(a).__name__}({'' if a.minutes is None else a.minutes})"
        for a in actions
        if isinstance(a, Deliberate | Talk)
    ]
    assert talk == entry["talk_actions"]


@pytest.mark.parametrize("entry", _params())
def test_a_0_1_0_save_replays_to_the_same_board(entry: dict[str, Any]) -> None:
    state = _open(entry["file"]).state
    public = state.public
    final, board = entry["final"], entry["board"]
    assert public.round == final["round"]
    assert public.phase.value == final["phase"]
    assert (None if public.mode is None else public.mode.value) == final["mode"]
    assert public.actor == final["actor"]
    assert public.turn == final["turn"]
    assert state.over == (final["phase"] == "game-over")
    assert public.impact == pytest.approx(board["impact"], rel=1e-9, abs=1e-12)
    assert public.won == board["won"]
    assert public.talk_minutes == board["talk_minutes"]
    assert public.failed_votes == board["failed_votes"]
    assert len(public.ballots) == board["ballots"]
    assert len(public.pit_stops) == board["pit_stops"]
    assert sum(p.arrivals for p in public.pit_stops) == board["arrivals"]
    assert sum(p.departures for p in public.pit_stops) == board["departures"]
    assert len(public.log) == board["log_entries"]
    assert [
        {"name": p.name, "sector": p.sector, "present": p.present, "task": p.task,
         "arrived": p.arrived_round}
        for p in public.participants
    ] == board["participants"]
    assert [
        {"task": t.id, "status": t.status, "lead": t.lead, "members": list(t.members),
         "closed": t.closed}
        for t in public.tasks
        if t.members or t.lead is not None or t.status == "finished"
    ] == board["teams"]
    assert list(public.board) == board["board"]


@pytest.mark.parametrize(
    "name",
    [e["file"] for e in _entries() if not e["finished"]],
)
def test_a_0_1_0_session_goes_on_under_its_own_rules_and_saves_as_0_1_0_did(name: str) -> None:
    """Resumed and played to the end by bots, an old session stays a rules-version-1 game:
    its new save says so, keeps 0.1.0's scenario fields (and so its session code), and
    reopens to the same board."""
    from datetime import UTC, datetime

    from consortium.engine.simulate import bot_action, seat_policy
    from consortium.store.save_file import encode_save
    from consortium.store.save_load import load_save

    loaded = read_save_file(SAVES / name)
    history = loaded.history
    assert history.state.ctx.rules.version == 1
    while not history.state.over:
        state = history.state
        history.apply(bot_action(state, seat_policy(state, state.public.actor)))
    when = datetime(2026, 12, 1, tzinfo=UTC)
    data = encode_save(history.state, history.actions, loaded.room, started_at=when,
                       saved_at=when)
    tree = json.loads(data)
    assert tree["header"]["rules_version"] == 1
    assert tree["header"]["session_code"] == loaded.header.session_code
    assert "hours_swing" not in tree["scenario"]["rules"]
    assert "crew" not in tree["scenario"]["tasks"][0]
    again = load_save(data)
    assert state_digest(again.state) == state_digest(history.state)
    assert again.state.ctx.rules.version == 1
