"""Compare tables, the data: twelve saves made here read as twelve rows with their debrief's
own figures, grouped by table code; broken and unfinished saves are listed with a reason and
never crash the comparison; the what-if stored in a save round-trips and is trusted only for
its own deal and seed count."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

from consortium.engine.game import opening
from consortium.engine.what_if_bands import what_if_result
from consortium.present.compare_data import (
    csv_table,
    missing_what_ifs,
    read_comparison,
    save_paths,
    text_table,
    with_what_if,
)
from consortium.present.debrief_data import build_debrief
from consortium.store.save_file import FORMAT_VERSION, Room
from consortium.store.save_load import load_save, read_save_file
from consortium.store.stored_what_if import StoredWhatIf
from consortium.store.table_code import table_code
from tests.compare.tables import DEALS, make_tables, table_config
from tests.report.saves import finished_game
from tests.store.games import bot_game, cancer_care, save_bytes

SEEDS = 3


@pytest.fixture(scope="module")
def twelve(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tables")
    make_tables(folder, seeds=SEEDS)
    return folder


def header_of(data: bytes) -> dict[str, object]:
    tree: dict[str, object] = json.loads(data.split(b"\n", 1)[0][:-1] + b"}")["header"]
    return tree


def test_a_save_keeps_its_what_if_and_says_format_5() -> None:
    state, actions = finished_game()
    scenario, config = state.ctx.scenario, state.ctx.config
    code = table_code(scenario, config)
    stored = StoredWhatIf.of(what_if_result(opening(scenario, config), seeds=2), code)
    plain = save_bytes(state, actions)
    data = save_bytes(state, actions, attrs.evolve(Room.of(config), what_if=stored))
    assert header_of(data)["format_version"] == FORMAT_VERSION == 5
    assert header_of(plain)["format_version"] == 3  # without it: the file it always was
    again = load_save(data)
    assert again.room.what_if == stored
    assert again.state == load_save(plain).state
    result = stored.result_for(code, config.rounds, 2)
    assert result is not None
    assert [b.impact for b in result.bands] == [
        b.impact for b in what_if_result(opening(scenario, config), seeds=2).bands]


def test_a_stored_what_if_of_another_game_or_seed_count_is_not_trusted() -> None:
    state, _actions = finished_game()
    scenario, config = state.ctx.scenario, state.ctx.config
    code = table_code(scenario, config)
    stored = StoredWhatIf.of(what_if_result(opening(scenario, config), seeds=2), code)
    assert stored.mismatch(code, config.rounds, 2) is None
    assert stored.mismatch(code, config.rounds, 100) == "2 replays per way, not 100"
    assert stored.mismatch("0000-0000", config.rounds, 2) == "worked out for another deal"
    assert stored.mismatch(code, config.rounds + 1, 2) is not None
    bad = attrs.evolve(stored, bands=(attrs.evolve(stored.bands[0], impact=attrs.evolve(
        stored.bands[0].impact, p10=99.0)), *stored.bands[1:]))
    assert bad.mismatch(code, config.rounds, 2) == "a band out of order"
    assert stored.result_for(code, config.rounds, 100) is None


def test_tables_of_one_deal_share_their_what_if() -> None:
    """Names, bots and the group's policy are each table's own; the what-if is the deal's."""
    a, b = table_config(DEALS[0], 0), table_config(DEALS[0], 1)
    assert a.seats != b.seats
    assert table_code(cancer_care(), a) == table_code(cancer_care(), b)
    assert what_if_result(opening(cancer_care(), a), seeds=2) == what_if_result(
        opening(cancer_care(), b), seeds=2)


def test_twelve_tables_give_twelve_rows_with_their_debriefs_figures(twelve: Path) -> None:
    comparison = read_comparison([twelve], seeds=SEEDS)
    assert comparison.problems == ()
    rows = comparison.rows
    assert [r.name for r in rows] == [f"table-{i:02d}" for i in range(1, 13)]
    assert [len(g.rows) for g in comparison.groups] == [3, 3, 3, 3]
    assert [g.code is None for g in comparison.groups] == [False, False, False, True]
    for group in comparison.groups[:3]:
        assert {r.code for r in group.rows} == {group.code}
    assert comparison.missing == 0
    for row in rows:
        loaded = read_save_file(row.path)
        m = build_debrief(loaded.state).metrics
        assert (row.impact, row.target, row.jointholism, row.alignophilia) == (
            m.impact, m.target, m.jointholism_index, m.alignophilia_index)
        assert row.lost == m.lost_perspectives_present + m.lost_perspectives_absent
        assert row.excluded == m.excluded_perspectives
        assert len(row.modes) == loaded.state.public.rounds
        assert row.what_if is not None and row.what_if.group is not None
        assert row.what_if.group.impact == m.impact
    text = text_table(comparison)
    assert "Same deal: " + rows[0].code in text
    table = csv_table(comparison)
    assert len(table.rows) == 12 and len(table.header) == len(table.rows[0])


def test_without_stored_what_ifs_one_per_deal_is_worked_out(tmp_path: Path) -> None:
    make_tables(tmp_path, stored=False, only=(0, 1, 9))
    comparison = read_comparison([tmp_path], seeds=2)
    assert comparison.missing == 3
    missing = missing_what_ifs(comparison)
    assert len(missing) == 2  # tables 1 and 2 played one deal
    found = {code: what_if_result(opening(loaded.state.ctx.scenario, loaded.state.ctx.config),
                                   seeds=2)
             for code, loaded in missing.items()}
    done = with_what_if(comparison, found)
    assert done.missing == 0
    first, second = done.rows[0], done.rows[1]
    assert first.code == second.code and first.band == second.band
    assert first.what_if is not None and first.what_if.group is not None
    assert first.what_if.group.impact == first.impact


def test_broken_and_unfinished_saves_are_listed_with_reasons(tmp_path: Path,
                                                             twelve: Path) -> None:
    good = tmp_path / "good.consortium"
    good.write_bytes((twelve / "table-01.consortium").read_bytes())
    whole = good.read_bytes()
    (tmp_path / "garbage.consortium").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "truncated.consortium").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "other.consortium").write_text('{"name": "a shopping list"}', "utf-8")
    state, actions = bot_game(steps=30)
    (tmp_path / "unfinished.consortium").write_bytes(save_bytes(state, actions))
    tree = json.loads(whole)
    tree["header"]["format_version"] = 99
    (tmp_path / "newer.consortium").write_text(json.dumps(tree), "utf-8")
    (tmp_path / "empty.consortium").write_bytes(b"")
    comparison = read_comparison([tmp_path, tmp_path / "missing.consortium"], seeds=SEEDS)
    assert [r.name for r in comparison.rows] == ["good"]
    reasons = {p.path.name: p.reason for p in comparison.problems}
    assert set(reasons) == {"garbage.consortium", "truncated.consortium", "other.consortium",
                            "unfinished.consortium", "newer.consortium", "empty.consortium",
                            "missing.consortium"}
    assert reasons["garbage.consortium"].startswith("unreadable")
    assert reasons["truncated.consortium"].startswith("cut short")
    assert reasons["other.consortium"] == "not a Consortium save"
    assert reasons["unfinished.consortium"].startswith("the game is not over (round ")
    assert reasons["newer.consortium"].startswith("made by a newer Consortium")
    assert reasons["missing.consortium"] == "no such file"
    assert "Not compared (7 files):" in text_table(comparison)


def test_a_folder_of_session_folders_gives_each_sessions_newest_save(tmp_path: Path,
                                                                    twelve: Path) -> None:
    for name in ("room-a", "room-b"):
        (tmp_path / name).mkdir()
    (tmp_path / "room-a" / "save-000001.consortium").write_bytes(b"old")
    (tmp_path / "room-a" / "save-000002.consortium").write_bytes(
        (twelve / "table-01.consortium").read_bytes())
    (tmp_path / "room-b" / "save-000007.consortium").write_bytes(
        (twelve / "table-02.consortium").read_bytes())
    (tmp_path / "notes.txt").write_text("not a save", "utf-8")
    paths, problems = save_paths([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == [
        "room-a/save-000002.consortium", "room-b/save-000007.consortium"]
    assert problems == []
    comparison = read_comparison([tmp_path], seeds=SEEDS)
    assert [r.name for r in comparison.rows] == ["room-a", "room-b"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert read_comparison([empty]).problems[0].reason.startswith("no Consortium saves")
