"""Table codes (issue 16): a code a trainer reads out or writes on the whiteboard, so that
another table — another laptop — sets up the very same game: the same deals, newcomers and
events.

A code carries the scenario's id and a hash of its content, the seed, the seats' sectors, the
rounds, the turnover, the mode schedule, the capacity, the hand size and the secret ballot —
as long as it must be to carry them. Who sits where (names, person or bot) is each table's
own. It is written in Crockford's Base32 (digits and capitals without I, L, O and U, so
nothing reads as another letter; lower case, spaces and dashes are ignored, I and L read as 1
and O as 0) in groups of four, and ends with Crockford's check symbol (the value modulo 37),
which catches any one mistyped character and any two neighbours swapped.

The 12-character ``session_code`` in a save's header is a different thing (a fingerprint
the loader and the digest rely on); this one is a set-up to type in.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

import attrs

from consortium.engine.scenario import Scenario
from consortium.engine.state import GameConfig, Mode, ScheduleEntry, SeatSetup
from consortium.store.digest import canonical_json
from consortium.store.save_file import scenario_tree

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's Base32
CHECKS = ALPHABET + "*~$=U"  # the check symbol's 37 values
VERSION = 1
HASH_BYTES = 4  # 32 bits of the scenario's content: a trainer's edit shows
SCHEDULE: dict[ScheduleEntry, int] = {
    Mode.DEMOCRATIC: 0, Mode.SELF_SELECTION: 1, Mode.HYBRID: 2, "choose": 3}


class TableCodeError(ValueError):
    """A code that cannot be read, with what is wrong in plain words."""


@attrs.frozen
class TableSetup:
    """What a table code carries (the seats by sector only)."""

    scenario_id: str
    scenario_hash: bytes
    seed: int
    sectors: tuple[str, ...]  # sector ids (from :func:`decode` alone: their places)
    rounds: int
    turnover: float
    schedule: tuple[ScheduleEntry, ...]
    capacity: int
    hand_size: int
    secret_ballot: bool

    def config(self, names: tuple[str, ...] = (), bots: tuple[str | None, ...] = ()
               ) -> GameConfig:
        """The game's set-up, with this table's own names and bots (people by default)."""
        seats = tuple(
            SeatSetup(names[i] if i < len(names) else f"Participant {i + 1}", sector,
                      bots[i] if i < len(bots) else None)
            for i, sector in enumerate(self.sectors))
        return GameConfig(seats=seats, rounds=self.rounds, turnover=self.turnover,
                          schedule=self.schedule, seed=self.seed, capacity=self.capacity,
                          hand_size=self.hand_size, secret_ballot=self.secret_ballot)


def scenario_hash(scenario: Scenario) -> bytes:
    """The first bytes of the scenario's content hash (its canonical tree, as a save holds
    it): two trainers' copies that differ in any word or number differ here."""
    return hashlib.sha256(canonical_json(scenario_tree(scenario)).encode(
        "utf-8", "surrogatepass")).digest()[:HASH_BYTES]


def table_code(scenario: Scenario, config: GameConfig) -> str:
    """The code of a set-up, e.g. ``1CNC-ERCA-RE0Q-…-7``."""
    sector_index = {s.id: i for i, s in enumerate(scenario.sectors)}
    data = bytearray([VERSION])
    name = scenario.id.encode("utf-8")
    data += _varint(len(name)) + name + scenario_hash(scenario)
    data += _varint(config.seed) + _varint(config.rounds)
    data += _varint(round(config.turnover * 1000))
    data += _varint(config.capacity) + _varint(config.hand_size)
    data += _varint(1 if config.secret_ballot else 0)
    data += _varint(len(config.seats))
    for seat in config.seats:
        data += _varint(sector_index[seat.sector])
    data += _varint(len(config.schedule))
    for entry in config.schedule:
        data += _varint(SCHEDULE[entry])
    return _groups(_base32(bytes(data)))


def read_table_code(code: str, scenarios: Mapping[str, Scenario]) -> tuple[Scenario,
                                                                           TableSetup]:
    """The scenario and set-up a code stands for. Raises :class:`TableCodeError` for a
    mistyped code, and for a scenario this laptop lacks or holds in another version."""
    setup = decode(code)
    scenario = scenarios.get(setup.scenario_id)
    if scenario is None:
        raise TableCodeError(
            f"the code is for the scenario “{setup.scenario_id}”, which this laptop does not "
            "have: open its file first (Open a scenario file…)")
    if scenario_hash(scenario) != setup.scenario_hash:
        raise TableCodeError(
            f"the code is for another version of “{scenario.title}” ({setup.scenario_id}): "
            "its tasks, cards or rules differ from this laptop's copy; use the same file "
            "as the first table")
    indices = [int(i) for i in setup.sectors]  # the code holds each seat's sector's place
    if any(i >= len(scenario.sectors) for i in indices):
        raise TableCodeError("the code names a sector the scenario does not have")
    return scenario, attrs.evolve(setup, sectors=tuple(scenario.sectors[i].id for i in indices))


def decode(code: str) -> TableSetup:
    """The set-up in a code, checked (without looking up its scenario)."""
    text = normalise(code)
    if len(text) < 3:
        raise TableCodeError("the code is too short: type all its groups")
    body, check = text[:-1], text[-1]
    if any(ch not in ALPHABET for ch in body) or check not in CHECKS:
        bad = next(ch for ch in text if ch not in CHECKS)
        raise TableCodeError(f"“{bad}” is not a letter a code uses")
    if CHECKS[_value(body) % 37] != check:
        raise TableCodeError("the code was mistyped (its last character does not match): "
                             "check it group by group")
    data = _unbase32(body)
    try:
        return _read(data)
    except (IndexError, KeyError, ValueError, UnicodeDecodeError) as error:
        raise TableCodeError("the code cannot be read: check it group by group") from error


def normalise(code: str) -> str:
    """Upper case; spaces and dashes out; I and L read as 1, O as 0 (Crockford)."""
    text = "".join(ch for ch in code.upper() if ch not in " -\t\n")
    return text.translate(str.maketrans("ILO", "110"))


# --- the encoding ---------------------------------------------------------------------------


def _read(data: bytes) -> TableSetup:
    position = 0

    def number() -> int:
        nonlocal position
        value = shift = 0
        while True:
            byte = data[position]
            position += 1
            value |= (byte & 0x7F) << shift
            if not byte & 0x80:
                return value
            shift += 7
            if shift > 63:
                raise ValueError("a number too long")

    version = number()
    if version != VERSION:
        raise ValueError(f"version {version}")
    length = number()
    name = data[position:position + length].decode("utf-8")
    position += length
    digest = data[position:position + HASH_BYTES]
    position += HASH_BYTES
    if len(digest) != HASH_BYTES:
        raise ValueError("short")
    seed, rounds, permille, capacity, hand_size, secret = (number() for _ in range(6))
    sectors = tuple(str(number()) for _ in range(number()))
    modes: dict[int, ScheduleEntry] = {v: k for k, v in SCHEDULE.items()}
    schedule = tuple(modes[number()] for _ in range(number()))
    if position != len(data):
        raise ValueError("trailing data")
    return TableSetup(name, bytes(digest), seed, sectors, rounds, permille / 1000,
                      schedule, capacity, hand_size, bool(secret))


def _varint(value: int) -> bytes:
    if value < 0:
        raise ValueError("a table code holds no negative number")
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _base32(data: bytes) -> str:
    """The bytes as one big number in Base32, with a leading 1 so leading zero bytes stay."""
    value = int.from_bytes(b"\x01" + data, "big")
    digits = []
    while value:
        value, rest = divmod(value, 32)
        digits.append(ALPHABET[rest])
    body = "".join(reversed(digits))
    return body + CHECKS[_value(body) % 37]


def _value(body: str) -> int:
    value = 0
    for ch in body:
        value = value * 32 + ALPHABET.index(ch)
    return value


def _unbase32(body: str) -> bytes:
    value = _value(body)
    raw = value.to_bytes((value.bit_length() + 7) // 8, "big")
    if not raw or raw[0] != 1:
        raise TableCodeError("the code cannot be read: check it group by group")
    return raw[1:]


def _groups(text: str) -> str:
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))
