"""Swedish numbers on the board and in the report: a decimal comma ("2,5", "0,30") and a
no-break space before the percent sign ("67 %"), everywhere a person reads a number.

The figures are formatted here by hand from the game's own values (not by the helpers under
test) and looked for in what the window and the PDF show. The last test plays a short game in
Swedish through the real window and, after every click and key, walks every text a person can
see (as tests/ui/test_pseudo_locale.py does): no English decimal ("2.5") and no "67%" anywhere.
What merely has dots and is not a decimal is data, taken out by what it is, never by loosening
the pattern: the program's version ("0.1.0"), the scenario's own texts (a trainer writes them),
names and the table code; times ("10:30") and dates ("2026-12-03") have no dot to begin with.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from consortium import __version__
from consortium.engine.state import Mode
from consortium.present.debrief_data import build_debrief, gauges
from consortium.present.i18n import _
from consortium.present.prompts import SCREENS
from consortium.present.report_data import report_from_save
from consortium.store.paths import DataPaths
from consortium.store.save_load import read_save_file
from consortium.ui.board.index_gauge import IndexGauge
from consortium.ui.board.pit_stop_view import figure_texts
from consortium.ui.board.task_card import TaskCard
from consortium.ui.shell.main_window import MainWindow
from consortium.ui.shell.report import write_report_pdf
from tests.report.saves import finished_save
from tests.report.test_report_files import pdftotext
from tests.ui.conftest import real_window
from tests.ui.driver import Driver
from tests.ui.test_debrief_figures import at_pit_stop, herd, revealed
from tests.ui.test_pseudo_locale import PROGRAM_NAME, Words, _name, _qt_standard_button, _shown

NBSP = "\u00a0"
ENGLISH_DECIMAL = re.compile(r"\d\.\d")
ENGLISH_PERCENT = re.compile(r"\d ?%")  # "67%" or "67 %" with an ordinary space


def sv(value: float, places: int) -> str:
    """A number as Swedish writes it, by hand."""
    return f"{value:.{places}f}".replace(".", ",")


def sv_percent(share: float) -> str:
    return f"{share * 100:.0f}{NBSP}%"


def sv_plain(value: float) -> str:
    return f"{value:g}".replace(".", ",")


@pytest.fixture
def swedish_window(
    qtbot: QtBot, qapp: QApplication, data_paths: DataPaths, swedish: None
) -> Iterator[MainWindow]:
    """The real window, built after Swedish was chosen (as CONSORTIUM_LANGUAGE=sv does)."""
    yield from real_window(qtbot, qapp, data_paths)


def settle() -> None:
    for _pass in range(5):
        QApplication.processEvents()


def test_the_board_header_task_cards_and_pit_stop_in_swedish(
    qtbot: QtBot, swedish_window: MainWindow
) -> None:
    w = swedish_window
    state = at_pit_stop("herd", 7, 3)
    view, pit = state.public, state.public.pit_stops[-1]
    w.controller.load(state, (True,) * view.seats)
    w.pages.setCurrentWidget(w.game)
    settle()
    # the board's header: impact against target
    header = w.board.header.impact_label.text()
    assert header == _("Impact {impact} of target {target}").format(
        impact=sv(view.impact, 1), target=sv_plain(view.target))
    assert "," in header and not ENGLISH_DECIMAL.search(header)
    # a finished task's card: its quality and impact
    finished = [t for t in view.tasks if t.status == "finished"]
    assert finished, "the herd game finished a task by round 3"
    card = TaskCard()
    qtbot.addWidget(card)
    card.show_task(view, finished[0], None)
    stamp = card._stamp.full_text()
    assert stamp == _("FINISHED · quality {quality} · impact {impact}").format(
        quality=sv_percent(finished[0].quality or 0.0), impact=sv(finished[0].impact, 1))
    assert f"{NBSP}%" in stamp
    # the pit stop: the share of hours in meetings, impact, similarity
    texts = figure_texts(view, pit)
    share = pit.time.meetings / pit.hours
    assert f"({sv_percent(share)})" in texts["meetings"]
    assert sv(pit.impact_total, 1) in texts["impact_total"]
    if pit.team_similarity is not None:
        assert f"{pit.team_similarity:+.2f}".replace(".", ",") in texts["similarity"]
    for text in texts.values():
        assert not ENGLISH_DECIMAL.search(text) and not ENGLISH_PERCENT.search(text), text
    assert w.board.pit_stop.labels["meetings"].text() == texts["meetings"]


def test_the_debrief_indices_in_swedish(qtbot: QtBot, swedish_window: MainWindow) -> None:
    w = swedish_window
    revealed(qtbot, w, herd())
    d = w.board.debrief
    shown = d.findChildren(IndexGauge)
    assert len(shown) >= 2
    described = " ".join(g.accessibleDescription() for g in shown)
    for gauge in gauges(build_debrief(herd())):
        if gauge.value is not None:
            assert sv(gauge.value, 2) in described
        assert sv(gauge.threshold, 2) in described
    assert not ENGLISH_DECIMAL.search(described)
    texts = [lbl.text() for lbl in d.findChildren(QWidget) if hasattr(lbl, "text")
             and callable(lbl.text) and isinstance(lbl.text(), str)]
    numbers = [t for t in texts if re.search(r"\d,\d", t)]
    assert numbers, "the debrief shows decimals"
    for text in texts:
        assert not ENGLISH_DECIMAL.search(text), text


def test_the_report_pdf_in_swedish(tmp_path: Path, qapp: QApplication, swedish: None) -> None:
    report = report_from_save(read_save_file(finished_save(tmp_path)))
    out = tmp_path / "rapport.pdf"
    write_report_pdf(out, report)
    text = pdftotext(out)  # NFKC: the no-break space reads as a space here
    m = report.debrief.metrics
    line = (_("The partnership reached its target: impact {impact} of {target}.") if m.won
            else _("The partnership did not reach its target: impact {impact} of {target}."))
    assert line.format(impact=sv(m.impact, 1), target=sv_plain(m.target)) in text
    for gauge in gauges(report.debrief):
        assert _("Threshold {value}.").format(value=sv(gauge.threshold, 2)) in text
        if gauge.value is not None:
            assert sv(gauge.value, 2) in text
    data = [__version__, report.session_code, report.session_name, report.scenario,
            *(hand.name for hand in report.debrief.hands)]
    for item in sorted(data, key=len, reverse=True):
        text = text.replace(item, " ")
    assert not ENGLISH_DECIMAL.search(text), ENGLISH_DECIMAL.findall(text)
    assert not re.search(r"\d%", text)


class NumbersDriver(Driver):
    """The test driver, looking at every number on screen after each click and key."""

    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        super().__init__(qtbot, window)
        self.checks = 0
        self.decimals = 0

    def data(self) -> list[str]:
        """What has dots and is no decimal: the version, the scenario's own texts (written by
        a trainer, in any style), names, the table code."""
        found = {PROGRAM_NAME, __version__}
        page = self.w.setup_page
        if page is not None:
            found |= set(page.code.text().split())
        if self.c.has_game:
            state = self.c.state
            sc = state.public.catalog
            found |= {sc.title} | {t.title for t in state.public.tasks}
            found |= {t.text for t in state.public.tasks}
            found |= {p.name for p in state.public.participants}
        return sorted((d for d in found if d), key=len, reverse=True)

    def check_numbers(self) -> None:
        self.checks += 1
        data = self.data()
        words = Words()
        for widget in _shown(self.w):
            if not _qt_standard_button(widget):
                words.widget(_name(widget), widget)
        wrong = []
        for where, found in words.found:
            text = found
            for item in data:
                text = text.replace(item, " ")
            self.decimals += len(re.findall(r"\d,\d", text))
            if ENGLISH_DECIMAL.search(text) or ENGLISH_PERCENT.search(text):
                wrong.append(f"  {where}: {text!r}")
        assert not wrong, "English-style numbers in Swedish:\n" + "\n".join(wrong[:25])

    def click(self, widget: QWidget) -> None:
        super().click(widget)
        self.check_numbers()

    def press(self, widget: QWidget, key: Qt.Key) -> None:
        super().press(widget, key)
        self.check_numbers()


def test_a_short_game_in_swedish_shows_no_english_number(
    qtbot: QtBot, swedish_window: MainWindow
) -> None:
    w = swedish_window
    driver = NumbersDriver(qtbot, w)
    driver.choose_mode = lambda r: (Mode.DEMOCRATIC, Mode.SELF_SELECTION, Mode.HYBRID)[r - 1]
    driver.start(4, rounds=3, seed=5)
    driver.check_numbers()
    driver.play()
    driver.check_numbers()  # the debrief after the Reveal
    for index, _screen in enumerate(SCREENS):  # and each of its screens, as the facilitator
        w.controller.show_debrief_screen(index)  # steps through them
        settle()
        driver.check_numbers()
    assert driver.seen.pit_stops >= 2
    assert driver.checks > 50 and driver.decimals > 0  # numbers were there to look at


def test_the_check_tells_decimals_from_other_dotted_things() -> None:
    """The patterns themselves: a decimal point and "67%" are caught; times, dates, a
    Swedish decimal and "67 %" are not; the version is data."""
    assert ENGLISH_DECIMAL.search("Effekt 2.5 av målet 23")
    assert ENGLISH_PERCENT.search("kvalitet 67%") and ENGLISH_PERCENT.search("67 %")
    for fine in ("10:30", "2026-12-03", "Effekt 2,5 av målet 23", f"67{NBSP}%", "R1: 0,0"):
        assert not ENGLISH_DECIMAL.search(fine) and not ENGLISH_PERCENT.search(fine)
