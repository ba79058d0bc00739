"""The practice round (issue 15; FACILITATION.md's "unscored tutorial round with 2 tasks"):
the room tries one Plenary round and one Pick-your-own round on two small tasks before the
real game, with a coach line on the board for each step (present/practice_words.py).

It is the same game engine on a smaller deal, made from the session the trainer set up:
- the same seats (names, sectors, people and bots), so everyone meets their own hand's kind;
- two tasks of the scenario, the two with the least work (ties by the file's order), so they
  can finish in two rounds and a finished task shows what impact is;
- no events, no comings and goings (turnover 0): nothing happens that the coach line does not
  explain;
- round 1 a Plenary, round 2 Pick your own (the two ways of organizing the research names);
- a target of half the two tasks' value, shown but not scored;
- another seed, so other hands: cards shown to the room in the practice's introductions must
  not be the real game's hidden cards.

It is not saved (nothing to resume, nothing in the resume list), has no what-if, no reveal and
no debrief: at its end the facilitator goes back to the new-session page, where the seats are
as they were, and starts the real session. "Unscored" means exactly that: the practice never
reaches a debrief, a report or a comparison.
"""

from __future__ import annotations

import attrs

from consortium.engine.scenario import Scenario
from consortium.engine.state import Mode
from consortium.play.records import SessionSetup

TASKS = 2
SEED_SHIFT = 500_000
"""The practice's seed is the session's, shifted (within the page's 0–999 999)."""
SCHEDULE = (Mode.DEMOCRATIC, Mode.SELF_SELECTION)


def practice_scenario(scenario: Scenario) -> Scenario:
    """The scenario cut to the practice's two tasks, without events."""
    order = {task.id: i for i, task in enumerate(scenario.tasks)}
    tasks = sorted(scenario.tasks, key=lambda t: (t.effort, order[t.id]))[:TASKS]
    kept = tuple(t for t in scenario.tasks if t in tasks)  # in the file's order
    target = round(sum(t.value for t in kept) / 2, 1)
    return attrs.evolve(scenario, tasks=kept, events=(), target=target)


def practice_setup(setup: SessionSetup) -> SessionSetup:
    """The practice round for the session ``setup`` describes (see the module docstring)."""
    config = attrs.evolve(setup.config, rounds=len(SCHEDULE), schedule=SCHEDULE, turnover=0.0,
                          seed=(setup.config.seed + SEED_SHIFT) % (2 * SEED_SHIFT))
    return attrs.evolve(setup, scenario=practice_scenario(setup.scenario), config=config,
                        practice=True)
