"""Where the files go: per-user folders, or next to the program in portable mode."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from consortium.store.paths import (
    PORTABLE_MARKER,
    DataPaths,
    resolve_paths,
    wants_portable,
)


def test_portable_keeps_everything_next_to_the_program(tmp_path: Path) -> None:
    paths = resolve_paths(portable=True, program=tmp_path)
    assert paths == DataPaths(tmp_path / "consortium-data", tmp_path / "consortium-data", True)
    assert paths.sessions == tmp_path / "consortium-data" / "sessions"
    assert paths.settings.parent == paths.config


def test_portable_by_flag_or_by_marker_file(tmp_path: Path) -> None:
    assert not wants_portable([], tmp_path)
    assert wants_portable(["--portable"], tmp_path)
    (tmp_path / PORTABLE_MARKER).write_text("")
    assert wants_portable([], tmp_path)


def test_per_user_folders_come_from_platformdirs(tmp_path: Path) -> None:
    import platformdirs

    paths = resolve_paths(portable=False, program=tmp_path)
    assert not paths.portable
    assert paths.data == Path(platformdirs.user_data_dir("Consortium", appauthor=False))
    assert paths.config == Path(platformdirs.user_config_dir("Consortium", appauthor=False))
    assert paths.sessions.parent == paths.data
    assert not paths.data.is_relative_to(tmp_path)


def test_nothing_is_resolved_or_imported_at_import() -> None:
    script = (
        "import sys; import consortium.store.paths, consortium.store.autosave, "
        "consortium.store.sessions; print('platformdirs' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")},
    )
    assert result.stdout.strip() == "False"
