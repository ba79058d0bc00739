"""A faster ``attrs.evolve`` for the engine's frozen records.

Every action copies a few frozen records; ``attrs.evolve`` looks the fields up and goes
through ``__init__`` each time, which was half of a simulated game's time. This copies the
slots directly, or for the records declared ``slots=False`` (the large ones copied on every
action) the instance dict in one C-level update. The only module-level state is a memo of
each class's field names (class metadata, never game state). Unknown field names are still
an error, as with attrs.
"""

from __future__ import annotations

from typing import Any, TypeVar

import attrs

T = TypeVar("T")
_FIELDS: dict[type, tuple[tuple[str, ...], frozenset[str]]] = {}
_HAS_DICT: dict[type, bool] = {}
_set = object.__setattr__


def evolve(inst: T, **changes: Any) -> T:
    cls = type(inst)
    known = _FIELDS.get(cls)
    if known is None:
        names = tuple(a.name for a in attrs.fields(cls))  # type: ignore[arg-type]
        known = _FIELDS[cls] = (names, frozenset(names))
        _HAS_DICT[cls] = hasattr(inst, "__dict__")
    names, name_set = known
    if not name_set.issuperset(changes):
        unknown = ", ".join(sorted(set(changes) - name_set))
        raise TypeError(f"{cls.__name__} has no field(s) {unknown}")
    new = object.__new__(cls)
    if _HAS_DICT.get(cls, False):
        # Dict-backed records (the big, often-copied ones): one C-level dict copy.
        new.__dict__.update(inst.__dict__)
        new.__dict__.update(changes)
        return new
    for name in names:
        _set(new, name, changes[name] if name in changes else getattr(inst, name))
    return new
