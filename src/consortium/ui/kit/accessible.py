"""Charts a screen reader announces as charts.

Qt reports every custom-painted widget as a plain "client" area, so a reader says the
chart's name and description but never that it is a chart (a blind facilitator would not
know that the words describe bars or bands). :func:`chart` registers a widget class whose
instances Qt then reports with the Chart role; their name says which chart, their
description its figures in a sentence (tests/ui/a11y_tree.py checks both).

The factory is installed once, when the first chart class is registered; it answers only
for registered classes and lets Qt build every other interface as usual.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QWidget

W = TypeVar("W", bound=type[QWidget])

_CHARTS: list[type[QWidget]] = []


def _factory(_key: str, obj: QObject) -> QAccessibleInterface | None:
    if isinstance(obj, QWidget) and isinstance(obj, tuple(_CHARTS)):
        return QAccessibleWidget(obj, QAccessible.Role.Chart)
    return None


def chart(cls: W) -> W:
    """Class decorator: Qt reports the class's widgets to screen readers as charts."""
    if not _CHARTS:
        QAccessible.installFactory(_factory)
    _CHARTS.append(cls)
    return cls
