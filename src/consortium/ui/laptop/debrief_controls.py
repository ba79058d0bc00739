"""The facilitator's end of the game, on the laptop: predict, reveal, then step through the
debrief's screens with the notes for each, and type the group's agreement in Transfer.

Before the Reveal the room answers two questions by show of hands (present/predictions.py);
the facilitator enters the hands for each way of organizing and whom the room named, and
records them (saved with the session). After the Reveal, Back and Next move the board through
``present.prompts.SCREENS``; the note for the screen on the board is shown here only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from consortium.engine.state import PublicState
from consortium.play.records import SessionView
from consortium.present.i18n import _
from consortium.present.labels import mode_label
from consortium.present.predictions import WAYS, best_way_question, holder_question_text
from consortium.present.prompts import SCREENS
from consortium.store.notes import Predictions
from consortium.ui.controller import GameController
from consortium.ui.kit.widgets import label
from consortium.ui.kit.wrap_button import WrapButton

AGREEMENT_LIMIT = 2000  # characters: a paragraph or two, the handout's page


class PredictionsForm(QWidget):
    """The room's two predictions, entered from a show of hands, before the Reveal."""

    def __init__(self, controller: GameController, view: PublicState, s: SessionView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.setAccessibleName(_("The room's predictions"))
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(label(_("Before the Reveal, ask the room (show of hands):"), "heading",
                            wrap=True, fit=True))
        box.addWidget(label("1. " + best_way_question(), wrap=True, fit=True))
        recorded = s.notes.predictions
        counts = dict(recorded.best_way) if recorded is not None else {}
        grid = QGridLayout()
        self.hands: dict[str, QSpinBox] = {}
        present = sum(1 for p in view.participants if p.present)
        for column, way in enumerate(WAYS):  # side by side: the column is short on a laptop
            spin = QSpinBox()
            spin.setRange(0, max(present, 1) * 3)  # a big room around one table
            spin.setValue(counts.get(way.value, 0))
            name = mode_label(way)
            spin.setAccessibleName(_("Hands for {way}").format(way=name))
            spin.setAccessibleDescription(
                _("How many in the room predict this way did best, by a show of hands."))
            grid.addWidget(label(name, wrap=True, fit=True), 0, column)
            grid.addWidget(spin, 1, column)
            self.hands[way.value] = spin
        box.addLayout(grid)
        self.question = controller.debrief_question()
        self.named: dict[int, QCheckBox] = {}
        self.nobody: QCheckBox | None = None
        if self.question is not None:
            box.addWidget(label("2. " + holder_question_text(self.question), wrap=True, fit=True))
            chosen = set(recorded.named) if recorded is not None else set()
            names = QGridLayout()
            for seat, participant in enumerate(view.participants):
                if not participant.present:
                    continue
                check = QCheckBox(participant.name)
                check.setAccessibleName(_("The room named {name}").format(
                    name=participant.name))
                check.setAccessibleDescription(
                    _("Check if the room named this person as holding the lost knowledge."))
                check.setChecked(seat in chosen)
                names.addWidget(check, len(self.named) // 2, len(self.named) % 2)
                self.named[seat] = check
            self.nobody = QCheckBox(_("Nobody in the room"))
            self.nobody.setAccessibleDescription(
                _("Check if the room thinks nobody present held the lost knowledge."))
            self.nobody.setChecked(recorded is not None and recorded.nobody)
            names.addWidget(self.nobody, (len(self.named) + 1) // 2 + 1, 0, 1, 2)
            box.addLayout(names)
        self.record = WrapButton(_("Record the predictions"))
        self.record.setAccessibleName(_("Record the room's predictions"))
        self.record.setAccessibleDescription(
            _("Saves the hands and names with the session; the board shows them after the "
              "Reveal."))
        self.record.clicked.connect(self.submit)
        box.addWidget(self.record)
        self.saved = label(_("Recorded.") if recorded is not None else "", "hint")
        box.addWidget(self.saved)

    def predictions(self) -> Predictions:
        q = self.question
        return Predictions(
            best_way=tuple((way, spin.value()) for way, spin in self.hands.items()),
            task=q.task if q is not None else None,
            requirement=q.requirement if q is not None else None,
            named=tuple(seat for seat, check in self.named.items() if check.isChecked()),
            nobody=self.nobody is not None and self.nobody.isChecked(),
        )

    def submit_if_entered(self) -> None:
        p = self.predictions()
        if any(count for _way, count in p.best_way) or p.named or p.nobody:
            self.submit()

    def submit(self) -> None:
        if self._controller.record_predictions(self.predictions()):
            self.saved.setText(_("Recorded."))


class ScreenSteps(QWidget):
    """Back and Next through the debrief's screens, with this screen's note; in Transfer, the
    group's agreement as the facilitator types it."""

    def __init__(self, controller: GameController, s: SessionView, *, width: int = 0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.setAccessibleName(_("Debrief screens"))
        index = min(s.debrief_screen, len(SCREENS) - 1)
        self.index = index
        screen = SCREENS[index]
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(label(_("On the board: {number} of {count} · {title}").format(
            number=index + 1, count=len(SCREENS), title=_(screen.title)), "heading", wrap=True,
                fit=True))
        note = label(_("Your note: {note}").format(note=_(screen.note)), wrap=True, fit=True)
        note.setAccessibleName(_("Facilitator note"))
        if width > 0:  # wrapped lines get their height in a column of that width
            note.setMinimumHeight(note.heightForWidth(width))
        box.addWidget(note)
        self.agreement: QPlainTextEdit | None = None
        if screen.key == "transfer":
            self.agreement = QPlainTextEdit(s.notes.agreement)
            self.agreement.setAccessibleName(_("The group's agreement"))
            self.agreement.setAccessibleDescription(
                _("Type the condition the group will create; it goes into the report and "
                  "the handout."))
            self.agreement.setPlaceholderText(_("One condition we will create…"))
            self.agreement.setTabChangesFocus(True)
            box.addWidget(self.agreement, 1)
            save = WrapButton(_("Save the agreement"))
            save.setAccessibleName(_("Save the group's agreement"))
            save.setAccessibleDescription(_("Saves the agreement with the session."))
            save.clicked.connect(self.save_agreement)
            box.addWidget(save)
            self.save_button = save
        self.from_round: QSpinBox | None = None
        runner = controller.what_if
        if screen.key == "what-if" and runner is not None:
            # the what-if from the start of a later round: what if we had changed course then?
            rounds = QHBoxLayout()
            rounds.addWidget(label(_("From round"), wrap=True, fit=True))
            self.from_round = QSpinBox()
            self.from_round.setRange(1, max(1, controller.view.round))
            self.from_round.setValue(runner.from_round)
            self.from_round.setAccessibleName(_("What if from the start of round"))
            self.from_round.setAccessibleDescription(
                _("The round from which bots replay the same deal each way."))
            rounds.addWidget(self.from_round)
            work = WrapButton(_("Work it out"))
            work.setAccessibleName(_("Work out the what-if from that round"))
            work.setAccessibleDescription(
                _("Bots replay the game from that round; the board shows the result."))
            work.clicked.connect(self.work_out)
            rounds.addWidget(work)
            box.addLayout(rounds)
            self.work_button = work
            measures = QGridLayout()  # two to a row: the column is narrow on a laptop
            self.measures: dict[str, QPushButton] = {}
            for measure, text in (("impact", _("Impact")), ("jointholism", _("Jointholism")),
                                  ("lost", _("Lost"))):
                show = WrapButton(text)
                show.setCheckable(True)
                show.setChecked(s.what_if_measure == measure)
                show.setAccessibleName(_("Show the what-if of {measure}").format(measure=text))
                show.setAccessibleDescription(
                    _("The what-if on the board shows this measure for each way."))
                show.clicked.connect(lambda _c=False, m=measure: self._show_measure(m))
                measures.addWidget(show, len(self.measures) // 2, len(self.measures) % 2)
                self.measures[measure] = show
            box.addLayout(measures)
        row = QHBoxLayout()
        self.back = WrapButton(_("◀ Back"))
        self.back.setAccessibleName(_("Previous debrief screen"))
        self.back.setAccessibleDescription(
            _("The board shows the debrief screen before this one (Page Up)."))
        self.back.setEnabled(index > 0)
        self.back.clicked.connect(lambda: self.go(index - 1))
        self.next = WrapButton(_("Next ▶"))
        self.next.setAccessibleName(_("Next debrief screen"))
        self.next.setAccessibleDescription(
            _("The board shows the next debrief screen (Page Down)."))
        self.next.setEnabled(index < len(SCREENS) - 1)
        self.next.clicked.connect(lambda: self.go(index + 1))
        self.next.setAutoDefault(True)
        row.addWidget(self.back)
        row.addWidget(self.next)
        box.addLayout(row)
        for key, step in (("PgDown", 1), ("PgUp", -1)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda step=step: self.go(self.index + step))
        if screen.key != "details":
            box.addStretch(1)

    def _show_measure(self, measure: str) -> None:
        self._controller.show_what_if_measure(measure)
        for key, button in self.measures.items():
            button.setChecked(key == measure)

    def work_out(self) -> None:
        runner = self._controller.what_if
        if runner is not None and self.from_round is not None:
            runner.start(self.from_round.value())

    def go(self, index: int) -> None:
        if self.agreement is not None:
            self.save_agreement()  # leaving Transfer keeps what was typed
        if 0 <= index < len(SCREENS):
            self._controller.show_debrief_screen(index)

    def save_agreement(self) -> None:
        if self.agreement is not None:
            text = self.agreement.toPlainText()[:AGREEMENT_LIMIT]
            self._controller.set_agreement(text)
