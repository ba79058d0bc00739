"""The board as a stage: every size on it comes from one unit, taken from the board's size.

Decision (issue 12). The room reads the board from the back, on whatever screen it is on —
a 1280×720 projector, a 4:3 beamer, a 4K wall, or 70 % of a 1366×768 laptop. The board
therefore ignores the laptop's zoom and presenter type (those are the facilitator's) and
sizes itself: one *unit*, the body text's pixel size, is ``UNIT_PER_HEIGHT`` of the board's
height (1/40, rounded up: 27 px on a 1080-line screen), capped by its width for narrow boards. Type,
borders, padding and spacing are multiples of it, written as a style sheet set on the
board itself (a widget's own sheet wins over the application's). The layouts stay ordinary
Qt layouts that pick their arrangement for the aspect ratio (the task grid chooses its
columns from the count and the room, see ``BoardView``).

Less on each card, not smaller type (issue 12's worst case: 8 seats, 8 open tasks, hands of
4). A task card is its title on at most two lines, one progress line ("12.0 / 34" in the bar,
the value beside it), its needs on one line and its team as a count and a lead; a chip is a
name, a sector, the shown cards as short marks (▯ for each card not shown), the task and the
state, one line each. A line that does not fit ends in "…" (``kit/elided_label.py``) with
the whole line in its tooltip and the card's accessible description; the log, the pit stop
and the facilitator's panel hold the rest. With that, the worst case keeps the unit at 1/40
at 1366×768 (the board beside the facilitator's column), 1920×1080, 3840×2160 and presenter
1280×720, with no step down (``tests/ui/test_stage.py`` asserts it at every phase).

Why not page the task area ("Tasks 1–4 of 8 ▸"): the room would see half the tasks at a
time and someone would have to flip the pages within the round; placement and the vote are
decided over all the tasks at once. Cutting words keeps every task and every person in view
and costs only detail the room reads elsewhere.

Then a fit pass, for what lies beyond the worst case (the format allows 12 open tasks and 6
cards, and a language 30 % longer): if any label, button or progress bar on the board would
clip its text at that unit, the unit shrinks in steps until nothing clips, down to
``MIN_UNIT``. Shrinking is allowed there ("the board may shrink its type, never clip");
growing back is tried whenever the board's size or the round changes.

Why not a ``QGraphicsView`` with a scale transform of a fixed 1920×1080 layout: real font
sizes are hinted and rasterised at the screen's own pixels (crisp at any scale), clicks,
drags, focus and screen readers stay the widgets' own, and the tests measure real widgets
in real pixels. The cost is that the layout must be right at every aspect, which the
layout check (``tests/ui/test_stage.py``, ``scripts/layout_check.py``) walks a game to prove.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget

from consortium.ui.kit.layout_audit import clipped_texts
from consortium.ui.kit.theme import (
    ACCENT,
    ACCENT_INK,
    ALERT,
    BANNER,
    GOOD,
    INK,
    MUTED,
    PANEL,
    PAPER,
    STANDARD,
)

UNIT_PER_HEIGHT = 1 / 40
"""Body text as a share of the board's height (the issue's "back of the room" rule)."""
UNIT_PER_WIDTH = 1 / 48
"""The cap for narrow boards (4:3, or the board docked beside the facilitator's column)."""
MIN_UNIT = 8
SHRINK = 0.9
"""Each fit step's factor: a few steps from a full room to a crowded one."""


def target_unit(width: int, height: int) -> int:
    """The body text size in px a board of this size starts from."""
    # rounded up: a board 713 px high gets 18 px, never the 17 that is 1/42 of it
    return max(MIN_UNIT, math.ceil(min(height * UNIT_PER_HEIGHT, width * UNIT_PER_WIDTH)))


def style_sheet(unit: int) -> str:
    """The board's look at ``unit`` px body text (the same names as the theme's sheet)."""

    def px(factor: float) -> int:
        return max(1, round(unit * factor))

    return f"""
QWidget {{ color: {INK}; background: {PAPER}; font-size: {unit}px; }}
QLabel#title {{ font-size: {px(1.6)}px; font-weight: 700; }}
QLabel#heading {{ font-size: {px(1.3)}px; font-weight: 700; }}
QLabel#big {{ font-size: {px(1.15)}px; font-weight: 700; }}
QLabel#small, QLabel#hint {{ font-size: {unit}px; color: {MUTED}; }}
QLabel#status {{ font-size: {px(1.1)}px; font-weight: 700; color: {ACCENT}; }}
QLabel#notice {{ font-size: {unit}px; color: {ALERT}; font-weight: 600; }}
QLabel#stamp {{ font-size: {unit}px; font-weight: 800; color: {GOOD};
    border: {px(0.12)}px solid {GOOD}; padding: 0px {px(0.3)}px; }}
QFrame#taskCard, QFrame#chip {{ background: {PANEL}; border: {px(0.08)}px solid {STANDARD.border};
    border-radius: {px(0.3)}px; }}
QFrame#taskCard[finished="true"] {{ border: {px(0.15)}px solid {GOOD}; }}
QFrame#taskCard:focus, QFrame#chip:focus {{ border: {px(0.15)}px dashed {ACCENT}; }}
QFrame#chip[selected="true"] {{ border: {px(0.2)}px solid {ACCENT};
    background: {STANDARD.selected}; }}
QFrame#chip[acting="true"] {{ border: {px(0.15)}px solid {ALERT}; }}
QFrame#taskCard QLabel, QFrame#chip QLabel, QFrame#banner QLabel {{
    background: transparent; }}
QFrame#banner {{ background: {BANNER}; border: {px(0.15)}px solid {INK};
    border-radius: {px(0.3)}px; }}
QPushButton {{ background: {ACCENT}; color: {ACCENT_INK}; border: {px(0.08)}px solid {ACCENT};
    border-radius: {px(0.25)}px; padding: {px(0.2)}px {px(0.5)}px; font-weight: 600; }}
QPushButton:focus {{ border: {px(0.15)}px solid {INK}; }}
QListView, QTableView, QTreeView {{ border: {px(0.08)}px solid {STANDARD.border}; }}
QProgressBar {{ border: {px(0.08)}px solid {INK}; border-radius: {px(0.15)}px;
    text-align: center; background: {PAPER}; font-weight: 700; min-height: {px(1.3)}px; }}
QProgressBar::chunk {{ background: {STANDARD.progress}; }}
QHeaderView::section {{ background: {PANEL}; font-weight: 700; padding: {px(0.15)}px; }}
"""


class Stage:
    """Keeps ``board``'s unit fitted to its size: call :meth:`fit` after a resize or when
    the content may have outgrown it (the board window does, deferred, after each change).
    ``on_unit`` is told the new unit (margins and spacing of layouts outside style sheets)."""

    def __init__(self, board: QWidget, on_unit: object = None,
                 floating: QWidget | None = None) -> None:
        self._board = board
        self._floating = floating  # sized to its own text after the fit (the banner)
        self._on_unit = on_unit
        self.unit = 0
        self._size = (0, 0)

    def set_unit(self, unit: int) -> None:
        if unit == self.unit:
            return
        self.unit = unit
        self._board.setStyleSheet(style_sheet(unit))
        if callable(self._on_unit):
            self._on_unit(unit)

    def fit(self, *, afresh: bool = False) -> int:
        """Start from the size's target unit (``afresh``, or a new size) or from the current
        one, and shrink while anything on the board clips. Returns the unit."""
        board = self._board
        if not board.isVisible() or board.width() < 50 or board.height() < 50:
            return self.unit
        size = (board.width(), board.height())
        if afresh or size != self._size or self.unit == 0:
            self._size = size
            self.set_unit(target_unit(*size))
        settle(board)
        while self.unit > MIN_UNIT and clipped_texts(board, self._floating):
            self.set_unit(max(MIN_UNIT, int(self.unit * SHRINK)))
            settle(board)
        return self.unit


def settle(widget: QWidget) -> None:
    """Lay out now what a style or text change asked for (as the event loop does before it
    paints), so sizes can be measured."""
    for _pass in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        layout = widget.layout()
        if layout is not None:
            layout.activate()
