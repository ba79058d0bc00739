"""What a screen reader reads: Qt's accessibility tree walked from a window, as an assistive
technology walks it (``QAccessible.queryAccessibleInterface``, then ``child(i)`` down), not
the widget tree: what Qt hands a reader is the interface's role, name and description, and a
widget that names itself well but sits under a nameless or wrongly built node is heard
through that node.

The rule, for every element a reader reaches and a person could use (not ``invisible``):

- **a name**, not empty, for every control: buttons, check boxes, radio buttons, combo boxes,
  spin boxes, text fields, sliders, tabs, menu items, links, progress bars, charts, and the
  items of a list or tree (there the item is the control: a choice in the private panel);
  table cells are data, read with their column's header, and are not checked;
- **a description** for every control whose name alone does not say what pressing or changing
  it does: push buttons, check boxes, radio buttons, combo boxes, spin boxes, text fields,
  sliders and charts (a chart's description is its figures in a sentence: a reader cannot see
  the bars). Menu items, tabs, list items, links and progress bars are read by name (with
  their value or status tip) in a context that already says what they are for. A text field
  inside a spin box or combo box is read as part of it and needs only the name; the standard
  buttons of a dialog's button box (OK, Cancel, Yes, No…) answer the question the dialog has
  just read aloud, and are Qt's words, so they need only their name;
- **no two controls side by side with one name**: siblings in one container that share a name
  are indistinguishable by ear, unless they are data rows (list items, tree items, cells).

An offender is reported with its path, "window title > parent names > Role 'name'", so a
failure says where it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QWidget

Role = QAccessible.Role

NAMED: frozenset[Role] = frozenset({
    Role.PushButton, Role.CheckBox, Role.RadioButton, Role.ComboBox, Role.SpinBox,
    Role.EditableText, Role.Slider, Role.PageTab, Role.MenuItem, Role.Link, Role.ProgressBar,
    Role.Chart, Role.ListItem, Role.TreeItem, Role.ButtonMenu, Role.ButtonDropDown,
})
"""Controls a person uses (or charts a person reads): each needs a name."""

DESCRIBED: frozenset[Role] = frozenset({
    Role.PushButton, Role.CheckBox, Role.RadioButton, Role.ComboBox, Role.SpinBox,
    Role.EditableText, Role.Slider, Role.Chart, Role.ButtonMenu, Role.ButtonDropDown,
})
"""Controls whose name alone does not say what they do: each needs a description too."""

DATA_ROWS: frozenset[Role] = frozenset({
    Role.ListItem, Role.TreeItem, Role.Cell, Role.Row, Role.ColumnHeader, Role.RowHeader,
})
"""Rows of data: two may read the same (two tasks with one title) without harm."""

PARTS: frozenset[Role] = frozenset({Role.SpinBox, Role.ComboBox})
"""Controls whose text field a reader reads as part of the control."""


@attrs.frozen
class Node:
    """One element a screen reader reaches."""

    path: str
    role: Role
    name: str
    description: str
    parent_role: Role | None
    widget: QWidget | None

    @property
    def standard_button(self) -> bool:
        """A dialog's OK, Cancel, Yes… (see the module docstring)."""
        w = self.widget
        if not isinstance(w, QAbstractButton):
            return False
        box = w.parent()
        while box is not None and not isinstance(box, QDialogButtonBox):
            box = box.parent()
        return isinstance(box, QDialogButtonBox) and (
            box.standardButton(w) != QDialogButtonBox.StandardButton.NoButton)


def _label(iface: QAccessibleInterface) -> str:
    name = _name(iface, iface.object())
    return f"{iface.role().name} {name!r}" if name else iface.role().name


def walk(root: QWidget) -> Iterator[tuple[Node, list[Node]]]:
    """Every element a reader reaches from ``root``'s window (the window itself first), each
    with its readable children."""
    iface = QAccessible.queryAccessibleInterface(root)
    assert iface is not None and iface.isValid(), root
    node = _node(iface, root.windowTitle() or _label(iface), None)
    yield from _walk(iface, node, 0)


def _walk(iface: QAccessibleInterface, node: Node, depth: int
          ) -> Iterator[tuple[Node, list[Node]]]:
    assert depth < 60, node.path  # a cycle in the tree would hang a reader too
    children = _children(iface, node)
    yield node, [child for _i, child in children]
    for child_iface, child in children:
        yield from _walk(child_iface, child, depth + 1)


def _name(iface: QAccessibleInterface, obj: object) -> str:
    """The name a reader says. A combo box on Linux reports its current item as its name
    (Qt's AT-SPI bridge hears the label through the "labelled by" relation instead), so
    its name is the one Windows and macOS read, its accessible name, or else its label."""
    if iface.role() is Role.ComboBox:
        named = obj.accessibleName() if isinstance(obj, QWidget) else ""
        labels = [other.text(QAccessible.Text.Name)
                  for other, _relation in iface.relations(QAccessible.RelationFlag.Label)]
        return (named or " ".join(labels)).strip()
    return iface.text(QAccessible.Text.Name).strip()


def _node(iface: QAccessibleInterface, path: str, parent: Role | None) -> Node:
    obj = iface.object()
    return Node(path=path, role=iface.role(),
                name=_name(iface, obj),
                description=iface.text(QAccessible.Text.Description).strip(),
                parent_role=parent, widget=obj if isinstance(obj, QWidget) else None)


def _children(iface: QAccessibleInterface, node: Node
              ) -> list[tuple[QAccessibleInterface, Node]]:
    """The children a reader reaches: valid and not invisible."""
    out = []
    for i in range(iface.childCount()):
        child = iface.child(i)
        if child is None or not child.isValid() or child.state().invisible:
            continue
        out.append((child, _node(child, f"{node.path} > {_label(child)}", node.role)))
    return out


def problems(node: Node, children: Iterable[Node]) -> list[str]:
    """What a reader would miss at ``node``, and among its readable ``children`` (siblings
    of one another: two of them with one name cannot be told apart by ear)."""
    found: list[str] = []
    if node.role in NAMED and not node.name:
        found.append(f"{node.path}: no name")
    if (node.role in DESCRIBED and node.name and not node.description
            and not (node.role is Role.EditableText and node.parent_role in PARTS)
            and not node.standard_button):
        found.append(f"{node.path}: no description")
    seen: dict[str, Node] = {}
    for child in children:
        if child.role not in NAMED or child.role in DATA_ROWS or not child.name:
            continue
        if child.name in seen:
            found.append(f"{node.path}: two controls named {child.name!r} "
                         f"({seen[child.name].role.name}, {child.role.name})")
        seen[child.name] = child
    return found


def offenders(*roots: QWidget) -> list[str]:
    """Every problem a reader would meet in ``roots``' windows, by path."""
    found: list[str] = []
    for root in roots:
        for node, children in walk(root):
            found += problems(node, children)
    return sorted(set(found))

