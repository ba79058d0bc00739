"""What a save file holds and how it is written (ARCHITECTURE.md: "Save = scenario + config +
seed + action log + format version; load = replay").

A save is JSON, written by cattrs (:mod:`consortium.store.codec`), with no pickle and nothing a
reader would execute. It holds:

- a small **header** on the file's first line (scenario, round, phase, players, times), so the
  resume list reads a few hundred bytes per session instead of replaying every game;
- the **scenario**, embedded as the parsed model, so a session survives its scenario file being
  edited or deleted;
- the **config** (seats, rounds, schedule, seed …), the **seed** again at the top for people
  reading the file, and the **room** (who is a person, the talk clock, an early end) — what
  the window knows that the engine does not;
- the **action log**, one action per line, each tagged with its type, and a chained
  **check** of each action (from format 2), so an edited action is found and named;
- a **digest** of the game the log replays to and of the log itself
  (:mod:`consortium.store.digest`).

The layout, in this order::

    {"header":{…},
    "scenario":{…},
    "config":{…},
    "seed":7,
    "room":{…},
    "digest":"summary-3:sha256:…",
    "checks":["9f2c…","07ab…",…],
    "actions":[
    {"type":"ChooseMode","mode":"democratic"},
    …
    ]}

Format 1 (0.1.0) had no ``checks`` and a ``summary-1`` or ``summary-2`` digest; such files
still open.

:class:`SaveWriter` writes it quickly enough to autosave after every action: the scenario and
each action are turned into JSON once and reused while they stay the same objects.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Final

import attrs

from consortium import __version__
from consortium.engine.actions import Action
from consortium.engine.scenario import RULES_VERSION as ENGINE_RULES_VERSION
from consortium.engine.scenario import V3_ONLY_KEYS, Scenario
from consortium.engine.state import GameConfig, GameState, Phase, ScheduleEntry
from consortium.engine.toml_spec import Problem
from consortium.engine.words import N_, Words
from consortium.store.codec import printable, unstructure
from consortium.store.digest import action_check, canonical_json, save_digest
from consortium.store.fs import FileSystem, atomic_write
from consortium.store.notes import NO_NOTES, DebriefNotes
from consortium.store.stored_what_if import StoredWhatIf

SAVE_FORMAT: Final = "consortium-save"
FORMAT_VERSION: Final = 5
"""The layout of the file. Bump it when a reader of the old layout would misread the new one
(a key renamed, a meaning changed); a newer file is then refused with a plain message.
2: the ``checks`` of the log and the ``summary-3`` digest (a reader of format 1 would call
the new key unknown and the new digest a damaged file).
3: the ``Facilitated`` action (a skipped turn, a seat handed to a bot or back, a
fast-forward, in the public log) and ``room.talk_seconds`` (the talk clock's seconds not yet
charged, so a resumed session's clock goes on from them), and ``room.printed_hands`` (written
only when set); a reader of format 2 would call them unknown. Files of formats 1 and 2 read as
before (no such action, the clock at 0, hands on screen).
4: ``room.notes``, the room's predictions and agreement in the debrief (store/notes.py). Only
a save that holds notes says 4; every other save is written as format 3, byte for byte what
it was, so a Consortium that reads format 3 still opens it.
5: ``room.what_if``, the what-if's bands from round 1 (store/stored_what_if.py), kept when the
window has worked them out so a comparison of tables need not replay them. Only a save that
holds them says 5; one with notes alone says 4, every other save 3, byte for byte as before."""
FORMAT_WITHOUT_NOTES: Final = 3
FORMAT_WITH_NOTES: Final = 4

RULES_VERSION: Final = ENGINE_RULES_VERSION
"""The newest rules a save's log can be played under (:data:`consortium.engine.scenario.
RULES_VERSION`); a save records the version its game plays under (``header.rules_version``,
from the game's own rules).

1 is Consortium 0.1.0 (GAME.md's "v2" rules); 3 is GAME.md's rules v3 (no save has 2). A save
of rules version 1 replays under :func:`consortium.engine.scenario.rules_version_1`, a code
path kept for that purpose, so it reopens to exactly the board it had. Bump the engine's
number whenever an engine change can make the same scenario, config and action log play out
differently (a rule or a number of GAME.md, the order or number of random draws, how seeds
are derived, an action that becomes illegal), and keep the old rules as such a path. Do not
bump it for the window, for bot policies (a bot's choices are in the log as actions), or for
refactors that keep every replay the same (the golden playthroughs and the golden 0.1.0 saves
in tests/golden tell).
"""
READ_RULES_VERSIONS: Final = (1, ENGINE_RULES_VERSION)
"""The rules versions this Consortium replays."""

MAX_SAVE_BYTES: Final = 1024 * 1024
"""Larger files are refused before reading: an 8-round, 8-seat game saves in about 60 KB."""

SAVE_SUFFIX: Final = ".consortium"


class SaveError(Exception):
    """A save that cannot be opened, with every problem at its place (``file``,
    ``header.format_version``, ``actions[12].seat``, ``digest`` …), like ScenarioError."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems) or (
            Problem.of("file", N_("unreadable")),)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(cls, place: str, message: Words | str) -> SaveError:
        """One problem; ``message`` as words (a plain text is shown untranslated)."""
        if isinstance(message, str):
            return cls((Problem(place, message),))
        return cls((Problem.at(place, message),))


@attrs.frozen
class Room:
    """What the window knows about the session that the engine does not."""

    people: tuple[bool, ...]  # per seat: a person at the table (True) or a bot (False)
    talk_clock: bool = False
    ended_early: bool = False
    talk_seconds: float = 0.0  # on the talk clock, not yet charged (format 3; before: 0)
    printed_hands: bool = False  # written only when set: saves without it read as False
    notes: DebriefNotes = NO_NOTES  # the room's predictions and agreement: only when set
    what_if: StoredWhatIf | None = None  # the what-if's bands from round 1: only when set

    @property
    def format_version(self) -> int:
        """The oldest save format that holds this room (so older Consortiums open it)."""
        if self.what_if is not None:
            return FORMAT_VERSION
        return FORMAT_WITHOUT_NOTES if self.notes.empty else FORMAT_WITH_NOTES

    @classmethod
    def of(cls, config: GameConfig, *, talk_clock: bool = False) -> Room:
        """The room at the start: a seat without a bot policy is a person."""
        return cls(tuple(seat.bot is None for seat in config.seats), talk_clock)


def _room_tree(room: Room) -> dict[str, object]:
    """The room as a save writes it: ``printed_hands`` only when set, so a session with
    hands on screen writes the very bytes it always did."""
    tree: dict[str, object] = unstructure(room, Room)
    if not room.printed_hands:
        tree.pop("printed_hands", None)
    if room.notes.empty:
        tree.pop("notes", None)
    if room.what_if is None:
        tree.pop("what_if", None)
    return tree


@attrs.frozen
class SaveHeader:
    """The first line of a save: enough for the resume list, read without a replay."""

    format: str
    format_version: int
    rules_version: int
    app_version: str
    session_code: str
    scenario_id: str
    scenario_title: str
    round: int
    rounds: int
    phase: Phase
    players: tuple[str, ...]  # the participants present now, in seat order
    step: int  # actions in the log
    finished: bool  # the game is over or was ended early
    started_at: datetime
    saved_at: datetime


@attrs.frozen
class SaveFile:
    """A save as read, before its log is replayed."""

    header: SaveHeader
    scenario: Scenario
    config: GameConfig
    seed: int
    room: Room
    digest: str
    actions: tuple[Action, ...]
    checks: tuple[str, ...] = ()  # one per action from format 2; none in format 1


def session_code(scenario: Scenario, config: GameConfig) -> str:
    """The session's fingerprint (GAME.md, "Randomness and sessions"): tables whose codes
    match play the same scenario, seed, seats with sectors, rounds, turnover and schedule, so
    they meet the same deals and comings and goings. Three groups of four letters and digits.
    """
    tree = {
        "scenario": canonical_json(scenario_tree(scenario)),
        "seed": config.seed,
        "sectors": [seat.sector for seat in config.seats],
        "rounds": config.rounds,
        "turnover": config.turnover,
        "schedule": unstructure(config.schedule, tuple[ScheduleEntry, ...]),
        "capacity": config.capacity,
        "hand_size": config.hand_size,
    }
    digest = hashlib.sha256(canonical_json(tree).encode("utf-8", "surrogatepass")).digest()
    letters = base64.b32encode(digest).decode("ascii")[:12]
    return "-".join(letters[i : i + 4] for i in range(0, 12, 4))


def scenario_tree(scenario: Scenario) -> Any:
    """The scenario as a save holds it. A game of rules version 1 is written as 0.1.0 wrote
    it, without the fields rules v3 added (so its session code is the one it always had)."""
    tree = unstructure(scenario, Scenario)
    if scenario.rules.version == 1:
        for key in V3_ONLY_KEYS:
            tree["rules"].pop(key, None)
        tasks = list(tree["tasks"]) + [
            e["effect"]["new_task"] for e in tree["events"] if e["effect"].get("new_task")
        ]
        for task in tasks:
            task.pop("crew", None)
    return tree


def header_of(
    state: GameState, room: Room, *, code: str, started_at: datetime, saved_at: datetime
) -> SaveHeader:
    public = state.public
    return SaveHeader(
        format=SAVE_FORMAT,
        format_version=room.format_version,
        rules_version=state.ctx.rules.version,
        app_version=__version__,
        session_code=code,
        scenario_id=state.ctx.scenario.id,
        scenario_title=state.ctx.scenario.title,
        round=public.round,
        rounds=public.rounds,
        phase=public.phase,
        players=tuple(p.name for p in public.participants if p.present),
        step=state.step,
        finished=state.over or room.ended_early,
        started_at=started_at,
        saved_at=saved_at,
    )


def _dumps(tree: object) -> str:
    return json.dumps(tree, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


class SaveWriter:
    """Writes saves of one session, reusing the JSON of what did not change.

    The scenario (kept while it is the same object) and every action (kept while the log's
    prefix holds the same objects) are converted once. Undo shortens the log; the cache then
    keeps the common prefix. Not thread-safe: one writer per autosaver thread.
    """

    def __init__(self) -> None:
        self._frame: tuple[Scenario, GameConfig, str, str, str] | None = None
        self._actions: list[Action] = []
        self._action_json: list[str] = []
        self._checks: list[str] = []

    def encode(
        self,
        state: GameState,
        actions: Sequence[Action],
        room: Room,
        *,
        started_at: datetime,
        saved_at: datetime,
    ) -> bytes:
        """The save file's bytes for ``state``, reached from the start by ``actions``."""
        scenario_json, config_json, code = self._frame_json(state)
        config = state.ctx.config
        header = header_of(state, room, code=code, started_at=started_at, saved_at=saved_at)
        logged = self._logged(actions)
        parts = [
            '{"header":', _dumps(unstructure(header, SaveHeader)),
            ',\n"scenario":', scenario_json,
            ',\n"config":', config_json,
            ',\n"seed":', str(config.seed),
            ',\n"room":', _dumps(_room_tree(room)),
            ',\n"digest":', _dumps(save_digest(state, self._checks)),
            ',\n"checks":', _dumps(self._checks),
            ',\n"actions":[',
        ]
        if logged:
            parts += ["\n", ",\n".join(logged), "\n"]
        parts.append("]}\n")
        return "".join(parts).encode("utf-8")

    def _frame_json(self, state: GameState) -> tuple[str, str, str]:
        """The scenario's and config's JSON and the session code, made once per session."""
        scenario, config = state.ctx.scenario, state.ctx.config
        frame = self._frame
        if frame is None or frame[0] is not scenario or frame[1] is not config:
            frame = self._frame = (
                scenario,
                config,
                _dumps(scenario_tree(scenario)),
                _dumps(unstructure(config, GameConfig)),
                session_code(scenario, config),
            )
        return frame[2], frame[3], frame[4]

    def _logged(self, actions: Sequence[Action]) -> list[str]:
        """Each action's JSON; :attr:`_checks` then holds each action's check."""
        cached, texts = self._actions, self._action_json
        same = 0
        limit = min(len(cached), len(actions))
        while same < limit and cached[same] is actions[same]:
            same += 1
        checks = self._checks
        del cached[same:], texts[same:], checks[same:]
        for action in actions[same:]:
            tree = unstructure(action, Action)
            cached.append(action)
            texts.append(_dumps(tree))
            checks.append(action_check(checks[-1] if checks else "", tree))
        return texts


def encode_save(
    state: GameState,
    actions: Sequence[Action],
    room: Room,
    *,
    started_at: datetime,
    saved_at: datetime,
) -> bytes:
    """One save file's bytes (``Save as…``, tests); autosave keeps a :class:`SaveWriter`."""
    return SaveWriter().encode(state, actions, room, started_at=started_at, saved_at=saved_at)


def write_save_file(
    path: Path,
    state: GameState,
    actions: Sequence[Action],
    room: Room,
    *,
    started_at: datetime,
    saved_at: datetime,
    fs: FileSystem | None = None,
) -> None:
    """``Save as…`` (to a USB stick, say): the save at ``path``, written atomically, so an
    existing file there is replaced whole or not at all. Raises OSError for the dialog."""
    data = encode_save(state, actions, room, started_at=started_at, saved_at=saved_at)
    atomic_write(fs or FileSystem(), path, data)


def describe(error: SaveError, path: object | None = None) -> str:
    """The error as lines a dialog can show: ``place: message``, with the file first."""
    lines = [printable(str(p)) for p in error.problems]
    return "\n".join([f"{path}:", *lines] if path is not None else lines)
