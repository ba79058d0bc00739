"""The desk: each phone seat sees only its own hand; an act goes through the session's own
check with the turn's nonce; a stale or replayed act is refused; a seat that changes hands
is cut off at once."""

from __future__ import annotations

from consortium.engine.simulate import bot_action, seat_policy
from consortium.engine.state import Mode, Phase
from consortium.engine.views import player_view
from consortium.phones.desk import NO_SUCH_CHOICE, NOT_YOUR_TURN, STALE
from consortium.present.labels import card_text
from tests.phones.table import PhoneTable, phone_table, until_a_phone_acts


def act_as_bot(table: PhoneTable, seat: int) -> str | None:
    """The phone of ``seat`` sends what a balanced bot would choose; the owner runs it."""
    page = table.desk.page(seat)
    assert page is not None and page.nonce is not None
    choices = page.snapshot["choices"]
    # every choice reads differently: one line per intent, one per card within an intent
    assert len({c["intent"] for c in choices}) == len({c["group"] for c in choices})
    assert len({(c["group"], c["text"]) for c in choices}) == len(choices)
    assert not any(c["intent"] == type(a).__name__ for c, a in zip(choices, page.actions,
                                                                    strict=True))
    state = table.session.state
    wanted = bot_action(state, seat_policy(state, seat))
    future = table.desk.act(seat, page.nonce, page.actions.index(wanted))
    table.run_posted()
    return future.result(timeout=1)


def test_each_phone_seat_gets_its_own_hand_and_nobody_elses() -> None:
    table = phone_table()
    state = table.session.state
    view = state.public
    for seat in table.tokens:
        page = table.desk.page(seat)
        assert page is not None
        shown = [c["text"] for c in page.snapshot["hand"]]
        assert shown == [card_text(view.catalog, c) for c in state.seats[seat].hand]
        others = {card_text(view.catalog, c) for s in range(len(state.seats)) if s != seat
                  for c in player_view(state, s).private.hand} - set(shown)
        text = repr(page.snapshot)
        assert not any(other in text for other in others)


def test_only_the_acting_seat_and_those_who_may_choose_ahead_have_a_nonce() -> None:
    table = phone_table()
    actor = until_a_phone_acts(table)
    public = table.session.state.public
    assert public.phase is Phase.INTRODUCTIONS  # the first private act of this deal
    for seat in table.tokens:
        page = table.desk.page(seat)
        assert page is not None
        to_come = seat in public.order[public.turn + 1:]
        assert (page.nonce is not None) == (seat == actor or to_come)
        assert bool(page.snapshot["choices"]) == (seat == actor or to_come)
        assert page.snapshot["ahead"] == to_come
    # later, in a self-selection turn, only the acting seat chooses
    while table.session.state.public.phase is not Phase.TURNS:
        seat = until_a_phone_acts(table)
        assert act_as_bot(table, seat) is None
    actor = until_a_phone_acts(table)
    for seat in table.tokens:
        page = table.desk.page(seat)
        assert page is not None and (page.nonce is not None) == (seat == actor)


def test_an_introduction_card_chosen_ahead_on_a_phone_waits_for_its_turn() -> None:
    table = phone_table()
    session = table.session
    actor = until_a_phone_acts(table)
    public = session.state.public
    later = next(s for s in public.order[public.turn + 1:] if s in table.tokens)
    page = table.desk.page(later)
    assert page is not None and page.nonce is not None and page.snapshot["ahead"]
    actor_page = table.desk.page(actor)
    assert actor_page is not None
    before = session.actions
    entered = table.desk.act(later, page.nonce, 0)
    table.run_posted()
    assert entered.result(timeout=1) is None
    assert session.actions == before  # nothing applied yet: its turn has not come
    assert later in session.session.chosen_ahead
    chosen = table.desk.page(later)
    assert chosen is not None and chosen.nonce is None and chosen.snapshot["chosen_ahead"]
    replay = table.desk.act(later, page.nonce, 1)
    table.run_posted()
    assert replay.result(timeout=1) in (STALE, NOT_YOUR_TURN)
    # the actor's open choice kept its nonce: a phone halfway through is not reset
    still = table.desk.page(actor)
    assert still is not None and still.nonce == actor_page.nonce
    assert act_as_bot(table, actor) is None
    for _ in range(50):  # the bots between, then the card chosen ahead goes in by itself
        if any(getattr(a, "seat", None) == later for a in session.actions[len(before):]):
            break
        if session.next_move_in() is not None:
            session.move()
        else:
            seat = session.state.public.actor
            assert seat not in table.tokens or seat == later
            state = session.state
            session.submit(bot_action(state, seat_policy(state, seat)))
    assert page.actions[0] in session.actions[len(before):]


def test_an_act_goes_through_the_owner_and_a_replay_is_refused() -> None:
    table = phone_table()
    session = table.session
    actor = until_a_phone_acts(table)
    page = table.desk.page(actor)
    assert page is not None and page.nonce is not None
    before = len(session.actions)
    state = session.state
    choice = page.actions.index(bot_action(state, seat_policy(state, actor)))
    future = table.desk.act(actor, page.nonce, choice)
    assert not future.done() and len(session.actions) == before  # waits for the owner
    assert table.run_posted() == 1
    assert future.result(timeout=1) is None
    assert session.actions[before] == page.actions[choice]
    after = session.actions
    replay = table.desk.act(actor, page.nonce, choice)  # the same request again
    table.run_posted()
    assert replay.result(timeout=1) in (STALE, NOT_YOUR_TURN)
    assert session.actions == after


def test_one_seats_nonce_never_acts_for_another_and_bad_choices_are_refused() -> None:
    table = phone_table()
    actor = until_a_phone_acts(table)
    page = table.desk.page(actor)
    assert page is not None and page.nonce is not None
    other = next(s for s in table.tokens if s != actor)
    assert table.desk.act(other, page.nonce, 0).result(timeout=1) in (STALE, NOT_YOUR_TURN)
    assert table.desk.act(actor, "guessed", 0).result(timeout=1) == STALE
    assert table.desk.act(actor, page.nonce, 999).result(timeout=1) == NO_SUCH_CHOICE
    assert table.run_posted() == 0  # none of them reached the session's owner


def test_a_stale_act_checked_again_by_the_owner_is_refused() -> None:
    """Handed over while the turn was current, run after it moved on: refused."""
    table = phone_table()
    actor = until_a_phone_acts(table)
    page = table.desk.page(actor)
    assert page is not None and page.nonce is not None
    first = table.desk.act(actor, page.nonce, 0)
    second = table.desk.act(actor, page.nonce, 0)  # sent twice before the owner ran
    table.run_posted()
    assert first.result(timeout=1) is None
    assert second.result(timeout=1) == STALE


def test_a_seat_made_a_bot_is_cut_off_at_once() -> None:
    table = phone_table()
    token = table.tokens[1]
    table.session.set_person(1, False)
    assert table.desk.keys.look_up(token).revoked
    assert table.desk.page(1) is None


def test_a_whole_game_with_three_phone_seats() -> None:
    table = phone_table(schedule=(Mode.HYBRID, Mode.SELF_SELECTION, Mode.HYBRID),
                        turnover=0.3, seed=7)  # every kind of private act comes
    session = table.session
    cut_off = acts = 0
    old_tokens: list[str] = []
    for _ in range(3000):
        if session.state.over:
            break
        if session.next_move_in() is not None:
            session.move()
            continue
        public = session.state.public
        actor = public.actor
        if actor is None or (public.phase is Phase.VOTE and not public.secret_ballot):
            # the group's decisions, and open hands, are entered on the laptop
            session.submit(bot_action(session.state, seat_policy(session.state, actor)))
            continue
        if actor in table.tokens and table.desk.keys.token_of(actor) is None:
            # a newcomer: the old phone is cut off; a new link behind the curtain
            old_tokens.append(table.tokens[actor])
            assert table.desk.keys.look_up(table.tokens[actor]).revoked
            table.tokens[actor] = table.desk.keys.issue(actor)
            table.desk.publish()
            cut_off += 1
        assert act_as_bot(table, actor) is None
        acts += 1
    assert session.state.over
    assert acts >= 10  # the phones played
    assert cut_off >= 1  # and a phone seat changed hands
    for seat in table.tokens:
        page = table.desk.page(seat)
        assert page is not None and page.snapshot["over"] and not page.snapshot["choices"]
    assert all(table.desk.keys.look_up(t).revoked for t in old_tokens)


def test_a_link_of_the_last_game_never_opens_the_next() -> None:
    from consortium.engine.game import new_game
    from consortium.engine.history import History

    table = phone_table()
    old = dict(table.tokens)
    start = table.session.history.start
    table.session.take_over(History(start), table.session.session.people, talk_clock=False)
    for seat, token in old.items():
        assert table.desk.keys.look_up(token).revoked
        assert table.desk.page(seat) is None
    assert new_game  # a resumed or new game is another History: the same rule


def test_a_closed_desk_stops_following_the_session() -> None:
    table = phone_table(direct=True)
    woken: list[int] = []
    table.desk.on_publish(lambda: woken.append(1))
    table.desk.close()
    state = table.session.state
    table.session.submit(bot_action(state, seat_policy(state, state.public.actor)))
    assert woken == []
