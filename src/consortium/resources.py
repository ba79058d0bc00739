"""The one place that finds shipped assets: scenarios, prompts, icons.

The top-level ``assets/`` folder is installed as the package ``consortium.assets``
(pyproject.toml maps it), so :mod:`importlib.resources` finds it the same way in an editable
checkout, an installed wheel and a PyInstaller build (which serves package data through its
own resource reader). Only a bare source tree on ``sys.path`` that was never installed lacks
the mapping; then the folder next to ``src/`` is used. Nothing is resolved at import time.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

ASSETS_PACKAGE = "consortium.assets"
SCENARIO_SUFFIX = ".toml"


def assets_root() -> Traversable:
    """The shipped ``assets`` folder, wherever this copy of Consortium runs from."""
    try:
        return files(ASSETS_PACKAGE)
    except ModuleNotFoundError:
        # src/consortium/resources.py → the checkout's top-level assets/ folder.
        return Path(__file__).resolve().parents[2] / "assets"


def asset_path(*parts: str) -> Traversable:
    """A shipped file or folder, e.g. ``asset_path("scenarios", "cancer-care.toml")``.

    A :class:`~importlib.resources.abc.Traversable`: read it with ``read_bytes()``; wrap it in
    :func:`importlib.resources.as_file` where a real file system path is needed (Qt icons).
    """
    found = assets_root()
    for part in parts:
        found = found / part
    return found


def shipped_scenario_paths() -> list[Traversable]:
    """The shipped scenario files, sorted by file name so every listing has the same order."""
    folder = asset_path("scenarios")
    if not folder.is_dir():
        return []
    return sorted(
        (p for p in folder.iterdir() if p.is_file() and p.name.endswith(SCENARIO_SUFFIX)),
        key=lambda p: p.name,
    )


GUIDE_PACKAGE = "consortium.guide"
"""The repository's docs/ folder, installed as a package (its Markdown files only)."""


def guide_text(name: str) -> str:
    """A document of docs/ (``"how-to-play.md"``, ``"facilitator-guide.md"``…) as the
    program ships it: the repository's own file, in a checkout, a wheel or a frozen build."""
    try:
        folder: Traversable = files(GUIDE_PACKAGE)
    except ModuleNotFoundError:
        folder = Path(__file__).resolve().parents[2] / "docs"
    return (folder / name).read_text(encoding="utf-8")
