"""The debrief prompts ship in an editable file, and the debrief chooses them by the flags."""

from __future__ import annotations

import tomllib
from collections import Counter

from consortium.present.i18n import _
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


def source(flag: str, rank: int = 0) -> str:
    """The shipped file's ``rank``-th prompt for ``flag``, as written (English, the source)."""
    return [p.text for p in load_prompts() if p.when == flag][rank]


def asked(flag: str, rank: int = 0) -> str:
    """That prompt as the debrief shows it, in the current language."""
    return _(source(flag, rank))


def test_each_flag_asks_its_own_question() -> None:
    assert "Meetings took a large share" in source("jointholism")
    assert "more alike than chance" in source("alignophilia")
    assert source("neither").startswith("Neither extreme took over")
    assert "one team" in source("concentration")
    assert "other tasks stood open" in source("concentration")
    assert "tasks nobody worked on" in source("concentration", 1)
    assert "who decides who does what" in source("always")
    assert "more people than the task could use" in source("crowding")
    assert "came and went" in source("turnover")


def test_flags_choose_the_prompts() -> None:
    both = choose_prompts(True, True)
    assert both == (asked("jointholism"), asked("alignophilia"), asked("always"))
    calm = choose_prompts(False, False)
    assert calm == (asked("neither"), asked("neither", 1), asked("always"))


def test_one_team_holding_the_hours_is_asked_about_first() -> None:
    herd = choose_prompts(True, False, concentration=True, crowding=True)
    assert herd == (asked("concentration"), asked("jointholism"), asked("always"))
    assert asked("neither") not in herd
    # concentration alone: its two questions, then a general one; never "neither"
    alone = choose_prompts(False, False, concentration=True)
    assert alone == (asked("concentration"), asked("concentration", 1), asked("always"))


def test_crowding_and_turnover_have_their_questions() -> None:
    crowded = choose_prompts(False, False, crowding=True)
    # neither extreme was flagged ... but teams were crowded
    assert crowded[:2] == (asked("neither"), asked("crowding"))
    moved = choose_prompts(True, False, turnover=True)
    assert moved[:2] == (asked("jointholism"), asked("turnover"))
    assert len(set(moved)) == len(moved) == 3
