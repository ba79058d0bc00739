"""The trainer's settings: one small JSON file at :attr:`DataPaths.settings` (issue 15).

Language, text size, high contrast, the talk clock's default for new sessions and the data
folder. The file lives in the platform's config folder as platformdirs names it
(``~/.config/Consortium`` on Linux, ``%LOCALAPPDATA%\\Consortium`` on Windows,
``~/Library/Application Support/Consortium`` on macOS), or in ``consortium-data/`` next to
the program in portable mode; ``main()`` resolves the folder and passes it in.

Reading never fails: a missing file is the defaults; a file that cannot be read, is too big
or is not a JSON object is the defaults plus one :class:`SettingsProblem`; inside a good
file, each bad or unknown value is ignored on its own (its default is used) with a problem
naming the key and the value. The problems are codes, put into words by
:mod:`consortium.present.settings_words` (the store is below the words).

Writing goes through :func:`~consortium.store.fs.atomic_write`, so a crash leaves the old
file or the new one. Only known keys are written: a value that was ignored is replaced by
what is in use.

A named tuple rather than an attrs record: this module loads at launch (the settings decide
the language and the type size before the start screen paints), and attrs alone costs a
bare window's tenth (bench/launch.py, tests/ui/test_launch_imports.py). It is as immutable:
changes go through ``_replace``.
"""

from __future__ import annotations

from pathlib import Path, PureWindowsPath
from typing import Any, Final, NamedTuple

from consortium.store.fs import FileSystem, atomic_write, read_file

TEXT_SIZES: Final = tuple(range(100, 201, 10))
"""The text sizes offered, in per cent of the normal size (100 % … 200 %, steps of 10)."""
SIZE_LIMIT: Final = 64 * 1024
"""A settings file is a few hundred bytes; anything bigger is not ours (or is damaged)."""
FORMAT: Final = 1

# keys in the file (JSON), in the order they are written
LANGUAGE: Final = "language"
TEXT_SIZE: Final = "text_size"
HIGH_CONTRAST: Final = "high_contrast"
TALK_CLOCK: Final = "talk_clock_default"
DATA_FOLDER: Final = "data_folder"
VERSION: Final = "format"
KEYS: Final = (LANGUAGE, TEXT_SIZE, HIGH_CONTRAST, TALK_CLOCK, DATA_FOLDER)


class Settings(NamedTuple):
    """What the trainer chose; every field's default is what a first start uses."""

    language: str = ""
    """A catalogue's language code (``en``, ``sv``…); "" follows the system's language."""
    text_size: int = 100
    """The laptop's panels and dialogs, in per cent (one of :data:`TEXT_SIZES`)."""
    high_contrast: bool = False
    talk_clock_default: bool = False
    """Whether the new-session page's talk clock box starts ticked."""
    data_folder: str = ""
    """Where sessions are saved (a full path); "" for the platform's default. Used from the
    next start (the running program keeps the folder it started with)."""


DEFAULTS: Final = Settings()


class SettingsProblem(NamedTuple):
    """Something in the settings file that was not used. ``kind``:

    - ``unreadable``: the file could not be read (``value``: the reason, from the OS);
    - ``too-big``: larger than :data:`SIZE_LIMIT` (``value``: its size in bytes);
    - ``not-json``: not JSON at all (``value``: the line of the first error);
    - ``not-object``: JSON, but not an object of settings;
    - ``unknown-key``: a key that is not a setting (``key``; ``value`` as found);
    - ``bad-value``: a setting's value that cannot be used (``key``, ``value`` as found).
    """

    kind: str
    key: str = ""
    value: str = ""


class LoadedSettings(NamedTuple):
    settings: Settings
    problems: tuple[SettingsProblem, ...]


def _shown(value: object) -> str:
    """A found value as it can be quoted in a message: JSON, cut short."""
    import json  # noqa: PLC0415 - json loads only when there is a file (launch time)

    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _language(value: object) -> str | None:
    """A language code as gettext names catalogues: ``sv``, ``pt_BR``, ``qps``."""
    if not isinstance(value, str):
        return None
    if value == "":
        return value
    main, _sep, region = value.partition("_")
    if not (2 <= len(main) <= 3 and main.isascii() and main.isalpha() and main.islower()):
        return None
    if _sep and not (2 <= len(region) <= 3 and region.isascii() and region.isalnum()):
        return None
    return value


def _text_size(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not value.is_integer():  # 105.5, NaN, Infinity
        return None
    return int(value) if int(value) in TEXT_SIZES else None


def _flag(value: object) -> bool | None:
    return value if isinstance(value, bool) else None


def is_full_path(text: str) -> bool:
    """Whether ``text`` names a folder from the root (on this system or on Windows: a
    settings file on a USB stick may have been written on the other)."""
    return Path(text).is_absolute() or PureWindowsPath(text).is_absolute()


def _folder(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    if value == "":
        return value
    if "\0" in value or len(value) > 4096 or not is_full_path(value):
        return None
    return value


_CHECKS: Final = {
    LANGUAGE: _language,
    TEXT_SIZE: _text_size,
    HIGH_CONTRAST: _flag,
    TALK_CLOCK: _flag,
    DATA_FOLDER: _folder,
}


def settings_from(found: object) -> LoadedSettings:
    """Settings from a decoded JSON document: each good value used, each bad one named."""
    if not isinstance(found, dict):
        return LoadedSettings(DEFAULTS, (SettingsProblem("not-object", value=_shown(found)),))
    values: dict[str, Any] = {}  # each checked to its field's type above
    problems: list[SettingsProblem] = []
    for key, value in found.items():
        if key == VERSION:
            continue  # written for later versions; every version so far reads the same keys
        check = _CHECKS.get(key)
        if check is None:
            problems.append(SettingsProblem("unknown-key", str(key), _shown(value)))
            continue
        used = check(value)
        if used is None:
            problems.append(SettingsProblem("bad-value", key, _shown(value)))
            continue
        values[key] = used
    return LoadedSettings(DEFAULTS._replace(**values), tuple(problems))


def read_settings(path: Path) -> LoadedSettings:
    """The settings in ``path``; never raises. Missing: the defaults, no problem."""
    try:
        data, size = read_file(path, SIZE_LIMIT)
    except FileNotFoundError:
        return LoadedSettings(DEFAULTS, ())
    except OSError as error:
        from consortium.store.fs import reason  # noqa: PLC0415 - only when it goes wrong

        return LoadedSettings(DEFAULTS, (SettingsProblem("unreadable", value=reason(error)),))
    if size > SIZE_LIMIT:
        return LoadedSettings(DEFAULTS, (SettingsProblem("too-big", value=str(size)),))
    import json  # noqa: PLC0415 - a first start has no file, and needs no json

    try:
        found = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        return LoadedSettings(DEFAULTS, (SettingsProblem("not-json", value="1"),))
    except json.JSONDecodeError as error:
        return LoadedSettings(DEFAULTS, (SettingsProblem("not-json", value=str(error.lineno)),))
    except (ValueError, RecursionError):  # a number of 5,000 digits; "[[[[…" thousands deep
        return LoadedSettings(DEFAULTS, (SettingsProblem("not-json", value="1"),))
    return settings_from(found)


def settings_bytes(settings: Settings) -> bytes:
    """The file's content: a small JSON object, one key a line, readable and editable."""
    import json  # noqa: PLC0415 - see read_settings

    document: dict[str, object] = {VERSION: FORMAT, **settings._asdict()}
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def write_settings(path: Path, settings: Settings, fs: FileSystem | None = None) -> None:
    """Save ``settings`` to ``path`` at once, all or nothing (raises ``OSError``: the caller
    says it, in words, and the settings stay in use for this run)."""
    fs = fs or FileSystem()
    fs.make_folder(path.parent)
    atomic_write(fs, path, settings_bytes(settings))
