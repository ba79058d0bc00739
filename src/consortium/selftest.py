"""``consortium --self-test``: prove that this copy of Consortium works, headless.

Run on every packaged build (CI runs ``dist/consortium/consortium --self-test``) and by a
trainer who wants to know whether a school laptop can run the game. It exercises what a
packaged build can lose when files are trimmed or not collected — the shipped assets, the
package metadata, Qt's platform, image-format and icon plugins, fonts, Qt's translations —
and the game itself:

- every shipped scenario loads;
- a bot game in each mode (democratic, self-selection, hybrid) plays to the end in the engine;
- the real main window opens on Qt's ``offscreen`` platform and renders every screen once
  (start, new session, the board in each phase the game passes through, the hand-off curtain
  and a private hand, the pit stop, the game-over screen and the debrief), each grabbed to an
  image that must not be blank;
- a save is written to a temporary folder and read back, and the window's own autosave of
  the game resumes, both replaying to the same game (state digest);
- the debrief's time chart and index gauges are painted onto a PDF page (``QPdfWriter``) in
  the temporary folder, which must come out as a PDF with one page;
- an unfinished session (the window's game halfway, autosaved the way the window does) is
  listed on the Resume page, which is rendered too.

Each check prints one line, ``ok`` or ``FAIL`` with the reason; the exit status is 0 only if
every check passed. Nothing outside a temporary folder is read or written: the window gets
temporary data folders, never the user's sessions.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from consortium.present.i18n import _
from consortium.present.numbers import decimal

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication, QWidget

    from consortium.engine.state import GameState, Mode
    from consortium.ui.shell.main_window import MainWindow

WINDOW_SIZE = (1920, 1080)
"""The size the UI is designed for (the offscreen screen is smaller by default)."""

STEP_LIMIT = 3000
"""Decisions before the window's game counts as stuck (a 4-round game takes a few hundred)."""

EXPECTED_PLATFORMS = {
    "linux": ("offscreen", "xcb"),
    "win32": ("offscreen", "windows"),
    "darwin": ("offscreen", "cocoa"),
}
"""Platform plugins every copy must carry: the desktop's own, and offscreen for this test."""


class Checks:
    """Runs checks one by one, prints a line each, and remembers failures."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.passed = 0
        self.failed: list[str] = []

    def run(self, name: str, check: Callable[[], str]) -> bool:
        """Run ``check``; it returns a short detail for the ``ok`` line or raises."""
        started = time.perf_counter()
        try:
            detail = check()
        except Exception as error:  # a self-test reports every failure and goes on
            self.failed.append(name)
            reason = f"{type(error).__name__}: {error}".strip()
            self._line("FAIL", name, reason)
            if os.environ.get("CONSORTIUM_SELF_TEST_TRACEBACK"):
                traceback.print_exc(file=self.out)
            return False
        self.passed += 1
        took = time.perf_counter() - started
        self._line("ok", name, f"{detail} [{took * 1000:.0f} ms]" if detail else "")
        return True

    def _line(self, status: str, name: str, detail: str) -> None:
        print(f"{status:<5} {name}" + (f" — {detail}" if detail else ""), file=self.out,
              flush=True)

    def summary(self) -> str:
        total = self.passed + len(self.failed)
        if self.failed:
            return _("self-test: {failed} of {total} checks FAILED").format(
                failed=len(self.failed), total=total)
        return _("self-test: all {total} checks passed").format(total=total)


def main(out: TextIO | None = None) -> int:
    """Run every check; 0 if all passed, 1 otherwise."""
    # Before anything imports Qt: no display is needed, and none is touched.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    stream = out if out is not None else (sys.stdout or open(os.devnull, "w"))  # noqa: SIM115
    checks = Checks(stream)
    from consortium import __version__  # noqa: PLC0415 - after the environment is set

    print(_("consortium {version} self-test ({where})").format(version=__version__,
                                                                 where=_where()),
          file=stream, flush=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="consortium-self-test-",
                                     ignore_cleanup_errors=True) as folder:
        _headless_checks(checks)
        _window_checks(checks, Path(folder))
    print(_("{summary} in {seconds} s").format(
        summary=checks.summary(), seconds=decimal(time.perf_counter() - started, 1)),
        file=stream, flush=True)
    return 1 if checks.failed else 0


def _where() -> str:
    where = (_("packaged, Python {python}, {platform}") if getattr(sys, "frozen", False)
             else _("from source, Python {python}, {platform}"))
    return where.format(python=sys.version.split()[0], platform=sys.platform)


# --- without Qt -----------------------------------------------------------------------------


def _headless_checks(checks: Checks) -> None:
    checks.run("version", _version)
    checks.run("shipped assets", _assets)
    checks.run("guides (Help, F1)", _guides)
    from consortium.engine.scenario_toml import parse_scenario  # noqa: PLC0415
    from consortium.resources import shipped_scenario_paths  # noqa: PLC0415

    paths = shipped_scenario_paths()
    if not paths:
        checks.run("shipped scenarios", _none_found)
    for path in paths:

        def load(path: Traversable = path) -> str:
            scenario = parse_scenario(path.read_bytes())
            return (f"{scenario.id}: {len(scenario.tasks)} tasks, "
                    f"{len(scenario.sectors)} sectors")

        checks.run(f"scenario {path.name}", load)
    from consortium.engine.state import Mode  # noqa: PLC0415
    from consortium.store.scenarios import shipped_scenarios  # noqa: PLC0415

    try:
        scenarios = shipped_scenarios()
    except Exception:  # reported per file above
        scenarios = {}
    for scenario_id in scenarios:
        for mode in Mode:

            def play(scenario_id: str = scenario_id, mode: Mode = mode) -> str:
                return _bot_game(scenarios[scenario_id], mode)

            checks.run(f"bot game, {mode.value}, {scenario_id}", play)
    if scenarios:
        first = next(iter(scenarios.values()))
        checks.run("phones: a seat's page from the server on loopback", lambda: _phones(first))


def _none_found() -> str:
    raise FileNotFoundError("no scenario files were shipped")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    from consortium import __version__  # noqa: PLC0415

    try:
        shipped = version("consortium")
    except PackageNotFoundError:
        raise LookupError("no package metadata for consortium (copy_metadata missing?)") from None
    if shipped != __version__:
        raise LookupError(f"the metadata says {shipped}, the program {__version__}")
    return f"consortium {__version__}"


def _assets() -> str:
    from consortium.resources import asset_path, assets_root  # noqa: PLC0415

    if not assets_root().is_dir():
        raise FileNotFoundError(f"no assets folder at {assets_root()}")
    found = []
    for folder, wanted in (("scenarios", ".toml"), ("prompts", ".toml"), ("icons", "")):
        entry = asset_path(folder)
        if not entry.is_dir():
            raise FileNotFoundError(f"assets/{folder} is missing")
        files = [p for p in entry.iterdir() if p.is_file() and p.name.endswith(wanted)]
        if not files:
            raise FileNotFoundError(f"assets/{folder} is empty")
        found.append(f"{folder} {len(files)}")
    return ", ".join(found)


def _guides() -> str:
    """How to play and the facilitator guide ship with the program (docs/ as the package
    consortium.guide), in English and in Swedish: Help shows them in the room's language, and
    prints them."""
    from consortium.resources import guide_text  # noqa: PLC0415

    sizes = []
    for name in ("how-to-play.md", "how-to-play.sv.md", "facilitator-guide.md",
                 "facilitator-guide.sv.md", "rules.md"):
        text = guide_text(name)
        if not text.startswith("# "):
            raise ValueError(f"{name} does not start with its title")
        sizes.append(f"{name} {len(text) // 1024} KiB")
    return ", ".join(sizes)


def _bot_game(scenario: object, mode: Mode) -> str:
    from consortium.engine.bots import POLICIES  # noqa: PLC0415
    from consortium.engine.scenario import Scenario  # noqa: PLC0415
    from consortium.engine.simulate import bot_config, play_bot_game  # noqa: PLC0415
    from consortium.engine.state import Phase  # noqa: PLC0415

    assert isinstance(scenario, Scenario)
    policy = next(name for name, p in POLICIES.items() if p.mode is mode)
    state = play_bot_game(scenario, bot_config(scenario, policy, seed=7, seats=6))
    if state.public.phase is not Phase.GAME_OVER:
        raise RuntimeError(f"the game stopped in {state.public.phase.value}")
    return (f"{policy}: {state.public.rounds} rounds, {state.step} steps, "
            f"impact {state.public.impact:.1f}")


def _phones(scenario: object) -> str:
    """Start the phones' server on loopback, fetch one seat's page and state, stop it."""
    import json  # noqa: PLC0415
    import urllib.request  # noqa: PLC0415

    from consortium.engine.game import new_game  # noqa: PLC0415
    from consortium.engine.history import History  # noqa: PLC0415
    from consortium.engine.scenario import Scenario  # noqa: PLC0415
    from consortium.engine.simulate import bot_config  # noqa: PLC0415
    from consortium.phones.desk import PhoneDesk  # noqa: PLC0415
    from consortium.phones.keys import SeatKeys  # noqa: PLC0415
    from consortium.phones.server import PhoneApp, PhoneServer  # noqa: PLC0415
    from consortium.play.session import Session  # noqa: PLC0415

    assert isinstance(scenario, Scenario)
    config = bot_config(scenario, "balanced", seed=7, seats=4)
    session = Session(pacing_ms=0)
    keys = SeatKeys()
    token = keys.issue(0)
    desk = PhoneDesk(session, keys, lambda job: job())
    session.take_over(History(new_game(scenario, config)), (True, False, False, False),
                      talk_clock=False)
    server = PhoneServer(PhoneApp(desk))
    port = server.start("127.0.0.1", 0)
    try:
        base = f"http://127.0.0.1:{port}/s/{token}"
        with urllib.request.urlopen(base, timeout=10) as page:
            html = page.read()
        with urllib.request.urlopen(base + "/state", timeout=10) as state:
            data = json.loads(state.read())
    finally:
        server.stop()
    cards = len(data["page"]["hand"])
    if b"/static/phone.js" not in html or not cards:
        raise RuntimeError("the seat's page or its hand did not come")
    return f"port {port}: the page ({len(html)} bytes) and a hand of {cards} cards"


# --- the window -----------------------------------------------------------------------------


def _window_checks(checks: Checks, folder: Path) -> None:
    app: QApplication | None = None

    def start_qt() -> str:
        nonlocal app
        from PySide6.QtCore import QLibraryInfo, qVersion  # noqa: PLC0415
        from PySide6.QtWidgets import QApplication  # noqa: PLC0415

        _quiet_offscreen_notes()
        existing = QApplication.instance()
        app = existing if isinstance(existing, QApplication) else QApplication(
            [sys.argv[0] if sys.argv else "consortium"]
        )
        plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
        shipped = sorted(_plugin_name(p.name) for p in plugins.iterdir()) if plugins.is_dir() \
            else []
        system = "win32" if sys.platform.startswith("win") else sys.platform
        wanted = EXPECTED_PLATFORMS.get(system, ("offscreen",))
        missing = [name for name in wanted if name not in shipped]
        if missing:
            raise FileNotFoundError(f"platform plugins missing: {', '.join(missing)} "
                                    f"(found {', '.join(shipped) or 'none'} in {plugins})")
        return f"Qt {qVersion()} on {app.platformName()}; platform plugins {', '.join(shipped)}"

    if not checks.run("Qt starts", start_qt) or app is None:
        return
    checks.run("image formats and icon", _images)
    checks.run("fonts", _fonts)
    checks.run("Qt translations", _translations)
    checks.run("one copy per data folder", lambda: _one_copy(app, folder))
    checks.run("phones: a join card's QR code (segno drawn by QtSvg)", _join_qr)
    _screens(checks, app, folder)


def _join_qr() -> str:
    """Draw a join card's QR code and read its modules back from the picture: segno and
    QtSvg are in the build, and the code on screen is the link's."""
    import segno  # noqa: PLC0415

    from consortium.ui.laptop.join_card import QUIET, QrCode  # noqa: PLC0415

    url = "http://192.168.1.5:8765/s/" + "A" * 32
    code = QrCode(url)
    code.resize(400, 400)
    image = code.grab().toImage()
    matrix = segno.make(url, error="m", micro=False).matrix
    unit = 400 / (len(matrix) + 2 * QUIET)
    wrong = sum(
        (image.pixelColor(int((x + QUIET + 0.5) * unit), int((y + QUIET + 0.5) * unit))
         .lightness() < 128) != bool(dark)
        for y, row in enumerate(matrix) for x, dark in enumerate(row))
    if wrong:
        raise RuntimeError(f"{wrong} of the QR code's modules were drawn wrong")
    return f"{len(matrix)}×{len(matrix)} modules, every one as encoded"


def _one_copy(app: QApplication, folder: Path) -> str:
    """A second launch on a data folder must reach the first copy and bring it forward
    (issue 10): the lock, the local socket (multiprocessing.connection, frozen or not) and
    the request carried over to the GUI thread."""
    from consortium.ui.shell.one_copy import claim  # noqa: PLC0415

    data = folder / "one-copy"
    first = claim(data)
    if first is None:
        raise RuntimeError(f"another copy already runs for {data}")
    asked: list[bool] = []
    try:
        first.serve(lambda: asked.append(True))
        if not first.guarded:
            raise OSError("the first copy cannot listen for later launches")
        if claim(data, wait=5.0) is not None:
            raise RuntimeError("a second launch did not reach the first copy")
        deadline = time.perf_counter() + 5
        while not asked and time.perf_counter() < deadline:
            _pump(app)
        if not asked:
            raise RuntimeError("the first copy was reached but did not come forward")
    finally:
        first.close()
    return "a second launch brought the first forward"


def _quiet_offscreen_notes() -> None:
    """The offscreen plugin says "does not support propagateSizeHints()" for every window;
    that note is dropped, every other Qt message still goes to stderr."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler  # noqa: PLC0415

    def handler(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr, flush=True)

    qInstallMessageHandler(handler)


def _plugin_name(file: str) -> str:
    stem = file.split(".", maxsplit=1)[0]
    stem = stem.removeprefix("lib")
    return stem.removeprefix("q")


def _images() -> str:
    from importlib.resources import as_file  # noqa: PLC0415

    from PySide6.QtGui import QIcon, QImage, QImageReader  # noqa: PLC0415

    from consortium.resources import asset_path  # noqa: PLC0415

    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    missing = {"png", "svg", "ico"} - formats
    if missing:
        raise LookupError(f"image formats missing: {', '.join(sorted(missing))}")
    sizes = []
    for name in ("consortium.png", "consortium.svg", "consortium.ico"):
        with as_file(asset_path("icons", name)) as path:
            image = QImage(str(path))
            if image.isNull():
                raise ValueError(f"icons/{name} does not load")
            if _blank(image):
                raise ValueError(f"icons/{name} loads blank")
            sizes.append(f"{name} {image.width()}px")
    with as_file(asset_path("icons", "consortium.svg")) as path:
        if QIcon(str(path)).pixmap(64, 64).isNull():
            raise ValueError("the SVG icon engine cannot draw icons/consortium.svg")
    return ", ".join(sizes)


def _fonts() -> str:
    from PySide6.QtGui import QFontDatabase, QFontInfo  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    families = QFontDatabase.families()
    if not families:
        raise LookupError("no fonts found (fontconfig)")
    return f"{len(families)} families; UI font {QFontInfo(QApplication.font()).family()}"


def _translations() -> str:
    """Qt's own catalogue (Yes, No, Cancel in message boxes and file dialogs) loads for
    every language this copy speaks: the packaging trim keeps them by the game's own
    catalogues, and a missing one would leave a Swedish room's dialogs in English."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator  # noqa: PLC0415

    from consortium.present.languages import available_languages  # noqa: PLC0415

    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    languages = available_languages()
    for language in languages:
        translator = QTranslator()
        if not translator.load(QLocale(language), "qtbase", "_", folder):
            raise FileNotFoundError(f"qtbase_{language}.qm does not load from {folder}")
    return f"qtbase_{{{','.join(languages)}}} from {Path(folder).name}/"


# --- the screens ----------------------------------------------------------------------------


def _pump(app: QApplication, ms: int = 30) -> None:
    deadline = time.perf_counter() + ms / 1000
    while time.perf_counter() < deadline:
        app.processEvents()


def _blank(image: QImage) -> bool:
    """Whether an image is one flat colour (or nearly): a screen that rendered nothing."""
    width, height = image.width(), image.height()
    if width == 0 or height == 0:
        return True
    colours = {
        image.pixel(x * (width - 1) // 47, y * (height - 1) // 47)
        for x in range(48)
        for y in range(48)
    }
    return len(colours) < 3


def _grab(widget: QWidget, app: QApplication, name: str = "") -> str:
    _pump(app)
    image = widget.grab().toImage()
    shots = os.environ.get("CONSORTIUM_SELF_TEST_SHOTS")
    if shots and name:  # keep the images, to look at what a build draws
        Path(shots).mkdir(parents=True, exist_ok=True)
        image.save(str(Path(shots) / f"{name}.png"))
    if image.isNull() or _blank(image):
        raise ValueError(f"{widget.accessibleName() or type(widget).__name__} rendered blank "
                         f"({image.width()}×{image.height()})")
    return f"{image.width()}×{image.height()}"


@contextmanager
def _window(app: QApplication, folder: Path) -> Iterator[MainWindow]:
    from consortium.store.paths import DataPaths  # noqa: PLC0415
    from consortium.ui.shell.app import build  # noqa: PLC0415

    paths = DataPaths(data=folder / "data", config=folder / "config", portable=False)
    _app, window = build(["--pacing", "0"], paths=paths)
    window.resize(*WINDOW_SIZE)
    window.show()
    try:
        yield window
    finally:
        if window.controller.has_game:
            window.controller.end_game()
        window.close()
        _pump(app, 50)
        window.deleteLater()
        _pump(app, 10)


def _screens(checks: Checks, app: QApplication, folder: Path) -> None:
    with _window(app, folder) as window:
        checks.run("screen: start", lambda: _page(window, window.start, app, "00-start"))

        def new_session() -> str:
            window.show_setup()
            assert window.setup_page is not None
            return _page(window, window.setup_page, app, "00-new-session")

        if not checks.run("screen: new session", new_session):
            return
        played: list[str] = []
        checks.run("the window plays a game", lambda: _play(checks, window, app, played))
        if window.controller.has_game and window.controller.state.over:
            _save_checks(checks, window, app, folder)
            state = window.controller.state
            checks.run("PDF: the debrief charts on a page", lambda: _pdf(state, folder))
            checks.run("screen: resume, an unfinished session listed",
                       lambda: _resume(window, app))


def _page(window: MainWindow, page: QWidget, app: QApplication, name: str) -> str:
    _pump(app)
    if window.pages.currentWidget() is not page:
        raise AssertionError(f"{page.accessibleName()} is not the page shown")
    return _grab(window, app, name)


def _play(checks: Checks, window: MainWindow, app: QApplication, played: list[str]) -> str:
    """A 4-round game with three people and two bots, on the 90-minute plan with the group
    choosing Mixed, then Plenary, in the last two rounds; every decision is the one a bot in
    that seat would take, entered through the controller (people's turns open their hand
    behind the curtain first). Each new situation is rendered once."""
    from consortium.engine.actions import ChooseMode  # noqa: PLC0415
    from consortium.engine.simulate import bot_action, seat_policy  # noqa: PLC0415
    from consortium.engine.state import Mode, Phase  # noqa: PLC0415

    page = window.setup_page
    assert page is not None
    page.seed.setValue(11)
    page.start_button.click()
    controller = window.controller
    if not controller.has_game:
        raise RuntimeError("Start the session did not start a game")
    curtain = window.game.curtain
    seen: set[str] = set()
    modes = {3: Mode.HYBRID, 4: Mode.DEMOCRATIC}

    def render(key: str, title: str, widget: QWidget) -> None:
        if key not in seen:
            seen.add(key)
            checks.run(f"screen: {title}", lambda: _grab(widget, app, f"{len(seen):02d}-{key}"))

    for _step in range(STEP_LIMIT):
        deadline = time.perf_counter() + 5
        while controller.busy and time.perf_counter() < deadline:
            app.processEvents()
        _pump(app, 5)
        view = controller.view
        phase = view.phase
        if phase is Phase.GAME_OVER:
            render("game-over", "game over", window)
            break
        if phase is Phase.PIT_STOP:
            render("pit-stop", "pit stop", window)
        else:
            render(phase.value, f"board, {phase.value}", window)
        state = controller.state
        seat = view.actor
        if curtain.active:
            render("curtain", "hand-off curtain", window)
            curtain.arm_ms = 0  # the self-test does not wait as people must
            deadline = time.perf_counter() + 2
            while not curtain.armed and time.perf_counter() < deadline:
                _pump(app, 5)
            curtain.show_button.click()
            _pump(app, 5)
            if curtain.panel is None:
                raise AssertionError("the curtain's Show button opened no hand")
            render("hand", "a private hand behind the curtain", window)
        if phase is Phase.MODE_CHOICE and view.round in modes:
            action: object = ChooseMode(modes[view.round])
        else:
            action = bot_action(state, seat_policy(state, seat))
        if not controller.submit(action):  # type: ignore[arg-type]
            raise RuntimeError(f"{action} was refused: {controller.session.notice}")
        played.append(phase.value)
    else:
        raise RuntimeError(f"the game did not end in {STEP_LIMIT} decisions")

    def debrief() -> str:
        reveal = window.game.panel.buttons.get("reveal")
        if reveal is not None:
            reveal.click()
        else:
            controller.reveal()
        _pump(app, 50)
        if window.board.pages.currentWidget() is not window.board.debrief:
            raise AssertionError("the debrief is not shown after the Reveal")
        return _grab(window, app, "99-debrief")

    checks.run("screen: debrief", debrief)
    phases = sorted(set(played))
    return (f"{len(controller.actions)} actions ({len(played)} entered here) over "
            f"{view.rounds} rounds; phases {', '.join(phases)}")


def _save_checks(checks: Checks, window: MainWindow, app: QApplication, folder: Path) -> None:
    from datetime import UTC, datetime  # noqa: PLC0415

    from consortium.store.digest import state_digest  # noqa: PLC0415
    from consortium.store.paths import DataPaths  # noqa: PLC0415
    from consortium.store.save_file import SAVE_SUFFIX, Room, write_save_file  # noqa: PLC0415
    from consortium.store.save_load import read_save_file  # noqa: PLC0415
    from consortium.store.sessions import list_sessions, resume_session  # noqa: PLC0415

    controller = window.controller
    state, actions = controller.state, controller.actions
    digest = state_digest(state)

    def save_file() -> str:
        path = folder / f"self-test{SAVE_SUFFIX}"
        now = datetime.now(UTC)
        room = Room.of(state.ctx.config)
        write_save_file(path, state, actions, room, started_at=now, saved_at=now)
        loaded = read_save_file(path)
        if state_digest(loaded.state) != digest:
            raise AssertionError("the save replays to a different game")
        return f"{path.stat().st_size:,} bytes, {len(actions)} actions replayed"

    checks.run("save: write and read back", save_file)

    def autosave() -> str:
        sessions = DataPaths(data=folder / "data", config=folder / "config",
                             portable=False).sessions  # as _window made them
        deadline = time.perf_counter() + 10
        last = "no session folder"
        while time.perf_counter() < deadline:
            app.processEvents()
            entries = list_sessions(sessions, include_finished=True)
            if entries:
                resumed = resume_session(entries[0].folder)
                if state_digest(resumed.loaded.state) == digest:
                    return f"{resumed.save.name} resumes to the same game"
                last = f"{resumed.save.name} is {resumed.loaded.header.step} steps in"
            time.sleep(0.05)
        raise AssertionError(f"the autosave did not catch up with the game ({last})")

    checks.run("save: the window's autosave resumes", autosave)


def _pdf(state: GameState, folder: Path) -> str:
    """The debrief's time chart and gauges, painted as the debrief paints them, onto an A4
    page from ``QPdfWriter`` (part of QtGui: the trimmed QtPdf module only reads PDFs)."""
    import re  # noqa: PLC0415

    from PySide6.QtCore import QRectF  # noqa: PLC0415
    from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from consortium.present.debrief_data import build_debrief, gauges  # noqa: PLC0415
    from consortium.ui.board.index_gauge import gauge_text, paint_gauge  # noqa: PLC0415
    from consortium.ui.board.time_chart import Bar, paint_time_chart  # noqa: PLC0415

    debrief = build_debrief(state)
    metrics = debrief.metrics
    bars = [Bar(_("Round {number}").format(number=r.round) + "\n" + mode, r.time)
            for r, mode in zip(metrics.rounds, debrief.modes, strict=False)]
    if not bars:
        raise AssertionError("the finished game has no rounds to chart")
    path = folder / "self-test-debrief.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(150)
    writer.setTitle("Consortium self-test: debrief")
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot paint on a PDF page at {path}")
    try:
        font = QFont(QApplication.font())
        font.setPointSizeF(10)
        width, height = writer.width(), writer.height()
        paint_time_chart(painter, QRectF(0, 0, width, height * 0.55), bars, font)
        top = height * 0.6
        for g in gauges(debrief):  # as the debrief shows them
            paint_gauge(painter, QRectF(0, top, width, height * 0.15),
                        gauge_text(g.name, g.value, g.verdict), g.value, g.threshold,
                        g.flagged, font, parts=g.parts)
            top += height * 0.18
    except BaseException:
        painter.end()
        raise
    if not painter.end():
        raise OSError(f"the PDF at {path} was not finished")
    data = path.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise ValueError(f"{path.name} is not a PDF (starts {data[:8]!r})")
    if len(data) < 4000:
        raise ValueError(f"{path.name} is only {len(data)} bytes: nothing was drawn")
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    if pages != 1:
        raise ValueError(f"{path.name} has {pages} pages, not 1")
    fonts = len(re.findall(rb"/FontFile2?\b", data))
    return (f"{len(bars)} rounds charted, 2 gauges; {len(data):,} bytes, 1 page, "
            f"{fonts} embedded font{'s' if fonts != 1 else ''}")


def _resume(window: MainWindow, app: QApplication) -> str:
    """The window's game up to round 2, autosaved to a new session folder as the window's
    autosave does (then closed cleanly), must be listed on the Resume page by scenario and
    round, and the page must render."""
    from consortium.engine.game import new_game  # noqa: PLC0415
    from consortium.engine.history import History  # noqa: PLC0415
    from consortium.store.autosave import Autosaver, utc_now  # noqa: PLC0415
    from consortium.store.save_file import Room  # noqa: PLC0415
    from consortium.store.sessions import new_session_folder  # noqa: PLC0415

    if window.paths is None:
        raise AssertionError("the window has no data folder")
    played = window.controller.state
    scenario, config = played.ctx.scenario, played.ctx.config
    history = History(new_game(scenario, config))
    for action in window.controller.actions:
        if history.state.public.round >= 2:
            break
        history.apply(action)
    state = history.state
    if state.over or state.public.round < 2:
        raise AssertionError(f"no unfinished state to save (round {state.public.round})")
    started = utc_now()
    saver = Autosaver(new_session_folder(window.paths.sessions, scenario.id, started),
                      started_at=started, background=False, new=True)
    saver.save(state, history.actions, Room.of(config))
    status = saver.close()
    if not status.ok:
        raise OSError(status.message)
    window.show_resume()
    page = window.resume_page
    if page is None:
        raise AssertionError("show_resume() made no Resume page")
    model = page.table.model()
    rows = [tuple(str(model.index(row, column).data()) for column in range(2))
            for row in range(model.rowCount())]
    wanted = (scenario.title, _("Round {number} of {rounds}").format(
        number=state.public.round, rounds=state.public.rounds))
    if wanted not in rows:
        raise AssertionError(f"the list does not show {' · '.join(wanted)}: {rows}")
    if not page.table.isVisible():
        raise AssertionError("the sessions table is hidden")
    size = _page(window, page, app, "98-resume")
    return f"{len(rows)} listed: {' · '.join(wanted)}; {size}"
