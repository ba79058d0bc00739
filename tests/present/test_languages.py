"""Which languages are offered and which one is shown (present/languages.py)."""

from __future__ import annotations

from pathlib import Path

from consortium.present.languages import (
    available_languages,
    choose_language,
    environment_languages,
    language_name,
    system_language,
)


def catalogues(root: Path, *codes: str) -> Path:
    for code in codes:
        folder = root / code / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "consortium.mo").write_bytes(b"")
    (root / "consortium.pot").write_text("")
    (root / "de" / "LC_MESSAGES").mkdir(parents=True)  # a .po being translated, no .mo yet
    return root


def test_english_always_then_every_compiled_catalogue(tmp_path: Path) -> None:
    assert available_languages(catalogues(tmp_path, "sv", "fi")) == ("en", "fi", "sv")
    assert available_languages(tmp_path / "none") == ("en",)


def test_the_shipped_languages_include_english() -> None:
    assert available_languages()[0] == "en"


def test_each_language_by_its_own_name() -> None:
    assert [language_name(c) for c in ("en", "sv", "sv_FI", "xx")] == [
        "English", "Svenska", "Svenska", "xx"]


def test_the_environment_as_gettext_reads_it() -> None:
    assert environment_languages({"LANG": "sv_SE.UTF-8"}) == ("sv_SE",)
    assert environment_languages({"LANG": "sv_SE.UTF-8", "LC_ALL": "fi_FI"}) == ("fi_FI",)
    assert environment_languages({"LANGUAGE": "de:sv", "LANG": "en_GB"}) == ("de", "sv")
    assert environment_languages({"LANGUAGE": "C", "LANG": "sv_SE"}) == ("sv_SE",)
    assert environment_languages({"LANG": "C.UTF-8"}) == ()
    assert environment_languages({}) == ()


def test_the_system_language_is_the_first_one_this_copy_has() -> None:
    have = ("en", "sv")
    assert system_language(have, {"LANG": "sv_SE.UTF-8"}) == "sv"
    assert system_language(have, {"LANGUAGE": "de:sv"}) == "sv"
    assert system_language(have, {"LANG": "de_DE"}) == "en"
    assert system_language(have, {}, desktop=["sv-SE", "en-US"]) == "sv"
    assert system_language(have, {}) == "en"


def test_the_environment_variable_then_settings_then_the_system() -> None:
    have = ("en", "sv")
    system = {"LANG": "sv_SE.UTF-8"}
    assert choose_language("", have, system) == ("sv", "system", "")
    assert choose_language("en", have, system) == ("en", "settings", "")
    assert choose_language("en", have, {**system, "CONSORTIUM_LANGUAGE": "qps"}) == (
        "qps", "environment", "")
    assert choose_language("fi", have, system) == ("sv", "system", "fi")
