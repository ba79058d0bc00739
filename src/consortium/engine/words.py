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

__all__ = ["N_", "Grouped", "Nn_", "Words", "say", "say_count", "verbatim"]


def N_(message: str) -> str:
    """Marks ``message`` for the catalogue; the text itself is unchanged (the engine may not
    import :mod:`consortium.present.i18n`, which has the same marker)."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Marks a message with a plural form for the catalogue (``ngettext``'s two forms); see
    :func:`say_count`."""
    return singular, plural


Plural = Callable[[str, str, int], str]
"""``ngettext``: the form of a message for a count, in the reader's language."""


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
    plural: str | None = None
    """The plural form of ``template`` (which is then the singular), chosen by the
    ``count`` field: "and {count} more problem not shown" / "… problems …"."""

    def render(self, translate: Callable[[str], str],
               grouped: Callable[[int], str] = "{:,}".format,
               plural: Plural | None = None) -> str:
        """The sentence, each template (this one and those of its fields) through
        ``translate`` (or ``plural``, for a message with a plural form) before its fields
        are filled in, and each :class:`Grouped` count through ``grouped``."""
        values = {key: value.render(translate, grouped, plural) if isinstance(value, Words)
                  else grouped(value.value) if isinstance(value, Grouped) else value
                  for key, value in self.fields}
        if self.plural is not None:
            count = dict(self.fields)["count"]
            n = count.value if isinstance(count, Grouped) else int(str(count))
            choose = plural or _english_plural
            template = choose(self.template, self.plural, n)
        else:
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
        return self.render(_same, plural=_english_plural)

    def __str__(self) -> str:
        return self.english()


def say(template: str, /, **fields: object) -> Words:
    """``template`` (marked with :func:`N_` by the caller) with its fields."""
    return Words(template, tuple(fields.items()))


def say_count(forms: tuple[str, str], /, count: int | Grouped, **fields: object) -> Words:
    """A message whose words follow a number (its ``{count}``): ``forms`` from :func:`Nn_`,
    the singular and the plural as English has them; each language has its own forms."""
    singular, plural = forms
    return Words(singular, (("count", count), *fields.items()), plural=plural)


def verbatim(template: str, /, **fields: object) -> Words:
    """Fields joined by a template that is no sentence (``"{row}{rest}"``): it is not looked
    up in the catalogue, only the fields that are words are."""
    return Words(template, tuple(fields.items()), translated=False)


def _same(text: str) -> str:
    return text


def _english_plural(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural
