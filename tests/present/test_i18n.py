"""The one translation function: the language from the environment, the pseudo-locale, and
the engine's codes put into words in present (not in the engine)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from consortium.engine.state import Mode, Phase
from consortium.present.i18n import (
    LANGUAGE_VARIABLE,
    _,
    is_pseudo,
    language,
    language_from_environment,
    ngettext,
    pseudo,
    use_language,
    use_language_from_environment,
)
from consortium.present.labels import (
    MODE_LABELS,
    PHASE_LABELS,
    REASONS,
    hours,
    mode_label,
    phase_label,
    reason_label,
)


@pytest.fixture
def pseudo_language() -> Iterator[None]:
    before = language()
    use_language("qps")
    yield
    use_language(before)


def test_the_language_comes_from_the_environment() -> None:
    assert language_from_environment({}) == "en"
    assert language_from_environment({LANGUAGE_VARIABLE: " "}) == "en"
    assert language_from_environment({LANGUAGE_VARIABLE: "qps"}) == "qps"
    before = language()
    try:
        assert use_language_from_environment({LANGUAGE_VARIABLE: "qps"}) == "qps"
        assert language() == "qps" and is_pseudo(_("Pit stop"))
        use_language_from_environment({LANGUAGE_VARIABLE: "xx"})  # no catalogue: the source
        assert _("Pit stop") == "Pit stop"
    finally:
        use_language(before)


def test_the_pseudo_locale_brackets_lengthens_and_keeps_fields(pseudo_language: None) -> None:
    text = _("Round {number} of {rounds}")
    assert is_pseudo(text) and "{number}" in text and "{rounds}" in text
    assert len(text) >= len("Round {number} of {rounds}") + 2
    assert text.format(number=2, rounds=4).startswith("⟦Round 2 of 4")
    one, many = (ngettext("{count} card not shown", "{count} cards not shown", n)
                 for n in (1, 3))
    assert "card not shown" in one and "cards not shown" in many
    assert pseudo("") == ""


def test_codes_from_the_engine_are_put_into_words_here(pseudo_language: None) -> None:
    """Every mode, phase and reason code has its words in present; shown, they went through
    the catalogue."""
    assert set(MODE_LABELS) == set(Mode) and set(PHASE_LABELS) == set(Phase)
    assert all(is_pseudo(mode_label(mode)) for mode in Mode)
    assert all(is_pseudo(phase_label(phase)) for phase in Phase)
    assert all(is_pseudo(reason_label(code)) for code in REASONS)
    assert reason_label("a code nobody knows") == "a code nobody knows"
    assert is_pseudo(hours(3)) and "3" in hours(3)


def test_english_is_the_source(  # the default: exactly the words the screens had before
) -> None:
    before = language()
    use_language("en")
    try:
        assert mode_label(Mode.SELF_SELECTION) == "Pick your own"
        assert phase_label(Phase.PLACEMENT) == "Placing people on tasks"
        assert hours(3) == "3 h" and hours(2.5) == "2.5 h"
        assert [ngettext("{n} round", "{n} rounds", n).format(n=n) for n in (1, 2)] == [
            "1 round", "2 rounds"]
    finally:
        use_language(before)
