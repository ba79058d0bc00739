"""The debrief prompts ship in an editable file, and the debrief chooses them by the flags."""

from __future__ import annotations

import tomllib
from collections import Counter

from consortium.present.prompts import FLAGS, choose_prompts, load_prompts
from consortium.resources import asset_path

KINDS = {"always", "neither", *FLAGS}


def test_the_shipped_prompts_file_is_read() -> None:
    prompts = load_prompts()
    assert prompts  # the file exists in the installed package and parses
    assert {p.when for p in prompts} <= KINDS
    assert {p.when for p in prompts} == KINDS  # every flag has its questions
    # 2–3 discussion questions for each flag, so a trainer can pick
    per_flag = Counter(p.when for p in prompts)
    assert all(2 <= per_flag[flag] <= 3 for flag in FLAGS), per_flag
    # the file, not the built-in fallback, is what the debrief uses
    shipped = tomllib.loads(asset_path("prompts", "debrief.toml").read_text("utf-8"))
    assert [(p.when, p.text) for p in prompts] == [
        (p["when"], p["text"]) for p in shipped["prompt"]
    ]


def test_flags_choose_the_prompts() -> None:
    both = choose_prompts(True, True)
    assert len(both) == 3
    assert "Meetings took a large share" in both[0]
    assert "more alike than chance" in both[1]
    calm = choose_prompts(False, False)
    assert calm[0].startswith("Neither extreme took over")
    assert 2 <= len(calm) <= 3


def test_one_team_holding_the_hours_is_asked_about_first() -> None:
    herd = choose_prompts(True, False, concentration=True, crowding=True)
    assert len(herd) == 3
    assert "one team" in herd[0] and "other tasks stood open" in herd[0]
    assert "Meetings took a large share" in herd[1]
    assert not any(p.startswith("Neither extreme") for p in herd)
    # concentration alone: its two questions, then a general one; never "neither"
    alone = choose_prompts(False, False, concentration=True)
    assert "one team" in alone[0] and "tasks nobody worked on" in alone[1]
    assert "who decides who does what" in alone[2]


def test_crowding_and_turnover_have_their_questions() -> None:
    crowded = choose_prompts(False, False, crowding=True)
    assert crowded[0].startswith("Neither extreme")  # neither extreme was flagged ...
    assert "more people than the task could use" in crowded[1]  # ... but teams were crowded
    moved = choose_prompts(True, False, turnover=True)
    assert "Meetings took a large share" in moved[0]
    assert "came and went" in moved[1]
    assert len(set(moved)) == len(moved) == 3
