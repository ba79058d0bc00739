"""Fuzzing the loaders: whatever the bytes, only the documented error, with a place, quickly.

Random bytes, random JSON, JSON under a real header (so the checks past the version gate run),
and mutations of a real save: each either opens (a mutation that changes nothing that
matters) or raises SaveError whose every problem has a place and a message. Any other
exception fails the test; the deadline catches a hang.
"""

from __future__ import annotations

import copy
import functools
import json
from datetime import timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consortium.engine.scenario_toml import ScenarioError
from consortium.store.save_file import SaveError
from consortium.store.save_load import LoadedSave, load_save
from consortium.store.task_csv import read_tasks_csv, tasks_csv
from tests.store.games import bot_game, cancer_care, save_bytes

FUZZ = settings(
    max_examples=60,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: st.lists(children, max_size=5)
    | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=30,
)


@functools.cache
def valid_tree() -> dict[str, Any]:
    state, actions = bot_game(seed=5, steps=30)
    tree: dict[str, Any] = json.loads(save_bytes(state, actions))
    return tree


def opens_or_says_where(data: bytes) -> LoadedSave | None:
    try:
        return load_save(data)
    except SaveError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.place.strip(), problem
            assert problem.message.strip(), problem
            str(problem).encode("utf-8")  # printable as it is, in a dialog or a terminal
        return None


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    assert opens_or_says_where(data) is None


@FUZZ
@given(json_values)
def test_random_json(value: object) -> None:
    assert opens_or_says_where(json.dumps(value).encode()) is None


@FUZZ
@given(st.dictionaries(st.text(max_size=12), json_values, max_size=8))
def test_random_json_under_a_real_header(rest: dict[str, Any]) -> None:
    tree = {"header": valid_tree()["header"], **rest}
    opens_or_says_where(json.dumps(tree).encode())


def paths(tree: object, here: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every place in a JSON tree."""
    found = [here]
    if isinstance(tree, dict):
        for key, value in tree.items():
            found += paths(value, (*here, key))
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            found += paths(value, (*here, index))
    return found


@st.composite
def mutated_saves(draw: st.DrawFn) -> bytes:
    tree = copy.deepcopy(valid_tree())
    for _ in range(draw(st.integers(1, 3))):
        places = paths(tree)
        where = draw(st.sampled_from(places[1:]))
        parent: Any = tree
        for key in where[:-1]:
            parent = parent[key]
        last = where[-1]
        how = draw(st.sampled_from(("replace", "delete", "nudge", "insert")))
        if how == "replace":
            parent[last] = draw(json_values)
        elif how == "delete":
            del parent[last]
        elif how == "nudge" and isinstance(parent[last], int | float):
            parent[last] = parent[last] + draw(st.sampled_from((-1, 1, 0.5)))
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=8))] = draw(json_values)
        else:
            parent.insert(int(last), draw(json_values))
    return json.dumps(tree).encode()


@FUZZ
@given(mutated_saves())
def test_mutated_saves(data: bytes) -> None:
    loaded = opens_or_says_where(data)
    if loaded is not None:  # what changed did not matter: the game is the saved one
        assert loaded.state == load_save(json.dumps(valid_tree()).encode()).state


@FUZZ
@given(st.binary(max_size=300), st.integers(0, 4000))
def test_cut_and_spliced_saves(junk: bytes, at: int) -> None:
    data = json.dumps(valid_tree()).encode()
    opens_or_says_where(data[:at] + junk + data[at + len(junk) :])


# --- the tasks spreadsheet -----------------------------------------------------------------


def csv_problems_have_places(data: bytes) -> None:
    try:
        read_tasks_csv(data, cancer_care())
    except ScenarioError as error:
        assert error.problems
        assert all(p.place.strip() and p.message.strip() for p in error.problems)


@FUZZ
@given(st.binary(max_size=1000))
def test_random_bytes_as_tasks_csv(data: bytes) -> None:
    csv_problems_have_places(data)


@FUZZ
@given(st.lists(st.lists(st.text(max_size=12), max_size=9), max_size=8))
def test_random_cells_as_tasks_csv(rows: list[list[str]]) -> None:
    header = "id,title,text,effort,value,visible,latent\n"
    body = "\n".join(",".join(json.dumps(c) for c in row) for row in rows)
    csv_problems_have_places((header + body).encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.integers(0, 3000), st.text(max_size=10))
def test_edited_tasks_csv(at: int, text: str) -> None:
    data = tasks_csv(cancer_care().tasks).decode("utf-8")
    csv_problems_have_places((data[:at] + text + data[at:]).encode("utf-8", "surrogatepass"))
