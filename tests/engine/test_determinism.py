"""Deterministic across processes (ARCHITECTURE.md, "The engine"): the same seed and actions
give the same game in two interpreters started with different ``PYTHONHASHSEED`` values, so
no rule decision, bot choice or record depends on set or dict iteration order.

Each subprocess (``sys.executable``) plays a fixed list of games and prints one digest per
game: the sha256 of a canonical JSON dump of the final public state, the hidden ledger and
the action log. The digests must match across the two hash seeds and the ones computed in
this process.
"""

from __future__ import annotations

import enum
import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attr

from consortium.engine.actions import Action
from consortium.engine.game import apply, legal_actions, new_game
from consortium.engine.rng import Draws, Stream
from consortium.engine.scenario import Scenario
from consortium.engine.simulate import bot_action, bot_config, seat_policy
from consortium.engine.state import GameConfig, GameState, Mode, SeatSetup
from tests.engine.builders import scenario as builders_scenario

ROOT = Path(__file__).resolve().parents[2]
HASH_SEEDS = ("0", "12345")


def canonical(value: Any) -> str:
    """Sorted-key JSON of attrs records (``attr.asdict``: tuples as lists), enums as their
    values, sets and frozensets sorted, floats exact."""

    def serialize(_inst: Any, _field: Any, v: Any) -> Any:
        if isinstance(v, enum.Enum):
            return v.value
        if isinstance(v, set | frozenset):
            return sorted(v, key=repr)
        return v

    def convert(v: Any) -> Any:
        if attr.has(type(v)):
            return {
                "__type__": type(v).__name__,
                **attr.asdict(v, retain_collection_types=False, value_serializer=serialize),
            }
        if isinstance(v, list | tuple):
            return [convert(x) for x in v]
        return serialize(None, None, v)

    return json.dumps(convert(value), sort_keys=True, separators=(",", ":"))


def digest(final: GameState, actions: list[Action]) -> str:
    text = canonical([final.public, final.hidden.ledger, actions])
    return hashlib.sha256(text.encode()).hexdigest()


def _scenario() -> Scenario:
    try:
        from consortium.store.scenarios import find_scenario

        return find_scenario("cancer-care")
    except Exception:  # fall back to the builders' scenario while the shipped one is edited
        return builders_scenario()


def _mixed(scenario: Scenario) -> GameConfig:
    """Every mode and a "choose" round, mixed bot policies, a secret ballot, turnover."""
    policies = (
        "balanced",
        "self-select",
        "democratic-keep",
        "self-select-fit",
        "democratic-heavy",
        "democratic-light",
        "balanced",
    )
    sectors = [s.id for s in scenario.sectors]
    return GameConfig(
        seats=tuple(
            SeatSetup(f"Bot {i + 1}", sectors[i % len(sectors)], bot=p)
            for i, p in enumerate(policies)
        ),
        rounds=5,
        turnover=0.4,
        schedule=(Mode.DEMOCRATIC, Mode.SELF_SELECTION, Mode.HYBRID, "choose", Mode.HYBRID),
        seed=2024,
        capacity=scenario.defaults.capacity,
        hand_size=scenario.defaults.hand_size,
        secret_ballot=True,
        group_policy="democratic-keep",
    )


Chooser = Callable[[GameState, int], Action]


def _bots(state: GameState, step: int) -> Action:
    return bot_action(state, seat_policy(state, state.public.actor))


def _random_then_bots(seed: int, steps: int) -> Chooser:
    """Uniform legal moves from a seeded engine stream for ``steps`` steps, then bots."""
    draws = Draws(Stream(seed))

    def choose(state: GameState, step: int) -> Action:
        if step >= steps:
            return _bots(state, step)
        legal = legal_actions(state, state.public.actor)
        return legal[draws.below(len(legal))]

    return choose


def games() -> list[tuple[str, Scenario, GameConfig, Chooser]]:
    shipped = _scenario()
    small = builders_scenario()
    out: list[tuple[str, Scenario, GameConfig, Chooser]] = []
    for policy in ("democratic-heavy", "self-select", "balanced"):
        config = bot_config(shipped, policy, seed=17, turnover=0.3)
        out.append((f"{shipped.id}-{policy}", shipped, config, _bots))
    out.append(("builders-balanced", small, bot_config(small, "balanced", 5, turnover=0.3), _bots))
    out.append(("mixed", shipped, _mixed(shipped), _bots))
    out.append(("mixed-random", small, _mixed(small), _random_then_bots(99, 150)))
    return out


def digests() -> dict[str, str]:
    out = {}
    for name, scenario, config, choose in games():
        state = new_game(scenario, config)
        actions: list[Action] = []
        while not state.over:
            action = choose(state, len(actions))
            actions.append(action)
            state = apply(state, action)
        out[name] = digest(state, actions)
    return out


def main() -> None:
    """Entry point of the subprocesses."""
    print(json.dumps(digests(), sort_keys=True))


def test_the_same_game_under_different_hash_seeds() -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    code = "from tests.engine.test_determinism import main; main()"
    runs = {}
    procs = {
        hash_seed: subprocess.Popen(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={**env, "PYTHONHASHSEED": hash_seed},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for hash_seed in HASH_SEEDS
    }
    for hash_seed, proc in procs.items():
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, f"PYTHONHASHSEED={hash_seed} failed:\n{err}"
        runs[hash_seed] = json.loads(out.strip().splitlines()[-1])
    here = digests()
    assert len(here) == len(games())
    for hash_seed, found in runs.items():
        differ = sorted(name for name in here if found.get(name) != here[name])
        assert not differ, f"PYTHONHASHSEED={hash_seed} played {differ} differently"


def test_the_digest_sees_a_difference() -> None:
    """The canonical dump is sensitive: another seed gives another digest."""
    scenario = builders_scenario()
    finals = []
    for seed in (1, 2):
        state = new_game(scenario, bot_config(scenario, "balanced", seed))
        actions: list[Action] = []
        while not state.over:
            actions.append(_bots(state, len(actions)))
            state = apply(state, actions[-1])
        finals.append(digest(state, actions))
    assert finals[0] != finals[1]
    assert canonical(frozenset({"b", "a"})) == canonical(frozenset({"a", "b"})) == '["a","b"]'
