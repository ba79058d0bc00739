"""The row of participant chips along the bottom of the shared board.

Listens to ``changed`` (through its ``BoardView``) and updates each chip from the public view
and the public session facts. Activating a chip selects that participant for placement.

Its height is the tallest chip's wrapped lines at its width, measured afresh on every change:
it grows when a chip needs a line more (a selected participant) and gives the height back
when the line goes (issue 12: it used to only grow within a round, and the tasks above were
cut). The board's stage then fits the type to what is left.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QWidget

from consortium.engine.state import PublicState
from consortium.play.records import SessionView
from consortium.present.i18n import _
from consortium.ui.board.participant_chip import ParticipantChip


class ParticipantStrip(QWidget):
    activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Participants"))
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        self.chips: list[ParticipantChip] = []

    def show_view(self, view: PublicState, session: SessionView) -> None:
        while len(self.chips) < view.seats:
            chip = ParticipantChip(len(self.chips), self)
            chip.activated.connect(lambda seat=chip.seat: self.activated.emit(seat))
            self._layout.addWidget(chip, 1)
            chip.show()
            self.chips.append(chip)
        while len(self.chips) > view.seats:
            self.chips.pop().deleteLater()
        for chip in self.chips:
            chip.show_participant(view, session)
        self._fit_height()

    def set_unit(self, unit: int) -> None:
        self._layout.setSpacing(max(4, unit // 3))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_height()  # other widths wrap other lines

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            QTimer.singleShot(0, self, self._fit_height)  # once the chips have the new type

    def _fit_height(self) -> None:
        """As tall as the tallest chip's wrapped lines at its width, no taller: a row layout
        does not ask its children's height for width, and a squeezed chip draws lines over
        each other."""
        need = max((c.heightForWidth(c.width()) if c.hasHeightForWidth()
                    else c.sizeHint().height()  # lines that elide, never wrap
                    for c in self.chips if c.isVisible()), default=0)
        if need != self.minimumHeight():
            self.setMinimumHeight(need)
