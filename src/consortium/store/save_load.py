"""Opening a save: read, check, replay, compare — or refuse with every problem at its place.

Saves arrive from autosave folders, USB sticks and text editors, so every failure a file can
cause ends in one documented exception, :class:`~consortium.store.save_file.SaveError`, whose
problems each name a place:

=============================  =================================================================
``file``                       missing, unreadable, over 1 MiB (refused before reading), not
                               UTF-8, not JSON, cut short, not a Consortium save
``header.format_version``      made for a newer Consortium
``header.rules_version``       newer rules; or older rules under which the game no longer
                               replays the same
``scenario.tasks[1].effort``   a hand-edited value of the wrong kind or out of range (the
                               scenario is checked by the same validator as a TOML file)
``config.seats[2].sector``     a setup the game cannot start from
``actions[12]``                an unknown action type, a step the rules refuse (with the
                               engine's reason), or an action that is not the one saved (it
                               does not match its check)
``checks``                     a check missing for an action (from save format 2)
``digest``                     the log replays to a different game than the one saved
``header.round``               the header says other than the game (the resume list showed it)
=============================  =================================================================

Nothing is ever loaded wrong: a save opens only when its replay reaches its digest. Opening
never writes, so nothing already saved is touched.
"""

from __future__ import annotations

import enum
import json
import os
import re
from pathlib import Path
from typing import Any, Final, NoReturn

import attrs

from consortium.engine.actions import IllegalAction
from consortium.engine.bots import POLICIES
from consortium.engine.game import new_game
from consortium.engine.history import History
from consortium.engine.scenario import Scenario, rules_version_1
from consortium.engine.scenario_toml import ScenarioError, line_column, more_problems
from consortium.engine.setup import (
    CAPACITY,
    ROUNDS,
    SEATS,
    SEED,
    TURNOVER,
    hand_sizes,
    name_ok,
)
from consortium.engine.state import GameConfig, GameState
from consortium.engine.toml_spec import Problem
from consortium.engine.words import N_, Grouped, Words, say
from consortium.store.codec import StructureProblems, printable, shown, structure
from consortium.store.digest import (
    DIGEST_SCHEME,
    OLDER_SCHEMES,
    chain_checks,
    digest_scheme,
    save_digest,
)
from consortium.store.fs import NotAFileError, read_file, read_start
from consortium.store.save_file import (
    FORMAT_VERSION,
    MAX_SAVE_BYTES,
    READ_RULES_VERSIONS,
    RULES_VERSION,
    SAVE_FORMAT,
    Room,
    SaveError,
    SaveFile,
    SaveHeader,
    header_of,
    session_code,
)
from consortium.store.scenario_document import check_document, scenario_document

MAX_PROBLEMS: Final = 100
CHECKS_SINCE: Final = 2
"""The save format from which every action has a check (:mod:`consortium.store.digest`)."""
HEADER_BYTES: Final = 64 * 1024
"""The resume list reads at most this much of a file to find its header line."""

_UTF16_BOMS: Final = (b"\xff\xfe", b"\xfe\xff")
_BOM: Final = b"\xef\xbb\xbf"


@attrs.frozen
class LoadedSave:
    """A save that opened: the file as read, and the game replayed from it (every state,
    so the facilitator can undo into the time before the resume)."""

    save: SaveFile
    history: History = attrs.field(eq=False)

    @property
    def state(self) -> GameState:
        return self.history.state

    @property
    def room(self) -> Room:
        return self.save.room

    @property
    def header(self) -> SaveHeader:
        return self.save.header


# --- files ----------------------------------------------------------------------------------


def read_save_file(path: str | os.PathLike[str], *, follow_links: bool = True) -> LoadedSave:
    """Open the save at ``path`` (the open-file dialog, ``consortium validate``: a link a
    person chose is followed; ``follow_links=False`` for a save in the data folder)."""
    return load_save(read_limited(Path(path), follow_links=follow_links))


def read_limited(file: Path, limit: int = MAX_SAVE_BYTES, *, follow_links: bool = True) -> bytes:
    """A regular file's bytes, refusing one over ``limit`` before reading it; a FIFO, device,
    folder (or, unless ``follow_links``, a link) is named and never opened blocking; IO
    failures become :class:`SaveError` at ``file``."""
    try:
        data, size = read_file(file, limit, follow_links=follow_links)
    except OSError as error:
        _refuse_unreadable(file, error)
    if size > limit:
        _refuse("file", N_("is {size} bytes; a save may be at most {most} bytes"),
                size=Grouped(size), most=Grouped(limit))
    if len(data) > limit:
        _refuse("file", N_("is over {most} bytes; a save may be at most {most} bytes"),
                most=Grouped(limit))
    return data


def _refuse_unreadable(file: Path, error: OSError) -> NoReturn:
    if isinstance(error, NotAFileError):
        if error.kind == "a folder":
            _refuse("file", N_("is {kind}, not a save: {path}"), kind=say(error.kind), path=file)
        _refuse("file", N_("is {kind}, not a save; not opened: {path}"), kind=say(error.kind),
                path=file)
    if isinstance(error, FileNotFoundError):
        _refuse("file", N_("no such file: {path}"), path=file)
    if isinstance(error, PermissionError):
        _refuse("file", N_("cannot be read (permission denied): {path}"), path=file)
    # The system's own reason is kept as it comes (in the system's language).
    _refuse("file", N_("cannot be read ({reason}): {path}"), reason=error.strerror or error,
            path=file)


def read_header(path: str | os.PathLike[str]) -> SaveHeader:
    """The header of the save at ``path`` in a session folder, from its first line only
    (the resume list). A link, FIFO or device there is refused, never opened blocking.

    A file whose first line is not a header line (written by hand, say) is read whole.
    """
    file = Path(path)
    try:
        head = read_start(file, HEADER_BYTES)
    except OSError as error:
        _refuse_unreadable(file, error)
    line = head.split(b"\n", 1)[0]
    if line.startswith(b'{"header":') and line.endswith(b","):
        try:
            tree = json.loads(line[:-1] + b"}")
        except (ValueError, RecursionError):
            tree = None
        if isinstance(tree, dict):
            return _checked_header(tree)
    return parse_save(read_limited(file, follow_links=False)).header


def _checked_header(tree: dict[str, Any]) -> SaveHeader:
    _check_versions(tree)
    try:
        return structure(tree["header"], SaveHeader, "header")
    except StructureProblems as error:
        raise SaveError(error.problems[:MAX_PROBLEMS]) from None


# --- bytes to a save ------------------------------------------------------------------------


def load_save(data: bytes) -> LoadedSave:
    """Read, check and replay a save; the game as it was saved, or :class:`SaveError`."""
    return replay_save(parse_save(data))


def parse_save(data: bytes) -> SaveFile:
    """Everything but the replay: bytes, JSON, versions, every field, the scenario, the
    setup and the header's claims about them."""
    tree = _json_tree(data)
    _check_versions(tree)
    try:
        save = structure(tree, SaveFile)
    except StructureProblems as error:
        raise SaveError(_capped(list(error.problems))) from None
    if save.header.rules_version == 1:  # Consortium 0.1.0: replayed under its own rules
        save = attrs.evolve(
            save, scenario=attrs.evolve(save.scenario, rules=rules_version_1(save.scenario.rules))
        )
    problems = _scenario_problems(save.scenario)
    problems += _config_problems(save.config, save.scenario)
    problems += _frame_problems(save)
    problems += _log_problems(save, tree["actions"])
    if problems:
        raise SaveError(_capped(problems))
    return save


def _json_tree(data: bytes) -> dict[str, Any]:
    if len(data) > MAX_SAVE_BYTES:
        _refuse("file", N_("is {size} bytes; a save may be at most {most} bytes"),
                size=Grouped(len(data)), most=Grouped(MAX_SAVE_BYTES))
    if data.startswith(_UTF16_BOMS) or _utf16_without_mark(data):
        _refuse("file", N_("is saved as UTF-16; a save is UTF-8 text"))
    body = data.removeprefix(_BOM)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start + len(data) - len(body)
        _refuse("file", N_("is not UTF-8 text (a wrong encoding or a binary file) at byte "
                           "{offset}"), offset=offset)
    if not text.strip():
        _refuse("file", N_("is empty"))
    try:
        tree = json.loads(text, parse_constant=_no_constant, object_pairs_hook=_no_repeats)
    except json.JSONDecodeError as error:
        _refuse_with("file", _syntax_message(error, text))
    except _Repeated as error:
        _refuse_with("file", error.words)
    except RecursionError:
        _refuse("file", N_("nests lists or objects far deeper than any save"))
    except ValueError:  # a number of more than 4,300 digits, or NaN/Infinity
        _refuse("file", N_("has a number JSON cannot hold (too many digits, NaN or Infinity)"))
    if not isinstance(tree, dict):
        _refuse("file", N_("is not a Consortium save (it holds {value}, not an object)"),
                value=shown(tree))
    return tree


def _utf16_without_mark(data: bytes) -> bool:
    """A save re-saved as UTF-16 by an editor that wrote no byte-order mark: every other
    byte of its ASCII start (``{"header"…``) is zero, which UTF-8 JSON never has."""
    start = data[:64]
    if len(start) < 4:
        return False
    even, odd = start[0::2], start[1::2]
    # one half all zero and the other half text (a file of zeros, left by a power cut, is
    # neither)
    return (odd.count(0) == len(odd) and even.count(0) == 0) or (
        even.count(0) == len(even) and odd.count(0) == 0
    )


class _Repeated(ValueError):
    def __init__(self, words: Words) -> None:
        super().__init__(words.english())
        self.words = words


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _Repeated(say(N_("has the key {key} twice in one object; which one is meant?"),
                                key=shown(key)))
        found[key] = value
    return found


def _no_constant(name: str) -> NoReturn:
    raise ValueError(name)


_CUT_TOKEN = re.compile(r"[A-Za-z0-9.+-]{1,24}")
"""What is left from a JSON error to the end of a file cut inside ``true`` or a number."""


def _syntax_message(error: json.JSONDecodeError, text: str) -> Words:
    # A string left open runs to the end of the file, and a word or number cut in two ("tru",
    # "0.") is the file's last token: that is a cut, not a typo.
    rest = text[error.pos:].rstrip()
    if (error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string")
            or _CUT_TOKEN.fullmatch(rest)):
        return say(N_("is cut short at line {line} (the end of the file): the rest of the save "
                      "is missing, as when a copy is interrupted"), line=error.lineno)
    # Python's parser explains in English only: its explanation is kept as a field.
    return say(N_("is not valid JSON at {where}: {reason}"),
               where=line_column(error.lineno, error.colno), reason=error.msg.lower())


def _check_versions(tree: dict[str, Any]) -> None:
    """Versions first: a newer file's other fields would only look wrong."""
    header = tree.get("header")
    if not isinstance(header, dict) or header.get("format") != SAVE_FORMAT:
        _refuse("file", N_('is not a Consortium save (no header with format "{format}")'),
                format=SAVE_FORMAT)
    for key, mine, newer in (
        ("format_version", FORMAT_VERSION,
         N_("made for a newer Consortium (save format {value}); this version reads save format "
            "{mine} and older. Open it with a newer Consortium.")),
        ("rules_version", RULES_VERSION,
         N_("made for a newer Consortium (rules version {value}); this version reads rules "
            "version {mine} and older. Open it with a newer Consortium.")),
    ):
        value = header.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and value > mine:
            _refuse(f"header.{key}", newer, value=shown(value), mine=mine)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            _refuse(f"header.{key}", N_("must be a whole number from 1 to {most}, got {value}"),
                    most=mine, value=shown(value))
    if header.get("rules_version") not in READ_RULES_VERSIONS:
        known: str | Words = str(READ_RULES_VERSIONS[0])
        for version in READ_RULES_VERSIONS[1:]:
            known = say(N_("{either} or {other}"), either=known, other=str(version))
        _refuse("header.rules_version",
                N_("no Consortium plays rules version {value}; saves have {known}"),
                value=shown(header.get("rules_version")), known=known)


def _scenario_problems(scenario: Scenario) -> list[Problem]:
    """The embedded scenario, checked by the TOML validator (a hand edit may break it)."""
    try:
        check_document(scenario_document(scenario))
    except ScenarioError as error:
        return [
            p.moved("scenario" if p.place == "file" else f"scenario.{p.place}")
            for p in error.problems
        ]
    return []


def _config_problems(config: GameConfig, scenario: Scenario) -> list[Problem]:
    """The setup limits (consortium.engine.setup): a save must describe a game the setup page
    could start."""
    problems: list[Problem] = []

    def check(ok: bool, place: str, template: str, /, **fields: object) -> None:
        if not ok:
            problems.append(Problem.of(f"config.{place}", template, **fields))

    seats = len(config.seats)
    check(SEATS.allows(seats), "seats",
          N_("must have {least} to {most} seats, got {count}"), least=SEATS.low,
          most=SEATS.high, count=seats)
    sectors = {s.id for s in scenario.sectors}
    for index, seat in enumerate(config.seats):
        check(name_ok(seat.name), f"seats[{index}].name", N_("must be a non-empty text"))
        check(seat.sector in sectors, f"seats[{index}].sector",
              N_("unknown sector {value} in this scenario"), value=shown(seat.sector))
        check(seat.bot is None or seat.bot in POLICIES, f"seats[{index}].bot",
              N_("unknown bot policy {value}"), value=shown(seat.bot))
    between = N_("must be from {low} to {high}, got {value}")
    check(ROUNDS.allows(config.rounds), "rounds", between, low=ROUNDS.low, high=ROUNDS.high,
          value=config.rounds)
    check(len(config.schedule) == config.rounds, "schedule",
          N_("must name a mode for each of the {rounds} rounds, got {count}"),
          rounds=config.rounds, count=len(config.schedule))
    check(TURNOVER.allows(config.turnover), "turnover", between, low=f"{TURNOVER.low:g}",
          high=f"{TURNOVER.high:g}", value=shown(config.turnover))
    check(CAPACITY.allows(config.capacity), "capacity", between, low=CAPACITY.low,
          high=CAPACITY.high, value=config.capacity)
    hands = hand_sizes(len(scenario.domains))
    check(hands.allows(config.hand_size), "hand_size", between, low=hands.low, high=hands.high,
          value=config.hand_size)
    check(SEED.allows(config.seed), "seed", between, low=0, high="2**64 - 1",
          value=shown(config.seed))
    check(config.group_policy in POLICIES, "group_policy",
          N_("unknown bot policy {value}"), value=shown(config.group_policy))
    return problems


def _frame_problems(save: SaveFile) -> list[Problem]:
    """The parts of a save that repeat each other must agree."""
    problems = []
    if save.seed != save.config.seed:
        problems.append(Problem.of("seed", N_("is {seed} but config.seed is {config_seed}"),
                                   seed=save.seed, config_seed=save.config.seed))
    if len(save.room.people) != len(save.config.seats):
        problems.append(
            Problem.of(
                "room.people",
                N_("must say for each of the {seats} seats whether a person sits there, got "
                   "{count}"),
                seats=len(save.config.seats), count=len(save.room.people),
            )
        )
    header = save.header
    expected = session_code(save.scenario, save.config)
    embedded = N_("says {said} but the embedded scenario has {real}; the file was changed by "
                  "hand")
    for key, said, real, source in (
        ("session_code", header.session_code, expected,
         N_("says {said} but this scenario and setup give {real}; the file was changed by "
            "hand")),
        ("scenario_id", header.scenario_id, save.scenario.id, embedded),
        ("scenario_title", header.scenario_title, save.scenario.title, embedded),
        ("step", header.step, len(save.actions),
         N_("says {said} but the number of actions in the log is {real}; the file was changed "
            "by hand")),
    ):
        if said != real:
            problems.append(_contradiction(key, said, real, source))
    return problems


def _log_problems(save: SaveFile, written: list[Any]) -> list[Problem]:
    """The first action that does not match its check, at its place (``written``: the
    actions' JSON trees as the file has them). A save of format 2 has a check for every
    action; one of format 1 has none, and opens as before."""
    actions, checks = save.actions, save.checks
    if not checks:
        unchecked = save.header.format_version < CHECKS_SINCE and (
            digest_scheme(save.digest) in OLDER_SCHEMES
        )
        if not actions or unchecked:
            return []
        return [Problem.of("checks", N_("missing: a save of format {format} or later (a "
                                        "{scheme} digest) has a check for each action; the "
                                        "file was changed by hand or damaged"),
                           format=CHECKS_SINCE, scheme=DIGEST_SCHEME)]
    for index, (check, expected) in enumerate(zip(checks, chain_checks(written), strict=False)):
        if check != expected:
            action = type(actions[index]).__name__
            return [Problem.of(
                f"actions[{index}]",
                N_("step {step} ({action}) is not the action that was saved (it does not match "
                   "checks[{index}]): the file was changed by hand or damaged, so it is not "
                   "opened"),
                step=index + 1, action=action, index=index,
            )]
    if len(checks) != len(actions):
        return [Problem.of("checks", N_("has {checks} checks for {actions} actions: the file "
                                        "was changed by hand or damaged, so it is not opened"),
                           checks=len(checks), actions=len(actions))]
    return []


def _contradiction(key: str, said: object, real: object, template: str) -> Problem:
    """``header.<key>`` says one thing and the file another (``template``: whose word it is)."""
    return Problem.of(f"header.{key}", template, said=_shown(said), real=_shown(real))


def _shown(value: object) -> str | Words:
    if isinstance(value, tuple):
        return ", ".join(str(shown(v)) for v in value) or say(N_("nobody"))
    if isinstance(value, enum.Enum):
        return shown(value.value)
    return shown(value)


# --- the replay -----------------------------------------------------------------------------


def replay_save(save: SaveFile) -> LoadedSave:
    """Replay the log through the engine and compare the result with the digest (``save``
    as :func:`parse_save` gives it: its checks matched against its log)."""
    older = save.header.rules_version < RULES_VERSION
    try:
        history = History(new_game(save.scenario, save.config))
    except Exception as error:  # a file must never crash the window
        _refuse("config", N_("the game cannot start from this setup ({error})"),
                error=_named(error))
    for index, action in enumerate(save.actions):
        try:
            history.apply(action)
        except IllegalAction as refused:
            # The engine's reason is English, for a bug report: a field, not translated.
            why = say(N_("step {step} ({action}) is refused: {reason}"), step=index + 1,
                      action=type(action).__name__, reason=refused.reason)
            _replay_failed(save, f"actions[{index}]", why, older)
        except Exception as error:  # a file must never crash the window
            why = say(N_("step {step} ({action}) cannot be replayed ({error})"), step=index + 1,
                      action=type(action).__name__, error=_named(error))
            _replay_failed(save, f"actions[{index}]", why, older)
    state = history.state
    # The checks matched the log in parse_save; the digest covers the last of them.
    if save_digest(state, save.checks, digest_scheme(save.digest)) != save.digest:
        why = say(N_("the log replays to a different game than the one saved: the file was "
                     "changed by hand or damaged, so it is not opened"))
        _replay_failed(save, "digest", why, older)
    claimed = save.header
    real = header_of(
        state,
        save.room,
        code=claimed.session_code,
        started_at=claimed.started_at,
        saved_at=claimed.saved_at,
    )
    problems = [
        _contradiction(
            field.name, getattr(claimed, field.name), getattr(real, field.name),
            N_("says {said} but the game replays to {real}; the file was changed by hand"),
        )
        for field in attrs.fields(SaveHeader)
        if field.name not in ("format", "format_version", "rules_version", "app_version")
        and getattr(claimed, field.name) != getattr(real, field.name)
    ]
    if problems:
        raise SaveError(problems)
    return LoadedSave(save, history)


def _replay_failed(save: SaveFile, place: str, why: Words, older: bool) -> NoReturn:
    if older:
        _refuse(
            "header.rules_version",
            N_("made with rules version {saved}; this Consortium plays rules version {mine}, and "
               "the saved game no longer replays the same under the new rules ({place}: {why})"),
            saved=save.header.rules_version, mine=RULES_VERSION, place=place, why=why,
        )
    _refuse_with(place, why)


def _named(error: BaseException) -> str:
    return f"{type(error).__name__}: {printable(str(error))[:120]}"


def _refuse(place: str, template: str, /, **fields: object) -> NoReturn:
    raise SaveError.at(place, say(template, **fields))


def _refuse_with(place: str, words: Words) -> NoReturn:
    raise SaveError.at(place, words)


def _capped(problems: list[Problem]) -> list[Problem]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    more = len(problems) - MAX_PROBLEMS
    return [*problems[:MAX_PROBLEMS], more_problems(more)]
