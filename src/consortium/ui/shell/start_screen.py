"""The start screen: New session · Resume · Settings · Help · Quit, and a small language
picker (FACILITATION.md, "Start"). Opens in well under a second: it imports no scenario, reads
no save and builds no game; the window tells it afterwards how many sessions can be resumed
(:meth:`StartScreen.set_sessions`) and which languages this copy has
(:meth:`StartScreen.set_languages`, after the first paint). Emits ``new_session``,
``resume``, ``settings``, ``help``, ``quit`` and ``language_chosen(code)``; emits
``first_painted`` once, after its first paint (``--exit-when-ready`` and the launch benchmark
wait for it). Listens to no game signal. :meth:`retranslate` words it anew after a language
change."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consortium.present.i18n import _
from consortium.present.languages import language_name
from consortium.ui.kit.widgets import button, centred, centred_row, label, scroll_down


class StartScreen(QWidget):
    new_session = Signal()
    resume = Signal()
    practice = Signal()
    settings = Signal()
    help = Signal()
    quit = Signal()
    language_chosen = Signal(str)
    first_painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._painted = False
        self._sessions = 0
        title = label("Consortium", name="title")
        centred(title)
        self.tagline = label(name="big", wrap=True)
        centred(self.tagline)
        self.new_button = QPushButton()
        self.new_button.setAutoDefault(True)
        self.new_button.clicked.connect(self.new_session)
        # the practice round is set up on the new-session page (its seats and names)
        self.practice_button = button("", "secondary")
        self.practice_button.setAutoDefault(True)
        self.practice_button.clicked.connect(self.practice)
        self.resume_button = button("", "secondary")
        self.resume_button.setAutoDefault(True)
        self.resume_button.clicked.connect(self.resume)
        self.settings_button = button("", "secondary")
        self.settings_button.setAutoDefault(True)
        self.settings_button.clicked.connect(self.settings)
        self.help_button = button("", "secondary")
        self.help_button.setAutoDefault(True)
        self.help_button.clicked.connect(self.help)
        self.quit_button = button("", "secondary")
        self.quit_button.setAutoDefault(True)
        self.quit_button.clicked.connect(self.quit)
        # the language, right on the start screen: a trainer handed a laptop in a language
        # they cannot read finds their own by its own name, without going through Settings.
        # Made by set_languages, after the first paint, and only when there is a choice (a
        # combo box costs the launch a few milliseconds; bench/launch.py)
        self.language_label: QLabel | None = None
        self.language: QComboBox | None = None
        # in a scroll area that scrolls down only: at 200 % text the six buttons, the title
        # and the picker are taller than a 768-pixel laptop, and a page never makes the
        # window taller than the screen (issue 15)
        content = QWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(content)
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addWidget(self.tagline)
        layout.addSpacing(40)
        for b in (self.new_button, self.practice_button, self.resume_button,
                  self.settings_button, self.help_button,
                  self.quit_button):
            b.setMinimumWidth(420)
            layout.addLayout(centred_row(b))
        layout.addStretch(3)
        self._picker = QHBoxLayout()
        layout.addLayout(self._picker)
        layout.addSpacing(16)
        outer.addWidget(scroll_down(content))
        self.retranslate()

    def retranslate(self) -> None:
        """Every word in the language in use (the window calls this after a change)."""
        self.setAccessibleName(_("Start"))
        self.tagline.setText(
            _("A workshop game about organizing work when no one is in charge."))
        self.new_button.setText(_("New session"))
        self.new_button.setAccessibleName(_("New session"))
        self.new_button.setAccessibleDescription(
            _("Set up a new game: the scenario, the seats and the rounds."))
        self.practice_button.setText(_("Practice round (tutorial)"))
        self.practice_button.setAccessibleName(_("Practice round, a tutorial"))
        self.practice_button.setAccessibleDescription(
            _("A short game that shows the facilitator each step before a workshop."))
        self.resume_button.setAccessibleName(_("Resume a session"))
        self.set_sessions(self._sessions)
        self.settings_button.setText(_("Settings"))
        self.settings_button.setAccessibleName(_("Settings"))
        self.settings_button.setAccessibleDescription(
            _("Language, text size, contrast and where sessions are saved."))
        self.help_button.setText(_("Help (F1)"))
        self.help_button.setAccessibleName(_("Help"))
        self.help_button.setAccessibleDescription(
            _("How to play, the facilitator's guide and the keys."))
        self.quit_button.setText(_("Quit"))
        self.quit_button.setAccessibleName(_("Quit"))
        self.quit_button.setAccessibleDescription(
            _("Close Consortium."))
        if self.language is not None and self.language_label is not None:
            self.language_label.setText(_("&Language:"))
            self.language.setAccessibleName(_("Language"))
            self.language.setAccessibleDescription(
                _("The language of every screen; the window is rebuilt in it."))

    def set_languages(self, choices: Sequence[tuple[str, str]], current: str) -> None:
        """The languages to offer, ``(code, its own name)``, and the one in use. With one
        language and that one in use there is nothing to choose, and no picker."""
        codes = [code for code, _name in choices]
        if self.language is None:
            if len(choices) < 2 and current in codes:
                return
            self._make_picker()
        assert self.language is not None
        self.language.blockSignals(True)
        self.language.clear()
        for code, name in choices:
            self.language.addItem(name, code)
        index = self.language.findData(current)
        if index < 0:  # the pseudo-locale, or CONSORTIUM_LANGUAGE naming another
            self.language.addItem(language_name(current), current)
            index = self.language.count() - 1
        self.language.setCurrentIndex(index)
        self.language.blockSignals(False)

    def _make_picker(self) -> None:
        self.language_label = label(name="hint")
        self.language = QComboBox()
        self.language_label.setBuddy(self.language)
        self.language.activated.connect(self._on_language_activated)
        self._picker.addStretch(1)
        self._picker.addWidget(self.language_label)
        self._picker.addWidget(self.language)
        self._picker.addStretch(1)
        self.language_label.show()  # the screen is on view already
        self.language.show()
        self.retranslate()

    def _on_language_activated(self, index: int) -> None:
        if self.language is not None:
            self.language_chosen.emit(str(self.language.itemData(index)))

    def set_sessions(self, count: int) -> None:
        """How many unfinished sessions the Resume list holds."""
        self._sessions = count
        self.resume_button.setEnabled(count > 0)
        self.resume_button.setText(_("Resume a session ({count})").format(count=count) if count
                                   else _("Resume a session"))
        self.resume_button.setToolTip("" if count else _("No unfinished sessions saved yet."))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()
