"""The new-session page's participant table: name, sector, person or bot (3–8 seats).

An editable table model over a list of ``SeatSetup`` values; the sector and kind columns are
edited with a combo box (see ``setup_page``). It knows the scenario's sectors by id and name.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from consortium.engine.setup import DEFAULT_BOT, SEATS, typed_name
from consortium.engine.state import SeatSetup
from consortium.present.i18n import N_, _, pgettext

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Name", N_("Sector"), N_("Person or bot"))
"""The columns, in English: the first is translated with a context of its own (a plain "Name"
is the debrief's third step, a verb: "Benämna", not "Namn")."""
PERSON = N_("Person")  # the kind column's values in English; shown and typed translated too
BOT = N_("Bot")


class SeatsModel(QAbstractTableModel):
    def __init__(
        self, sectors: Sequence[tuple[str, str]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._sectors = tuple(sectors)  # (id, name)
        self._seats: list[SeatSetup] = []

    @property
    def sector_names(self) -> list[str]:
        return [name for _id, name in self._sectors]

    def set_sectors(self, sectors: Sequence[tuple[str, str]]) -> None:
        self.beginResetModel()
        self._sectors = tuple(sectors)
        ids = [i for i, _name in self._sectors]
        self._seats = [
            s if s.sector in ids else attrs.evolve(s, sector=ids[n % len(ids)])
            for n, s in enumerate(self._seats)
        ]
        self.endResetModel()

    def set_seats(self, seats: Sequence[SeatSetup]) -> None:
        self.beginResetModel()
        self._seats = list(seats)
        self.endResetModel()

    def seats(self) -> tuple[SeatSetup, ...]:
        return tuple(self._seats)

    def add_seat(self) -> bool:
        n = len(self._seats)
        if n >= SEATS.high or not self._sectors:
            return False
        self.beginInsertRows(QModelIndex(), n, n)
        sector = self._sectors[n % len(self._sectors)][0]
        self._seats.append(SeatSetup(_("Bot {number}").format(number=n + 1), sector, DEFAULT_BOT))
        self.endInsertRows()
        return True

    def remove_seat(self, row: int) -> bool:
        if len(self._seats) <= SEATS.low or not 0 <= row < len(self._seats):
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._seats[row]
        self.endRemoveRows()
        return True

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._seats)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def _sector_name(self, sector_id: str) -> str:
        return next((n for i, n in self._sectors if i == sector_id), sector_id)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._seats):
            return None
        seat = self._seats[index.row()]
        column = index.column()
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            if column == 0:
                return seat.name
            if column == 1:
                return self._sector_name(seat.sector)
            if column == 2:
                return _(PERSON) if seat.bot is None else _(BOT)
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return _("A person plays behind the curtain; a bot plays by itself.")
        return None

    def setData(
        self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row, column = index.row(), index.column()
        if not 0 <= row < len(self._seats):
            return False
        seat = self._seats[row]
        text = str(value).strip()
        if column == 0 and text:
            seat = attrs.evolve(seat, name=typed_name(text))
        elif column == 1:
            ids = [i for i, n in self._sectors if text in (n, i)]
            if not ids:
                return False
            seat = attrs.evolve(seat, sector=ids[0])
        elif column == 2 and text in (PERSON, BOT, _(PERSON), _(BOT)):
            seat = attrs.evolve(seat, bot=None if text in (PERSON, _(PERSON)) else DEFAULT_BOT)
        else:
            return False
        self._seats[row] = seat
        self.dataChanged.emit(index, index, [role, Qt.ItemDataRole.DisplayRole])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            return pgettext("column", "Name") if section == 0 else _(HEADERS[section])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._seats):
            return _("Seat {number}").format(number=section + 1)
        return None
