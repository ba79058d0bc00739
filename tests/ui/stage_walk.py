"""The layout check's walk: a crowded game (8 seats, 8 open tasks, hands of 4 — the issue's
worst case) played through the real widgets, with what a person would notice measured at
every decision: text cut off, a scroll bar on the board, a window or widget past the
screen's edge. Shared by tests/ui/test_stage.py and scripts/layout_check.py (any size)."""

from __future__ import annotations

from collections.abc import Callable

import attrs
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from consortium.engine.state import Phase
from consortium.ui.kit.layout_audit import (
    clipped_texts,
    outside,
    scroll_bars,
    smallest_text_px,
    unreachable,
)
from consortium.ui.shell.main_window import MainWindow
from consortium.ui.shell.seats_model import BOT, PERSON
from tests.ui.driver import Driver
from tests.ui.handoff import click_show, quick

NAMES = ("Ana", "Ben", "Cleo", "Dag", "Eva", "Fen", "Gus", "Hal")


@attrs.define
class Measure:
    """What the walk found: problems by where they were seen, and the smallest board text
    as a share of the board's height."""

    problems: list[str] = attrs.Factory(list)
    phases: set[Phase] = attrs.Factory(set)
    smallest_px: int = 10_000
    board_height: int = 0
    laptop: list[str] = attrs.Factory(list)  # the facilitator's column (ui/laptop)
    setup: list[str] = attrs.Factory(list)  # the new-session page, filled in
    units: dict[str, int] = attrs.Factory(dict)  # the smallest board text, by phase

    @property
    def share(self) -> float:
        return self.smallest_px / self.board_height if self.board_height else 0.0


def start_crowded(driver: Driver, window: MainWindow,
                  measure: Measure | None = None) -> None:
    """The new-session page with 8 seats (two people), checked like every page (what clips
    on it goes to ``measure.setup``); then the game starts with 8 open tasks and hands
    of 4."""
    driver.qtbot.mouseClick(window.start.new_button, Qt.MouseButton.LeftButton)
    page = window.setup_page
    assert page is not None
    model = page.seats
    while model.rowCount() < len(NAMES):
        page.add_button.click()
    for row, name in enumerate(NAMES):
        model.setData(model.index(row, 0), name)
        model.setData(model.index(row, 2), PERSON if row < 2 else BOT)
    page.rounds.setValue(3)
    page.turnover.setCurrentIndex(2)
    page.talk_clock.setChecked(True)
    if measure is not None:
        driver.settle()
        # the page as a person sees it: its pending layout (eight seats just added) done
        QApplication.processEvents()
        measure.setup += laptop_problems(page)
    setup = page.setup()
    scenario = setup.scenario
    scenario = attrs.evolve(scenario, rules=attrs.evolve(scenario.rules, open_tasks=8))
    setup = attrs.evolve(setup, scenario=scenario,
                         config=attrs.evolve(setup.config, hand_size=4))
    window.start_session(setup)
    assert window.controller.has_game


DOCUMENT = "Debrief"
"""The one part of the board allowed to scroll: the revealed debrief is a document the
facilitator walks the room through (charts, tables, the script), not a glance."""


def laptop_problems(root: QWidget) -> list[str]:
    """What would be wrong with a laptop's panel, page or dialog at any text size: text cut
    off, a control out of reach, a sideways scroll bar. A panel may scroll down when the
    text is large (the facilitator's column, the pages), never sideways."""
    return [*clipped_texts(root), *unreachable(root),
            *scroll_bars(root, Qt.Orientation.Horizontal)]


def audit(window: MainWindow, screen: QRect, where: str, measure: Measure) -> None:
    board = window.board
    board.fit_now()
    bars = [bar for bar in scroll_bars(board) if not bar.endswith(f" on {DOCUMENT}")]
    problems = [*clipped_texts(board), *bars]
    top = board if board.isWindow() else window
    problems += outside(top, screen)
    if window.isVisible() and top is not window:
        problems += outside(window, screen)
    measure.problems += [f"{where}: {p}" for p in problems]
    side = window.game.side
    if side.isVisible():
        measure.laptop += [f"{where}: {p}" for p in laptop_problems(side)]
    px = smallest_text_px(board)
    phase = where.split(" (", maxsplit=1)[0].split(" ", 2)[-1]
    if px:
        measure.units[phase] = min(px, measure.units.get(phase, px))
    if px and px < measure.smallest_px:
        measure.smallest_px = px
        measure.board_height = board.height()


def walk(qtbot: QtBot, window: MainWindow, screen: QRect, *, reveal: bool = True,
         visit: Callable[[Measure], None] | None = None) -> Measure:
    """Every phase of a crowded game, audited at every decision; the debrief after the
    reveal too. ``visit`` is called at every decision too (before the step), to open and
    audit what belongs to a phase (a dialog) in the same game."""
    measure = Measure()
    driver = Driver(qtbot, window)
    start_crowded(driver, window, measure)
    c = window.controller
    for _step in range(3000):
        driver.settle()
        view = c.view
        measure.phases.add(view.phase)
        where = f"round {view.round} {view.phase.value}"
        audit(window, screen, where, measure)
        if driver.curtain.active:
            if window.game.floating:  # the column's window comes forward for the hand-off
                qtbot.waitUntil(window.game.side.isActiveWindow, timeout=2000)
            quick(driver.curtain)  # lifted deliberately, as a person does (curtain.py)
            click_show(qtbot, driver.curtain)  # type: ignore[arg-type]
            audit(window, screen, where + " (private panel)", measure)
            driver.curtain.close_panel()  # as Done does
        if visit is not None:
            visit(measure)
        if view.phase is Phase.GAME_OVER:
            break
        driver.step()
    if reveal:
        c.reveal()
        qtbot.waitUntil(window.board.debrief._revealed.isVisible, timeout=2000)
        audit(window, screen, "debrief", measure)
    return measure
