"""Join tokens: long enough to guess never, revoked the moment a seat changes hands."""

from __future__ import annotations

from consortium.phones.keys import TOKEN_BYTES, Lookup, SeatKeys


def test_a_token_carries_at_least_128_random_bits_and_opens_only_its_seat() -> None:
    keys = SeatKeys()
    tokens = {seat: keys.issue(seat) for seat in range(8)}
    assert TOKEN_BYTES * 8 >= 128
    assert len(set(tokens.values())) == 8
    assert all(len(t) >= 32 for t in tokens.values())  # 24 bytes, URL-safe base64
    for seat, token in tokens.items():
        assert keys.look_up(token) == Lookup(seat)
    assert keys.look_up("not-a-token") == Lookup(None)
    assert keys.look_up(tokens[0][:-1]) == Lookup(None)


def test_a_seat_that_changes_hands_gets_a_new_token_and_the_old_one_is_revoked() -> None:
    keys = SeatKeys()
    old = keys.issue(3)
    new = keys.issue(3)
    assert new != old
    assert keys.look_up(old) == Lookup(None, revoked=True)
    assert keys.look_up(new) == Lookup(3)
    keys.revoke(3)
    assert keys.look_up(new) == Lookup(None, revoked=True)
    assert keys.token_of(3) is None and keys.seats() == {}


def test_a_pin_stands_for_its_seats_live_token_only() -> None:
    keys = SeatKeys()
    token = keys.issue(2)
    pin = keys.pin_of(2)
    assert pin is not None and len(pin) == 6 and pin.isdigit()
    assert keys.token_for_pin(pin) == token
    keys.issue(2)  # the seat changes hands
    assert keys.token_for_pin(pin) is None
    assert keys.pin_of(2) != pin


def test_a_pin_opens_its_seat_once() -> None:
    keys = SeatKeys()
    token = keys.issue(0)
    pin = keys.pin_of(0)
    assert pin is not None
    assert keys.token_for_pin(pin) == token
    assert keys.token_for_pin(pin) is None  # used up: guessing it later opens nothing
    assert keys.look_up(token).seat == 0  # the phone keeps its link
