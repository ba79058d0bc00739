"""The facilitator's menu bar: never in the players' way, every item with a shortcut.

Session: new session, resume a session, open a save file, save as, print hands (a
printed-hands session only), export the report (once the game is over), compare sessions (the
tables of a room, from their saves), settings (Ctrl+,), quit. Facilitator:
phones (on/off, each seat to its phone or back to the curtain), undo (Ctrl+Z) and redo
(Ctrl+Y, Ctrl+Shift+Z), talk clock, pause, skip a turn, replace a person by a bot and back
(per seat), fast-forward by bots, name a holder, reveal, end the game early. View: presenter
mode, full screen (F11), zoom (Ctrl +/−/0). Help (F1). Listens to
``GameController.changed`` to enable items, to say why Undo is not possible, and to name the
seats. :meth:`FacilitatorMenu.retranslate` words every item anew after a language change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMenu

from consortium.present.i18n import N_, _

if TYPE_CHECKING:  # the controller module (and the engine's rules) load with the first game
    from consortium.engine.state import PublicState
    from consortium.play.records import Change, SessionView
    from consortium.ui.controller import GameController


def _action(menu: QMenu, text: str, shortcut: str | QKeySequence.StandardKey = "",
            checkable: bool = False) -> QAction:
    action = QAction(text, menu)
    if shortcut:
        # setShortcuts, not setShortcut: the same one sequence, and PySide6 resolves this
        # overload without building Qt's enums (launch time, bench/launch.py)
        action.setShortcuts([QKeySequence(shortcut)])
    action.setCheckable(checkable)
    menu.addAction(action)
    return action


UNDO = N_("Undo")


class _Now(NamedTuple):
    """What :meth:`FacilitatorMenu._on_game_changed` reads of a Change: the game as it is."""

    view: PublicState
    session: SessionView


class FacilitatorMenu:
    """Builds the menus on ``window``; once a game exists, :meth:`attach` connects them to
    its controller and keeps their state in step with the game."""

    def __init__(self, window: QMainWindow) -> None:
        bar = window.menuBar()
        self.bar = bar
        self.session_menu = bar.addMenu("")
        session = self.session_menu
        self.new_session = _action(session, "", "Ctrl+N")
        self.resume = _action(session, "")
        self.open_file = _action(session, "", "Ctrl+O")
        self.save_as = _action(session, "", "Ctrl+Shift+S")
        self.print_hands = _action(session, "")  # docs/printed-hands.md
        # the report to take home: only once the game is over (it reveals every hand)
        self.export_report = _action(session, "")
        # the tables of a room side by side, from their saves (docs/compare.md): any time
        self.compare = _action(session, "")
        session.addSeparator()
        self.settings = _action(session, "", "Ctrl+,")  # the start screen's Settings page
        session.addSeparator()
        self.quit = _action(session, "", "Ctrl+Q")
        menu = bar.addMenu("")
        menu.setToolTipsVisible(True)  # a greyed-out Undo says why
        self.menu = menu
        self.undo = _action(menu, "", "Ctrl+Z")
        # Ctrl+Z while Undo is greyed out: the same key says why on the board (a notice),
        # instead of nothing at all
        self.undo_refused = QShortcut(QKeySequence("Ctrl+Z"), window)
        self.undo_refused.setEnabled(False)
        self.redo = _action(menu, "", "Ctrl+Y")
        self.redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        menu.addSeparator()
        self.clock = _action(menu, "", "Ctrl+T")
        self.pause = _action(menu, "", "Ctrl+P", checkable=True)
        self.skip = _action(menu, "", "Ctrl+K")
        self.seats = menu.addMenu("")
        self.fast_forward = _action(menu, "", "Ctrl+Shift+F")
        self.phones = _action(menu, "")  # docs/phones.md
        self.name_holder = _action(menu, "", "Ctrl+H")
        self.reveal = _action(menu, "", "Ctrl+R")
        self.end_game = _action(menu, "", "Ctrl+E")
        self.view_menu = bar.addMenu("")
        view = self.view_menu
        self.presenter = _action(view, "", "F5", checkable=True)
        self.full_screen = _action(view, "", "F11", checkable=True)
        self.zoom_in = _action(view, "", "Ctrl++")
        self.zoom_in.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.zoom_out = _action(view, "", "Ctrl+-")
        self.zoom_reset = _action(view, "", "Ctrl+0")
        self.help_menu = bar.addMenu("")
        self.help = _action(self.help_menu, "", "F1")
        self._seat_key: tuple[object, ...] | None = None
        self._controller: GameController | None = None
        self._blocked: str | None = None
        self.retranslate()
        self._enable(False)

    def retranslate(self) -> None:
        """Every menu's words in the language in use (after a change in Settings): the same
        actions, so their connections and shortcuts stay."""
        self.bar.setAccessibleName(_("Menu"))
        self.session_menu.setTitle(_("&Session"))
        for action, text in (
            (self.new_session, _("New session…")), (self.resume, _("Resume a session…")),
            (self.open_file, _("Open a save file…")), (self.save_as, _("Save as…")),
            (self.print_hands, _("Print hands…")), (self.export_report, _("Export report…")),
            (self.compare, _("Compare sessions…")), (self.settings, _("Settings…")),
            (self.quit, _("Quit")),
            (self.redo, _("Redo")), (self.clock, _("Start/stop the talk clock")),
            (self.pause, _("Pause")), (self.skip, _("Skip this turn (Stay, or sit out)")),
            (self.fast_forward, _("Fast-forward the rest by bots")),
            (self.phones, _("Phones…")), (self.name_holder, _("Name a holder…")),
            (self.reveal, _("Reveal hands (end of game)")),
            (self.end_game, _("End the game early")),
            (self.presenter, _("Presenter mode (full screen, the board alone)")),
            (self.full_screen, _("Full screen")), (self.zoom_in, _("Zoom in")),
            (self.zoom_out, _("Zoom out")), (self.zoom_reset, _("Normal size")),
            (self.help, _("Help")),
        ):
            action.setText(text)
        self.menu.setTitle(_("&Facilitator"))
        self.seats.setTitle(_("Replace a person by a bot, or back"))
        self.view_menu.setTitle(_("&View"))
        self.help_menu.setTitle(_("&Help"))
        self._show_undo(self._blocked)
        if self._controller is not None and self._controller.has_game:
            self._seat_key = None  # the seats' items are worded anew
            self._on_game_changed_now()

    def attach(self, controller: GameController) -> None:
        self._controller = controller
        self.clock.triggered.connect(controller.toggle_clock)
        self.pause.toggled.connect(controller.set_paused)
        self.skip.triggered.connect(controller.skip_turn)
        # fast-forward and end game ask first: the window connects them (MainWindow.confirm)
        self.reveal.triggered.connect(controller.reveal)
        self.undo.triggered.connect(controller.undo)
        self.undo_refused.activated.connect(controller.undo)
        self.redo.triggered.connect(controller.redo)
        controller.changed.connect(self._on_game_changed)

    def _seat_setter(self, seat: int, person: bool) -> Callable[..., None]:
        def set_seat(*_args: object) -> None:
            if self._controller is not None:
                self._controller.set_person(seat, person)

        return set_seat

    def _enable(self, in_game: bool) -> None:
        for action in (self.clock, self.pause, self.skip, self.fast_forward, self.reveal,
                       self.end_game, self.undo, self.redo, self.name_holder, self.save_as,
                       self.print_hands, self.phones, self.export_report):
            action.setEnabled(in_game)
        self.seats.setEnabled(in_game)

    def _on_game_changed_now(self) -> None:
        assert self._controller is not None
        self._on_game_changed(_Now(self._controller.view, self._controller.session))

    def _on_game_changed(self, change: Change | _Now) -> None:
        from consortium.engine.state import Phase  # noqa: PLC0415 - not at launch

        controller = self._controller
        assert controller is not None
        view, s = change.view, change.session
        over = view.phase is Phase.GAME_OVER or s.ended_early
        self._enable(True)
        self.clock.setEnabled(not over)  # also switches the clock on mid-game
        self.pause.blockSignals(True)
        self.pause.setChecked(s.paused)
        self.pause.blockSignals(False)
        self.pause.setEnabled(not over)
        self.skip.setEnabled(view.actor is not None and not over and not s.paused)
        self.fast_forward.setEnabled(not over and not s.fast_forward)
        self.end_game.setEnabled(not over)
        self.reveal.setEnabled(controller.can_reveal and not s.revealed)
        self.name_holder.setEnabled(not over and not s.paused)
        self.print_hands.setEnabled(s.printed_hands)  # a curtain game prints no hands
        self.export_report.setEnabled(over)
        self.phones.setEnabled(not over and not s.printed_hands)
        self._show_undo(controller.undo_blocked())
        self.redo.setEnabled(controller.can_redo)
        key = (tuple(p.name for p in view.participants), s.people, over)
        if key != self._seat_key:
            self._seat_key = key
            self.seats.clear()
            for seat, p in enumerate(view.participants):
                text = (_("{name} (person): make a bot") if s.is_person(seat)
                        else _("{name} (bot): make a person"))
                action = self.seats.addAction(text.format(name=p.name))
                action.triggered.connect(self._seat_setter(seat, not s.is_person(seat)))
                action.setEnabled(not over)

    def _show_undo(self, blocked: str | None) -> None:
        """Undo greyed out with the reason in its text, tooltip and status tip, or enabled."""
        self._blocked = blocked
        self.undo.setEnabled(blocked is None)
        self.undo_refused.setEnabled(blocked is not None)
        text = _(UNDO) if blocked is None else _("Undo (not possible: {reason})").format(
            reason=blocked)
        tip = (_("Back to the last decision a person or the facilitator made")
               if blocked is None else _("Undo is not possible: {reason}.").format(
                   reason=blocked))
        self.undo.setText(text)
        self.undo.setToolTip(tip)
        self.undo.setStatusTip(tip)
