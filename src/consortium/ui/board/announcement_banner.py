"""The board's announcements: a banner over the task area that says what changed at the
start of a round (who left, who took their seat, events that fired, the round's mode) and
the vote's result, until the facilitator dismisses it (its button, or F8 from any of the
program's windows — the board may be on the projector while the facilitator is at the
laptop).

It floats over the page rather than taking a row of the layout, so a banner never makes the
board shrink its type. A new round clears what the last one announced, dismissed or not;
the end of the game clears it too (the debrief needs the whole board).
It keeps the announced Events (``Change.events``) until dismissed and asks
:mod:`consortium.present.announcements` for their words each time.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from consortium.engine.events import Event
from consortium.engine.state import Catalog, Phase
from consortium.play.records import Change
from consortium.present.announcements import announced, announcement_lines
from consortium.present.i18n import _
from consortium.ui.kit.widgets import button, label

DISMISS_KEY = "F8"
KEPT = 12
"""At most this many Events are kept undismissed (the oldest go first)."""


class AnnouncementBanner(QFrame):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAccessibleName(_("Announcements"))
        self.events: list[Event] = []
        self._catalog: Catalog | None = None  # the scenario's words in the current language
        self._round = -1
        self.heading = label(_("Announcements"), name="heading")
        self.lines = label(name="big", wrap=True)
        self.dismiss_button = button(_("Dismiss ({key})").format(key=DISMISS_KEY),
                                     accessible=_("Dismiss the announcements"),
                                     description=_("Removes the announcements from the "
                                                   "board."))
        self.dismiss_button.clicked.connect(self.dismiss)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.lines)
        self.shortcut = QShortcut(QKeySequence(DISMISS_KEY), parent)
        self.shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.shortcut.activated.connect(self.dismiss)
        self.hide()

    def take(self, change: Change) -> bool:
        """Keep what ``change`` announces; True when the banner has something new."""
        if change.new_game or change.view.round != self._round:
            # a new round: what the last one announced and nobody dismissed is old news
            self._round = change.view.round
            self.dismiss()
        if change.view.phase is Phase.GAME_OVER or change.session.ended_early:
            # the end: the room's eyes go to the result and the debrief, not to old news
            self.dismiss()
            return False
        self._catalog = change.view.catalog
        new = announced(change.events)
        if not new:
            return False
        self.events = [*self.events, *new][-KEPT:]
        self.lines.setText("\n".join(announcement_lines(self.events, self._catalog)))
        self.setAccessibleDescription(self.lines.text())
        self.show()
        self.raise_()
        return True

    def dismiss(self) -> None:
        self.events = []
        self.lines.clear()
        self.hide()

    def set_unit(self, unit: int) -> None:
        layout = self.layout()
        if layout is not None:
            pad = round(unit * 0.6)
            layout.setContentsMargins(pad, pad, pad, pad)
            layout.setSpacing(round(unit * 0.3))

    def place(self, area: QWidget) -> None:
        """Over the top of ``area`` (a sibling: the board's pages), 80 % of its width, as
        tall as its lines need but never taller than the area."""
        if self.isHidden():
            return
        width = max(100, int(area.width() * 0.8))
        for widget in (self, self.heading, self.lines, self.dismiss_button):
            widget.ensurePolished()  # measured in the board's type of the moment
        layout = self.layout()
        need = layout.totalHeightForWidth(width) if layout is not None else 0
        height = min(area.height(), max(need, self.minimumSizeHint().height()))
        x = area.x() + (area.width() - width) // 2
        self.setGeometry(x, area.y() + max(0, area.height() // 20), width, height)
        self.raise_()
