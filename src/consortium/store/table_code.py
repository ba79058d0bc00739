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
    """A code that cannot be read: ``kind`` says what is wrong (one of :data:`PROBLEMS`) and
    ``fields`` what it concerns, for :mod:`consortium.present.table_code_words` to put into
    the room's language; ``str()`` is the English, for logs and scripts."""

    def __init__(self, kind: str, english: str, **fields: str) -> None:
        super().__init__(english)
        self.kind = kind
        self.fields = fields


PROBLEMS = ("too-short", "letter", "mistyped", "unreadable", "unknown-scenario",
            "other-version", "sector")


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
    bits = _Bits()
    bits.fixed(VERSION, 4)
    bits.word(scenario.id)
    bits.fixed(int.from_bytes(scenario_hash(scenario), "big"), 8 * HASH_BYTES)
    bits.number(config.seed)
    bits.number(config.rounds)
    bits.number(round(config.turnover * 1000))
    bits.number(config.capacity)
    bits.number(config.hand_size)
    bits.fixed(1 if config.secret_ballot else 0, 1)
    width = max(1, (len(scenario.sectors) - 1).bit_length())
    bits.number(len(config.seats))
    bits.fixed(width, 4)
    for seat in config.seats:
        bits.fixed(sector_index[seat.sector], width)
    bits.number(len(config.schedule))
    for entry in config.schedule:
        bits.fixed(SCHEDULE[entry], 2)
    return _groups(_base32(bits.value, bits.length))


def read_table_code(code: str, scenarios: Mapping[str, Scenario]) -> tuple[Scenario,
                                                                           TableSetup]:
    """The scenario and set-up a code stands for. Raises :class:`TableCodeError` for a
    mistyped code, and for a scenario this laptop lacks or holds in another version."""
    setup = decode(code)
    scenario = scenarios.get(setup.scenario_id)
    if scenario is None:
        raise TableCodeError(
            "unknown-scenario",
            f"the code is for the scenario “{setup.scenario_id}”, which this laptop does not "
            "have: open its file first (Open a scenario file…)", scenario=setup.scenario_id)
    if scenario_hash(scenario) != setup.scenario_hash:
        raise TableCodeError(
            "other-version",
            f"the code is for another version of “{scenario.title}” ({setup.scenario_id}): "
            "its tasks, cards or rules differ from this laptop's copy; use the same file "
            "as the first table", title=scenario.title, scenario=setup.scenario_id)
    indices = [int(i) for i in setup.sectors]  # the code holds each seat's sector's place
    if any(i >= len(scenario.sectors) for i in indices):
        raise TableCodeError("sector", "the code names a sector the scenario does not have")
    return scenario, attrs.evolve(setup, sectors=tuple(scenario.sectors[i].id for i in indices))


def decode(code: str) -> TableSetup:
    """The set-up in a code, checked (without looking up its scenario)."""
    text = normalise(code)
    if len(text) < 3:
        raise TableCodeError("too-short", "the code is too short: type all its groups")
    body, check = text[:-1], text[-1]
    if any(ch not in ALPHABET for ch in body) or check not in CHECKS:
        bad = next(ch for ch in text if ch not in CHECKS)
        raise TableCodeError("letter", f"“{bad}” is not a letter a code uses", letter=bad)
    if CHECKS[_value(body) % 37] != check:
        raise TableCodeError("mistyped",
                             "the code was mistyped (its last character does not match): "
                             "check it group by group")
    try:
        return _read(_Reader(_value(body), 5 * len(body)))
    except (KeyError, ValueError) as error:
        raise TableCodeError("unreadable",
                             "the code cannot be read: check it group by group") from error


def normalise(code: str) -> str:
    """Upper case; spaces and dashes out; I and L read as 1, O as 0 (Crockford)."""
    text = "".join(ch for ch in code.upper() if ch not in " -\t\n")
    return text.translate(str.maketrans("ILO", "110"))


# --- the encoding ---------------------------------------------------------------------------
#
# The fields are packed as bits, not bytes, to keep the code short enough to read out: small
# numbers (rounds, hand size, seats) in a few bits each (Elias gamma), the seats' sectors and
# the schedule's modes in fixed widths, the scenario's id in base 37 (its letters, digits and
# hyphens). About 40 characters for a workshop's set-up.

ID_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789-"


class _Bits:
    """A bit string being written, most significant bit first."""

    def __init__(self) -> None:
        self.value = 0
        self.length = 0

    def fixed(self, value: int, width: int) -> None:
        if value < 0 or value >= 1 << width:
            raise ValueError(f"{value} does not fit in {width} bits")
        self.value = (self.value << width) | value
        self.length += width

    def number(self, value: int) -> None:
        """Elias gamma of ``value + 1``: 1 bit for 0, 3 for 1–2, 5 for 3–6, …"""
        if value < 0:
            raise ValueError("a table code holds no negative number")
        width = (value + 1).bit_length()
        self.fixed(0, width - 1)
        self.fixed(value + 1, width)

    def word(self, text: str) -> None:
        """An id (lowercase letters, digits, hyphens): its length, then its letters in base 37."""
        self.number(len(text))
        packed = 0
        for ch in text:
            packed = packed * len(ID_LETTERS) + ID_LETTERS.index(ch)
        self.fixed(packed, _word_width(len(text)))


class _Reader:
    """A bit string being read back, most significant bit first."""

    def __init__(self, value: int, length: int) -> None:
        self.value = value
        self.left = length

    def fixed(self, width: int) -> int:
        if width > self.left:
            raise ValueError("the code ends too soon")
        self.left -= width
        return (self.value >> self.left) & ((1 << width) - 1)

    def number(self) -> int:
        zeros = 0
        while self.fixed(1) == 0:
            zeros += 1
            if zeros > 64:
                raise ValueError("a number too long")
        value: int = ((1 << zeros) | self.fixed(zeros)) - 1
        return value

    def word(self) -> str:
        length = self.number()
        if length > 200:
            raise ValueError("an id too long")
        packed = self.fixed(_word_width(length))
        letters = []
        for _position in range(length):
            packed, rest = divmod(packed, len(ID_LETTERS))
            letters.append(ID_LETTERS[rest])
        if packed:
            raise ValueError("not an id")
        return "".join(reversed(letters))


def _word_width(length: int) -> int:
    largest: int = len(ID_LETTERS) ** length - 1
    return largest.bit_length()


def _read(bits: _Reader) -> TableSetup:
    version = bits.fixed(4)
    if version != VERSION:
        raise ValueError(f"version {version}")
    name = bits.word()
    digest = bits.fixed(8 * HASH_BYTES).to_bytes(HASH_BYTES, "big")
    seed, rounds, permille, capacity, hand_size = (bits.number() for _ in range(5))
    secret = bits.fixed(1)
    count = bits.number()
    width = bits.fixed(4)
    sectors = tuple(str(bits.fixed(width)) for _ in range(count))
    modes: dict[int, ScheduleEntry] = {v: k for k, v in SCHEDULE.items()}
    schedule = tuple(modes[bits.fixed(2)] for _ in range(bits.number()))
    if bits.left >= 5 or bits.value & ((1 << bits.left) - 1):
        raise ValueError("trailing data")
    return TableSetup(name, digest, seed, sectors, rounds, permille / 1000,
                      schedule, capacity, hand_size, bool(secret))


def _base32(value: int, length: int) -> str:
    """The bits, padded with zeros to whole characters, in Base32, and the check symbol."""
    pad = -length % 5
    value <<= pad
    body = "".join(ALPHABET[(value >> shift) & 31]
                   for shift in range(length + pad - 5, -1, -5))
    return body + CHECKS[_value(body) % 37]


def _value(body: str) -> int:
    value = 0
    for ch in body:
        value = value * 32 + ALPHABET.index(ch)
    return value


def _groups(text: str) -> str:
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))
