"""A whole game through ``consortium.play`` alone, as a phone page or a second table would
drive it: people and bots, votes entered ahead, placement, the talk clock on a fake time,
undo and redo, reveal; and no Qt in the process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import consortium
from consortium.engine.actions import Deliberate, Talk
from consortium.engine.events import Event, RoundStarted, Worked
from consortium.engine.game import new_game
from consortium.engine.history import History
from consortium.engine.state import Phase
from consortium.play.records import Change
from consortium.play.session import Session
from consortium.present.event_words import log_text
from tests.play.table import charged_talk, person_decides, play_whole_game, sit_down

ROOT = Path(__file__).resolve().parents[2]


def test_a_whole_game_through_play_imports_no_qt() -> None:
    src = Path(consortium.__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join((str(src), str(ROOT)))}
    done = subprocess.run(
        [sys.executable, "-m", "tests.play.table"], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "actions;" in done.stdout


def test_a_whole_game_through_play() -> None:
    table = sit_down()
    play_whole_game(table)
    session = table.session
    kinds = {e.kind for e in table.events}
    # what the room would have been told, as Events
    assert {"mode-started", "vote-cast", "vote-passed", "placed", "talk-charged",
            "deliberated", "pit-stop", "round-started", "game-over"} <= kinds
    deliberated, talked = charged_talk(table)
    assert deliberated and all(d == Deliberate(3) for d in deliberated)  # 125 s on the clock
    assert talked and all(t == Talk(1) for t in talked)  # 30 s in placement: one minute
    assert table.changes[-1].debrief and session.session.revealed
    # the log holds Events, and every one of them has its line
    assert all(log_text(entry) for entry in session.view.log)
    # the session's record replays to the same game
    replayed = History.replay(new_game(session.state.ctx.scenario, session.state.ctx.config),
                              session.actions)
    assert replayed.state.public == session.state.public
    assert session.room.people == (True, False, True, False, False)


def test_a_game_taken_over_at_a_pit_stop_tells_the_rounds_events_as_they_were_heard() -> None:
    """A resumed pit stop says what its round added: a session taking over a history hands
    its listeners the Events of the current round, the same ones a front end that watched
    the round heard (each team's work, needs found, tasks finished)."""
    table = sit_down()
    session = table.session
    placed: set[int] = set()
    for _ in range(5000):
        public = session.state.public
        if public.phase is Phase.PIT_STOP and public.round == 2:
            break
        if session.next_move_in() is not None:
            assert session.move()
        else:
            person_decides(table, placed)
    assert session.state.public.phase is Phase.PIT_STOP
    heard: list[Event] = []
    for change in table.changes:
        for event in change.events:
            heard = [] if isinstance(event, RoundStarted) else [*heard, event]
    assert any(isinstance(e, Worked) for e in heard)

    resumed = Session(pacing_ms=0)
    told: list[Change] = []
    resumed.listen(told.append)
    resumed.take_over(History.replay(session.history.start, session.actions),
                      session.session.people, talk_clock=True)
    assert told[-1].round_events is not None
    assert [e for e in told[-1].round_events if not isinstance(e, RoundStarted)] == heard
