"""Start the real app, walk through every screen and save PNGs in docs/screenshots/.

Run under Xvfb (what a real X display draws):

    xvfb-run -s "-screen 0 1920x1080x24" python scripts/screenshots.py

or offscreen with ``QT_QPA_PLATFORM=offscreen``. The walk clicks the same buttons a
facilitator would (two people, three bots; the people choose what a bot in their seat would).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from consortium.engine.simulate import bot_action, seat_policy
from consortium.engine.state import Phase
from consortium.ui.app import build
from consortium.ui.main_window import MainWindow
from consortium.ui.seats_model import BOT, PERSON

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def pump(ms: int = 60) -> None:
    timer = QElapsedTimer()
    timer.start()
    while timer.elapsed() < ms:
        QCoreApplication.processEvents()


def wait_until(ready: Callable[[], bool], ms: int = 5000) -> None:
    timer = QElapsedTimer()
    timer.start()
    while not ready() and timer.elapsed() < ms:
        QCoreApplication.processEvents()
    pump()


class Walk:
    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.c = window.controller
        self.taken: list[str] = []

    def shot(self, name: str, widget: QWidget | None = None) -> None:
        pump(120)
        path = OUT / f"{name}.png"
        (widget or self.w).grab().save(str(path))
        self.taken.append(path.name)
        print(path)

    def click(self, key: str) -> None:
        wait_until(lambda: key in self.w.game.panel.buttons)
        QTest.mouseClick(self.w.game.panel.buttons[key], Qt.MouseButton.LeftButton)
        self.settle()

    def settle(self) -> None:
        wait_until(lambda: not self.c.busy)

    def private_turn(self, shoot: str = "") -> None:
        curtain = self.w.game.curtain
        seat = self.c.view.actor
        assert seat is not None
        if shoot:
            self.shot(f"{shoot}-curtain")
        QTest.mouseClick(curtain.show_button, Qt.MouseButton.LeftButton)
        panel = curtain.panel
        assert panel is not None
        wanted = bot_action(self.c.state, seat_policy(self.c.state, seat))
        group = next(i for i, g in enumerate(panel.groups) if wanted in g)
        panel.select(group)
        if shoot:
            self.shot(f"{shoot}-hand")
        QTest.keyClick(panel.choices, Qt.Key.Key_Return)
        if panel.asking_for_card:
            panel.select(panel.groups[group].index(wanted))
            if shoot:
                self.shot(f"{shoot}-signal")
            QTest.keyClick(panel.choices, Qt.Key.Key_Return)
        if curtain.panel is panel:
            if shoot:
                self.shot(f"{shoot}-confirm")
            QTest.keyClick(panel.confirm, Qt.Key.Key_Return)
        self.settle()

    def run(self) -> None:
        w, c = self.w, self.c
        self.shot("01-start")
        QTest.mouseClick(w.start.new_button, Qt.MouseButton.LeftButton)
        page = w.setup_page
        assert page is not None
        page.rounds.setValue(3)
        model = page.seats
        for row, (name, kind) in enumerate((("Ana", PERSON), ("Ben", PERSON),
                                            ("Cleo", BOT), ("Dag", BOT), ("Eva", BOT))):
            model.setData(model.index(row, 0), name)
            model.setData(model.index(row, 2), kind)
        model.setData(model.index(0, 1), "Civil society")
        page.talk_clock.setChecked(True)
        page.seed.setValue(4)
        pump()
        self.shot("02-new-session")
        QTest.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
        self.settle()
        self.shot("03-board-introductions")
        self.click("intros-1")
        shot_curtain = True
        while c.view.phase is Phase.INTRODUCTIONS:
            self.private_turn("04-introduction" if shot_curtain else "")
            shot_curtain = False
        self.shot("05-deliberation-talk-clock")
        self.click("talked")
        chips = w.board.strip.chips
        QTest.mouseClick(chips[0], Qt.MouseButton.LeftButton)
        pump()
        self.shot("06-placement-selected")
        target = next(k for k in w.board.board.cards if k.task_id not in (None, c.view.board[0]))
        QTest.mouseClick(target, Qt.MouseButton.LeftButton)
        self.click("vote")
        self.shot("07-open-vote")
        while c.view.phase is Phase.VOTE:
            key = next(k for k in w.game.panel.buttons if k.startswith("for-"))
            self.click(key)
            if c.view.phase is Phase.PLACEMENT:
                self.click("vote")
        self.shot("08-pit-stop")
        self.shot("08b-pit-stop-board", w.board)
        self.click("continue")
        # round 2: Pick your own (the 90-minute plan)
        shot_turn = True
        while c.view.phase is Phase.TURNS:
            if w.game.curtain.active:
                self.private_turn("09-own-turn" if shot_turn else "")
                shot_turn = False
            self.settle()
        self.shot("10-after-work-pit-stop")
        self.click("continue")
        self.shot("11-mode-choice")
        self.click("mode-hybrid")
        while c.view.phase is not Phase.PIT_STOP:
            if w.game.curtain.active:
                self.private_turn()
            elif c.view.phase is Phase.DECLARE:
                self.shot("12-declare")
                self.click("own" if c.view.actor == 1 else "plenary")
            elif c.view.phase is Phase.DELIBERATION:
                self.click("talked")
            elif c.view.phase is Phase.PLACEMENT:
                self.click("vote")
            elif c.view.phase is Phase.VOTE:
                self.click(next(k for k in w.game.panel.buttons if k.startswith("for-")))
            elif c.view.phase is Phase.PERSPECTIVE_CHECK:
                self.shot("13-perspective-check")
                self.click("invite")
            self.settle()
        self.click("continue")
        self.shot("14-game-over")
        self.click("reveal")
        self.shot("15-debrief")
        body = w.board.debrief._body
        self.shot("16-debrief-full", body)


def projector(app: QApplication) -> list[str]:
    """The two-screen arrangement: the laptop keeps the curtain, the projector's board says
    who is choosing and never shows the private panel."""
    from consortium.store.scenarios import shipped_scenarios  # noqa: PLC0415
    from consortium.ui.controller import GameController  # noqa: PLC0415
    from consortium.ui.session import SessionSetup  # noqa: PLC0415
    from consortium.ui.setup_page import SetupPage  # noqa: PLC0415

    controller = GameController(pacing_ms=0)
    laptop = MainWindow(controller, lambda: dict(shipped_scenarios()), dual_screen=True)
    laptop.resize(1366, 768)
    laptop.show()
    laptop.board.resize(1920, 1080)
    page = SetupPage(dict(shipped_scenarios()))
    page.schedule.setCurrentIndex(2)  # Pick your own every round
    setup: SessionSetup = page.setup()
    laptop.start_session(setup)
    wait_until(lambda: laptop.game.curtain.active)
    QTest.mouseClick(laptop.game.curtain.show_button, Qt.MouseButton.LeftButton)
    pump(150)
    names = ["20-two-screens-laptop.png", "21-two-screens-projector.png"]
    laptop.grab().save(str(OUT / names[0]))
    laptop.board.grab().save(str(OUT / names[1]))
    controller.end_game()
    laptop.board.close()
    laptop.close()
    del app
    return names


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    _app, window = build(["--pacing", "0"])
    window.resize(1920, 1080)
    if QApplication.platformName() == "offscreen":
        window.show()
    else:
        window.showMaximized()
    window.activateWindow()
    pump(300)
    walk = Walk(window)
    walk.run()
    walk.taken += projector(_app)
    print(f"{len(walk.taken)} screenshots in {OUT}")
    window.controller.end_game()
    return 0


if __name__ == "__main__":
    sys.exit(main())
