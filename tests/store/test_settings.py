"""The settings file (issue 15): one small JSON file, each bad value ignored on its own and
named, never a crash."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consortium.present.settings_words import missing_language, settings_problem
from consortium.store.fs import FileSystem
from consortium.store.settings import (
    DEFAULTS,
    KEYS,
    TEXT_SIZES,
    Settings,
    SettingsProblem,
    read_settings,
    settings_bytes,
    write_settings,
)

CHOSEN = Settings(language="sv", text_size=150, high_contrast=True, talk_clock_default=True,
                  data_folder=str(Path("/srv/workshops").resolve()))


def test_a_missing_file_is_the_defaults_without_a_word(tmp_path: Path) -> None:
    assert read_settings(tmp_path / "none.json") == (DEFAULTS, ())


def test_settings_round_trip_through_one_small_file(tmp_path: Path) -> None:
    path = tmp_path / "config" / "consortium-settings.json"
    write_settings(path, CHOSEN)
    assert read_settings(path) == (CHOSEN, ())
    assert path.stat().st_size < 300
    assert list(path.parent.iterdir()) == [path]  # no temporary file left beside it
    document = json.loads(path.read_text(encoding="utf-8"))
    assert [k for k in document if k != "format"] == list(KEYS)


def test_each_bad_value_is_ignored_on_its_own_and_named(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({
        "language": "sv", "text_size": 900, "high_contrast": "yes", "talk_clock_default": True,
        "data_folder": "relative/folder", "colour": "red",
    }))
    settings, problems = read_settings(path)
    assert settings == DEFAULTS._replace(language="sv", talk_clock_default=True)
    assert problems == (
        SettingsProblem("bad-value", "text_size", "900"),
        SettingsProblem("bad-value", "high_contrast", '"yes"'),
        SettingsProblem("bad-value", "data_folder", '"relative/folder"'),
        SettingsProblem("unknown-key", "colour", '"red"'),
    )


def test_a_bad_text_size_is_said_with_its_value_and_what_is_used(
    tmp_path: Path, in_english: None
) -> None:
    path = tmp_path / "s.json"
    path.write_text('{"text_size": 900}')
    (problem,) = read_settings(path).problems
    assert settings_problem(problem, path) == (
        "text size 900 % is not one of 100–200 % in steps of 10; using 100 %")


@pytest.mark.parametrize("size", [100, 110, 150, 200, 150.0])
def test_every_offered_text_size_is_read(tmp_path: Path, size: float) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"text_size": size}))
    assert read_settings(path) == (DEFAULTS._replace(text_size=int(size)), ())


@pytest.mark.parametrize("size", ["150", 155, 90, 210, True, 150.5, None, [150]])
def test_other_text_sizes_are_not(tmp_path: Path, size: object) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"text_size": size}))
    settings, problems = read_settings(path)
    assert settings == DEFAULTS
    assert [p.key for p in problems] == ["text_size"]


@pytest.mark.parametrize("text", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_numbers_json_should_not_have_are_bad_values(tmp_path: Path, text: str) -> None:
    path = tmp_path / "s.json"
    path.write_text('{"text_size": ' + text + "}")
    settings, problems = read_settings(path)
    assert settings == DEFAULTS and len(problems) == 1


@pytest.mark.parametrize(("content", "kind"), [
    (b"{not json", "not-json"),
    (b"\xff\xfe\x00garbage", "not-json"),
    (b"[1, 2, 3]", "not-object"),
    (b'"language"', "not-object"),
    (b"[" * 60_000, "not-json"),
    (b'{"text_size": 1' + b"0" * 5000 + b"}", "not-json"),
])
def test_a_damaged_file_is_the_defaults_and_one_message(
    tmp_path: Path, content: bytes, kind: str
) -> None:
    path = tmp_path / "s.json"
    path.write_bytes(content)
    settings, problems = read_settings(path)
    assert settings == DEFAULTS
    assert [p.kind for p in problems] == [kind]
    assert str(path) in settings_problem(problems[0], path)


def test_a_huge_file_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_bytes(b" " * 100_000 + b"{}")
    assert read_settings(path).problems == (SettingsProblem("too-big", value="100002"),)


def test_a_folder_where_the_file_goes_is_the_defaults_and_one_message(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.mkdir()
    settings, problems = read_settings(path)
    assert settings == DEFAULTS
    assert [p.kind for p in problems] == ["unreadable"]
    assert "folder" in problems[0].value


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs as on POSIX")
def test_a_fifo_named_like_the_file_never_blocks(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    os.mkfifo(path)
    assert [p.kind for p in read_settings(path).problems] == ["unreadable"]


def test_a_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    write_settings(path, CHOSEN)

    class Full(FileSystem):
        def write_file(self, path: Path, data: bytes) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError, match="space"):
        write_settings(path, DEFAULTS, Full())
    assert read_settings(path) == (CHOSEN, ())


def test_the_written_file_holds_every_key() -> None:
    document = json.loads(settings_bytes(DEFAULTS))
    assert document == {"format": 1, "language": "", "text_size": 100, "high_contrast": False,
                        "talk_clock_default": False, "data_folder": ""}


def test_a_windows_path_is_a_full_path_everywhere(tmp_path: Path) -> None:
    """A settings file written on Windows and carried on a USB stick."""
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"data_folder": "E:\\Workshops"}))
    assert read_settings(path) == (DEFAULTS._replace(data_folder="E:\\Workshops"), ())


def test_a_language_missing_here_is_said(in_english: None) -> None:
    assert missing_language("sv") == (
        "language Svenska (sv) is not in this copy of Consortium; using the system's language")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                  max_size=3),
    max_leaves=8,
)


@given(st.binary(max_size=300))
def test_any_bytes_read_as_settings_without_a_crash(content: bytes) -> None:
    _check_garbage(content)


@given(st.dictionaries(st.sampled_from([*KEYS, "format", "other"]) | st.text(max_size=6),
                       JSON_VALUES, max_size=7))
def test_any_json_object_reads_each_key_on_its_own(found: dict[str, object]) -> None:
    settings, problems = _check_garbage(json.dumps(found).encode())
    named = {p.key for p in problems}
    for key in KEYS:
        if key in found and key not in named:
            assert getattr(settings, key) == found[key] or key == "text_size"
        elif key not in found:
            assert getattr(settings, key) == getattr(DEFAULTS, key)


def _check_garbage(content: bytes) -> tuple[Settings, tuple[SettingsProblem, ...]]:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.json"
        path.write_bytes(content)
        settings, problems = read_settings(path)
        assert settings.text_size in TEXT_SIZES
        assert isinstance(settings.high_contrast, bool)
        assert isinstance(settings.talk_clock_default, bool)
        for problem in problems:
            assert settings_problem(problem, path)  # every problem can be said
        write_settings(path, settings)  # what is in use can always be written back
        assert read_settings(path) == (settings, ())
        return settings, problems
