"""A table code's problems in the room's language (issue 16).

:class:`consortium.store.table_code.TableCodeError` says *what kind* of problem a typed code
has and what it concerns; this module words it, so the new-session page shows it in the
language the room plays in and the store stays free of the catalogue.
"""

from __future__ import annotations

from consortium.present.i18n import _
from consortium.store.table_code import TableCodeError


def table_code_problem(error: TableCodeError) -> str:
    """One sentence: what is wrong with the code and what to do about it."""
    fields = error.fields
    if error.kind == "too-short":
        return _("The code is too short: type all its groups.")
    if error.kind == "letter":
        return _("“{letter}” is not a letter a table code uses.").format(
            letter=fields.get("letter", "?"))
    if error.kind == "mistyped":
        return _("The code was mistyped (its last character does not match): check it group "
                 "by group.")
    if error.kind == "unknown-scenario":
        return _("The code is for the scenario “{scenario}”, which this laptop does not have: "
                 "open its file first (Open a scenario file…).").format(
            scenario=fields.get("scenario", "?"))
    if error.kind == "other-version":
        return _("The code is for another version of “{title}”: its tasks, cards or rules "
                 "differ from this laptop's copy. Open the same file as the first table.").format(
            title=fields.get("title", "?"))
    if error.kind == "sector":
        return _("The code names a sector this scenario does not have.")
    return _("The code cannot be read: check it group by group.")
