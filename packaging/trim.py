"""Which of the files PyInstaller collected from PySide6 the packaged game keeps.

PyInstaller's PySide6 hooks collect every plugin a used Qt module *might* load: the PDF image
plugin (which pulls QtPdf), the virtual keyboard (QML and Quick), network, SQL and TLS plugins,
nine platform plugins, QML tooling, Wayland compositor parts, and Qt's catalogues in ~30
languages. The game uses Widgets, Gui and Core on one platform plugin per system plus
``offscreen`` (the self-test and CI run headless). ``consortium.spec`` passes
``Analysis.binaries`` and ``Analysis.datas`` through :func:`trim`; ``consortium --self-test``
on the built program proves that nothing the game needs went missing, and
tests/test_selftest.py checks these rules without building.

The rules read destination paths only (``PySide6/Qt/plugins/platforms/libqxcb.so``), so they
are plain functions of a string and the target system, the same on every build machine.
Loaded by file path (``packaging`` is also the name of a PyPI package), so it imports
nothing outside the standard library.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath
from typing import NamedTuple

TRANSLATIONS = Path(__file__).resolve().parent.parent / "assets" / "translations"
"""The game's own catalogues, ``<language>/LC_MESSAGES/consortium.mo`` (as
``consortium.present.languages`` finds them; this file imports nothing of the game)."""


def shipped_languages(folder: Path = TRANSLATIONS) -> tuple[str, ...]:
    """English (Qt's and the game's source language), then every language the game has a
    compiled catalogue for: Qt's own catalogues are kept for these, so a Swedish room's
    message boxes and file dialogs say "Ja" and "Avbryt" in the packaged game too."""
    found = sorted(mo.parents[1].name for mo in folder.glob("*/LC_MESSAGES/consortium.mo"))
    return ("en", *(language for language in found if language != "en"))


SHIPPED_LANGUAGES = shipped_languages()
"""The languages the game ships; Qt's own catalogues are kept for these only."""

PLATFORM_PLUGINS = {
    "linux": frozenset({"xcb", "offscreen"}),
    "win32": frozenset({"windows", "offscreen"}),
    "darwin": frozenset({"cocoa", "offscreen"}),
}
"""Platform plugins kept per system: the desktop's own, and ``offscreen`` for the self-test.
Without a Wayland plugin Qt falls back to xcb (XWayland) on Wayland desktops."""

KEPT_QT_MODULES = frozenset({
    "Core", "Gui", "Widgets",       # the game
    "Svg", "SvgWidgets",            # the SVG icon and image plugins
    "PrintSupport",                 # printing hands and the debrief (cups plugin)
    "DBus",                         # xcb, the desktop portal theme and ibus input use it
    "XcbQpa",                       # the xcb platform plugin's library
    "OpenGL", "OpenGLWidgets",      # if a hook collects them: xcb's GL integration
})
"""Qt libraries kept when collected; every other Qt library (Qml, Quick*, Labs*, Pdf, Network,
Wayland*, Sql, Designer, ...) is removed. ICU and system libraries are not Qt modules and
stay."""

KEPT_PLUGINS: dict[str, frozenset[str] | None] = {
    "platforms": None,  # filtered by PLATFORM_PLUGINS
    "imageformats": frozenset({"svg", "ico", "jpeg", "gif"}),  # not pdf (QtPdf), not webp...
    "iconengines": frozenset({"svgicon"}),
    "platforminputcontexts": frozenset({"composeplatforminputcontextplugin",
                                        "ibusplatforminputcontextplugin"}),  # dead keys, IMEs
    "platformthemes": frozenset({"xdgdesktopportal"}),  # not gtk3: it pulls GTK from the host
    "styles": None,  # qmodernwindowsstyle, qmacstyle: the native look
    "printsupport": None,
    "xcbglintegrations": None,
}
"""Plugin folders kept (``None``: every plugin in it, else only the named ones)."""

DROPPED_PLUGINS = frozenset({
    "designer", "egldeviceintegrations", "generic", "networkinformation", "qmllint",
    "qmltooling", "sqldrivers", "tls", "vectorimageformats", "position", "sensors",
    "multimedia", "renderers", "scenegraph", "qmlls",
    "wayland-decoration-client", "wayland-graphics-integration-client",
    "wayland-graphics-integration-server", "wayland-shell-integration",
})
"""Plugin folders removed whole. A folder in neither list is kept, so a new Qt release
cannot lose something silently; the trim report lists it."""

_QT_LIBRARY = (
    re.compile(r"(?:^|/)(?:lib)?Qt6([A-Za-z0-9]+)\.(?:so|dll|dylib)(?:\.|$)"),
    re.compile(r"(?:^|/)Qt([A-Za-z0-9]+)\.framework(?:/|$)"),
)
_PLUGIN_PREFIX = re.compile(r"^(?:lib)?(.*?)(?:\.so.*|\.dll|\.dylib)$")
_TRANSLATION = re.compile(r"^([a-z_]+?)_([a-z]{2,3}(?:_[A-Z]{2})?)\.qm$")


class Entry(NamedTuple):
    """One entry of PyInstaller's collected lists (its ``TOC`` is a list of these triples)."""

    dest: str
    source: str
    kind: str


def system_of(platform: str) -> str:
    """``sys.platform`` to the three systems the rules know (``linux2``, ``freebsd`` → linux)."""
    if platform.startswith("win"):
        return "win32"
    if platform == "darwin":
        return "darwin"
    return "linux"


def qt_module(dest: str) -> str | None:
    """``"Quick"`` for ``PySide6/Qt/lib/libQt6Quick.so.6``, ``Qt6Quick.dll`` or
    ``QtQuick.framework/...``; ``None`` for anything that is not a Qt library."""
    for pattern in _QT_LIBRARY:
        found = pattern.search(dest)
        if found:
            return found.group(1)
    return None


def plugin_of(dest: str) -> tuple[str, str] | None:
    """``("platforms", "xcb")`` for ``.../plugins/platforms/libqxcb.so``; the plugin's name
    loses ``lib``, a leading ``q`` and the extension. ``None`` outside a plugins folder."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if "plugins" not in parts:
        return None
    at = len(parts) - 1 - parts[::-1].index("plugins")
    if at + 2 >= len(parts):
        return None
    folder, file = parts[at + 1], parts[-1]
    found = _PLUGIN_PREFIX.match(file)
    name = found.group(1) if found else file
    if name.startswith("q") and folder not in ("platforminputcontexts",):
        name = name[1:]
    return folder, name


def keep(dest: str, platform: str) -> bool:
    """Whether the packaged game keeps the collected file installed at ``dest``."""
    path = dest.replace("\\", "/")
    system = system_of(platform)
    parts = PurePosixPath(path).parts
    if "PySide6" in parts:
        inside = parts[parts.index("PySide6") + 1:]
        if inside[:1] == ("qml",) or inside[:2] == ("Qt", "qml"):
            return False  # QML imports: the game has no QML
        if "translations" in inside:
            return _keep_translation(parts[-1])
    plugin = plugin_of(path)
    if plugin is not None:
        return _keep_plugin(*plugin, system)
    module = qt_module(path)
    if module is not None:
        return module in KEPT_QT_MODULES
    return True


def _keep_plugin(folder: str, name: str, system: str) -> bool:
    if folder in DROPPED_PLUGINS:
        return False
    if folder == "platforms":
        return name in PLATFORM_PLUGINS[system]
    wanted = KEPT_PLUGINS.get(folder)
    return wanted is None or name in wanted


def _keep_translation(file: str) -> bool:
    """Qt's own catalogues (``qt_``, ``qtbase_``) in the shipped languages; not Designer's,
    Linguist's, Assistant's or QML's."""
    found = _TRANSLATION.match(file)
    if not found:
        return True  # not a Qt catalogue (e.g. the game's own, later)
    family, language = found.groups()
    return family in ("qt", "qtbase") and language.split("_")[0] in SHIPPED_LANGUAGES


def trim(
    entries: Iterable[tuple[str, str, str]], platform: str
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """Split PyInstaller's collected entries into (kept, removed), order preserved."""
    kept: list[tuple[str, str, str]] = []
    removed: list[tuple[str, str, str]] = []
    for entry in entries:
        (kept if keep(entry[0], platform) else removed).append(entry)
    return kept, removed


def orphans(
    entries: Iterable[tuple[str, str, str]], needs: Callable[[str], Iterable[str]]
) -> set[str]:
    """The destinations of host libraries that no kept file needs any more.

    PyInstaller copies a removed plugin's host dependencies too (the GTK theme plugin brings
    cairo, pango, ATK and gdk-pixbuf; the network plugins bring Kerberos), as separate
    top-level entries. Every entry in a folder, every Python extension and the Python runtime
    is a root; ``needs(source)`` names the libraries a file links against (PyInstaller's
    ``bindepend.get_imports``); a top-level library that no root reaches, directly or through
    other libraries, is an orphan. Used on Linux, where the host's libraries are collected.
    """
    listed = list(entries)
    candidates = {
        PurePosixPath(dest).name: source
        for dest, source, kind in listed
        if kind == "BINARY" and "/" not in dest.replace("\\", "/")
        and not dest.startswith(("libpython", "python"))
    }
    queue = [source for dest, source, kind in listed
             if (kind in ("BINARY", "EXTENSION") and PurePosixPath(dest).name not in candidates)
             or dest.startswith(("libpython", "python"))]
    reached: set[str] = set()
    while queue:
        for name in needs(queue.pop()):
            if name in candidates and name not in reached:
                reached.add(name)
                queue.append(candidates[name])
    return set(candidates) - reached


def report(removed: Iterable[tuple[str, str, str]], size_of: dict[str, int]) -> list[str]:
    """Lines for the build log: what was removed, grouped, with sizes before strip."""
    groups: dict[str, list[int]] = {}
    for dest, source, _kind in removed:
        path = dest.replace("\\", "/")
        plugin = plugin_of(path)
        module = qt_module(path)
        if plugin is not None:
            key = f"plugins/{plugin[0]}"
        elif module is not None:
            key = "Qt libraries"
        elif "translations" in path:
            key = "Qt translations"
        elif "/qml/" in f"/{path}":
            key = "QML imports"
        elif "/" not in path:
            key = "host libraries only removed files needed"
        else:
            key = "other"
        groups.setdefault(key, []).append(size_of.get(source, 0))
    lines = []
    for key, sizes in sorted(groups.items(), key=lambda kv: -sum(kv[1])):
        lines.append(f"  {key:<44} {len(sizes):4d} files {sum(sizes) / 2**20:8.1f} MiB")
    return lines
