"""The translation catalogue: the committed template holds every word the code shows, and a
translation compiles to what the program loads (scripts/catalogue.py, babel.cfg)."""

from __future__ import annotations

import gettext
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

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
