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
from consortium.engine.game import new_game
from consortium.engine.history import History
from consortium.present.event_words import log_text
from tests.play.table import charged_talk, play_whole_game, sit_down

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
