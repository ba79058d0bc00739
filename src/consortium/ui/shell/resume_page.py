"""The Resume page: unfinished sessions, newest first, with scenario, round, phase, players
and when they were last saved (FACILITATION.md, "Start"); and a way to open a save file
brought on a USB stick.

Shows the store's resume list (:func:`~consortium.store.sessions.list_sessions`, read from
each save's header, no replay). Emits ``open_requested(SessionEntry)`` (Enter, a double
click or "Open"), ``remove_requested(SessionEntry)`` ("Remove from the list" or Delete: the
session is put away, never deleted), ``open_file_requested`` and ``back_requested``. Listens
to no game signal.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QModelIndex, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consortium.present.i18n import N_, _, language
from consortium.present.labels import phase_label
from consortium.present.scenario_words import saved_title
from consortium.store.save_file import SaveHeader
from consortium.store.sessions import SessionEntry
from consortium.ui.kit.button_row import ButtonRow
from consortium.ui.kit.table_model import RowsModel
from consortium.ui.kit.widgets import button, label
from consortium.ui.kit.wrapping_header import WrappingHeader

COLUMNS = (N_("Scenario"), N_("Round"), N_("Phase"), N_("Players"), N_("Last saved"))


def when(moment: datetime) -> str:
    """A save's time as the trainer's clock shows it: 'Thu 28 Nov, 14:05', the day and month
    named in the language of the words (Qt's locale data; English for English and for a
    language Qt does not know)."""
    local = moment.astimezone()
    shown = QDateTime(QDate(local.year, local.month, local.day),
                      QTime(local.hour, local.minute))
    return QLocale(language()).toString(shown, "ddd dd MMM, HH:mm")


def session_row(entry: SessionEntry) -> tuple[str, ...]:
    h: SaveHeader = entry.header
    round_text = _("Setting up") if h.round == 0 else _("Round {number} of {rounds}").format(
        number=h.round, rounds=h.rounds)
    saved = when(h.saved_at)
    if entry.in_use:
        saved = _("{saved} · open in another window").format(saved=saved)
    elif entry.interrupted:
        saved = _("{saved} · not closed (interrupted)").format(saved=saved)
    return (saved_title(h), round_text, phase_label(h.phase), ", ".join(h.players), saved)


class _SessionsTable(QTableView):
    activated_row = Signal(int)
    delete_row = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.currentIndex().isValid():
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.activated_row.emit(self.currentIndex().row())
                return
            if event.key() == Qt.Key.Key_Delete:
                self.delete_row.emit(self.currentIndex().row())
                return
        super().keyPressEvent(event)


class ResumePage(QWidget):
    open_requested = Signal(object)
    remove_requested = Signal(object)
    open_file_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Resume a session"))
        self.entries: tuple[SessionEntry, ...] = ()
        self.model = RowsModel([_(column) for column in COLUMNS], self)
        self.table = _SessionsTable()
        self.table.setHorizontalHeader(WrappingHeader(self.table))
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Unfinished sessions, newest first"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        # the columns share the page's width and their words wrap: at 200 % text their
        # contents side by side were wider than a laptop (a table never scrolls sideways)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.empty = label(_("No unfinished sessions. Every session is saved after each action "
                             "and listed here until its game ends."), name="big", wrap=True)
        self.open_button = button(_("Open the selected session (Enter)"),
                                  accessible=_("Open the selected session"),
                                  description=_("The game goes on where it was last saved."))
        self.open_button.setAutoDefault(True)
        self.remove_button = button(
            _("Remove from the list (Delete)"), "secondary",
            accessible=_("Remove the selected session from the list; its files are kept"),
        )
        self.remove_button.setToolTip(_("Nothing is deleted: the session's saves stay in its "
                                        "folder and open with “Open a save file…”."))
        self.file_button = button(_("Open a save file…"), "secondary",
                                  description=_("Choose a saved session file anywhere on "
                                                "this computer."))
        self.back_button = button(_("Back"), "secondary",
                                  description=_("Back to the start screen."))
        bottom = ButtonRow()  # stacked when the row is wider than the screen (200 %)
        bottom.add(self.back_button)
        bottom.add(self.file_button)
        bottom.add_stretch()
        bottom.add(self.remove_button)
        bottom.add(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(label(_("Resume a session"), name="title"))
        layout.addWidget(label(_("Opening a session puts the group back exactly where it was, "
                                 "with the curtain down."), name="hint", wrap=True))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(bottom)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.file_button.clicked.connect(self.open_file_requested)
        self.back_button.clicked.connect(self.back_requested)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.activated_row.connect(self._open_row)
        self.table.delete_row.connect(self._remove_row)
        self.remove_button.clicked.connect(
            lambda: self._remove_row(self.table.currentIndex().row())
        )

    def set_entries(self, entries: Sequence[SessionEntry]) -> None:
        self.entries = tuple(entries)
        self.model.set_rows([session_row(e) for e in self.entries])
        self.empty.setVisible(not self.entries)
        self.table.setVisible(bool(self.entries))
        self.open_button.setEnabled(bool(self.entries))
        self.remove_button.setEnabled(bool(self.entries))
        if self.entries:
            self.table.selectRow(0)

    def focus_first(self) -> None:
        (self.table if self.entries else self.file_button).setFocus(
            Qt.FocusReason.OtherFocusReason
        )

    def _on_open_clicked(self) -> None:
        self._open_row(self.table.currentIndex().row())

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        self._open_row(index.row())

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.entries):
            self.open_requested.emit(self.entries[row])

    def _remove_row(self, row: int) -> None:
        if 0 <= row < len(self.entries):
            self.remove_requested.emit(self.entries[row])
