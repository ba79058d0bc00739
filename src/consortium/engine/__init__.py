"""The rules of Consortium as pure functions over frozen values: no Qt, no files, no clock.

The engine's interface is these modules; ``__all__`` names their main entries, each also
reachable as ``consortium.engine.<name>``:

- ``game``: the front door, :func:`new_game`, :func:`legal_actions`, :func:`check`,
  :func:`apply` and :func:`step` (every change to a game goes through them; ``step`` also
  returns the Events the action caused) and the facilitator's own moves;
- ``events`` and ``history``: what an action caused, as data (:class:`Event`), and the
  session's undo and redo as a list of states (:class:`History`);
- ``actions``: what a seat or the group can do, and :class:`IllegalAction`;
- ``state`` and ``views``: the game as frozen values, and the only windows into a game in
  play (a seat's :func:`player_view`, the room's :func:`public_view`);
- ``scenario``, ``scenario_toml`` and ``setup``: a scenario and its rules, reading one from
  TOML, and the limits of a session's setup (used as ``setup.SEATS`` and so on);
- ``bots``, ``simulate``, ``summary``, ``metrics``, ``undo`` and ``calibration``: the
  policies, bot decisions and bot-only games, what-if replays, the debrief's figures, what
  Undo may not cross, and GAME.md's calibration claims.

Every other module (``flow``, ``ops``, ``turns``, ``plenary``, ``intros``, ``perspective``,
``work``, ``round_start``, ``deal``, ``proposal``, ``rng``, ``frozen``, ``turn_order``, …)
is how the rules are carried out, free to change as long as the interface does not. (A
name of the interface is never also a module's name: ``simulate.round_start`` stays there,
since ``consortium.engine.round_start`` is the module of the round's comings and goings.)

The names load when first used (PEP 562), not with the package: a front end that needs only
``setup``'s limits or ``state``'s values does not load the rules with them (the window's
start screen loads no engine at all; bench/launch.py).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from consortium.engine.actions import (
        Action,
        CallVote,
        ChooseMode,
        Continue,
        Declare,
        Deliberate,
        EndGame,
        Facilitated,
        IllegalAction,
        Initiate,
        Invite,
        Join,
        NameHolder,
        NoInvite,
        Place,
        ProposeBoard,
        Respond,
        Reveal,
        SetIntroductions,
        SitOut,
        Stay,
        Talk,
        Vote,
    )
    from consortium.engine.bots import MAIN_POLICIES, POLICIES, Policy
    from consortium.engine.calibration import Calibration, calibrate
    from consortium.engine.events import Event
    from consortium.engine.game import (
        Stepped,
        apply,
        check,
        facilitator_actions,
        is_legal,
        legal_actions,
        new_game,
        opening,
        step,
    )
    from consortium.engine.history import History
    from consortium.engine.metrics import GameMetrics, game_metrics
    from consortium.engine.scenario import RULES_VERSION, Rules, Scenario, rules_version_1
    from consortium.engine.scenario_toml import ScenarioError, parse_scenario, scenario_warnings
    from consortium.engine.simulate import (
        WhatIf,
        bot_action,
        bot_config,
        play_bot_game,
        play_to_end,
        seat_policy,
        what_if,
    )
    from consortium.engine.state import (
        Card,
        GameConfig,
        GameState,
        LogEntry,
        Mode,
        Phase,
        PitStop,
        PrivateSeat,
        PublicState,
        ScheduleEntry,
        SeatSetup,
        TaskState,
        TimeBudget,
    )
    from consortium.engine.summary import play_many, summarise
    from consortium.engine.undo import reveal_reason
    from consortium.engine.views import PlayerView, player_view, public_view
    from consortium.engine.what_if_bands import (
        Band,
        Outcome,
        PolicyBand,
        Run,
        WhatIfResult,
        aggregate,
        run_one,
        what_if_result,
    )

_HOMES: dict[str, tuple[str, ...]] = {
    "actions": (
        "Action", "CallVote", "ChooseMode", "Continue", "Declare", "Deliberate", "EndGame",
        "Facilitated", "IllegalAction", "Initiate", "Invite", "Join", "NameHolder", "NoInvite",
        "Place", "ProposeBoard", "Respond", "Reveal", "SetIntroductions", "SitOut", "Stay", "Talk",
        "Vote",
    ),
    "bots": ("MAIN_POLICIES", "POLICIES", "Policy"),
    "calibration": ("Calibration", "calibrate"),
    "events": ("Event",),
    "game": (
        "apply", "check", "facilitator_actions", "is_legal", "legal_actions", "new_game",
        "opening", "step", "Stepped",
    ),
    "history": ("History",),
    "metrics": ("GameMetrics", "game_metrics"),
    "scenario": ("RULES_VERSION", "Rules", "Scenario", "rules_version_1"),
    "scenario_toml": ("ScenarioError", "parse_scenario", "scenario_warnings"),
    "simulate": (
        "WhatIf", "bot_action", "bot_config", "play_bot_game", "play_to_end",
        "seat_policy", "what_if",
    ),
    "state": (
        "Card", "GameConfig", "GameState", "LogEntry", "Mode", "Phase", "PitStop",
        "PrivateSeat", "PublicState", "ScheduleEntry", "SeatSetup", "TaskState", "TimeBudget",
    ),
    "summary": ("play_many", "summarise"),
    "undo": ("reveal_reason",),
    "views": ("PlayerView", "player_view", "public_view"),
    "what_if_bands": (
        "Band", "Outcome", "PolicyBand", "Run", "WhatIfResult", "aggregate", "run_one",
        "what_if_result",
    ),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}

__all__ = [
    "MAIN_POLICIES", "POLICIES", "RULES_VERSION", "Action", "Band", "Calibration", "CallVote",
    "Card", "ChooseMode", "Continue", "Declare", "Deliberate", "EndGame", "Event", "Facilitated",
    "GameConfig", "GameMetrics", "GameState", "History", "IllegalAction", "Initiate", "Invite",
    "Join", "LogEntry", "Mode", "NameHolder", "NoInvite", "Outcome", "Phase", "PitStop", "Place",
    "PlayerView", "Policy", "PolicyBand", "PrivateSeat", "ProposeBoard", "PublicState", "Respond",
    "Reveal", "Rules", "Run", "Scenario", "ScenarioError", "ScheduleEntry", "SeatSetup",
    "SetIntroductions", "SitOut", "Stay", "Stepped", "Talk", "TaskState", "TimeBudget", "Vote",
    "WhatIf", "WhatIfResult", "aggregate", "apply", "bot_action", "bot_config", "calibrate",
    "check", "facilitator_actions", "game_metrics", "is_legal", "legal_actions", "new_game",
    "opening", "parse_scenario", "play_bot_game", "play_many", "play_to_end", "player_view",
    "public_view", "reveal_reason", "rules_version_1", "run_one", "scenario_warnings",
    "seat_policy", "step", "summarise", "what_if", "what_if_result",
]


def __getattr__(name: str) -> Any:
    """``consortium.engine.<name>`` for a name of the interface, loaded from its home module
    when first asked for; anything else (a submodule not yet imported, a typo) is not here."""
    module = _HOME_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
