"""The debrief prompts ship in an editable file, and the debrief chooses them by the flags."""

from __future__ import annotations

import tomllib

from consortium.resources import asset_path
from consortium.ui.prompts import choose_prompts, load_prompts

KINDS = {"always", "jointholism", "alignophilia", "neither"}


def test_the_shipped_prompts_file_is_read() -> None:
    prompts = load_prompts()
    assert prompts  # the file exists in the installed package and parses
    assert {p.when for p in prompts} <= KINDS
    assert {"jointholism", "alignophilia", "neither", "always"} <= {p.when for p in prompts}
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
