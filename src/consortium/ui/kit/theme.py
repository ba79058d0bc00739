"""Type sizes, colours and the style sheet: large, high-contrast, readable from the back of a
room at 1920×1080 (FACILITATION.md, "Board"). Colour is never the only signal: every state
that has a colour also has a word or a symbol.

``Theme`` holds the zoom (Ctrl +/−) and presenter mode; ``apply`` re-styles the whole
application, so a zoom step is one call. The shared board sizes its own type from its screen
(``ui/board/stage.py``), so presenter mode no longer enlarges anything: it gives the board
the whole screen, and the facilitator's panels keep the zoom the facilitator chose (issue 12:
presenter type made the facilitator's column take the room's screen).
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
GOOD = "#0b6b2f"
MUTED = "#3b4250"
BASE_POINTS = 15.0
MIN_ZOOM = 0.6
MAX_ZOOM = 2.2


class Theme(NamedTuple):
    """Zoom and presenter mode (a named tuple, not an attrs record: it loads at launch)."""

    zoom: float = 1.0
    presenter: bool = False

    @property
    def scale(self) -> float:
        return self.zoom

    def points(self, factor: float = 1.0) -> float:
        return round(BASE_POINTS * self.scale * factor, 1)

    def zoomed(self, step: float) -> Theme:
        zoom = min(MAX_ZOOM, max(MIN_ZOOM, round(self.zoom + step, 2)))
        return self._replace(zoom=zoom)

    def style_sheet(self) -> str:
        p = self.points
        return f"""
QWidget {{ color: {INK}; background: {PAPER}; font-size: {p()}pt; }}
QLabel#title {{ font-size: {p(2.2)}pt; font-weight: 700; }}
QLabel#heading {{ font-size: {p(1.45)}pt; font-weight: 700; }}
QLabel#big {{ font-size: {p(1.25)}pt; font-weight: 600; }}
/* a table code: a fixed-width face, so 0 and O, 1 and I never look alike when read out */
QLabel#code, QLineEdit#code {{ font-family: "DejaVu Sans Mono", "Consolas", "Menlo", monospace;
    font-size: {p(1.25)}pt; font-weight: 600; }}
/* the practice round's coach line on the board (present/practice_words.py) */
QLabel#coach {{ font-size: {p(1.1)}pt; font-weight: 600; color: {INK}; background: {PANEL};
    border-left: 6px solid {ACCENT}; padding: 4px 8px; }}
QLabel#small, QLabel#hint {{ font-size: {p(0.85)}pt; color: {MUTED}; }}
QLabel#status {{ font-size: {p(1.25)}pt; font-weight: 700; color: {ACCENT}; }}
QLabel#notice {{ font-size: {p(0.95)}pt; color: {ALERT}; font-weight: 600; }}
QLabel#stamp {{ font-size: {p(1.05)}pt; font-weight: 800; color: {GOOD};
    border: 3px solid {GOOD}; padding: 2px 8px; }}
QLabel#curtainText {{ font-size: {p(2.0)}pt; font-weight: 700; }}
QFrame#taskCard, QFrame#chip {{ background: {PANEL}; border: 2px solid #8a94a6;
    border-radius: 8px; }}
QFrame#taskCard[finished="true"] {{ border: 4px solid {GOOD}; }}
QFrame#taskCard:focus, QFrame#chip:focus {{ border: 4px dashed {ACCENT}; }}
QFrame#chip[selected="true"] {{ border: 5px solid {ACCENT}; background: #dbe8fb; }}
QFrame#chip[acting="true"] {{ border: 4px solid {ALERT}; }}
QFrame#taskCard QLabel, QFrame#chip QLabel {{ background: transparent; }}
QPushButton {{ background: {ACCENT}; color: {ACCENT_INK}; border: 2px solid {ACCENT};
    border-radius: 6px; padding: 8px 16px; font-weight: 600; }}
QPushButton:focus {{ border: 4px solid {INK}; }}
QPushButton:disabled {{ background: #c9ced8; color: #4a4f5a; border-color: #c9ced8; }}
QPushButton:checked {{ background: {INK}; border-color: {INK}; }}
QPushButton#secondary {{ background: {PAPER}; color: {ACCENT}; }}
QListView, QTableView, QTreeView {{ border: 2px solid #8a94a6; }}
QListView::item:selected, QTableView::item:selected {{ background: {ACCENT};
    color: {ACCENT_INK}; }}
QProgressBar {{ border: 2px solid {INK}; border-radius: 4px; text-align: center;
    background: {PAPER}; font-weight: 700; min-height: 1.4em; }}
QProgressBar::chunk {{ background: #7fb2ea; }}
QGroupBox {{ font-weight: 700; border: 2px solid #8a94a6; margin-top: 1.2em; padding: 8px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; }}
QCheckBox::indicator {{ width: 1.1em; height: 1.1em; }}
QMenuBar, QMenu {{ font-size: {p(0.9)}pt; }}
QMenu {{ border: 1px solid #8a94a6; }}
QMenu::item:disabled {{ color: #6b7280; }}
QMenu::item:selected:enabled {{ background: {ACCENT}; color: {ACCENT_INK}; }}
QHeaderView::section {{ background: {PANEL}; font-weight: 700; padding: 4px; }}
"""

    def apply(self, app: QApplication) -> None:
        font = QFont(app.font())
        font.setPointSizeF(self.points())
        app.setFont(font)
        app.setStyleSheet(self.style_sheet())


def colour(name: str) -> QColor:
    return QColor(name)
