"""The facilitator's menu bar: never in the players' way, every item with a shortcut.

Session: new session, resume a session, open a save file, save as, print hands (a
printed-hands session only), export the report (once the game is over), compare sessions (the
tables of a room, from their saves), quit. Facilitator:
phones (on/off, each seat to its phone or back to the curtain), undo (Ctrl+Z) and redo
(Ctrl+Y, Ctrl+Shift+Z), talk clock, pause, skip a turn, replace a person by a bot and back
(per seat), fast-forward by bots, name a holder, reveal, end the game early. View: presenter
mode, full screen (F11), zoom (Ctrl +/−/0). Help (F1). Listens to
``GameController.changed`` to enable items, to say why Undo is not possible, and to name the
seats.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMenu

from consortium.present.i18n import N_, _

if TYPE_CHECKING:  # the controller module (and the engine's rules) load with the first game
    from consortium.play.records import Change
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


class FacilitatorMenu:
    """Builds the menus on ``window``; once a game exists, :meth:`attach` connects them to
    its controller and keeps their state in step with the game."""

    def __init__(self, window: QMainWindow) -> None:
        bar = window.menuBar()
        bar.setAccessibleName(_("Menu"))
        session = bar.addMenu(_("&Session"))
        self.new_session = _action(session, _("New session…"), "Ctrl+N")
        self.resume = _action(session, _("Resume a session…"))
        self.open_file = _action(session, _("Open a save file…"), "Ctrl+O")
        self.save_as = _action(session, _("Save as…"), "Ctrl+Shift+S")
        self.print_hands = _action(session, _("Print hands…"))  # docs/printed-hands.md
        # the report to take home: only once the game is over (it reveals every hand)
        self.export_report = _action(session, _("Export report…"))
        # the tables of a room side by side, from their saves (docs/compare.md): any time
        self.compare = _action(session, _("Compare sessions…"))
        session.addSeparator()
        self.quit = _action(session, _("Quit"), "Ctrl+Q")
        menu = bar.addMenu(_("&Facilitator"))
        menu.setToolTipsVisible(True)  # a greyed-out Undo says why
        self.menu = menu
        self.undo = _action(menu, _(UNDO), "Ctrl+Z")
        # Ctrl+Z while Undo is greyed out: the same key says why on the board (a notice),
        # instead of nothing at all
        self.undo_refused = QShortcut(QKeySequence("Ctrl+Z"), window)
        self.undo_refused.setEnabled(False)
        self.redo = _action(menu, _("Redo"), "Ctrl+Y")
        self.redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        menu.addSeparator()
        self.clock = _action(menu, _("Start/stop the talk clock"), "Ctrl+T")
        self.pause = _action(menu, _("Pause"), "Ctrl+P", checkable=True)
        self.skip = _action(menu, _("Skip this turn (Stay, or sit out)"), "Ctrl+K")
        self.seats = menu.addMenu(_("Replace a person by a bot, or back"))
        self.fast_forward = _action(menu, _("Fast-forward the rest by bots"), "Ctrl+Shift+F")
        self.phones = _action(menu, _("Phones…"))  # docs/phones.md
        self.name_holder = _action(menu, _("Name a holder…"), "Ctrl+H")
        self.reveal = _action(menu, _("Reveal hands (end of game)"), "Ctrl+R")
        self.end_game = _action(menu, _("End the game early"), "Ctrl+E")
        view = bar.addMenu(_("&View"))
        self.presenter = _action(view, _("Presenter mode (full screen, the board alone)"), "F5",
                                 checkable=True)
        self.full_screen = _action(view, _("Full screen"), "F11", checkable=True)
        self.zoom_in = _action(view, _("Zoom in"), "Ctrl++")
        self.zoom_in.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.zoom_out = _action(view, _("Zoom out"), "Ctrl+-")
        self.zoom_reset = _action(view, _("Normal size"), "Ctrl+0")
        help_menu = bar.addMenu(_("&Help"))
        self.help = _action(help_menu, _("Help"), "F1")
        self._seat_key: tuple[object, ...] | None = None
        self._enable(False)

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
            self._controller.set_person(seat, person)

        return set_seat

    def _enable(self, in_game: bool) -> None:
        for action in (self.clock, self.pause, self.skip, self.fast_forward, self.reveal,
                       self.end_game, self.undo, self.redo, self.name_holder, self.save_as,
                       self.print_hands, self.phones, self.export_report):
            action.setEnabled(in_game)
        self.seats.setEnabled(in_game)

    def _on_game_changed(self, change: Change) -> None:
        from consortium.engine.state import Phase  # noqa: PLC0415 - not at launch

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
        self.reveal.setEnabled(self._controller.can_reveal and not s.revealed)
        self.name_holder.setEnabled(not over and not s.paused)
        self.print_hands.setEnabled(s.printed_hands)  # a curtain game prints no hands
        self.export_report.setEnabled(over)
        self.phones.setEnabled(not over and not s.printed_hands)
        self._show_undo(self._controller.undo_blocked())
        self.redo.setEnabled(self._controller.can_redo)
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
