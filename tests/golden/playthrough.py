"""Golden playthroughs: the cases, how they are played, and their stable JSON form.

Shared by ``scripts/regenerate_golden.py`` (which writes ``tests/golden/<name>.json``) and
``tests/golden/test_golden.py`` (which replays them), so both serialise a game the same way.
A file holds the session (scenario, config), a short digest of the scenario, the action log as
readable dicts with a ``"type"`` key, the public event log, every round's pit stop and the
final debrief metrics, dumped with ``indent=1`` and sorted keys so a rule change shows up as a
small, readable diff. Floats are rounded to 9 decimals: enough to catch any rule change,
robust against last-bit differences of ``pow`` between platforms' C libraries.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from consortium.engine.actions import ACTION_TYPES, Action
from consortium.engine.game import apply, new_game
from consortium.engine.metrics import game_metrics
from consortium.engine.scenario import Scenario
from consortium.engine.simulate import bot_action, seat_policy
from consortium.engine.state import GameConfig, GameState, Mode, ScheduleEntry, SeatSetup
from consortium.present.event_words import log_text

GOLDEN_DIR = Path(__file__).resolve().parent
FORMAT = 1
FLOAT_DECIMALS = 9
REGENERATE = "python scripts/regenerate_golden.py"

# --- plain JSON values --------------------------------------------------------------------


def plain(value: Any, decimals: int | None = FLOAT_DECIMALS) -> Any:
    """A JSON value for ``value``: attrs records become dicts (every field, in field order;
    ``json.dumps(sort_keys=True)`` orders them), enums their stable value, tuples and lists
    lists, sets sorted lists, floats rounded to ``decimals`` (``None``: exact)."""
    if isinstance(value, bool) or value is None or isinstance(value, int | str):
        return value
    if isinstance(value, float):
        return value if decimals is None else round(value, decimals) + 0.0  # no "-0.0"
    if isinstance(value, enum.Enum):
        return value.value
    if attrs.has(type(value)):
        return {f.name: plain(getattr(value, f.name), decimals) for f in attrs.fields(type(value))}
    if isinstance(value, tuple | list):
        return [plain(v, decimals) for v in value]
    if isinstance(value, set | frozenset):
        return sorted((plain(v, decimals) for v in value), key=json.dumps)
    if isinstance(value, dict):
        return {str(k): plain(v, decimals) for k, v in value.items()}
    raise TypeError(f"no plain JSON form for {type(value).__name__}")


def dumps(document: Any) -> str:
    """The stable, human-diffable text of a golden file."""
    return json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def digest(value: Any) -> str:
    """A short fingerprint of anything ``plain`` accepts (exact floats)."""
    text = json.dumps(plain(value, None), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


# --- actions and configs as dicts ---------------------------------------------------------

_ACTIONS: dict[str, type] = {t.__name__: t for t in ACTION_TYPES}


def action_to_dict(action: Action) -> dict[str, Any]:
    """``{"type": "Join", "seat": 2, "task": "care-pathway", "slot": 0}``."""
    out: dict[str, Any] = {"type": type(action).__name__}
    out.update({f.name: plain(getattr(action, f.name)) for f in attrs.fields(type(action))})
    return out


def action_from_dict(data: dict[str, Any]) -> Action:
    """The inverse of :func:`action_to_dict`."""
    fields = dict(data)
    cls = _ACTIONS[fields.pop("type")]
    if "mode" in fields:
        fields["mode"] = Mode(fields["mode"])
    if "placements" in fields:
        fields["placements"] = tuple(fields["placements"])
    action: Action = cls(**fields)
    return action


def config_to_dict(config: GameConfig) -> dict[str, Any]:
    data: dict[str, Any] = plain(config, None)
    return data


def config_from_dict(data: dict[str, Any]) -> GameConfig:
    schedule: tuple[ScheduleEntry, ...] = tuple(
        "choose" if entry == "choose" else Mode(entry) for entry in data["schedule"]
    )
    return GameConfig(
        seats=tuple(SeatSetup(**seat) for seat in data["seats"]),
        rounds=data["rounds"],
        turnover=data["turnover"],
        schedule=schedule,
        seed=data["seed"],
        capacity=data["capacity"],
        hand_size=data["hand_size"],
        secret_ballot=data["secret_ballot"],
        group_policy=data["group_policy"],
    )


# --- the cases ----------------------------------------------------------------------------


def load_scenario(name: str) -> Scenario:
    """``"builders"``: the small scenario of tests/engine/builders.py; otherwise a shipped
    scenario by id (raises ``ScenarioError`` if it does not load)."""
    if name == "builders":
        from tests.engine.builders import scenario

        return scenario()
    from consortium.store.scenarios import find_scenario

    return find_scenario(name)


def _seats(scenario: Scenario, policies: Sequence[str]) -> tuple[SeatSetup, ...]:
    sectors = [s.id for s in scenario.sectors]
    return tuple(
        SeatSetup(f"Bot {i + 1}", sectors[i % len(sectors)], bot=policy)
        for i, policy in enumerate(policies)
    )


def _single(policy: str, mode: Mode, seed: int) -> Callable[[Scenario], GameConfig]:
    def build(scenario: Scenario) -> GameConfig:
        return GameConfig(
            seats=_seats(scenario, [policy] * 6),
            rounds=4,
            turnover=0.3,
            schedule=(mode,) * 4,
            seed=seed,
            capacity=scenario.defaults.capacity,
            hand_size=scenario.defaults.hand_size,
            group_policy=policy,
        )

    return build


def _choose(seed: int) -> Callable[[Scenario], GameConfig]:
    """Mixed bots under a schedule with "choose" rounds (the bot group picks its policy's
    mode) beside each fixed mode, with a secret ballot."""
    policies = (
        "democratic-keep",
        "self-select",
        "balanced",
        "democratic-light",
        "self-select-fit",
        "democratic-heavy",
    )

    def build(scenario: Scenario) -> GameConfig:
        return GameConfig(
            seats=_seats(scenario, policies),
            rounds=5,
            turnover=0.3,
            schedule=("choose", Mode.DEMOCRATIC, Mode.SELF_SELECTION, Mode.HYBRID, "choose"),
            seed=seed,
            capacity=scenario.defaults.capacity,
            hand_size=scenario.defaults.hand_size,
            secret_ballot=True,
            group_policy="self-select-fit",
        )

    return build


@attrs.frozen
class Case:
    name: str
    scenario: str  # "builders" or a shipped scenario id
    config: Callable[[Scenario], GameConfig]


def _cases() -> tuple[Case, ...]:
    kinds = {
        "democratic": lambda seed: _single("democratic-heavy", Mode.DEMOCRATIC, seed),
        "self-selection": lambda seed: _single("self-select", Mode.SELF_SELECTION, seed),
        "hybrid": lambda seed: _single("balanced", Mode.HYBRID, seed),
        "choose": _choose,
    }
    seeds = {"builders": 11, "cancer-care": 29}
    return tuple(
        Case(f"{scenario}-{kind}", scenario, make(seeds[scenario] + offset))
        for scenario in ("builders", "cancer-care")
        for offset, (kind, make) in enumerate(kinds.items())
    )


CASES: tuple[Case, ...] = _cases()


# --- playing and recording ----------------------------------------------------------------


def play_bots(scenario: Scenario, config: GameConfig) -> tuple[GameState, list[Action]]:
    """A bot-only game from the start, every seat and the group by its own policy (the same
    choices as ``simulate.play_bot_game``), with its action log."""
    state = new_game(scenario, config)
    actions: list[Action] = []
    while not state.over:
        action = bot_action(state, seat_policy(state, state.public.actor))
        actions.append(action)
        state = apply(state, action)
    return state, actions


def replay(scenario: Scenario, config: GameConfig, actions: Iterable[Action]) -> GameState:
    """Re-apply an action log from the start (``apply`` re-checks every action)."""
    state = new_game(scenario, config)
    for action in actions:
        state = apply(state, action)
    return state


def playthrough(
    name: str,
    scenario_name: str,
    scenario: Scenario,
    config: GameConfig,
    actions: Sequence[Action],
    final: GameState,
) -> dict[str, Any]:
    """The golden document of one finished game."""
    public = final.public
    return {
        "format": FORMAT,
        "name": name,
        "scenario": scenario_name,
        "scenario_digest": digest(scenario),
        "config": config_to_dict(config),
        "actions": [action_to_dict(a) for a in actions],
        "log": [f"{e.round} {e.kind}: {log_text(e)}" for e in public.log],
        "pit_stops": plain(public.pit_stops),
        "result": {"impact": plain(public.impact), "won": public.won, "steps": len(actions)},
        "metrics": plain(game_metrics(final)),
    }


def record(case: Case, scenario: Scenario) -> dict[str, Any]:
    """Play ``case`` with bots and return its golden document."""
    config = case.config(scenario)
    final, actions = play_bots(scenario, config)
    return playthrough(case.name, case.scenario, scenario, config, actions, final)


def path_of(name: str) -> Path:
    return GOLDEN_DIR / f"{name}.json"
