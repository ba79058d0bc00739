"""The new-session page: one page, sensible defaults, done in a minute (FACILITATION.md).

Scenario (with blurb), participants (name, sector, person or bot; 3–8 seats), preset, rounds,
mode schedule (including the 90-minute plan), turnover, talk clock, secret ballot and the
seed (advanced). A scenario file another trainer wrote (TOML) can be opened here; it is
checked like ``consortium validate`` checks it, and a broken one is refused with every problem
at its place. The scenario's tasks can be exported to a spreadsheet (CSV) and imported back,
checked like a scenario file: a problem is shown at its row and column, and the scenario
stays as it was. Emits ``start_requested(SessionSetup)``.

The page shows the set-up's **table code** (store/table_code.py), kept current as anything on
the page changes: another table that types it (*Use a code from another table…*) gets the same
scenario, seats' sectors, rounds, schedule, turnover, seed and secret ballot, so the same deals,
newcomers and events. Names, people and bots stay each table's own: a code fills in the seats'
sectors and keeps the names already typed (adding or removing seats to match). A code may
carry a schedule, turnover, capacity or hand size the page's lists do not offer; they are kept
as "from the table code" until the trainer changes them.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consortium.engine.scenario import Scenario
from consortium.engine.setup import DEFAULT_BOT, ROUNDS, SEATS
from consortium.engine.state import GameConfig, Mode, ScheduleEntry, SeatSetup
from consortium.play.records import SessionSetup
from consortium.present import scenario_words as words
from consortium.present.i18n import N_, _
from consortium.present.numbers import plain
from consortium.present.table_code_words import table_code_problem
from consortium.store.table_code import TableCodeError, TableSetup, read_table_code, table_code
from consortium.ui.kit.button_row import ButtonRow, Stacking
from consortium.ui.kit.combo_delegate import ComboDelegate
from consortium.ui.kit.widgets import button, label, spin_box
from consortium.ui.kit.wrapping_header import WrappingHeader
from consortium.ui.shell.file_dialogs import CSV, TOML, FileDialogs
from consortium.ui.shell.messages import message
from consortium.ui.shell.seats_model import BOT, PERSON, SeatsModel
from consortium.ui.shell.table_code_dialog import TableCodeDialog

SCHEDULES: tuple[tuple[str, str], ...] = (
    ("plan", N_("The 90-minute plan: Plenary, Pick your own, then the group chooses")),
    ("democratic", N_("Plenary every round")),
    ("self-selection", N_("Pick your own every round")),
    ("hybrid", N_("Mixed every round")),
    ("choose", N_("The group chooses each round")),
)
CODE_LINE = 5  # groups of a table code on one line of the page
FROM_CODE = "code"
"""The schedule list's entry for a schedule that came with a table code and is none of the
above."""
PRESETS = (N_("Workshop: 4 rounds, the 90-minute plan"), N_("Custom"))
DEFAULT_NAMES = (N_("Participant 1"), N_("Participant 2"), N_("Participant 3"))


def schedule_for(kind: str, rounds: int) -> tuple[ScheduleEntry, ...]:
    if kind == "plan":
        first: list[ScheduleEntry] = [Mode.DEMOCRATIC, Mode.SELF_SELECTION]
        return tuple((first + ["choose"] * rounds)[:rounds])
    if kind == "choose":
        return tuple("choose" for _round in range(rounds))
    return (Mode(kind),) * rounds


HANDS_CURTAIN, HANDS_PHONES, HANDS_PRINTED = "curtain", "phones", "printed"

class _Unsqueezed(Stacking):
    """The page's settings, never squeezed below the height they ask for: a scroll area
    gives its widget at least its minimum size hint, and a layout's minimum lets buttons
    shrink below their text (issue 12's cut buttons), so the minimum here is the full height
    and a small screen scrolls instead."""

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())


SEED_MAX = 999_999
"""The largest seed a trainer can type."""
FRESH_SEEDS = 9_999
"""How many seeds :func:`fresh_seed` picks from: enough that two workshops almost never get
the same deal, and small enough to keep the table code short (a seed up to 9,999 costs four
of its characters more than seed 1; one up to 999,999, seven)."""


def fresh_seed() -> int:
    """A seed nobody chose, 1 to :data:`FRESH_SEEDS`. Every new-session page, and the page
    again after a session starts, deals other cards: with one fixed seed every workshop dealt
    the same hands, and a student who played twice knew them. The seed is in the save and
    the table code, so a deal is never lost; typing a seed or a table code deals it again."""
    return secrets.randbelow(FRESH_SEEDS) + 1


class SetupPage(QWidget):
    start_requested = Signal(object)
    back_requested = Signal()

    def __init__(
        self,
        scenarios: dict[str, Scenario],
        parent: QWidget | None = None,
        *,
        files: Callable[[], FileDialogs] = FileDialogs,
        talk_clock: bool = False,
    ) -> None:
        super().__init__(parent)
        self._scenarios = dict(scenarios)
        self._files = files
        self.last_message: QMessageBox | None = None
        # Both keyed by the scenario list's entry (its item data), not the scenario's id: a
        # trainer's edit of a shipped scenario keeps the shipped id but is its own entry.
        self._imported: dict[str, str] = {}  # entry: "tasks.csv" (the file it came from)
        self.setAccessibleName(_("New session"))
        self.scenario = QComboBox()
        self.scenario.setAccessibleName(_("Scenario"))
        self.scenario.setAccessibleDescription(
            _("The partnership to play: its sectors, tasks and expertise."))
        for sid, sc in scenarios.items():
            self.scenario.addItem(words.scenario_title(sc), sid)
        self.open_scenario_button = button(
            _("Open a scenario file…"), "secondary",
            accessible=_("Open a scenario file (TOML) from another trainer"),
            description=_("Adds a scenario written by a trainer to the list and chooses it."),
        )
        self.open_scenario_button.clicked.connect(self.open_scenario_file)
        self.check_button = button(
            _("Check that it teaches…"), "secondary",
            accessible=_("Check that the scenario teaches what the game is for"),
        )
        self.check_button.setToolTip(_("Bots play the scenario to check the calibration "
                                        "claims (about a minute); the report says which hold "
                                        "and what to change"))
        self.check_button.clicked.connect(self._on_check_clicked)
        self.check_dialog: QDialog | None = None
        self.blurb = label(wrap=True, name="hint")
        self.tasks_hint = label(wrap=True, name="hint")
        self.tasks_hint.setAccessibleName(_("Tasks"))
        self.import_button = button(_("Import tasks from CSV…"), "secondary",
                                    accessible=_("Import tasks from a spreadsheet"),
                                    description=_("Replaces this scenario's tasks with the "
                                                  "rows of a CSV file."))
        self.export_button = button(_("Export tasks to CSV…"), "secondary",
                                    accessible=_("Export tasks to a spreadsheet"),
                                    description=_("Saves this scenario's tasks as a CSV file "
                                                  "to edit in a spreadsheet."))
        self.import_button.clicked.connect(self.import_tasks)
        self.export_button.clicked.connect(self.export_tasks)
        self.preset = QComboBox()
        self.preset.setAccessibleName(_("Preset"))
        self.preset.setAccessibleDescription(
            _("Sets the rounds and the mode schedule for a kind of session at once."))
        self.preset.addItems([_(preset) for preset in PRESETS])
        self.rounds = spin_box(_("Rounds"), ROUNDS.low, ROUNDS.high,
                               description=_("How many rounds the game lasts."))
        self.schedule = QComboBox()
        self.schedule.setAccessibleName(_("Mode schedule"))
        self.schedule.setAccessibleDescription(
            _("How the work is organised in each round, or whether the group chooses."))
        for key, text in SCHEDULES:
            self.schedule.addItem(_(text), key)
        self.turnover = QComboBox()
        self.turnover.setAccessibleName(_("Turnover"))
        self.turnover.setAccessibleDescription(
            _("How often a participant leaves and a newcomer takes their seat."))
        # short enough for a 1280×720 screen; the whole sentence is the tooltip
        self.talk_clock = QCheckBox(_("Talk clock for meeting time"))
        self.talk_clock.setToolTip(_("Talk clock: meeting time runs on a clock"))
        self.talk_clock.setAccessibleName(_("Talk clock"))
        self.talk_clock.setChecked(talk_clock)  # Settings' default for new sessions
        self.secret_ballot = QCheckBox(_("Secret ballot: votes behind the curtain"))
        self.secret_ballot.setAccessibleName(_("Secret ballot"))
        self.secret_ballot.setAccessibleDescription(
            _("When checked, each person votes alone behind the curtain instead of by a "
              "show of hands."))
        # where the players' hands are: behind the laptop's curtain (the default and the
        # fallback), on their phones (docs/phones.md), or on printed sheets
        # (docs/printed-hands.md)
        self.hands = QComboBox()
        self.hands.setAccessibleName(_("Hands"))
        self.hands.setAccessibleDescription(
            _("Where each player sees their own cards: on this screen, on a phone or on "
              "paper."))
        self.hands.addItem(_("On screen, behind the curtain"), HANDS_CURTAIN)
        self.hands.addItem(_("On players' phones (local network)"), HANDS_PHONES)
        self.hands.addItem(_("Printed sheets (Session → Print hands…)"), HANDS_PRINTED)
        self.seed = spin_box(_("Seed (advanced)"), 0, SEED_MAX,
                             description=_("The same seed deals the same cards again."))
        self.seed.setValue(fresh_seed())
        self.deal_again = button(
            _("Deal again"), "secondary",
            description=_("Picks a new seed: other hands, other newcomers, other events."))
        self.deal_again.clicked.connect(lambda: self.seed.setValue(fresh_seed()))
        # the table code: shown with spaces between its groups, five groups a line (it reads
        # out group by group, and its height does not depend on the page's width);
        # selectable, to copy it into an e-mail
        self.code = label(name="code")
        self.code.setAccessibleName(_("Table code"))
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.use_code_button = button(_("Use a code from another table…"), "secondary",
                                      accessible=_("Use a table code from another table"),
                                      description=_("Type another table's code to play the "
                                                    "same deal."))
        self.use_code_button.clicked.connect(self.use_code)
        self._code_schedule: tuple[ScheduleEntry, ...] = ()
        self._code_sizes: tuple[int, int] | None = None  # capacity, hand size from a code
        self._applying_code = False

        self.seats = SeatsModel(())
        self.table = QTableView()
        self.table.setHorizontalHeader(WrappingHeader(self.table))  # titles wrap at 200 %
        self.table.setModel(self.seats)
        self.table.setAccessibleName(_("Participants"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        # Type or F2 to edit a cell; editors do not open just by passing through, so Tab
        # leaves the table instead of walking every cell.
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setItemDelegateForColumn(1, ComboDelegate(lambda: self.seats.sector_names,
                                                             self.table))
        self.table.setItemDelegateForColumn(2, ComboDelegate(lambda: (_(PERSON), _(BOT)),
                                                             self.table))
        self.add_button = button(_("Add a seat"),
                                 description=_("Adds a row to the participants table."))
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button = button(
            _("Remove the selected seat"), "secondary",
            description=_("Removes the participant selected in the table."))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.start_button = button(
            _("Start the session"),
            description=_("Starts the game with these settings and seats."))
        self.start_button.setAutoDefault(True)
        self.start_button.clicked.connect(self._on_start_clicked)
        # the unscored practice round with these seats (play/practice.py), before the game
        self.practice_button = button(
            _("Practice round first"), "secondary",
            accessible=_("Practice round first: two tasks, unscored, about ten minutes"))
        self.practice_button.setToolTip(_("Two tasks, one Plenary round and one Pick-your-own "
                                          "round; unscored and not saved; about ten minutes"))
        self.practice_button.setAutoDefault(True)
        self.practice_button.clicked.connect(self._on_practice_clicked)
        self.back_button = button(_("Back"), "secondary",
                                  description=_("Back to the start screen."))
        self.back_button.clicked.connect(self.back_requested)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for combo in (self.scenario, self.preset, self.schedule, self.turnover):
            # a long scenario or schedule name must not widen the page past the screen
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        scenario_row = QHBoxLayout()
        scenario_row.addWidget(self.scenario, 1)
        scenario_row.addWidget(self.open_scenario_button)
        form.addRow(_("Scenario"), scenario_row)
        form.addRow("", self.blurb)
        check_row = QHBoxLayout()
        check_row.addWidget(self.check_button)
        check_row.addStretch(1)
        form.addRow("", check_row)
        # the hint over its two buttons, not beside them: side by side they made the page
        # wider than a 1366-pixel laptop (issue 12)
        task_box = QVBoxLayout()
        task_box.addWidget(self.tasks_hint)
        task_row = QHBoxLayout()
        task_row.addWidget(self.export_button)
        task_row.addWidget(self.import_button)
        task_row.addStretch(1)
        task_box.addLayout(task_row)
        form.addRow(_("Tasks"), task_box)
        form.addRow(_("Preset"), self.preset)
        form.addRow(_("Rounds"), self.rounds)
        form.addRow(_("Mode schedule"), self.schedule)
        form.addRow(_("Turnover"), self.turnover)
        form.addRow("", self.talk_clock)
        form.addRow("", self.secret_ballot)
        form.addRow(_("Hands"), self.hands)
        form.addRow(_("Seed (advanced)"), self.seed)
        seat_buttons = QHBoxLayout()
        seat_buttons.addWidget(self.add_button)
        seat_buttons.addWidget(self.remove_button)
        seat_buttons.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(label(_("Participants ({low}–{high} seats)").format(
            low=SEATS.low, high=SEATS.high), name="heading"))
        right.addWidget(self.table, 1)
        right.addWidget(label(_("Type over a name to change it; F2 or a double click edits a "
                                "cell; a person plays behind the curtain, a bot by itself."),
                              name="hint", wrap=True))
        right.addLayout(seat_buttons)
        right.addSpacing(12)
        right.addWidget(label(_("Table code"), name="heading"))
        right.addWidget(label(_("Another table that types this code plays the same deals, "
                                "newcomers and events."), name="hint", wrap=True))
        right.addWidget(self.code)
        # the deal's two ways: another one, or another table's (on two lines when they do
        # not fit side by side, at 200 %)
        code_buttons = ButtonRow()
        code_buttons.add(self.deal_again)
        code_buttons.add(self.use_code_button)
        code_buttons.add_stretch()
        right.addWidget(code_buttons)
        bottom = ButtonRow()  # on two lines when one is wider than the screen (200 %)
        bottom.add(self.back_button)
        bottom.add_stretch()
        bottom.add(self.practice_button)
        bottom.add(self.start_button)
        # The settings scroll when the screen is too small for them (a 1280-pixel projector in
        # presenter type); the title and the Start button never do (issue 12: Start was off
        # a 1366-pixel screen).
        # the settings beside the seats, or above them when the two halves do not fit side
        # by side (200 % text on a laptop): never a page wider than the screen (issue 15)
        settings = _Unsqueezed()
        settings.box.addLayout(form, 1)
        settings.box.addLayout(right, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(settings)
        scroll.setAccessibleName(_("Session settings"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(label(_("New session"), name="title"))
        layout.addWidget(scroll, 1)
        layout.addWidget(bottom)

        self.scenario.currentIndexChanged.connect(self._on_scenario_changed)
        self.preset.currentIndexChanged.connect(self._on_preset_changed)
        self.rounds.valueChanged.connect(self._on_custom_changed)
        self.schedule.currentIndexChanged.connect(self._on_custom_changed)
        self._applying_preset = False
        for changed in (self.rounds.valueChanged, self.schedule.currentIndexChanged,
                        self.turnover.currentIndexChanged, self.seed.valueChanged,
                        self.secret_ballot.toggled):
            changed.connect(self._show_code)
        self._on_scenario_changed()
        self._on_preset_changed()
        self.setTabOrder(self.scenario, self.preset)
        self._as_built = self._entries()

    def _entries(self) -> tuple[object, ...]:
        """What the trainer can change on the page (the talk clock box is Settings' too)."""
        return (self.table_code(), self.seats.seats(), self.hands.currentIndex(),
                self.preset.currentIndex())

    def edited(self) -> bool:
        """Whether the trainer changed anything since the page was built (a language change
        then carries it over to the page built in the new language)."""
        return self._entries() != self._as_built or self._imported != {}

    @property
    def current_scenario(self) -> Scenario:
        return self._scenarios[self._entry]

    @property
    def _entry(self) -> str:
        """The selected entry of the scenario list."""
        return str(self.scenario.currentData())

    def _on_scenario_changed(self) -> None:
        sc = self.current_scenario
        self.blurb.setText(words.scenario_blurb(sc))
        source = self._imported.get(self._entry)
        self.tasks_hint.setText(
            _("{count} tasks from {file}").format(count=len(sc.tasks), file=source)
            if source is not None
            else _("{count} tasks in the scenario").format(count=len(sc.tasks)))
        sectors = [(s.id, words.sector_name(sc, s.id)) for s in sc.sectors]
        if not self.seats.seats():
            seats = [
                SeatSetup(_(name), sectors[i % len(sectors)][0])
                for i, name in enumerate(DEFAULT_NAMES)
            ] + [
                SeatSetup(_("Bot {number}").format(number=i + 1), sectors[i % len(sectors)][0],
                          DEFAULT_BOT)
                for i in range(len(DEFAULT_NAMES), 5)
            ]
            self.seats = SeatsModel(sectors, self)
            self.seats.set_seats(seats)
            self.table.setModel(self.seats)
            for changed in (self.seats.dataChanged, self.seats.rowsInserted,
                            self.seats.rowsRemoved, self.seats.modelReset):
                changed.connect(self._show_code)
        else:
            self.seats.set_sectors(sectors)
        if not self._applying_code:
            self._code_sizes = None  # another scenario: its own capacity and hand size
        default = sc.defaults.turnover
        self.turnover.clear()
        self.turnover.addItem(_("None (0)"), 0.0)
        self.turnover.addItem(_("Scenario default ({turnover})").format(turnover=plain(default)),
                              default)
        self.turnover.addItem(_("High (0.3)"), 0.3)
        self.turnover.setCurrentIndex(1)
        self._show_code()

    def _on_preset_changed(self) -> None:
        if self.preset.currentIndex() == 0:
            self._applying_preset = True
            self.rounds.setValue(4)
            self.schedule.setCurrentIndex(0)
            self._applying_preset = False

    def _on_custom_changed(self) -> None:
        if not self._applying_preset and self.preset.currentIndex() == 0:
            self.preset.setCurrentIndex(1)

    def _on_add_clicked(self) -> None:
        self.seats.add_seat()

    def _on_remove_clicked(self) -> None:
        self.seats.remove_seat(self.table.currentIndex().row())

    def config(self) -> GameConfig:
        """The game the page sets up now."""
        sc = self.current_scenario
        rounds = self.rounds.value()
        kind = str(self.schedule.currentData())
        schedule: tuple[ScheduleEntry, ...]
        if kind == FROM_CODE:  # as the code had it, cut or filled with "the group chooses"
            chooses: list[ScheduleEntry] = ["choose"] * rounds
            schedule = tuple([*self._code_schedule, *chooses][:rounds])
        else:
            schedule = schedule_for(kind, rounds)
        capacity, hand_size = self._code_sizes or (sc.defaults.capacity,
                                                   sc.defaults.hand_size)
        return GameConfig(
            seats=self.seats.seats(),
            rounds=rounds,
            turnover=float(self.turnover.currentData()),
            schedule=schedule,
            seed=self.seed.value(),
            capacity=capacity,
            hand_size=hand_size,
            secret_ballot=self.secret_ballot.isChecked(),
        )

    def setup(self) -> SessionSetup:
        sc = self.current_scenario
        config = self.config()
        hands = self.hands.currentData()
        return SessionSetup(sc, config, talk_clock=self.talk_clock.isChecked(),
                            printed_hands=hands == HANDS_PRINTED, phones=hands == HANDS_PHONES)

    # --- the table code -----------------------------------------------------------------------

    def table_code(self) -> str:
        """The code of the set-up on the page now (with dashes, as the store writes it)."""
        return table_code(self.current_scenario, self.config())

    def _show_code(self) -> None:
        if self._applying_code or self.turnover.count() == 0:
            return  # halfway through building or applying: the last step shows it
        groups = self.table_code().split("-")
        self.code.setText("\n".join(" ".join(groups[i:i + CODE_LINE])
                                    for i in range(0, len(groups), CODE_LINE)))

    def use_code(self) -> bool:
        """Ask for another table's code and set the page up from it."""
        dialog = TableCodeDialog(self.apply_code, self)
        return dialog.exec() == TableCodeDialog.DialogCode.Accepted

    def apply_code(self, code: str) -> str | None:
        """Set the page up from a typed code; the problem in words if it cannot be used (and
        then nothing on the page has changed)."""
        try:
            entry, table = self._read_code(code)
        except TableCodeError as error:
            return table_code_problem(error)
        self._applying_code = True
        try:
            self.scenario.setCurrentIndex(self.scenario.findData(entry))
            self._code_sizes = (table.capacity, table.hand_size)
            old = self.seats.seats()
            self.seats.set_seats([
                SeatSetup(old[i].name if i < len(old)
                          else _("Participant {number}").format(number=i + 1),
                          sector, old[i].bot if i < len(old) else None)
                for i, sector in enumerate(table.sectors)])
            self.preset.setCurrentIndex(len(PRESETS) - 1)  # Custom
            self.rounds.setValue(table.rounds)
            self._select_schedule(table)
            self._select_turnover(table.turnover)
            self.seed.setMaximum(max(self.seed.maximum(), table.seed))
            self.seed.setValue(table.seed)
            self.secret_ballot.setChecked(table.secret_ballot)
        finally:
            self._applying_code = False
        self._show_code()
        return None

    def _read_code(self, code: str) -> tuple[str, TableSetup]:
        """The scenario list's entry and the set-up a code stands for. Of the entries with the
        code's scenario id, the one whose content matches; if none does, the code's problem
        names the version this laptop has."""
        problem: TableCodeError | None = None
        for entry, scenario in self._scenarios.items():
            try:
                return entry, read_table_code(code, {scenario.id: scenario})[1]
            except TableCodeError as error:
                if error.kind != "unknown-scenario":
                    problem = error
                    if error.kind != "other-version":
                        raise  # the code itself is wrong: no entry will read it
        if problem is not None:
            raise problem
        read_table_code(code, {})  # raises: this laptop has no such scenario
        raise AssertionError("unreachable")

    def _select_schedule(self, table: TableSetup) -> None:
        for i in range(self.schedule.count()):
            kind = str(self.schedule.itemData(i))
            if kind != FROM_CODE and schedule_for(kind, table.rounds) == table.schedule:
                self.schedule.setCurrentIndex(i)
                return
        self._code_schedule = table.schedule
        index = self.schedule.findData(FROM_CODE)
        if index < 0:
            self.schedule.addItem(_("As the table code has it"), FROM_CODE)
            index = self.schedule.count() - 1
        self.schedule.setCurrentIndex(index)

    def _select_turnover(self, turnover: float) -> None:
        for i in range(self.turnover.count()):
            if abs(float(self.turnover.itemData(i)) - turnover) < 1e-9:
                self.turnover.setCurrentIndex(i)
                return
        self.turnover.addItem(_("From the table code ({turnover})").format(
            turnover=plain(turnover)), turnover)
        self.turnover.setCurrentIndex(self.turnover.count() - 1)

    def _on_practice_clicked(self) -> None:
        from consortium.play.practice import practice_setup  # noqa: PLC0415 - not at launch

        self.start_requested.emit(practice_setup(self.setup()))

    def _on_start_clicked(self) -> None:
        self.start_requested.emit(self.setup())
        # the next New session deals other cards (the practice round comes back here and
        # keeps this seed for the real game)
        self.seed.setValue(fresh_seed())

    # --- a scenario file from another trainer -------------------------------------------------

    def open_scenario_file(self) -> bool:
        """Check a TOML scenario file and offer it for this session. A broken file gets every
        problem at its place (``tasks[4].effort: …``), as ``consortium validate`` prints
        them, and changes nothing; a good one joins the list, selected. The session embeds
        the scenario in its saves, so it survives the file being moved or deleted later."""
        from consortium.engine.scenario_toml import (  # noqa: PLC0415 - not at launch
            ScenarioError,
            scenario_warning_words,
        )
        from consortium.present.problem_words import problem_lines, words_text  # noqa: PLC0415
        from consortium.store.codec import printable  # noqa: PLC0415
        from consortium.store.scenarios import read_scenario_file  # noqa: PLC0415

        path = self._files().open_path(self, _("Open a scenario file"), None, _(TOML))
        if path is None:
            return False
        try:
            scenario = read_scenario_file(path)
        except ScenarioError as error:
            self._problem(_("Cannot open this scenario"),
                          _("{file} cannot be used; nothing was changed.").format(file=path.name),
                          problem_lines(error.problems, path))
            return False
        # one entry per file: reopening it (after an edit) replaces that entry, and a file
        # that reuses a shipped scenario's id never overwrites the shipped one
        key = f"file:{path.resolve()}"
        self._scenarios[key] = scenario
        self._imported.pop(key, None)
        shown = f"{words.scenario_title(scenario)} — {path.name}"
        index = self.scenario.findData(key)
        if index < 0:
            self.scenario.addItem(shown, key)
            index = self.scenario.count() - 1
        else:
            self.scenario.setItemText(index, shown)
        if index == self.scenario.currentIndex():
            self._on_scenario_changed()  # the same entry, read again from its file
        else:
            self.scenario.setCurrentIndex(index)
        warnings = [words_text(w) for w in scenario_warning_words(scenario)]
        self.check_button.setFocus(Qt.FocusReason.OtherFocusReason)  # the next step offered
        if warnings:
            self.last_message = message(
                self, _("Scenario opened, with warnings"),
                _("{file} can be played; the author may want to look at these:").format(
                    file=path.name),
                [printable(w) for w in warnings], icon=QMessageBox.Icon.Information,
            )
        return True

    # --- does it teach? -------------------------------------------------------------------------

    def _on_check_clicked(self) -> None:
        self.check_scenario()

    def check_scenario(self, *, seeds: int | None = None, workers: int | None = None) -> QDialog:
        """Open "Check that it teaches…" on the selected scenario (docs/calibrate.md): the
        calibration claims played by bots in the background, then the report. ``seeds`` and
        ``workers`` for tests; by default the claims' 200 seeds on the cores but one."""
        from consortium.engine.calibration import SEEDS  # noqa: PLC0415 - not at launch
        from consortium.ui.shell.calibrate_dialog import CalibrateDialog  # noqa: PLC0415

        if self.check_dialog is not None:
            self.check_dialog.close()
        dialog = CalibrateDialog(self.current_scenario, self, seeds=seeds or SEEDS,
                                 workers=workers)
        dialog.finished.connect(partial(self._on_check_dialog_finished, dialog))
        self.check_dialog = dialog
        dialog.open()
        return dialog

    def _on_check_dialog_finished(self, dialog: QDialog, _result: int) -> None:
        if self.check_dialog is dialog:
            self.check_dialog = None
        dialog.deleteLater()

    # --- tasks as a spreadsheet ---------------------------------------------------------------

    def export_tasks(self) -> bool:
        from consortium.present.reason_words import os_reason  # noqa: PLC0415
        from consortium.store.fs import FileSystem, atomic_write  # noqa: PLC0415
        from consortium.store.task_csv import tasks_csv  # noqa: PLC0415

        sc = self.current_scenario
        path = self._files().save_path(self, _("Export the tasks to a spreadsheet"),
                                       Path.home() / f"{sc.id}-tasks.csv", _(CSV))
        if path is None:
            return False
        try:
            atomic_write(FileSystem(), path, tasks_csv(sc.tasks))
        except OSError as error:
            self._problem(_("Cannot export the tasks"),
                          _("Cannot write {path}: {reason}.").format(path=path,
                                                                     reason=os_reason(error)), [])
            return False
        self.tasks_hint.setText(_("{count} tasks · exported to {file}").format(
            count=len(sc.tasks), file=path.name))
        return True

    def import_tasks(self) -> bool:
        from consortium.engine.scenario_toml import ScenarioError  # noqa: PLC0415
        from consortium.present.problem_words import problem_lines  # noqa: PLC0415
        from consortium.store.task_csv import read_tasks_csv_file  # noqa: PLC0415

        sc = self.current_scenario
        path = self._files().open_path(self, _("Import tasks from a spreadsheet"), None, _(CSV))
        if path is None:
            return False
        try:
            changed = read_tasks_csv_file(path, sc)
        except ScenarioError as error:
            self._problem(_("Cannot import these tasks"),
                          _("{file} was not imported; the scenario's tasks are as they "
                            "were.").format(file=path.name),
                          problem_lines(error.problems, path))
            return False
        self._scenarios[self._entry] = changed
        self._imported[self._entry] = path.name
        self.tasks_hint.setText(_("{count} tasks from {file}").format(
            count=len(changed.tasks), file=path.name))
        return True

    def _problem(self, title: str, text: str, lines: list[str]) -> None:
        self.last_message = message(self, title, text, lines)

    def focus_first(self) -> None:
        self.scenario.setFocus(Qt.FocusReason.OtherFocusReason)
