"""Every two colours that mean different things stay apart for colour-blind readers too.

For each group of colours the room must tell apart (the time chart's parts, a gauge's verdict
and its frame, the story's corners, the what-if's band and your group's line, the compare
window's marks, a chip's and a task card's frames, good news and bad, the phones' shown
cards), in the standard look and in high contrast, the colours are seen four ways: with
normal vision, and with protanopia, deuteranopia and tritanopia simulated at severity 1.0 by
Machado, Oliveira & Fernandes (2009) (the matrices of the colour-science library, applied to
*linear* sRGB, as the model asks). Every two colours of a group must then differ by at least a
CIEDE2000 threshold:

- ``AREA`` = 10 for fills (a chart's segments and swatches, a bar, a chip's face) and for
  coloured words that carry their own glyph (✓ and ✗, FINISHED, ⚠). ΔE2000 ≈ 1–2 is a just
  noticeable difference side by side under ideal viewing; 10 is the usual rule of thumb for
  "clearly different at a glance", which a washed-out projector in a lit room needs.
- ``MARK`` = 20 for thin lines, frames and small corners: the smaller a mark, the larger the
  colour difference needed to see it (Stone, Szafir & Setlur 2014, "An engineering model for
  color difference as a function of size"), and a dashed line or a corner is a few pixels.

A hatched fill is measured as painted: from the back of the room its colour and its black
lines blend, so the test paints each swatch with the chart's own painter and takes the mean
of its pixels in linear light (a half-black dot screen once turned the mismatch work's mint
into the expert work's teal that way).

``docs/accessibility.md`` says the same for readers of the docs. Colour is never the only
carrier; ``tests/ui/test_colour_alone.py`` checks the other one.
"""

from __future__ import annotations

import itertools
import re
import warnings
from pathlib import Path
from typing import NamedTuple

import pytest

with warnings.catch_warnings():
    # colour-science says, on import, that SciPy and Matplotlib are absent (not needed here)
    warnings.simplefilter("ignore")
    import colour
import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from consortium.present.labels import time_label
from consortium.ui.board.time_chart import PARTS, fill_part
from consortium.ui.kit.theme import CHART, HIGH_CONTRAST, INK, MUTED, PAPER, STANDARD, Palette

AREA = 10.0
MARK = 20.0

SIGHTS = {
    "normal vision": None,
    "protanopia": "Protanomaly",
    "deuteranopia": "Deuteranomaly",
    "tritanopia": "Tritanomaly",
}
"""Each way of seeing, with the Machado 2009 deficiency simulated at severity 1.0."""

SRGB = colour.RGB_COLOURSPACES["sRGB"]
PHONE_CSS = Path(__file__).parents[2] / "src" / "consortium" / "phones" / "page" / "phone.css"


class Group(NamedTuple):
    """Colours that must be told apart (by what they mean), and how far apart."""

    name: str
    colours: dict[str, str]
    threshold: float


def rgb(hex_colour: str) -> tuple[float, float, float]:
    """'#0b4f9c' or '#9ab' as sRGB in 0–1."""
    digits = hex_colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    assert re.fullmatch(r"[0-9a-fA-F]{6}", digits), hex_colour
    r, g, b = (int(digits[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return r, g, b


def seen(colours: list[str], sight: str) -> np.ndarray:
    """The colours' CIE L*a*b* (D65) as a reader with ``sight`` sees them on an sRGB screen."""
    linear = colour.cctf_decoding(np.array([rgb(c) for c in colours]), function="sRGB")
    deficiency = SIGHTS[sight]
    if deficiency is not None:
        with warnings.catch_warnings():
            # for tritanomaly the library notes that Machado's model approximates tritanopia
            warnings.simplefilter("ignore")
            matrix = colour.blindness.matrix_cvd_Machado2009(deficiency, 1.0)
        linear = np.clip(linear @ matrix.T, 0.0, 1.0)
    xyz = colour.RGB_to_XYZ(linear, SRGB, apply_cctf_decoding=False)
    return np.asarray(colour.XYZ_to_Lab(xyz, SRGB.whitepoint))


def painted(fill: str, pattern: Qt.BrushStyle) -> str:
    """A swatch's colour as the eye blends it from a distance: ``fill`` under its black
    ``pattern``, painted by the charts' own :func:`fill_part`, averaged in linear light."""
    swatch = QImage(72, 40, QImage.Format.Format_RGB32)
    swatch.fill(QColor(PAPER))
    painter = QPainter(swatch)
    fill_part(painter, QRectF(0, 0, 72, 40), fill, pattern)
    painter.end()
    pixels = np.array([QColor(swatch.pixel(x, y)).getRgbF()[:3]
                       for y in range(4, 36) for x in range(4, 68)])
    mean = colour.cctf_encoding(colour.cctf_decoding(pixels, function="sRGB").mean(axis=0),
                                function="sRGB")
    return QColor.fromRgbF(*(float(v) for v in mean)).name()


def differences(group: Group, sight: str) -> list[tuple[float, str, str]]:
    names = list(group.colours)
    lab = seen([group.colours[n] for n in names], sight)
    return [(float(colour.delta_E(lab[i], lab[j], method="CIE 2000")), a, b)
            for (i, a), (j, b) in itertools.combinations(enumerate(names), 2)]


def phone_cards() -> dict[str, str]:
    """The phones' card frames: a card not shown in grey-blue, a shown one in the blue (its
    words say "shown" too)."""
    css = PHONE_CSS.read_text(encoding="utf-8")
    blue = re.search(r"--blue:\s*(#[0-9a-fA-F]+)", css)
    plain = re.search(r"li\.card\s*\{[^}]*border:[^;]*solid\s+(#[0-9a-fA-F]+)", css)
    shown = re.search(r"li\.card\.shown\s*\{[^}]*border-color:\s*var\(--blue\)", css)
    assert blue and plain and shown, "phone.css no longer frames cards as this test reads"
    return {"a card not shown": plain.group(1), "a shown card": blue.group(1)}


def palette_groups(look: str, p: Palette) -> list[Group]:
    """The style sheet's states that a colour tells apart, in one look."""
    return [
        Group(f"{look}: a chip's frame (plain, picked, choosing now)",
              {"plain": p.border, "picked": p.accent, "choosing now": p.alert}, MARK),
        Group(f"{look}: a task card's frame (plain, finished)",
              {"plain": p.border, "finished": p.good}, MARK),
        # the focus frame is dashed, the finished one solid: the colour is the second cue
        Group(f"{look}: a finished card's frame against the focus frame",
              {"finished": p.good, "focus": p.accent}, AREA),
        Group(f"{look}: a picked chip's face", {"chip": p.panel, "picked": p.selected}, AREA),
        # ✓ holds and ✗ fails (calibration), FINISHED stamps and notices: words in colour
        Group(f"{look}: good news and bad", {"good": p.good, "alert": p.alert}, AREA),
    ]


GROUPS = [
    Group("the time chart's parts (and the jointholism gauge's), as painted",
          {time_label(name): painted(c, pattern) for name, c, pattern in PARTS}, AREA),
    Group("the time chart's parts, their colours alone",
          {time_label(name): c for name, c, _pattern in PARTS}, AREA),
    Group("an index's bar, flagged (hatched) or not", {
        "flagged": painted(CHART.flagged, Qt.BrushStyle.BDiagPattern),
        "not flagged": CHART.not_flagged}, AREA),
    Group("a gauge's frame, flagged or not", {"flagged": CHART.flagged, "plain": INK}, MARK),
    Group("the story's corners on a cell", {"lost": CHART.lost, "found": CHART.found,
                                            "cell": CHART.cell}, MARK),
    Group("the story's words, lost or not", {"lost": CHART.lost, "plain": INK}, MARK),
    Group("the what-if's band on the page", {"band": CHART.band, "page": PAPER}, AREA),
    Group("your group's dashed line across a band", {"your group": CHART.group,
                                                     "band": CHART.band}, MARK),
    Group("your group's dashed line between the bands", {"your group": CHART.group,
                                                         "page": PAPER}, MARK),
    Group("the compare window's marks: the target, your table, the band",
          {"target": MUTED, "your table": CHART.group, "band": CHART.band}, MARK),
    *palette_groups("standard", STANDARD),
    *palette_groups("high contrast", HIGH_CONTRAST),
    Group("the phones' cards, shown or not", phone_cards(), MARK),
]

NEUTRAL = {"grid", "sat_out", "sat_out_hatch"}
"""Chart colours that tell nothing apart by colour: the story's rules, and a sat-out cell,
which its hatching and the words "sat out" mark (its grey is only the ground)."""


@pytest.mark.parametrize("sight", list(SIGHTS))
@pytest.mark.parametrize("group", GROUPS, ids=[g.name for g in GROUPS])
def test_every_two_colours_of_a_group_stay_apart(group: Group, sight: str) -> None:
    too_close = [f"{a} / {b}: ΔE2000 {d:.1f}" for d, a, b in differences(group, sight)
                 if d < group.threshold]
    assert not too_close, (
        f"{group.name}, seen with {sight}: below {group.threshold:.0f}: {too_close}")


def test_the_simulation_tells_a_red_green_pair_from_a_safe_one() -> None:
    """The check can fail: the classic red and green that a deuteranope confuses fall far
    below the threshold with deuteranopia (and not with normal vision), while Okabe & Ito's
    vermillion and sky blue stay apart under every simulated sight."""
    red_green = Group("red and green", {"red": "#d62728", "green": "#2ca02c"}, AREA)
    assert min(d for d, _a, _b in differences(red_green, "normal vision")) > 40
    assert min(d for d, _a, _b in differences(red_green, "deuteranopia")) < 5
    safe = Group("vermillion and sky blue", {"v": "#d55e00", "s": "#56b4e9"}, AREA)
    assert all(d >= MARK for sight in SIGHTS for d, _a, _b in differences(safe, sight))
    # a deuteranope sees the pure red of the screen darker and yellowish, not red
    lab = seen(["#ff0000"], "deuteranopia")[0]
    assert lab[1] < 20 < lab[2]


def test_every_chart_colour_that_means_something_is_checked() -> None:
    """A colour added to the charts' palette joins a group here, or says why it tells
    nothing apart (:data:`NEUTRAL`)."""
    checked = {c.lower() for g in GROUPS for c in g.colours.values()}
    for field, value in CHART._asdict().items():
        assert field in NEUTRAL or value.lower() in checked, field


def test_the_painters_take_their_colours_from_the_theme() -> None:
    """No colour written into the board's painters, the compare window or the calibration
    report: a colour there would escape the check above."""
    src = Path(__file__).parents[2] / "src" / "consortium" / "ui"
    files = [*sorted((src / "board").glob("*.py")), src / "shell" / "compare_view.py",
             src / "shell" / "calibrate_dialog.py"]
    hex_colour = re.compile(r"[\"'{ ]#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?\b")
    found = [f"{f.name}: {m.group()}" for f in files
             for m in hex_colour.finditer(f.read_text(encoding="utf-8"))]
    assert not found
