"""The debrief script and the discussion prompts (FACILITATION.md, "The debrief script").

The prompts belong in an editable, translatable file, ``assets/prompts/debrief.toml``
(``[[prompt]]`` tables with ``when`` = "always" | "jointholism" | "alignophilia" |
"neither" and ``text``). Until that file ships, the defaults below are used; when it exists it
replaces them, so trainers edit text, not code.
"""

from __future__ import annotations

import tomllib

import attrs

from consortium.resources import asset_path

SCRIPT: tuple[tuple[str, str], ...] = (
    ("1. React (4 min)", "When did you feel useless? Who waited longest?"),
    ("2. Reconstruct (6 min)", "The time budget across rounds; lost perspectives with the Reveal."),
    (
        "3. Name (4 min)",
        "The two ways of organizing and their two extremes, in plain words: talk crowding out "
        "action (jointholism); similarity pushed so far that needed perspectives are shut out "
        "(alignophilia).",
    ),
    (
        "4. Transfer (6 min)",
        "In your partnership, who decides who does what? Name one condition you could create "
        "so that individuals can contribute time, knowledge and effort.",
    ),
)


@attrs.frozen
class Prompt:
    when: str
    text: str


DEFAULT_PROMPTS: tuple[Prompt, ...] = (
    Prompt(
        "jointholism",
        "Meetings took a large share of everyone's hours. Which talk moved the work on, and "
        "which only felt like progress?",
    ),
    Prompt(
        "alignophilia",
        "Teams were much more alike than chance. Whose knowledge was in the room but never "
        "reached the task that needed it?",
    ),
    Prompt(
        "neither",
        "Neither extreme took over. What in the way you organized kept talk short and teams "
        "open?",
    ),
    Prompt(
        "always",
        "In your partnership, who decides who does what? Name one condition you could create "
        "so that individuals can contribute time, knowledge and effort.",
    ),
    Prompt("always", "When did you feel useless? Who waited longest?"),
)


def load_prompts() -> tuple[Prompt, ...]:
    """The shipped prompts file if there is one, else the defaults."""
    try:
        data = tomllib.loads(asset_path("prompts", "debrief.toml").read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError, ValueError):
        return DEFAULT_PROMPTS
    found = tuple(
        Prompt(str(p.get("when", "always")), str(p["text"]))
        for p in data.get("prompt", [])
        if isinstance(p, dict) and "text" in p
    )
    return found or DEFAULT_PROMPTS


def choose_prompts(
    jointholism: bool, alignophilia: bool, prompts: tuple[Prompt, ...] | None = None
) -> tuple[str, ...]:
    """Two or three prompts: one per raised flag (or the 'neither' one), then the general
    ones, three at most."""
    pool = prompts if prompts is not None else load_prompts()
    wanted = [w for w, on in (("jointholism", jointholism), ("alignophilia", alignophilia)) if on]
    if not wanted:
        wanted = ["neither"]
    chosen = [p.text for w in wanted for p in pool if p.when == w][:2]
    chosen += [p.text for p in pool if p.when == "always"]
    return tuple(chosen[:3])
