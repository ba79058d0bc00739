"""The public event log as a list model (one row per ``LogEntry`` of the public view, its
Event put into words by :func:`consortium.present.event_words.log_text`)."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from consortium.engine.state import Catalog, LogEntry
from consortium.present.event_words import log_text
from consortium.present.i18n import _

Index = QModelIndex | QPersistentModelIndex


class LogModel(QAbstractListModel):
    """Rows are log entries, oldest first; appending entries inserts rows at the end."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: tuple[LogEntry, ...] = ()
        self._catalog: Catalog | None = None  # the scenario's words in the current language

    def set_entries(self, entries: tuple[LogEntry, ...], catalog: Catalog | None = None
                    ) -> None:
        self._catalog = catalog
        old = self._entries
        if entries[: len(old)] == old and len(entries) >= len(old):
            if len(entries) > len(old):
                self.beginInsertRows(QModelIndex(), len(old), len(entries) - 1)
                self._entries = entries
                self.endInsertRows()
            return
        self.beginResetModel()
        self._entries = entries
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        text = log_text(entry, self._catalog)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return _("R{round}  {text}").format(round=entry.round, text=text)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _("Round {round}: {text}").format(round=entry.round, text=text)
        return None
