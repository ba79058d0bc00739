"""The laptop's screen during a game: the board (when there is no projector) beside the
facilitator's column, which shows either the facilitator panel or the hand-off curtain.

With a second screen the board lives in its own window there, and the facilitator's column
fills the laptop; :meth:`dock_board` and :meth:`undock_board` move it between the two when a
projector is connected or disconnected mid-session. Listens to ``Curtain.active_changed`` to
swap the column's page.

Presenter mode on one screen (:meth:`set_presenter`) gives the whole screen to the board and
floats the facilitator's column in a small tool window at the right edge, over the board's
log (the least read part of the board), where the facilitator can move it; with a second
screen the column already has the laptop to itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from consortium.present.i18n import _
from consortium.ui.board.board_window import BoardWindow
from consortium.ui.controller import GameController
from consortium.ui.laptop.curtain import Curtain
from consortium.ui.laptop.facilitator_panel import FacilitatorPanel
from consortium.ui.laptop.public_acts import PublicActsPanel

BOARD_SHARE = 70
COLUMN_SHARE = 30
"""The board beside the facilitator's column, 7:3 at the normal text size."""


class GameScreen(QWidget):
    def __init__(
        self,
        controller: GameController,
        board: BoardWindow,
        *,
        board_here: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Game"))
        self.panel = FacilitatorPanel(controller)
        self.curtain = Curtain(controller)
        self.acts = PublicActsPanel(controller)  # printed hands: instead of the curtain
        self.side = QStackedWidget()
        self.side.setAccessibleName(_("Facilitator column"))
        self.side.addWidget(self.panel)
        self.side.addWidget(self.curtain)
        self.side.addWidget(self.acts)
        # Ignored: the 7:3 stretch decides the widths, so opening a private panel never
        # shifts the board and long texts never push the window past the screen.
        self.side.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.acts.envelopes)
        column.addWidget(self.side, 1)
        self._column = column
        self._layout.addLayout(column, 1)
        self.board_here = False
        self.floating = False
        self.zoom = 1.0
        if board_here:
            self.dock_board(board)
        self.curtain.active_changed.connect(self._on_curtain_active_changed)
        self.acts.active_changed.connect(self._on_acts_active_changed)

    def dock_board(self, board: BoardWindow) -> None:
        """The board beside the facilitator's column, 7:3 (one screen for everything)."""
        if self.board_here:
            return
        board.hide()
        board.setWindowFlag(Qt.WindowType.Window, False)
        board.setParent(self)
        board.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._layout.insertWidget(0, board, BOARD_SHARE)
        self._layout.setStretchFactor(self._column, self._column_share())
        board.show()
        self.board_here = True

    def undock_board(self, board: BoardWindow) -> None:
        """The board out into a window of its own (for the projector); the facilitator's
        column fills the laptop."""
        if not self.board_here:
            return
        self._layout.removeWidget(board)
        board.hide()
        board.setParent(None)
        board.setWindowFlag(Qt.WindowType.Window, True)
        self._layout.setStretchFactor(self._column, 1)
        self.board_here = False

    def _column_share(self) -> int:
        """The column's stretch beside the board's :data:`BOARD_SHARE`: 3 to 7 at the normal
        text size, growing with Settings' text size (6 to 7 at 200 %), so the column's words
        keep their room; the board sizes its type to whatever it is left (a stage)."""
        return round(COLUMN_SHARE * self.zoom)

    def set_text_size(self, zoom: float) -> None:
        """The laptop's text size (Settings, Ctrl +/−) changed: the column's share follows."""
        self.zoom = max(1.0, zoom)
        if self.board_here and not self.floating:
            self._layout.setStretchFactor(self._column, self._column_share())

    def _on_acts_active_changed(self, active: bool) -> None:
        self.side.setCurrentWidget(self.acts if active else self.panel)
        if not active and self.panel.primary is not None:
            self.panel.primary.setFocus()

    def set_presenter(self, on: bool) -> None:
        """Float the facilitator's column over the board (``on``, one screen) or dock it
        back beside the board."""
        if on == self.floating or (on and not self.board_here):
            return
        if on:
            self._column.removeWidget(self.side)
            self._layout.setStretchFactor(self._column, 0)
            self.side.setParent(self, Qt.WindowType.Tool)
            self.side.setWindowTitle(_("Facilitator"))
            screen = (self.screen().availableGeometry() if self.screen() is not None
                      else self.rect())
            # a third of the screen's width, nearly its height: a person's hand behind the
            # curtain must fit it in presenter type
            width = max(420, screen.width() // 3)
            height = screen.height() * 9 // 10
            self.side.setMaximumSize(screen.size())  # never past the screen's edges
            self.side.setGeometry(screen.right() - width - 8, screen.top() + screen.height() // 20,
                                  width, height)
            self.side.show()
            frame = self.side.frameGeometry()
            if frame.right() > screen.right() or frame.bottom() > screen.bottom():
                self.side.move(min(frame.x(), screen.right() - frame.width()),
                               min(frame.y(), screen.bottom() - frame.height()))
            self.side.activateWindow()
            self.floating = True
            self._shortcuts_everywhere(True)
            return
        self._shortcuts_everywhere(False)
        self.side.hide()
        self.side.setMaximumSize(16_777_215, 16_777_215)
        self.side.setParent(self)
        self.side.setWindowFlag(Qt.WindowType.Tool, False)
        self._column.addWidget(self.side, 1)
        self._layout.setStretchFactor(self._column,
                                      self._column_share() if self.board_here else 1)
        self.side.show()
        self.floating = False

    def _shortcuts_everywhere(self, on: bool) -> None:
        """The column's keys (Space shows the hand) work from the board's window too while
        the column floats: the facilitator's last click may have been on the board."""
        context = (Qt.ShortcutContext.ApplicationShortcut if on
                   else Qt.ShortcutContext.WindowShortcut)
        for shortcut in self.side.findChildren(QShortcut):
            shortcut.setContext(context)

    def _on_curtain_active_changed(self, active: bool) -> None:
        self.side.setCurrentWidget(self.curtain if active else self.panel)
        if self.floating:  # its keys (Space, Enter) work in the active window only
            self.side.raise_()
            self.side.activateWindow()
        if active:
            self.curtain.setFocus()
        elif self.panel.primary is not None:
            self.panel.primary.setFocus()
