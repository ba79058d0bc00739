"""Which languages this copy speaks, what each is called, and which one to show.

The languages offered are found, not listed: English (the source) always, plus every shipped
catalogue, ``assets/translations/<language>/LC_MESSAGES/consortium.mo``. A translator who adds
one adds a language to Settings and to the start screen's picker, with no code to change.
Each is shown by its own name (English, Svenska), so a person who cannot read the language
on screen still finds theirs.

The language in use, strongest first (:func:`choose_language`):

1. ``CONSORTIUM_LANGUAGE`` (tests, screenshots, a trainer's shortcut);
2. the language chosen in Settings, if this copy has its catalogue;
3. the system's language, as gettext finds it (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``,
   ``LANG``), then as the desktop says (Qt's ``QLocale.system().uiLanguages()``, passed in by
   the window: Windows and macOS set no such variables), the first one this copy has;
4. English.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Final, NamedTuple

from consortium.present.i18n import DOMAIN, LANGUAGE_VARIABLE, PSEUDO_LANGUAGE, SOURCE_LANGUAGE

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

GETTEXT_VARIABLES: Final = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
"""Where gettext looks for the language, in its order (the first one set wins)."""

AUTONYMS: Final = {
    "ar": "العربية", "ca": "Català", "cs": "Čeština", "da": "Dansk", "de": "Deutsch",
    "el": "Ελληνικά", "en": "English", "es": "Español", "et": "Eesti", "eu": "Euskara",
    "fi": "Suomi", "fr": "Français", "ga": "Gaeilge", "he": "עברית", "hr": "Hrvatski",
    "hu": "Magyar", "is": "Íslenska", "it": "Italiano", "ja": "日本語", "ko": "한국어",
    "lt": "Lietuvių", "lv": "Latviešu", "nb": "Norsk bokmål", "nl": "Nederlands",
    "nn": "Norsk nynorsk", "no": "Norsk", "pl": "Polski", "pt": "Português",
    "pt_BR": "Português (Brasil)", "ro": "Română", "ru": "Русский", "sk": "Slovenčina",
    "sl": "Slovenščina", "sr": "Српски", "sv": "Svenska", "tr": "Türkçe", "uk": "Українська",
    "zh": "中文", "zh_CN": "简体中文", "zh_TW": "繁體中文",
    PSEUDO_LANGUAGE: "Pseudo (qps)",
}
"""Each language's name in itself: never translated (a person looks for their own)."""


class Chosen(NamedTuple):
    """The language to show and why: ``environment``, ``settings`` or ``system``.
    ``missing``: a language Settings asked for that this copy has no catalogue for ("" if
    none)."""

    language: str
    source: str
    missing: str = ""


def language_name(code: str) -> str:
    """``code``'s name in its own language (the code itself for one not in the table)."""
    if code in AUTONYMS:
        return AUTONYMS[code]
    return AUTONYMS.get(code.partition("_")[0], code)


def catalogue_languages(folder: Traversable) -> tuple[str, ...]:
    """The languages with a compiled catalogue in ``folder`` (``<lang>/LC_MESSAGES/…mo``)."""
    if not folder.is_dir():
        return ()
    found = []
    for entry in folder.iterdir():
        if entry.is_dir() and (entry / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file():
            found.append(entry.name)
    return tuple(sorted(found))


def available_languages(folder: Traversable | None = None) -> tuple[str, ...]:
    """English first, then every shipped catalogue's language, by code."""
    if folder is None:
        from consortium.resources import asset_path  # noqa: PLC0415 - not at import

        folder = asset_path("translations")
    found = [code for code in catalogue_languages(folder) if code != SOURCE_LANGUAGE]
    return (SOURCE_LANGUAGE, *found)


def _normal(tag: str) -> str:
    """``sv_SE.UTF-8@euro`` or ``sv-SE`` → ``sv_SE``; ``C``/``POSIX`` → ""."""
    tag = tag.split(".", 1)[0].split("@", 1)[0].replace("-", "_").strip()
    if tag in ("", "C", "POSIX"):
        return ""
    main, _sep, region = tag.partition("_")
    return f"{main.lower()}_{region}" if region else main.lower()


def environment_languages(environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The languages the environment asks for, as gettext reads it: the first variable of
    :data:`GETTEXT_VARIABLES` that is set (``LANGUAGE`` may list several, ``sv:de``)."""
    env = os.environ if environ is None else environ
    for name in GETTEXT_VARIABLES:
        value = env.get(name, "")
        if value:
            found = tuple(t for t in (_normal(part) for part in value.split(":")) if t)
            if name == "LANGUAGE" and not found:
                continue  # LANGUAGE=C: gettext goes on to the next variable
            return found
    return ()


def best_match(wanted: Iterable[str], available: Sequence[str]) -> str | None:
    """The first of ``wanted`` this copy has: exactly (``pt_BR``), else its main language
    (``sv_SE`` → ``sv``)."""
    for tag in wanted:
        code = _normal(tag)
        if not code:
            continue
        if code in available:
            return code
        main = code.partition("_")[0]
        if main in available:
            return main
    return None


def system_language(
    available: Sequence[str],
    environ: Mapping[str, str] | None = None,
    desktop: Sequence[str] = (),
) -> str:
    """The system's language among ``available``: the environment's (as gettext), else the
    desktop's (``desktop``: Qt's ``uiLanguages()``), else English."""
    for wanted in (environment_languages(environ), desktop):
        if wanted:
            found = best_match(wanted, available)
            return found or SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def choose_language(
    chosen: str,
    available: Sequence[str],
    environ: Mapping[str, str] | None = None,
    desktop: Sequence[str] = (),
) -> Chosen:
    """The language to show, given Settings' choice (``chosen``; "" for the system's)."""
    env = os.environ if environ is None else environ
    forced = env.get(LANGUAGE_VARIABLE, "").strip()
    if forced:
        return Chosen(forced, "environment")
    if chosen and chosen in available:
        return Chosen(chosen, "settings")
    return Chosen(system_language(available, env, desktop), "system", chosen)
