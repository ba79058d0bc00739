"""The golden playthroughs are English renderings (their log lines are compared as English)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _golden_files_are_english(in_english: None) -> None:
    """Every golden test in English, even when the suite runs in another language."""
