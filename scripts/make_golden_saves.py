#!/usr/bin/env python
"""Write the golden saves of Consortium 0.1.0 to tests/golden/saves-0.1.0/ — run once, never again.

This script was run on commit 418e66d (Consortium 0.1.0: save format 1, rules version 1,
digest scheme ``summary-2``) to write the ``.consortium`` files in tests/golden/saves-0.1.0/
and their ``manifest.json``. **It must never be re-run after the engine changes** (rules v3
or any later change): the files are evidence of what 0.1.0 wrote, and
tests/golden/test_saves_0_1_0.py proves that a newer Consortium still opens them and replays
them to the same board (GAME.md, "Rules versions and old saves"). Files re-made by newer code
would prove nothing. The script is kept only to document how each file was made; it refuses
to run unless the code is 0.1.0 with rules version 1, and it never overwrites the folder.

How a file is made: a :class:`Table` plays one session the way the window's controller
(``consortium.ui.controller``) drives the engine — bots decide for bot seats (and for the
group when no person is seated), a script decides for the person seats and the facilitator,
the talk clock (the window's own :class:`~consortium.play.clock.TalkClock`, on a simulated
wall clock) turns talk into ``Deliberate(minutes)`` and ``Talk(minutes)`` as ``finish_talk``,
``stop_clock`` and ``call_vote`` do — and an :class:`~consortium.store.autosave.Autosaver`
saves after every action (and after each change of the room) into a session folder, exactly
as the window autosaves. The newest autosave of that folder is copied here. Times are
simulated from 2025-03-01 09:00 UTC (tests/store/games.py's ``STARTED``), so a run is
reproducible byte for byte.

    python scripts/make_golden_saves.py                  # only ever on 0.1.0; refuses otherwise
    python scripts/make_golden_saves.py --out /tmp/x     # the same files elsewhere, to compare
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

import attrs

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.store.games and tests.golden.playthrough

from tests.golden.playthrough import play_bots  # noqa: E402
from tests.store.games import STARTED, cancer_care, next_action  # noqa: E402

from consortium import __version__  # noqa: E402
from consortium.engine.actions import (  # noqa: E402
    Action,
    CallVote,
    ChooseMode,
    Continue,
    Declare,
    Deliberate,
    EndGame,
    Initiate,
    Invite,
    Join,
    NameHolder,
    NoInvite,
    Place,
    Respond,
    Reveal,
    SetIntroductions,
    SitOut,
    Stay,
    Talk,
    Vote,
)
from consortium.engine.game import apply, facilitator_actions, legal_actions, new_game  # noqa: E402
from consortium.engine.intros import hidden_slots, may_pass  # noqa: E402
from consortium.engine.plenary import members  # noqa: E402
from consortium.engine.scenario import Scenario  # noqa: E402
from consortium.engine.simulate import bot_action, seat_policy  # noqa: E402
from consortium.engine.state import (  # noqa: E402
    GameConfig,
    GameState,
    Mode,
    Phase,
    ScheduleEntry,
    SeatSetup,
)
from consortium.play.clock import TalkClock  # noqa: E402
from consortium.store.autosave import Autosaver  # noqa: E402
from consortium.store.digest import game_summary, state_digest  # noqa: E402
from consortium.store.save_file import (  # noqa: E402
    FORMAT_VERSION,
    RULES_VERSION,
    Room,
    encode_save,
)
from consortium.store.save_load import read_save_file  # noqa: E402
from consortium.store.sessions import save_versions  # noqa: E402

OUT = ROOT / "tests" / "golden" / "saves-0.1.0"
MADE_ON = "418e66d"
SECONDS_PER_ACTION = 20  # the simulated room takes this long per decision
PEOPLE = ("Amira", "Ben", "Chloé", "Dev", "Eun-ji", "Farid", "Grete", "Hamza")


# --- a session at the window ----------------------------------------------------------------


@attrs.frozen
class Script:
    """What the people at the table and the facilitator decide (the bots decide the rest).

    Rounds are 1-based; seats 0-based. Talk is in seconds on the talk clock: ``talk[r]`` is
    (deliberation, talk during placement stopped by the facilitator, talk before the vote),
    used again for every placement after a failed vote.
    """

    modes: Mapping[int, Mode] = attrs.field(factory=dict)  # the show of hands, per round
    intros: Mapping[int, int] = attrs.field(factory=dict)  # introduction rounds (default 1)
    talk: Mapping[int, tuple[int, int, int]] = attrs.field(factory=dict)
    plenary: frozenset[int] = frozenset()  # person seats that join the plenary (Mixed)
    reject: frozenset[tuple[int, int]] = frozenset()  # (round, seat) against the 1st ballot
    sit_out: frozenset[tuple[int, int]] = frozenset()  # (round, seat) who sit out (Pick...)
    move_by_hand: bool = False  # the facilitator moves one member before each vote
    invite: bool = False  # the facilitator invites the first candidate of a check


class Table:
    """One session as the window runs it: the game, its log, the room, autosaved."""

    def __init__(
        self, scenario: Scenario, config: GameConfig, folder: Path, *, talk_clock: bool
    ) -> None:
        self.state = new_game(scenario, config)
        self.actions: list[Action] = []
        self.people = [seat.bot is None for seat in config.seats]
        self.talk_clock = talk_clock
        self.ended_early = False
        self.wall = 0.0  # simulated seconds since the session started
        self.clock = TalkClock(lambda: self.wall)
        self.folder = folder
        self.saver = Autosaver(
            folder, started_at=STARTED, clock=lambda: STARTED + timedelta(seconds=self.wall),
            background=False,
        )
        self.saver.save(self.state, self.actions, self.room)  # controller.start saves at once

    @property
    def room(self) -> Room:
        return Room(tuple(self.people), self.talk_clock, self.ended_early)

    def submit(self, action: Action) -> None:
        self.state = apply(self.state, action)  # checked, as controller.submit does
        self.actions.append(action)
        self.wall += SECONDS_PER_ACTION
        self.saver.save(self.state, self.actions, self.room)

    # the controller's helpers, each producing the actions it produces

    def _automatic(self) -> bool:
        seat = self.state.public.actor
        return not any(self.people) if seat is None else not self.people[seat]

    def _talk(self, seconds: int) -> None:
        if seconds:
            self.clock.start()
            self.wall += seconds
            self.clock.stop()

    def finish_talk(self, seconds: int) -> None:
        """Deliberation: ``Deliberate(minutes)`` with the clock on, ``Deliberate()`` off."""
        if not self.talk_clock:
            self.submit(Deliberate(None))
            return
        self._talk(seconds)
        minutes = self.clock.minutes()
        self.clock.reset()
        self.submit(Deliberate(minutes))

    def charge_talk(self, seconds: int) -> None:
        """The facilitator stops the clock during placement: ``Talk(minutes)`` if any."""
        self._talk(seconds)
        minutes = self.clock.minutes()
        self.clock.reset()
        if minutes > 0 and self.state.public.phase is Phase.PLACEMENT:
            self.submit(Talk(minutes))

    def call_vote(self, seconds: int) -> None:
        if self.talk_clock:
            self.charge_talk(seconds)
        self.submit(CallVote())

    def set_person(self, seat: int, person: bool) -> None:
        """A person leaves the table and the group policy plays the seat (or back)."""
        self.people[seat] = person
        self.saver.save(self.state, self.actions, self.room)

    def switch_clock_on(self) -> None:
        """``toggle_clock`` in a session set up without the clock: saved at once."""
        self.talk_clock = True
        self.saver.save(self.state, self.actions, self.room)

    def name_holder(self) -> None:
        """Name the holder of the first hidden card the facilitator's dialog lists."""
        named = [a for a in facilitator_actions(self.state) if isinstance(a, NameHolder)]
        self.submit(named[0])

    def end_game(self) -> None:
        self.ended_early = True  # the controller marks the room before applying EndGame
        self.submit(EndGame())

    # playing

    def play(self, script: Script, until: Callable[[GameState], bool] | None = None) -> None:
        """Decide until the game is over or ``until`` holds before a decision."""
        while not self.state.over and not (until is not None and until(self.state)):
            if self._automatic():
                self.submit(next_action(self.state, None))  # the bot of the seat or group
            elif self.state.public.actor is None:
                self._facilitate(script)
            else:
                self.submit(_person(self.state, script))

    def _facilitate(self, script: Script) -> None:
        public = self.state.public
        phase, round_no = public.phase, public.round
        deliberation, during, before_vote = script.talk.get(round_no, (0, 0, 0))
        if phase is Phase.MODE_CHOICE:
            self.submit(ChooseMode(script.modes.get(round_no, Mode.DEMOCRATIC)))
        elif phase is Phase.INTRO_COUNT:
            self.submit(SetIntroductions(script.intros.get(round_no, 1)))
        elif phase is Phase.DELIBERATION:
            self.finish_talk(deliberation)
        elif phase is Phase.PLACEMENT:
            # "Suggest a board" (the group bot's proposal on public information) ...
            suggestion = bot_action(self.state, seat_policy(self.state, None))
            if not isinstance(suggestion, CallVote):
                self.submit(suggestion)
            # ... a move by hand, talk on the clock stopped once, then the vote
            if script.move_by_hand:
                self._move_one()
            if self.talk_clock:
                self.charge_talk(during)
            self.call_vote(before_vote)
        elif phase is Phase.PERSPECTIVE_CHECK:
            invites = [a for a in legal_actions(self.state, None) if isinstance(a, Invite)]
            self.submit(invites[0] if script.invite and invites else NoInvite())
        else:
            self.submit(Continue())

    def _move_one(self) -> None:
        public = self.state.public
        open_ids = [t.id for t in public.open_tasks]
        for seat in members(self.state):
            other = [t for t in open_ids if t != public.board[seat]]
            if other:
                self.submit(Place(seat, other[(public.round + seat) % len(other)]))
                return

    def close(self, dest: Path) -> GameState:
        """End the session and copy its newest autosave to ``dest``."""
        self.saver.close()
        newest = save_versions(self.folder)[0]
        data = newest.read_bytes()
        # the autosave is the file Save as… would write for this game and room
        saved_at = STARTED + timedelta(seconds=self.wall)
        same = encode_save(self.state, self.actions, self.room, started_at=STARTED,
                           saved_at=saved_at)
        if data != same:
            raise SystemExit(f"{dest.name}: the autosave differs from encode_save")
        dest.write_bytes(data)
        return self.state


def _person(state: GameState, script: Script) -> Action:
    """A person's choice, by the script's simple rules."""
    public = state.public
    seat = public.actor
    assert seat is not None
    phase, round_no = public.phase, public.round
    if phase is Phase.INTRODUCTIONS:
        hidden = hidden_slots(state, seat)
        passes = public.mode is Mode.HYBRID and seat not in script.plenary and may_pass(state, seat)
        return Reveal(seat, None if passes or not hidden else hidden[0])
    if phase is Phase.DECLARE:
        return Declare(seat, seat in script.plenary)
    if phase is Phase.VOTE:
        return Vote(seat, not ((round_no, seat) in script.reject and not public.ballots))
    if phase is Phase.INVITATION:
        return Respond(seat, True)
    legal = legal_actions(state, seat)  # a turn: join, else stay, else start, else sit out
    if (round_no, seat) in script.sit_out:
        return SitOut(seat)
    for kind in (Join, Stay, Initiate):
        for action in legal:
            if isinstance(action, kind) and not (isinstance(action, Initiate) and action.closed):
                return action
    return SitOut(seat)


# --- the sessions ---------------------------------------------------------------------------


def _config(
    seats: list[tuple[str, str | None]],
    schedule: tuple[ScheduleEntry, ...],
    seed: int,
    *,
    turnover: float,
    secret_ballot: bool = False,
    group_policy: str = "balanced",
) -> GameConfig:
    """A setup as the new-session page makes it: (name, bot policy or None for a person)."""
    scenario = cancer_care()
    sectors = [s.id for s in scenario.sectors]
    return GameConfig(
        seats=tuple(
            SeatSetup(name, sectors[i % len(sectors)], bot) for i, (name, bot) in enumerate(seats)
        ),
        rounds=len(schedule),
        turnover=turnover,
        schedule=schedule,
        seed=seed,
        capacity=scenario.defaults.capacity,
        hand_size=scenario.defaults.hand_size,
        secret_ballot=secret_ballot,
        group_policy=group_policy,
    )


def _bots(policies: list[str]) -> list[tuple[str, str | None]]:
    return [(f"Bot {i + 1}", p) for i, p in enumerate(policies)]


def _people(n: int, bots: list[str]) -> list[tuple[str, str | None]]:
    return [(PEOPLE[i], None) for i in range(n)] + [
        (f"Bot {n + i + 1}", p) for i, p in enumerate(bots)
    ]


D, S, H = Mode.DEMOCRATIC, Mode.SELF_SELECTION, Mode.HYBRID
PLAN: tuple[ScheduleEntry, ...] = (D, S, "choose", "choose")  # the setup page's "plan"

Session = Callable[[Path], tuple[Table, str]]  # a session folder -> the table, what it covers
SESSIONS: dict[str, Session] = {}


def session(name: str) -> Callable[[Session], Session]:
    def register(make: Session) -> Session:
        SESSIONS[name] = make
        return make

    return register


def _bots_only(folder: Path, config: GameConfig) -> Table:
    table = Table(cancer_care(), config, folder, talk_clock=False)
    table.play(Script())
    # the same game as the golden playthroughs' bot games (no person, no facilitator)
    if table.actions != play_bots(cancer_care(), config)[1]:
        raise SystemExit("a bot-only session played differently from play_bots")
    return table


@session("3-seats_plenary_bots_finished")
def _s1(folder: Path) -> tuple[Table, str]:
    config = _config(_bots(["democratic-keep"] * 3), (D, D, D, D), 301, turnover=0.0,
                     group_policy="democratic-keep")
    return _bots_only(folder, config), (
        "3 bot seats, Plenary every round, no turnover, open hands, clock off; played to the "
        "end (introductions, deliberations, proposals, votes, pit stops).")


@session("6-seats_pick-your-own_bots_turnover_finished")
def _s2(folder: Path) -> tuple[Table, str]:
    policies = ["self-select", "self-select-fit"] * 3
    config = _config(_bots(policies), (S, S, S, S), 602, turnover=0.3,
                     group_policy="self-select")
    return _bots_only(folder, config), (
        "6 bot seats, Pick your own every round, turnover 0.3 (comings and goings), clock "
        "off; played to the end.")


@session("6-seats_mixed_bots_finished")
def _s3(folder: Path) -> tuple[Table, str]:
    config = _config(_bots(["balanced"] * 6), (H, H, H), 603, turnover=0.15)
    return _bots_only(folder, config), (
        "6 bot seats, Mixed every round (declarations, plenary and own-way turns, perspective "
        "checks and invitations), turnover 0.15, clock off; played to the end.")


@session("8-seats_show-of-hands_bots_secret-ballot_finished")
def _s4(folder: Path) -> tuple[Table, str]:
    policies = ["democratic-keep", "self-select", "balanced", "democratic-light",
                "self-select-fit", "democratic-heavy", "balanced", "democratic-light"]
    config = _config(_bots(policies), ("choose",) * 3, 804, turnover=0.3, secret_ballot=True,
                     group_policy="democratic-light")
    return _bots_only(folder, config), (
        "8 bot seats of mixed policies, the group's choice by show of hands every round (the "
        "bot group picks Plenary), secret ballot, turnover 0.3, clock off; played to the end.")


@session("6-seats_plan_2-people_talk-clock_finished")
def _s5(folder: Path) -> tuple[Table, str]:
    config = _config(_people(2, ["democratic-light", "self-select", "balanced", "balanced"]),
                     PLAN, 605, turnover=0.3)
    table = Table(cancer_care(), config, folder, talk_clock=True)
    script = Script(
        modes={3: H, 4: D},
        intros={1: 2, 4: 0},
        talk={1: (400, 70, 25), 3: (130, 0, 50), 4: (0, 200, 0)},
        plenary=frozenset({0}),
        reject=frozenset({(1, 0), (1, 1)}),
        sit_out=frozenset({(2, 1)}),
        move_by_hand=True,
        invite=True,
    )
    table.play(script)
    return table, (
        "2 people (scripted) and 4 bots, the setup page's plan (Plenary, Pick your own, then "
        "show of hands: Mixed, Plenary), talk clock on from the start: Deliberate(minutes) "
        "incl. Deliberate(0), Talk(minutes) on stopping the clock and before each vote; two "
        "people vote against round 1's board (it passes), a move by hand, a sit-out, an "
        "invitation; turnover 0.3; played to the end.")


@session("3-seats_plenary_3-people_talk-clock_secret-ballot_stopped-in-vote")
def _s6(folder: Path) -> tuple[Table, str]:
    config = _config(_people(3, []), (D, D, D, D), 306, turnover=0.15, secret_ballot=True)
    table = Table(cancer_care(), config, folder, talk_clock=True)
    script = Script(
        intros={1: 1, 2: 2},
        talk={1: (300, 45, 10), 2: (75, 0, 130)},
        reject=frozenset({(1, 1), (1, 2)}),
        move_by_hand=True,
    )
    table.play(script, until=lambda s: s.public.round == 2 and s.public.phase is Phase.VOTE
               and s.public.turn == 1)
    return table, (
        "3 people, no bots, Plenary every round, secret ballot, talk clock on; round 1 has a "
        "failed vote; stopped in round 2 during the vote after one ballot was cast.")


@session("8-seats_pick-your-own_3-people_turnover_stopped-mid-turns")
def _s7(folder: Path) -> tuple[Table, str]:
    config = _config(_people(3, ["self-select", "self-select-fit"] * 2 + ["balanced"]),
                     (S, S, S), 807, turnover=0.3, group_policy="self-select-fit")
    table = Table(cancer_care(), config, folder, talk_clock=False)
    script = Script(sit_out=frozenset({(1, 2)}))
    table.play(script, until=lambda s: s.public.round == 2 and s.public.phase is Phase.TURNS
               and s.public.turn == 4)
    return table, (
        "3 people and 5 bots, Pick your own every round, turnover 0.3, clock off; stopped in "
        "round 2 in the middle of the self-selection turns (after 4 turns).")


@session("6-seats_mixed_3-people_talk-clock_stopped-mid-declarations")
def _s8(folder: Path) -> tuple[Table, str]:
    config = _config(_people(3, ["balanced", "self-select-fit", "democratic-light"]),
                     (H, H, H), 608, turnover=0.15)
    table = Table(cancer_care(), config, folder, talk_clock=True)
    script = Script(
        talk={1: (190, 0, 40), 2: (220, 65, 0)},
        plenary=frozenset({0, 2}),
        invite=True,
    )
    table.play(script, until=lambda s: s.public.round == 2 and s.public.phase is Phase.DECLARE
               and s.public.turn == 3)
    return table, (
        "3 people and 3 bots, Mixed every round, talk clock on (the plenary's deliberation "
        "and placement talk charged), turnover 0.15; stopped in round 2 in the middle of the "
        "declarations (plenary or own way).")


@session("6-seats_show-of-hands_4-people_named-holder_ended-early")
def _s9(folder: Path) -> tuple[Table, str]:
    config = _config(_people(4, ["democratic-keep", "self-select"]), ("choose",) * 4, 609,
                     turnover=0.15)
    table = Table(cancer_care(), config, folder, talk_clock=False)
    script = Script(modes={1: S, 2: D, 3: H}, intros={2: 1}, move_by_hand=True)
    table.play(script, until=lambda s: s.public.round == 2 and s.public.phase is Phase.DELIBERATION)
    table.name_holder()
    table.play(script, until=lambda s: s.public.round == 3 and s.public.phase is Phase.MODE_CHOICE)
    table.end_game()
    return table, (
        "4 people and 2 bots, show of hands every round (Pick your own, then Plenary), clock "
        "off; the facilitator names a card's holder in round 2 and ends the game early at "
        "round 3's show of hands (room.ended_early, header finished).")


@session("8-seats_plan_4-people_clock-switched-on_person-to-bot_stopped-at-pit-stop")
def _s10(folder: Path) -> tuple[Table, str]:
    config = _config(_people(4, ["democratic-light", "self-select-fit", "balanced",
                                 "democratic-keep"]), PLAN, 810, turnover=0.3)
    table = Table(cancer_care(), config, folder, talk_clock=False)
    script = Script(
        modes={3: D, 4: H},
        intros={1: 1, 3: 1},
        talk={3: (250, 40, 100)},
        reject=frozenset({(3, 0)}),
    )
    table.play(script, until=lambda s: s.public.round == 2)
    table.set_person(2, False)  # Chloé leaves; the group policy plays her seat
    table.play(script, until=lambda s: s.public.round == 3 and s.public.phase is Phase.MODE_CHOICE)
    table.switch_clock_on()  # set up without the clock; switched on for round 3
    table.play(script, until=lambda s: s.public.round == 3 and s.public.phase is Phase.PIT_STOP)
    return table, (
        "4 people and 4 bots, the plan (Plenary, Pick your own, show of hands: Plenary), "
        "turnover 0.3; set up with the clock off (round 1 Deliberate()), a person replaced by "
        "a bot in round 2 (room.people false for a seat without a bot policy), the clock "
        "switched on in round 3 (Deliberate(minutes), Talk); stopped at round 3's pit stop.")


# --- the manifest ---------------------------------------------------------------------------


def _schedule(config: GameConfig) -> list[str]:
    return [e if isinstance(e, str) else e.value for e in config.schedule]


def _label(entry: ScheduleEntry) -> str:
    return "Show of hands" if isinstance(entry, str) else entry.label


def entry_of(name: str, covers: str, path: Path, state: GameState, actions: list[Action],
             room: Room) -> dict[str, Any]:
    """What the test checks about one save, from the file as the loader opens it."""
    loaded = read_save_file(path)
    if state_digest(loaded.state) != state_digest(state) or loaded.save.digest != state_digest(
        state
    ):
        raise SystemExit(f"{path.name} does not replay to the game that was saved")
    state = loaded.state
    config = state.ctx.config
    public = state.public
    header = loaded.header
    summary = game_summary(state)
    return {
        "file": path.name,
        "covers": covers,
        "seats": len(config.seats),
        "people": sum(room.people),
        "schedule": _schedule(config),
        "schedule_labels": [_label(e) for e in config.schedule],
        "turnover": config.turnover,
        "secret_ballot": config.secret_ballot,
        "talk_clock": room.talk_clock,
        "finished": header.finished,
        "ended_early": room.ended_early,
        "final": {
            "round": public.round,
            "phase": public.phase.value,
            "mode": None if public.mode is None else public.mode.value,
            "actor": public.actor,
            "turn": public.turn,
        },
        "digest": state_digest(state),
        "summary": {"impact": summary["impact"], "step": summary["step"]},
        "header": {
            "format_version": header.format_version,
            "rules_version": header.rules_version,
            "app_version": header.app_version,
            "session_code": header.session_code,
            "scenario_id": header.scenario_id,
            "players": list(header.players),
            "step": header.step,
            "started_at": header.started_at.isoformat(),
            "saved_at": header.saved_at.isoformat(),
        },
        "room": {"people": list(room.people), "talk_clock": room.talk_clock,
                 "ended_early": room.ended_early},
        "board": {
            "impact": public.impact,
            "won": public.won,
            "talk_minutes": public.talk_minutes,
            "failed_votes": public.failed_votes,
            "ballots": len(public.ballots),
            "pit_stops": len(public.pit_stops),
            "arrivals": sum(p.arrivals for p in public.pit_stops),
            "departures": sum(p.departures for p in public.pit_stops),
            "log_entries": len(public.log),
            "participants": [
                {"name": p.name, "sector": p.sector, "present": p.present, "task": p.task,
                 "arrived": p.arrived_round}
                for p in public.participants
            ],
            "teams": [
                {"task": t.id, "status": t.status, "lead": t.lead, "members": list(t.members),
                 "closed": t.closed}
                for t in public.tasks
                if t.members or t.lead is not None or t.status == "finished"
            ],
            "board": list(public.board),
        },
        "actions": dict(sorted(Counter(type(a).__name__ for a in actions).items())),
        "talk_actions": [_talk_text(a) for a in actions if isinstance(a, Deliberate | Talk)],
    }


def _talk_text(action: Deliberate | Talk) -> str:
    return f"{type(action).__name__}({'' if action.minutes is None else action.minutes})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="a new folder (default: %(default)s)")
    args = parser.parse_args(argv)
    out: Path = args.out
    if (__version__, RULES_VERSION, FORMAT_VERSION) != ("0.1.0", 1, 1):
        print(f"refused: this is Consortium {__version__} with rules version {RULES_VERSION}; "
              f"the golden saves were made once by 0.1.0 (commit {MADE_ON}) and are never "
              "re-made (see the docstring).", file=sys.stderr)
        return 2
    if out.exists():
        print(f"refused: {out} exists; the golden saves are never overwritten.", file=sys.stderr)
        return 2
    out.mkdir(parents=True)
    entries = []
    with tempfile.TemporaryDirectory() as sessions:
        for name, make in SESSIONS.items():
            table, covers = make(Path(sessions) / name)
            path = out / f"{name}.consortium"
            state = table.close(path)
            entries.append(entry_of(name, covers, path, state, table.actions, table.room))
            print(f"{path.relative_to(out.parent)}: {len(table.actions)} actions, "
                  f"{path.stat().st_size:,} bytes")
    manifest = {
        "made_by": "scripts/make_golden_saves.py",
        "made_on": f"commit {MADE_ON} (Consortium 0.1.0)",
        "app_version": __version__,
        "format_version": FORMAT_VERSION,
        "rules_version": RULES_VERSION,
        "saves": entries,
    }
    text = json.dumps(manifest, indent=1, ensure_ascii=False) + "\n"
    (out / "manifest.json").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
