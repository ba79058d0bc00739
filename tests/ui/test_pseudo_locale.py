"""A whole game in the pseudo-locale: every word a person reads went through the catalogue.

With ``use_language("qps")`` every message comes back bracketed (⟦…⟧) and longer. The test
plays a game through the real window with the test driver (clicks and keys, as at a
workshop) and, after every click and key and on every page, walks everything the laptop's
window and the board show: each visible widget's text, tooltip, status tip, accessible name
and description, window title, combo items, spin-box suffix, progress format; every item
view's display data, tooltips and headers (the board's "What happened" log among them: its
lines are Events put into words by consortium.present.event_words); and every menu item. A
text passes when, with its bracketed messages taken out, what is left holds no letter, or
only data (below). An English literal that missed ``_()`` is left over and fails the test,
naming the widget.

Data, not words (not translated by the catalogue, so exempt), each for its reason:

- participant names, task titles and task texts, domain, sector and family names, and the
  scenario's title and blurb: they come from the scenario file (or the setup page), which a
  trainer writes in the room's language;
- the program's name, "Consortium" (a name, like a participant's);
- the new-session page's table code (letters and digits of a code, like a number);
- numbers, times, percentages, the level dots (●●○), ✓ ✗ ▶ ★ and punctuation: no letters;
- Qt's standard dialog buttons (OK, Yes, Show Details…): Qt's own qtbase catalogue
  (consortium.ui.kit.qt_translations), which has no pseudo-locale.

A field's value inside a bracketed message is not looked at (⟦Undo (not possible: …)⟧): the
message's words went through the catalogue; what fills its fields is checked where it is
made.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QMenu,
    QProgressBar,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from consortium.engine.state import Mode
from consortium.present.i18n import (
    PSEUDO_CLOSE,
    PSEUDO_OPEN,
    is_pseudo,
    language,
    use_language,
)
from consortium.present.languages import AUTONYMS
from consortium.store.paths import DataPaths
from consortium.store.scenarios import shipped_scenarios
from consortium.ui.shell.main_window import MainWindow
from tests.ui.conftest import real_window
from tests.ui.driver import Driver

PROGRAM_NAME = "Consortium"
ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.StatusTipRole,
    Qt.ItemDataRole.WhatsThisRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.AccessibleDescriptionRole,
)
_INNERMOST = re.compile(re.escape(PSEUDO_OPEN) + f"[^{PSEUDO_OPEN}{PSEUDO_CLOSE}]*"
                        + re.escape(PSEUDO_CLOSE))
_LETTER = re.compile(r"[^\W\d_]")


def leftover(text: str, data: list[str]) -> str:
    """What is left of ``text`` once its bracketed messages (innermost first) and the data
    in it are taken out: nothing with a letter in it, if every word was translated."""
    while True:
        stripped = _INNERMOST.sub(" ", text)
        if stripped == text:
            break
        text = stripped
    for item in data:  # longest first, so "Ana Lopez" goes before "Ana"
        text = text.replace(item, " ")
    return text if _LETTER.search(text) else ""


class Words:
    """Everything a widget tree shows, as (where, text)."""

    def __init__(self) -> None:
        self.found: list[tuple[str, str]] = []

    def add(self, where: str, text: object) -> None:
        if isinstance(text, str) and text.strip():
            self.found.append((where, text))

    def model(self, where: str, model: QAbstractItemModel) -> None:
        try:
            columns = model.columnCount(QModelIndex())
        except TypeError:  # QAbstractListModel makes columnCount private in PySide6: one
            columns = 1
        for section in range(max(1, columns)):
            self.add(f"{where} header {section}", model.headerData(
                section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))
        for row in range(model.rowCount(QModelIndex())):
            for column in range(max(1, columns)):
                index = model.index(row, column, QModelIndex())
                for role in ROLES:
                    self.add(f"{where} row {row} column {column}", model.data(index, role))

    def widget(self, where: str, w: QWidget) -> None:
        # an elided label: the words it was given (its tooltip holds them too), not the
        # part that fits, whose cut-off bracket would hide a translated message
        shown_text = getattr(w, "full_text", None) or getattr(w, "text", None)
        for what, text in (("text", shown_text), ("title", w.windowTitle),
                           ("tooltip", w.toolTip), ("status tip", w.statusTip),
                           ("what's this", w.whatsThis), ("accessible name", w.accessibleName),
                           ("accessible description", w.accessibleDescription)):
            if callable(text):
                self.add(f"{where} {what}", text())
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                self.add(f"{where} item {i}", w.itemText(i))
        if isinstance(w, QSpinBox):
            self.add(f"{where} suffix", w.suffix().strip() and w.suffix())
            self.add(f"{where} prefix", w.prefix())
        if isinstance(w, QAbstractSpinBox):
            self.add(f"{where} special value", w.specialValueText())
        if isinstance(w, QProgressBar):
            self.add(f"{where} format", w.format())
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            self.model(where, w.model())

    def menu(self, where: str, menu: QMenu) -> None:
        for action in menu.actions():
            self.action(f"{where} › {action.text()}", action)

    def action(self, where: str, action: QAction) -> None:
        if action.isSeparator():
            return
        for what, text in (("text", action.text()), ("tooltip", action.toolTip()),
                           ("status tip", action.statusTip())):
            self.add(f"{where} {what}", text)
        if action.menu() is not None:
            self.menu(where, action.menu())


def _qt_standard_button(w: QWidget) -> bool:
    """A dialog's standard button (OK, Yes…): its words are Qt's (the qtbase catalogue)."""
    box = w.parent()
    while box is not None and not isinstance(box, QDialogButtonBox):
        box = box.parent()
    return (isinstance(w, QAbstractButton) and isinstance(box, QDialogButtonBox)
            and box.standardButton(w) != QDialogButtonBox.StandardButton.NoButton)


def _name(w: QWidget) -> str:
    return f"{type(w).__name__}#{w.objectName() or w.accessibleName()[:40]}"


def _shown(window: MainWindow) -> Iterator[QWidget]:
    """The windows' widgets a person can see now: the laptop's window (with the board beside
    it, or the board's own window on a projector) and any dialog or box open over them."""
    roots: list[QWidget] = [window]
    if window.board.isWindow():
        roots.append(window.board)
    roots += [w for w in QApplication.topLevelWidgets()
              if w.isVisible() and w.parent() is None and w not in roots]
    for root in roots:
        for w in [root, *root.findChildren(QWidget)]:
            if w.isVisible():
                yield w


class PseudoDriver(Driver):
    """The test driver, checking every word on screen after each click and key."""

    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        super().__init__(qtbot, window)
        self.checks = 0
        self.names: set[str] = set()

    def data(self) -> list[str]:
        """The game's and scenario's data on screen now (see the module docstring)."""
        found = {PROGRAM_NAME, *self.names}
        found |= set(AUTONYMS.values())  # each language by its own name, never translated
        scenarios = dict(shipped_scenarios()).values()
        for sc in scenarios:
            found |= {sc.title, sc.blurb}
            found |= {s.name for s in sc.sectors} | {f.name for f in sc.families}
            found |= {d.name for d in sc.domains}
            found |= {t.title for t in sc.tasks} | {t.text for t in sc.tasks}
        page = self.w.setup_page
        if page is not None:
            found |= set(page.code.text().split())
        if self.c.has_game:
            state = self.c.state
            found |= {p.name for p in state.public.participants}
            found |= {s.name for record in state.hidden.ledger for s in record.seats}
            found |= {t.title for t in state.public.tasks} | {t.text for t in state.public.tasks}
            self.names |= {p.name for p in state.public.participants}
        return sorted((d for d in found if d), key=len, reverse=True)

    def check_words(self) -> None:
        self.checks += 1
        data = self.data()
        words = Words()
        for w in _shown(self.w):
            if _qt_standard_button(w):
                continue
            words.widget(_name(w), w)
        for action in self.w.menuBar().actions():
            words.action(f"menu {action.text()}", action)
        missed = [(where, text) for where, text in words.found if leftover(text, data)]
        assert not missed, "words that did not pass through the catalogue:\n" + "\n".join(
            f"  {where}: {text!r} (left: {leftover(text, data).strip()!r})"
            for where, text in missed[:25])

    def click(self, widget: QWidget) -> None:
        super().click(widget)
        self.check_words()

    def press(self, widget: QWidget, key: Qt.Key) -> None:
        super().press(widget, key)
        self.check_words()


@pytest.fixture
def pseudo_window(
    qtbot: QtBot, qapp: QApplication, data_paths: DataPaths
) -> Iterator[MainWindow]:
    """The real window, built after the pseudo-locale was chosen (as the program builds it
    after reading CONSORTIUM_LANGUAGE); the suite's language again afterwards."""
    before = language()
    use_language("qps")
    try:
        yield from real_window(qtbot, qapp, data_paths)
    finally:
        use_language(before)


def _close_boxes(window: MainWindow) -> None:
    box = window.last_message
    if box is not None:
        box.reject()
    window.last_message = None


GAMES = {
    # the 90-minute plan (Plenary, Pick your own, then Mixed by a show of hands), open hands
    "plan, open hands": (0, False, False, lambda r: Mode.HYBRID),
    # the group chooses every round, a different way each time; secret ballot behind the
    # curtain and the talk clock on the board
    "chosen, secret ballot, talk clock": (
        4, True, True, lambda r: (Mode.DEMOCRATIC, Mode.SELF_SELECTION, Mode.HYBRID)[r - 1]),
}


@pytest.mark.parametrize("game", GAMES)
def test_a_whole_game_in_the_pseudo_locale(
    qtbot: QtBot, pseudo_window: MainWindow, game: str
) -> None:
    schedule, secret_ballot, talk_clock, modes = GAMES[game]
    w = pseudo_window
    driver = PseudoDriver(qtbot, w)
    driver.check_words()  # the start screen and the menus
    w.show_setup()
    driver.check_words()  # the new-session page, its seats table and combo boxes
    assert w.setup_page is not None
    w.setup_page.talk_clock.setChecked(talk_clock)
    w.pages.setCurrentWidget(w.start)
    driver.choose_mode = modes
    driver.start(schedule, rounds=3, seed=5, secret_ballot=secret_ballot)
    driver.check_words()
    # the facilitator's dialogs and questions, once each, then back to the game
    w.show_help()
    driver.check_words()
    help_box = next(b for b in QApplication.topLevelWidgets() if b.isVisible()
                    and b is not w and b.windowTitle() and is_pseudo(b.windowTitle()))
    help_box.close()
    w.ask_end_game()
    driver.check_words()
    _close_boxes(w)
    w.ask_fast_forward()
    driver.check_words()
    _close_boxes(w)
    w.ask_name_holder()
    dialog = w.name_holder_dialog
    assert dialog is not None
    driver.check_words()  # its own curtain (one screen: the room sees the laptop)
    dialog.show_cards_button.click()
    driver.check_words()  # the participant and their hidden cards
    dialog.reject()
    w.activateWindow()  # the curtain's Space answers in the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=2000)
    driver.play()
    driver.check_words()  # the debrief after the Reveal
    log = w.board.board.log_model
    assert log.rowCount() > 20 and all(
        is_pseudo(str(log.data(log.index(row, 0)))) for row in range(log.rowCount()))
    assert driver.seen.pit_stops >= 2 and driver.seen.curtains > 0
    assert driver.seen.signals > 0
    assert (driver.seen.open_votes == 0) == secret_ballot
    assert driver.checks > 50


def test_the_check_finds_a_word_that_missed_the_catalogue() -> None:
    """The rule itself: English outside the brackets is left over; data, numbers and
    translated messages (nested too) are not."""
    data = ["Clinical oncology", "Ana"]
    assert leftover("⟦Pass to ⟦Ana (person)··⟧ — look away·····⟧", data) == ""
    assert leftover("Clinical oncology ●●○ · ⟦3 h·⟧", data) == ""
    assert leftover("Clinical oncology ●●○ · 3 h", data).strip() == "●●○ · 3 h"
    assert leftover("Ana · 12 % · 03:15 · ✓", data) == ""
    assert leftover("2⟦ hands··⟧", data) == ""
    assert leftover("Hands for ⟦Plenary··⟧", data).strip() == "Hands for"
    assert leftover("⟦Team: {names}··⟧ · team closed", data).strip() == "· team closed"
