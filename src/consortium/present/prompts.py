"""The debrief script and the discussion prompts (FACILITATION.md, "The debrief script").

The prompts belong in an editable, translatable file, ``assets/prompts/debrief.toml``
(``[[prompt]]`` tables with ``when`` = one of :data:`FLAGS`, "neither" or "always", and
``text``). Until that file ships, the defaults below are used; when it exists it replaces them,
so trainers edit text, not code.

The debrief raises a flag for each thing worth discussing: the engine's ``jointholism``,
``alignophilia`` and ``concentration`` flags, and two the debrief reads off the figures
(``crowding``, ``turnover``; see ``debrief_data.chosen_prompts``). "neither" stands in when none
of the first three (the two extremes and the one big team that hides them) was raised.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from typing import IO

import attrs

from consortium.present.i18n import N_, _
from consortium.resources import asset_path

SCRIPT: tuple[tuple[str, str], ...] = (
    (N_("1. React (4 min)"), N_("When did you feel useless? Who waited longest?")),
    (N_("2. Reconstruct (6 min)"),
     N_("The time budget across rounds; lost perspectives with the Reveal.")),
    (
        # Translators: the debrief's third step, a verb: put names to what happened
        N_("3. Name (4 min)"),
        N_("The two ways of organizing and their two extremes, in plain words: talk crowding "
           "out action (jointholism); similarity pushed so far that needed perspectives are "
           "shut out (alignophilia)."),
    ),
    (
        N_("4. Transfer (6 min)"),
        N_("In your partnership, who decides who does what? Name one condition you could "
           "create so that individuals can contribute time, knowledge and effort."),
    ),
)
TRANSFER_QUESTION = SCRIPT[3][1]
"""The debrief script in English (marked for the catalogue); :func:`script` translates it."""


def script() -> tuple[tuple[str, str], ...]:
    """The debrief script's steps, (step, what to do), in the current language."""
    return tuple((_(step), _(text)) for step, text in SCRIPT)


@attrs.frozen
class Screen:
    """One screen of the revealed debrief on the board, with the facilitator's note for it
    (on the laptop only)."""

    key: str
    title: str  # English, marked; translate where shown
    note: str


SCREENS: tuple[Screen, ...] = (
    Screen("react", N_("React"),
           N_("4 min. The question is on the board: let three or four people answer before "
              "anyone points at the story; then find the rounds they mean in it.")),
    Screen("reconstruct", N_("Reconstruct"), SCRIPT[1][1]),
    # Translators: the debrief's third step, a verb (the seats table's column is "column|Name")
    Screen("name", N_("Name"), SCRIPT[2][1]),
    Screen("what-if", N_("What if"),
           N_("The same deal played by bots the other ways, 100 times each: where does the "
              "group's result fall? Bots, not people — ask what people did that bots could "
              "not, and the other way round. Then the room's first prediction.")),
    Screen("transfer", N_("Transfer"),
           N_("6 min. Ask for one condition, not a list. When the room agrees, type it here: "
              "it shows on the board, is saved, and goes into the report and the handout.")),
    Screen("details", N_("All the figures"),
           N_("The long tables: every hand, who was alike, perspectives, motivation. For "
              "questions from the room; the script is done.")),
)
"""The revealed debrief, one screen at a time (FACILITATION.md's script, plus the what-if
and the long tables one click away)."""


FLAGS: tuple[str, ...] = ("concentration", "jointholism", "alignophilia", "crowding", "turnover")
"""The flags in the order their prompts are offered: the one big team first (it hides both
extremes from the indices), then the two extremes, then what v3 adds to jointholism."""
MAIN_FLAGS = frozenset(FLAGS[:3])
"""Without any of these, the "neither" prompts are offered first."""
FLAG_PROMPTS = 2
"""Prompts chosen by flags, at most; the "always" ones fill up to :data:`MAX_PROMPTS`."""
MAX_PROMPTS = 3


@attrs.frozen
class Prompt:
    when: str
    text: str


DEFAULT_PROMPTS: tuple[Prompt, ...] = (
    Prompt(
        "jointholism",
        N_("Meetings took a large share of everyone's hours. Which talk moved the work on, and "
           "which only felt like progress?"),
    ),
    Prompt(
        "alignophilia",
        N_("Teams were much more alike than chance. Whose knowledge was in the room but never "
           "reached the task that needed it?"),
    ),
    Prompt(
        "concentration",
        N_("Most of the hours went to one team while other tasks stood open. How did so many "
           "people end up on the same task, and who decided?"),
    ),
    Prompt(
        "crowding",
        N_("Some teams had more people than the task could use. What did the extra people do, "
           "and what could they have done elsewhere?"),
    ),
    Prompt(
        "turnover",
        N_("People came and went during the game. What did each newcomer cost the team before "
           "they could help, and what left with those who went?"),
    ),
    Prompt(
        "neither",
        N_("Neither extreme took over. What in the way you organized kept talk short and teams "
           "open?"),
    ),
    Prompt(
        "always",
        N_("In your partnership, who decides who does what? Name one condition you could create "
           "so that individuals can contribute time, knowledge and effort."),
    ),
    Prompt("always", N_("When did you feel useless? Who waited longest?")),
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
    jointholism: bool,
    alignophilia: bool,
    prompts: tuple[Prompt, ...] | None = None,
    *,
    concentration: bool = False,
    crowding: bool = False,
    turnover: bool = False,
) -> tuple[str, ...]:
    """Two or three prompts: up to :data:`FLAG_PROMPTS` for the raised flags in :data:`FLAGS`
    order (the first prompt of each flag, then the second of each, …; the "neither" ones
    first when none of the main flags was raised), then the "always" ones, three at most."""
    pool = prompts if prompts is not None else load_prompts()
    raised = {
        "jointholism": jointholism,
        "alignophilia": alignophilia,
        "concentration": concentration,
        "crowding": crowding,
        "turnover": turnover,
    }
    wanted = [flag for flag in FLAGS if raised[flag]]
    if not MAIN_FLAGS & set(wanted):
        wanted.insert(0, "neither")
    by_flag = [[p.text for p in pool if p.when == flag] for flag in wanted]
    chosen: list[str] = []
    for rank in range(max((len(texts) for texts in by_flag), default=0)):
        chosen += [texts[rank] for texts in by_flag if rank < len(texts)]
    chosen = chosen[:FLAG_PROMPTS]
    chosen += [p.text for p in pool if p.when == "always" and p.text not in chosen]
    # the shipped file's texts are in the catalogue (:func:`extract_prompts`); a trainer's own
    # text has no translation and is shown as written
    return tuple(_(text) for text in chosen[:MAX_PROMPTS])


def extract_prompts(
    fileobj: IO[bytes], keywords: object, comment_tags: object, options: object
) -> Iterator[tuple[int, str, str, list[str]]]:
    """Babel's extractor for a prompts file (babel.cfg): each prompt's ``text``, so the
    shipped prompts are translated in the catalogue like every other word. Plain Python (no
    Babel import): Babel calls it with the file open."""
    text = fileobj.read().decode("utf-8")
    lines = text.splitlines()
    for prompt in tomllib.loads(text).get("prompt", []):
        if isinstance(prompt, dict) and isinstance(prompt.get("text"), str):
            number = next((n for n, line in enumerate(lines, 1)
                           if line.startswith("text") and prompt["text"] in line), 0)
            yield number, "", prompt["text"], [f"when: {prompt.get('when', 'always')}"]
