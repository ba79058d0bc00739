"""The practice round's coach line on the board (issue 15; play/practice.py): one short
sentence per step, saying what the room does now and why it matters in the real game. Read
from the back of the room, so one sentence, plain words, no rule numbers."""

from __future__ import annotations

from consortium.engine.state import Mode, Phase, PublicState
from consortium.present.i18n import N_, _

COACH: dict[Phase, str] = {
    Phase.MODE_CHOICE: N_("Practice: the group chooses how to organize this round."),
    Phase.INTRO_COUNT: N_("Practice · Plenary: first, how many introductions? Each shows one "
                          "card per person, and each costs everyone time."),
    Phase.INTRODUCTIONS: N_("Practice · Plenary: each person shows one expertise card to the "
                            "room. Pass the laptop when your name comes up."),
    Phase.DELIBERATION: N_("Practice · Plenary: talk it through. Who knows what these tasks "
                           "need? The talk clock counts what the talk costs."),
    Phase.PLACEMENT: N_("Practice · Plenary: the facilitator places everyone on a task as the "
                        "room proposes, then calls the vote."),
    Phase.VOTE: N_("Practice · Plenary: everyone votes on the placement. A majority carries "
                   "it; otherwise the room talks again."),
    Phase.DECLARE: N_("Practice: say whether you will follow the plenary or go your own way."),
    Phase.TURNS: N_("Practice · Pick your own: in turn, each person starts a task from their "
                    "own knowledge, joins a team, or sits out. No talk needed."),
    Phase.PERSPECTIVE_CHECK: N_("Practice: a team may look for knowledge it lacks and invite "
                                "someone onto it."),
    Phase.INVITATION: N_("Practice: the person invited says yes or no."),
    Phase.PIT_STOP: N_("Practice · Pit stop: where did the time go — into talk, or into work? "
                       "In the real game, two minutes here after every round."),
    Phase.GAME_OVER: N_("The practice is over. Nothing was scored: the real game starts "
                        "fresh, with new hands."),
}
"""The coach line per phase (English; translated in :func:`coach_line`)."""

PICK_YOUR_OWN_PIT_STOP = N_(
    "Practice · Pit stop: Pick your own cost no meeting time — but did the teams have the "
    "knowledge their tasks needed?")


def coach_line(view: PublicState) -> str:
    """What the room does now, in the practice round."""
    if view.phase is Phase.PIT_STOP and view.mode is Mode.SELF_SELECTION:
        return _(PICK_YOUR_OWN_PIT_STOP)
    return _(COACH[view.phase])
