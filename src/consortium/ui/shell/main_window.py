"""The laptop's window: start screen, resume list, new-session page, settings and the game
screen, with the facilitator's menu bar and a status bar for the autosave. With two screens
the board window goes full screen on the second.

Owns the ``Theme`` (zoom, presenter mode, high contrast), the data paths resolved in
``main()``, the trainer's :class:`~consortium.store.settings.Settings` (read in ``main()``,
saved here on every change) and the file dialogs (tests pass scripted ones).

A language change (Settings, or the start screen's picker) shows at once: the start screen and
the menus are worded anew, the settings page, the new-session page (carrying what the trainer
had entered) and the game screen are built anew — the game screen from the same controller,
so a game in play goes on exactly where it was, its autosave untouched; the curtain comes down
(the person whose turn it is presses Space again).

Listens to ``StartScreen``/``ResumePage``/``SetupPage``/``SettingsPage`` signals to move
between pages and to ``Saving.status_changed`` to say, once, when the autosave fails and
when it works again; the game itself is driven by the ``GameController``.
After the start screen has painted it counts the saved sessions and, after a crash, offers
to resume (:mod:`consortium.ui.shell.session_files`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QTimer
from PySide6.QtGui import QCloseEvent, QScreen
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from consortium.present.i18n import LANGUAGE_VARIABLE, N_, _, language, use_language
from consortium.present.languages import (
    available_languages,
    choose_language,
    language_name,
    system_language,
)
from consortium.store.settings import Settings
from consortium.ui.kit.theme import Theme
from consortium.ui.kit.widgets import label
from consortium.ui.shell.facilitator_menu import FacilitatorMenu
from consortium.ui.shell.start_screen import StartScreen

if TYPE_CHECKING:  # loaded with the first game, not at launch (bench/launch.py)
    from PySide6.QtCore import QTranslator

    from consortium.engine.scenario import Scenario
    from consortium.play.records import SessionSetup
    from consortium.store.autosave import SaveStatus
    from consortium.store.paths import DataPaths
    from consortium.store.sessions import SessionEntry
    from consortium.ui.board.board_window import BoardWindow
    from consortium.ui.controller import GameController
    from consortium.ui.laptop.name_holder_dialog import NameHolderDialog
    from consortium.ui.shell.compare_dialog import CompareWindow
    from consortium.ui.shell.file_dialogs import FileDialogs
    from consortium.ui.shell.game_screen import GameScreen
    from consortium.ui.shell.help_dialog import HelpDialog
    from consortium.ui.shell.phones_dialog import PhonesDialog
    from consortium.ui.shell.phones_room import PhonesRoom
    from consortium.ui.shell.resume_page import ResumePage
    from consortium.ui.shell.session_files import SessionFiles
    from consortium.ui.shell.settings_page import SettingsPage
    from consortium.ui.shell.setup_page import SetupPage

HELP_TEXT = N_(
    "Keyboard: Tab moves in reading order · hold Space to show your hand behind the curtain, "
    "Space hides it · Enter confirms · F11 full screen · F5 presenter mode · Ctrl +/− zoom · "
    "F1 this help.\n\n"
    "Placement: click a participant, then a task (or Tab to them and press Enter, or drag).\n"
    "Facilitator menu: phones (each person's hand on their phone, or back to the curtain), "
    "undo (Ctrl+Z, back to the last decision of a person, never past a "
    "reveal), redo (Ctrl+Y), talk clock (Ctrl+T), pause (Ctrl+P), skip a turn (Ctrl+K), "
    "replace a person by a bot, fast-forward by bots, name a holder (Ctrl+H), reveal (Ctrl+R), "
    "end the game early (Ctrl+E).\n\n"
    "Every action is saved at once: after a crash, the next start offers to resume."
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
        paths: DataPaths | None = None,
        files: FileDialogs | None = None,
        offer_resume: bool = True,
        settings: Settings | None = None,
        settings_problems: Sequence[str] = (),
        languages: Sequence[str] | None = None,
    ) -> None:
        super().__init__()
        self.setWindowTitle("Consortium")  # the name, as on the start screen
        self.paths = paths  # None: no resume list (the leak test's and benchmarks' windows)
        self._files = files
        self._sessions: SessionFiles | None = None
        self.last_message: QMessageBox | None = None
        self.name_holder_dialog: NameHolderDialog | None = None
        self.printed_holder_dialog: QWidget | None = None  # printed hands' Name a holder
        self.resume_page: ResumePage | None = None
        self.compare_window: CompareWindow | None = None  # Session → Compare sessions…
        self._phones: PhonesRoom | None = None  # made with the mode's first use
        self.phones_dialog: PhonesDialog | None = None
        self.help_dialog: HelpDialog | None = None
        self._save_failing: Path | None = None  # the folder autosave cannot write to
        self._save_status: QLabel | None = None  # with the first game (launch time)
        self._controller: GameController | None = None
        self._make_controller: Callable[[], GameController] | None = None
        if isinstance(controller, QObject):
            self._controller = controller
        else:
            self._make_controller = controller
        self._scenarios = scenarios
        self.theme = theme or Theme()
        self.settings = settings or Settings()
        self.settings_problems = tuple(settings_problems)  # found at start, said once
        self.settings_page: SettingsPage | None = None
        self._settings_from: QWidget | None = None  # the page Back goes to
        self._languages = tuple(languages) if languages is not None else available_languages()
        self.qt_translator: QTranslator | None = None  # Qt's own words (app.py installs it)
        self.dual_screen = dual_screen or board_screen is not None
        self._presenter_target: QWidget | None = None  # what presenter mode made full screen
        self._board_screen = board_screen
        self.pages = QStackedWidget()
        self.pages.currentChanged.connect(self._on_page_changed)
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
        self.start.resume.connect(self.show_resume)
        self.start.help.connect(self.show_help)
        self.start.practice.connect(self.show_practice_setup)
        self.start.settings.connect(self.show_settings)
        self.start.language_chosen.connect(self._on_language_chosen)
        self.start.quit.connect(self.close)
        self.start.first_painted.connect(  # the picker: after the first paint (launch time)
            lambda: QTimer.singleShot(0, lambda: self.start.set_languages(
                self._language_choices(), language())))
        self.menu.new_session.triggered.connect(self.show_setup)
        self.menu.resume.triggered.connect(self.show_resume)
        self.menu.open_file.triggered.connect(self.open_file)
        self.menu.save_as.triggered.connect(self.save_as)
        self.menu.print_hands.triggered.connect(self.print_hands)
        self.menu.export_report.triggered.connect(self.export_report)
        self.menu.compare.triggered.connect(self.compare_sessions)
        self.menu.name_holder.triggered.connect(self.ask_name_holder)
        self.menu.phones.triggered.connect(self.show_phones)
        self.menu.quit.triggered.connect(self.close)
        self.menu.help.triggered.connect(self.show_help)
        self.menu.settings.triggered.connect(self.show_settings)
        self.menu.zoom_in.triggered.connect(lambda: self.set_theme(self.theme.zoomed(0.1)))
        self.menu.zoom_out.triggered.connect(lambda: self.set_theme(self.theme.zoomed(-0.1)))
        self.menu.zoom_reset.triggered.connect(  # back to Settings' text size
            lambda: self.set_theme(self.theme._replace(zoom=self.settings.text_size / 100))
        )
        self.menu.presenter.toggled.connect(self._on_presenter_toggled)
        self.menu.full_screen.toggled.connect(self._on_full_screen_toggled)
        self.start.new_button.setFocus()
        if offer_resume and paths is not None:
            self.start.first_painted.connect(
                lambda: QTimer.singleShot(0, self._on_start_screen_shown)
            )
        if self.settings_problems:
            self.start.first_painted.connect(
                lambda: QTimer.singleShot(0, self._say_settings_problems)
            )

    # --- the game screen, built with the first game -----------------------------------

    def _build_game(self) -> None:
        from PySide6.QtCore import Qt  # noqa: PLC0415 - not at launch: the first touch of Qt's namespace builds its hundred enums

        from consortium.ui.board.board_window import BoardWindow  # noqa: PLC0415 - see TYPE_CHECKING
        from consortium.ui.shell.game_screen import GameScreen  # noqa: PLC0415

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
        self._game.set_text_size(self.theme.zoom)
        if self.theme.presenter and not self.dual_screen:  # F5 pressed before the first game
            self._game.set_presenter(True)
        self.menu.attach(controller)
        self.menu.end_game.triggered.connect(self.ask_end_game)
        self.menu.fast_forward.triggered.connect(self.ask_fast_forward)
        self._game.panel.practice_done.connect(self.end_practice)
        if controller.saving is not None:
            controller.saving.status_changed.connect(self._on_save_status_changed)
            self.save_status.hide()  # the status bar, made now rather than at launch

    @property
    def controller(self) -> GameController:
        if self._controller is None or self._game is None:
            self._build_game()
        assert self._controller is not None
        return self._controller

    @property
    def files(self) -> FileDialogs:
        """Asks for file names (tests set scripted answers). Made when first needed, like
        everything about files: the start screen opens without them (bench/launch.py)."""
        if self._files is None:
            from consortium.ui.shell.file_dialogs import FileDialogs  # noqa: PLC0415

            self._files = FileDialogs()
        return self._files

    @files.setter
    def files(self, files: FileDialogs) -> None:
        self._files = files

    @property
    def sessions(self) -> SessionFiles:
        """Resume, open, save as."""
        if self._sessions is None:
            from consortium.ui.shell.session_files import SessionFiles  # noqa: PLC0415

            self._sessions = SessionFiles(self)
        return self._sessions

    @property
    def save_status(self) -> QLabel:
        """The status bar's line for the autosave: empty and hidden while saving works."""
        if self._save_status is None:
            self._save_status = label(name="notice", wrap=True)
            self._save_status.setAccessibleName(_("Save status"))
            self._save_status.hide()
            self.statusBar().addPermanentWidget(self._save_status, 1)
        return self._save_status

    # --- what SessionFiles may use (session_files.SessionHost) --------------------------------

    @property
    def as_parent(self) -> QWidget:
        return self

    def set_session_count(self, count: int) -> None:
        self.start.set_sessions(count)

    def say(self, text: str, msecs: int) -> None:
        self.statusBar().showMessage(text, msecs)

    @property
    def in_game(self) -> bool:
        """Whether a game is open in this window (in play or over)."""
        return self._controller is not None and self._controller.has_game

    @property
    def current_session_folder(self) -> Path | None:
        c = self._controller
        return c.saving.folder if c is not None and c.saving is not None else None

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
                self, _("New session"), _("End the game in progress and set up a new session?")
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            c.end_game()
        if self.setup_page is None:
            self.setup_page = self._make_setup_page()
        self.pages.setCurrentWidget(self.setup_page)
        # Enter starts the session again (the start screen's Practice round made the practice
        # button the default once)
        self.setup_page.practice_button.setDefault(False)
        self.setup_page.focus_first()

    def _make_setup_page(self) -> SetupPage:
        from consortium.ui.shell.setup_page import SetupPage  # noqa: PLC0415 - see TYPE_CHECKING

        page = SetupPage(self._scenarios(), files=lambda: self.files,
                         talk_clock=self.settings.talk_clock_default)
        page.start_requested.connect(self.start_session)
        page.back_requested.connect(lambda: self.pages.setCurrentWidget(self.start))
        self.pages.addWidget(page)
        return page

    def show_resume(self) -> None:
        """The resume list, newest first (the session open here is not in it)."""
        if self.resume_page is None:
            from consortium.ui.shell.resume_page import ResumePage  # noqa: PLC0415 - not at launch

            self.resume_page = ResumePage()
            self.resume_page.open_requested.connect(self._on_resume_open_requested)
            self.resume_page.remove_requested.connect(self._on_resume_remove_requested)
            self.resume_page.open_file_requested.connect(self.open_file)
            self.resume_page.back_requested.connect(self._on_resume_back_requested)
            self.pages.addWidget(self.resume_page)
        entries = self.sessions.entries()
        self.resume_page.set_entries(entries)
        if not self.in_game:
            self.start.set_sessions(len(entries))
        self.pages.setCurrentWidget(self.resume_page)
        self.resume_page.focus_first()

    def _on_page_changed(self, _index: int) -> None:
        """Only the page shown sets the window's minimum size: a stack asks every page for
        its minimum, and the new-session page's kept the game screen wider than a laptop
        (issue 12)."""
        from PySide6.QtWidgets import QSizePolicy  # noqa: PLC0415 - not at launch

        current = self.pages.currentWidget()
        for i in range(self.pages.count()):
            page = self.pages.widget(i)
            if page is None:
                continue
            policy = (QSizePolicy.Policy.Preferred if page is current
                      else QSizePolicy.Policy.Ignored)
            page.setSizePolicy(policy, policy)

    def _on_start_screen_shown(self) -> None:
        self.sessions.check_at_start()

    def open_file(self) -> None:
        self.sessions.open_file()

    def save_as(self) -> None:
        self.sessions.save_as()

    def _on_resume_open_requested(self, entry: SessionEntry) -> None:
        self.sessions.open_session(entry)

    def _on_resume_remove_requested(self, entry: SessionEntry) -> None:
        if self.sessions.put_away(entry):
            self.show_resume()

    def _on_resume_back_requested(self) -> None:
        self.pages.setCurrentWidget(self.game if self.in_game else self.start)

    def start_session(self, setup: SessionSetup) -> None:
        self.enter_game()
        self.controller.start(setup)
        if setup.phones:
            self.turn_phones_on()

    # --- phones as private hands (docs/phones.md) ----------------------------------------

    @property
    def phones(self) -> PhonesRoom:
        """The Phones mode for this window's game (its server runs only while it is on)."""
        if self._phones is None:
            from consortium.ui.shell.phones_room import PhonesRoom  # noqa: PLC0415 - not at launch

            self._phones = PhonesRoom(self.controller, self.game.curtain,
                                      lambda text: self.statusBar().showMessage(text, 8000),
                                      self)
            self.game.panel.take_back.connect(self._phones.to_curtain)
        return self._phones

    def turn_phones_on(self) -> bool:
        """Serve the phones for this game; a port that cannot be opened is said plainly and
        the hands stay behind the curtain."""
        try:
            self.phones.turn_on()
        except OSError as error:
            self.show_message(_("Phones are off"), _(
                "The phones cannot be served: {reason}. Every hand stays behind the curtain "
                "on this laptop.").format(reason=error.strerror or error))
            return False
        return self.phones.on

    def show_phones(self) -> None:
        """Facilitator → Phones…: on/off, where the laptop serves, each seat's place."""
        if not self.in_game:
            return
        if self.phones_dialog is None:
            from consortium.ui.shell.phones_dialog import PhonesDialog  # noqa: PLC0415 - not at launch

            self.phones_dialog = PhonesDialog(self.controller, self.phones, self)
        self.phones_dialog.show()
        self.phones_dialog.raise_()

    def show_practice_setup(self) -> None:
        """The start screen's *Practice round*: the new-session page, where the seats and names
        are set, with *Practice round first* ready (Enter)."""
        self.show_setup()
        page = self.setup_page
        if page is not None and self.pages.currentWidget() is page:
            page.practice_button.setDefault(True)
            page.practice_button.setFocus()

    def end_practice(self) -> None:
        """The practice round is over (or skipped): back to the new-session page, its seats as
        they were, to start the real game (play/practice.py). Nothing of it was saved."""
        c = self._controller
        if c is not None and c.has_game and c.session.practice and not (
                c.view.won is not None or c.session.ended_early):
            c.end_game()
        self.show_setup()

    def enter_game(self) -> None:
        """Show the game screen (and the board on the projector) for a game about to load."""
        self.pages.setCurrentWidget(self.game)
        if self.dual_screen:
            self._show_board_on_projector()

    # --- a projector connected or disconnected mid-session ---------------------------------

    def on_screen_added(self, screen: QScreen) -> None:
        """A second screen appeared (the projector's cable, plugged in after launch): the
        board goes full screen there and the laptop keeps the facilitator's column."""
        if self.dual_screen:
            return
        self.dual_screen = True
        self._board_screen = screen
        if self._game is not None:
            self._game.set_presenter(False)
            self._game.undock_board(self.board)
            if self.in_game:
                self._show_board_on_projector()
        self.statusBar().showMessage(
            _("A second screen ({screen}) is connected: the board shows there, the curtain "
              "stays on this screen.").format(screen=screen.name() or _("projector")), 15000,
        )

    def on_screen_removed(self, screen: QScreen) -> None:
        """The projector's screen went away: the board comes back beside the facilitator's
        column, so it never lands as a full-screen window over the laptop's curtain."""
        if not self.dual_screen or screen is not self._board_screen:
            return
        self.dual_screen = False
        self._board_screen = None
        if self._game is not None:
            self.board.showNormal()
            self._game.dock_board(self.board)
        self.statusBar().showMessage(
            _("The second screen was disconnected: the board is back on this screen."), 15000
        )

    def _show_board_on_projector(self) -> None:
        if self._board_screen is not None:
            self.board.setScreen(self._board_screen)
            self.board.setGeometry(self._board_screen.geometry())
            self.board.showFullScreen()
        else:
            self.board.show()

    def show_message(
        self, title: str, text: str, lines: Sequence[str] = (),
        *, icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
    ) -> QMessageBox:
        from consortium.ui.shell.messages import message  # noqa: PLC0415 - not at launch

        self.last_message = message(self, title, text, lines, icon=icon)
        return self.last_message

    def ask_end_game(self) -> None:
        """Facilitator → End the game early: asked first, since no Undo brings it back."""
        from consortium.engine.state import Phase  # noqa: PLC0415 - not at launch
        from consortium.ui.shell.messages import confirm  # noqa: PLC0415 - not at launch

        c = self.controller
        if not c.has_game or c.view.phase is Phase.GAME_OVER:
            return
        played = len(c.view.pit_stops)
        self.last_message = confirm(
            self, _("End the game now?"),
            _("End the game now? The debrief covers the rounds played in full: {played} of "
              "{rounds}.").format(played=played, rounds=c.view.rounds),
            _("This cannot be undone."), _("End the game"), _("Keep playing"), c.end_game,
        )

    def ask_fast_forward(self) -> None:
        """Facilitator → Fast-forward: bots take every decision to the end, people's too."""
        from consortium.engine.state import Phase  # noqa: PLC0415 - not at launch
        from consortium.ui.shell.messages import confirm  # noqa: PLC0415 - not at launch

        c = self.controller
        if not c.has_game or c.view.phase is Phase.GAME_OVER:
            return
        self.last_message = confirm(
            self, _("Let the bots play to the end?"),
            _("Bots take every remaining decision, people's included, to the end of the game."),
            _("This cannot be undone."), _("Fast-forward"), _("Keep playing"), c.fast_forward,
        )

    def print_hands(self) -> Path | None:
        """Session → Print hands…: the printed-hands PDF of this session (one page per seat
        and per newcomer envelope), where the facilitator chooses."""
        from consortium.ui.shell.file_dialogs import PDF  # noqa: PLC0415 - not at launch
        from consortium.ui.shell.print_hands import write_hands  # noqa: PLC0415

        c = self.controller
        if not c.has_game or not c.session.printed_hands:
            return None
        path = self.files.save_path(self, _("Print hands"), Path("hands.pdf"), _(PDF))
        if path is None:
            return None
        try:
            write_hands(path, c.play.history.start)
        except OSError as error:
            self.show_message(_("Cannot print hands"), _("Cannot write {path}: {reason}.").format(
                path=path, reason=error.strerror or error))
            return None
        return path

    def export_report(self) -> tuple[Path, ...]:
        """Session → Export report…: the report to take home (a PDF) and its figures (two
        CSV files) side by side, where the facilitator chooses; only for a game that is
        over, else a message says so. The files written (none: cancelled or refused)."""
        from consortium.present.report_data import (  # noqa: PLC0415
            GameNotOver,
            report_input,
            report_predictions,
        )
        from consortium.store.save_file import session_code  # noqa: PLC0415
        from consortium.ui.board.what_if_band import WhatIfPicture  # noqa: PLC0415
        from consortium.ui.shell.file_dialogs import PDF  # noqa: PLC0415 - not at launch
        from consortium.ui.shell.report import (  # noqa: PLC0415
            write_handout_pdf,
            write_report_csv,
            write_report_pdf,
        )

        c = self.controller
        if not c.has_game:
            return ()
        state = c.state
        what_if = c.what_if_result()
        try:
            report = report_input(
                state, session_code=session_code(state.ctx.scenario, state.ctx.config),
                started_at=c.started_at, people=c.room.people, ended_early=c.room.ended_early,
                what_if=WhatIfPicture(what_if) if what_if is not None else None,
                predictions=report_predictions(state, c.room.notes, what_if),
                agreement=c.room.notes.agreement)
        except GameNotOver:
            self.show_message(
                _("No report yet"),
                _("The game is not over yet: the report is made after the last round, or "
                  "after Facilitator → End the game early."))
            return ()
        path = self.files.save_path(self, _("Export report"), Path("report.pdf"), _(PDF))
        if path is None:
            return ()
        pdf = path.with_suffix(".pdf")
        target = pdf
        handout = pdf.with_name(pdf.stem + "-agreement.pdf")
        try:
            write_report_pdf(pdf, report)
            target = pdf.with_suffix(".csv")
            tables = write_report_csv(target, report)
            target = handout
            write_handout_pdf(handout, report)
        except OSError as error:
            self.show_message(_("Cannot export the report"),
                              _("Cannot write {path}: {reason}.").format(
                                  path=target, reason=error.strerror or error))
            return ()
        written = (pdf, handout, *tables)
        self.show_message(_("Report exported"), _("The report and its figures were written:"),
                          [str(p) for p in written], icon=QMessageBox.Icon.Information)
        return written

    def compare_sessions(self) -> CompareWindow:
        """Session → Compare sessions…: the tables of a room side by side, in a window of its
        own (it can go to the projector), which asks for the saves (docs/compare.md)."""
        from consortium.ui.shell.compare_dialog import CompareWindow  # noqa: PLC0415

        if self.compare_window is None:
            self.compare_window = CompareWindow(self.files, parent=self)
            screen = self.screen().availableGeometry()
            self.compare_window.resize(min(1600, screen.width() * 9 // 10),
                                       min(900, screen.height() * 9 // 10))
        self.compare_window.show()
        self.compare_window.raise_()
        self.compare_window.activateWindow()
        return self.compare_window

    def ask_name_holder(self) -> None:
        """Facilitator → Name a holder…: a dialog on the laptop, with a confirm step."""
        from consortium.ui.laptop.name_holder_dialog import NameHolderDialog  # noqa: PLC0415

        c = self.controller
        if not c.has_game:
            return
        if c.session.printed_hands:  # no hidden card is listed: the holder says it aloud
            from consortium.ui.laptop.printed_holder_dialog import (  # noqa: PLC0415
                PrintedHolderDialog,
            )

            printed = PrintedHolderDialog(c.view, self)
            printed.named.connect(c.enter_holder)
            printed.finished.connect(printed.deleteLater)
            self.printed_holder_dialog = printed
            printed.open()
            return
        dialog = NameHolderDialog(c.view, c.hidden_cards(), self,
                                  shared_screen=not self.dual_screen)
        dialog.named.connect(c.name_holder)
        dialog.finished.connect(self._on_name_holder_finished)
        self.name_holder_dialog = dialog
        dialog.open()

    def _on_name_holder_finished(self) -> None:
        dialog, self.name_holder_dialog = self.name_holder_dialog, None
        if dialog is not None:
            dialog.hide()
            dialog.deleteLater()  # the hidden cards it listed go with it

    def _on_save_status_changed(self, status: SaveStatus) -> None:
        """Said once when saving fails, cleared once when it works again."""
        if not status.ok:
            self._save_failing = status.folder
            self.save_status.setText(status.message)
            self.save_status.show()
            return
        self.save_status.clear()
        self.save_status.hide()
        failing, self._save_failing = self._save_failing, None
        if failing == status.folder:  # not a new session's clean slate
            self.statusBar().showMessage(
                _("Saving works again ({folder}).").format(folder=status.folder), 15000)

    def come_forward(self) -> None:
        """Consortium was started again on this data folder (:mod:`consortium.ui.shell.one_copy`):
        this window is the one in use. Restored if minimized, brought to the front, and
        said in the status bar, since the new launch opened nothing of its own."""
        from PySide6.QtCore import Qt  # noqa: PLC0415 - not at launch: the first touch of Qt's namespace builds its hundred enums

        state = self.windowState()
        if state & Qt.WindowState.WindowMinimized:
            self.setWindowState(state & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()
        dialog = QApplication.activeModalWidget()
        if dialog is not None:  # a question open in this window stays in front of it
            dialog.raise_()
            dialog.activateWindow()
        self.statusBar().showMessage(
            _("Consortium was started again: it is already open, in this window."), 15000
        )

    def show_help(self) -> None:
        """How to play, the facilitator guide and the keys (ui/shell/help_dialog.py)."""
        from consortium.ui.shell.help_dialog import HelpDialog  # noqa: PLC0415 - not at launch

        if self.help_dialog is not None:
            self.help_dialog.close()
        self.help_dialog = HelpDialog(_(HELP_TEXT), lambda: self.files, self)
        self.help_dialog.open()

    # --- settings (issue 15; docs/settings.md) ----------------------------------------------

    def _language_choices(self) -> list[tuple[str, str]]:
        return [(code, language_name(code)) for code in self._languages]

    @staticmethod
    def _desktop_languages() -> list[str]:
        return list(QLocale.system().uiLanguages())

    def show_settings(self) -> None:
        """The Settings page, from the start screen or Session → Settings… (mid-game too:
        Back returns to the page it was opened from)."""
        current = self.pages.currentWidget()
        if current is not self.settings_page or self._settings_from is None:
            self._settings_from = current if current is not self.settings_page else self.start
        page = self.settings_page
        if page is None or page.settings != self.settings:
            page = self._rebuild_settings_page()
        self.pages.setCurrentWidget(page)
        page.focus_first()

    def _rebuild_settings_page(self) -> SettingsPage:
        """The Settings page, built anew (in the language in use) in the old one's place."""
        from consortium.store.paths import program_folder, resolve_paths  # noqa: PLC0415
        from consortium.ui.shell.settings_page import SettingsPage  # noqa: PLC0415 - not at launch

        paths = self.paths
        if paths is None:  # a window without a data folder (tests, benchmarks)
            from consortium.store.paths import DataPaths  # noqa: PLC0415

            here = Path.cwd()
            paths = DataPaths(data=here, config=here, portable=False)
        program = program_folder()
        choose = self._choose_data_folder
        page = SettingsPage(
            self.settings, paths=paths, languages=self._languages,
            system_language=system_language(self._languages,
                                            desktop=self._desktop_languages()),
            forced_language=self._forced_language(), program=program,
            default_data=lambda: resolve_paths(portable=False, program=program).data,
            choose_folder=choose, problems=self.settings_problems,
        )
        page.settings_changed.connect(self.change_settings)
        page.back_requested.connect(self._on_settings_back_requested)
        old, self.settings_page = self.settings_page, page
        self.pages.addWidget(page)
        if old is not None:
            if self.pages.currentWidget() is old:
                self.pages.setCurrentWidget(page)
            self.pages.removeWidget(old)
            old.deleteLater()
        return page

    def _choose_data_folder(self, parent: QWidget, start: Path) -> Path | None:
        return self.files.open_folder(parent, _("Choose a data folder"), start)

    @staticmethod
    def _forced_language() -> str:
        import os  # noqa: PLC0415

        return os.environ.get(LANGUAGE_VARIABLE, "").strip()

    def _on_settings_back_requested(self) -> None:
        target = self._settings_from
        self._settings_from = None
        if target is None or self.pages.indexOf(target) < 0:
            target = self.game if self.in_game else self.start
        self.pages.setCurrentWidget(target)

    def _on_language_chosen(self, code: str) -> None:
        """The start screen's picker: the same as choosing it in Settings."""
        self.change_settings(self.settings._replace(language=code))

    def change_settings(self, settings: Settings) -> None:
        """Use ``settings`` now and save them (a failed save is said; they still apply until
        the program closes)."""
        old, self.settings = self.settings, settings
        if settings == old:
            return
        self._save_settings()
        if (settings.text_size, settings.high_contrast) != (old.text_size, old.high_contrast):
            self.set_theme(self.theme._replace(zoom=settings.text_size / 100,
                                               high_contrast=settings.high_contrast))
        if settings.talk_clock_default != old.talk_clock_default and self.setup_page:
            self.setup_page.talk_clock.setChecked(settings.talk_clock_default)
        if settings.language != old.language:
            self.apply_language()
        if self.settings_page is not None and self.settings_page.settings != settings:
            self._rebuild_settings_page()  # changed elsewhere (the start screen's picker)

    def _save_settings(self) -> None:
        from consortium.store.settings import write_settings  # noqa: PLC0415 - not at launch

        if self.paths is None:
            return
        try:
            write_settings(self.paths.settings, self.settings)
        except OSError as error:
            from consortium.present.reason_words import os_reason  # noqa: PLC0415

            text = _("The settings cannot be saved to {path}: {reason}. They apply until "
                     "Consortium closes.").format(path=self.paths.settings,
                                                  reason=os_reason(error))
            self.settings_problems = (text,)
            self.say(text, 15000)
        else:
            self.settings_problems = ()
        if self.settings_page is not None:
            self.settings_page.show_problems(self.settings_problems)

    def _say_settings_problems(self) -> None:
        from consortium.present.i18n import ngettext  # noqa: PLC0415

        count = len(self.settings_problems)
        self.say(ngettext("A setting was not used: {problem} (see Settings).",
                          "{count} settings were not used; Settings lists them.",
                          count).format(problem=self.settings_problems[0], count=count), 20000)

    def apply_language(self) -> None:
        """Show the language the settings (or the environment, or the system) ask for, at
        once: see the module docstring."""
        chosen = choose_language(self.settings.language, self._languages,
                                 desktop=self._desktop_languages())
        if chosen.language == language():
            return
        use_language(chosen.language)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            from consortium.ui.kit.qt_translations import install_qt_translations  # noqa: PLC0415

            if self.qt_translator is not None:
                app.removeTranslator(self.qt_translator)
                self.qt_translator.deleteLater()
            self.qt_translator = install_qt_translations(app, chosen.language)
        self.start.retranslate()
        self.start.set_languages(self._language_choices(), chosen.language)
        self.menu.retranslate()
        if self._save_status is not None:
            self._save_status.setAccessibleName(_("Save status"))
        if self.resume_page is not None:  # built anew when next shown
            page, self.resume_page = self.resume_page, None
            self.pages.removeWidget(page)
            page.deleteLater()
        self._rebuild_setup_page()
        if self.settings_page is not None:
            self._rebuild_settings_page()
        if self._game is not None:
            self._rebuild_game()

    def _rebuild_setup_page(self) -> None:
        """The new-session page in the new language, with what the trainer had entered (its
        table code, the seats' names and who is a bot, the talk clock and hands). A page set
        up from a scenario file the new page cannot read back is kept as it is."""
        old = self.setup_page
        if old is None:
            return
        edited = old.edited()
        new = self._make_setup_page()
        if edited:
            if new.apply_code(old.table_code()) is not None:
                self.pages.removeWidget(new)
                new.deleteLater()
                return
            new.seats.set_seats(old.seats.seats())
            new.hands.setCurrentIndex(old.hands.currentIndex())
        new.talk_clock.setChecked(old.talk_clock.isChecked())
        self.setup_page = new
        if self.pages.currentWidget() is old:
            self.pages.setCurrentWidget(new)
        if self._settings_from is old:
            self._settings_from = new
        self.pages.removeWidget(old)
        old.deleteLater()

    def _rebuild_game(self) -> None:
        """The game screen and the board built anew from the same controller (their words are
        read when they are built). The game, its autosave, the phones and the bots' timer
        stay in the controller; the new widgets are told the whole game at once."""
        from PySide6.QtCore import Qt  # noqa: PLC0415 - not at launch

        from consortium.ui.board.board_window import BoardWindow  # noqa: PLC0415
        from consortium.ui.shell.game_screen import GameScreen  # noqa: PLC0415

        old_game, old_board = self._game, self._board
        assert old_game is not None and old_board is not None and self._controller is not None
        showing = self.pages.currentWidget() is old_game
        floating = old_game.floating
        on_projector = self.dual_screen and old_board.isVisible()
        board = BoardWindow(self._controller)
        game = GameScreen(self._controller, board, board_here=not self.dual_screen)
        if self.dual_screen:
            board.setParent(None)
            board.setWindowFlag(Qt.WindowType.Window, True)
        self._board, self._game = board, game
        game.panel.practice_done.connect(self.end_practice)
        self.pages.addWidget(game)
        game.set_text_size(self.theme.zoom)
        if showing:
            self.pages.setCurrentWidget(game)
        if self._settings_from is old_game:
            self._settings_from = game
        if self._phones is not None:
            self._phones.use_curtain(game.curtain)
            game.panel.take_back.connect(self._phones.to_curtain)
        if old_game.floating:
            old_game.set_presenter(False)
        self.pages.removeWidget(old_game)
        old_board.hide()
        old_game.hide()
        old_game.deleteLater()
        old_board.deleteLater()
        if self._controller.has_game:
            self._controller.retell()
        if floating:
            game.set_presenter(True)
        if self._presenter_target is old_board:
            self._presenter_target = board
        if on_projector:
            self._show_board_on_projector()

    # --- view -------------------------------------------------------------------------

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app)
        if self._game is not None:
            self._game.set_text_size(theme.zoom)

    def _on_presenter_toggled(self, on: bool) -> None:
        self.set_theme(self.theme._replace(presenter=on))
        if self._game is not None:
            # one screen: the board takes the whole screen, the facilitator's column floats
            self._game.set_presenter(on and not self.dual_screen)
        if self._save_status is not None or on:
            self.statusBar().setVisible(not on)  # the room's screen is the board's alone
        if on:
            # the window that went full screen is the one to bring back, even if a projector
            # was plugged in or out in between
            self._presenter_target = self.board if self.dual_screen else self
            self._presenter_target.showFullScreen()
            return
        target = self._presenter_target or self
        self._presenter_target = None
        if target is self.board and not self.dual_screen:
            return  # the board went back beside the curtain when the projector left
        if target is not self or not self.menu.full_screen.isChecked():
            target.showNormal()

    def _on_full_screen_toggled(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    def closeEvent(self, event: QCloseEvent) -> None:
        """The projector's board window closes with the laptop's window; the autosave ends
        cleanly (the session stays in the resume list, with no crash offer next time)."""
        if self._phones is not None:
            self._phones.turn_off()  # the server stops with the program
        if self._controller is not None:
            self._controller.shutdown()
        if self.dual_screen and self._board is not None:
            self._board.close()
        super().closeEvent(event)
