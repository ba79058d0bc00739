"""The curtain's hand-off line names the seat the room can see, and for a newcomer whose
seat it was (issue 12: "Pass to Umar (Business)" did not tell the room that Umar is seat 3,
formerly Carla)."""

from __future__ import annotations

import attrs

from consortium.engine.events import Left
from consortium.engine.game import apply, new_game
from consortium.engine.simulate import bot_action, bot_config, seat_policy
from consortium.present.i18n import _
from consortium.present.labels import handoff_title, predecessor
from consortium.store.scenarios import find_scenario


def test_a_newcomer_is_passed_the_laptop_by_seat_and_predecessor() -> None:
    scenario = find_scenario("cancer-care")
    state = new_game(scenario, attrs.evolve(
        bot_config(scenario, "balanced", 3, seats=6, rounds=4, turnover=0.5)))
    while not state.over:
        public = state.public
        if public.round >= 2:
            left = [e for e in public.log if e.round == public.round
                    and isinstance(e.event, Left)]
            if left:
                break
        state = apply(state, bot_action(state, seat_policy(state, public.actor)))
    public = state.public
    gone = left[0].event
    assert isinstance(gone, Left)
    seat = gone.seat
    newcomer = public.participants[seat]
    sector = public.catalog.sector_name(newcomer.sector)
    assert predecessor(public, seat) == gone.name != newcomer.name
    assert handoff_title(public, seat) == _(
        "Pass to {name} ({sector}), seat {number} — new, formerly {predecessor}'s seat"
    ).format(name=newcomer.name, sector=sector, number=seat + 1, predecessor=gone.name)
    stayed = next(s for s in range(public.seats)
                  if public.participants[s].arrived_round < public.round)
    assert predecessor(public, stayed) is None
    p = public.participants[stayed]
    assert handoff_title(public, stayed) == _("Pass to {name} ({sector}), seat {number}").format(
        name=p.name, sector=public.catalog.sector_name(p.sector), number=stayed + 1)
