"""The top of the shared board: round, mode and phase; impact against the target; the talk
clock; and one status line ("‹name› is choosing…", "Paused", what the group decides now).

Shows the public view and the public session facts; listens to ``BoardPort.changed``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QWidget

from consortium.engine.state import Phase, PublicState
from consortium.play.records import Change, SessionView
from consortium.present.labels import round_line
from consortium.ui.board.board_port import BoardPort
from consortium.ui.kit.widgets import label, set_shown

GROUP_STATUS: dict[Phase, str] = {
    Phase.MODE_CHOICE: "Show of hands: how do we organize this round?",
    Phase.INTRO_COUNT: "The group decides how many introductions to hold",
    Phase.DELIBERATION: "The plenary talks it through",
    Phase.PLACEMENT: "Place everyone on a task, then call the vote",
    Phase.PERSPECTIVE_CHECK: "Perspective check: invite someone onto a team?",
    Phase.PIT_STOP: "Pit stop: where the time went",
}


def status_text(view: PublicState, session: SessionView) -> str:
    if session.ended_early:
        return "The game was ended early"
    if view.phase is Phase.GAME_OVER:
        verdict = "reached" if view.won else "did not reach"
        return f"Game over: the partnership {verdict} its target"
    if session.paused:
        return "Paused"
    if session.fast_forward:
        return "Bots are playing the rest of the game…"
    if view.phase is Phase.VOTE and not view.secret_ballot:
        # open hands: the room votes together, whatever order the engine takes them in
        cast = sum(vote is not None for vote in view.votes)
        return f"Show of hands: {cast} vote{'s' if cast != 1 else ''} counted so far"
    if view.actor is not None:
        return f"{view.participants[view.actor].name} is choosing…"
    return GROUP_STATUS.get(view.phase, "")


def clock_text(session: SessionView) -> str:
    if not session.talk_clock:
        return ""
    minutes, seconds = divmod(session.clock_seconds, 60)
    state = "running" if session.clock_running else "stopped"
    return f"Talk clock {minutes:02d}:{seconds:02d} ({state})"


class BoardHeader(QWidget):
    def __init__(self, port: BoardPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.round_label = label(name="heading", wrap=True)
        self.impact_label = label(name="heading")
        self.clock_label = label(name="big")
        self.status_label = label(name="status", wrap=True)
        self.notice_label = label(name="notice", wrap=True)
        self.round_label.setAccessibleName("Round and phase")
        self.impact_label.setAccessibleName("Impact against target")
        self.clock_label.setAccessibleName("Talk clock")
        self.status_label.setAccessibleName("What happens now")
        self.notice_label.setAccessibleName("Notice")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.round_label, 0, 0)
        grid.addWidget(self.impact_label, 0, 1)
        grid.addWidget(self.status_label, 1, 0)
        grid.addWidget(self.clock_label, 1, 1)
        grid.addWidget(self.notice_label, 2, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        port.changed.connect(self._on_game_changed)

    def _on_game_changed(self, change: Change) -> None:
        view, session = change.view, change.session
        self.round_label.setText(round_line(view))
        self.impact_label.setText(f"Impact {view.impact:.1f} of target {view.target:g}")
        self.clock_label.setText(clock_text(session))
        over = view.phase is Phase.GAME_OVER or session.ended_early
        set_shown(self.clock_label, session.talk_clock and not over)
        self.status_label.setText(status_text(view, session))
        self.notice_label.setText(session.notice)
        set_shown(self.notice_label, bool(session.notice))
