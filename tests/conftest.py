"""Test-wide settings: offscreen Qt, a Hypothesis profile for CI, and shared fixtures."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

settings.register_profile(
    "ci",
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, max_examples=50)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(autouse=True, scope="session")
def _language() -> None:
    """The whole suite in another language: ``CONSORTIUM_LANGUAGE=qps pytest`` runs every test
    in the pseudo-locale, which shows that the tests compare codes, states and translated
    messages, not English sentences (golden files excepted: they are English renderings)."""
    from consortium.present.i18n import use_language_from_environment

    use_language_from_environment()


@pytest.fixture
def in_english() -> Iterator[None]:
    """English, the source, for a test of the English rendering itself (the golden files,
    the words the engine's Events read as), whatever language the suite runs in."""
    from tests.words import in_language

    with in_language("en"):
        yield


@pytest.fixture
def swedish() -> Iterator[None]:
    """Swedish, for a test of what a Swedish room reads."""
    from tests.words import in_language

    with in_language("sv"):
        yield
