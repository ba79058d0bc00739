"""The board's play page: task cards in a grid and the public event log.

Listens to ``BoardPort.changed`` and redraws only the parts a change touches (task cards on
``tasks``/``board``/``phase``, the log on ``log``). Shows open tasks and the tasks finished
this round (stamped). Activating a card asks the port to place the selected participant there;
a participant dropped on a card is placed directly.

Nothing here scrolls: the board is a stage (:mod:`consortium.ui.board.stage`) that shrinks its
type when a crowded round needs it. The grid picks its columns from the number of cards and
the shape of the task area (:func:`columns_for`), so 8 tasks sit in two rows of four on a
16:9 screen and in three rows of three on a 4:3 one. The log shows its latest lines without
a scroll bar.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QListView,
    QVBoxLayout,
    QWidget,
)

from consortium.engine.state import Phase, PublicState, TaskState
from consortium.play.records import Change
from consortium.present.i18n import _
from consortium.ui.board.board_port import BoardPort
from consortium.ui.board.log_model import LogModel
from consortium.ui.board.task_card import TaskCard
from consortium.ui.kit.widgets import label, set_shown

MAX_COLUMNS = 6
CARD_ASPECT = 1.25
"""The card shape (width / height) the grid aims at: room for a title over two lines, the
progress bar and four lines of needs and team at the same type size."""


def shown_tasks(view: PublicState) -> list[TaskState]:
    return [
        t for t in view.tasks
        if t.status == "open" or (t.status == "finished" and t.finished_round == view.round)
    ]


def columns_for(count: int, width: int, height: int) -> int:
    """The number of columns whose cards come closest to :data:`CARD_ASPECT` when ``count``
    cards share a ``width`` × ``height`` area; for a number of rows, the fewest columns
    that hold the cards (the widest cards: fewer wrapped lines)."""
    if count <= 1 or width <= 0 or height <= 0:
        return 1

    def off(rows: int) -> float:
        columns = math.ceil(count / rows)
        return abs(math.log((width / columns) / (height / rows) / CARD_ASPECT))

    rows = min(range(1, count + 1), key=off)
    return min(MAX_COLUMNS, math.ceil(count / rows))


class BoardView(QWidget):
    def __init__(self, port: BoardPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self.cards: list[TaskCard] = []
        self._grid = QGridLayout()
        self._grid.setSpacing(10)
        self.log_model = LogModel(self)
        self.log_view = QListView()
        self.log_view.setModel(self.log_model)
        self.log_view.setWordWrap(True)
        self.log_view.setAccessibleName(_("Event log"))
        self.log_view.setUniformItemSizes(False)
        self.log_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.log_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.log_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        log_box = QVBoxLayout()
        heading = label(_("What happened"), name="heading")
        log_box.addWidget(heading)
        log_box.addWidget(self.log_view, 1)
        self.task_area = QWidget()
        self.task_area.setAccessibleName(_("Tasks"))
        self.task_area.setLayout(self._grid)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.task_area.installEventFilter(self)
        self._columns = 0
        self._unit = 0
        self._placed = (0, 0)  # columns and cards as the grid holds them
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.task_area, 5)
        self._layout.addLayout(log_box, 1)
        port.changed.connect(self._on_game_changed)

    def set_unit(self, unit: int) -> None:
        self._grid.setSpacing(max(4, unit // 3))
        self._layout.setSpacing(max(4, unit // 2))
        self._unit = unit
        for card in self.cards:
            card.set_unit(unit)

    def _on_game_changed(self, change: Change) -> None:
        if change.tasks or change.board or change.phase or change.participants:
            self._show_tasks(change)
        if change.log:
            self.log_model.set_entries(change.view.log, change.view.catalog)
            # after the wrapped rows are laid out, or the last line stays half hidden
            QTimer.singleShot(0, self.log_view, self.log_view.scrollToBottom)

    def _show_tasks(self, change: Change) -> None:
        view = change.view
        tasks = shown_tasks(view)
        while len(self.cards) < len(tasks):
            card = TaskCard(self.task_area)
            if self._unit:
                card.set_unit(self._unit)
            card.activated.connect(lambda c=card: self._on_card_activated(c))
            card.dropped.connect(self._port.place)
            self.cards.append(card)
        # the board is shown while it is placed and while the room votes on it
        on_board = view.phase in (Phase.PLACEMENT, Phase.VOTE) and bool(view.board)
        for i, card in enumerate(self.cards):
            if i < len(tasks):
                task = tasks[i]
                proposed = tuple(
                    view.participants[s].name
                    for s, t in enumerate(view.board) if t == task.id
                ) if on_board else None
                card.show_task(view, task, proposed)
                set_shown(card, True)
            else:
                card.task_id = None
                set_shown(card, False)
        self._reflow()

    @property
    def shown_cards(self) -> list[TaskCard]:
        return [card for card in self.cards if card.task_id is not None]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.task_area and event.type() == QEvent.Type.Resize:
            self._reflow()
        return False

    def columns_that_fit(self) -> int:
        area = self.task_area
        return columns_for(len(self.shown_cards), area.width(), area.height())

    def _reflow(self) -> None:
        """Cards in reading order, in as many columns as suit the area; rows share the
        height equally, so a card never grows at the expense of another row."""
        shown = self.shown_cards
        columns = self.columns_that_fit()
        rows = math.ceil(len(shown) / columns) if shown else 0
        if (columns, len(shown)) == self._placed:
            return
        self._placed = (columns, len(shown))
        self._columns = columns
        for card in self.cards:
            self._grid.removeWidget(card)
        for n, card in enumerate(shown):
            self._grid.addWidget(card, n // columns, n % columns)
        for column in range(MAX_COLUMNS):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        for row in range(max(self._grid.rowCount(), rows)):
            self._grid.setRowStretch(row, 1 if row < rows else 0)

    def _on_card_activated(self, card: TaskCard) -> None:
        if card.task_id is not None:
            self._port.place_selected(card.task_id)
