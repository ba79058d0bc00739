"""Asking for a file name: the one place the window opens a ``QFileDialog``.

The window and the new-session page ask through a :class:`FileDialogs` they are given, so a
test hands them a :class:`ScriptedFiles` with the paths a person would have chosen (a real
file dialog cannot be clicked offscreen) and everything after the choice runs for real.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from consortium.present.i18n import N_

# The kinds of file each dialog offers, in English (translated where a dialog is opened).
SAVES = N_("Consortium saves (*.consortium *.json);;All files (*)")
CSV = N_("Spreadsheets (*.csv);;All files (*)")
TOML = N_("Scenario files (*.toml);;All files (*)")
PDF = N_("PDF files (*.pdf);;All files (*)")


class FileDialogs:
    """The real dialogs. Each returns the chosen path, or ``None`` when cancelled."""

    def open_path(
        self, parent: QWidget, title: str, folder: Path | None, kinds: str
    ) -> Path | None:
        name, _kind = QFileDialog.getOpenFileName(parent, title, str(folder or ""), kinds)
        return Path(name) if name else None

    def save_path(
        self, parent: QWidget, title: str, suggested: Path | None, kinds: str
    ) -> Path | None:
        name, _kind = QFileDialog.getSaveFileName(parent, title, str(suggested or ""), kinds)
        return Path(name) if name else None

    def open_paths(
        self, parent: QWidget, title: str, folder: Path | None, kinds: str
    ) -> list[Path]:
        """Several files at once (Compare sessions); empty when cancelled."""
        names, _kind = QFileDialog.getOpenFileNames(parent, title, str(folder or ""), kinds)
        return [Path(n) for n in names]

    def open_folder(self, parent: QWidget, title: str, folder: Path | None) -> Path | None:
        """A folder (Compare sessions' folder of saves, Settings' data folder)."""
        name = QFileDialog.getExistingDirectory(parent, title, str(folder or ""))
        return Path(name) if name else None


class ScriptedFiles(FileDialogs):
    """Answers with the given paths in turn (``None``: the person cancelled); for tests and
    the screenshot script. ``asked`` records each dialog's title."""

    def __init__(self, answers: Iterable[Path | list[Path] | None]) -> None:
        self.answers: list[Path | list[Path] | None] = list(answers)
        self.asked: list[str] = []

    def _next(self, title: str) -> Path | None:
        self.asked.append(title)
        answer = self.answers.pop(0) if self.answers else None
        if isinstance(answer, list):
            return answer[0] if answer else None
        return answer

    def open_path(
        self, parent: QWidget, title: str, folder: Path | None, kinds: str
    ) -> Path | None:
        return self._next(title)

    def save_path(
        self, parent: QWidget, title: str, suggested: Path | None, kinds: str
    ) -> Path | None:
        return self._next(title)

    def open_paths(
        self, parent: QWidget, title: str, folder: Path | None, kinds: str
    ) -> list[Path]:
        """An answer that is a list is the files chosen; a path, that one file."""
        self.asked.append(title)
        answer = self.answers.pop(0) if self.answers else None
        if answer is None:
            return []
        return list(answer) if isinstance(answer, list | tuple) else [answer]

    def open_folder(self, parent: QWidget, title: str, folder: Path | None) -> Path | None:
        return self._next(title)
