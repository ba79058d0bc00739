"""The Settings page (issue 15, FACILITATION.md "Start": … · Settings · Help): language, text
size, high contrast, the talk clock's default, the data folder and portable mode.

Every change applies at once, as desktop settings do, and is saved at once by the window
(one small file, :mod:`consortium.store.settings`); there is no OK button to forget. The data
folder is the exception, said in words: the running program keeps the folder it started with
(its sessions, its lock), and a new one is used from the next start. Portable mode is shown
as the state the program runs in, with how to turn it on or off.

Shows a :class:`~consortium.store.settings.Settings` and what the window found at start (the
file's problems, the folders in use). Emits ``settings_changed(Settings)`` for each change
and ``back_requested``. Listens to no game signal. Built anew after a language change (the
window does it), so every word is read once, here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from consortium.present.i18n import LANGUAGE_VARIABLE, _
from consortium.present.languages import language_name
from consortium.store.paths import PORTABLE_FLAG, PORTABLE_FOLDER, PORTABLE_MARKER, DataPaths
from consortium.store.settings import TEXT_SIZES, Settings
from consortium.ui.kit.form_label import FormLabel
from consortium.ui.kit.widgets import button, label


class SettingsPage(QWidget):
    settings_changed = Signal(object)
    back_requested = Signal()

    def __init__(
        self,
        settings: Settings,
        *,
        paths: DataPaths,
        languages: Sequence[str],
        system_language: str,
        forced_language: str = "",
        program: Path,
        default_data: Callable[[], Path],
        choose_folder: Callable[[QWidget, Path], Path | None],
        problems: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._paths = paths
        self._default_data = default_data
        self._choose_folder = choose_folder
        self.setAccessibleName(_("Settings"))

        self.language = QComboBox()
        self.language.setAccessibleName(_("Language"))
        self.language.setAccessibleDescription(
            _("The language of every screen; it changes at once."))
        self.language.addItem(_("The system's language ({name})").format(
            name=language_name(system_language)), "")
        for code in languages:
            self.language.addItem(language_name(code), code)
        self._select(self.language, settings.language)
        self.language_hint = label(name="hint", wrap=True)
        if forced_language:
            self.language_hint.setText(_(
                "{variable}={code} is set where Consortium was started: it decides the "
                "language while it is set.").format(variable=LANGUAGE_VARIABLE,
                                                    code=forced_language))
        else:
            self.language_hint.setText(_(
                "Every screen changes at once; a game in play goes on where it was."))

        self.text_size = QComboBox()
        self.text_size.setAccessibleName(_("Text size"))
        self.text_size.setAccessibleDescription(
            _("The size of the laptop's text; the shared board sizes its own."))
        for size in TEXT_SIZES:
            self.text_size.addItem(
                _("{size} % (normal)").format(size=size) if size == 100
                else _("{size} %").format(size=size), size)
        self._select(self.text_size, settings.text_size)
        size_hint = label(_("The laptop's panels and dialogs; Ctrl +/− changes it for a while. "
                            "The shared board sizes its own type to its screen."),
                          name="hint", wrap=True)

        self.high_contrast = QCheckBox(_("High contrast: black on white, stronger colours"))
        self.high_contrast.setAccessibleName(_("High contrast"))
        self.high_contrast.setAccessibleDescription(
            _("When checked, every screen is black on white with stronger colours."))
        self.high_contrast.setChecked(settings.high_contrast)
        self.talk_clock = QCheckBox(_("Talk clock on for new sessions"))
        self.talk_clock.setAccessibleName(_("Talk clock on for new sessions"))
        self.talk_clock.setToolTip(_("The new-session page's talk clock box starts ticked"))
        self.talk_clock.setChecked(settings.talk_clock_default)

        self.folder_in_use = label(str(paths.data), wrap=True)
        self.folder_in_use.setAccessibleName(_("Data folder in use"))
        self.folder_in_use.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_next = label(name="notice", wrap=True)
        self.folder_next.setAccessibleName(_("Data folder from the next start"))
        self.choose_button = button(_("Choose a folder…"), "secondary",
                                    accessible=_("Choose a data folder"),
                                    description=_("Sessions are saved in the chosen folder "
                                                  "from the next start."))
        self.choose_button.clicked.connect(self._on_choose_clicked)
        self.default_button = button(_("Use the default folder"), "secondary",
                                     accessible=_("Use the default data folder"),
                                     description=_("Sessions are saved in the usual folder "
                                                   "again from the next start."))
        self.default_button.clicked.connect(self._on_default_clicked)
        folder_hint = label(_("Sessions are saved here. A new folder is used from the next "
                              "start of Consortium; sessions already saved stay where they "
                              "are (Resume → Open a save file… opens them)."),
                            name="hint", wrap=True)

        self.portable = label(wrap=True)
        self.portable.setAccessibleName(_("Portable mode"))
        if paths.portable:
            self.portable.setText(_(
                "On: settings and sessions are kept in {folder}, next to the program, and go "
                "with it on a USB stick. The data folder cannot be changed in this mode.").format(
                    folder=paths.data))
            portable_hint = _(
                "To turn it off, start Consortium without {flag} and remove the file {marker} "
                "next to the program.").format(flag=PORTABLE_FLAG, marker=PORTABLE_MARKER)
            self.choose_button.setEnabled(False)
            self.default_button.setEnabled(False)
        else:
            self.portable.setText(_("Off: settings and sessions are kept in this user's "
                                    "folders on this computer."))
            portable_hint = _(
                "To carry Consortium on a USB stick with its settings and sessions, start it "
                "with {flag}, or put an empty file named {marker} in {program}: everything is "
                "then kept in {folder} beside it.").format(
                    flag=PORTABLE_FLAG, marker=PORTABLE_MARKER, program=program,
                    folder=PORTABLE_FOLDER)
        self.portable_hint = label(portable_hint, name="hint", wrap=True)
        self.portable_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.file_hint = label(_("These settings are saved in {path}.").format(
            path=paths.settings), name="hint", wrap=True)
        self.file_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems = label(name="notice", wrap=True)
        self.problems.setAccessibleName(_("Problems with the settings"))
        self.show_problems(problems)
        self.back_button = button(_("Back"), "secondary",
                                  description=_("Back to the page you came from; the "
                                                "settings are kept."))
        self.back_button.setAutoDefault(True)
        self.back_button.clicked.connect(self.back_requested)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self._buddy(_("&Language"), self.language), self.language)
        form.addRow("", self.language_hint)
        form.addRow(self._buddy(_("&Text size"), self.text_size), self.text_size)
        form.addRow("", size_hint)
        form.addRow("", self.high_contrast)
        form.addRow("", self.talk_clock)
        folder_buttons = QHBoxLayout()
        folder_buttons.addWidget(self.choose_button)
        folder_buttons.addWidget(self.default_button)
        folder_buttons.addStretch(1)
        folder_box = QVBoxLayout()
        folder_box.addWidget(self.folder_in_use)
        folder_box.addWidget(self.folder_next)
        folder_box.addLayout(folder_buttons)
        folder_box.addWidget(folder_hint)
        form.addRow(_("Data folder"), folder_box)
        portable_box = QVBoxLayout()
        portable_box.addWidget(self.portable)
        portable_box.addWidget(self.portable_hint)
        form.addRow(_("Portable mode"), portable_box)
        form.addRow("", self.file_hint)
        body = QWidget()
        body.setLayout(form)
        body.setMaximumWidth(1150)  # a readable line length on a wide screen
        column = QHBoxLayout()
        column.addWidget(body, 1)
        column.addStretch(0)
        holder = QWidget()
        holder.setLayout(column)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        scroll.setAccessibleName(_("Settings"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(label(_("Settings"), name="title"))
        layout.addWidget(self.problems)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        self._show_folder()

        self.language.activated.connect(self._on_language_activated)
        self.text_size.activated.connect(self._on_text_size_activated)
        self.high_contrast.toggled.connect(self._on_high_contrast_toggled)
        self.talk_clock.toggled.connect(self._on_talk_clock_toggled)

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(0, index))

    @staticmethod
    def _buddy(text: str, widget: QWidget) -> QWidget:
        """A form's label with an Alt key that moves to ``widget``; a little wider than its
        measured text (under X11 at 200 % the last letter of "Textstorlek" was drawn a few
        pixels past the width Qt measured for it, and cut)."""
        found = FormLabel(text)
        found.setBuddy(widget)
        return found

    def focus_first(self) -> None:
        self.language.setFocus()

    def show_problems(self, problems: Sequence[str]) -> None:
        """What was not used from the settings file, or could not be saved (empty: none)."""
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))

    def _change(self, settings: Settings) -> None:
        self.settings = settings
        self._show_folder()
        self.settings_changed.emit(self.settings)

    def _on_language_activated(self, index: int) -> None:
        self._change(self.settings._replace(language=str(self.language.itemData(index))))

    def _on_text_size_activated(self, index: int) -> None:
        self._change(self.settings._replace(text_size=int(self.text_size.itemData(index))))

    def _on_high_contrast_toggled(self, on: bool) -> None:
        self._change(self.settings._replace(high_contrast=on))

    def _on_talk_clock_toggled(self, on: bool) -> None:
        self._change(self.settings._replace(talk_clock_default=on))

    def _on_choose_clicked(self) -> None:
        start = Path(self.settings.data_folder) if self.settings.data_folder else self._paths.data
        chosen = self._choose_folder(self, start)
        if chosen is not None:
            self._change(self.settings._replace(data_folder=str(chosen.resolve())))

    def _on_default_clicked(self) -> None:
        self._change(self.settings._replace(data_folder=""))

    def _show_folder(self) -> None:
        """The folder in use, and the one the next start will use when it differs."""
        if self._paths.portable:
            self.folder_next.hide()
            return
        wanted = self.settings.data_folder
        default = not wanted
        self.default_button.setEnabled(not default)
        next_folder = self._default_data() if default else Path(wanted)
        if next_folder == self._paths.data:
            self.folder_next.hide()
            return
        self.folder_next.setText(_("From the next start: {folder}").format(folder=next_folder))
        self.folder_next.show()
