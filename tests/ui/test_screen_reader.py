"""Every screen as a screen reader hears it: the accessibility tree of every window on screen
(tests/ui/a11y_tree.py has the rule) walked on the start screen, the new-session page and its
dialogs, Settings, the resume page, Help, Compare sessions; then through a whole game played
with clicks and keys (the board, the facilitator's column, the curtain and the private panel,
the pit stops, the message boxes, Name a holder) to the debrief, each of its screens in turn
(What if and the story among them); and a printed-hands game and a phones game for their own
dialogs. Every control must have a name, the ones whose name is not enough a description,
and no two controls side by side one name.

That the board's names and descriptions hold nothing hidden (a hand, private hours) is
tests/ui/test_leak.py's: it compares them, with every other text, across two games that
differ only in what is hidden.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from consortium.engine.state import Mode, Phase
from consortium.present.i18n import _
from consortium.present.prompts import SCREENS
from consortium.store.paths import DataPaths
from consortium.ui.shell.calibrate_dialog import CalibrateDialog
from consortium.ui.shell.file_dialogs import ScriptedFiles
from consortium.ui.shell.main_window import MainWindow
from consortium.ui.shell.messages import message
from consortium.ui.shell.setup_page import HANDS_PHONES, HANDS_PRINTED, SetupPage
from consortium.ui.shell.table_code_dialog import TableCodeDialog
from tests.ui.a11y_tree import offenders, walk
from tests.ui.driver import Driver
from tests.ui.test_debrief_flow import window_with_what_if
from tests.ui.test_printed_hands import PrintedDriver, choose


def _shown(window: MainWindow) -> list[QWidget]:
    """The windows on screen now: the laptop's, the board's when it is a window of its own,
    and every dialog, box or open menu over them."""
    roots: list[QWidget] = [window]
    if window.board.isWindow():
        roots.append(window.board)
    roots += [w for w in QApplication.topLevelWidgets()
              if w.isVisible() and w.isWindow() and w not in roots
              and w.windowType() != Qt.WindowType.ToolTip]
    return roots


class Heard:
    """What a reader would miss, by path, with where it was first met."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.found: dict[str, str] = {}
        self.checks = 0

    def check(self, where: str) -> None:
        QApplication.processEvents()
        self.checks += 1
        for problem in offenders(*_shown(self.window)):
            self.found.setdefault(problem, where)

    def assert_none(self) -> None:
        assert not self.found, f"{len(self.found)} things a screen reader misses:\n" + "\n".join(
            f"  {problem}   [{where}]" for problem, where in sorted(self.found.items()))


class ReaderDriver(Driver):
    """The test driver, listening to every window after each click and key."""

    def __init__(self, qtbot: QtBot, window: MainWindow, heard: Heard) -> None:
        super().__init__(qtbot, window)
        self.heard = heard

    def where(self) -> str:
        view = self.c.view
        return f"round {view.round} {view.phase.value}"

    def click(self, widget: QWidget) -> None:
        super().click(widget)
        self.heard.check(self.where())

    def press(self, widget: QWidget, key: Qt.Key) -> None:
        super().press(widget, key)
        self.heard.check(self.where())


def test_the_walk_finds_what_a_reader_misses(qtbot: QtBot) -> None:
    """The rule itself: a nameless button, a button with no description and two check boxes
    with one name are reported, each by its path; a well-named one is not."""
    from PySide6.QtWidgets import QCheckBox, QVBoxLayout

    root = QWidget()
    root.setWindowTitle("Room")
    qtbot.addWidget(root)
    box = QVBoxLayout(root)
    good = QPushButton("Go")
    good.setAccessibleDescription("Starts the game")
    bare = QPushButton()
    terse = QPushButton("Stop")
    twins = [QCheckBox("Same"), QCheckBox("Same")]
    for twin in twins:
        twin.setAccessibleDescription("One of two")
    for widget in (good, bare, terse, *twins):
        box.addWidget(widget)
    root.show()
    found = offenders(root)
    assert "Room > Button: no name" in found
    assert "Room > Button 'Stop': no description" in found
    assert "Room: two controls named 'Same' (CheckBox, CheckBox)" in found
    assert not any("'Go'" in problem for problem in found)
    assert len(found) == 3
    twins[1].hide()  # what a reader cannot reach is not heard
    assert "Room: two controls named 'Same' (CheckBox, CheckBox)" not in offenders(root)
    assert [node.name for node, _children in walk(root)][:3] == ["Room", "Go", ""]


def test_a_chart_is_heard_as_a_chart_with_its_figures(qtbot: QtBot) -> None:
    """Qt calls a painted widget a plain area; the board's charts say they are charts
    (ui/kit/accessible.py), and with no rounds yet their description says so."""
    from PySide6.QtGui import QAccessible

    from consortium.ui.board.time_chart import TimeChart

    chart = TimeChart("Where the time went")
    qtbot.addWidget(chart)
    chart.show()
    iface = QAccessible.queryAccessibleInterface(chart)
    assert iface is not None and iface.role() is QAccessible.Role.Chart
    assert iface.text(QAccessible.Text.Description) == _("No rounds played yet.")
    assert offenders(chart) == []
    chart.setAccessibleDescription("")
    assert offenders(chart) == ["Chart 'Where the time went': no description"]


def test_the_pages_and_dialogs_before_a_game(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    heard = Heard(window)
    heard.check("start screen")
    for action in window.menuBar().actions():  # each menu opened, its items read
        menu = action.menu()
        assert isinstance(menu, QMenu)
        menu.popup(window.mapToGlobal(window.rect().center()))
        qtbot.waitUntil(menu.isVisible, timeout=2000)
        heard.check(f"menu {action.text()}")
        menu.hide()
    window.show_setup()
    page = window.setup_page
    assert isinstance(page, SetupPage)
    heard.check("new-session page")
    for hands in (HANDS_PRINTED, HANDS_PHONES):  # the options each way of holding hands shows
        choose(page.hands, hands)
        heard.check(f"new-session page, hands {hands}")
    code = TableCodeDialog(page.apply_code, page)
    code.show()
    heard.check("table code dialog")
    code.reject()
    calibrate = page.check_scenario(seeds=4, workers=0)
    assert isinstance(calibrate, CalibrateDialog)
    heard.check("calibrate dialog")
    calibrate.stop()  # stopped: its status and Close
    qtbot.waitUntil(calibrate.close_button.isVisible, timeout=10_000)
    heard.check("calibrate dialog, stopped")
    calibrate.reject()
    window.show_settings()
    heard.check("settings")
    window.show_resume()
    heard.check("resume page")
    window.show_help()
    heard.check("help (F1)")
    assert window.help_dialog is not None
    window.help_dialog.close()
    window.files = ScriptedFiles([])
    window.menu.compare.trigger()
    compare = window.compare_window
    assert compare is not None
    heard.check("compare sessions")
    compare.close()
    box = message(window, "Title", "Text", ["line"])
    heard.check("a message box")
    box.reject()
    heard.assert_none()


@pytest.fixture
def what_if_window(qtbot: QtBot, qapp: QApplication, data_paths: DataPaths
                   ) -> Iterator[MainWindow]:
    yield from window_with_what_if(qtbot, data_paths, 5)


GAMES = {
    # the 90-minute plan (Plenary, Pick your own, then Mixed by a show of hands), open hands
    "plan, open hands": (0, False),
    # the group chooses every round, a different way each time; secret ballot behind the
    # curtain
    "chosen, secret ballot": (4, True),
}


@pytest.mark.parametrize("game", GAMES)
def test_a_whole_game_and_its_debrief_as_a_reader_hears_them(
    qtbot: QtBot, what_if_window: MainWindow, game: str
) -> None:
    """Every phase, the curtain, the private panel, the open vote or the secret ballot, the
    pit stops, the boxes and dialogs of a game, then each debrief screen."""
    schedule, secret_ballot = GAMES[game]
    window = what_if_window
    heard = Heard(window)
    driver = ReaderDriver(qtbot, window, heard)
    driver.choose_mode = lambda r: (Mode.DEMOCRATIC, Mode.SELF_SELECTION, Mode.HYBRID)[r - 1]
    driver.start(schedule, rounds=3, seed=5, secret_ballot=secret_ballot)
    heard.check("the game's first screen")
    window.ask_end_game()
    heard.check("End the game? box")
    window.last_message.reject()  # type: ignore[union-attr]
    window.ask_fast_forward()
    heard.check("Fast-forward? box")
    window.last_message.reject()  # type: ignore[union-attr]
    window.ask_name_holder()
    dialog = window.name_holder_dialog
    assert dialog is not None
    heard.check("Name a holder, its curtain")
    dialog.show_cards_button.click()
    heard.check("Name a holder, the hidden cards")
    dialog.reject()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    c = window.controller
    driver.play_until(lambda: c.view.phase is Phase.GAME_OVER, max_steps=2000)
    heard.check("game over, before the Reveal")
    form = window.game.panel.predictions_form
    if form is not None:
        heard.check("the predictions form")
    c.reveal()
    debrief = window.board.debrief
    qtbot.waitUntil(debrief._revealed.isVisible, timeout=2000)
    qtbot.waitUntil(lambda: c.what_if_result() is not None, timeout=30000)
    for index, screen in enumerate(SCREENS):
        c.show_debrief_screen(index)
        qtbot.waitUntil(partial(lambda i: debrief.screens.currentIndex() == i, index),
                        timeout=2000)
        heard.check(f"debrief screen {screen.key}")
    assert driver.seen.curtains > 0 and driver.seen.pit_stops >= 2
    assert heard.checks > 50
    heard.assert_none()


def test_printed_hands_and_phones_dialogs(qtbot: QtBot, window: MainWindow) -> None:
    heard = Heard(window)
    driver = PrintedDriver(qtbot, window)
    driver.start(2, seed=4)
    c = window.controller
    driver.play_until(lambda: window.game.acts.active)
    heard.check("the public acts panel")
    window.menu.name_holder.trigger()
    assert window.printed_holder_dialog is not None
    heard.check("Name a holder with printed hands")
    window.printed_holder_dialog.close()
    c.end_game()
    window.show_setup()
    page = window.setup_page
    assert page is not None
    choose(page.hands, HANDS_PHONES)
    window.start_session(page.setup())
    window.show_phones()
    assert window.phones_dialog is not None
    heard.check("phones dialog")
    window.phones_dialog.close()
    heard.assert_none()


def test_the_practice_round(qtbot: QtBot, window: MainWindow) -> None:
    """The practice round's coach line, its End the practice, and its Back to the new
    session at the end."""
    heard = Heard(window)
    window.show_setup()
    page = window.setup_page
    assert page is not None
    page.seats.setData(page.seats.index(0, 2), "Person")
    page.practice_button.click()
    c = window.controller
    assert c.session.practice
    driver = ReaderDriver(qtbot, window, heard)
    driver.settle()
    heard.check("practice, first step")
    assert "end-practice" in window.game.panel.buttons
    driver.play_until(lambda: c.view.phase is Phase.GAME_OVER)
    driver.button("practice-done")
    heard.check("practice over")
    assert heard.checks > 5
    heard.assert_none()
