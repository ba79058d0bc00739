"""A file's problems in the room's language: a scenario's, a spreadsheet's or a save's.

The engine and the store find the problems and word them in English with their fields kept
apart (:class:`consortium.engine.words.Words`), since they may not reach the catalogue; this
module translates them, for ``consortium validate``, the window's dialogs and the compare
view alike. The file's own values (ids, quoted values, paths) are fields and stay as written,
and so does a place that is a path into the file (``tasks[4].effort``); a place in words (the
whole ``file``, a spreadsheet's ``row 5``) is translated.
"""

from __future__ import annotations

from collections.abc import Iterable

from consortium.engine.toml_spec import Problem
from consortium.engine.words import Words
from consortium.present.i18n import _, ngettext
from consortium.present.numbers import grouped
from consortium.store.codec import printable

WHOLE_FILE = "file"
"""The place of a problem with the whole file (its size, its encoding, its syntax)."""


def words_text(words: Words) -> str:
    """``words`` in the current language, each template translated before it is filled in
    (and a large count grouped the language's way)."""
    return words.render(_, grouped, ngettext)


def problem_place(problem: Problem) -> str:
    """Where the problem is, as the person reads it."""
    if problem.place_words is not None:
        return words_text(problem.place_words)
    if problem.place == WHOLE_FILE:
        # Translators: also the place of a problem with a whole file, before its message:
        # "file: is not valid TOML at line 3, column 7: …"
        return _("file")
    return problem.place


def problem_message(problem: Problem) -> str:
    """What is wrong there (a problem made from a plain text shows that text)."""
    return words_text(problem.words) if problem.words is not None else problem.message


def problem_text(problem: Problem) -> str:
    """One line, ``place: message``, printable whatever the file held."""
    return printable(_("{place}: {problem}").format(place=problem_place(problem),
                                                     problem=problem_message(problem)))


def problem_lines(problems: Iterable[Problem], path: object | None = None) -> list[str]:
    """Every problem a line, after the file's path when it is given (a dialog's text; a
    value with a line break in it breaks the line there, as the dialog would)."""
    lines = [line for p in problems for line in problem_text(p).splitlines()]
    return [f"{path}:", *lines] if path is not None else lines
