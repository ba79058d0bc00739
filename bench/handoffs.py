"""Hand-offs and clicks for one Plenary round with 6 people, before and after issue 12.

    python bench/handoffs.py

Plays round 1 (Plenary) of a 6-person table through ``consortium.play.Session`` (no Qt),
with 1, 2 and 3 introductions, then an open vote or a secret ballot, the way the laptop's
widgets drive the session, and counts:

- **hand-offs**: the laptop passed to a person whose private turn it is (the curtain
  lifted: a reveal, a secret vote);
- **clicks**: every key or click a person or the facilitator makes, with the widgets' own
  counts: lifting the curtain 1 (hold Space, or a click), a choice 1 (Enter), showing a card
  1 more (the confirm step), a card for each later introduction 1 (Enter on it in the same
  sitting); the facilitator's buttons 1 each (the number of introductions, "Done talking",
  "Suggest a board", "Call the vote", each open vote, or "Everyone else for").

**Before** is the one-decision-at-a-time path, which 0.1.0 had and which is still there
(a person may leave "later introductions" to their turn; the facilitator may click each
vote): every introduction is a hand-off per person, every open vote a click per person.
**After**: each person chooses their card for every introduction at once (queued in the
session, applied in the engine's turn order: the action log is the same, as the assertion
below checks) and the open vote is "Everyone else for" after any exceptions. A secret ballot
is private by the rules (GAME.md, Vote): a hand-off per person either way.

The minutes use the trainer's estimate of ~30 s per hand-off (FACILITATION.md plans ~10
minutes a round).
"""

from __future__ import annotations

import time

from consortium.engine.actions import Reveal, SetIntroductions, Vote
from consortium.engine.game import new_game
from consortium.engine.history import History
from consortium.engine.state import GameConfig, Mode, Phase, SeatSetup
from consortium.play.session import Session
from consortium.store.scenarios import shipped_scenarios

SEATS = 6
SECONDS_PER_HANDOFF = 30


def session(*, secret: bool) -> Session:
    scenario = shipped_scenarios()["cancer-care"]
    sectors = [s.id for s in scenario.sectors]
    config = GameConfig(
        seats=tuple(SeatSetup(f"P{i + 1}", sectors[i % len(sectors)], None)
                    for i in range(SEATS)),
        rounds=2, turnover=0.0, schedule=(Mode.DEMOCRATIC, Mode.DEMOCRATIC), seed=7,
        capacity=scenario.defaults.capacity, hand_size=scenario.defaults.hand_size,
        secret_ballot=secret,
    )
    s = Session(now=time.monotonic, pacing_ms=0)
    s.take_over(History(new_game(scenario, config)), (True,) * SEATS, talk_clock=False)
    return s


def play_round(intros: int, *, secret: bool, ahead: bool) -> tuple[int, int, tuple[object, ...]]:
    """(hand-offs, clicks, the action log) for round 1 up to its pit stop."""
    s = session(secret=secret)
    handoffs = clicks = 0

    def automatic() -> None:
        while s.next_move_in() == 0:
            s.move()

    for _step in range(500):
        automatic()
        public = s.state.public
        phase = public.phase
        if phase is Phase.PIT_STOP:
            return handoffs, clicks, s.actions
        seat = public.actor
        if phase is Phase.INTRO_COUNT:
            clicks += 1
            s.submit(SetIntroductions(intros))
        elif phase is Phase.INTRODUCTIONS:
            assert seat is not None
            hidden = [i for i, c in enumerate(public.participants[seat].public_cards)
                      if c is None]
            handoffs += 1
            clicks += 3  # lift, choose a card, confirm "shown to everyone"
            later = s.introductions_ahead(seat) if ahead else 0
            if later:
                assert s.choose_ahead(seat, hidden[1:1 + later])
                clicks += later  # one Enter per later introduction, same sitting
            s.submit(Reveal(seat, hidden[0]))
        elif phase is Phase.DELIBERATION:
            clicks += 1
            s.finish_talk()
        elif phase is Phase.PLACEMENT:
            clicks += 2  # "Suggest a board", "Call the vote"
            s.suggest_board()
            s.call_vote()
        elif phase is Phase.VOTE and public.secret_ballot:
            assert seat is not None
            handoffs += 1
            clicks += 2  # lift, choose For
            s.submit(Vote(seat, True))
        elif phase is Phase.VOTE:
            if ahead:
                clicks += 1  # "Everyone else for"
                s.cast_open_votes_for_the_rest(True)
            else:
                for voter in public.order:  # one click per person, in any order
                    if public.votes[voter] is None and not s.session.pending_votes[voter]:
                        clicks += 1
                        s.cast_open_vote(voter, True)
                        break
        else:
            raise AssertionError(f"unexpected {phase}")
    raise AssertionError("the round did not end")


def main() -> None:
    print(f"One Plenary round, {SEATS} people (round 1, cancer care, seed 7); "
          f"minutes at {SECONDS_PER_HANDOFF} s a hand-off")
    print(f"{'round':<28}{'hand-offs':>18}{'clicks/keys':>18}{'hand-off minutes':>22}")
    for secret in (False, True):
        for intros in (1, 2, 3):
            before = play_round(intros, secret=secret, ahead=False)
            after = play_round(intros, secret=secret, ahead=True)
            assert before[2] == after[2], "choosing ahead must save the same actions"
            name = f"{intros} intro(s), {'secret' if secret else 'open'} vote"
            minutes = (before[0] * SECONDS_PER_HANDOFF / 60, after[0] * SECONDS_PER_HANDOFF / 60)
            print(f"{name:<28}{before[0]:>8} -> {after[0]:<7}{before[1]:>8} -> {after[1]:<7}"
                  f"{minutes[0]:>10.1f} -> {minutes[1]:<8.1f}")


if __name__ == "__main__":
    main()
