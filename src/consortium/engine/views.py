"""The only windows into a game in play (ARCHITECTURE.md, "Views").

``public_view`` is the public part of the state itself: nothing to strip, so nothing to leak.
Hidden cards keep their slot (``None``), not their identity. ``player_view`` adds one seat's
private part, for the hand-off curtain and for that seat's bot.
"""

from __future__ import annotations

import attrs

from consortium.engine.state import GameState, PrivateSeat, PublicState


@attrs.frozen
class PlayerView:
    public: PublicState
    seat: int
    private: PrivateSeat


def public_view(state: GameState) -> PublicState:
    return state.public


def player_view(state: GameState, seat: int) -> PlayerView:
    return PlayerView(state.public, seat, state.seats[seat])
