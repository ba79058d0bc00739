"""The version the program reports is the one pyproject.toml and the installed package carry."""

from __future__ import annotations

import tomllib
from importlib.metadata import version
from pathlib import Path

from consortium import __version__

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def test_the_version_constant_matches_pyproject() -> None:
    declared = tomllib.loads(PYPROJECT.read_text("utf-8"))["project"]["version"]
    assert __version__ == declared, "bump src/consortium/_version.py with pyproject.toml"


def test_the_installed_package_reports_the_same_version() -> None:
    assert version("consortium") == __version__, "reinstall the project (pip install .)"
