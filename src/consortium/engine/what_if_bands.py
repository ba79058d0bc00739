"""What if — the same deal, played the other way (GAME.md, "Debrief metrics", "What if").

From the start of a round (round 1: the deal alone), bots replay the rest of the game under
each main policy, ``seeds`` times, with common random numbers: run ``(policy, seed)`` draws
everything after the start (hours, comings and goings, newcomers, events, the bots' own luck)
from ``seed`` alone, so every policy meets the same comings and goings.

The computation is chunkable: :func:`run_one` is one ``(policy, seed)`` run, pure and
independent of every other, so a caller may run them piecewise, in any order, in threads or
processes, cancel halfway and show progress; :func:`aggregate` gives the same
:class:`WhatIfResult` whatever the order of the runs it is handed. Labelled "bots, not
people" wherever it is shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from consortium.engine import flow
from consortium.engine.bots import MAIN_POLICIES, POLICIES
from consortium.engine.frozen import evolve
from consortium.engine.metrics import game_metrics
from consortium.engine.simulate import percentile, play_to_end, reseeded
from consortium.engine.state import Context, GameState, Mode, Phase

DEFAULT_SEEDS = 100


@attrs.frozen
class Band:
    """The 10th percentile, the median and the 90th percentile of one figure over runs."""

    p10: float
    median: float
    p90: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Band:
        return cls(percentile(values, 10), percentile(values, 50), percentile(values, 90))


@attrs.frozen
class Run:
    """One bot replay: ``policy`` in every seat and the group, everything after the start
    drawn from ``seed``."""

    policy: str
    seed: int
    impact: float
    jointholism: float  # GameMetrics.jointholism_index
    lost: int  # lost perspectives on finished tasks, present + absent
    excluded: int  # excluded perspectives (someone present and available held it)
    impact_by_round: tuple[float, ...]  # total impact at the end of each round


@attrs.frozen
class Outcome:
    """A game's own figures (the group's, from its real state), as a :class:`Run` has them.
    ``finished`` is False for a game not over yet: the figures are those so far."""

    impact: float
    jointholism: float
    lost: int
    excluded: int
    impact_by_round: tuple[float, ...]
    finished: bool
    rounds: int  # rounds the game has

    @classmethod
    def of(cls, state: GameState) -> Outcome:
        m = game_metrics(state)
        return cls(
            impact=m.impact,
            jointholism=m.jointholism_index,
            lost=m.lost_perspectives_present + m.lost_perspectives_absent,
            excluded=m.excluded_perspectives,
            impact_by_round=tuple(p.impact_total for p in state.public.pit_stops),
            finished=state.public.phase is Phase.GAME_OVER,
            rounds=state.public.rounds,
        )


@attrs.frozen
class PolicyBand:
    """One policy's bands over its runs (runs in seed order)."""

    policy: str
    impact: Band
    jointholism: Band
    lost: Band
    impact_by_round: tuple[Band, ...]  # one per round of the game, round 1 first
    runs: tuple[Run, ...]
    excluded: Band = Band(0.0, 0.0, 0.0)


@attrs.frozen
class WhatIfResult:
    """Every policy's bands from round ``from_round``, ``seeds`` runs each, and the group's
    own result (``None`` until the caller has the game's state to add, see
    :meth:`with_group`)."""

    from_round: int
    seeds: int
    bands: tuple[PolicyBand, ...]
    group: Outcome | None = None

    def band(self, policy: str) -> PolicyBand:
        for b in self.bands:
            if b.policy == policy:
                return b
        raise KeyError(policy)

    def with_group(self, state: GameState) -> WhatIfResult:
        return attrs.evolve(self, group=Outcome.of(state))


# --- the runs -------------------------------------------------------------------------------


def own_context(start: GameState) -> GameState:
    """``start`` with a context (and so a bots' memo) of its own: a what-if computed beside
    the live game neither evicts nor shares the live game's memo entries. Results are the
    same either way (the memo only remembers pure functions)."""
    ctx = start.ctx
    return evolve(start, ctx=Context.build(ctx.scenario, ctx.config))


def replay_start(start: GameState, policy: str, seed: int) -> GameState:
    """The state run ``(policy, seed)`` plays on from: fresh streams from ``seed`` (the deal
    kept), the policy's mode in every round from the start on, earlier rounds as played."""
    if start.public.mode is not None or start.public.phase is not Phase.PIT_STOP:
        raise ValueError("a what-if starts from a round start (see simulate.round_start)")
    mode = POLICIES[policy].mode
    state = reseeded(start, seed)
    public = state.public
    done: tuple[Mode | str, ...] = tuple(public.schedule[: public.round - 1])
    rest = (mode,) * (public.rounds - public.round + 1)
    return evolve(state, public=evolve(public, schedule=(*done, *rest)))


def play_run(start: GameState, policy: str, seed: int) -> GameState:
    """The final state of run ``(policy, seed)`` (tests look at its ledger)."""
    return play_to_end(flow.start_organizing(replay_start(start, policy, seed)), POLICIES[policy])


def run_one(start: GameState, policy: str, seed: int) -> Run:
    """One run, independent of every other: the same ``start``, ``policy`` and ``seed`` give
    the same :class:`Run`, in any order, thread or process."""
    o = Outcome.of(play_run(start, policy, seed))
    return Run(policy, seed, o.impact, o.jointholism, o.lost, o.excluded, o.impact_by_round)


def run_keys(
    policies: Sequence[str] = MAIN_POLICIES, seeds: int = DEFAULT_SEEDS
) -> list[tuple[str, int]]:
    """Every ``(policy, seed)`` of a what-if, seed-major: a what-if cut short after some
    of them has a few seeds of every policy rather than every seed of one."""
    return [(p, k) for k in range(seeds) for p in policies]


def aggregate(
    runs: Iterable[Run],
    *,
    from_round: int,
    seeds: int,
    policies: Sequence[str] = MAIN_POLICIES,
    group: Outcome | None = None,
) -> WhatIfResult:
    """The bands of ``runs`` (any order; exactly ``seeds`` runs per policy, seeds
    0..seeds-1), policies in the order given."""
    by_policy: dict[str, dict[int, Run]] = {p: {} for p in policies}
    for run in runs:
        if run.policy not in by_policy:
            raise ValueError(f"a run of {run.policy!r}, which is not among the policies")
        by_policy[run.policy][run.seed] = run
    bands = []
    for name in policies:
        got = by_policy[name]
        if sorted(got) != list(range(seeds)):
            raise ValueError(f"{name}: {len(got)} runs, not seeds 0..{seeds - 1}")
        ordered = tuple(got[k] for k in range(seeds))
        rounds = len(ordered[0].impact_by_round)
        bands.append(
            PolicyBand(
                policy=name,
                impact=Band.of([r.impact for r in ordered]),
                jointholism=Band.of([r.jointholism for r in ordered]),
                lost=Band.of([float(r.lost) for r in ordered]),
                impact_by_round=tuple(
                    Band.of([r.impact_by_round[i] for r in ordered if i < len(r.impact_by_round)])
                    for i in range(rounds)
                ),
                runs=ordered,
                excluded=Band.of([float(r.excluded) for r in ordered]),
            )
        )
    return WhatIfResult(from_round, seeds, tuple(bands), group)


def what_if_result(
    start: GameState,
    policies: Sequence[str] = MAIN_POLICIES,
    seeds: int = DEFAULT_SEEDS,
    *,
    group: GameState | None = None,
) -> WhatIfResult:
    """The whole what-if from ``start`` (a round start), straight through; ``group``: the
    game's real state, for the group's own result."""
    start = own_context(start)
    runs = [run_one(start, p, k) for p, k in run_keys(policies, seeds)]
    return aggregate(
        runs, from_round=start.public.round, seeds=seeds, policies=policies,
        group=None if group is None else Outcome.of(group),
    )
