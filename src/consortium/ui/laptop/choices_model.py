"""A list of choices, each a line of text standing for one legal action.

Behind the curtain it lists one person's choices (built from their player view); on the
facilitator panel it lists public group choices such as perspective-check invitations. The
model is cleared when the curtain drops, so nothing private stays in it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from consortium.engine.actions import Action

Index = QModelIndex | QPersistentModelIndex
ActionRole = Qt.ItemDataRole.UserRole + 1


class ChoicesModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[tuple[str, Action, str], ...] = ()

    def set_choices(self, rows: Sequence[tuple[str, Action, str]]) -> None:
        """Rows of (text, action, longer description)."""
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_choices(())

    def action(self, row: int) -> Action | None:
        return self._rows[row][1] if 0 <= row < len(self._rows) else None

    def texts(self) -> list[str]:
        return [r[0] for r in self._rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        text, action, description = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return description or text
        if role == ActionRole:
            return action
        return None
