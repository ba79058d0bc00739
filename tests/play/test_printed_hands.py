"""Printed hands (docs/printed-hands.md), without Qt: the sheets carry what the engine will
draw, a whole game is played with every private act entered as a public act, the same
choices give the same game as behind the curtain, and the rules that need private
information the sheet cannot carry (motivation, halved hours, the secret ballot) behave as
documented."""

from __future__ import annotations

import attrs
import pytest

from consortium.engine.actions import (
    Action,
    IllegalAction,
    Initiate,
    Join,
    Respond,
    Reveal,
    SitOut,
    Stay,
    Vote,
)
from consortium.engine.events import Arrived
from consortium.engine.game import apply, check, new_game
from consortium.engine.history import History
from consortium.engine.sheets import possible_arrivals, printed_sheets
from consortium.engine.simulate import bot_action, seat_policy
from consortium.engine.state import Catalog, GameConfig, GameState, Mode, Phase, SeatSetup
from consortium.play.printed import (
    PublicAct,
    ballot_voters,
    envelopes_due,
    public_act_seat,
    to_action,
)
from consortium.play.records import Change
from consortium.play.session import ENTERED_ACT_REFUSED, Session
from consortium.present.sheet_words import card_line, page_text, pages
from consortium.store.digest import state_digest
from tests.play.table import FakeTime, cancer_care

PEOPLE = (0, 2, 3)


def config(*, seed: int = 5, secret_ballot: bool = False, rounds: int = 4,
           turnover: float = 0.3) -> GameConfig:
    scenario = cancer_care()
    sectors = [s.id for s in scenario.sectors]
    seats = tuple(
        SeatSetup(f"P{i + 1}", sectors[i % len(sectors)],
                  bot=None if i in PEOPLE else "balanced")
        for i in range(6)
    )
    schedule = (Mode.DEMOCRATIC, Mode.HYBRID, Mode.SELF_SELECTION, Mode.HYBRID)[:rounds]
    return GameConfig(seats=seats, rounds=rounds, turnover=turnover, schedule=schedule,
                      seed=seed, capacity=8, hand_size=3, secret_ballot=secret_ballot)


def sit_down(cfg: GameConfig, *, printed: bool) -> tuple[Session, list[Change]]:
    session = Session(now=FakeTime(), pacing_ms=0)
    changes: list[Change] = []
    session.listen(changes.append)
    people = tuple(seat.bot is None for seat in cfg.seats)
    session.take_over(History(new_game(cancer_care(), cfg)), people, talk_clock=False,
                      printed_hands=printed)
    return session, changes


def said_aloud(state: GameState, action: Action) -> PublicAct:
    """What a player reading their sheet says for ``action`` (the test plays the person)."""
    hand = state.seats
    if isinstance(action, Reveal):
        if action.slot is None:
            return PublicAct("pass", action.seat)
        return PublicAct("reveal", action.seat, hand[action.seat].hand[action.slot].domain)
    if isinstance(action, Stay):
        return PublicAct("stay", action.seat)
    if isinstance(action, SitOut):
        return PublicAct("sit-out", action.seat)
    if isinstance(action, Initiate):
        return PublicAct("initiate", action.seat, hand[action.seat].hand[action.slot].domain,
                         action.task, action.closed)
    if isinstance(action, Join):
        return PublicAct("join", action.seat, hand[action.seat].hand[action.slot].domain,
                         action.task)
    assert isinstance(action, Respond)
    return PublicAct("accept" if action.accept else "refuse", action.seat)


def play(session: Session, *, printed: bool, ballot_yes: bool = True) -> int:
    """Play to the end; people choose what the seat's bot would. In a printed session each
    private act goes in as a public act; a secret ballot as a count of paper ballots.
    Returns how many public acts were entered."""
    entered = 0
    for _ in range(5000):
        state = session.state
        if state.over:
            break
        if session.next_move_in() is not None:
            assert session.move()
            continue
        seat = state.public.actor
        if seat is not None and session.session.is_person(seat):
            if printed:
                with pytest.raises(PermissionError):
                    session.player_view(seat)
                assert session.seat_actions(seat) == []
            if state.public.phase is Phase.VOTE and state.public.secret_ballot:
                if printed:
                    voters = ballot_voters(state.public, session.session.people)
                    assert public_act_seat(session.view, session.session) == seat
                    assert session.enter_ballots(len(voters) if ballot_yes else 0)
                    entered += 1
                else:
                    assert session.submit(Vote(seat, ballot_yes))
                continue
            action = bot_action(state, seat_policy(state, seat))
            if printed and public_act_seat(session.view, session.session) is not None:
                assert session.enter_act(said_aloud(state, action)), session.session.notice_code
                entered += 1
            else:
                assert session.submit(action)
            continue
        assert session.submit(bot_action(state, seat_policy(state, seat)))
    assert session.state.over
    return entered


def test_a_whole_printed_hands_game_is_the_curtain_game() -> None:
    """The printed-hands game test: the same choices, entered as public acts, give the same
    actions and so the same game; no private view is ever handed out."""
    cfg = config()
    printed, heard = sit_down(cfg, printed=True)
    curtain, _ = sit_down(cfg, printed=False)
    entered = play(printed, printed=True)
    play(curtain, printed=False)
    assert entered > 10
    assert printed.actions == curtain.actions
    assert state_digest(printed.state) == state_digest(curtain.state)
    kinds = {type(a).__name__ for a in printed.actions}
    assert {"Reveal", "Declare", "Vote"} <= kinds
    assert kinds & {"Stay", "Initiate", "Join", "SitOut"}
    assert all(c.session.printed_hands for c in heard)
    assert printed.hidden_cards() == []  # "Name a holder" lists nothing on a screen
    assert printed.room.printed_hands


def test_a_secret_ballot_on_paper_counts_as_the_curtain_ballot() -> None:
    """Paper ballots: the facilitator enters how many said yes; the board shows no one's
    ballot, and the game goes on exactly as with the same ballots behind the curtain."""
    for yes in (True, False):
        cfg = config(secret_ballot=True, seed=8, rounds=2)
        printed, heard = sit_down(cfg, printed=True)
        curtain, _ = sit_down(cfg, printed=False)
        play(printed, printed=True, ballot_yes=yes)
        play(curtain, printed=False, ballot_yes=yes)
        person_ballots = [a for a in printed.actions
                          if isinstance(a, Vote) and a.seat in PEOPLE]
        assert person_ballots
        assert all(a.approve is yes for a in person_ballots)
        assert printed.state.public == curtain.state.public
        assert all(v is None for c in heard for v in c.session.pending_votes)
        assert all(v is None for c in heard for v in c.view.votes)


def test_a_card_not_on_the_sheet_is_refused_and_nothing_moves() -> None:
    session, _ = sit_down(config(), printed=True)
    while public_act_seat(session.view, session.session) is None:
        state = session.state
        if session.next_move_in() is not None:
            session.move()
        else:
            session.submit(bot_action(state, seat_policy(state, state.public.actor)))
    state = session.state
    seat = state.public.actor
    assert seat is not None
    held = {c.domain for c in state.seats[seat].hand}
    other = next(d.id for d in state.ctx.scenario.domains if d.id not in held)
    before = session.actions
    assert not session.enter_act(PublicAct("reveal", seat, other))
    assert session.actions == before
    assert session.session.notice_code is not None
    assert session.session.notice_code.args["refusal"] == ENTERED_ACT_REFUSED
    wrong_seat = next(s for s in PEOPLE if s != seat)
    assert not session.enter_act(PublicAct("stay", wrong_seat))
    assert session.actions == before


def test_a_curtain_session_takes_no_public_acts() -> None:
    session, _ = sit_down(config(), printed=False)
    assert not session.enter_act(PublicAct("stay", 0))
    assert not session.enter_ballots(1)
    assert not session.room.printed_hands


def _hours_checks(seed: int) -> tuple[int, int, int]:
    """Plays a bot game and compares every seat's hours at each round start with the sheets:
    (checked, matched, halved at low motivation)."""
    scenario = cancer_care()
    cfg = attrs.evolve(config(seed=seed, turnover=0.4),
                       seats=tuple(attrs.evolve(s, bot="democratic-heavy")
                                   for s in config().seats))
    state = new_game(scenario, cfg)
    sheets = printed_sheets(state)
    holder: list[int | None] = [None] * 6
    seen, logged, arrivals = 0, 0, 0
    checked = matched = halved = 0
    while True:
        public = state.public
        if public.round != seen and not state.over:
            seen = public.round
            for entry in public.log[logged:]:
                if isinstance(entry.event, Arrived):
                    holder[entry.event.seat] = arrivals
                    arrivals += 1
            logged = len(public.log)
            for seat in range(6):
                k = holder[seat]
                if k is not None:
                    envelope = sheets.envelopes[k]
                    assert envelope.hand == state.seats[seat].hand
                    assert envelope.name == public.participants[seat].name
            if state.hidden.capacity_delta == 0:  # an event's change is said on the board
                for seat in range(6):
                    k = holder[seat]
                    sheet = (sheets.seats[seat].hours[seen - 1] if k is None
                             else sheets.envelopes[k].hours[seat][seen - 2])
                    expected = float(sheet)
                    if state.hidden.motivation_before[seat] <= sheets.low_motivation:
                        expected /= 2
                        halved += 1
                    if seen > 1 and seat in public.newcomers:
                        expected *= sheets.onboarding_factor
                    checked += 1
                    matched += expected == state.seats[seat].hours
        if state.over:
            return checked, matched, halved
        state = apply(state, bot_action(state, seat_policy(state, public.actor)))


def test_the_sheets_carry_the_hours_the_engine_draws_and_the_halving_rule_holds() -> None:
    """Each round's hours on a sheet (or an envelope, in the seat's row) are the engine's,
    halved exactly when the laptop's hidden motivation is low, times the onboarding factor
    in a newcomer's first round; envelopes open in arrival order."""
    checked = matched = halved = 0
    for seed in range(12):
        c, m, h = _hours_checks(seed)
        checked, matched, halved = checked + c, matched + m, halved + h
    assert checked > 200
    assert matched == checked
    assert halved > 0  # the halving rule was exercised


def test_the_sheets_have_a_page_per_seat_and_per_possible_newcomer() -> None:
    cfg = config()
    state = new_game(cancer_care(), cfg)
    sheets = printed_sheets(state)
    catalog = Catalog.of(state.ctx.scenario)
    book = pages(sheets, catalog)
    assert possible_arrivals(state) == 6 * 3 + 1  # turnover, and round 4's reorganisation
    assert len(book) == 6 + possible_arrivals(state)
    for seat, page in enumerate(book[:6]):
        text = page_text(page)
        assert f"P{seat + 1}" in text
        for card in state.seats[seat].hand:
            assert card_line(catalog, card) in text
        assert page.table[1][1:] == tuple(str(h) for h in sheets.seats[seat].hours)
    for number, page in enumerate(book[6:], start=1):
        assert page.title.startswith(f"Newcomer envelope {number}:")
        assert len(page.table) == 1 + 6  # a row for every seat they may take


def test_envelopes_due_name_the_envelope_each_newcomer_opens() -> None:
    session, _ = sit_down(config(seed=5, turnover=0.5), printed=True)
    seen: list[tuple[int, int]] = []
    while not session.state.over:
        state = session.state
        due = envelopes_due(session.view)
        for pair in due:
            if pair not in seen:
                seen.append(pair)
        session.fast_forward()
        round_no = state.public.round
        session.move(until=lambda r=round_no: session.state.public.round != r)
    assert [n for n, _ in seen] == list(range(1, len(seen) + 1))
    assert seen


def test_naming_a_holder_takes_the_card_the_holder_says_aloud() -> None:
    """Name a holder, printed: the laptop lists no hidden card; the holder says which card
    of their sheet they hold and it becomes public for good (a wrong one is refused)."""
    session, _ = sit_down(config(), printed=True)
    state = session.state
    assert session.hidden_cards() == []
    card = state.seats[1].hand[2]
    held = {c.domain for c in state.seats[1].hand}
    other = next(d.id for d in state.ctx.scenario.domains if d.id not in held)
    assert not session.enter_holder(1, other)
    assert session.session.notice_code is not None
    assert session.session.notice_code.args["refusal"] == ENTERED_ACT_REFUSED
    assert session.actions == ()
    assert session.enter_holder(1, card.domain)
    assert session.view.participants[1].public_cards[2] == card
    curtain, _ = sit_down(config(), printed=False)
    assert not curtain.enter_holder(1, card.domain)


def test_a_refused_entry_never_tells_the_room_which_cards_a_seat_holds() -> None:
    """Entering "seat n starts ‹task› signalling ‹domain›" domain after domain must not sort
    the domains into held and not held by the notice on the board: every refusal reads the
    same, whether the card is not on the sheet or is on it but does not match the task."""
    for seed in range(1, 40):
        session, _ = sit_down(config(seed=seed), printed=True)
        for _step in range(600):
            public = session.view
            if public.phase is Phase.TURNS and public_act_seat(public, session.session) \
                    is not None:
                break
            state = session.state
            if session.next_move_in() is not None:
                session.move()
            else:
                session.submit(bot_action(state, seat_policy(state, public.actor)))
        else:
            continue
        state = session.state
        seat = state.public.actor
        held = {c.domain for c in state.seats[seat].hand}
        refusals: dict[bool, set[str]] = {True: set(), False: set()}
        for task in (t for t in state.public.tasks if t.status == "open"):
            for domain in (d.id for d in state.ctx.scenario.domains):
                act = PublicAct("initiate", seat, domain, task.id)
                try:
                    check(state, to_action(state, act))
                    continue  # a valid act: entering it would play it
                except IllegalAction:
                    pass
                assert not session.enter_act(act)
                assert session.state is state  # nothing moved
                notice = session.session.notice_code
                assert notice is not None
                refusals[domain in held].add(str(notice.args["refusal"]))
        if not refusals[True]:
            continue  # every held card matched some task: try another deal
        assert refusals[True] == refusals[False] == {ENTERED_ACT_REFUSED}
        return
    raise AssertionError("no deal had a held card that matches no task")
