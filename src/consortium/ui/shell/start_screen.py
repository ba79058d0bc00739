"""The start screen: New session · Resume · Help · Quit. Opens in well under a second: it
imports no scenario, reads no save and builds no game; the window tells it afterwards how
many sessions can be resumed (:meth:`StartScreen.set_sessions`). Emits ``new_session``,
``resume``, ``help`` and ``quit``; emits ``first_painted`` once, after its first paint
(``--exit-when-ready`` and the launch benchmark wait for it). Listens to no game signal."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from consortium.present.i18n import _
from consortium.ui.kit.widgets import button, centred, centred_row, label


class StartScreen(QWidget):
    new_session = Signal()
    resume = Signal()
    practice = Signal()
    help = Signal()
    quit = Signal()
    first_painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Start"))
        self._painted = False
        title = label("Consortium", name="title")
        centred(title)
        tagline = label(
            _("A workshop game about organizing work when no one is in charge."),
            name="big", wrap=True,
        )
        centred(tagline)
        self.new_button = QPushButton(_("New session"))
        self.new_button.setAccessibleName(_("New session"))
        self.new_button.setAutoDefault(True)
        self.new_button.clicked.connect(self.new_session)
        # the practice round is set up on the new-session page (its seats and names)
        self.practice_button = button(_("Practice round (tutorial)"), "secondary",
                                      accessible=_("Practice round, a tutorial"))
        self.practice_button.setAutoDefault(True)
        self.practice_button.clicked.connect(self.practice)
        self.resume_button = button(_("Resume a session"), "secondary",
                                    accessible=_("Resume a session"))
        self.resume_button.setAutoDefault(True)
        self.resume_button.clicked.connect(self.resume)
        self.set_sessions(0)
        self.help_button = button(_("Help (F1)"), "secondary", accessible=_("Help"))
        self.help_button.setAutoDefault(True)
        self.help_button.clicked.connect(self.help)
        self.quit_button = button(_("Quit"), "secondary", accessible=_("Quit"))
        self.quit_button.setAutoDefault(True)
        self.quit_button.clicked.connect(self.quit)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addWidget(tagline)
        layout.addSpacing(40)
        for b in (self.new_button, self.practice_button, self.resume_button, self.help_button,
                  self.quit_button):
            b.setMinimumWidth(420)
            layout.addLayout(centred_row(b))
        layout.addStretch(3)

    def set_sessions(self, count: int) -> None:
        """How many unfinished sessions the Resume list holds."""
        self.resume_button.setEnabled(count > 0)
        self.resume_button.setText(_("Resume a session ({count})").format(count=count) if count
                                   else _("Resume a session"))
        self.resume_button.setToolTip("" if count else _("No unfinished sessions saved yet."))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()
