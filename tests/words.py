"""Comparing what the screen or the command line says with a message, in any language.

Tests compare codes and states where they can; where a test checks a sentence, it checks it
as the translation of its source message (``_()`` of the English), so the suite holds in
every language (``CONSORTIUM_LANGUAGE=qps pytest`` runs it in the pseudo-locale). When only
some fields of a message are known, :func:`says` matches the others as any text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from consortium.present.i18n import _, language, use_language

_FIELD = re.compile(r"(\{[^{}]*\})")
_NAME = re.compile(r"\{([^{}:!]*)[^{}]*\}")


def pattern(message: str, **fields: object) -> re.Pattern[str]:
    """``message`` translated, as a pattern: the given fields as their text, the others as
    any text."""
    regex = ""
    for part in _FIELD.split(_(message)):
        name = _NAME.fullmatch(part)
        if name is None:
            regex += re.escape(part)
        elif name.group(1) in fields:
            regex += re.escape(str(fields[name.group(1)]))
        else:
            regex += "(.+?)"
    return re.compile(regex, re.DOTALL)


def says(message: str, text: str, **fields: object) -> bool:
    """Whether ``text`` is ``message`` (translated), with the given fields."""
    return pattern(message, **fields).fullmatch(text) is not None


def says_in(message: str, text: str, **fields: object) -> bool:
    """Whether ``message`` (translated, with the given fields) is somewhere in ``text``."""
    return pattern(message, **fields).search(text) is not None


@contextmanager
def in_language(code: str) -> Iterator[None]:
    """The words in ``code`` inside the block, and the language before it after."""
    before = language()
    use_language(code)
    try:
        yield
    finally:
        use_language(before)
