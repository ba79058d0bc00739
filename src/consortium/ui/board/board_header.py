"""The top of the shared board: round, mode and phase; impact against the target; the talk
clock; and one status line ("‹name› is choosing…", "Paused", what the group decides now); in
the practice round, the coach line (present/practice_words.py).

Shows the public view and the public session facts; listens to ``BoardPort.changed``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QWidget

from consortium.engine.state import Phase, PublicState
from consortium.play.records import Change, SessionView
from consortium.present.i18n import N_, _, ngettext
from consortium.present.labels import round_line
from consortium.present.numbers import decimal, plain
from consortium.present.practice_words import coach_line
from consortium.ui.board.board_port import BoardPort
from consortium.ui.kit.widgets import label, set_shown

GROUP_STATUS: dict[Phase, str] = {
    Phase.MODE_CHOICE: N_("Show of hands: how do we organize this round?"),
    Phase.INTRO_COUNT: N_("The group decides how many introductions to hold"),
    Phase.DELIBERATION: N_("The plenary talks it through"),
    Phase.PLACEMENT: N_("Place everyone on a task, then call the vote"),
    Phase.PERSPECTIVE_CHECK: N_("Perspective check: invite someone onto a team?"),
    Phase.PIT_STOP: N_("Pit stop: where the time went"),
}
"""What the group decides now, by phase (English; translated in :func:`status_text`)."""


def status_text(view: PublicState, session: SessionView) -> str:
    if session.ended_early:
        return _("The game was ended early")
    if view.phase is Phase.GAME_OVER:
        if view.won:
            return _("Game over: the partnership reached its target")
        return _("Game over: the partnership did not reach its target")
    if session.paused:
        return _("Paused")
    if session.fast_forward:
        return _("Bots are playing the rest of the game…")
    if view.phase is Phase.VOTE and not view.secret_ballot:
        # open hands: the room votes together, whatever order the engine takes them in
        cast = sum(vote is not None for vote in view.votes)
        return ngettext("Show of hands: {count} vote counted so far",
                        "Show of hands: {count} votes counted so far", cast).format(count=cast)
    if view.actor is not None:
        name = view.participants[view.actor].name
        if session.on_phone(view.actor) and view.actor not in session.chosen_ahead:
            return _("Waiting for {name}'s phone…").format(name=name)
        return _("{name} is choosing…").format(name=name)
    status = GROUP_STATUS.get(view.phase)
    return _(status) if status else ""


def clock_text(session: SessionView) -> str:
    if not session.talk_clock:
        return ""
    minutes, seconds = divmod(session.clock_seconds, 60)
    text = _("Talk clock {time} (running)") if session.clock_running else _(
        "Talk clock {time} (stopped)")
    return text.format(time=f"{minutes:02d}:{seconds:02d}")


class BoardHeader(QWidget):
    def __init__(self, port: BoardPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.round_label = label(name="heading", wrap=True)
        self.impact_label = label(name="heading")
        self.clock_label = label(name="big")
        self.status_label = label(name="status", wrap=True)
        self.notice_label = label(name="notice", wrap=True)
        self.coach_label = label(name="coach", wrap=True)  # the practice round only
        self.coach_label.setAccessibleName(_("Practice round: what to do now"))
        self.coach_label.hide()
        self.round_label.setAccessibleName(_("Round and phase"))
        self.impact_label.setAccessibleName(_("Impact against target"))
        self.clock_label.setAccessibleName(_("Talk clock"))
        self.status_label.setAccessibleName(_("What happens now"))
        self.notice_label.setAccessibleName(_("Notice"))
        for right in (self.impact_label, self.clock_label):
            right.setProperty("alignment", "AlignRight|AlignVCenter")
        grid = QGridLayout(self)
        self._grid = grid
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.round_label, 0, 0)
        grid.addWidget(self.impact_label, 0, 1)
        grid.addWidget(self.status_label, 1, 0)
        grid.addWidget(self.clock_label, 1, 1)
        grid.addWidget(self.notice_label, 2, 0, 1, 2)
        grid.addWidget(self.coach_label, 3, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        port.changed.connect(self._on_game_changed)

    def set_unit(self, unit: int) -> None:
        """A gap of two units between the phase and the impact, so they never read as one
        line (issue 12: "Placing people on tasks" ran into "Impact 0.0 of target 23")."""
        self._grid.setHorizontalSpacing(2 * unit)

    def _on_game_changed(self, change: Change) -> None:
        view, session = change.view, change.session
        self.round_label.setText(round_line(view))
        self.impact_label.setText(_("Impact {impact} of target {target}").format(
            impact=decimal(view.impact, 1), target=plain(view.target)))
        self.clock_label.setText(clock_text(session))
        over = view.phase is Phase.GAME_OVER or session.ended_early
        set_shown(self.clock_label, session.talk_clock and not over)
        self.status_label.setText(status_text(view, session))
        self.notice_label.setText(session.notice)
        set_shown(self.notice_label, bool(session.notice))
        if session.practice:
            self.coach_label.setText(coach_line(view))
        set_shown(self.coach_label, session.practice)
