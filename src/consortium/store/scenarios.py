"""Scenario files on disk: the shipped ones and the ones trainers write.

The engine parses bytes (:func:`consortium.engine.scenario_toml.parse_scenario`); this module
does the file IO around it and turns every IO failure into the same :class:`ScenarioError`
with the place ``file``, so the CLI and the setup screen report one kind of error.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from consortium.engine.scenario import Scenario
from consortium.engine.scenario_toml import (
    MAX_SCENARIO_BYTES,
    Problem,
    ScenarioError,
    oversize_problem,
    parse_scenario,
)
from consortium.engine.words import N_, Words, say
from consortium.resources import shipped_scenario_paths
from consortium.store.fs import NotAFileError, read_file
from consortium.store.scenario_document import refuse_unsaveable


def read_scenario_file(path: str | os.PathLike[str]) -> Scenario:
    """Read and check a scenario file, refusing one over 1 MiB before reading it, and one
    whose saves could not be opened again."""
    scenario = parse_scenario(read_scenario_bytes(path))
    refuse_unsaveable(scenario)
    return scenario


def read_scenario_bytes(path: str | os.PathLike[str]) -> bytes:
    """A scenario-content file's bytes (TOML, or a CSV of tasks), refused over 1 MiB before
    reading; a FIFO or device is named and never opened blocking (a link the trainer chose is
    followed); every IO failure is a :class:`ScenarioError` at ``file``."""
    file = Path(path)
    try:
        # One byte more than allowed, so a file that grew since it was opened is refused too.
        data, size = read_file(file, MAX_SCENARIO_BYTES, follow_links=True)
    except NotAFileError as error:
        if error.kind == "a folder":
            raise _file_error(say(N_("is {kind}, not a scenario file: {path}"),
                                  kind=say(error.kind), path=file)) from None
        raise _file_error(say(N_("is {kind}, not a scenario file; not read: {path}"),
                              kind=say(error.kind), path=file)) from None
    except FileNotFoundError:
        raise _file_error(say(N_("no such file: {path}"), path=file)) from None
    except PermissionError:
        raise _file_error(say(N_("cannot be read (permission denied): {path}"),
                              path=file)) from None
    except OSError as error:
        # The system's own reason is kept as it comes (in the system's language).
        raise _file_error(say(N_("cannot be read ({reason}): {path}"),
                              reason=error.strerror or error, path=file)) from None
    if size > MAX_SCENARIO_BYTES:
        raise ScenarioError((oversize_problem(size),))
    return data


def shipped_scenarios() -> dict[str, Scenario]:
    """Every scenario that ships with Consortium, by id, in file-name order.

    A shipped file that does not parse is a bug in the release, so its error propagates.
    """
    found: dict[str, Scenario] = {}
    for path in shipped_scenario_paths():
        scenario = parse_scenario(path.read_bytes())
        if scenario.id in found:
            raise ScenarioError((Problem.of("id", N_('"{id}" is shipped twice'),
                                            id=scenario.id),))
        found[scenario.id] = scenario
    return found


def find_scenario(name_or_path: str) -> Scenario:
    """A shipped scenario by id ("cancer-care"), else a scenario file at that path.

    A shipped id wins: an id has no "/" or ".", so "./cancer-care" still names a file.
    """
    shipped = shipped_scenarios()
    if name_or_path in shipped:
        return shipped[name_or_path]
    if not Path(name_or_path).exists() and _looks_like_id(name_or_path):
        known = ", ".join(sorted(shipped)) or say(N_("none"))
        raise _file_error(say(N_('no shipped scenario "{name}" and no such file (shipped: '
                                 '{known})'), name=name_or_path, known=known))
    return read_scenario_file(name_or_path)


def _looks_like_id(name: str) -> bool:
    return re.fullmatch(r"[a-z0-9-]+", name) is not None


def _file_error(message: Words) -> ScenarioError:
    return ScenarioError((Problem.at("file", message),))
