"""Type sizes, colours and the style sheet: large, high-contrast, readable from the back of a
room at 1920×1080 (FACILITATION.md, "Board"). Colour is never the only signal: every state
that has a colour also has a word or a symbol.

``Theme`` holds the zoom (Ctrl +/−, and Settings' text size), presenter mode and high
contrast; ``apply`` re-styles the whole application, so a zoom step is one call. The shared
board sizes its own type from its screen (``ui/board/stage.py``), so presenter mode no longer
enlarges anything: it gives the board the whole screen, and the facilitator's panels keep the
zoom the facilitator chose (issue 12: presenter type made the facilitator's column take the
room's screen).

Two palettes (:class:`Palette`): the standard one, whose every text on its background reads
at 4.5:1 or more (WCAG AA), and high contrast (Settings), black on white with a strong blue,
at 7:1 or more (WCAG AAA); ``tests/ui/test_contrast.py`` checks each pair the style sheet
uses (:meth:`Palette.text_pairs`) with :func:`consortium.ui.kit.contrast.contrast_ratio`.

The colours that carry a meaning in the drawings (the time chart's parts, a gauge's verdict,
the story's corners, the what-if's bands and your group's line) are named in one place,
:data:`CHART`, and the painters take them from there. ``tests/ui/test_colour_blind.py``
simulates protanopia, deuteranopia and tritanopia on each group of colours that must be told
apart (here, the palettes' frames and verdicts, and :data:`CHART`) and asserts a CIEDE2000
difference between every two of them; ``docs/accessibility.md`` says which threshold and
why. The sets come from Okabe & Ito's and Paul Tol's colour-blind-safe colours where the old
ones failed, and each still has a second carrier besides its colour (a hatching, a glyph, a
word, a dash).
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication

INK = "#111111"
PAPER = "#ffffff"
PANEL = "#eef1f5"
ACCENT = "#0b4f9c"
ACCENT_INK = "#ffffff"
ALERT = "#9e0019"
# a bluish green (Okabe & Ito's, darkened for text): told from ALERT's red by colour-blind
# readers too, not only by its ✓ and its words
GOOD = "#00704a"
MUTED = "#3b4250"
BANNER = "#fff4d6"  # the board's announcement, a warm paper under ink
BASE_POINTS = 15.0
MIN_ZOOM = 0.6
MAX_ZOOM = 2.2
CURTAIN_POINTS = 37.5
"""The curtain's words grow with the text size up to 125 % (twice the normal size, then);
past that a word like "(Government)," would be wider than the facilitator's column."""


class Palette(NamedTuple):
    """The colours of one look (hex strings, as the style sheet takes them)."""

    ink: str
    paper: str
    panel: str
    accent: str
    accent_ink: str
    alert: str
    good: str
    muted: str
    border: str  # frames of cards, lists and group boxes
    disabled: str  # a greyed-out button's face…
    disabled_ink: str  # …and its words
    menu_disabled: str  # a greyed-out menu item's words, on paper
    selected: str  # a participant chip picked for placement
    progress: str  # the filled part of a progress bar, under its figure

    def text_pairs(self) -> tuple[tuple[str, str, str], ...]:
        """Every (what, text colour, background) the style sheet puts together."""
        return (
            ("text", self.ink, self.paper),
            ("text on a card", self.ink, self.panel),
            ("hint", self.muted, self.paper),
            ("hint on a card", self.muted, self.panel),
            ("status and outline buttons", self.accent, self.paper),
            ("status on a card", self.accent, self.panel),
            ("button", self.accent_ink, self.accent),
            ("pressed button", self.accent_ink, self.ink),
            ("greyed-out button", self.disabled_ink, self.disabled),
            ("greyed-out menu item", self.menu_disabled, self.paper),
            ("notice", self.alert, self.paper),
            ("notice on a card", self.alert, self.panel),
            ("stamp", self.good, self.paper),
            ("stamp on a card", self.good, self.panel),
            ("picked chip", self.ink, self.selected),
            ("progress figure", self.ink, self.progress),
            ("table heading", self.ink, self.panel),
        )


STANDARD = Palette(
    ink=INK, paper=PAPER, panel=PANEL, accent=ACCENT, accent_ink=ACCENT_INK, alert=ALERT,
    good=GOOD, muted=MUTED, border="#8a94a6", disabled="#c9ced8", disabled_ink="#4a4f5a",
    menu_disabled="#6b7280", selected="#c2d8f7", progress="#7fb2ea",
)
HIGH_CONTRAST = Palette(
    ink="#000000", paper="#ffffff", panel="#ffffff", accent="#0000c8", accent_ink="#ffffff",
    alert="#a00000", good="#006048", muted="#222222", border="#000000", disabled="#d0d0d0",
    disabled_ink="#000000", menu_disabled="#4d4d4d", selected="#ffd200", progress="#9ec5ff",
)


class ChartColours(NamedTuple):
    """The colours that carry a meaning in the drawings (the board's charts and gauges, the
    report's pages, the compare window), the same in both looks: a chart is read against its
    own white ground, not the style sheet's. Each has a second carrier named beside it."""

    meetings: str  # the time chart's parts, each with its own hatching…
    overhead: str
    crowding: str
    expert_work: str  # …or solid
    mismatch_work: str
    sitting_out: str
    flagged: str  # a flagged index's bar (hatched, and FLAGGED in words) and its frame
    not_flagged: str
    lost: str  # the story: a lost perspective's corner and words ("⚠")…
    found: str  # …hidden needs found ("+")
    cell: str  # a story cell a participant worked in…
    sat_out: str  # …or sat out (hatched in sat_out_hatch, and says so)
    sat_out_hatch: str
    grid: str  # the story's cell frames and rules
    band: str  # the bots' 10th–90th percentile bar (what-if, compare)
    group: str  # your group's dashed line and ◆ (what-if, compare)


CHART = ChartColours(
    # Okabe & Ito's vermillion and yellow, Paul Tol's mint, beside the earlier purple, teal
    # and blue-grey: a light, hatched fill each (expert work solid), every two told apart
    # under protanopia, deuteranopia and tritanopia (the old pink, light orange and light
    # green were one colour to a protanope)
    meetings="#d55e00", overhead="#f0e442", crowding="#b877f0", expert_work="#00798c",
    mismatch_work="#44bb99", sitting_out="#d3e1fa",
    flagged="#d1495b", not_flagged="#00798c",
    lost="#b8323f", found="#00798c", cell="#e8eef6", sat_out="#f1f1f1",
    sat_out_hatch="#9aa1ad", grid="#5a6270",
    band="#9cc3ee", group="#9e0019",
)


class Theme(NamedTuple):
    """Zoom, presenter mode and high contrast (a named tuple, not an attrs record: it loads
    at launch)."""

    zoom: float = 1.0
    presenter: bool = False
    high_contrast: bool = False

    @property
    def palette(self) -> Palette:
        return HIGH_CONTRAST if self.high_contrast else STANDARD

    @property
    def scale(self) -> float:
        return self.zoom

    def points(self, factor: float = 1.0) -> float:
        """The size of text ``factor`` times the body's. A larger text size makes every text
        larger, but a heading's lead over the body shrinks as the text grows (its factor
        1.45 at 100 % is 1.225 at 200 %): at 200 % a heading three times the normal body
        took two lines of a 1366-pixel laptop's column for "Ditt val (piltangenterna,
        sedan Enter)" and pushed the hand out of view, and the text it heads is already
        large."""
        lead = (factor - 1.0) / self.scale if factor > 1.0 and self.scale > 1.0 else (
            factor - 1.0)
        return round(BASE_POINTS * self.scale * (1.0 + lead), 1)

    def zoomed(self, step: float) -> Theme:
        zoom = min(MAX_ZOOM, max(MIN_ZOOM, round(self.zoom + step, 2)))
        return self._replace(zoom=zoom)

    def style_sheet(self) -> str:
        p = self.points
        c = self.palette
        # high contrast: thicker frames, so an edge never depends on a faint grey
        edge = 3 if self.high_contrast else 2
        # a greyed-out button: a dashed black edge in high contrast (not only a paler face)
        off_edge = f"dashed {c.ink}" if self.high_contrast else f"solid {c.disabled}"
        return f"""
QWidget {{ color: {c.ink}; background: {c.paper}; font-size: {p()}pt; }}
QLabel#title {{ font-size: {p(2.2)}pt; font-weight: 700; }}
QLabel#heading {{ font-size: {p(1.45)}pt; font-weight: 700; }}
QLabel#big {{ font-size: {p(1.25)}pt; font-weight: 600; }}
/* a table code: a fixed-width face, so 0 and O, 1 and I never look alike when read out */
QLabel#code, QLineEdit#code {{ font-family: "DejaVu Sans Mono", "Consolas", "Menlo", monospace;
    font-size: {p(1.25)}pt; font-weight: 600; }}
/* the practice round's coach line on the board (present/practice_words.py) */
QLabel#coach {{ font-size: {p(1.1)}pt; font-weight: 600; color: {c.ink}; background: {c.panel};
    border-left: 6px solid {c.accent}; padding: 4px 8px; }}
QLabel#small, QLabel#hint {{ font-size: {p(0.85)}pt; color: {c.muted}; }}
QLabel#status {{ font-size: {p(1.25)}pt; font-weight: 700; color: {c.accent}; }}
QLabel#notice {{ font-size: {p(0.95)}pt; color: {c.alert}; font-weight: 600; }}
QLabel#stamp {{ font-size: {p(1.05)}pt; font-weight: 800; color: {c.good};
    border: 3px solid {c.good}; padding: 2px 8px; }}
QLabel#curtainText {{ font-size: {min(p(2.0), CURTAIN_POINTS)}pt; font-weight: 700; }}
QFrame#taskCard, QFrame#chip {{ background: {c.panel}; border: {edge}px solid {c.border};
    border-radius: 8px; }}
QFrame#taskCard[finished="true"] {{ border: 4px solid {c.good}; }}
QFrame#taskCard:focus, QFrame#chip:focus {{ border: 4px dashed {c.accent}; }}
QFrame#chip[selected="true"] {{ border: 5px solid {c.accent}; background: {c.selected}; }}
QFrame#chip[acting="true"] {{ border: 4px solid {c.alert}; }}
QFrame#taskCard QLabel, QFrame#chip QLabel {{ background: transparent; }}
QPushButton {{ background: {c.accent}; color: {c.accent_ink}; border: 2px solid {c.accent};
    border-radius: 6px; padding: 8px 16px; font-weight: 600; }}
QPushButton:focus {{ border: 4px solid {c.ink}; }}
QPushButton:disabled {{ background: {c.disabled}; color: {c.disabled_ink};
    border: 2px {off_edge}; }}
QPushButton:checked {{ background: {c.ink}; border-color: {c.ink}; }}
QPushButton#secondary {{ background: {c.paper}; color: {c.accent}; }}
/* after #secondary, which outranks :disabled: a greyed-out outline button looks greyed out */
QPushButton#secondary:disabled {{ background: {c.disabled}; color: {c.disabled_ink}; }}
QListView, QTableView, QTreeView {{ border: {edge}px solid {c.border}; }}
QListView::item:selected, QTableView::item:selected {{ background: {c.accent};
    color: {c.accent_ink}; }}
QProgressBar {{ border: 2px solid {c.ink}; border-radius: 4px; text-align: center;
    background: {c.paper}; font-weight: 700; min-height: 1.4em; }}
QProgressBar::chunk {{ background: {c.progress}; }}
QGroupBox {{ font-weight: 700; border: {edge}px solid {c.border}; margin-top: 1.2em;
    padding: 8px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; }}
QCheckBox::indicator {{ width: 1.1em; height: 1.1em; }}
QMenuBar, QMenu {{ font-size: {p(0.9)}pt; }}
QMenu {{ border: 1px solid {c.border}; }}
QMenu::item:disabled {{ color: {c.menu_disabled}; }}
QMenu::item:selected:enabled {{ background: {c.accent}; color: {c.accent_ink}; }}
QHeaderView::section {{ background: {c.panel}; font-weight: 700; padding: 4px; }}
"""

    def apply(self, app: QApplication) -> None:
        font = QFont(app.font())
        font.setPointSizeF(self.points())
        app.setFont(font)
        app.setStyleSheet(self.style_sheet())


def colour(name: str) -> QColor:
    return QColor(name)
