"""The laptop's window: start screen, new-session page and the game screen, with the
facilitator's menu bar. With two screens the board window goes full screen on the second.

Owns the ``Theme`` (zoom, presenter mode). Listens to ``StartScreen``/``SetupPage`` signals to
move between pages; the game itself is driven by the ``GameController``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QCloseEvent, QScreen
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QStackedWidget, QWidget

from consortium.ui.facilitator_menu import FacilitatorMenu
from consortium.ui.start_screen import StartScreen
from consortium.ui.theme import Theme

if TYPE_CHECKING:  # loaded with the first game, not at launch (bench/launch.py)
    from consortium.engine.scenario import Scenario
    from consortium.ui.board_window import BoardWindow
    from consortium.ui.controller import GameController
    from consortium.ui.game_screen import GameScreen
    from consortium.ui.session import SessionSetup
    from consortium.ui.setup_page import SetupPage

HELP_TEXT = (
    "Keyboard: Tab moves in reading order · Space shows or hides your hand behind the curtain "
    "· Enter confirms · F11 full screen · F5 presenter mode · Ctrl +/− zoom · F1 this help.\n\n"
    "Placement: click a participant, then a task (or Tab to them and press Enter, or drag).\n"
    "Facilitator menu: talk clock (Ctrl+T), pause (Ctrl+P), skip a turn (Ctrl+K), replace a "
    "person by a bot, fast-forward by bots, reveal (Ctrl+R), end the game early (Ctrl+E)."
)


class MainWindow(QMainWindow):
    def __init__(
        self,
        controller: GameController | Callable[[], GameController],
        scenarios: Callable[[], dict[str, Scenario]],
        *,
        board_screen: QScreen | None = None,
        dual_screen: bool = False,
        theme: Theme | None = None,
    ) -> None:
        super().__init__()
        self.setWindowTitle("Consortium")
        self._controller: GameController | None = None
        self._make_controller: Callable[[], GameController] | None = None
        if isinstance(controller, QObject):
            self._controller = controller
        else:
            self._make_controller = controller
        self._scenarios = scenarios
        self.theme = theme or Theme()
        self.dual_screen = dual_screen or board_screen is not None
        self._board_screen = board_screen
        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        self.start = StartScreen()
        self.pages.addWidget(self.start)
        self.setup_page: SetupPage | None = None
        self._board: BoardWindow | None = None
        self._game: GameScreen | None = None
        self.menu = FacilitatorMenu(self)
        if self._controller is not None:
            self._build_game()
        self.start.new_session.connect(self.show_setup)
        self.start.help.connect(self.show_help)
        self.start.quit.connect(self.close)
        self.menu.new_session.triggered.connect(self.show_setup)
        self.menu.quit.triggered.connect(self.close)
        self.menu.help.triggered.connect(self.show_help)
        self.menu.zoom_in.triggered.connect(lambda: self.set_theme(self.theme.zoomed(0.1)))
        self.menu.zoom_out.triggered.connect(lambda: self.set_theme(self.theme.zoomed(-0.1)))
        self.menu.zoom_reset.triggered.connect(
            lambda: self.set_theme(Theme(1.0, self.theme.presenter))
        )
        self.menu.presenter.toggled.connect(self._on_presenter_toggled)
        self.menu.full_screen.toggled.connect(self._on_full_screen_toggled)
        self.start.new_button.setFocus()

    # --- the game screen, built with the first game -----------------------------------

    def _build_game(self) -> None:
        from consortium.ui.board_window import BoardWindow  # noqa: PLC0415 - see TYPE_CHECKING
        from consortium.ui.game_screen import GameScreen  # noqa: PLC0415

        if self._controller is None:
            assert self._make_controller is not None
            self._controller = self._make_controller()
            self._controller.setParent(self)
        controller = self._controller
        self._board = BoardWindow(controller)
        self._game = GameScreen(controller, self._board, board_here=not self.dual_screen)
        if self.dual_screen:
            self._board.setParent(None)
            self._board.setWindowFlag(Qt.WindowType.Window, True)
        self.pages.addWidget(self._game)
        self.menu.attach(controller)

    @property
    def controller(self) -> GameController:
        if self._controller is None or self._game is None:
            self._build_game()
        assert self._controller is not None
        return self._controller

    @property
    def board(self) -> BoardWindow:
        if self._board is None:
            self._build_game()
        assert self._board is not None
        return self._board

    @property
    def game(self) -> GameScreen:
        if self._game is None:
            self._build_game()
        assert self._game is not None
        return self._game

    # --- pages ------------------------------------------------------------------------

    def show_setup(self) -> None:
        c = self._controller
        if c is not None and c.has_game and not (c.view.won is not None or c.session.ended_early):
            answer = QMessageBox.question(
                self, "New session", "End the game in progress and set up a new session?"
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            c.end_game()
        if self.setup_page is None:
            from consortium.ui.setup_page import SetupPage  # noqa: PLC0415 - see TYPE_CHECKING

            self.setup_page = SetupPage(self._scenarios())
            self.setup_page.start_requested.connect(self.start_session)
            self.setup_page.back_requested.connect(
                lambda: self.pages.setCurrentWidget(self.start)
            )
            self.pages.addWidget(self.setup_page)
        self.pages.setCurrentWidget(self.setup_page)
        self.setup_page.focus_first()

    def start_session(self, setup: SessionSetup) -> None:
        self.pages.setCurrentWidget(self.game)
        if self.dual_screen:
            self._show_board_on_projector()
        self.controller.start(setup)

    def _show_board_on_projector(self) -> None:
        if self._board_screen is not None:
            self.board.setScreen(self._board_screen)
            self.board.setGeometry(self._board_screen.geometry())
            self.board.showFullScreen()
        else:
            self.board.show()

    def show_help(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle("Consortium — help")
        box.setText(HELP_TEXT)
        box.setAccessibleName("Help")
        box.open()

    # --- view -------------------------------------------------------------------------

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app)

    def _on_presenter_toggled(self, on: bool) -> None:
        self.set_theme(Theme(self.theme.zoom, on))
        target: QWidget = self.board if self.dual_screen else self
        if on:
            target.showFullScreen()
        elif not self.menu.full_screen.isChecked():
            target.showNormal()

    def _on_full_screen_toggled(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    def closeEvent(self, event: QCloseEvent) -> None:
        """The projector's board window closes with the laptop's window."""
        if self.dual_screen and self._board is not None:
            self._board.close()
        super().closeEvent(event)
