"""Start the real app, walk through every screen and save PNGs in docs/screenshots/.

Run under Xvfb (what a real X display draws):

    xvfb-run -s "-screen 0 1920x1080x24" python scripts/screenshots.py

or offscreen with ``QT_QPA_PLATFORM=offscreen``; ``--out DIR`` writes elsewhere (to look
before replacing). ``--size WxH`` walks the game's phases only, at that size, into
``docs/screenshots/WxH/``; ``--presenter`` in presenter mode (F5), into ``WxH-presenter/``;
``--only 06,07`` keeps the screens whose names start so (4K shots are big). Run each under
an Xvfb screen of that size (``xvfb-run -a -s "-screen 0 3840x2160x24"``); the PNGs in the
size folders were reduced to 256 colours with ImageMagick (``mogrify -colors 256``).

``--language sv``, ``--text-size 200`` (Settings' 100–200 %) and ``--high-contrast`` walk
every screen in that look, into a folder named after it (``sv-text200-high-contrast/``,
inside the size's folder with ``--size``), as a trainer who chose them in Settings sees it.

The walk clicks the same buttons a facilitator would (two people, three
bots; the people choose what a bot in their seat would). Then the sessions' screens: the
crash offer and the resume list (from sessions saved into a temporary data folder, never the
user's), the status bar when the data folder is full, and the message for a save file that
cannot be opened. Dialogs are their own windows, so they are drawn onto the window's picture
where they stand.
"""

from __future__ import annotations

import argparse
import errno
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QPoint, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from consortium.engine.simulate import bot_action, seat_policy
from consortium.engine.state import Phase
from consortium.present.i18n import _, use_language
from consortium.store.fs import FileSystem
from consortium.store.paths import DataPaths
from consortium.store.sessions import OPEN_MARKER, save_versions
from consortium.store.settings import DEFAULTS, TEXT_SIZES, Settings, write_settings
from consortium.ui.kit.theme import Theme
from consortium.ui.shell.app import build
from consortium.ui.shell.file_dialogs import ScriptedFiles
from consortium.ui.shell.main_window import MainWindow
from consortium.ui.shell.seats_model import BOT, PERSON
from consortium.ui.shell.setup_page import SetupPage

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
ONLY: tuple[str, ...] = ()
"""Name prefixes to keep (``--only``); empty: every screen."""
SETTINGS = Settings()
"""The look asked for (``--language``, ``--text-size``, ``--high-contrast``): every window
the walk opens is built with it, as the program builds its window from Settings."""


def look() -> Theme:
    return Theme(zoom=SETTINGS.text_size / 100, high_contrast=SETTINGS.high_contrast)


def look_folder(settings: Settings) -> str:
    """The folder name of a look other than the normal one ("" for the normal one)."""
    parts = [settings.language] if settings.language else []
    if settings.text_size != DEFAULTS.text_size:
        parts.append(f"text{settings.text_size}")
    if settings.high_contrast:
        parts.append("high-contrast")
    return "-".join(parts)


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
        if ONLY and not name.startswith(ONLY):
            return
        pump(120)
        self.w.board.fit_now()
        path = OUT / f"{name}.png"
        (widget or self.w).grab().save(str(path))
        self.taken.append(path.name)
        print(path)

    def click(self, key: str) -> None:
        wait_until(lambda: key in self.w.game.panel.buttons)
        QTest.mouseClick(self.w.game.panel.buttons[key], Qt.MouseButton.LeftButton)
        self.settle()

    def vote_for(self) -> None:
        """Everyone still to vote by open hands votes for. (The walk used to click the
        first 'for-' button again and again: a person's row keeps its buttons, greyed, after
        the vote, so the loop never ended.)"""
        wait_until(lambda: "all-for" in self.w.game.panel.buttons)
        rest = self.w.game.panel.buttons.get("all-for")
        if rest is not None and rest.isEnabled():
            QTest.mouseClick(rest, Qt.MouseButton.LeftButton)
        self.settle()

    def settle(self) -> None:
        wait_until(lambda: not self.c.busy)

    def private_turn(self, shoot: str = "") -> None:
        curtain = self.w.game.curtain
        seat = self.c.view.actor
        assert seat is not None
        if shoot:
            self.shot(f"{shoot}-curtain")
        wait_until(lambda: curtain.armed)
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

    def table_code_typo(self, page: SetupPage) -> None:
        """Another table's code typed with one character wrong: the dialog says so."""
        from consortium.ui.shell.table_code_dialog import TableCodeDialog  # noqa: PLC0415

        dialog = TableCodeDialog(page.apply_code, page)
        code = page.table_code()
        dialog.field.setText(code[:6] + ("7" if code[6] != "7" else "8") + code[7:])
        dialog.show()
        dialog.accept()  # refused: the problem shows under the field
        pump()
        self.shot("02b-table-code-mistyped", dialog)
        dialog.reject()
        pump()

    def run(self) -> None:
        w, c = self.w, self.c
        self.shot("01-start")
        w.show_settings()
        self.shot("01b-settings")
        w.pages.setCurrentWidget(w.start)
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
        self.table_code_typo(page)
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
            self.vote_for()
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
                if not w.game.panel.buttons["vote"].isEnabled():
                    self.click("suggest")  # someone still to place: the facilitator asks
                self.click("vote")
            elif c.view.phase is Phase.VOTE:
                self.vote_for()
            elif c.view.phase is Phase.PERSPECTIVE_CHECK:
                self.shot("13-perspective-check")
                self.click("invite")
            self.settle()
        self.click("continue")
        self.shot("14-game-over")
        self.click("reveal")
        self.shot("15-debrief")
        debrief = w.board.debrief
        debrief.screens.setCurrentWidget(debrief.screen_of["details"])  # at the board's width
        self.settle()
        body = debrief._body
        self.shot("16-debrief-full", body)


def with_dialog(window: QWidget, dialog: QWidget, at: QPoint | None = None) -> QPixmap:
    """The window's picture with a dialog drawn on it, centred as a window manager would
    (or at ``at``, for a menu, without dimming the window)."""
    picture = window.grab()
    box = dialog.grab()
    painter = QPainter(picture)
    if at is None:
        at = QPoint((picture.width() - box.width()) // 2, (picture.height() - box.height()) // 3)
        painter.fillRect(picture.rect(), QColor(0, 0, 0, 60))  # the window behind, dimmed
    painter.drawPixmap(at, box)
    painter.end()
    return picture


def new_window(paths: DataPaths, *, fs: FileSystem | None = None) -> MainWindow:
    from consortium.store.scenarios import shipped_scenarios  # noqa: PLC0415
    from consortium.ui.controller import GameController  # noqa: PLC0415
    from consortium.ui.saving import Saving  # noqa: PLC0415

    controller = GameController(pacing_ms=0, saving=Saving(paths.sessions, fs=fs))
    window = MainWindow(controller, lambda: dict(shipped_scenarios()), paths=paths,
                        theme=look(), settings=SETTINGS)
    controller.setParent(window)
    window.resize(1920, 1080)
    window.show()
    pump(200)
    return window


def saved_sessions(paths: DataPaths) -> None:
    """Three unfinished sessions at different points and times; the newest was interrupted."""
    from consortium.store.scenarios import shipped_scenarios  # noqa: PLC0415
    from consortium.ui.controller import GameController  # noqa: PLC0415
    from consortium.ui.saving import Saving  # noqa: PLC0415
    from consortium.ui.shell.setup_page import SetupPage  # noqa: PLC0415

    now = datetime.now(UTC).replace(second=0, microsecond=0)
    plans = [  # when, who, mode schedule, where it stopped (round, phase)
        (now - timedelta(days=6, hours=3), ("Amira", "Jonas", "Priya", "Tom"), 1,
         (1, Phase.PLACEMENT)),
        (now - timedelta(days=1, hours=2), ("Ana", "Ben", "Chen", "Dora", "Emil"), 0,
         (3, Phase.MODE_CHOICE)),
        (now - timedelta(minutes=7), ("Farah", "Gus", "Hanna", "Ivo", "Jade", "Kai"), 2,
         (2, Phase.TURNS)),
    ]
    for moment, names, schedule, (stop_round, stop_phase) in plans:
        page = SetupPage(dict(shipped_scenarios()))
        page.preset.setCurrentIndex(1)
        page.schedule.setCurrentIndex(schedule)
        page.seed.setValue(len(names) * 7)
        model = page.seats
        while model.rowCount() < len(names):
            model.add_seat()
        while model.rowCount() > len(names):
            model.remove_seat(model.rowCount() - 1)
        for row, name in enumerate(names):
            model.setData(model.index(row, 0), name)
            model.setData(model.index(row, 2), PERSON if row < 3 else BOT)
        saving = Saving(paths.sessions, background=False, clock=lambda m=moment: m)
        c = GameController(pacing_ms=0, saving=saving)
        c.start(page.setup())
        while not c.state.over:
            state = c.state
            if (state.public.round, state.public.phase) == (stop_round, stop_phase):
                break
            c.submit(bot_action(state, seat_policy(state, state.public.actor)))
        folder = saving.folder
        c.shutdown()
        if moment == plans[-1][0] and folder is not None:
            (folder / OPEN_MARKER).write_text("{}")  # the laptop's battery died


class FullDisk(FileSystem):
    def write_file(self, path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")


def sessions_screens(root: Path) -> list[str]:
    """Resume after a crash, the resume list, a full disk, a broken save file."""
    names: list[str] = []

    def save(picture: QPixmap, name: str) -> None:
        picture.save(str(OUT / name))
        names.append(name)
        print(OUT / name)

    paths = DataPaths(data=root / "data", config=root / "config", portable=False)
    saved_sessions(paths)
    window = new_window(paths)
    wait_until(lambda: window.sessions.crash_offer is not None)
    offer = window.sessions.crash_offer
    assert offer is not None
    pump(150)
    save(with_dialog(window, offer), "22-crash-offer.png")
    later = next(b for b in offer.buttons() if b.text() == _("Not now"))
    QTest.mouseClick(later, Qt.MouseButton.LeftButton)
    pump()
    QTest.mouseClick(window.start.resume_button, Qt.MouseButton.LeftButton)
    pump(150)
    save(window.grab(), "23-resume-list.png")
    page = window.resume_page
    assert page is not None
    QTest.keyClick(page.table, Qt.Key.Key_Return)  # the newest: put back where it stopped
    pump(150)
    folder = window.current_session_folder
    window.controller.shutdown()
    window.close()

    # a full disk: said once in the status bar, and the game goes on
    full = DataPaths(data=root / "full", config=root / "full", portable=False)
    window = new_window(full, fs=FullDisk())
    QTest.mouseClick(window.start.new_button, Qt.MouseButton.LeftButton)
    assert window.setup_page is not None
    QTest.mouseClick(window.setup_page.start_button, Qt.MouseButton.LeftButton)
    wait_until(window.save_status.isVisible)
    pump(150)
    save(window.grab(), "24-save-problem.png")
    window.controller.end_game()
    window.close()

    # a save file cut short on a USB stick: the message, and the game behind it goes on
    assert folder is not None
    broken = root / "usb" / "workshop-tuesday.consortium"
    broken.parent.mkdir()
    good = save_versions(folder)[0].read_bytes()
    broken.write_bytes(good[: len(good) // 2])
    window = new_window(paths)
    window.sessions.open_session(window.sessions.entries()[0])
    wait_until(lambda: not window.controller.busy)
    window.files = ScriptedFiles([broken])
    window.menu.open_file.trigger()
    box = window.last_message
    assert box is not None
    pump(150)
    save(with_dialog(window, box), "25-open-file-error.png")
    box.accept()
    menu = window.menu.menu
    menu.popup(window.mapToGlobal(QPoint(90, 24)))
    pump(150)
    save(with_dialog(window, menu, QPoint(90, 24)), "27-undo-not-possible.png")
    menu.hide()
    window.menu.name_holder.trigger()
    dialog = window.name_holder_dialog
    assert dialog is not None
    pump(150)
    save(with_dialog(window, dialog), "26-name-a-holder-curtain.png")
    dialog.show_cards_button.click()
    pump(150)
    save(with_dialog(window, dialog), "26-name-a-holder.png")
    dialog.reject()
    window.controller.shutdown()
    window.close()
    return names


def herd_debrief(root: Path) -> list[str]:
    """The debrief of a game where the plenary put everyone on one task round after round
    (the engine's ``herd`` bots, six seats): crowding hours in the time bars, concentration
    and its prompt, one team in the team × family grid."""
    import attrs  # noqa: PLC0415

    from consortium.engine.simulate import bot_config, play_bot_game  # noqa: PLC0415
    from consortium.store.scenarios import shipped_scenarios  # noqa: PLC0415

    scenario = dict(shipped_scenarios())["cancer-care"]
    config = bot_config(scenario, "herd", 7)
    names = ("Ana", "Ben", "Cleo", "Dag", "Eva", "Farid")
    config = attrs.evolve(config, seats=tuple(
        attrs.evolve(seat, name=name) for seat, name in zip(config.seats, names, strict=True)
    ))
    paths = DataPaths(data=root / "herd", config=root / "herd", portable=False)
    window = new_window(paths)
    state = play_bot_game(scenario, config)
    window.controller.load(state, (True,) * state.public.seats)
    window.pages.setCurrentWidget(window.game)
    window.controller.reveal()
    wait_until(window.board.debrief._revealed.isVisible)
    pump(150)
    names_taken = ["17-debrief-everyone-on-one-task.png",
                   "17b-debrief-everyone-on-one-task-full.png"]
    window.grab().save(str(OUT / names_taken[0]))
    window.board.debrief._body.grab().save(str(OUT / names_taken[1]))
    for name in names_taken:
        print(OUT / name)
    window.controller.shutdown()
    window.close()
    return names_taken


def projector(app: QApplication) -> list[str]:
    """The two-screen arrangement: the laptop keeps the curtain, the projector's board says
    who is choosing and never shows the private panel."""
    from consortium.play.records import SessionSetup  # noqa: PLC0415
    from consortium.store.scenarios import shipped_scenarios  # noqa: PLC0415
    from consortium.ui.controller import GameController  # noqa: PLC0415
    from consortium.ui.shell.setup_page import SetupPage  # noqa: PLC0415

    controller = GameController(pacing_ms=0)
    laptop = MainWindow(controller, lambda: dict(shipped_scenarios()), dual_screen=True,
                        theme=look(), settings=SETTINGS)
    laptop.resize(1366, 768)
    laptop.show()
    laptop.board.resize(1920, 1080)
    page = SetupPage(dict(shipped_scenarios()))
    page.schedule.setCurrentIndex(2)  # Pick your own every round
    setup: SessionSetup = page.setup()
    laptop.start_session(setup)
    wait_until(lambda: laptop.game.curtain.armed)
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


def phones_laptop(app: QApplication, width: int = 1920, height: int = 1080) -> list[str]:
    """The Phones mode on the laptop: a seat's join hand-off (the prompt, then the join card
    behind the curtain), the board waiting for a phone, and Facilitator → Phones…."""
    import json  # noqa: PLC0415
    import urllib.request  # noqa: PLC0415

    from consortium.store.scenarios import shipped_scenarios  # noqa: PLC0415
    from consortium.ui.controller import GameController  # noqa: PLC0415
    from consortium.ui.shell.setup_page import HANDS_PHONES, SetupPage  # noqa: PLC0415

    controller = GameController(pacing_ms=0)
    window = MainWindow(controller, lambda: dict(shipped_scenarios()), theme=look(),
                        settings=SETTINGS)
    controller.setParent(window)
    window.setGeometry(0, 0, width, height)
    window.show()
    pump(200)
    page = SetupPage(dict(shipped_scenarios()))
    page.hands.setCurrentIndex(page.hands.findData(HANDS_PHONES))
    page.schedule.setCurrentIndex(2)  # Pick your own every round
    model = page.seats
    for row, name in enumerate(("Ana", "Ben", "Cleo", "Dag")):
        model.setData(model.index(row, 0), name)
    window.start_session(page.setup())
    curtain = window.game.curtain
    names: list[str] = []

    def save(name: str, picture: QPixmap | None = None) -> None:
        pump(150)
        window.board.fit_now()
        (picture or window.grab()).save(str(OUT / name))
        names.append(name)
        print(OUT / name)

    save("22-phones-join-prompt.png")
    wait_until(lambda: curtain.armed)
    QTest.mouseClick(curtain.show_button, Qt.MouseButton.LeftButton)
    save("23-phones-join-card.png")
    link = window.phones.link
    assert link is not None
    for seat in range(len(controller.view.participants)):  # every phone opens its link
        url = link.join_url(seat)
        if url is not None:  # the laptop's own address reaches it from here too
            with urllib.request.urlopen(url + "/state", timeout=10) as answer:
                json.loads(answer.read())
    wait_until(lambda: not curtain.active)
    while controller.view.actor is None or not controller.session.on_phone(
            controller.view.actor):
        if controller.busy:
            pump(50)
            continue
        buttons = window.game.panel.buttons
        key = next((k for k in ("intros-1", "talked", "vote", "continue", "mode-hybrid")
                    if k in buttons and buttons[k].isEnabled()), None)
        if key is None:
            break
        QTest.mouseClick(buttons[key], Qt.MouseButton.LeftButton)
        pump(50)
    save("24-phones-waiting-for-a-phone.png")
    window.show_phones()
    dialog = window.phones_dialog
    assert dialog is not None
    pump(150)
    save("25-phones-dialog.png", with_dialog(window, dialog))
    dialog.close()
    controller.end_game()
    window.close()
    del app
    return names


def debrief_screens(app: QApplication, width: int = 1920, height: int = 1080) -> list[str]:
    """The end of a workshop: the two questions before the Reveal (the laptop's form beside
    the board), then each debrief screen in turn with the facilitator's note beside it; the
    what-if worked out as the program does (100 replays a way, worker processes)."""
    from consortium.engine.state import Mode  # noqa: PLC0415
    from consortium.present.prompts import SCREENS  # noqa: PLC0415
    from consortium.store.scenarios import shipped_scenarios  # noqa: PLC0415
    from consortium.ui.controller import GameController  # noqa: PLC0415
    from consortium.ui.shell.setup_page import SetupPage  # noqa: PLC0415

    controller = GameController(pacing_ms=0, what_if_seeds=100)
    window = MainWindow(controller, lambda: dict(shipped_scenarios()), theme=look(),
                        settings=SETTINGS)
    controller.setParent(window)
    window.setGeometry(0, 0, width, height)
    window.show()
    pump(200)
    for seed in range(3, 40):
        page = SetupPage(dict(shipped_scenarios()))
        model = page.seats
        for row, name in enumerate(("Ana", "Ben", "Cleo", "Dag")):
            model.setData(model.index(row, 0), name)
        page.seed.setValue(seed)
        page.turnover.setCurrentIndex(2)
        window.start_session(page.setup())
        controller.fast_forward()
        wait_until(lambda: controller.state.over, 30000)
        if controller.debrief_question() is not None:
            break
    names: list[str] = []

    def save(name: str) -> None:
        pump(200)
        window.board.fit_now()
        pump(50)
        window.grab().save(str(OUT / name))
        names.append(name)
        print(OUT / name)

    form = window.game.panel.predictions_form
    form.hands[Mode.DEMOCRATIC.value].setValue(3)
    form.hands[Mode.SELF_SELECTION.value].setValue(5)
    form.hands[Mode.HYBRID.value].setValue(1)
    next(iter(form.named.values())).setChecked(True)
    QTest.mouseClick(form.record, Qt.MouseButton.LeftButton)
    save("26-debrief-predict.png")
    QTest.mouseClick(window.game.panel.buttons["reveal"], Qt.MouseButton.LeftButton)
    wait_until(lambda: controller.what_if_result() is not None, 60000)
    for index, screen in enumerate(SCREENS):
        controller.show_debrief_screen(index)
        pump(100)
        if screen.key == "transfer":
            steps = window.game.panel.steps
            assert steps.agreement is not None
            steps.agreement.setPlainText(
                "Before we split up, we ask who in the room holds the knowledge each task "
                "needs, and write it on the board.")
            QTest.mouseClick(steps.save_button, Qt.MouseButton.LeftButton)
        save(f"27-debrief-{index + 1}-{screen.key}.png")
    controller.end_game()
    controller.shutdown()
    window.close()
    del app
    return names


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", help="write here instead of docs/screenshots")
    parser.add_argument("--size", help="window size WxH: only the game's phases, into "
                        "docs/screenshots/WxH/ (the default walk is 1920×1080 with every "
                        "screen)")
    parser.add_argument("--presenter", action="store_true",
                        help="presenter mode (F5) for the walk; the folder says so")
    parser.add_argument("--phones", action="store_true",
                        help="only the Phones mode's laptop screens, at --size")
    parser.add_argument("--debrief", action="store_true",
                        help="only the debrief's screens (predict, then each screen), at --size")
    parser.add_argument("--only", default="",
                        help="comma-separated name prefixes to keep (e.g. 06,07,08 at 4K)")
    parser.add_argument("--language", default="",
                        help="the program's language (a catalogue's code: en, sv…)")
    parser.add_argument("--text-size", type=int, default=DEFAULTS.text_size,
                        choices=TEXT_SIZES, metavar="PERCENT",
                        help="Settings' text size for the laptop's panels, 100–200 (steps "
                        "of 10)")
    parser.add_argument("--high-contrast", action="store_true",
                        help="Settings' high contrast")
    return parser.parse_args(argv)


def main() -> int:
    global OUT, ONLY, SETTINGS  # noqa: PLW0603 - one setting for the whole walk
    args = parse_args(sys.argv[1:])
    SETTINGS = Settings(language=args.language, text_size=args.text_size,
                        high_contrast=args.high_contrast)
    if args.language:
        use_language(args.language)
    if args.out:  # look before replacing docs/screenshots
        OUT = Path(args.out).resolve()
    width, height = 1920, 1080
    if args.size:
        width, height = (int(n) for n in args.size.lower().split("x"))
        OUT = OUT / (f"{width}x{height}" + ("-presenter" if args.presenter else ""))
    elif args.presenter:
        OUT = OUT / f"{width}x{height}-presenter"
    if look_folder(SETTINGS):
        OUT = OUT / look_folder(SETTINGS)
    ONLY = tuple(p for p in args.only.split(",") if p)
    OUT.mkdir(parents=True, exist_ok=True)
    scratch = tempfile.TemporaryDirectory(prefix="consortium-screens-")
    root = Path(scratch.name)
    walk_paths = DataPaths(data=root / "walk", config=root / "walk", portable=False)
    write_settings(walk_paths.settings, SETTINGS)  # build() reads the look from there
    _app, window = build(["--pacing", "0"], paths=walk_paths)
    if args.phones or args.debrief:
        window.close()
        taken = (phones_laptop if args.phones else debrief_screens)(_app, width, height)
        print(f"{len(taken)} screenshots in {OUT}")
        return 0
    # no window manager under Xvfb: the window is given the screen (or the size) by hand
    window.setGeometry(0, 0, width, height)
    window.show()
    window.activateWindow()
    pump(300)
    if args.presenter:
        window.menu.presenter.trigger()
        window.showNormal()
        window.setGeometry(0, 0, width, height)
        pump(300)
    walk = Walk(window)
    walk.run()
    window.controller.end_game()
    window.close()
    if not (args.size or args.presenter):
        walk.taken += herd_debrief(root)
        walk.taken += sessions_screens(root)
        walk.taken += projector(_app)
        walk.taken += phones_laptop(_app)
    print(f"{len(walk.taken)} screenshots in {OUT}")
    scratch.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
