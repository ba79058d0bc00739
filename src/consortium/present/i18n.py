"""The one translation function: every word a person reads goes through here.

Standard gettext (stdlib) catalogues, domain ``consortium``, compiled ``.mo`` files under
``assets/translations/<language>/LC_MESSAGES/``; Babel extracts the messages and compiles the
catalogues (see docs/ARCHITECTURE.md, "Where a new word goes"). English is the source
language: with no catalogue the source text is shown. Qt-free on purpose: the engine's
Events, the CLI and the phone pages are put into words here too.

Use::

    from consortium.present.i18n import _, ngettext

    _("Pit stop")
    ngettext("{n} hour", "{n} hours", n).format(n=n)

Plurals always through :func:`ngettext` (a language's own plural rule lives in its catalogue's
header, never in code). A message with named fields is formatted *after* translation, so a
translator can move the fields.

The pseudo-locale ``qps`` (:class:`PseudoTranslations`) brackets every message and lengthens
it by about 30 %: a test runs a whole game in it and fails on any text a person would read that
did not pass through here.
"""

from __future__ import annotations

import gettext
import os
import re
import threading
from collections.abc import Mapping
from typing import Final

DOMAIN: Final = "consortium"
SOURCE_LANGUAGE: Final = "en"
PSEUDO_LANGUAGE: Final = "qps"
PSEUDO_OPEN: Final = "⟦"
PSEUDO_CLOSE: Final = "⟧"
LANGUAGE_VARIABLE: Final = "CONSORTIUM_LANGUAGE"
"""The environment variable that chooses the language (until Settings do): ``sv``, ``qps``…"""

_FIELD = re.compile(r"(\{[^{}]*\}|%\([^)]*\)[a-z]|%[a-z])")
"""Placeholders the pseudo-locale leaves alone: ``{n}``, ``{name:.1f}``, ``%(x)s``, ``%s``."""

_lock = threading.Lock()
_current: gettext.NullTranslations = gettext.NullTranslations()
_language: str = SOURCE_LANGUAGE


class PseudoTranslations(gettext.NullTranslations):
    """Every message bracketed (⟦…⟧) and about 30 % longer, placeholders kept, so text that
    missed the catalogue stands out and text that is too tight for longer languages shows."""

    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)


def pseudo(message: str) -> str:
    """The pseudo-locale's form of ``message``: ⟦message·····⟧ (placeholders untouched)."""
    if not message:
        return message
    text_length = len(_FIELD.sub("", message))
    padding = "·" * max(1, round(text_length * 0.3))
    return f"{PSEUDO_OPEN}{message}{padding}{PSEUDO_CLOSE}"


def is_pseudo(text: str) -> bool:
    """Whether ``text`` came through the pseudo-locale (it may hold several messages)."""
    return PSEUDO_OPEN in text and PSEUDO_CLOSE in text


def catalogue(language: str) -> gettext.NullTranslations:
    """The translations for ``language``: the pseudo-locale, a shipped catalogue, or none
    (English, the source, or a language without a catalogue: the source text is shown)."""
    if language == PSEUDO_LANGUAGE:
        return PseudoTranslations()
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    from importlib.resources import as_file  # noqa: PLC0415 - only for a real language

    from consortium.resources import asset_path  # noqa: PLC0415

    with as_file(asset_path("translations")) as folder:
        return gettext.translation(DOMAIN, localedir=str(folder), languages=[language],
                                   fallback=True)


def use_language(language: str) -> None:
    """Show every word from now on in ``language`` (``en``, ``qps`` or a shipped one)."""
    global _current, _language
    translations = catalogue(language)
    with _lock:
        _current, _language = translations, language


def language() -> str:
    """The language words are shown in now."""
    return _language


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language :data:`LANGUAGE_VARIABLE` asks for (English when it is unset or empty)."""
    chosen = (os.environ if environ is None else environ).get(LANGUAGE_VARIABLE, "")
    return chosen.strip() or SOURCE_LANGUAGE


def use_language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """:func:`use_language` with the language the environment asks for; that language."""
    chosen = language_from_environment(environ)
    use_language(chosen)
    return chosen


def _(message: str) -> str:
    """``message`` in the current language."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for ``n`` things, by the current language's plural rule."""
    return _current.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in the current language, told apart by ``context`` where one English
    word has two meanings (a "Round" heading and a "round" of play)."""
    return _current.pgettext(context, message)


def N_(message: str) -> str:
    """Marks ``message`` for the catalogue without translating it now (a table of labels
    defined at import: translate each where it is shown, with :func:`_`)."""
    return message
