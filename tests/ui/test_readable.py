"""Text the room reads is never squeezed: at normal size and with presenter mode's larger
type, every visible label on the board gets at least the height its wrapped lines need
(a label given less draws its lines over the next widget's), and the debrief gauges say
what the engine's flags say."""

from __future__ import annotations

import attrs
import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from consortium.engine.metrics import GameMetrics, game_metrics
from consortium.engine.state import Phase
from consortium.present.debrief_data import alignophilia_verdict, jointholism_verdict
from consortium.present.i18n import _
from consortium.ui.shell.main_window import MainWindow
from tests.ui.driver import Driver

PLAN = 0  # the 90-minute plan: Plenary, Pick your own, then the group chooses


def squeezed_labels(root: QWidget) -> list[str]:
    """Visible labels shorter than their text needs at their width, once the layout
    requests a change posted have been handled (as the event loop does before painting)."""
    for _pass in range(3):
        QApplication.processEvents()
    found = []
    for widget in root.findChildren(QLabel):
        if not widget.isVisible() or not widget.text() or widget.width() < 20:
            continue
        need = widget.heightForWidth(widget.width()) if widget.wordWrap() else (
            widget.sizeHint().height()
        )
        if widget.height() + 1 < need:
            found.append(f"{widget.text()[:40]!r}: {widget.height()} px of {need}")
        wide = widget.sizeHint().width()
        full = widget.property("elided_from")
        if isinstance(full, str) and full in widget.toolTip():
            continue  # cut with "…" by design, the whole text in its tooltip (elided_label.py)
        if not widget.wordWrap() and "\n" not in widget.text() and widget.width() + 1 < wide:
            found.append(f"{widget.text()[:40]!r}: cut at {widget.width()} px of {wide}")
    return found


@pytest.mark.parametrize("presenter", [False, True], ids=["normal", "presenter"])
def test_no_board_text_is_squeezed(qtbot: QtBot, window: MainWindow, presenter: bool) -> None:
    driver = Driver(qtbot, window)
    driver.start(PLAN)
    if presenter:
        window.menu.presenter.trigger()
        window.showNormal()
        window.resize(1920, 1080)
    c = window.controller
    checked: set[Phase] = set()
    while c.view.phase is not Phase.GAME_OVER:
        driver.settle()
        checked.add(c.view.phase)
        assert squeezed_labels(window.board) == [], c.view.phase
        assert squeezed_labels(window.game) == [], c.view.phase  # the panel, the curtain
        assert cards_cut_off(window) == [], c.view.phase
        driver.step()
    assert {Phase.PLACEMENT, Phase.VOTE, Phase.TURNS, Phase.PIT_STOP} <= checked
    # the revealed debrief too: gauges, the ratio, the grid and the perspectives in full
    c.reveal()
    qtbot.waitUntil(window.board.debrief._revealed.isVisible, timeout=2000)
    assert squeezed_labels(window.board) == []
    assert squeezed_labels(window.game) == []


def cards_cut_off(window: MainWindow) -> list[str]:
    """Task cards reaching past the right edge of the task area (a card cut at the side
    would hide its progress and needs)."""
    board = window.board.board
    if not board.isVisible():
        return []
    right = board.task_area.width()
    return [card.accessibleName() for card in board.cards
            if card.isVisible() and card.geometry().right() > right]


# --- the gauges say what the flags say -------------------------------------------------------


def finished_metrics() -> GameMetrics:
    from tests.store.games import bot_game

    state, _actions = bot_game(seed=29)
    return game_metrics(state)


def test_a_gauge_above_its_threshold_without_the_flag_says_not_flagged() -> None:
    m = attrs.evolve(finished_metrics(), alignophilia_index=0.31, alignophilia_flag=False)
    verdict = alignophilia_verdict(m, 0.25)
    assert verdict == _("not flagged: never two rounds in a row at or above the threshold "
                        "with a perspective left out")
    assert alignophilia_verdict(attrs.evolve(m, alignophilia_flag=True), 0.25) == _("FLAGGED")
    assert alignophilia_verdict(attrs.evolve(m, alignophilia_index=0.1), 0.25) == _(
        "not flagged")


def test_empty_talk_flags_jointholism_below_its_threshold() -> None:
    m = attrs.evolve(finished_metrics(), jointholism_index=0.12, jointholism_flag=True)
    assert jointholism_verdict(m, 0.30) == _("FLAGGED: empty talk hours")
    assert jointholism_verdict(attrs.evolve(m, jointholism_index=0.4), 0.30) == _("FLAGGED")
    assert jointholism_verdict(attrs.evolve(m, jointholism_flag=False), 0.30) == _(
        "not flagged")


def test_the_gauges_on_the_debrief_follow_the_engine_flags(qtbot: QtBot) -> None:
    from consortium.ui.board.index_gauge import IndexGauge

    gauge = IndexGauge("Alignophilia index")
    qtbot.addWidget(gauge)
    gauge.set_value(0.31, 0.25, "not flagged", flagged=False)
    assert gauge.accessibleDescription() == _("{gauge} (threshold {threshold})").format(
        gauge=_("{name}: {value} · {verdict}").format(
            name="Alignophilia index", value="0.31", verdict="not flagged"),
        threshold="0.25")
    gauge.resize(400, gauge.heightForWidth(400))
    calm = gauge.grab().toImage()
    gauge.set_value(0.31, 0.25, "FLAGGED", flagged=True)
    assert gauge.grab().toImage() != calm  # hatched and coloured only when flagged


def test_a_zoom_leaves_the_board_and_its_chips_as_they_were(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The board is a stage (issue 12): its type comes from its own size, so a zoom, which
    is for the laptop's panels, changes neither its type nor the chip strip's height (which
    used to grow and never give the room back)."""
    driver = Driver(qtbot, window)
    driver.start(PLAN)
    driver.settle()
    strip = window.board.strip
    unit = window.board.fit_now()
    normal = strip.height()
    for _step in range(10):
        window.menu.zoom_in.trigger()
    qtbot.wait(20)
    # the menu bar's larger type may take a line from the board, never give it larger type
    assert window.board.fit_now() <= unit
    window.menu.zoom_reset.trigger()
    qtbot.wait(20)
    assert window.board.fit_now() == unit
    assert strip.height() == normal
    assert squeezed_labels(window.board) == []
