"""Everything a widget tree could show: texts, tooltips, accessible names and descriptions,
window titles, progress formats, combo items and every item model's data for every role."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QProgressBar, QWidget

ROLES = [*range(40), *range(int(Qt.ItemDataRole.UserRole), int(Qt.ItemDataRole.UserRole) + 8)]


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # QAbstractListModel makes columnCount private in PySide6: one column
        return 1


def _children(model: QAbstractItemModel, index: QModelIndex) -> bool:
    try:
        return model.hasChildren(index)
    except TypeError:  # idem for list and table models: they have no children
        return False


def model_dump(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    out: list[str] = []
    for role in ROLES:
        for section in range(_columns(model, parent)):
            out.append(repr(model.headerData(section, Qt.Orientation.Horizontal, role)))
    for row in range(model.rowCount(parent)):
        for column in range(max(1, _columns(model, parent))):
            index = model.index(row, column, parent)
            for role in ROLES:
                value = model.data(index, role)
                out.append(f"{row},{column},{role}:{value!r}")
            if _children(model, index):
                out += model_dump(model, index)
    return out


def dump(root: QWidget) -> list[str]:
    """One line per widget or model row, sorted (Qt reorders some internal children, such as
    scroll-area containers, between calls; the multiset of facts is what must match)."""
    out: list[str] = []
    objects: list[QObject] = [root, *root.findChildren(QObject)]
    for obj in objects:
        name = f"{type(obj).__name__}#{obj.objectName()}"
        if isinstance(obj, QAbstractItemModel):
            out += [f"{name} {line}" for line in model_dump(obj)]
            continue
        if not isinstance(obj, QWidget):
            continue
        tip, description = obj.toolTip(), obj.accessibleDescription()
        whole = getattr(obj, "full_text", None)
        if callable(whole) and whole() and tip == description == whole():
            # an elided label's tooltip is its whole text, there only while it is cut: how
            # much fits is layout, the words are the fact (compared below)
            tip = description = ""
        facts = [
            tip, obj.accessibleName(), description, obj.windowTitle(),
            str(obj.isVisibleTo(root)), obj.statusTip(), obj.whatsThis(),
        ]
        text = getattr(obj, "full_text", None) or getattr(obj, "text", None)
        if callable(text):  # an elided label: the words it was given, not how many fit
            facts.append(str(text()))
        if isinstance(obj, QProgressBar):
            facts += [obj.format(), str(obj.value()), str(obj.maximum()), obj.text()]
        if isinstance(obj, QComboBox):
            facts += [obj.itemText(i) for i in range(obj.count())]
        if isinstance(obj, QAbstractItemView) and obj.model() is not None:
            facts += model_dump(obj.model())
        out.append(f"{name} " + " | ".join(facts))
    return sorted(out)
