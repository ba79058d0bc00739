"""Text size up to 200 % and Swedish on the laptop (issue 15): nothing cut off anywhere.

One crowded game is walked through the real window (``tests/ui/stage_walk.py``: 8 seats,
8 open tasks, hands of 4, every phase) for each language, text size and laptop screen, and
everything the facilitator sees on the way is audited with the layout check
(``ui/kit/layout_audit.py``): the start screen, the Settings page, the resume list, the
new-session page, the facilitator's column in every phase (panel, curtain, private panel),
and every dialog (help, table code, "Check that it teaches", compare sessions, name a
holder, its printed-hands form, phones, the questions and messages). The board is a stage
that sizes its own type, whatever the text size: it is checked as in ``test_stage.py``.

What *fits* means at a large text size (the rule the audit applies):

- no text is cut: every label, button and progress bar holds its whole text, or ends with
  "…" and keeps the whole text in its tooltip;
- every control is reachable: nothing runs past the edge of a panel that does not scroll;
- a panel or page may scroll *down* (the facilitator's column, the private panel's hand, the
  Settings and new-session pages, the phones dialog), never *sideways*: a line read by
  scrolling left and right is a line cut;
- the main window and every dialog fit the screen.

The cases: Swedish at 100 % (its words are longer) and both languages at 150 % and 200 %,
each on a 1366×768 laptop and at 1920×1080. Each case plays one game and audits every
screen on the way, so the time grows with the cases, not with the screens.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from consortium.engine.simulate import bot_action, seat_policy
from consortium.engine.state import Phase
from consortium.present.i18n import _, language, use_language
from consortium.store.paths import DataPaths
from consortium.store.scenarios import shipped_scenarios
from consortium.store.settings import Settings
from consortium.ui.controller import GameController
from consortium.ui.kit.theme import Theme
from consortium.ui.laptop.printed_holder_dialog import PrintedHolderDialog
from consortium.ui.saving import Saving
from consortium.ui.shell.file_dialogs import ScriptedFiles
from consortium.ui.shell.main_window import MainWindow
from consortium.ui.shell.setup_page import SetupPage
from consortium.ui.shell.table_code_dialog import TableCodeDialog
from tests.ui.conftest import real_window
from tests.ui.driver import Driver
from tests.ui.stage_walk import Measure, laptop_problems, walk
from tests.ui.test_stage import place_window

Case = tuple[str, int, tuple[int, int]]
"""A language, a text size in per cent, a screen's width and height."""
CASES: list[Case] = [
    (lang, size, screen)
    for lang, size in (("sv", 100), ("en", 150), ("sv", 150), ("en", 200), ("sv", 200))
    for screen in ((1366, 768), (1920, 1080))
]


def case_id(case: Case) -> str:
    lang, size, (width, height) = case
    return f"{lang}-text{size}-{width}x{height}"


@pytest.fixture
def room(case: Case, qtbot: QtBot, qapp: QApplication,
         data_paths: DataPaths) -> Iterator[MainWindow]:
    """The real window in the case's language and text size, built after both were chosen
    (as the program builds it from Settings); the suite's language and look afterwards."""
    lang, size, _screen = case
    before = language()
    use_language(lang)
    unfinished_session(data_paths)  # a row for the resume list
    try:
        yield from real_window(qtbot, qapp, data_paths, theme=Theme(zoom=size / 100),
                               settings=Settings(language=lang, text_size=size))
    finally:
        use_language(before)
        Theme().apply(qapp)


def unfinished_session(paths: DataPaths) -> None:
    """A session saved a few moves in, as a workshop interrupted yesterday left it."""
    controller = GameController(pacing_ms=0,
                                saving=Saving(paths.sessions, background=False))
    controller.start(SetupPage(dict(shipped_scenarios())).setup())
    for _move in range(12):
        state = controller.state
        controller.submit(bot_action(state, seat_policy(state, state.public.actor)))
    controller.shutdown()


class Audit:
    """What the laptop shows, checked screen by screen; ``found`` says where, what."""

    def __init__(self, qtbot: QtBot, window: MainWindow, screen: QRect) -> None:
        self.qtbot = qtbot
        self.w = window
        self.screen = screen
        self.found: list[str] = []
        self.seen: list[str] = []

    def settle(self) -> None:
        for _pass in range(4):
            QApplication.processEvents()
        self.qtbot.wait(20)  # a scroll area lays out its page on the next turn
        QApplication.processEvents()

    def check(self, where: str, root: QWidget) -> None:
        self.settle()
        assert root.isVisible(), where
        self.seen.append(where)
        self.found += [f"{where}: {p}" for p in laptop_problems(root)]
        for top in {root.window(), self.w}:  # the dialog, and the window behind it
            if top.width() > self.screen.width() or top.height() > self.screen.height():
                self.found.append(
                    f"{where}: {top.windowTitle() or type(top).__name__} {top.width()}×"
                    f"{top.height()} is larger than the screen {self.screen.width()}×"
                    f"{self.screen.height()}")

    def pages_before_the_game(self) -> None:
        w = self.w
        self.check("start screen", w)
        w.show_settings()
        assert w.settings_page is not None
        self.check("settings page", w.settings_page)
        w.pages.setCurrentWidget(w.start)
        w.show_resume()
        assert w.resume_page is not None and w.resume_page.entries
        self.check("resume page", w.resume_page)
        w.pages.setCurrentWidget(w.start)
        w.show_setup()
        page = w.setup_page
        assert page is not None
        code = TableCodeDialog(page.apply_code, page)
        code.show()
        self.check("table code dialog", code)
        code.field.setText("X" + page.table_code()[1:])
        code.accept()  # refused: the problem shows under the field
        self.check("table code dialog, mistyped", code)
        code.reject()
        check = page.check_scenario(seeds=2, workers=0)
        self.check("check that it teaches", check)
        check.reject()
        self.qtbot.waitUntil(lambda: page.check_dialog is None, timeout=10_000)
        w.files = ScriptedFiles([])
        w.menu.compare.trigger()
        compare = w.compare_window
        assert compare is not None
        # sized as MainWindow.compare_sessions sizes it on this screen (the test's screen is
        # the size asked for, not the platform's)
        size = (min(1600, self.screen.width() * 9 // 10), min(900, self.screen.height() * 9 // 10))
        compare.resize(*size)
        self.settle()  # its buttons' lines at the new width...
        compare.resize(*size)  # ...let it be as low as on that screen from the start
        self.check("compare sessions", compare)
        compare.close()
        w.pages.setCurrentWidget(w.start)

    def dialogs_in_the_game(self, measure: Measure) -> None:
        """Once, in the first deliberation: every dialog the facilitator opens mid-game."""
        w, c = self.w, self.w.controller
        if c.view.phase is not Phase.DELIBERATION or "help" in self.seen:
            return
        w.show_help()
        assert w.help_dialog is not None
        for tab in range(w.help_dialog.tabs.count()):
            w.help_dialog.tabs.setCurrentIndex(tab)
            self.check("help", w.help_dialog)
        w.help_dialog.close()
        for ask in (w.ask_end_game, w.ask_fast_forward):
            ask()
            box = w.last_message
            assert box is not None
            self.check(box.windowTitle(), box)
            box.reject()
        box = w.show_message(_("No report yet"), _(
            "The game is not over yet: the report is made after the last round, or after "
            "Facilitator → End the game early."))
        self.check("a message", box)
        box.accept()
        w.ask_name_holder()
        holder = w.name_holder_dialog
        assert holder is not None
        self.check("name a holder, curtain", holder)
        holder.show_cards_button.click()
        self.check("name a holder, hidden cards", holder)
        holder.reject()
        printed = PrintedHolderDialog(c.view, w)
        printed.open()
        self.check("name a holder, printed hands", printed)
        printed.reject()
        printed.deleteLater()
        w.show_phones()
        assert w.phones_dialog is not None
        self.check("phones", w.phones_dialog)
        w.phones_dialog.close()
        w.activateWindow()  # the curtain's Space answers in the active window only
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=2000)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_every_laptop_screen_fits_in_swedish_and_at_large_text(
    qtbot: QtBot, room: MainWindow, case: Case
) -> None:
    window = room
    _lang, _size, (width, height) = case
    screen = place_window(window, width, height)
    audit = Audit(qtbot, window, screen)
    Driver(qtbot, window).settle()
    audit.pages_before_the_game()
    measure = walk(qtbot, window, screen, visit=audit.dialogs_in_the_game)
    # the board is a stage: its own type, whatever the laptop's text size
    found = [*(f"board, {p}" for p in measure.problems),
             *(f"new-session page: {p}" for p in measure.setup),
             *(f"facilitator column, {p}" for p in sorted(set(measure.laptop))),
             *audit.found]
    assert found == [], "\n".join(found)
    assert Phase.GAME_OVER in measure.phases and "phones" in audit.seen
    assert window.width() <= width and window.height() <= height
