"""``consortium --self-test`` from source, and the packaging rules it vouches for.

CI also runs the self-test on the built program (``dist/consortium/consortium --self-test``);
here it runs from the checkout in a fresh interpreter, as a trainer's copy would. The trim
rules of packaging/trim.py are checked on file names, without building.
"""

from __future__ import annotations

import importlib.util
import io
import os
import struct
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from consortium.present.i18n import _
from tests.words import says

ROOT = Path(__file__).resolve().parents[1]


def _trim() -> ModuleType:
    """packaging/trim.py by path: ``packaging`` is also an installed PyPI package."""
    spec = importlib.util.spec_from_file_location("consortium_trim", ROOT / "packaging/trim.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["consortium_trim"] = module
    spec.loader.exec_module(module)
    return module


trim = _trim()


# --- the self-test ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def self_test() -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # it sets its own
    return subprocess.run(
        [sys.executable, "-m", "consortium", "--self-test"],
        capture_output=True, text=True, timeout=180, env=env, check=False,
    )


def test_self_test_passes_from_source(self_test: subprocess.CompletedProcess[str]) -> None:
    assert self_test.returncode == 0, self_test.stdout + self_test.stderr
    from consortium import __version__

    lines = self_test.stdout.splitlines()
    where = _("from source, Python {python}, {platform}").format(
        python=sys.version.split()[0], platform=sys.platform)
    assert lines[0] == _("consortium {version} self-test ({where})").format(
        version=__version__, where=where)
    checks = [line for line in lines if line.startswith(("ok ", "FAIL "))]
    assert says("{summary} in {seconds} s", lines[-1],
                summary=_("self-test: all {total} checks passed").format(total=len(checks)))
    assert not [line for line in lines if line.startswith("FAIL")]


@pytest.mark.parametrize(
    "check",
    [
        "version",
        "shipped assets",
        "scenario cancer-care.toml",
        "bot game, democratic, cancer-care",
        "bot game, self-selection, cancer-care",
        "bot game, hybrid, cancer-care",
        "scenario climate-adaptation.toml",
        "bot game, hybrid, climate-adaptation",
        "scenario fossil-free-transport.toml",
        "bot game, hybrid, fossil-free-transport",
        "Qt starts",
        "image formats and icon",
        "fonts",
        "screen: start",
        "screen: new session",
        "screen: board, placement",
        "screen: board, vote",
        "screen: board, declare",
        "screen: board, turns",
        "screen: hand-off curtain",
        "screen: a private hand behind the curtain",
        "screen: pit stop",
        "screen: game over",
        "screen: debrief",
        "the window plays a game",
        "save: write and read back",
        "save: the window's autosave resumes",
        "PDF: the debrief charts on a page",
        "screen: resume, an unfinished session listed",
    ],
)
def test_self_test_prints_each_check(
    self_test: subprocess.CompletedProcess[str], check: str
) -> None:
    assert any(line.startswith(f"ok    {check}") for line in self_test.stdout.splitlines()), (
        self_test.stdout
    )


def _line(self_test: subprocess.CompletedProcess[str], check: str) -> str:
    return next(line for line in self_test.stdout.splitlines() if line.startswith(f"ok    {check}"))


def test_the_resume_page_lists_the_unfinished_session(
    self_test: subprocess.CompletedProcess[str],
) -> None:
    line = _line(self_test, "screen: resume, an unfinished session listed")
    round_text = _("Round {number} of {rounds}").format(number=2, rounds=4)
    assert f"1 listed: Cancer care partnership · {round_text}; 1920×1080" in line


def test_the_debrief_charts_make_a_one_page_pdf(
    self_test: subprocess.CompletedProcess[str],
) -> None:
    line = _line(self_test, "PDF: the debrief charts on a page")
    assert "4 rounds charted, 2 gauges" in line and " bytes, 1 page" in line


def test_the_self_test_finds_the_guides_in_english_and_swedish(
    self_test: subprocess.CompletedProcess[str],
) -> None:
    """A build that dropped the Swedish guides would show a Swedish room English Help."""
    line = _line(self_test, "guides (Help, F1)")
    for name in ("how-to-play.md", "how-to-play.sv.md", "facilitator-guide.md",
                 "facilitator-guide.sv.md"):
        assert f"{name} " in line, line


def test_the_guide_package_data_ships_every_language_s_guides() -> None:
    """pyproject's patterns for ``consortium.guide`` are what the wheel and the PyInstaller
    spec (which globs them over docs/) ship: they must take each guide's Swedish twin."""
    import tomllib

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["consortium.guide"]
    shipped = {f.name for pattern in patterns for f in (ROOT / "docs").glob(pattern)}
    assert {"how-to-play.sv.md", "facilitator-guide.sv.md"} <= shipped


def test_the_self_test_leaves_no_offscreen_noise(
    self_test: subprocess.CompletedProcess[str],
) -> None:
    assert "propagateSizeHints" not in self_test.stderr


def test_a_failing_check_is_reported_and_counted() -> None:
    from consortium.selftest import Checks

    out = io.StringIO()
    checks = Checks(out)

    def broken() -> str:
        raise FileNotFoundError("assets/scenarios is empty")

    assert checks.run("works", lambda: "fine")
    assert not checks.run("shipped assets", broken)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("ok    works — fine")
    assert lines[1] == "FAIL  shipped assets — FileNotFoundError: assets/scenarios is empty"
    assert checks.failed == ["shipped assets"]
    assert checks.summary() == _("self-test: {failed} of {total} checks FAILED").format(
        failed=1, total=2)


def test_blank_images_are_caught() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter

    from consortium.selftest import _blank

    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    assert _blank(image)
    assert _blank(QImage())
    painter = QPainter(image)
    painter.fillRect(0, 0, 100, 50, Qt.GlobalColor.black)
    painter.fillRect(100, 50, 100, 50, Qt.GlobalColor.blue)
    painter.end()
    assert not _blank(image)


# --- the trims ----------------------------------------------------------------------------------

PLUGINS = "PySide6/Qt/plugins"


@pytest.mark.parametrize(
    ("platform", "kept", "removed"),
    [
        ("linux", ["libqxcb.so", "libqoffscreen.so"],
         ["libqwayland.so", "libqeglfs.so", "libqlinuxfb.so", "libqminimal.so", "libqvnc.so",
          "libqvkkhrdisplay.so", "libqminimalegl.so"]),
        ("win32", ["qwindows.dll", "qoffscreen.dll"], ["qminimal.dll", "qdirect2d.dll"]),
        ("darwin", ["libqcocoa.dylib", "libqoffscreen.dylib"], ["libqminimal.dylib"]),
    ],
)
def test_the_platform_plugins_the_game_needs_are_kept(
    platform: str, kept: list[str], removed: list[str]
) -> None:
    for name in kept:
        assert trim.keep(f"{PLUGINS}/platforms/{name}", platform), name
    for name in removed:
        assert not trim.keep(f"{PLUGINS}/platforms/{name}", platform), name


def test_windows_paths_with_backslashes_are_read_the_same() -> None:
    assert trim.keep("PySide6\\plugins\\platforms\\qwindows.dll", "win32")
    assert not trim.keep("PySide6\\plugins\\platforms\\qminimal.dll", "win32")
    assert trim.keep("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", "win32")


@pytest.mark.parametrize(
    "dest",
    [
        f"{PLUGINS}/imageformats/libqsvg.so",
        f"{PLUGINS}/imageformats/libqico.so",
        f"{PLUGINS}/imageformats/libqjpeg.so",
        f"{PLUGINS}/iconengines/libqsvgicon.so",
        f"{PLUGINS}/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        f"{PLUGINS}/platformthemes/libqxdgdesktopportal.so",
        f"{PLUGINS}/xcbglintegrations/libqxcb-glx-integration.so",
        f"{PLUGINS}/printsupport/libcupsprintersupport.so",
        f"{PLUGINS}/some-new-folder/libqsomething.so",  # unknown folders are kept
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/lib/libQt6DBus.so.6",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "PySide6/Qt/lib/libQt6PrintSupport.so.6",
        "PySide6/Qt/lib/libicudata.so.73",
        "libQt6Core.so.6",
        "PySide6/Qt6Widgets.dll",
        "PySide6/opengl32sw.dll",
        "PySide6/Qt/lib/QtWidgets.framework/Versions/A/QtWidgets",
        "PySide6/QtWidgets.abi3.so",
        "PySide6/Qt/translations/qtbase_en.qm",
        "PySide6/Qt/translations/qt_en.qm",
        "PySide6/Qt/translations/qtbase_sv.qm",  # a Swedish room's Ja/Nej/Avbryt
        "PySide6/Qt/translations/qt_sv.qm",
        "consortium/assets/scenarios/cancer-care.toml",
        "consortium-0.1.0.dist-info/METADATA",
        "libpython3.11.so.1.0",
    ],
)
def test_what_the_game_uses_is_kept(dest: str) -> None:
    assert trim.keep(dest, "linux")


@pytest.mark.parametrize(
    "dest",
    [
        f"{PLUGINS}/imageformats/libqpdf.so",
        f"{PLUGINS}/imageformats/libqwebp.so",
        f"{PLUGINS}/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        f"{PLUGINS}/platformthemes/libqgtk3.so",
        f"{PLUGINS}/generic/libqtuiotouchplugin.so",
        f"{PLUGINS}/tls/libqopensslbackend.so",
        f"{PLUGINS}/networkinformation/libqnetworkmanager.so",
        f"{PLUGINS}/sqldrivers/libqsqlite.so",
        f"{PLUGINS}/qmltooling/libqmldbg_tcp.so",
        f"{PLUGINS}/wayland-shell-integration/libxdg-shell.so",
        f"{PLUGINS}/egldeviceintegrations/libqeglfs-kms-integration.so",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
        "libQt6Network.so.6",
        "PySide6/Qt6Quick.dll",
        "PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick",
        "PySide6/Qt/qml/QtQuick/Controls/qmldir",
        "PySide6/qml/QtQuick/VirtualKeyboard/qmldir",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/qt_zh_CN.qm",
        "PySide6/Qt/translations/qt_help_en.qm",
        "PySide6/Qt/translations/qtdeclarative_en.qm",
        "PySide6/Qt/translations/designer_en.qm",
    ],
)
def test_what_the_game_does_not_use_is_removed(dest: str) -> None:
    assert not trim.keep(dest, "linux")


def test_qt_catalogues_are_kept_for_every_language_the_game_speaks() -> None:
    """The shipped languages are found from the game's own catalogues, as Settings finds
    them: adding a language's .mo keeps Qt's catalogue for it too, with no list to edit."""
    from consortium.present.languages import available_languages

    assert available_languages() == trim.SHIPPED_LANGUAGES
    assert "sv" in trim.SHIPPED_LANGUAGES
    for language in trim.SHIPPED_LANGUAGES:
        assert trim.keep(f"PySide6/Qt/translations/qtbase_{language}.qm", "linux"), language


def test_trim_splits_and_keeps_order() -> None:
    entries = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/x/libqxcb.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", "/x/libqvnc.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "/x/libqoffscreen.so", "BINARY"),
    ]
    kept, removed = trim.trim(entries, "linux")
    assert [e[0].rsplit("/", 1)[1] for e in kept] == ["libqxcb.so", "libqoffscreen.so"]
    assert [e[0].rsplit("/", 1)[1] for e in removed] == ["libqvnc.so"]


def test_orphans_are_host_libraries_no_kept_file_needs() -> None:
    entries = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/qt/libqxcb.so", "BINARY"),
        ("PySide6/QtGui.abi3.so", "/qt/QtGui.abi3.so", "EXTENSION"),
        ("libpython3.11.so.1.0", "/py/libpython3.11.so.1.0", "BINARY"),
        ("libxcb-cursor.so.0", "/usr/libxcb-cursor.so.0", "BINARY"),
        ("libxcb-render.so.0", "/usr/libxcb-render.so.0", "BINARY"),
        ("libz.so.1", "/usr/libz.so.1", "BINARY"),
        ("libcairo.so.2", "/usr/libcairo.so.2", "BINARY"),  # the GTK theme plugin's, removed
        ("libpixman-1.so.0", "/usr/libpixman-1.so.0", "BINARY"),
    ]
    links = {
        "/qt/libqxcb.so": ["libxcb-cursor.so.0", "libc.so.6"],
        "/usr/libxcb-cursor.so.0": ["libxcb-render.so.0"],  # reached through another library
        "/py/libpython3.11.so.1.0": ["libz.so.1"],
        "/usr/libcairo.so.2": ["libpixman-1.so.0", "libz.so.1"],
    }
    assert trim.orphans(entries, lambda source: links.get(source, [])) == {
        "libcairo.so.2", "libpixman-1.so.0",
    }


def test_system_names() -> None:
    assert trim.system_of("linux") == "linux"
    assert trim.system_of("win32") == "win32"
    assert trim.system_of("darwin") == "darwin"
    assert trim.system_of("freebsd14") == "linux"


# --- the spec and the icon ------------------------------------------------------------------


def test_the_spec_is_python_and_uses_the_trim() -> None:
    text = (ROOT / "packaging/consortium.spec").read_text("utf-8")
    compile(text, "consortium.spec", "exec")
    assert "trim.trim(a.binaries" in text and "trim.trim(a.datas" in text
    assert "upx=False" in text
    assert 'copy_metadata("consortium")' in text


def test_the_build_script_is_executable() -> None:
    build = ROOT / "packaging/build"
    assert build.read_text("utf-8").startswith("#!/usr/bin/env bash")
    if os.name == "posix":
        assert os.access(build, os.X_OK)


def test_the_icon_files_are_whole() -> None:
    icons = ROOT / "assets/icons"
    png = (icons / "consortium.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (256, 256)
    ico = (icons / "consortium.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    sides = [ico[6 + 16 * i] or 256 for i in range(count)]
    assert 16 in sides and 256 in sides
    icns = (icons / "consortium.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert "<svg" in (icons / "consortium.svg").read_text("utf-8")
