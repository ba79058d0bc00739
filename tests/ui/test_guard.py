"""PySide6 6.12.0 decrements None's reference count on every void Qt call on Python 3.11
(PACKAGING_NOTES.md); the pin keeps us on a clean release. This guard fails on a bad one."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_void_calls_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for i in range(20_000):
        label.setText(str(i & 7))
    assert sys.getrefcount(None) >= before - 100
