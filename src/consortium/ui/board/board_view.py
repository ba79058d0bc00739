"""The board's play page: task cards in a grid and the public event log.

Listens to ``BoardPort.changed`` and redraws only the parts a change touches (task cards on
``tasks``/``board``/``phase``, the log on ``log``). Shows open tasks and the tasks finished
this round (stamped). Activating a card asks the port to place the selected participant there;
a participant dropped on a card is placed directly.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QListView,
    QScrollArea,
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

COLUMNS = 3
"""Task cards per row when they fit; fewer when larger type makes a card wider than a third of
the task area (presenter mode, zoom, a laptop screen beside the facilitator panel)."""


def shown_tasks(view: PublicState) -> list[TaskState]:
    return [
        t for t in view.tasks
        if t.status == "open" or (t.status == "finished" and t.finished_round == view.round)
    ]


class BoardView(QWidget):
    def __init__(self, port: BoardPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self.cards: list[TaskCard] = []
        self._grid = QGridLayout()
        self._grid.setSpacing(10)
        for column in range(COLUMNS):
            self._grid.setColumnStretch(column, 1)
        self.log_model = LogModel(self)
        self.log_view = QListView()
        self.log_view.setModel(self.log_model)
        self.log_view.setWordWrap(True)
        self.log_view.setAccessibleName(_("Event log"))
        self.log_view.setUniformItemSizes(False)
        log_box = QVBoxLayout()
        heading = label(_("What happened"), name="heading")
        log_box.addWidget(heading)
        log_box.addWidget(self.log_view, 1)
        # The cards keep the height their wrapped lines need: when they do not all fit (larger
        # type in presenter mode, a zoom, a small laptop screen) the task area scrolls instead
        # of squeezing lines on top of each other.
        cards = QWidget()
        tasks_box = QVBoxLayout(cards)
        tasks_box.setContentsMargins(0, 0, 0, 0)
        tasks_box.addLayout(self._grid)
        tasks_box.addStretch(1)
        self.task_area = QScrollArea()
        self.task_area.setWidgetResizable(True)
        self.task_area.setFrameShape(QFrame.Shape.NoFrame)
        self.task_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.task_area.setWidget(cards)
        self.task_area.setAccessibleName(_("Tasks"))
        self.task_area.viewport().installEventFilter(self)
        self._columns = COLUMNS
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.task_area, 4)
        layout.addLayout(log_box, 1)
        port.changed.connect(self._on_game_changed)

    def _on_game_changed(self, change: Change) -> None:
        if change.tasks or change.board or change.phase or change.participants:
            self._show_tasks(change)
        if change.log:
            self.log_model.set_entries(change.view.log)
            # after the wrapped rows are laid out, or the last line stays half hidden
            QTimer.singleShot(0, self.log_view, self.log_view.scrollToBottom)

    def _show_tasks(self, change: Change) -> None:
        view = change.view
        tasks = shown_tasks(view)
        added = len(self.cards) < len(tasks)
        while len(self.cards) < len(tasks):
            card = TaskCard(self.task_area.widget())
            card.activated.connect(lambda c=card: self._on_card_activated(c))
            card.dropped.connect(self._port.place)
            n = len(self.cards)
            self._grid.addWidget(card, n // self._columns, n % self._columns)
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
        if added:  # otherwise only a resize or a new type size changes what fits
            self._reflow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.task_area.viewport() and event.type() in (
            QEvent.Type.Resize, QEvent.Type.StyleChange, QEvent.Type.FontChange,
        ):
            self._reflow()
        return False

    def columns_that_fit(self) -> int:
        """As many columns (up to three) as the widest card's minimum width allows."""
        if not self.cards:
            return COLUMNS
        spacing = self._grid.horizontalSpacing()
        widest = max(card.minimumSizeHint().width() for card in self.cards) + spacing
        room = self.task_area.viewport().width() + spacing
        return max(1, min(COLUMNS, room // max(1, widest)))

    def _reflow(self) -> None:
        columns = self.columns_that_fit()
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards:
            self._grid.removeWidget(card)
        for n, card in enumerate(self.cards):
            self._grid.addWidget(card, n // columns, n % columns)
        for column in range(COLUMNS):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

    def _on_card_activated(self, card: TaskCard) -> None:
        if card.task_id is not None:
            self._port.place_selected(card.task_id)
