"""Session → Compare sessions…: the tables of a room side by side, for the whole room's
debrief (issue 16, docs/compare.md).

A window of its own (it can go to the projector and full screen, F11) with the painted
:class:`~consortium.ui.shell.compare_view.CompareView` — one row per table, no scroll bar —
and, below it, a progress bar while what-ifs are worked out, and the buttons: Add saves…,
Add a folder…, Export PDF…, Export CSV…, Full screen, Close.

The saves are read on the GUI thread (about 40 ms a save: twelve in half a second). A deal
whose what-if no save holds is worked out in the background, one :class:`~consortium.play.
what_if.WhatIfJob` at a time (worker processes at a lower priority, as in the debrief), so the
window never waits for it; a timer reads the job's progress for the bar, and the job's
thread reports its end through a queued signal. Closing the window cancels the job.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consortium.engine.what_if_bands import DEFAULT_SEEDS, WhatIfResult
from consortium.play.what_if import WhatIfJob
from consortium.present.compare_data import (
    Comparison,
    missing_what_ifs,
    read_comparison,
    with_what_if,
)
from consortium.present.i18n import _, ngettext
from consortium.store.save_load import LoadedSave
from consortium.ui.kit.button_row import ButtonRow
from consortium.ui.shell.compare_files import write_compare_csv, write_compare_pdf
from consortium.ui.shell.compare_view import CompareView
from consortium.ui.shell.file_dialogs import CSV, PDF, SAVES, FileDialogs
from consortium.ui.shell.messages import message

POLL_MS = 150


class CompareWindow(QWidget):
    """Compares the saves it is given (:meth:`add`); listens to its what-if job's end
    (``_job_done``, queued) and polls its progress (a timer)."""

    _job_done = Signal(object)  # from the job's thread, delivered on the GUI thread

    def __init__(self, files: FileDialogs, *, seeds: int = DEFAULT_SEEDS,
                 workers: int | None = None, compute: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(_("Compare sessions"))
        self.files = files
        self.seeds = seeds
        self.workers = workers
        self.compute = compute
        self.given: list[Path] = []
        self.comparison = Comparison((), (), seeds)
        self.job: WhatIfJob | None = None
        self._queue: list[tuple[str, LoadedSave]] = []
        self._found: dict[str, WhatIfResult] = {}
        self._deals_total = 0
        self.last_message: QMessageBox | None = None
        self.view = CompareView(self.comparison)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress_label = QLabel()
        self.add_files = QPushButton(_("Add saves…"))
        self.add_folder = QPushButton(_("Add a folder…"))
        self.export_pdf = QPushButton(_("Export PDF…"))
        self.export_csv = QPushButton(_("Export CSV…"))
        self.full_screen = QPushButton(_("Full screen (F11)"))
        self.full_screen.setCheckable(True)
        self.close_button = QPushButton(_("Close"))
        self.progress.setAccessibleName(_("What-ifs worked out"))
        for widget, name, description in (
            (self.add_files, _("Add saves"),
             _("Adds saved sessions to the comparison, one row each.")),
            (self.add_folder, _("Add a folder"),
             _("Adds every saved session in a folder to the comparison.")),
            (self.export_pdf, _("Export PDF"),
             _("Saves the comparison as a PDF to print or hand out.")),
            (self.export_csv, _("Export CSV"),
             _("Saves the comparison's figures as a CSV file.")),
            (self.full_screen, _("Full screen"),
             _("Shows the comparison on the whole screen, for a projector.")),
            (self.close_button, _("Close"), _("Closes the comparison.")),
        ):
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(description)
        status = QHBoxLayout()
        status.addWidget(self.progress_label)
        status.addWidget(self.progress, 1)
        buttons = ButtonRow()  # stacked when the row is wider than the screen (200 %)
        for button in (self.add_files, self.add_folder, self.export_pdf, self.export_csv):
            buttons.add(button)
        buttons.add_stretch()
        buttons.add(self.full_screen)
        buttons.add(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.view, 1)
        layout.addLayout(status)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._job_done.connect(self._on_job_done, Qt.ConnectionType.QueuedConnection)
        self.add_files.clicked.connect(self.ask_files)
        self.add_folder.clicked.connect(self.ask_folder)
        self.export_pdf.clicked.connect(self.ask_export_pdf)
        self.export_csv.clicked.connect(self.ask_export_csv)
        self.full_screen.toggled.connect(self._on_full_screen_toggled)
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence("F11"), self, self.full_screen.toggle)
        self._show_progress()

    # --- what is compared -------------------------------------------------------------

    def add(self, paths: list[Path]) -> Comparison:
        """Compare these saves (files or folders) too; the what-ifs no save holds start in
        the background."""
        self.given += [p for p in paths if p not in self.given]
        comparison = read_comparison(self.given, seeds=self.seeds)
        self.comparison = with_what_if(comparison, self._found)
        self.view.set_comparison(self.comparison)
        self._enable()
        if self.compute:
            self._queue_missing()
        return self.comparison

    def ask_files(self) -> None:
        chosen = self.files.open_paths(self, _("Add the tables' saves"), None, _(SAVES))
        if chosen:
            self.add(chosen)

    def ask_folder(self) -> None:
        folder = self.files.open_folder(self, _("Add a folder of saves"), None)
        if folder is not None:
            self.add([folder])

    def _enable(self) -> None:
        some = bool(self.comparison.rows)
        self.export_pdf.setEnabled(some)
        self.export_csv.setEnabled(some)

    # --- the what-ifs in the background ----------------------------------------------------

    def _queue_missing(self) -> None:
        queued = {code for code, _loaded in self._queue}
        if self.job is not None:
            queued.add(self._job_code)
        for code, loaded in missing_what_ifs(self.comparison).items():
            if code not in queued and code not in self._found:
                self._queue.append((code, loaded))
        self._deals_total = len(self._found) + len(self._queue) + (self.job is not None)
        self._next_job()
        self._show_progress()

    def _next_job(self) -> None:
        if self.job is not None or not self._queue:
            return
        code, loaded = self._queue.pop(0)
        self._job_code = code
        self.job = WhatIfJob(loaded, 1, self.seeds, workers=self.workers,
                             on_done=self._job_done.emit)
        self._timer.start()

    def _on_job_done(self, job: WhatIfJob) -> None:
        if job is not self.job:
            return
        self.job = None
        if job.result is not None:
            self._found[self._job_code] = job.result
            self.comparison = with_what_if(self.comparison, {self._job_code: job.result})
            self.view.set_comparison(self.comparison)
        self._next_job()
        self._show_progress()

    def _on_timer_timeout(self) -> None:
        self._show_progress()

    @property
    def computing(self) -> bool:
        return self.job is not None

    def _show_progress(self) -> None:
        job = self.job
        if job is None and not self._queue:
            self._timer.stop()
            missing = self.comparison.missing
            self.progress.setVisible(False)
            self.progress_label.setText(
                "" if not missing or self.compute else ngettext(
                    "{count} table without a what-if", "{count} tables without a what-if",
                    missing).format(count=missing))
            self.view.set_computing("")
            return
        done = self._deals_total - len(self._queue) - 1
        share = (done + (job.progress() if job is not None else 0.0)) / max(1, self._deals_total)
        self.progress.setVisible(True)
        self.progress.setValue(round(share * 1000))
        self.progress_label.setText(ngettext(
            "Bots replay {count} deal for the what-if…",
            "Bots replay {count} deals for the what-if…", self._deals_total).format(
            count=self._deals_total))
        self.view.set_computing(_("working it out…"))

    def cancel(self) -> None:
        self._queue.clear()
        job, self.job = self.job, None
        if job is not None:
            job.cancel()
        self._timer.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel()
        super().closeEvent(event)

    # --- take it home ----------------------------------------------------------------------

    def ask_export_pdf(self) -> Path | None:
        path = self.files.save_path(self, _("Export the comparison"), Path("compare.pdf"),
                                    _(PDF))
        if path is None:
            return None
        try:
            write_compare_pdf(path, self.comparison)
        except OSError as error:
            self._cannot_write(path, error)
            return None
        return path

    def ask_export_csv(self) -> Path | None:
        path = self.files.save_path(self, _("Export the comparison"), Path("compare.csv"),
                                    _(CSV))
        if path is None:
            return None
        try:
            write_compare_csv(path, self.comparison)
        except OSError as error:
            self._cannot_write(path, error)
            return None
        return path

    def _cannot_write(self, path: Path, error: OSError) -> None:
        self.last_message = message(self, _("Cannot export the comparison"),
                                    _("Cannot write {path}: {reason}.").format(
                                        path=path, reason=error.strerror or error))

    def _on_full_screen_toggled(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        else:
            self.showNormal()
