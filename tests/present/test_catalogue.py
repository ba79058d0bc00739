"""The translation catalogue: the committed template holds every word the code shows, and a
translation compiles to what the program loads (scripts/catalogue.py, babel.cfg)."""

from __future__ import annotations

import gettext
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from consortium.present.i18n import DOMAIN

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def catalogue_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("consortium_catalogue",
                                                  ROOT / "scripts" / "catalogue.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["consortium_catalogue"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def extracted(catalogue_script: ModuleType) -> Catalog:
    """Babel's extractor run over the code now."""
    catalog: Catalog = catalogue_script.extract()
    return catalog


def test_the_committed_template_is_current(
    catalogue_script: ModuleType, extracted: Catalog
) -> None:
    """Every message in the code (and the shipped prompts) is in assets/translations/
    consortium.pot, and the template holds no word the code no longer uses: run
    `python scripts/catalogue.py` and commit the .pot."""
    committed = catalogue_script.message_keys(catalogue_script.read(catalogue_script.POT))
    in_code = catalogue_script.message_keys(extracted)
    missing = sorted(map(str, in_code - committed))
    stale = sorted(map(str, committed - in_code))
    assert not missing, f"not in the .pot (run scripts/catalogue.py): {missing[:10]}"
    assert not stale, f"in the .pot but no longer in the code: {stale[:10]}"


def test_the_extractor_finds_each_kind_of_word(extracted: Catalog) -> None:
    """``_`` in a widget, ``N_`` in a table of labels, both forms of an ``ngettext`` plural,
    and a shipped prompt from assets/prompts (its own extractor)."""
    assert "Show my hand" in extracted  # _() in ui/laptop/curtain.py
    assert "Placing people on tasks" in extracted  # N_() in present/labels.py
    plural = extracted["{count} card not shown"]
    assert plural is not None and plural.id == ("{count} card not shown",
                                                "{count} cards not shown")
    assert "How did you know you had talked enough to start working?" in extracted
    locations = {file for file, _line in extracted["Pit stop"].locations}
    assert "src/consortium/present/labels.py" in locations


def test_no_message_is_built_from_pieces_of_english(extracted: Catalog) -> None:
    """A message starting or ending in a space, or only punctuation, is a sentence glued
    together in code: a translator cannot reorder it. (Suffixes a Qt widget draws apart, like
    a spin box's " hands", are the one exception and are listed here.)"""
    suffixes = {" hands"}
    glued = [m.id for m in extracted if isinstance(m.id, str) and m.id
             and m.id not in suffixes and m.id != m.id.strip()]
    assert not glued


def test_a_compiled_translation_is_what_the_program_loads(
    catalogue_script: ModuleType, extracted: Catalog, tmp_path: Path
) -> None:
    """A translation with its own plural rule, compiled as scripts/catalogue.py compiles it,
    is read by the standard library's gettext (what consortium.present.i18n uses at run
    time; Babel is not needed there)."""
    catalog = Catalog(locale="pl", domain=DOMAIN)  # three plural forms
    catalog.update(extracted)
    catalog["Pit stop"].string = "Postój"
    catalog["{count} card not shown"].string = ("{count} karta", "{count} karty",
                                                "{count} kart")
    folder = tmp_path / "pl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / f"{DOMAIN}.mo").open("wb") as file:
        write_mo(file, catalog)
    words = gettext.translation(DOMAIN, localedir=str(tmp_path), languages=["pl"])
    assert words.gettext("Pit stop") == "Postój"
    assert [words.ngettext("{count} card not shown", "{count} cards not shown", n)
            for n in (1, 3, 5)] == ["{count} karta", "{count} karty", "{count} kart"]
    assert words.gettext("Game over") == "Game over"  # untranslated: the English source


def test_the_packaged_build_ships_the_translations() -> None:
    """pyproject's package data (which packaging/consortium.spec reads too) takes every file
    under assets/translations."""
    import tomllib

    data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    patterns = data["tool"]["setuptools"]["package-data"]["consortium.assets"]
    shipped = {p for pattern in patterns for p in (ROOT / "assets").glob(pattern) if p.is_file()}
    assert ROOT / "assets" / "translations" / "consortium.pot" in shipped
    swedish = ROOT / "assets" / "translations" / "sv" / "LC_MESSAGES"
    assert {swedish / f"{DOMAIN}.po", swedish / f"{DOMAIN}.mo"} <= shipped


# --- the shipped translations (Swedish first) -------------------------------------------------

FIELD = re.compile(r"\{[^{}]*\}|%\([^)]*\)[a-z]|%[a-z]")
"""A placeholder a translation must keep: ``{n}``, ``{name:.1f}``, ``%(x)s``, ``%s``."""


def _translations(catalogue_script: ModuleType) -> list[tuple[Path, Catalog]]:
    return [(path, catalogue_script.read(path)) for path in catalogue_script.translations()]


def _forms(message: Message) -> tuple[str, ...]:
    string = message.string
    return tuple(string) if isinstance(string, (tuple, list)) else (string or "",)


def test_swedish_is_shipped_whole(catalogue_script: ModuleType) -> None:
    """Every word of the committed template is in the Swedish catalogue, translated (every
    plural form) and not fuzzy: a Swedish room never meets an English word. After adding a
    word to the code, run scripts/catalogue.py and translate it in the .po."""
    template = catalogue_script.read(catalogue_script.POT)
    swedish = catalogue_script.read(catalogue_script.TRANSLATIONS / "sv" / "LC_MESSAGES"
                                    / f"{DOMAIN}.po")
    assert swedish.plural_forms == "nplurals=2; plural=(n != 1);"
    untranslated, fuzzy = [], []
    for word in template:
        if not word.id:
            continue
        message = swedish.get(word.id, word.context)
        if message is None or not all(_forms(message)):
            untranslated.append(word.id)
        elif message.fuzzy:
            fuzzy.append(word.id)
    assert not untranslated, f"{len(untranslated)} not translated: {untranslated[:10]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy: {fuzzy[:10]}"


def test_every_translation_keeps_its_placeholders_and_accelerators(
    catalogue_script: ModuleType,
) -> None:
    """A translation has exactly its message's placeholders (a missing or misspelt ``{name}``
    raises when the program formats it), a plural has as many forms as its language's
    ``nplurals``, and a menu's ``&`` accelerator is kept."""
    problems = []
    for path, catalog in _translations(catalogue_script):
        for message in catalog:
            if not message.id or message.fuzzy or not any(_forms(message)):
                continue
            ids = (message.id,) if isinstance(message.id, str) else tuple(message.id)
            forms = _forms(message)
            if len(ids) > 1 and len(forms) != catalog.num_plurals:
                problems.append(f"{path.parent.parent.name}: {ids[0]!r} has {len(forms)} forms")
            allowed = [sorted(FIELD.findall(msgid)) for msgid in ids]
            for form in forms:
                if sorted(FIELD.findall(form)) not in allowed:
                    problems.append(f"{path.parent.parent.name}: {ids[0]!r} → {form!r}")
                if form.count("&") != ids[0].count("&"):
                    problems.append(f"{path.parent.parent.name}: accelerator of {ids[0]!r}")
    assert not problems, "\n".join(problems[:20])


def test_a_menu_bar_has_one_accelerator_per_letter(catalogue_script: ModuleType) -> None:
    """The menu bar's titles (&Session, &View, &Facilitator, &Help) keep distinct Alt keys in
    every language."""
    titles = ("&Session", "&View", "&Facilitator", "&Help")
    for path, catalog in _translations(catalogue_script):
        keys = []
        for title in titles:
            message = catalog.get(title)
            text = message.string if message is not None and message.string else title
            keys.append(text[text.index("&") + 1].lower())
        assert len(set(keys)) == len(keys), f"{path}: {keys}"


def test_the_committed_mo_files_are_compiled_from_their_po(
    catalogue_script: ModuleType, extracted: Catalog
) -> None:
    """The program reads the .mo (standard gettext, no Babel), and a clean `pip install .`
    ships the committed one: it must be what the .po compiles to today, and the .po must
    hold every word of the code. Run scripts/catalogue.py and commit the .po and .mo."""
    assert catalogue_script.stale_translations(extracted) == []


def test_the_program_speaks_swedish() -> None:
    """With CONSORTIUM_LANGUAGE=sv the words come from the shipped catalogue: a phase, a way
    of organizing, a plural, a word with a context and a prompt."""
    from consortium.present.i18n import _ as translate
    from consortium.present.i18n import language, ngettext, pgettext, use_language
    from consortium.present.labels import hours

    before = language()
    try:
        use_language("sv")
        assert translate("Pit stop") == "Depåstopp"
        assert translate("Pick your own") == "Välj själv"
        assert translate("Plenary") == "Plenum"
        assert translate("Hand-off curtain") == "Överlämningsridån"
        assert [ngettext("{count} card not shown", "{count} cards not shown", n).format(count=n)
                for n in (1, 3)] == ["1 kort inte visat", "3 kort inte visade"]
        assert pgettext("column", "Name") == "Namn"
        assert translate("Name") == "Benämna"  # the debrief's step, a verb
        assert translate("Round {number} of {rounds}").format(number=2, rounds=4) \
            == "Omgång 2 av 4"
        assert hours(3) == "3 h"
    finally:
        use_language(before)


def test_gnu_msgfmt_counts_every_swedish_message_translated_and_valid() -> None:
    """GNU gettext's own count, independent of Babel: ``msgfmt --statistics --check`` on the
    Swedish .po says every message of the template is translated, none fuzzy or untranslated,
    and finds no error (header, plural forms, placeholders of brace-format messages)."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        if os.environ.get("CONSORTIUM_REQUIRE_GETTEXT"):
            pytest.fail("msgfmt (GNU gettext) is not installed")
        pytest.skip("msgfmt (GNU gettext) is not installed")
    folder = Path(__file__).resolve().parents[2] / "assets" / "translations"
    with (folder / "consortium.pot").open("rb") as file:
        template = [m for m in read_po(file) if m.id]
    run = subprocess.run(
        [msgfmt, "--statistics", "--check", "-o", os.devnull,
         str(folder / "sv" / "LC_MESSAGES" / "consortium.po")],
        capture_output=True, text=True, env={**os.environ, "LC_ALL": "C"}, check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr.strip() == f"{len(template)} translated messages.", run.stderr
