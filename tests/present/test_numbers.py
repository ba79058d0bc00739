"""Numbers as a person reads them (consortium.present.numbers): English exactly as the format
specs wrote them before, Swedish with a decimal comma and "67 %" (a no-break space), the
pseudo-locale and unknown languages English; no message carries a format spec, and no number
a person reads is formatted anywhere else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from consortium.engine import events as ev
from consortium.present.event_words import event_text
from consortium.present.i18n import _, language
from consortium.present.labels import hours, number
from consortium.present.numbers import decimal, percent, plain, signed, style
from tests.words import in_language

ROOT = Path(__file__).resolve().parents[2]
NBSP = "\u00a0"
VALUES = (0.0, -0.0, 0.004, -0.004, 0.05, 0.25, 0.3, 0.125, 0.5, 0.666, 0.995, 1.0, 1.25, 2.5,
          2.45, 2.55, 9.95, 10.0, 12.34, 23.0, 31.25, 40.0, 123.456, -0.3, -1.25, -12.5)


def test_english_is_what_the_format_specs_wrote() -> None:
    assert language() == "en"
    for v in VALUES:
        for places in (0, 1, 2):
            english = f"{v:.{places}f}"
            assert decimal(v, places) == (english.lstrip("-") if float(english) == 0
                                          else english)
            assert percent(v, places) == f"{v:.{places}%}".replace("-0%", "0%").replace(
                "-0.0%", "0.0%").replace("-0.00%", "0.00%")
            shown = f"{v:+.{places}f}"
            assert signed(v, places) == ("+" + shown[1:] if float(shown) == 0 else shown)
        assert plain(v) == (f"{v:g}".lstrip("-") if v == 0 else f"{v:g}")
    assert (decimal(2.5), percent(0.67), plain(2.0), signed(0.25, 2)) == (
        "2.5", "67%", "2", "+0.25")
    assert decimal(-0.001, 2) == "0.00"  # never "-0.00"


def test_swedish_has_a_decimal_comma_and_a_spaced_percent(swedish: None) -> None:
    assert decimal(2.5) == "2,5"
    assert decimal(0.3, 2) == "0,30"
    assert decimal(12, 0) == "12"
    assert percent(0.67) == f"67{NBSP}%"
    assert percent(0.675, 1) == f"67,5{NBSP}%"
    assert plain(2.0) == "2" and plain(1.5) == "1,5" and plain(0.25) == "0,25"
    assert signed(0.25, 2) == "+0,25" and signed(-0.25, 2) == "-0,25"
    assert signed(-0.001, 2) == "+0,00"
    assert number(2.5) == "2,5"
    assert hours(2.5) == _("{hours} h").format(hours="2,5") and hours(3.0) == _(
        "{hours} h").format(hours="3")
    for v in VALUES:  # the same digits as English, only the separator differs
        assert decimal(v, 2) == f"{v:.2f}".lstrip("-" if round(v, 2) == 0 else "").replace(
            ".", ",")


@pytest.mark.parametrize("code", ["qps", "de", "en"])
def test_the_pseudo_locale_and_other_languages_write_numbers_the_english_way(code: str) -> None:
    with in_language(code):
        assert (decimal(2.5), percent(0.67), plain(1.5)) == ("2.5", "67%", "1.5")


def test_a_regional_code_falls_back_to_its_language() -> None:
    assert style("sv_SE") == style("sv") == style("sv-FI")
    assert style("xx").decimal == "."


def test_an_event_in_swedish_says_its_quality_and_impact_the_swedish_way(
    swedish: None
) -> None:
    text = event_text(ev.TaskFinished(task="t1", title="Vårdkedjan", quality=0.67,
                                      impact=2.5))
    assert text is not None and text == f"Vårdkedjan blev klar: kvalitet 67{NBSP}%, effekt 2,5."
    handover = event_text(ev.Handover(task="t1", title="Vårdkedjan", loss=0.25))
    assert handover is not None and f"25{NBSP}%" in handover and "{" not in handover


def test_no_message_carries_a_format_spec() -> None:
    """A translator cannot change ``{quality:.0%}``: a message has plain fields, filled by
    consortium.present.numbers."""
    pot = (ROOT / "assets" / "translations" / "consortium.pot").read_text(encoding="utf-8")
    specs = re.findall(r"\{\w*:[^{}]*\}", "\n".join(
        line for line in pot.splitlines() if line.startswith(("msgid", '"'))))
    assert specs == []


# Format specs of numbers left in the code on purpose: (file, what the line holds) — each
# is not a number a person reads in the language of the room.
KEPT = {
    # the bounds of --turnover as the option is typed (Python reads "0.5", never "0,5")
    "cli.py": ("TURNOVER.low:g", "TURNOVER.high:g",
               # simulate's summary table: its rows are the JSON keys, as --json prints them
               "summary[key]:>8.3f"),
    # CSS font sizes of the handout's HTML
    "ui/shell/report.py": ("pt;",),
    # the self-test's detail lines are English diagnostics; its milliseconds are whole
    "selftest.py": ("took * 1000:.0f", "state.public.impact:.1f"),
    # the one home, and the docstring of i18n's placeholders
    "present/numbers.py": ("",),
    "present/i18n.py": ("{name:.1f}",),
}
"""engine/ and store/ have no words (calibration is a developer's report, a save's problems
are in English by design): not looked at."""

_SPEC = re.compile(r"\{[^{}]*:[^{}]*[0-9.]*[fFgG%]\}")


def test_numbers_a_person_reads_are_formatted_in_one_place() -> None:
    source = ROOT / "src" / "consortium"
    found = []
    for path in sorted(source.rglob("*.py")):
        name = path.relative_to(source).as_posix()
        if name.startswith(("engine/", "store/", "assets/")):
            continue
        for number_, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _SPEC.search(line) and not any(k in line for k in KEPT.get(name, ())):
                found.append(f"{name}:{number_}: {line.strip()}")
    assert found == [], "format a number with consortium.present.numbers:\n" + "\n".join(found)


def test_the_what_if_and_the_comparison_figures_in_both_languages() -> None:
    from consortium.present.compare_data import index_text
    from consortium.present.what_if_words import figure

    assert (figure("impact", 34.56), figure("jointholism", 0.3), figure("lost", 2.0)) == (
        "34.6", "0.30", "2")
    assert index_text(-0.001, False) == "0.00" and index_text(0.42, False) == "0.42"
    with in_language("sv"):
        assert (figure("impact", 34.56), figure("jointholism", 0.3), figure("lost", 2.0),
                figure("lost", 2.5)) == ("34,6", "0,30", "2", "2,5")
        assert index_text(-0.001, False) == "0,00"
        assert index_text(0.42, True) == _("{value} flagged").format(value="0,42")
