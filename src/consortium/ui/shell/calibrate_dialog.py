"""New session → "Check that it teaches…": bots play the calibration claims on the selected
scenario (a trainer's file, usually) and the dialog says in plain words which hold and, for
each that fails, the likely cause and the key to change — ``consortium calibrate`` in the
window.

The games run in a :class:`consortium.play.calibrate_job.CalibrationJob` (worker processes
at a lower priority, so the window never stalls); its thread's progress and its end arrive
as queued signals on the GUI thread. Stop (or closing the dialog) terminates the workers. A
failure of the job is said in one line, never as a traceback.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QProgressBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from consortium.engine.calibration import SEEDS
from consortium.engine.calibration_causes import Diagnosis
from consortium.engine.scenario import Scenario
from consortium.play.calibrate_job import CalibrationJob
from consortium.present import calibrate_words as words
from consortium.present.i18n import _, ngettext
from consortium.ui.kit.theme import ALERT, GOOD
from consortium.ui.kit.widgets import button, label, scroll_down

HOLD_COLOUR, FAIL_COLOUR = GOOD, ALERT  # with ✓ and ✗, never colour alone


class CalibrateDialog(QDialog):
    """Shows the job's progress, then the report. Listens to its own job's signals only."""

    _progressed = Signal(object)  # from the job's thread; delivered on the GUI thread
    _finished = Signal(object)

    def __init__(
        self,
        scenario: Scenario,
        parent: QWidget | None = None,
        *,
        full: bool = False,
        seeds: int = SEEDS,
        workers: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.scenario = scenario
        self.setWindowTitle(_("Check that it teaches"))
        self.setAccessibleName(_("Check that it teaches"))
        self.heading = label(_("Does “{title}” teach what the game is for?").format(
            title=scenario.title), "heading", wrap=True)
        self.explain = label(_("Bots play the scenario in every way of organizing, many "
                               "times over, to check the ten claims that make the debrief "
                               "show what the research found: talk crowding out work, like "
                               "with like shutting out perspectives, the mixed way paying "
                               "off."), "hint", wrap=True)
        self.bar = QProgressBar()
        self.bar.setAccessibleName(_("Progress"))
        self.status = label(wrap=True)
        self.report = QTextBrowser()
        self.report.setAccessibleName(_("Report"))
        self.report.setOpenLinks(False)
        self.report.hide()
        self.stop_button = button(_("Stop"), "secondary",
                                  description=_("Stops the bots' games; nothing is judged."))
        self.close_button = button(_("Close"), description=_("Closes the report."))
        self.close_button.hide()
        self.stop_button.clicked.connect(self.stop)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.close_button)
        body = QWidget()
        text = QVBoxLayout(body)
        text.setContentsMargins(0, 0, 0, 0)
        text.addWidget(self.heading)
        text.addWidget(self.explain)
        text.addWidget(self.bar)
        text.addWidget(self.status)
        text.addWidget(self.report, 1)
        self._filler = QWidget()  # keeps the progress at the top until the report takes the room
        text.addWidget(self._filler, 1)
        layout = QVBoxLayout(self)
        # scrolls down when the words are taller than the dialog (200 % text on a laptop)
        layout.addWidget(scroll_down(body), 1)
        layout.addLayout(buttons)
        self._fit_screen()
        self._progressed.connect(self._on_progress_changed)
        self._finished.connect(self._on_job_finished)
        self.job = CalibrationJob(scenario, full=full, seeds=seeds, workers=workers,
                                  on_progress=self._progressed.emit,
                                  on_done=self._finished.emit, start=False)
        self.bar.setRange(0, self.job.games_total)
        self.bar.setValue(0)
        self._show_status()
        self.job.start()

    def _fit_screen(self) -> None:
        """Large enough to read the report without much scrolling, never past the screen
        (a 1366×768 laptop: the report scrolls inside)."""
        screen = (self.parentWidget() or self).screen()
        room = screen.availableGeometry() if screen is not None else None
        width = 1100 if room is None else min(1100, room.width() - 80)
        height = 720 if room is None else min(720, room.height() - 40)
        self.resize(max(width, 480), max(height, 360))

    # --- control ----------------------------------------------------------------------------

    def stop(self) -> None:
        """Stop the games (the worker processes are terminated); the dialog says so."""
        if not self.job.done:
            self.job.cancel()
            self.stop_button.setEnabled(False)
            self.status.setText(_("Stopping…"))

    def done(self, result: int) -> None:
        """Closing (Esc, the title bar, Close) stops the games too, and waits the moment the
        job takes to stop (a piece in hand: about 0.1 s), so its last signal never reaches a
        deleted dialog."""
        self.job.cancel()
        self.job.wait(5)
        super().done(result)

    # --- the job's signals ------------------------------------------------------------------

    def _show_status(self) -> None:
        job = self.job
        self.status.setText(ngettext(
            "Bots are playing: {done} of {total} game. The window stays usable; Stop ends it.",
            "Bots are playing: {done} of {total} games. The window stays usable; Stop ends it.",
            job.games_total).format(done=str(job.games_done), total=str(job.games_total)))

    def _on_progress_changed(self, job: CalibrationJob) -> None:
        if job is not self.job or job.done:
            return
        self.bar.setValue(job.games_done)
        if not job.cancelled:
            self._show_status()

    def _on_job_finished(self, job: CalibrationJob) -> None:
        if job is not self.job:
            return
        self.stop_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)
        if job.diagnosis is not None:
            self.bar.setValue(self.bar.maximum())
            self.bar.hide()
            self.status.setText(words.scope(job.diagnosis, job.seconds))
            self.report.setHtml(report_html(job.diagnosis))
            self.report.show()
            self._filler.hide()
        elif job.error is not None:
            self.status.setText(_("The check could not finish ({error}); nothing about the "
                                  "scenario was judged.").format(error=type(job.error).__name__))
        else:
            self.status.setText(_("Stopped: nothing about the scenario was judged."))

    def report_text(self) -> str:
        """The report as a person reads it (plain text; tests)."""
        return self.report.toPlainText()


def _code(text: str) -> str:
    """Escaped, with the keys (between backticks) set as code."""
    parts = html.escape(text).split("`")
    return "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts))


def report_html(diagnosis: Diagnosis) -> str:
    """The report of :mod:`consortium.present.calibrate_words` as rich text: ✓ and ✗ with
    their words (never colour alone), each failing claim's causes beneath it."""
    out = [f"<p><b>{html.escape(words.summary(diagnosis))}</b></p>"]
    for verdict in diagnosis.verdicts:
        lines = words.verdict_lines(verdict)
        colour = HOLD_COLOUR if verdict.holds else FAIL_COLOUR
        mark = words.HOLDS if verdict.holds else words.FAILS
        head = lines[0].removeprefix(f"{mark} ")
        out.append(f"<p style='margin-top:6px'><span style='color:{colour}'><b>{mark}</b></span>"
                   f" {html.escape(head)}</p>")
        if len(lines) > 1:
            items = "".join(f"<li>{_code(line.strip())}</li>" for line in lines[1:])
            out.append(f"<ul style='margin-top:0'>{items}</ul>")
    return "".join(out)
