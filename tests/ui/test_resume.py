"""Never lose a workshop, through the real window (issue 4): resume from the start screen, the
crash offer after an unclean exit, a fallback to an earlier autosave, and files from a USB
stick that cannot be opened while the game goes on."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from consortium.engine.state import Phase
from consortium.present.i18n import _, is_pseudo, language, use_language
from consortium.present.labels import phase_label
from consortium.present.reason_words import os_reason
from consortium.store.paths import DataPaths
from consortium.store.save_load import read_save_file
from consortium.store.scenarios import shipped_scenarios
from consortium.store.sessions import OPEN_MARKER, save_versions
from consortium.ui.controller import GameController
from consortium.ui.laptop.private_panel import PrivatePanel
from consortium.ui.saving import Saving
from consortium.ui.shell.file_dialogs import ScriptedFiles
from consortium.ui.shell.main_window import MainWindow
from tests.ui.driver import Driver
from tests.ui.handoff import click_show
from tests.ui.widget_text import dump
from tests.words import says, says_in

PICK = 2  # Pick your own every round: people's private turns behind the curtain


def open_window(qtbot: QtBot, paths: DataPaths) -> MainWindow:
    """A second start of the program on the same data folder."""
    controller = GameController(pacing_ms=0, saving=Saving(paths.sessions))
    win = MainWindow(controller, lambda: dict(shipped_scenarios()), paths=paths)
    controller.setParent(win)
    qtbot.addWidget(win)
    win.resize(1920, 1080)
    win.show()
    qtbot.waitExposed(win)
    return win


def play_into_round_two(qtbot: QtBot, window: MainWindow, *, pit_stop: bool = False) -> Driver:
    """Some decisions, ending on a person's private turn with the hand open (or at the
    first pit stop)."""
    driver = Driver(qtbot, window)
    driver.start(PICK)
    c = window.controller
    if pit_stop:
        # the second pit stop: what round 2 added is not the tasks' whole progress
        driver.play_until(lambda: c.view.phase is Phase.PIT_STOP and c.view.round == 2)
    else:
        driver.play_until(lambda: c.view.round == 2 and driver.curtain.active)
        click_show(driver.qtbot, driver.curtain)
        assert driver.curtain.panel is not None
    assert c.saving is not None
    status = c.saving.flush()
    assert status is not None and status.ok and status.saved_step == len(c.actions)
    return driver


def board_text(window: MainWindow) -> list[str]:
    """What the room sees on the board: every visible widget's texts (a hidden page may
    still hold an earlier pit stop, drawn from what that window watched). Scroll bars are
    left out: whether one shows depends on the window's height (a status bar message), not
    on the game."""
    QApplication.processEvents()
    # Left out too, the announcements banner: it says what the last moves caused, which a
    # resumed window did not see happen (the log keeps them).
    banner = window.board.banner
    shown = banner.isVisible()
    banner.hide()
    lines = [line for line in dump(window.board)
             if " | True | " in line
             and not line.startswith(("QScrollBar#", "QWidget#qt_scrollarea_vcontainer"))]
    banner.setVisible(shown)
    return lines


def test_resume_from_the_start_screen(
    qtbot: QtBot, window: MainWindow, data_paths: DataPaths, qtmodeltester: ModelTester
) -> None:
    play_into_round_two(qtbot, window)
    c = window.controller
    view, log, people = c.view, c.actions, c.session.people
    title = c.state.ctx.scenario.title
    window.game.curtain.close_panel()
    seen = board_text(window)
    window.close()  # a clean end: the session stays in the list, no crash offer
    folder = next(data_paths.sessions.iterdir())
    assert not (folder / OPEN_MARKER).exists()

    again = open_window(qtbot, data_paths)
    qtbot.waitUntil(again.start.resume_button.isEnabled)
    assert again.start.resume_button.text() == _("Resume a session ({count})").format(count=1)
    assert again.sessions.crash_offer is None
    qtbot.mouseClick(again.start.resume_button, Qt.MouseButton.LeftButton)
    page = again.resume_page
    assert page is not None and page.isVisible()
    row = [page.model.index(0, col).data() for col in range(page.model.columnCount())]
    players = ", ".join(p.name for p in view.participants if p.present)
    assert row[:4] == [title, _("Round {number} of {rounds}").format(number=2, rounds=3),
                       phase_label(Phase.TURNS), players]
    assert not says("{saved} · not closed (interrupted)", row[4])
    qtmodeltester.check(page.model)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)

    c2 = again.controller
    assert again.pages.currentWidget() is again.game
    assert c2.view == view and c2.actions == log and c2.session.people == people
    curtain = again.game.curtain
    assert curtain.active and curtain.panel is None  # the curtain is down
    assert not again.findChildren(PrivatePanel)
    assert board_text(again) == seen
    # the group plays on in the same folder, and the session is open again
    Driver(qtbot, again).step()
    assert len(c2.actions) > len(log)
    assert c2.saving is not None and c2.saving.folder == folder
    c2.saving.flush()
    assert (folder / OPEN_MARKER).exists()


def test_a_crash_is_offered_at_the_next_start(
    qtbot: QtBot, window: MainWindow, data_paths: DataPaths
) -> None:
    play_into_round_two(qtbot, window, pit_stop=True)
    c = window.controller
    view = c.view
    seen = board_text(window)
    assert any(says_in("+{progress} this round", line) for line in seen)  # the board after work
    assert c.saving is not None
    folder = c.saving.folder
    assert folder is not None and (folder / OPEN_MARKER).exists()
    window.close()
    (folder / OPEN_MARKER).write_text("{}")  # the marker a killed process leaves behind

    again = open_window(qtbot, data_paths)
    qtbot.waitUntil(lambda: again.sessions.crash_offer is not None)
    offer = again.sessions.crash_offer
    assert offer is not None and offer.isVisible()
    assert offer.text() == _("Consortium did not close properly last time. Resume that "
                             "session where it stopped?")
    assert says("{scenario}, {round}, with {players}.\n“Not now” keeps it in the Resume list "
                "and stops this question.", offer.informativeText(),
                round=_("round {number} of {rounds}").format(number=2, rounds=3))
    resume = next(b for b in offer.buttons() if b.text() == _("Resume"))
    qtbot.mouseClick(resume, Qt.MouseButton.LeftButton)
    assert again.controller.view == view
    assert again.board.pages.currentWidget() is again.board.pit_stop
    assert board_text(again) == seen  # the pit stop says what the round added, as before


def test_not_now_stops_the_offer_and_keeps_the_session(
    qtbot: QtBot, window: MainWindow, data_paths: DataPaths
) -> None:
    play_into_round_two(qtbot, window)
    c = window.controller
    assert c.saving is not None
    folder = c.saving.folder
    assert folder is not None
    window.close()
    (folder / OPEN_MARKER).write_text("{}")

    again = open_window(qtbot, data_paths)
    qtbot.waitUntil(lambda: again.sessions.crash_offer is not None)
    offer = again.sessions.crash_offer
    assert offer is not None
    later = next(b for b in offer.buttons() if b.text() == _("Not now"))
    qtbot.mouseClick(later, Qt.MouseButton.LeftButton)
    assert not (folder / OPEN_MARKER).exists()
    assert not again.in_game
    assert again.start.resume_button.text() == _("Resume a session ({count})").format(count=1)
    third = open_window(qtbot, data_paths)
    qtbot.waitUntil(third.start.resume_button.isEnabled)
    assert third.sessions.crash_offer is None


def crash_on_a_read_only_stick(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, *, settings: bool
) -> Path:
    """A session interrupted, then its folder write-protected (and Consortium's settings
    folder too, unless ``settings``). Tests run as root, where chmod cannot make a folder
    read-only, so the store's file system refuses the writes."""
    from consortium.store.fs import FileSystem

    play_into_round_two(qtbot, window)
    saving = window.controller.saving
    folder = saving.folder if saving is not None else None
    assert folder is not None
    window.close()
    (folder / OPEN_MARKER).write_text("{}")  # the marker a killed process leaves behind
    paths = window.paths
    assert paths is not None
    refused = [folder] if settings else [folder, paths.config]
    remove, write_file = FileSystem.remove, FileSystem.write_file

    def guard(path: Path) -> None:
        if any(place in path.parents for place in refused):
            raise OSError(errno.EROFS, "Read-only file system")

    def read_only_remove(fs: FileSystem, path: Path) -> None:
        guard(path)
        remove(fs, path)

    def read_only_write(fs: FileSystem, path: Path, data: bytes) -> None:
        guard(path)
        write_file(fs, path, data)

    monkeypatch.setattr(FileSystem, "remove", read_only_remove)
    monkeypatch.setattr(FileSystem, "write_file", read_only_write)
    return folder


def say_not_now(qtbot: QtBot, data_paths: DataPaths) -> MainWindow:
    again = open_window(qtbot, data_paths)
    qtbot.waitUntil(lambda: again.sessions.crash_offer is not None)
    offer = again.sessions.crash_offer
    assert offer is not None
    qtbot.mouseClick(next(b for b in offer.buttons() if b.text() == _("Not now")),
                     Qt.MouseButton.LeftButton)
    return again


def test_not_now_on_a_read_only_folder_is_remembered_and_said(
    qtbot: QtBot, window: MainWindow, data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = crash_on_a_read_only_stick(qtbot, window, monkeypatch, settings=True)
    again = say_not_now(qtbot, data_paths)
    assert (folder / OPEN_MARKER).exists()  # the folder could not be changed
    stays = _("{scenario} stays in Resume a session.").format(
        scenario="Cancer care partnership")
    assert again.statusBar().currentMessage() == _(
        "{stays} Its folder cannot be written ({why}), so this answer is kept in Consortium's "
        "settings: the next start will not ask again.").format(
        stays=stays, why=_("the disk is read-only"))
    third = open_window(qtbot, data_paths)  # the next start
    qtbot.waitUntil(lambda: third.start.resume_button.text() == _(
        "Resume a session ({count})").format(count=1))
    assert third.sessions.crash_offer is None
    third.show_resume()
    assert third.resume_page is not None
    assert not says("{saved} · not closed (interrupted)",
                    third.resume_page.model.index(0, 4).data())


def test_not_now_that_cannot_be_kept_anywhere_says_it_will_ask_again(
    qtbot: QtBot, window: MainWindow, data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = crash_on_a_read_only_stick(qtbot, window, monkeypatch, settings=False)
    again = say_not_now(qtbot, data_paths)
    box = again.last_message
    assert box is not None and box.isVisible()
    assert box.windowTitle() == _("Consortium will ask again")
    assert box.text() == _(
        "{stays} Its folder cannot be written ({why}), and neither can Consortium's settings, "
        "so this answer cannot be kept: the next start will ask again.").format(
        stays=_("{scenario} stays in Resume a session.").format(
            scenario="Cancer care partnership"), why=_("the disk is read-only"))
    assert box.informativeText() == str(folder)
    box.done(QMessageBox.StandardButton.Ok)
    assert not again.in_game
    third = open_window(qtbot, data_paths)  # as it said: asked again
    qtbot.waitUntil(lambda: third.sessions.crash_offer is not None)


def test_a_damaged_newest_autosave_falls_back_and_says_so(
    qtbot: QtBot, window: MainWindow, data_paths: DataPaths
) -> None:
    play_into_round_two(qtbot, window)
    window.close()
    folder = next(data_paths.sessions.iterdir())
    newest, earlier = save_versions(folder)[:2]
    # The version before the newest: one action back, or more when the writer folded quick
    # actions into one save (it always writes the latest game, never a queue of them).
    before_last = read_save_file(earlier).save.actions
    assert 0 < len(before_last) < len(read_save_file(newest).save.actions)
    newest.write_bytes(newest.read_bytes()[: len(newest.read_bytes()) // 2])  # cut short

    again = open_window(qtbot, data_paths)
    qtbot.waitUntil(again.start.resume_button.isEnabled)
    again.show_resume()
    page = again.resume_page
    assert page is not None
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert again.controller.actions == before_last
    note = again.last_message
    assert note is not None and note.isVisible()
    assert note.windowTitle() == _("Resumed from an earlier autosave")
    assert newest.name in note.text() and "could not be opened" in note.text()


# --- files people bring ---------------------------------------------------------------------


def broken_files(good: bytes, folder: Path) -> dict[str, tuple[Path, str]]:
    """Files that must not open, each with a place its message must name."""
    text = good.decode("utf-8")
    header, rest = text.split("\n", 1)
    tree = json.loads(header[: -1] + "}")
    tree["header"]["format_version"] = 99
    future = json.dumps(tree, separators=(",", ":"))[:-1] + ",\n" + rest
    edited = text.replace('{"type":"Initiate","seat":0', '{"type":"Initiate","seat":7', 1)
    if edited == text:
        edited = text.replace('"seed":', '"seed":1', 1)
    cases = {
        "truncated.consortium": (good[: len(good) // 3], "file"),
        "oversized.consortium": (good + b" " * (1024 * 1024), "file"),
        "utf16.consortium": (text.encode("utf-16"), "file"),
        "future.consortium": (future.encode("utf-8"), "header.format_version"),
        "hand-edited.consortium": (edited.encode("utf-8"), ""),
        "not-a-save.consortium": (b"\x00\xff garbage", "file"),
    }
    out: dict[str, tuple[Path, str]] = {}
    for name, (data, place) in cases.items():
        path = folder / name
        path.write_bytes(data)
        out[name] = (path, place)
    return out


def test_a_broken_file_in_the_open_dialog_says_what_and_where(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    driver = Driver(qtbot, window)
    driver.start(PICK)
    c = window.controller
    driver.play_until(lambda: c.view.phase is Phase.TURNS and len(c.actions) > 6)
    assert c.saving is not None
    c.saving.flush()
    folder = c.saving.folder
    assert folder is not None
    good = save_versions(folder)[0].read_bytes()
    usb = tmp_path / "usb"
    usb.mkdir()
    cases = broken_files(good, usb)
    saved = {p: p.read_bytes() for p in folder.iterdir()}
    state, log = c.state, c.actions
    for name, (path, place) in cases.items():
        data = path.read_bytes()
        window.files = ScriptedFiles([path])
        window.menu.open_file.trigger()
        box = window.last_message
        assert box is not None and box.isVisible(), name
        assert box.windowTitle() == _("Cannot open this file")
        assert box.text() == _("{file} cannot be opened. Nothing was changed. The game in play "
                               "goes on.").format(file=name)
        lines = box.informativeText().splitlines()
        assert lines[0] == f"{path}:"
        assert all(": " in line for line in lines[1:]), lines
        if place:
            assert any(line.startswith(place) for line in lines[1:]), (name, lines)
        assert "Traceback" not in box.informativeText()
        box.done(QMessageBox.StandardButton.Ok)
        assert path.read_bytes() == data  # the file is not touched
        assert c.state is state and c.actions == log  # the game in play is as it was
    c.saving.flush()
    assert {p: p.read_bytes() for p in folder.iterdir()} == saved
    driver.step()  # and the game goes on
    assert len(c.actions) > len(log)


def test_open_a_good_file_and_save_as(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, data_paths: DataPaths
) -> None:
    driver = Driver(qtbot, window)
    driver.start(PICK)
    c = window.controller
    driver.play_until(lambda: len(c.actions) > 6 and driver.curtain.active)
    view, log = c.view, c.actions
    stick = tmp_path / "stick" / "workshop"  # no suffix: ".consortium" is added
    stick.parent.mkdir()
    window.files = ScriptedFiles([stick])
    window.menu.save_as.trigger()
    written = stick.with_suffix(".consortium")
    assert written.is_file()
    assert window.statusBar().currentMessage() == _("Saved to {path}").format(path=written)
    driver.step()
    assert c.actions != log
    window.files = ScriptedFiles([written])
    window.menu.open_file.trigger()
    assert c.view == view and c.actions == log
    assert window.game.curtain.panel is None
    # it goes on in a session folder of its own; the file on the stick is never written
    assert c.saving is not None and c.saving.folder is not None
    assert c.saving.folder.parent == data_paths.sessions
    before = written.read_bytes()
    driver.step()
    c.saving.flush()
    assert written.read_bytes() == before
    assert window.statusBar().currentMessage() == _(
        "The game before stays in Resume a session.")


def test_portable_paths_are_resolved_in_main(qtbot: QtBot) -> None:
    """``--portable`` keeps the data next to the program; the window is handed the folders."""
    from consortium.store.paths import PORTABLE_FOLDER, program_folder
    from consortium.ui.shell.app import build, parse

    assert parse(["--portable"]).portable and not parse([]).portable
    _app, win = build(["--portable", "--pacing", "0", "--exit-when-ready"])
    qtbot.addWidget(win)
    assert win.paths is not None and win.paths.portable
    assert win.paths.data == program_folder() / PORTABLE_FOLDER
    assert win.controller.saving is not None
    assert win.controller.saving.sessions == win.paths.sessions


def test_the_command_line_passes_portable_to_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    import consortium.ui.shell.app
    from consortium import cli

    asked: list[list[str]] = []
    monkeypatch.setattr(consortium.ui.shell.app, "run", lambda argv: asked.append(list(argv)) or 0)
    assert cli.main(["--portable"]) == 0
    assert cli.main(["--portable", "--exit-when-ready"]) == 0
    assert asked == [["--portable"], ["--exit-when-ready", "--portable"]]


def write_session(sessions: Path, name: str, seed: int, steps: int) -> Path:
    """A session folder as the autosave leaves it, without playing it through a window."""
    from tests.store.games import bot_game, save_bytes

    folder = sessions / name
    folder.mkdir(parents=True)
    state, actions = bot_game(seed=seed, steps=steps)
    (folder / "save-000001.consortium").write_bytes(save_bytes(state, actions))
    return folder


def test_a_trainer_removes_old_sessions_from_the_list_without_losing_them(
    qtbot: QtBot, data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    trial = write_session(data_paths.sessions, "2025-03-01_09-00-00_cancer-care", 1, 20)
    real = write_session(data_paths.sessions, "2025-03-01_10-00-00_cancer-care", 2, 30)
    files = {p: p.read_bytes() for p in trial.iterdir()}
    window = open_window(qtbot, data_paths)
    qtbot.waitUntil(lambda: window.start.resume_button.text() == _(
        "Resume a session ({count})").format(count=2))
    qtbot.mouseClick(window.start.resume_button, Qt.MouseButton.LeftButton)
    page = window.resume_page
    assert page is not None and page.model.rowCount() == 2
    assert page.remove_button.accessibleName() == _(
        "Remove the selected session from the list; its files are kept")
    trial_row = next(i for i, e in enumerate(page.entries) if e.folder == trial)
    page.table.selectRow(trial_row)

    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert [e.folder for e in page.entries] == [real]
    assert page.model.rowCount() == 1
    message = window.statusBar().currentMessage()
    assert says("{scenario} (round {number} of {rounds}) is off the list; its saves stay in "
                "{folder}.", message, scenario="Cancer care partnership", folder=trial)
    assert {p: p.read_bytes() for p in trial.iterdir() if p.name != "put-away"} == files

    # a folder that cannot be written: said plainly, and the session stays listed
    import consortium.store.sessions

    def read_only(folder: Path, fs: object = None) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(consortium.store.sessions, "put_away", read_only)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    box = window.last_message
    assert box is not None and box.windowTitle() == _("Cannot remove this session from the list")
    assert box.text() == _("The session folder cannot be written ({reason}). Nothing was "
                           "changed.").format(reason=os_reason(PermissionError(13, "Permission "
                                                                            "denied")))
    box.done(QMessageBox.StandardButton.Ok)
    assert page.model.rowCount() == 1
    monkeypatch.undo()

    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # the keyboard does it too
    assert page.model.rowCount() == 0 and page.empty.isVisible()
    assert not page.remove_button.isEnabled()
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert window.start.resume_button.text() == _("Resume a session")
    assert (real / "save-000001.consortium").exists()


def test_a_broken_save_is_explained_in_the_rooms_language(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """The open dialog's lines went through the catalogue (the pseudo-locale brackets each),
    with the file's path and each problem's place intact."""
    from tests.store.games import bot_game, save_bytes

    state, actions = bot_game(steps=30)
    good = save_bytes(state, actions)
    tree = json.loads(good)
    tree["config"]["rounds"] = "many"
    tree["actions"][4] = {"type": "Bribe"}
    cases = {"cut.consortium": good[: len(good) // 3],
             "edited.consortium": json.dumps(tree).encode()}
    before = language()
    use_language("qps")
    try:
        for name, data in cases.items():
            path = tmp_path / name
            path.write_bytes(data)
            window.files = ScriptedFiles([path])
            window.menu.open_file.trigger()
            box = window.last_message
            assert box is not None and box.isVisible(), name
            lines = box.informativeText().splitlines()
            box.done(QMessageBox.StandardButton.Ok)
            assert lines[0] == f"{path}:"
            assert lines[1:] and all(is_pseudo(line) for line in lines[1:]), lines
    finally:
        use_language(before)
    assert any("config.rounds: " in line and '"many"' in line for line in lines), lines
    assert not window.controller.actions  # nothing was opened
