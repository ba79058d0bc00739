"""Why a file could not be read or written, in the room's language.

:func:`consortium.store.fs.reason` says it in a few plain English words ("disk full"),
marked for the catalogue; this module translates them, and keeps the system's own text (in the
system's language) where the store has no words of its own. Light on purpose: the settings'
problems use it at launch.
"""

from __future__ import annotations

from pathlib import Path

from consortium.present.i18n import _
from consortium.store.fs import PLAIN_REASONS, NotAFileError, reason


def reason_text(text: str) -> str:
    """A reason :func:`consortium.store.fs.reason` gave: in the room's language when it is
    one of its own few words ("disk full"), else the system's text as it came."""
    return _(text) if text in PLAIN_REASONS else text


def os_reason(error: OSError) -> str:
    """Why a file could not be read or written, in a few plain words a person reads."""
    if isinstance(error, NotAFileError):
        return _("{file} is {kind}, not a file").format(
            file=Path(str(error.filename)).name, kind=_(error.kind))
    return reason_text(reason(error))
