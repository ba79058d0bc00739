"""Acts entered before their turn: what lets the Phones mode collect introductions and secret
ballots from every phone at once (docs/phones.md, "Fewer waits").

Two kinds of private act do not depend on the turns before them:

- an **introduction's card**: which of your hidden cards you show (or a pass, where the rules
  allow one) is legal or not by your own hand alone — nobody else's reveal changes it;
- a **secret ballot**: nobody sees another's vote before casting their own.

So a person whose turn in the current introduction or secret vote has not yet come may
choose now. The session keeps the choice private and applies it, as the very same
``Reveal`` or ``Vote`` action, when that person's turn comes — in the engine's turn order,
through the same ``check`` as every act. A game played this way is the game a hot-seat table
makes with the same choices, action for action, and its save is the same file.

Everything else — self-selection turns, declarations, invitations, open hands — waits for its
turn: each depends on what the turns before it did, or is said in public.
"""

from __future__ import annotations

from consortium.engine.actions import Action, Reveal, Vote
from consortium.engine.frozen import evolve
from consortium.engine.game import legal_actions
from consortium.engine.state import GameState, Phase


def early_actions(state: GameState, seat: int) -> list[Action]:
    """What ``seat`` may enter now for its coming turn in this introduction or secret ballot:
    the choices it will have when the turn comes (computed as if it had come, which is what
    "does not depend on the turns before" means). Empty when its turn is now, has passed,
    or is not one of the two kinds."""
    public = state.public
    if public.actor is None or seat == public.actor or seat not in public.order[public.turn + 1:]:
        return []
    if not (public.phase is Phase.INTRODUCTIONS
            or (public.phase is Phase.VOTE and public.secret_ballot)):
        return []
    its_turn = evolve(state, public=evolve(public, actor=seat))
    return [a for a in legal_actions(its_turn, seat) if isinstance(a, Reveal | Vote)]
