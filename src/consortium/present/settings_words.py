"""The settings file's problems in words (:mod:`consortium.store.settings` names them by code):
each says what was found, where, and what is used instead."""

from __future__ import annotations

from pathlib import Path

from consortium.present.i18n import _
from consortium.present.languages import language_name
from consortium.present.reason_words import reason_text
from consortium.store.settings import (
    DATA_FOLDER,
    DEFAULTS,
    HIGH_CONTRAST,
    LANGUAGE,
    TALK_CLOCK,
    TEXT_SIZE,
    TEXT_SIZES,
    SettingsProblem,
)


def _on_off(on: bool) -> str:
    return _("on") if on else _("off")


def settings_problem(problem: SettingsProblem, path: Path) -> str:
    """One problem, as a sentence that ends with what is used instead."""
    kind, key, value = problem
    if kind == "unreadable":
        return _("The settings file {path} cannot be read ({reason}); the defaults are "
                 "used.").format(path=path, reason=reason_text(value))
    if kind == "too-big":
        return _("The settings file {path} is {size} bytes, too big to be settings; the "
                 "defaults are used.").format(path=path, size=value)
    if kind == "not-json":
        return _("The settings file {path} is damaged (line {line} is not JSON); the defaults "
                 "are used.").format(path=path, line=value)
    if kind == "not-object":
        return _("The settings file {path} holds no settings ({value}); the defaults are "
                 "used.").format(path=path, value=value)
    if kind == "unknown-key":
        return _("“{key}” is not a setting; it is ignored.").format(key=key)
    if key == TEXT_SIZE:
        return _("text size {value} % is not one of {low}–{high} % in steps of 10; using "
                 "{default} %").format(value=value.strip('"'), low=TEXT_SIZES[0],
                                       high=TEXT_SIZES[-1], default=DEFAULTS.text_size)
    if key == LANGUAGE:
        return _("language {value} is not a language code (such as sv); using the system's "
                 "language").format(value=value)
    if key == HIGH_CONTRAST:
        return _("high contrast {value} is not true or false; using {default}").format(
            value=value, default=_on_off(DEFAULTS.high_contrast))
    if key == TALK_CLOCK:
        return _("talk clock default {value} is not true or false; using {default}").format(
            value=value, default=_on_off(DEFAULTS.talk_clock_default))
    if key == DATA_FOLDER:
        return _("data folder {value} is not a full path to a folder; using the platform's "
                 "default").format(value=value)
    return _("{key} {value} cannot be used; using the default").format(key=key, value=value)


def missing_language(code: str) -> str:
    """Settings ask for a language this copy has no catalogue for (a settings file carried
    from a newer copy on a USB stick)."""
    return _("language {name} ({code}) is not in this copy of Consortium; using the "
             "system's language").format(name=language_name(code), code=code)


def folder_in_the_way(folder: str) -> str:
    """Settings' data folder names a file, not a folder."""
    return _("data folder {folder} is a file, not a folder; using the platform's "
             "default").format(folder=folder)
