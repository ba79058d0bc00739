"""``consortium validate`` in the trainer's language: the problems of a broken scenario read
in Swedish, each at its place in the file and with the file's own values as written.

The command picks its language as the window does: ``CONSORTIUM_LANGUAGE``, else the
settings' language, else the system's (here gettext's ``LANGUAGE``). Each run gets its own
empty settings folder, so the machine's own settings never decide the language here.

These compare Swedish sentences, so they need the Swedish catalogue to hold the checker's
messages (``/work/notes/sv-h-msgs.json`` until it is merged into the ``.po``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from consortium.resources import asset_path
from consortium.store.paths import APP_NAME, SETTINGS_FILE

SHIPPED = asset_path("scenarios", "cancer-care.toml").read_text("utf-8")
LANGUAGE_VARIABLES = ("CONSORTIUM_LANGUAGE", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def validate(path: Path, home: Path, **environment: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in LANGUAGE_VARIABLES}
    env.update(XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               LANG="C.UTF-8", PYTHONIOENCODING="utf-8", **environment)
    return subprocess.run([sys.executable, "-m", "consortium", "validate", str(path)],
                          capture_output=True, text=True, encoding="utf-8", timeout=120,
                          env=env, check=False)


def broken_scenario(folder: Path) -> Path:
    """The shipped scenario with a trainer's three slips: a misspelt key, a word where a
    number goes, and a family that is not there."""
    text = (SHIPPED.replace("effort = 34", 'effort = "ten"', 1)
            .replace('id = "cancer-care"', 'id = "cancer-care"\ncolour = "red"', 1))
    first_family = text.index("home_family = ")
    text = text[:first_family] + text[first_family:].replace(
        text[first_family:].split("\n", 1)[0], 'home_family = "tecnical"', 1)
    path = folder / "mine.toml"
    path.write_text(text, "utf-8")
    return path


SWEDISH = [
    'okänd nyckel; i den översta nivån finns format, id, title, target, families, domains, '
    'sectors, tasks, blurb, language, defaults, rules, events',
    'måste vara ett heltal från 1 till 1000, inte "ten"',
    'okänd kunskapsfamilj "tecnical" (menade du "technical"?)',
]


def test_validate_lists_a_broken_scenarios_problems_in_the_systems_language(
    tmp_path: Path,
) -> None:
    path = broken_scenario(tmp_path)
    result = validate(path, tmp_path, LANGUAGE="sv")
    assert result.returncode == 2, result.stderr
    assert result.stdout.splitlines() == [
        f"{path}: colour: {SWEDISH[0]}",
        f"{path}: tasks[0].effort: {SWEDISH[1]}",
        f"{path}: sectors[0].home_family: {SWEDISH[2]}",
    ]


def test_the_settings_language_is_the_commands_and_the_variable_overrides_it(
    tmp_path: Path,
) -> None:
    path = broken_scenario(tmp_path)
    settings = tmp_path / "config" / APP_NAME / SETTINGS_FILE
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"language": "sv"}), "utf-8")
    swedish = validate(path, tmp_path)
    assert f"{path}: tasks[0].effort: {SWEDISH[1]}" in swedish.stdout.splitlines()
    english = validate(path, tmp_path, CONSORTIUM_LANGUAGE="en")
    assert (f'{path}: tasks[0].effort: must be a whole number from 1 to 1000, got "ten"'
            in english.stdout.splitlines())


def test_a_whole_file_problem_names_the_file_and_groups_its_size_in_swedish(
    tmp_path: Path,
) -> None:
    path = tmp_path / "huge.toml"
    path.write_bytes(b"#" * (1024 * 1024 + 1))
    result = validate(path, tmp_path, LANGUAGE="sv")
    assert result.stdout == (
        f"{path}: fil: är 1\u00a0048\u00a0577 byte; ett scenario får vara högst "
        "1\u00a0048\u00a0576 byte\n")
