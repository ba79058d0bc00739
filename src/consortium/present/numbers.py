"""The one home for numbers a person reads: every decimal, share and ratio shown on the board,
the laptop, a phone, the debrief, the report's PDF, the comparison, the what-if and the CLI's
sentences is formatted here, for the language words are shown in (:func:`i18n.language`).

Use::

    from consortium.present.numbers import decimal, percent, plain, signed

    decimal(2.5)           # "2.5" in English, "2,5" in Swedish
    decimal(0.3, 2)        # "0.30" / "0,30"
    percent(0.67)          # "67%"  / "67 %" (a no-break space before the sign)
    plain(1.5)             # like ``f"{x:g}"``: "1.5" / "1,5", "2" for 2.0
    signed(0.25, 2)        # "+0.25" / "+0,25"

A message never carries a format spec (``{quality:.0%}``): a translator cannot change one. It
has a plain field (``{quality}``) filled with one of these (``quality=percent(q)``).

How a language writes numbers comes from :data:`STYLES`, a small table: per language, its
decimal separator, where the percent sign goes and what groups thousands. That is all this
game needs (its numbers are small: no currency; counts are whole and shown as they are, only a
file's size or a limit in a problem with a file is grouped, :func:`grouped`), so a table this
size is the right one — Babel knows every
locale but is only a development tool here (it extracts and compiles the catalogues), never
imported at run time. A language missing from the table, and the pseudo-locale ``qps``, write
numbers the English way. The minus sign stays ASCII ``-`` in every language (what people type
and what every font has). A value that rounds to zero is written without a minus ("0.00", never
"-0.00").

One message keeps its own sign: ``"{percent} %"`` (the debrief's concentration, the what-if's
progress), which has always read "60 %" in English; it is filled with a whole number from here
and the Swedish catalogue puts the no-break space in.

Not here, on purpose: numbers meant for machines — the CSV exports (report and comparison keep
a decimal point and comma separators, see docs/report.md), JSON, saves and table codes — and
identifiers that merely contain dots (times "10:30", the version "0.1.0", file names).
"""

from __future__ import annotations

from typing import Final, NamedTuple

from consortium.present.i18n import language


class NumberStyle(NamedTuple):
    """How one language writes a number."""

    decimal: str
    """The decimal separator."""
    percent: str
    """Where the number goes in a percentage (``{number}``)."""
    thousands: str = ","
    """What groups the thousands of a large count (a file's size in a problem)."""


ENGLISH: Final = NumberStyle(decimal=".", percent="{number}%")

STYLES: Final[dict[str, NumberStyle]] = {
    "en": ENGLISH,
    # Svenska skrivregler: decimal comma, a space (here a no-break one) before the percent sign.
    "sv": NumberStyle(decimal=",", percent="{number}\u00a0%", thousands="\u00a0"),
}
"""Each language's number style, by language code (``sv``; ``sv_SE`` falls back to ``sv``)."""


def style(code: str | None = None) -> NumberStyle:
    """The number style of ``code`` (the current language by default); English for a
    language not in :data:`STYLES` and for the pseudo-locale."""
    code = language() if code is None else code
    return STYLES.get(code) or STYLES.get(code.replace("-", "_").split("_")[0], ENGLISH)


def _localized(text: str) -> str:
    """An English-formatted number (``"-2.50"``) in the current style, without a sign on a
    zero."""
    if text.startswith("-") and not any(c in "123456789" for c in text):
        text = text[1:]  # "-0.00": a value that rounds to zero
    separator = style().decimal
    return text if separator == "." else text.replace(".", separator)


def decimal(value: float, places: int = 1) -> str:
    """``value`` with ``places`` decimals ("2.5", "2,5"); like ``f"{value:.{places}f}"``."""
    return _localized(f"{value:.{places}f}")


def signed(value: float, places: int = 1) -> str:
    """``value`` with ``places`` decimals and always a sign ("+0.25", "-0,25"); like
    ``f"{value:+.{places}f}"``, a value that rounds to zero reads "+0.00"."""
    text = f"{value:+.{places}f}"
    if not any(c in "123456789" for c in text):
        text = "+" + text[1:]
    return _localized(text)


def plain(value: float) -> str:
    """``value`` as short as it reads ("2", "1.5", "0,25"); like ``f"{value:g}"``."""
    return _localized(f"{value:g}")


def grouped(count: int) -> str:
    """A whole count with its thousands grouped ("1,048,576", "1 048 576" with no-break
    spaces); like ``f"{count:,}"``. Only the large counts of a file's problems use it."""
    return f"{count:,}".replace(",", style().thousands)


def percent(share: float, places: int = 0) -> str:
    """A share (0.67) as a percentage ("67%", "67 %"); like ``f"{share:.{places}%}"``."""
    return style().percent.format(number=_localized(f"{share * 100:.{places}f}"))
