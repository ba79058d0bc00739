"""The facilitator's controls for what the room decides, on the laptop screen.

One page per situation, rebuilt when the phase, the turn or the session changes: the show of
hands on the mode, the number of introductions, the talk clock and "done talking", placement
(click a participant then a task on the board, or pick both here by keyboard), the open-hands
vote (one click per person, in any order), public declarations (plenary or own way), the
perspective check, Continue at the pit stop, and Reveal at the end. It shows public facts
only and submits legal actions through the controller. Listens to
``GameController.changed``. The focused button is the one Enter confirms.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from consortium.engine.actions import (
    Action,
    CallVote,
    ChooseMode,
    Continue,
    Declare,
    Invite,
    NoInvite,
    SetIntroductions,
)
from consortium.engine.plenary import plenary_seats
from consortium.engine.state import Mode, Phase, PublicState
from consortium.play.records import Change, SessionView
from consortium.present import scenario_words as words
from consortium.present.choice_text import invitation_text
from consortium.present.i18n import _, ngettext
from consortium.present.labels import hours, mode_label, phase_label
from consortium.ui.controller import GameController
from consortium.ui.kit.button_row import ButtonRow, Stacking
from consortium.ui.kit.widgets import label, scroll_down, spin_box
from consortium.ui.kit.wrap_button import WrapButton
from consortium.ui.laptop.choices_model import ChoicesModel
from consortium.ui.laptop.debrief_controls import PredictionsForm, ScreenSteps

DEFER_MS = 1
"""The game-over column waits this long, so the event loop turns once (paints the board)
before it is built."""


class FacilitatorPanel(QWidget):
    take_back = Signal(int)  # a seat's hand from its phone back to the curtain
    practice_done = Signal()  # the practice round is over or skipped: to the new-session page

    def __init__(self, controller: GameController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.setObjectName("facilitatorPanel")
        self.setAccessibleName(_("Facilitator controls"))
        self._key: tuple[object, ...] | None = None
        self.buttons: dict[str, QPushButton] = {}
        self.invites = ChoicesModel(self)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 8, 8, 8)
        # the page scrolls down, never sideways, when it is taller than the column (eight
        # voters at 200 % text on a 768-pixel laptop): nothing is squeezed or cut (issue 15)
        self._scroll = scroll_down(QWidget(), _("Facilitator controls"))
        self._layout.addWidget(self._scroll)
        self._content: QWidget | None = None
        self.primary: QPushButton | None = None
        self.glance: QCheckBox | None = None  # the pit stop's what-if glance
        self.predictions_form: PredictionsForm | None = None  # game over, before the Reveal
        self.steps: ScreenSteps | None = None  # the revealed debrief's screens
        # the game-over column (the predictions form, ~15 ms) is built one event-loop turn
        # after the board's game-over page, so the two never make one stall of the window
        # (issue 14: no stall over 50 ms); the latest view waits here meanwhile
        self._deferred: tuple[PublicState, SessionView] | None = None
        controller.changed.connect(self._on_game_changed)

    # --- building ---------------------------------------------------------------------

    def _on_game_changed(self, change: Change) -> None:
        view, s = change.view, change.session
        key: tuple[object, ...] = (
            view.phase, view.actor, view.round, view.turn, view.mode, s.people, s.paused,
            s.ended_early, s.revealed, s.fast_forward, s.talk_clock, s.clock_running,
            s.phones, s.debrief_screen, s.practice,
        )
        if view.phase in (Phase.PLACEMENT, Phase.VOTE):
            key += (view.board, view.votes, s.pending_votes, s.selected_seat)
        if key == self._key and not change.new_game:
            return
        entering_end = (view.phase is Phase.GAME_OVER and not change.new_game
                        and (self._key is None or self._key[0] is not Phase.GAME_OVER))
        self._key = key
        if entering_end or self._deferred is not None:
            if self._deferred is None:  # a timer (not a 0 ms call, which Qt runs before any
                QTimer.singleShot(DEFER_MS, self._rebuild_deferred)  # timer): a turn between
            self._deferred = (view, s)
            return
        self._rebuild(view, s)

    @property
    def settled(self) -> bool:
        """The column shows the game as it is now (not waiting a turn to build game over's)."""
        return self._deferred is None

    def _rebuild_deferred(self) -> None:
        deferred, self._deferred = self._deferred, None
        if deferred is not None:
            self._rebuild(*deferred)

    def _rebuild(self, view: PublicState, s: SessionView) -> None:
        had_focus = self._content is not None and self._content.isAncestorOf(
            self.focusWidget() or self
        )
        if self._content is not None:
            self._scroll.takeWidget()
            self._content.hide()
            self._content.setParent(None)
            self._content.deleteLater()
        self.buttons = {}
        self.primary = None
        # the old content's parts go with it (a test or a caller never holds a deleted one)
        self.glance = None
        self.predictions_form = None
        self.steps = None
        self._content = QWidget()
        box = QVBoxLayout(self._content)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(10)
        self._box = box
        title = phase_label(view.phase) if not s.ended_early else _("Game ended early")
        box.addWidget(label(title, name="heading", wrap=True, fit=True))
        self._fill(view, s)
        box.addStretch(1)
        over = s.ended_early or view.phase is Phase.GAME_OVER
        if s.practice and not over and self._controller.has_game:
            self._add_end_practice()
        self._scroll.setWidget(self._content)
        self._content.show()
        if self.primary is not None and (had_focus or self.isVisible()):
            self.primary.setFocus(Qt.FocusReason.OtherFocusReason)

    def _text(self, text: str, name: str = "") -> QLabel:
        line = label(text, wrap=True, fit=True, name=name)
        self._box.addWidget(line)
        return line

    def _button(
        self, key: str, text: str, slot: Callable[[], object], *, accessible: str = "",
        description: str = "", primary: bool = False,
        row: QBoxLayout | QGridLayout | ButtonRow | None = None,
        pos: tuple[int, int] = (0, 0),
    ) -> QPushButton:
        button = WrapButton(text)
        button.setAccessibleName(accessible or text)
        button.setAccessibleDescription(description)  # what pressing it does, for a reader
        button.setAutoDefault(True)  # a focused button answers Enter
        button.clicked.connect(slot)
        if isinstance(row, ButtonRow):
            row.add(button)
        elif isinstance(row, QGridLayout):
            row.addWidget(button, *pos)
        elif row is not None:
            row.addWidget(button)
        else:
            self._box.addWidget(button)
        self.buttons[key] = button
        if primary or self.primary is None:
            self.primary = button
        return button

    def _chooser(self, action: Action) -> Callable[[], object]:
        return partial(self._controller.submit, action)

    def _fill(self, view: PublicState, s: SessionView) -> None:
        c = self._controller
        if not c.has_game:
            return
        if s.practice and (s.ended_early or view.phase is Phase.GAME_OVER):
            self._fill_practice_end()
            return
        if s.ended_early or view.phase is Phase.GAME_OVER:
            self._fill_end(view, s)
            return
        if s.paused:
            self._text(_("Paused. Resume from the Facilitator menu (Ctrl+P)."), "big")
            self._button("resume", _("Resume (Ctrl+P)"), lambda: c.set_paused(False),
                         description=_("The game and its clock go on where they stopped."))
            return
        if s.fast_forward:
            self._text(_("Bots are playing the remaining decisions…"), "big")
            return
        seat = view.actor
        if seat is not None:
            self._fill_seat(view, s, seat)
            return
        if not s.anyone_seated:
            self._text(_("Bots are deciding for the group."), "big")
            return
        fill = {
            Phase.MODE_CHOICE: self._fill_mode,
            Phase.INTRO_COUNT: self._fill_intro_count,
            Phase.DELIBERATION: self._fill_deliberation,
            Phase.PLACEMENT: self._fill_placement,
            Phase.PERSPECTIVE_CHECK: self._fill_check,
            Phase.PIT_STOP: self._fill_pit_stop,
        }.get(view.phase)
        if fill is not None:
            fill(view, s)

    def _fill_seat(self, view: PublicState, s: SessionView, seat: int) -> None:
        c = self._controller
        name = view.participants[seat].name
        if view.phase is Phase.VOTE and not view.secret_ballot:
            self._fill_open_vote(view, s)
            return
        if not s.is_person(seat):
            self._text(_("{name} (bot) is deciding…").format(name=name), "big")
            return
        if s.on_phone(seat):
            self._fill_phone(view, seat)
            if view.phase is not Phase.DECLARE:
                return
        if view.phase is Phase.DECLARE:
            self._text(_("{name}: join the plenary, or go your own way? (in public)").format(
                name=name), "big")
            row = QHBoxLayout()
            self._box.addLayout(row)
            self._button("plenary", _("Join the plenary"),
                         lambda: c.submit(Declare(seat, True)),
                         accessible=_("{name} joins the plenary").format(name=name), row=row,
                         description=_("Enters the declaration said aloud: this round in the "
                                       "plenary, placed by the group."))
            self._button("own", _("Own way"), lambda: c.submit(Declare(seat, False)),
                         accessible=_("{name} goes their own way").format(name=name), row=row,
                         description=_("Enters the declaration said aloud: this round on "
                                       "their own, choosing behind the curtain."))
            return
        self._text(_("{name} is taking a private turn behind the curtain.").format(name=name),
                   "big")

    def _fill_phone(self, view: PublicState, seat: int) -> None:
        """The seat decides on its phone: the facilitator may skip the turn or take the
        hand back to the curtain (a dead battery, no network)."""
        c = self._controller
        name = view.participants[seat].name
        self._text(_("Waiting for {name}'s phone…").format(name=name), "big")
        self._button("skip", _("Skip this turn"), c.skip_turn,
                     accessible=_("Skip {name}'s turn").format(name=name),
                     description=_("The seat does nothing this turn; the game goes on."))
        self._button("to-curtain", _("Back to the curtain"),
                     lambda: self.take_back.emit(seat),
                     accessible=_("Take {name}'s hand back to the curtain").format(name=name),
                     description=_("Their phone stops working for the game; they take their "
                                   "turns on this laptop again."))

    def _fill_mode(self, view: PublicState, s: SessionView) -> None:
        people = sum(1 for seat, p in enumerate(view.participants)
                     if p.present and s.is_person(seat))
        self._text(ngettext(
            "Show of hands among the {count} person (bots abstain). Count the hands for each "
            "way; on a tie you choose.",
            "Show of hands among the {count} people (bots abstain). Count the hands for each "
            "way; on a tie you choose.", people).format(count=people))
        self.hands: dict[Mode, QSpinBox] = {}
        names: list[QLabel] = []
        for mode in Mode:
            count = spin_box(_("Hands for {mode}").format(mode=mode_label(mode)), 0,
                             max(1, people),
                             description=_("How many people raised a hand for this way."))
            count.setSuffix(_(" hands"))
            self.hands[mode] = count
            # the way, its hands and Choose side by side; one under another when they do
            # not fit the column (200 % text, Swedish words)
            row = Stacking()
            names.append(label(mode_label(mode), name="big", wrap=True, fit=True))
            row.box.addWidget(names[-1], 1)
            row.box.addWidget(count)
            self._box.addWidget(row)
            self._button(f"mode-{mode.value}", _("Choose"),
                         self._chooser(ChooseMode(mode)), row=row.box,
                         accessible=_("Organize this round: {mode}").format(
                             mode=mode_label(mode)),
                         description=_("Chooses this way for the round, whatever the hands."))
        for name in names:  # the three rows side by side or stacked alike, never mixed
            name.ensurePolished()
        widest = max(name.sizeHint().width() for name in names)
        for name in names:
            name.setMinimumWidth(min(widest, name.fontMetrics().averageCharWidth() * 14))
        decide = self._button("mode-most", _("Go with the most hands (Enter)"),
                              self._on_most_hands_clicked,
                              accessible=_("Go with the most hands"),
                              description=_("Chooses the way with the most hands; on a tie, "
                                            "choose one above."))
        decide.setEnabled(False)
        for count in self.hands.values():
            count.valueChanged.connect(self._on_hands_changed)

    def most_hands(self) -> Mode | None:
        """The mode with strictly the most hands, or ``None`` on a tie."""
        counts = sorted(((c.value(), m) for m, c in self.hands.items()),
                        key=lambda vm: vm[0], reverse=True)
        if counts[0][0] == 0 or counts[0][0] == counts[1][0]:
            return None
        return counts[0][1]

    def _on_hands_changed(self) -> None:
        mode = self.most_hands()
        decide = self.buttons["mode-most"]
        decide.setEnabled(mode is not None)
        decide.setText(_("Go with {mode} (Enter)").format(mode=mode_label(mode)) if mode
                       else _("Tie: choose a way above"))
        if mode is not None:
            self.primary = decide

    def _on_most_hands_clicked(self) -> None:
        mode = self.most_hands()
        if mode is not None:
            self._controller.submit(ChooseMode(mode))

    def _fill_intro_count(self, view: PublicState, s: SessionView) -> None:
        present = sum(1 for p in view.participants if p.present)
        cost = view.rules.intro_hours(present)
        self._text(_("How many introductions? In each, everyone shows one card; each costs "
                     "everyone {hours}.").format(hours=hours(cost)))
        row = QHBoxLayout()
        self._box.addLayout(row)
        for n in range(view.rules.max_intros + 1):
            name = _("No introductions") if n == 0 else ngettext(
                "{count} introduction", "{count} introductions", n).format(count=n)
            self._button(f"intros-{n}", str(n), self._chooser(SetIntroductions(n)),
                         accessible=name, row=row, primary=n == 1,
                         description=_("Sets the number of introduction rounds, where "
                                       "everyone shows one card."))

    def _clock_buttons(self, s: SessionView) -> None:
        c = self._controller
        if not s.talk_clock:
            return
        if s.clock_running:
            text, name = _("Stop the talk clock (Ctrl+T)"), _("Stop the talk clock")
        else:
            text, name = _("Start the talk clock (Ctrl+T)"), _("Start the talk clock")
        self._button("clock", text, c.toggle_clock, accessible=name,
                     description=_("The talk clock on the board counts the plenary's "
                                   "meeting time."))

    def _fill_deliberation(self, view: PublicState, s: SessionView) -> None:
        c = self._controller
        if s.talk_clock:
            self._text(_("The plenary talks it through. Every started {minutes} minutes on the "
                         "clock cost every member 1 meeting hour.").format(
                minutes=view.rules.talk_minutes_per_hour))
            self._clock_buttons(s)
        else:
            cost = view.rules.deliberation_hours(len(plenary_seats(view)))
            self._text(_("The plenary talks it through (costs every member {hours}).").format(
                hours=hours(cost)))
        self._button("talked", _("Done talking (Enter)"), c.finish_talk, primary=True,
                     accessible=_("Done talking"),
                     description=_("Ends the plenary's talk; placing on the board comes "
                                   "next."))

    def _fill_placement(self, view: PublicState, s: SessionView) -> None:
        c = self._controller
        members = plenary_seats(view)
        unplaced = [view.participants[m].name for m in members if view.board[m] is None]
        self._text(_("Click a participant, then a task on the board. Or pick both here:"))
        # the two lists side by side, or one under the other in a narrow column (200 % text)
        grid = Stacking()
        self._box.addWidget(grid)
        self.who = QComboBox()
        self.who.setAccessibleName(_("Participant to place"))
        self.who.setAccessibleDescription(_("The plenary member that Place puts on a task."))
        for m in members:
            self.who.addItem(view.participants[m].name, m)
        waiting = [m for m in members if view.board[m] is None]
        if s.selected_seat in members:
            self.who.setCurrentIndex(members.index(s.selected_seat))
        elif waiting:  # Enter on "Place" places the next unplaced participant
            self.who.setCurrentIndex(members.index(waiting[0]))
        self.where = QComboBox()
        self.where.setAccessibleName(_("Task to place them on"))
        self.where.setAccessibleDescription(
            _("The task that Place puts the participant on, or off the board."))
        for t in view.open_tasks:
            self.where.addItem(words.task_title(view.catalog, t.id, t.title), t.id)
        self.where.addItem(_("Off the board"), None)
        for combo in (self.who, self.where):  # a long task title never widens the column
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        grid.box.addWidget(self.who, 1)
        grid.box.addWidget(self.where, 1)
        buttons = ButtonRow()  # on two lines when they do not fit side by side
        self._box.addWidget(buttons)

        def place() -> None:
            seat = self.who.currentData()
            if seat is not None:
                c.place(int(seat), self.where.currentData())

        self._button("place", _("Place"), place, accessible=_("Place the participant"),
                     row=buttons,
                     description=_("Puts the chosen participant on the chosen task."))
        self._button("suggest", _("Suggest a board"), c.suggest_board, row=buttons,
                     accessible=_("Suggest a board from public information"),
                     description=_("Places everyone from the cards on the board only; "
                                   "change it before the vote."))
        self._clock_buttons(s)
        if unplaced:
            self._text(_("Still to place: {names}").format(names=", ".join(unplaced)), "notice")
        failed = view.failed_votes
        if failed:
            self._text(_("Failed votes so far: {failed} of {limit}.").format(
                failed=failed, limit=view.rules.max_failed_votes))
        can_vote = any(isinstance(a, CallVote) for a in c.group_actions())
        vote = self._button("vote", _("Call the vote (Enter)"), c.call_vote, primary=True,
                            accessible=_("Call the vote"),
                            description=_("The plenary votes on the board as it is."))
        vote.setEnabled(can_vote)
        if not can_vote and self.primary is vote:
            self.primary = self.buttons["place"]

    def _fill_open_vote(self, view: PublicState, s: SessionView) -> None:
        """One row per voter, in turn order, that never changes shape: a person's row keeps
        its two buttons after the vote (greyed, the vote on the chosen one), so the rows
        below never move under the mouse. Mark who votes against, then one click enters
        "for" for everyone else."""
        c = self._controller
        self._text(_("Open hands, in any order: mark who votes against, then \"Everyone "
                     "else for\". Bots vote on their turn."))
        grid = QGridLayout()
        self._box.addLayout(grid)
        waiting = 0
        for row, seat in enumerate(view.order):
            p = view.participants[seat]
            cast = view.votes[seat]
            pending = s.pending_votes[seat] if s.pending_votes else None
            grid.addWidget(label(p.name, name="big", wrap=True), row, 0)
            if not s.is_person(seat):
                state = _("bot")
                if cast is not None:
                    state = _("bot: FOR ✓") if cast else _("bot: AGAINST ✗")
                grid.addWidget(QLabel(state), row, 1, 1, 2)
                continue
            value = cast if cast is not None else pending
            for_button = self._button(
                f"for-{seat}", _("FOR ✓") if value is True else _("For"),
                partial(c.cast_open_vote, seat, True),
                accessible=_("{name} votes for").format(name=p.name), row=grid, pos=(row, 1),
                description=_("Enters a hand raised for the board."))
            against = self._button(
                f"against-{seat}", _("AGAINST ✗") if value is False else _("Against"),
                partial(c.cast_open_vote, seat, False),
                accessible=_("{name} votes against").format(name=p.name), row=grid,
                pos=(row, 2), description=_("Enters a vote against the board."))
            for b in (for_button, against):  # one line, always: a row never changes height
                b.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            if value is not None:
                for b in (for_button, against):
                    b.setEnabled(False)
            else:
                if waiting == 0:
                    self.primary = for_button  # Enter: the first person still to vote
                waiting += 1
        first = self.primary
        rest = self._button("all-for", _("Everyone else for"),
                            c.cast_open_votes_for_the_rest,
                            accessible=_("Everyone who has not voted votes for"),
                            description=_("Counts every person still to vote as for the "
                                          "board."))
        rest.setEnabled(waiting > 0)
        self.primary = first if waiting else None

    def _fill_check(self, view: PublicState, s: SessionView) -> None:
        c = self._controller
        self._text(_("Invite one participant onto a team that shows none of their families of "
                     "knowledge? The invitee may refuse."))
        invites = [a for a in c.group_actions() if isinstance(a, Invite)]
        self.invites.set_choices([(invitation_text(view, a), a, "") for a in invites])
        self.invite_list = QListView()
        self.invite_list.setModel(self.invites)
        self.invite_list.setAccessibleName(_("Possible invitations"))
        self.invite_list.setWordWrap(True)  # a long invitation wraps, never scrolls sideways
        self.invite_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.invite_list.setCurrentIndex(self.invites.index(0, 0))
        self._box.addWidget(self.invite_list, 4)  # the list takes the column, not a sliver

        def invite() -> None:
            action = self.invites.action(self.invite_list.currentIndex().row())
            if action is not None:
                c.submit(action)

        self._button("invite", _("Invite the selected participant"), invite,
                     description=_("Invites the participant chosen in the list onto the "
                                   "team; they may refuse."))
        self._button("no-invite", _("No invitation this round"), lambda: c.submit(NoInvite()),
                     primary=True, description=_("Goes on to the work without an invitation."))

    def _fill_pit_stop(self, view: PublicState, s: SessionView) -> None:
        c = self._controller
        last = view.round >= view.rounds
        self._text(_("Two minutes: where did the time go? Then go on."))
        # short enough for the 1366×768 column; the key it answers is in the tooltip
        text = _("Go to the end of the game") if last else _("Next round (Enter)")
        button = self._button("continue", text, lambda: c.submit(Continue()), primary=True,
                              accessible=_("Go on"),
                              description=_("Ends the pit stop: the next round, or the end "
                                            "of the game after the last."))
        button.setToolTip(_("Go to the end of the game (Enter)") if last
                          else _("Next round (Enter)"))
        if c.what_if is not None:  # the optional glance at the what-if of the same deal
            glance = QCheckBox(_("What-if glance on the board (bots, not people)"))
            glance.setAccessibleName(_("Show the what-if glance on the board"))
            glance.setAccessibleDescription(
                _("When checked, the pit stop on the board also shows how bots did with "
                  "the same deal."))
            glance.setChecked(s.what_if_glance)
            glance.toggled.connect(c.set_what_if_glance)
            self._box.addWidget(glance)
            self.glance = glance

    def _fill_practice_end(self) -> None:
        """The practice round is over: no reveal, no debrief — back to the new-session page,
        where the seats are as they were, to start the real game."""
        self._text(_("The practice round is over. Nothing was scored and nothing was saved."),
                   "big")
        self._button("practice-done", _("Back to the new session"), self.practice_done.emit,
                     accessible=_("Back to the new-session page to start the real game"),
                     primary=True,
                     description=_("The seats are kept as they were set up."))

    def _add_end_practice(self) -> None:
        """*End the practice* at the foot of the column, whatever the step (not the step's
        primary button: Enter still does what the step asks)."""
        end = WrapButton(_("End the practice"))
        end.setObjectName("secondary")
        end.setAccessibleName(_("End the practice round and go back to the new session"))
        end.setAccessibleDescription(_("Nothing of the practice is scored or saved."))
        end.clicked.connect(self.practice_done.emit)
        self._box.addWidget(end)
        self.buttons["end-practice"] = end

    def _fill_end(self, view: PublicState, s: SessionView) -> None:
        """Predict, then reveal; then the debrief's screens (ui/laptop/debrief_controls.py)."""
        c = self._controller
        if s.revealed:
            steps = ScreenSteps(c, s, width=self.width() - 16)
            self._box.addWidget(steps, 10)
            self.buttons["back"], self.buttons["next"] = steps.back, steps.next
            self.primary = steps.next if steps.next.isEnabled() else steps.back
            self.steps = steps
            return
        form = PredictionsForm(c, view, s)
        self._box.addWidget(scroll_down(form, _("The room's predictions")), 10)
        self.buttons["record"] = form.record
        self.predictions_form = form
        self._text(_("Reveal every hand to start the debrief (the concept names appear "
                     "then)."))
        def reveal_now() -> None:
            form.submit_if_entered()  # hands entered but not recorded are kept too
            c.reveal()

        reveal = self._button("reveal", _("Reveal hands, start debrief"), reveal_now,
                              accessible=_("Reveal hands"), primary=True,
                              description=_("Shows every hand on the board and starts the "
                                            "debrief."))
        reveal.setToolTip(_("Reveal hands and start the debrief (Enter)"))

