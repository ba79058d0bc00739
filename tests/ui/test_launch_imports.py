"""The start screen opens with only what it needs (issue 11: start-up within 1.5× a bare
PySide6 window, bench/launch.py). The game, the rules, the store beyond the data folders,
attrs and Qt's own ``Qt`` namespace (whose first touch builds about a hundred Python enums)
load when a session needs them, not at launch. A launch module that starts importing one of
them at the top fails here, with the module to move behind a lazy import."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
SCRIPT = """
import json, sys
from consortium.cli import main
code = main(["--exit-when-ready"])
import PySide6.QtCore as QtCore
print(json.dumps({
    "code": code,
    "qt_namespace_built": "Qt" in vars(QtCore),
    "modules": sorted(sys.modules),
}))
"""


def launch_modules() -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120,
        check=True,
        env={**os.environ, "PYTHONPATH": str(SRC), "QT_QPA_PLATFORM": "offscreen"},
    )
    found: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return found


def test_the_start_screen_loads_no_engine_no_game_and_no_qt_enums() -> None:
    found = launch_modules()
    assert found["code"] == 0
    modules = found["modules"]
    assert isinstance(modules, list)
    ours = {m for m in modules if m.startswith(("consortium.engine", "consortium.store"))}
    # the settings (one small JSON file, read through the store's safe reader) decide the
    # language and the type size before the start screen paints: both modules are stdlib only
    assert ours == {"consortium.store", "consortium.store.locks", "consortium.store.paths",
                    "consortium.store.fs", "consortium.store.settings"}
    for later in ("attrs", "attr", "consortium.ui.controller", "consortium.ui.board",
                  "consortium.ui.shell.setup_page", "consortium.ui.shell.game_screen"):
        assert later not in modules, later
    assert found["qt_namespace_built"] is False


SETTINGS_SCRIPT = """
import json, sys
from consortium.ui.shell.app import launch
app, window, copy = launch(["--portable", "--exit-when-ready"])
app.exec()
print(json.dumps({
    "zoom": window.theme.zoom, "high_contrast": window.theme.high_contrast,
    "talk_clock": window.settings.talk_clock_default,
    "problems": list(window.settings_problems),
    "heavy": sorted(m for m in ("attrs", "attr", "consortium.engine", "platformdirs")
                    if m in sys.modules),
}))
"""


def test_settings_are_read_at_launch_without_heavy_modules(tmp_path: Path) -> None:
    """Portable mode beside the program (``-c``: the working folder), so the test's settings
    file is the one read, and a bad value in it is named, not fatal."""
    folder = tmp_path / "consortium-data"
    folder.mkdir()
    (folder / "consortium-settings.json").write_text(json.dumps({
        "text_size": 150, "high_contrast": True, "talk_clock_default": True, "language": "en",
        "data_folder": "not/a/full/path",
    }))
    result = subprocess.run(
        [sys.executable, "-c", SETTINGS_SCRIPT], capture_output=True, text=True, timeout=120,
        check=True, cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(SRC), "QT_QPA_PLATFORM": "offscreen",
             "CONSORTIUM_LANGUAGE": "en"},
    )
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert (found["zoom"], found["high_contrast"], found["talk_clock"]) == (1.5, True, True)
    assert len(found["problems"]) == 1 and "not/a/full/path" in found["problems"][0]
    assert found["heavy"] == []


@pytest.mark.parametrize(
    "argv", [[], ["--portable"], ["--exit-when-ready"], ["--portable", "--exit-when-ready"]]
)
def test_a_plain_launch_opens_the_window_as_the_parser_would(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``consortium`` with only the window's own flags skips building the parser; the window
    gets exactly what the parser would have given it."""
    from consortium import cli

    opened: list[argparse.Namespace] = []
    monkeypatch.setattr(cli, "_open_window", lambda args: opened.append(args) or 0)
    assert cli.main(argv) == 0
    parsed = cli._parser().parse_args(argv)
    assert parsed.command is None and not parsed.self_test
    assert (opened[0].exit_when_ready, opened[0].portable) == (
        parsed.exit_when_ready, parsed.portable
    )
