"""Save files: the round trip, the layout, and one clear refusal for each way a file breaks."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

from consortium.engine.actions import Action, EndGame, ProposeBoard, Reveal
from consortium.engine.scenario_toml import MAX_SCENARIO_BYTES
from consortium.engine.simulate import bot_config
from consortium.engine.views import player_view, public_view
from consortium.store import save_load
from consortium.store.codec import unstructure
from consortium.store.digest import canonical_json, log_checks, save_digest, state_digest
from consortium.store.save_file import (
    FORMAT_VERSION,
    FORMAT_WITH_NOTES,
    FORMAT_WITHOUT_NOTES,
    MAX_SAVE_BYTES,
    RULES_VERSION,
    Room,
    SaveError,
    describe,
    session_code,
    write_save_file,
)
from consortium.store.save_load import load_save, parse_save, read_header, read_save_file
from consortium.store.scenario_document import scenario_document, toml_text
from consortium.store.scenarios import read_scenario_file
from tests.store.games import (
    SAVED,
    STARTED,
    Game,
    bot_game,
    cancer_care,
    games,
    play,
    save_bytes,
)


def refusal(data: bytes) -> list[str]:
    with pytest.raises(SaveError) as caught:
        load_save(data)
    return [str(p) for p in caught.value.problems]


def only_refusal(data: bytes) -> str:
    (problem,) = refusal(data)
    return problem


def edited(data: bytes, change: Callable[[dict[str, Any]], object]) -> bytes:
    tree = json.loads(data)
    change(tree)
    return json.dumps(tree).encode()


@pytest.fixture(scope="module")
def small() -> bytes:
    state, actions = bot_game(seed=3, steps=40)
    return save_bytes(state, actions)


# --- the round trip ----------------------------------------------------------------------------


@settings(max_examples=30)
@given(games())
def test_save_then_load_gives_the_same_game_and_the_same_views(game: Game) -> None:
    state, actions = play(game)
    data = save_bytes(state, actions)
    loaded = load_save(data)
    assert loaded.state == state
    assert save_bytes(loaded.state, loaded.save.actions, loaded.room) == data
    assert loaded.save.actions == tuple(actions)
    assert loaded.save.scenario == game.scenario
    assert loaded.save.config == game.config
    assert public_view(loaded.state) == public_view(state)
    for seat in range(len(state.seats)):
        assert player_view(loaded.state, seat) == player_view(state, seat)
    assert loaded.history.actions == tuple(actions)


def test_a_whole_game_round_trips_with_the_room() -> None:
    state, actions = bot_game("democratic-heavy", seed=11, seats=8, rounds=8)
    room = Room(people=(True,) * 4 + (False,) * 4, talk_clock=True, ended_early=False)
    loaded = load_save(save_bytes(state, actions, room))
    assert loaded.state == state
    assert loaded.room == room
    assert loaded.header.finished
    assert loaded.header.step == len(actions)


def test_saving_the_loaded_game_gives_the_same_bytes(small: bytes) -> None:
    loaded = load_save(small)
    assert save_bytes(loaded.state, loaded.save.actions, loaded.room) == small


def test_the_session_survives_its_scenario_file_being_edited_and_deleted(
    tmp_path: Path,
) -> None:
    scenario_file = tmp_path / "mine.toml"
    scenario_file.write_text(toml_text(scenario_document(cancer_care())), encoding="utf-8")
    scenario = read_scenario_file(scenario_file)
    config = bot_config(scenario, "balanced", 5, seats=4, rounds=3)
    state, actions = play(Game(scenario, config, (), 25))
    save = tmp_path / "session.consortium"
    save.write_bytes(save_bytes(state, actions))
    scenario_file.write_text("format = 1\n", encoding="utf-8")
    assert read_save_file(save).state == state
    scenario_file.unlink()
    assert read_save_file(save).state == state


def test_save_as_writes_a_file_that_opens(small: bytes, tmp_path: Path) -> None:
    loaded = load_save(small)
    path = tmp_path / "stick" / "workshop.consortium"
    path.parent.mkdir()
    path.write_bytes(b"an older file")
    write_save_file(path, loaded.state, loaded.save.actions, loaded.room,
                    started_at=STARTED, saved_at=SAVED)
    assert path.read_bytes() == small
    assert describe(SaveError.at("file", "is empty"), path) == f"{path}:\nfile: is empty"


# --- the layout --------------------------------------------------------------------------------


def test_the_header_is_the_first_line_and_the_file_is_plain_json(small: bytes) -> None:
    first = small.split(b"\n", 1)[0]
    assert first.startswith(b'{"header":') and first.endswith(b",")
    header = json.loads(first[:-1] + b"}")["header"]
    assert header["format"] == "consortium-save"
    assert header["format_version"] == FORMAT_WITHOUT_NOTES  # no debrief notes: format 3
    assert header["rules_version"] == RULES_VERSION
    assert header["saved_at"] == SAVED.isoformat()
    assert header["started_at"] == STARTED.isoformat()
    tree = json.loads(small)
    assert list(tree) == [
        "header", "scenario", "config", "seed", "room", "digest", "checks", "actions"
    ]
    assert all("type" in action for action in tree["actions"])
    assert len(tree["checks"]) == len(tree["actions"])
    assert small.count(b"\n") == len(tree["actions"]) + 9  # one action per line


def test_actions_are_tagged_with_their_class_name(small: bytes) -> None:
    tree = json.loads(small)
    loaded = load_save(small).save.actions
    assert [a["type"] for a in tree["actions"]] == [type(a).__name__ for a in loaded]
    assert unstructure(Reveal(0, 1), Action) == {"type": "Reveal", "seat": 0, "slot": 1}
    assert unstructure(EndGame(), Action) == {"type": "EndGame"}
    assert unstructure(ProposeBoard(("a", None)), Action) == {
        "type": "ProposeBoard",
        "placements": ["a", None],
    }


def test_the_header_reads_without_a_replay(
    small: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.consortium"
    path.write_bytes(small)
    expected = load_save(small).header

    def never(data: bytes) -> None:
        raise AssertionError("the whole file was read")

    monkeypatch.setattr(save_load, "parse_save", never)
    assert read_header(path) == expected
    assert expected.step == 40


def test_a_file_without_a_header_line_is_read_whole(small: bytes, tmp_path: Path) -> None:
    path = tmp_path / "pretty.consortium"
    path.write_text(json.dumps(json.loads(small), indent=2), encoding="utf-8")
    assert read_header(path) == load_save(small).header
    assert read_save_file(path).state == load_save(small).state


def test_the_digest_is_canonical_json_of_the_summary_and_the_log(small: bytes) -> None:
    loaded = load_save(small)
    checks = log_checks(loaded.save.actions)
    digest = save_digest(loaded.state, checks)
    assert digest.startswith("summary-3:sha256:")
    assert state_digest(loaded.state).startswith("summary-2:sha256:")  # the state alone
    assert canonical_json({"b": 1.0, "a": [0.1 + 0.2, 2.5]}) == '{"a":[0.3,2.5],"b":1}'
    assert json.loads(small)["digest"] == digest
    assert json.loads(small)["checks"] == checks


def test_the_session_code_depends_on_the_deal_not_on_names() -> None:
    state, _ = bot_game(seed=3, steps=0)
    config = state.ctx.config
    scenario = state.ctx.scenario
    import attrs

    renamed = attrs.evolve(
        config, seats=tuple(attrs.evolve(s, name=f"X{i}") for i, s in enumerate(config.seats))
    )
    reseeded = attrs.evolve(config, seed=config.seed + 1)
    assert session_code(scenario, renamed) == session_code(scenario, config)
    assert session_code(scenario, reseeded) != session_code(scenario, config)
    assert len(session_code(scenario, config)) == 14


# --- refusals: one place and a plain message each -------------------------------------------


def test_not_json(small: bytes) -> None:
    assert only_refusal(b"hello" + small).startswith("file: is not valid JSON at line 1, column 1")


def test_truncated(small: bytes) -> None:
    message = only_refusal(small[: len(small) // 3])
    assert message.startswith("file: is cut short at line")
    assert "the rest of the save is missing" in message


def test_a_save_cut_anywhere_is_called_cut_short(small: bytes) -> None:
    """Wherever a copy stops — inside a string, a key, ``true`` or a number — the trainer reads
    that the file was cut short, not that it holds a typo."""
    step = max(1, len(small) // 300)
    for cut in range(1, len(small) - 2, step):
        try:
            small[:cut].decode("utf-8")
        except UnicodeDecodeError:
            continue  # cut inside a character: the UTF-8 refusal says that
        message = only_refusal(small[:cut])
        assert message.startswith("file: is cut short at line"), (cut, small[cut - 20:cut])


def test_oversized_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.consortium"
    with path.open("wb") as stream:
        stream.truncate(MAX_SAVE_BYTES + 1)

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("a file over the limit was opened")

    monkeypatch.setattr(os, "open", never)
    with pytest.raises(SaveError) as caught:
        read_save_file(path)
    assert str(caught.value) == "file: is 1,048,577 bytes; a save may be at most 1,048,576 bytes"
    assert MAX_SAVE_BYTES == MAX_SCENARIO_BYTES


def test_wrong_encoding(small: bytes) -> None:
    for encoding in ("utf-16", "utf-16-le", "utf-16-be"):  # with and without a mark
        assert only_refusal(small.decode().encode(encoding)) == (
            "file: is saved as UTF-16; a save is UTF-8 text"
        ), encoding
    # what a power cut can leave: zeros, which are not UTF-16 text
    assert "UTF-16" not in only_refusal(bytes(len(small)))
    latin = small.replace(b'"Bot 1"', "\"Bj\u00f6rn\"".encode("latin-1"))
    assert only_refusal(latin).startswith("file: is not UTF-8 text (a wrong encoding")


def test_a_utf8_byte_order_mark_is_fine(small: bytes) -> None:
    assert load_save(b"\xef\xbb\xbf" + small).state == load_save(small).state


def test_future_format_version(small: bytes) -> None:
    newer = FORMAT_VERSION + 1
    written = f'"format_version":{FORMAT_WITHOUT_NOTES}'.encode()
    assert written in small
    data = small.replace(written, f'"format_version":{newer}'.encode(), 1)
    assert only_refusal(data) == (
        f"header.format_version: made for a newer Consortium (save format {newer}); this "
        f"version reads save format {FORMAT_VERSION} and older. Open it with a newer Consortium."
    )


def test_future_rules_version(small: bytes) -> None:
    data = small.replace(b'"rules_version":3', b'"rules_version":9', 1)
    assert only_refusal(data).startswith(
        "header.rules_version: made for a newer Consortium (rules version 9)"
    )


def test_rules_version_2_was_never_written_and_is_refused(small: bytes) -> None:
    data = small.replace(b'"rules_version":3', b'"rules_version":2', 1)
    assert only_refusal(data) == (
        "header.rules_version: no Consortium plays rules version 2; saves have 1 or 3"
    )


def test_not_a_save(small: bytes) -> None:
    assert only_refusal(b'{"title": "my notes"}') == (
        'file: is not a Consortium save (no header with format "consortium-save")'
    )
    assert only_refusal(b"[1, 2]") == (
        "file: is not a Consortium save (it holds a list, not an object)"
    )
    assert only_refusal(b"  \n") == "file: is empty"


def test_hand_edited_fields_name_the_field(small: bytes) -> None:
    def change(tree: dict[str, Any]) -> None:
        tree["config"]["rounds"] = "four"
        tree["actions"][3]["seat"] = 1.5
        tree["room"]["extra"] = True
        del tree["config"]["hand_size"]

    assert sorted(refusal(edited(small, change))) == [
        "actions[3].seat: must be a whole number, got 1.5",
        "config.hand_size: missing",
        'config.rounds: must be a whole number, got "four"',
        "room.extra: unknown key",
    ]


def test_a_broken_embedded_scenario_is_checked_like_a_toml_file(small: bytes) -> None:
    def change(tree: dict[str, Any]) -> None:
        tree["scenario"]["tasks"][2]["visible"] = ["no-such-domain"]

    problems = refusal(edited(small, change))
    assert 'scenario.tasks[2].visible[0]: unknown domain "no-such-domain"' in problems


def test_a_setup_the_game_cannot_start_from(small: bytes) -> None:
    def change(tree: dict[str, Any]) -> None:
        tree["config"]["seats"][1]["sector"] = "pirates"
        tree["config"]["rounds"] = 12

    problems = refusal(edited(small, change))
    assert 'config.seats[1].sector: unknown sector "pirates" in this scenario' in problems
    assert "config.rounds: must be from 3 to 8, got 12" in problems


def test_unknown_action_type(small: bytes) -> None:
    def change(tree: dict[str, Any]) -> None:
        tree["actions"][5] = {"type": "Bribe", "seat": 1}

    assert only_refusal(edited(small, change)).startswith(
        'actions[5]: unknown action type "Bribe"; known: CallVote, ChooseMode'
    )


def as_format_1(small: bytes) -> Callable[[dict[str, Any]], None]:
    """A change that makes a save as 0.1.0 wrote it: no checks, a summary-2 digest."""
    digest = state_digest(load_save(small).state, "summary-2")

    def change(tree: dict[str, Any]) -> None:
        del tree["checks"]
        tree["digest"] = digest
        tree["header"]["format_version"] = 1

    return change


def test_an_action_the_engine_refuses_names_the_step_and_the_reason(small: bytes) -> None:
    def change(tree: dict[str, Any]) -> None:
        as_format_1(small)(tree)  # no checks, which would name the step first
        tree["actions"].insert(2, {"type": "Continue"})
        tree["header"]["step"] += 1

    message = only_refusal(edited(small, change))
    assert message.startswith("actions[2]: step 3 (Continue) is refused: Continue is not possible")


def test_a_replay_that_misses_the_digest_is_refused(small: bytes) -> None:
    def change(tree: dict[str, Any]) -> None:
        del tree["actions"][-1], tree["checks"][-1]
        tree["header"]["step"] -= 1

    assert only_refusal(edited(small, change)) == (
        "digest: the log replays to a different game than the one saved: the file was "
        "changed by hand or damaged, so it is not opened"
    )


@pytest.mark.parametrize(
    "change",
    [
        lambda tree: tree["config"]["seats"][0].update(bot="self-select"),
        lambda tree: tree["config"]["seats"][1].update(bot=None),
        lambda tree: tree["config"].update(group_policy="democratic-heavy"),
        lambda tree: tree["config"].update(secret_ballot=True),
    ],
    ids=["a seat's bot", "a bot made a person", "the group policy", "the secret ballot"],
)
def test_a_setup_edited_by_hand_is_refused_even_when_the_board_replays_the_same(
    small: bytes, change: Callable[[dict[str, Any]], object]
) -> None:
    # The bots' moves are in the log, so the board replays the same; the game would go on
    # with other bots or ballots than the session that was saved.
    assert only_refusal(edited(small, change)) == (
        "digest: the log replays to a different game than the one saved: the file was "
        "changed by hand or damaged, so it is not opened"
    )


def test_a_save_digested_under_the_first_scheme_still_opens(small: bytes) -> None:
    state = load_save(small).state
    old = state_digest(state, "summary-1")
    assert old.startswith("summary-1:") and old != state_digest(state)
    loaded = load_save(edited(small, lambda tree: tree.update(digest=old)))
    assert loaded.state == state


def test_a_header_that_lies_is_refused(small: bytes) -> None:
    def change(tree: dict[str, Any]) -> None:
        tree["header"]["round"] += 1

    real = load_save(small).header.round
    assert only_refusal(edited(small, change)) == (
        f"header.round: says {real + 1} but the game replays to {real}; the file was changed "
        "by hand"
    )


def test_duplicate_keys_are_refused(small: bytes) -> None:
    data = small.replace(b'"seed":', b'"seed":1,"seed":', 1)
    assert only_refusal(data) == (
        'file: has the key "seed" twice in one object; which one is meant?'
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b'{"header": NaN}', "file: has a number JSON cannot hold (too many digits, NaN or "
                             "Infinity)"),
        (b"[" * 100_000, None),
        (b'{"a": ' + b"9" * 5000 + b"}", "file: has a number JSON cannot hold (too many "
                                          "digits, NaN or Infinity)"),
    ],
)
def test_hostile_json(text: bytes, message: str | None) -> None:
    problem = only_refusal(text)
    if message is not None:
        assert problem == message


def test_a_missing_file_and_a_folder(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="file: no such file"):
        read_save_file(tmp_path / "gone.consortium")
    with pytest.raises(SaveError, match="file: is a folder, not a save"):
        read_save_file(tmp_path)


# --- older rules -------------------------------------------------------------------------------


def test_an_older_rules_version_opens_when_the_replay_still_matches(
    small: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(save_load, "RULES_VERSION", RULES_VERSION + 1)
    assert parse_save(small).header.rules_version == RULES_VERSION
    assert load_save(small).save.actions == parse_save(small).actions


def test_an_older_rules_version_says_plainly_why_it_does_not_open(
    small: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    def change(tree: dict[str, Any]) -> None:
        tree["digest"] = "summary-1:sha256:" + "0" * 64

    monkeypatch.setattr(save_load, "RULES_VERSION", RULES_VERSION + 1)
    message = only_refusal(edited(small, change))
    assert message.startswith(
        f"header.rules_version: made with rules version {RULES_VERSION}; this Consortium plays "
        f"rules version {RULES_VERSION + 1}, and the saved game no longer replays the same"
    )


def test_the_rooms_predictions_and_agreement_are_kept_and_say_format_4(small: bytes) -> None:
    """A save with the debrief's notes (store/notes.py) says format 4 and reads them back; the
    same game without notes is the format-3 file it always was."""
    from consortium.store.notes import DebriefNotes, Predictions

    loaded = load_save(small)
    notes = DebriefNotes(
        Predictions(best_way=(("democratic", 3), ("self-selection", 5), ("hybrid", 1)),
                    task="t1", requirement="Radiology & imaging", named=(2,)),
        "We will name a knowledge owner for each task — «ärlig» & <fair>.",
    )
    room = attrs.evolve(loaded.room, notes=notes)
    data = save_bytes(loaded.state, loaded.save.actions, room)
    header = json.loads(data.split(b"\n", 1)[0][:-1] + b"}")["header"]
    assert header["format_version"] == FORMAT_WITH_NOTES == 4
    again = load_save(data)
    assert again.room.notes == notes
    assert again.state == loaded.state
    plain = save_bytes(loaded.state, loaded.save.actions, attrs.evolve(room, notes=DebriefNotes()))
    assert plain == small
