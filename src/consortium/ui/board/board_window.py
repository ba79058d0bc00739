"""The shared screen: everything the room may see, built from the public view only.

Header (round, phase, impact, talk clock, "‹name› is choosing…"), then one of three pages —
the board (task cards and event log), the pit stop, the end of game and debrief — and the
participant strip. It receives a :class:`BoardPort`, not the controller, so it cannot reach
the full state or a private seat. On one screen it sits inside the main window; with a
projector it is its own full-screen window on the second screen. Listens to
``BoardPort.changed``.

The board is a stage (:mod:`consortium.ui.board.stage`): its type and spacing come from its
own size, not from the laptop's zoom or presenter type, and it never scrolls. Round-start
announcements and the vote's result float over the page in an :class:`AnnouncementBanner`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLayout, QStackedWidget, QVBoxLayout, QWidget

from consortium.engine.state import Phase
from consortium.play.records import Change
from consortium.present.i18n import _
from consortium.ui.board.announcement_banner import AnnouncementBanner
from consortium.ui.board.board_header import BoardHeader
from consortium.ui.board.board_port import BoardPort
from consortium.ui.board.board_view import BoardView
from consortium.ui.board.debrief_view import DebriefView
from consortium.ui.board.participant_strip import ParticipantStrip
from consortium.ui.board.pit_stop_view import PitStopView
from consortium.ui.board.stage import Stage
from consortium.ui.kit.clickable_frame import ClickableFrame
from consortium.ui.kit.widgets import set_shown


class BoardWindow(QWidget):
    def __init__(self, port: BoardPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self.setObjectName("boardWindow")
        self.setWindowTitle(_("Consortium — board"))
        self.setAccessibleName(_("Shared board"))
        self.header = BoardHeader(port)
        self.board = BoardView(port)
        self.pit_stop = PitStopView(port)
        self.debrief = DebriefView(port)
        self.pages = QStackedWidget()
        for page in (self.board, self.pit_stop, self.debrief):
            self.pages.addWidget(page)
        self.strip = ParticipantStrip()
        layout = QVBoxLayout(self)
        # the board's own content never sets the window's size: a crowded board shrinks its
        # type (the stage) instead of pushing the window past the screen
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addWidget(self.header)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.strip)
        self.banner = AnnouncementBanner(self)
        self.strip.activated.connect(self._on_participant_activated)
        self._selected: int | None = None
        self._round = -1
        self.stage = Stage(self, self._on_unit, self.banner)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit)
        self._afresh = True
        port.changed.connect(self._on_game_changed)

    def _on_game_changed(self, change: Change) -> None:
        view, session = change.view, change.session
        self._selected = session.selected_seat
        if change.participants or change.session_changed or change.phase or change.board:
            self.strip.show_view(view, session)
        over = view.phase is Phase.GAME_OVER or session.ended_early
        if over and not session.practice:
            page: QWidget = self.debrief
        elif over:  # the practice round has no debrief: its tasks, and the coach line
            page = self.board
        elif view.phase is Phase.PIT_STOP:
            page = self.pit_stop
        else:
            page = self.board
        afresh = view.round != self._round
        self._round = view.round
        if self.pages.currentWidget() is not page:
            self.pages.setCurrentWidget(page)
            afresh = True
        set_shown(self.strip, page is not self.debrief)
        if self.banner.take(change):
            self.banner.place(self.pages)
        self._refit(afresh=afresh)

    # --- the stage ---------------------------------------------------------------------

    def _refit(self, *, afresh: bool = True) -> None:
        """Fit the type to the board once the event loop has laid out this change."""
        self._afresh = self._afresh or afresh
        self._fit_timer.start()

    def _fit(self) -> None:
        afresh, self._afresh = self._afresh, False
        self.stage.fit(afresh=afresh)
        self.banner.place(self.pages)

    def fit_now(self) -> int:
        """Fit at once (tests and the layout check measure right after); the unit."""
        self._fit_timer.stop()
        self._fit()
        return self.stage.unit

    def _on_unit(self, unit: int) -> None:
        """Spacing and margins that live in layouts, not in the style sheet."""
        layout = self.layout()
        if layout is not None:
            layout.setContentsMargins(unit // 2, unit // 3, unit // 2, unit // 3)
            layout.setSpacing(unit // 3)
        for frame in self.findChildren(ClickableFrame):
            inner = frame.layout()
            if inner is not None:
                inner.setContentsMargins(unit // 3, unit // 4, unit // 3, unit // 4)
        self.board.set_unit(unit)
        self.strip.set_unit(unit)
        self.header.set_unit(unit)
        self.pit_stop.set_unit(unit)
        self.banner.set_unit(unit)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refit()

    def _on_participant_activated(self, seat: int) -> None:
        self._port.select_seat(None if self._selected == seat else seat)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """F11 toggles full screen when the board is its own window (on a projector)."""
        if event.key() == Qt.Key.Key_F11 and self.isWindow():
            self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)
            return
        super().keyPressEvent(event)
