"""The Settings page (issue 15 part 2): reached from the start screen and mid-game, every
change applied at once and saved, and a language change that keeps a game in play."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from consortium.present.i18n import PSEUDO_LANGUAGE, _, is_pseudo, language, use_language
from consortium.store.paths import DataPaths
from consortium.store.scenarios import shipped_scenarios
from consortium.store.settings import Settings, read_settings
from consortium.ui.controller import GameController
from consortium.ui.kit.theme import HIGH_CONTRAST, Theme
from consortium.ui.saving import Saving
from consortium.ui.shell.file_dialogs import ScriptedFiles
from consortium.ui.shell.main_window import MainWindow
from consortium.ui.shell.settings_page import SettingsPage


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """English to begin with, whatever the suite runs in, and no CONSORTIUM_LANGUAGE (it
    would decide the language over Settings); the suite's language afterwards."""
    before = language()
    monkeypatch.delenv("CONSORTIUM_LANGUAGE", raising=False)
    use_language("en")
    yield
    use_language(before)


@pytest.fixture
def win(qtbot: QtBot, qapp: QApplication, data_paths: DataPaths, english: None
        ) -> Iterator[MainWindow]:
    """The program's window with a second language to change to (the pseudo-locale, whose
    every word is marked, stands for a shipped catalogue)."""
    controller = GameController(pacing_ms=0, saving=Saving(data_paths.sessions))
    theme = Theme()
    theme.apply(qapp)
    window = MainWindow(controller, lambda: dict(shipped_scenarios()), theme=theme,
                        paths=data_paths, languages=("en", PSEUDO_LANGUAGE),
                        settings=Settings(language="en"))
    controller.setParent(window)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    yield window
    controller.end_game()
    controller.shutdown()
    Theme().apply(qapp)


def open_settings(window: MainWindow) -> SettingsPage:
    window.start.settings_button.click()
    page = window.settings_page
    assert page is not None and window.pages.currentWidget() is page
    return page


def choose(combo: QComboBox, data: object) -> None:
    """Pick an entry as a person does (``activated``, not only the current index)."""
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_the_start_screen_offers_settings_between_resume_and_help(win: MainWindow) -> None:
    start = win.start
    buttons = [start.new_button, start.resume_button, start.settings_button,
               start.help_button, start.quit_button]
    tops = [b.mapTo(start, b.rect().topLeft()).y() for b in buttons]
    assert tops == sorted(tops)
    assert start.settings_button.text() == _("Settings")
    page = open_settings(win)
    page.back_button.click()
    assert win.pages.currentWidget() is start


def test_every_control_is_named_and_reached_by_keyboard(win: MainWindow, qtbot: QtBot) -> None:
    page = open_settings(win)
    controls = [w for w in page.findChildren(QWidget)
                if isinstance(w, QComboBox | QCheckBox | QPushButton) and w.isVisible()]
    assert len(controls) >= 6
    for control in controls:
        assert control.accessibleName(), control
    assert page.language.hasFocus() or QApplication.focusWidget() is page.language
    seen = set()
    for _step in range(30):  # Tab walks every control (a scroll area's own stops in between)
        focus = QApplication.focusWidget()
        if focus is not None:
            seen.add(focus)
        qtbot.keyClick(QApplication.focusWidget() or page, "\t")
    assert {c for c in controls if c.isEnabled()} <= seen


def test_text_size_and_high_contrast_apply_at_once_and_are_saved(
    win: MainWindow, data_paths: DataPaths
) -> None:
    page = open_settings(win)
    choose(page.text_size, 150)
    page.high_contrast.setChecked(True)
    assert win.theme.zoom == 1.5 and win.theme.high_contrast
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert HIGH_CONTRAST.accent in app.styleSheet()
    assert read_settings(data_paths.settings) == (
        Settings(language="en", text_size=150, high_contrast=True), ())
    win.menu.zoom_in.trigger()
    win.menu.zoom_reset.trigger()  # Ctrl+0: back to the size chosen in Settings
    assert win.theme.zoom == 1.5


def test_the_talk_clock_default_ticks_the_new_session_page(win: MainWindow) -> None:
    page = open_settings(win)
    page.talk_clock.setChecked(True)
    page.back_button.click()
    win.start.new_button.click()
    assert win.setup_page is not None and win.setup_page.talk_clock.isChecked()


def test_a_data_folder_is_used_from_the_next_start(
    win: MainWindow, data_paths: DataPaths, tmp_path: Path
) -> None:
    chosen = tmp_path / "workshops"
    chosen.mkdir()
    win.files = ScriptedFiles([chosen])
    page = open_settings(win)
    page.choose_button.click()
    assert read_settings(data_paths.settings).settings.data_folder == str(chosen.resolve())
    assert page.folder_in_use.text() == str(data_paths.data)  # this run keeps its folder
    assert page.folder_next.isVisible()
    assert str(chosen.resolve()) in page.folder_next.text()
    page.default_button.click()
    assert read_settings(data_paths.settings).settings.data_folder == ""


def test_one_language_shows_no_picker(qtbot: QtBot, english: None) -> None:
    window = MainWindow(GameController(pacing_ms=0), lambda: dict(shipped_scenarios()),
                        languages=("en",), offer_resume=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    assert window.start.language is None


def test_portable_mode_is_shown_as_the_state_the_program_runs_in(
    qtbot: QtBot, tmp_path: Path, english: None
) -> None:
    folder = tmp_path / "consortium-data"
    paths = DataPaths(data=folder, config=folder, portable=True)
    window = MainWindow(GameController(pacing_ms=0), lambda: dict(shipped_scenarios()),
                        paths=paths, offer_resume=False)
    qtbot.addWidget(window)
    page = open_settings(window)
    assert str(folder) in page.portable.text()
    assert "--portable" in page.portable_hint.text()
    assert not page.choose_button.isEnabled() and not page.default_button.isEnabled()


def test_problems_found_at_start_are_said_on_the_page(qtbot: QtBot, english: None) -> None:
    window = MainWindow(GameController(pacing_ms=0), lambda: dict(shipped_scenarios()),
                        settings_problems=["text size 900 % is not one of 100–200 %"],
                        offer_resume=False)
    qtbot.addWidget(window)
    page = open_settings(window)
    assert "900" in page.problems.text()


def test_a_settings_file_that_cannot_be_written_is_said(
    win: MainWindow, data_paths: DataPaths
) -> None:
    data_paths.config.mkdir(parents=True)
    data_paths.settings.mkdir()  # a folder where the file goes
    page = open_settings(win)
    page.talk_clock.setChecked(True)
    assert win.settings.talk_clock_default  # still applies for this run
    assert page.problems.isVisible() and str(data_paths.settings) in page.problems.text()


def test_the_start_screens_picker_changes_the_words_at_once(
    win: MainWindow, data_paths: DataPaths, qtbot: QtBot
) -> None:
    qtbot.waitUntil(lambda: win.start.language is not None)  # made after the first paint
    assert win.start.language is not None and win.start.language.isVisible()
    choose(win.start.language, PSEUDO_LANGUAGE)
    assert language() == PSEUDO_LANGUAGE
    assert is_pseudo(win.start.new_button.text())
    assert is_pseudo(win.start.settings_button.text())
    assert is_pseudo(win.menu.session_menu.title())
    assert json.loads(data_paths.settings.read_text())["language"] == PSEUDO_LANGUAGE
    page = open_settings(win)
    assert is_pseudo(page.high_contrast.text())
    choose(page.language, "en")
    assert language() == "en"
    assert win.settings_page is not page  # built anew, in English, and still shown
    assert win.pages.currentWidget() is win.settings_page
    assert win.settings_page.high_contrast.text() == _("High contrast: black on white, "
                                                       "stronger colours")


def test_a_game_in_play_survives_a_language_change(win: MainWindow, qtbot: QtBot) -> None:
    win.start.new_button.click()
    setup = win.setup_page
    assert setup is not None
    setup.start_button.click()
    c = win.controller
    qtbot.waitUntil(lambda: c.has_game and not c.busy, timeout=10_000)
    QApplication.processEvents()
    history, state = c.play.history, c.state
    folder = c.saving.folder if c.saving is not None else None
    assert folder is not None
    qtbot.waitUntil(lambda: any(folder.glob("save-*")), timeout=10_000)
    saves = sorted(p.name for p in folder.glob("save-*"))
    old_game, old_board = win.game, win.board
    win.menu.settings.trigger()
    page = win.settings_page
    assert page is not None and win.pages.currentWidget() is page
    choose(page.language, PSEUDO_LANGUAGE)
    assert language() == PSEUDO_LANGUAGE
    assert win.game is not old_game and win.board is not old_board  # built anew…
    assert c.play.history is history and c.state is state  # …over the same game
    assert c.saving is not None and c.saving.folder == folder
    assert sorted(p.name for p in folder.glob("save-*")) == saves  # nothing saved again
    assert is_pseudo(win.start.new_button.text())
    win.settings_page.back_button.click()
    assert win.pages.currentWidget() is win.game
    assert is_pseudo(win.game.side.accessibleName())
    # the new screen plays on: the same controller, its words in the new language
    assert win.controller is c
    assert win.game.panel.isVisibleTo(win) or win.game.curtain.isVisibleTo(win)
