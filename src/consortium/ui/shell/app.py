"""``consortium`` with no command: the game window. Qt is imported only from here down.

``run(argv)`` resolves the data folders once (per user, or next to the program with
``--portable`` or a ``consortium-portable`` marker file), reads the settings there
(:func:`startup`: the language, the text size, high contrast, the data folder), builds the
application, applies the theme, and opens the main window on the first screen; with two or
more screens the board goes full screen on the second. The folders are passed down: nothing
finds them at import. ``--exit-when-ready`` quits as soon as the start screen has painted
(launch benchmark), and then reads no saved session.

One running copy per data folder (:mod:`consortium.ui.shell.one_copy`): a second launch on the same
folder brings the first window forward and ends, before it builds a window of its own.
``--exit-when-ready`` skips that step: it reads and writes no session, and a timing run must
not end early because a copy is open.
"""

from __future__ import annotations

import argparse
import linecache
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QGuiApplication, QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from consortium.present.i18n import _, language, use_language
from consortium.present.languages import available_languages, choose_language
from consortium.resources import asset_path
from consortium.store.paths import DataPaths, paths_for
from consortium.store.settings import Settings, read_settings
from consortium.ui.kit.gc_guard import collect_on_gui_thread
from consortium.ui.kit.qt_translations import install_qt_translations
from consortium.ui.kit.theme import Theme
from consortium.ui.shell.main_window import MainWindow
from consortium.ui.shell.one_copy import OneCopy, claim

if TYPE_CHECKING:
    from consortium.engine.scenario import Scenario
    from consortium.ui.controller import GameController


def forget_module_sources() -> None:
    """Drop the source text PySide6 has read for every module imported after it.

    Importing PySide6 replaces ``__import__``; after each import its ``__feature__`` support
    asks whether the new module uses PySide by reading the module's whole source with
    ``inspect.getsource``, which keeps every line in :mod:`linecache`. Running from source that
    is about 4 MiB of text nobody reads again (an 8-round game's peak memory went from 93 to
    89 MiB without it; bench/run_all.py, "peak memory"). A packaged build ships no sources, so
    there is nothing to drop. Clearing the cache is safe: a traceback reads the lines back from
    disk. Called after the imports at launch and at the first game, the two big batches.
    """
    linecache.clearcache()


def _application_icon() -> QIcon:
    """The window and taskbar icon, from the shipped PNG (read as bytes: the assets may be
    served from a packaged build's own resource reader rather than a folder)."""
    pixmap = QPixmap()
    pixmap.loadFromData(asset_path("icons", "consortium.png").read_bytes(), "PNG")
    return QIcon(pixmap)


def _scenarios() -> dict[str, Scenario]:
    from consortium.store.scenarios import shipped_scenarios  # noqa: PLC0415 - not at launch

    return dict(shipped_scenarios())


def _controller_factory(pacing_ms: int, sessions: Path) -> Callable[[], GameController]:
    """The controller (and with it the engine's rules and the autosave) loads with the first
    game."""

    def make() -> GameController:
        from consortium.ui.controller import GameController  # noqa: PLC0415 - launch time
        from consortium.ui.saving import Saving  # noqa: PLC0415

        forget_module_sources()
        return GameController(pacing_ms=pacing_ms, saving=Saving(sessions), what_if_seeds=100)

    return make


def parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="consortium", add_help=False)
    parser.add_argument("--exit-when-ready", action="store_true")
    parser.add_argument("--pacing", type=int, default=700, help="ms between bot moves")
    parser.add_argument("--portable", action="store_true",
                        help="keep all data next to the program (a USB stick)")
    args, _unknown = parser.parse_known_args(list(argv))
    return args


class Startup(NamedTuple):
    """What :func:`startup` found: the folders to use, the settings and, in words, what in
    the settings file was not used."""

    paths: DataPaths
    settings: Settings
    problems: tuple[str, ...]
    languages: tuple[str, ...]


def startup(argv: Sequence[str]) -> Startup:
    """The folders and the settings, resolved once at launch (ARCHITECTURE.md: "Paths are
    resolved in main()"), and the language put in use: ``CONSORTIUM_LANGUAGE``, else
    Settings', else the system's (gettext's variables, then the desktop's languages).

    The settings' data folder replaces the per-user one (never in portable mode: there
    everything stays beside the program); a path with a file in the way is not used."""
    paths = paths_for(argv)
    loaded = read_settings(paths.settings)
    settings = loaded.settings
    languages = available_languages()
    chosen = choose_language(settings.language, languages,
                             desktop=list(QLocale.system().uiLanguages()))
    use_language(chosen.language)
    folder_in_the_way = False
    if settings.data_folder and not paths.portable:
        folder = Path(settings.data_folder)
        folder_in_the_way = folder.exists() and not folder.is_dir()
        if not folder_in_the_way:
            paths = paths._replace(data=folder)
    problems: list[str] = []
    if loaded.problems or chosen.missing or folder_in_the_way:
        from consortium.present import settings_words  # noqa: PLC0415 - only when needed

        problems = [settings_words.settings_problem(p, paths.settings)
                    for p in loaded.problems]
        if chosen.missing:
            problems.append(settings_words.missing_language(chosen.missing))
        if folder_in_the_way:
            problems.append(settings_words.folder_in_the_way(settings.data_folder))
    return Startup(paths, settings, tuple(problems), languages)


def build(
    argv: Sequence[str] = (), *, paths: DataPaths | None = None,
    found: Startup | None = None,
) -> tuple[QApplication, MainWindow]:
    """The application and its main window; ``found`` by :func:`launch`, or only ``paths``
    (a temporary folder, for the screenshot script and tests: the settings there are read,
    the language is left as it is)."""
    args = parse(argv)
    if found is None:
        if paths is None:
            paths = paths_for(argv)
        settings = read_settings(paths.settings).settings
        found = Startup(paths, settings, (), available_languages())
    paths, settings = found.paths, found.settings
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else "consortium"])
    collect_on_gui_thread(app)  # before any other thread (the autosave writer) starts
    app.setApplicationName("Consortium")
    app.setApplicationDisplayName("Consortium")
    app.setWindowIcon(_application_icon())
    translator = install_qt_translations(app, language())  # Qt's buttons and dialogs too
    QGuiApplication.setDesktopFileName("consortium")  # packaging/consortium.desktop
    theme = Theme(zoom=settings.text_size / 100, high_contrast=settings.high_contrast)
    theme.apply(app)
    screens = QGuiApplication.screens()
    board_screen = screens[1] if len(screens) >= 2 else None
    window = MainWindow(_controller_factory(args.pacing, paths.sessions), _scenarios,
                        board_screen=board_screen, theme=theme, paths=paths,
                        offer_resume=not args.exit_when_ready, settings=settings,
                        settings_problems=found.problems, languages=found.languages)
    window.qt_translator = translator
    app.screenAdded.connect(window.on_screen_added)  # a projector plugged in mid-session
    app.screenRemoved.connect(window.on_screen_removed)
    forget_module_sources()
    return app, window


def launch(argv: Sequence[str] = ()) -> tuple[QApplication, MainWindow, OneCopy | None] | None:
    """Everything :func:`run` does before the event loop: the window shown, or None when
    another copy runs on this data folder and was brought forward instead."""
    args = parse(argv)
    found = startup(argv)  # once, here: everything below is handed these folders
    paths = found.paths
    copy = None
    if not args.exit_when_ready:
        copy = claim(paths.data)
        if copy is None:
            print(_("Consortium is already open for {folder}: its window was brought "
                    "forward.").format(folder=paths.data), flush=True)
            return None
    app, window = build(argv, found=found)
    if args.exit_when_ready:
        window.start.first_painted.connect(lambda: QTimer.singleShot(0, app.quit))
    if copy is not None:
        app.aboutToQuit.connect(copy.close)
        if copy.unanswered:
            window.start.first_painted.connect(
                lambda: QTimer.singleShot(0, lambda: _say_unanswered(window, paths.data))
            )
        else:
            window.start.first_painted.connect(
                lambda: QTimer.singleShot(0, lambda: copy.serve(window.come_forward))
            )
    primary = QGuiApplication.primaryScreen()
    if primary is not None:
        window.setGeometry(primary.availableGeometry())
    window.showMaximized()
    return app, window, copy


def _say_unanswered(window: MainWindow, data: Path) -> None:
    window.show_message(
        _("Consortium is open twice"),
        _("Another copy of Consortium is running for this data folder but does not answer, so "
          "this one opened as well. A session open in the other copy cannot be opened here "
          "until it closes; new sessions are saved in folders of their own."),
        [str(data)],
    )


def run(argv: Sequence[str] = ()) -> int:
    launched = launch(argv)
    if launched is None:
        return 0
    app, _window, copy = launched
    try:
        return app.exec()
    finally:
        if copy is not None:
            copy.close()
