"""Who sits in the plenary, from the public view alone (the facilitator's placement list)."""

from __future__ import annotations

from consortium.engine.state import Mode, PublicState


def plenary_members(view: PublicState) -> list[int]:
    seats = [i for i, p in enumerate(view.participants) if p.present]
    if view.mode is Mode.HYBRID:
        return [s for s in seats if view.participants[s].declared_plenary]
    return seats
