"""Sentences the engine and the store write for a person, kept translatable without the
catalogue.

A scenario's or a save's problem is worded down here, where it is found, but shown up in the
presentation layer, in the room's language. So a message is a :class:`Words`: an English
template marked with :func:`N_` (Babel extracts it into the catalogue) and its fields, which
are the file's own values (names, quoted values, numbers: never translated) or other
:class:`Words` (a phrase such as "a whole number from 1 to 8" inside "must be …").
:meth:`Words.english` is the English sentence, the same bytes the f-strings made before;
:func:`consortium.present.problem_words.words_text` puts it into the current language.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

__all__ = ["N_", "Grouped", "Words", "say", "verbatim"]


def N_(message: str) -> str:
    """Marks ``message`` for the catalogue; the text itself is unchanged (the engine may not
    import :mod:`consortium.present.i18n`, which has the same marker)."""
    return message


@attrs.frozen
class Grouped:
    """A count written with its thousands grouped ("1,048,576" in English): a field, since a
    message carries no format spec (each language groups its own way, see
    :func:`consortium.present.numbers.grouped`)."""

    value: int

    def __str__(self) -> str:
        return f"{self.value:,}"


@attrs.frozen
class Words:
    """An English template with ``{fields}``, and the fields' values (kept in pairs, so a
    :class:`Words` is hashable like the problems that hold it). ``translated`` False: the
    template only joins its fields (see :func:`verbatim`)."""

    template: str
    fields: tuple[tuple[str, object], ...] = ()
    translated: bool = True

    def render(self, translate: Callable[[str], str],
               grouped: Callable[[int], str] = "{:,}".format) -> str:
        """The sentence, each template (this one and those of its fields) through
        ``translate`` before its fields are filled in, and each :class:`Grouped` count
        through ``grouped``."""
        values = {key: value.render(translate, grouped) if isinstance(value, Words)
                  else grouped(value.value) if isinstance(value, Grouped) else value
                  for key, value in self.fields}
        template = translate(self.template) if self.translated else self.template
        return template.format(**values)

    def with_texts(self, change: Callable[[str], str | Words]) -> Words:
        """These words with ``change`` applied to every text field, here and in the words
        they hold (a place in a message moved to a spreadsheet's row)."""
        def changed(value: object) -> object:
            if isinstance(value, Words):
                return value.with_texts(change)
            return change(value) if isinstance(value, str) else value

        return attrs.evolve(self, fields=tuple((k, changed(v)) for k, v in self.fields))

    def english(self) -> str:
        return self.render(_same)

    def __str__(self) -> str:
        return self.english()


def say(template: str, /, **fields: object) -> Words:
    """``template`` (marked with :func:`N_` by the caller) with its fields."""
    return Words(template, tuple(fields.items()))


def verbatim(template: str, /, **fields: object) -> Words:
    """Fields joined by a template that is no sentence (``"{row}{rest}"``): it is not looked
    up in the catalogue, only the fields that are words are."""
    return Words(template, tuple(fields.items()), translated=False)


def _same(text: str) -> str:
    return text
