"""The translation catalogue: extract every word from the code, compile every translation.

    python scripts/catalogue.py            # extract → assets/translations/consortium.pot,
                                           # update each .po from it, compile each to .mo
    python scripts/catalogue.py --check    # exit 1 if the committed .pot, a .po or a .mo
                                           # is not current

Run it after adding or changing a word (anything passed to ``_``, ``ngettext``, ``pgettext``
or ``N_`` from :mod:`consortium.present.i18n`, or a prompt in ``assets/prompts/``), and commit
the .pot with the code. A translator copies the .pot to
``assets/translations/<language>/LC_MESSAGES/consortium.po`` (``sv``, say), fills in the
``msgstr`` lines and the ``Plural-Forms`` header, and runs this script again: it merges new
words into the .po (marked fuzzy where a near match exists) and compiles it to the
``consortium.mo`` the program loads (standard gettext, no Babel at run time).

The compiled ``.mo`` files are committed next to their ``.po``: a ``pip install .`` from a
clean clone and the packaged build ship ``assets/translations/**`` as package data (see
pyproject.toml) and run no build step that could compile them. ``--check`` (and
``tests/present/test_catalogue.py``) fails when a ``.mo`` is not what its ``.po`` compiles
to, or a ``.po`` lacks a word of the template: run this script and commit all three.

Babel is a development tool here (the ``test`` extra in pyproject.toml); where the words are
is in ``babel.cfg``. ``tests/test_catalogue.py`` runs :func:`extract` and fails when the
committed .pot lacks a word the code uses.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
MAPPING = ROOT / "babel.cfg"
TRANSLATIONS = ROOT / "assets" / "translations"
POT = TRANSLATIONS / "consortium.pot"
DOMAIN = "consortium"
KEYWORDS = {**{name: DEFAULT_KEYWORDS[name] for name in ("_", "ngettext", "pgettext", "N_")},
            "Nn_": (1, 2)}
"""The translation functions of consortium.present.i18n, with Babel's argument specs, and
the engine's markers (consortium.engine.words: ``N_``, and ``Nn_`` for a plural's forms)."""


def extract(root: Path = ROOT) -> Catalog:
    """Every message in the code and the shipped prompts, as a template catalogue (locations
    by file, not line, so moving code does not change the .pot)."""
    if str(root / "src") not in sys.path:  # the prompts extractor lives in the package
        sys.path.insert(0, str(root / "src"))
    with MAPPING.open(encoding="utf-8") as mapping:
        method_map, options_map = parse_mapping_cfg(mapping, filename=str(MAPPING))
    from consortium import __version__  # noqa: PLC0415 - after src is on the path

    catalog = Catalog(project="Consortium", version=__version__, domain=DOMAIN,
                      copyright_holder="the Consortium authors", charset="utf-8", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(root), method_map, options_map, keywords=KEYWORDS,
        comment_tags=("Translators:",), strip_comment_tags=True,
    ):
        catalog.add(message, None, [(Path(filename).as_posix(), lineno)],
                    auto_comments=comments, context=context)
    return catalog


def message_keys(catalog: Catalog) -> set[tuple[str | tuple[str, ...], str | None]]:
    """What a catalogue translates: each message id (a plural's both forms) and context."""
    return {(m.id if isinstance(m.id, str) else tuple(m.id), m.context)
            for m in catalog if m.id}


def read(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file)


def write(catalog: Catalog, path: Path) -> None:
    """Write a .pot or .po. Babel flags a message ``python-format`` when it looks like one,
    and "35–65 % of" does (``% o``, an octal); msgfmt --check then refuses the Swedish
    "65 % av". The program's messages use ``{fields}`` only, never %-formats, so the flag is
    taken off (``python-brace-format`` stays)."""
    for message in catalog:
        message.flags.discard("python-format")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file:
        write_po(file, catalog, width=96, sort_output=True, include_lineno=False)


def update_template(template: Catalog) -> bool:
    """Write the .pot when its messages (or their files) changed; True if it was written.
    An unchanged set of words leaves the file, and its creation date, alone."""
    if POT.exists():
        old = read(POT)
        def files(message: object) -> list[str]:
            return sorted({f for f, _line in getattr(message, "locations", ())})

        # ``get`` finds a plural by its singular (indexing with the pair does not)
        same = message_keys(old) == message_keys(template) and all(
            files(old.get(m.id, m.context)) == files(m) for m in template if m.id
        )
        if same:
            return False
    write(template, POT)
    return True


def translations() -> list[Path]:
    """Every translation: ``assets/translations/<language>/LC_MESSAGES/consortium.po``."""
    return sorted(TRANSLATIONS.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def compiled(po_path: Path) -> bytes:
    """What the .po compiles to (the .mo's bytes; fuzzy and empty translations left out, so
    the English source shows for them)."""
    buffer = io.BytesIO()
    write_mo(buffer, read(po_path))
    return buffer.getvalue()


def update_and_compile(template: Catalog) -> list[Path]:
    """Merge the template's words into each .po and compile it to its .mo; the .mo files.

    The .po keeps the committed template's creation date (not the time of this run), so an
    unchanged set of words leaves the .po and the .mo byte for byte as they were."""
    created = read(POT).creation_date
    mo_paths = []
    for po_path in translations():
        catalog = read(po_path)
        catalog.update(template)
        catalog.creation_date = created
        write(catalog, po_path)
        mo_path = po_path.with_suffix(".mo")
        mo = compiled(po_path)
        if not mo_path.exists() or mo_path.read_bytes() != mo:
            mo_path.write_bytes(mo)
        mo_paths.append(mo_path)
    return mo_paths


def stale_translations(template: Catalog) -> list[str]:
    """What is out of date in the committed translations, one line each: a .po lacking a
    word of ``template``, a .mo missing or not what its .po compiles to."""
    problems = []
    words = message_keys(template)
    for po_path in translations():
        name = po_path.relative_to(ROOT)
        missing = len(words - message_keys(read(po_path)))
        if missing:
            problems.append(f"{name} lacks {missing} message(s) of the template")
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists():
            problems.append(f"{mo_path.relative_to(ROOT)} is missing")
        elif mo_path.read_bytes() != compiled(po_path):
            problems.append(f"{mo_path.relative_to(ROOT)} is not compiled from {name}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true",
                        help="only say whether the committed .pot, .po and .mo files are "
                             "current (exit 1 if not)")
    args = parser.parse_args(argv)
    template = extract()
    if args.check:
        current = POT.exists() and message_keys(read(POT)) == message_keys(template)
        print(f"{POT.relative_to(ROOT)} is {'current' if current else 'NOT current'}: "
              f"{len(message_keys(template))} messages in the code")
        problems = stale_translations(template)
        for problem in problems:
            print(problem)
        return 0 if current and not problems else 1
    written = update_template(template)
    print(f"{POT.relative_to(ROOT)}: {len(message_keys(template))} messages"
          + (" (written)" if written else " (unchanged)"))
    for mo_path in update_and_compile(template):
        print(f"compiled {mo_path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
