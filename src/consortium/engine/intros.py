"""Introductions: everyone shows a card, everyone pays the time (GAME.md, democratic mode and
hybrid step 1).

Democratic: the group holds 0–``max_intros`` introductions; each costs every participant
``intro_minutes_per_speaker`` × the number of participants (rules v3: a bigger room takes
longer to go round; the v2 key ``intro_cost`` is a fixed number of hours instead), every
participant reveals one card, and every pair's familiarity rises by one. Hybrid: one
introduction when there is a newcomer; newcomers must reveal, anyone else may; newcomers'
familiarity with everyone rises by one.

Empty talk hours are counted here: the hours of an introduction in which a participant showed
no new card and gained no familiarity below the cap.
"""

from __future__ import annotations

from consortium.engine.actions import IllegalAction, Reveal, SetIntroductions
from consortium.engine.frozen import evolve
from consortium.engine.ops import (
    charge,
    evolve_public,
    participants_with,
    present_seats,
    raised_familiarity,
    set_private,
)
from consortium.engine.state import GameState, Mode, Phase
from consortium.engine.turn_order import group_phase, next_turn, start_turns


def enter_intro_count(state: GameState) -> GameState | None:
    if state.ctx.rules.max_intros == 0:
        return None
    return group_phase(state, Phase.INTRO_COUNT)


def check_set_intros(state: GameState, action: SetIntroductions) -> None:
    limit = state.ctx.rules.max_intros
    if not 0 <= action.count <= limit:
        raise IllegalAction(
            f"The group can hold 0 to {limit} introductions.", "intro-count-out-of-range",
            {"limit": limit},
        )


def apply_set_intros(state: GameState, action: SetIntroductions) -> GameState:
    return evolve_public(state, intros_planned=action.count, intros_done=0, phase_done=True)


def enter_introductions(state: GameState) -> GameState | None:
    public = state.public
    if public.mode is Mode.HYBRID:
        if not any(public.participants[s].present for s in public.newcomers):
            return None
        return _start_one(evolve_public(state, intros_planned=1, intros_done=0))
    if public.intros_planned <= public.intros_done:
        return None
    return _start_one(state)


def _start_one(state: GameState) -> GameState | None:
    """Begin one introduction: it costs every participant its hours up front."""
    seats = present_seats(state.public)
    state = charge(state, seats, "intro", state.ctx.rules.intro_hours(len(seats)))
    return start_turns(state, Phase.INTRODUCTIONS, seats)


def hidden_slots(state: GameState, seat: int) -> list[int]:
    shown = state.public.participants[seat].public_cards
    return [i for i, card in enumerate(shown) if card is None]


def may_pass(state: GameState, seat: int) -> bool:
    """Passing is for someone with nothing left to show, or a non-newcomer in hybrid."""
    if not hidden_slots(state, seat):
        return True
    return state.public.mode is Mode.HYBRID and seat not in state.public.newcomers


def check_reveal(state: GameState, action: Reveal) -> None:
    if action.slot is None:
        if not may_pass(state, action.seat):
            raise IllegalAction("Choose one of your hidden cards to show.", "no-card-chosen")
        return
    shown = state.public.participants[action.seat].public_cards
    # the same test as ``action.slot in hidden_slots(...)``, without building the list
    if not (0 <= action.slot < len(shown) and shown[action.slot] is None):
        raise IllegalAction("That card is not one of your hidden cards.", "card-not-hidden")


def apply_reveal(state: GameState, action: Reveal) -> GameState:
    seat = action.seat
    if action.slot is not None:
        cards = list(state.public.participants[seat].public_cards)
        card = state.seats[seat].hand[action.slot]
        cards[action.slot] = card
        hidden = state.hidden
        state = evolve(state, hidden=evolve(
            hidden, shown_in_meetings=(*hidden.shown_in_meetings, (seat, card.domain))
        ))
        state = next_turn(
            state, participants=participants_with(state, seat, public_cards=tuple(cards))
        )
    else:
        if not _gains_familiarity(state, seat):
            empty = state.seats[seat].empty_talk + _paid_for_this(state, seat)
            state = set_private(state, seat, empty_talk=empty)
        state = next_turn(state)
    if state.public.phase_done:
        state = _finish_one(state)
    return state


def _paid_for_this(state: GameState, seat: int) -> float:
    """The hours this introduction took from ``seat``. Introductions are charged first and
    each is capped at the hours left, so after k of them a seat has paid min(hours, k·cost)."""
    cost = state.ctx.rules.intro_hours(len(present_seats(state.public)))
    before = cost * state.public.intros_done
    return max(0.0, min(cost, state.seats[seat].spent.intro - before))


def _pairs_raised(state: GameState) -> list[tuple[int, int]]:
    seats = present_seats(state.public)
    if state.public.mode is Mode.HYBRID:
        # each pair once, even when both are newcomers (every pair in round 1)
        newcomers = [s for s in state.public.newcomers if s in seats]
        return sorted({(min(n, o), max(n, o)) for n in newcomers for o in seats if o != n})
    return [(a, b) for a in seats for b in seats if a < b]


def _gains_familiarity(state: GameState, seat: int) -> bool:
    """Whether a pair of :func:`_pairs_raised` with ``seat`` in it is below the cap (found
    from the seat's own partners rather than from every pair)."""
    public = state.public
    seats = present_seats(public)
    if seat not in seats:
        return False
    if public.mode is Mode.HYBRID and seat not in public.newcomers:
        partners = [n for n in public.newcomers if n in seats and n != seat]
    else:
        partners = [o for o in seats if o != seat]
    cap = state.ctx.rules.familiarity_max
    fam = public.familiarity
    return any(fam[min(seat, o)][max(seat, o)] < cap for o in partners)


def _finish_one(state: GameState) -> GameState:
    """After everyone has shown a card: familiarity rises; start the next introduction or
    let the flow move on."""
    familiarity = raised_familiarity(
        state.public.familiarity, _pairs_raised(state), state.ctx.rules.familiarity_max
    )
    done = state.public.intros_done + 1
    state = evolve_public(state, familiarity=familiarity, intros_done=done)
    if state.public.mode is not Mode.HYBRID and done < state.public.intros_planned:
        again = _start_one(state)
        if again is not None:
            return again
    return evolve(state, public=evolve(state.public, phase_done=True))
