"""The shared screen: everything the room may see, built from the public view only.

Header (round, phase, impact, talk clock, "‹name› is choosing…"), then one of three pages —
the board (task cards and event log), the pit stop, the end of game and debrief — and the
participant strip. It receives a :class:`BoardPort`, not the controller, so it cannot reach
the full state or a private seat. On one screen it sits inside the main window; with a
projector it is its own full-screen window on the second screen. Listens to
``BoardPort.changed``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from consortium.engine.state import Phase
from consortium.play.records import Change
from consortium.present.i18n import _
from consortium.ui.board.board_header import BoardHeader
from consortium.ui.board.board_port import BoardPort
from consortium.ui.board.board_view import BoardView
from consortium.ui.board.debrief_view import DebriefView
from consortium.ui.board.participant_strip import ParticipantStrip
from consortium.ui.board.pit_stop_view import PitStopView
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
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(self.header)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.strip)
        self.strip.activated.connect(self._on_participant_activated)
        self._selected: int | None = None
        port.changed.connect(self._on_game_changed)

    def _on_game_changed(self, change: Change) -> None:
        view, session = change.view, change.session
        self._selected = session.selected_seat
        if change.participants or change.session_changed or change.phase or change.board:
            self.strip.show_view(view, session)
        if view.phase is Phase.GAME_OVER or session.ended_early:
            page: QWidget = self.debrief
        elif view.phase is Phase.PIT_STOP:
            page = self.pit_stop
        else:
            page = self.board
        if self.pages.currentWidget() is not page:
            self.pages.setCurrentWidget(page)
        set_shown(self.strip, page is not self.debrief)

    def _on_participant_activated(self, seat: int) -> None:
        self._port.select_seat(None if self._selected == seat else seat)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """F11 toggles full screen when the board is its own window (on a projector)."""
        if event.key() == Qt.Key.Key_F11 and self.isWindow():
            self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)
            return
        super().keyPressEvent(event)
