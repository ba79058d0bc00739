"""Plays a game through the real widgets (clicks and keys), the way a facilitator and two
people at the screen would, and checks at each step what a person sees against the engine.

Decisions are scripted: people choose what a bot in their seat would choose (so games are
sensible), but every choice is made by selecting it on screen and pressing keys.

What it checks on screen holds in any language: a text is compared with the translation of
its source message (``_()`` of the English, formatted as the screen formats it), so the same
game plays in the pseudo-locale (tests/ui/test_pseudo_locale.py).
"""

from __future__ import annotations

from collections.abc import Callable

import attrs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from consortium.engine.actions import Reveal
from consortium.engine.metrics import game_metrics
from consortium.engine.simulate import bot_action, seat_policy
from consortium.engine.state import Mode, Phase, PublicState
from consortium.engine.views import player_view
from consortium.present.choice_text import intent_text
from consortium.present.debrief_data import (
    build_debrief,
    concentration_line,
    gauges,
    perspectives_lines,
    talk_yield_line,
)
from consortium.present.i18n import _
from consortium.present.labels import card_text, hours, number, predecessor
from consortium.present.numbers import decimal, percent, plain
from consortium.present.scenario_words import sector_name
from consortium.ui.board.index_gauge import gauge_text
from consortium.ui.board.pit_stop_view import figure_texts
from consortium.ui.laptop.curtain import Curtain, curtain_text
from consortium.ui.laptop.private_panel import PrivatePanel
from consortium.ui.shell.main_window import MainWindow
from consortium.ui.shell.seats_model import BOT, PERSON
from consortium.ui.shell.setup_page import SetupPage
from tests.ui.handoff import click_show, hold_space, quick, wait_armed


@attrs.define
class Seen:
    curtains: int = 0
    hands: int = 0
    reveals_confirmed: int = 0
    pit_stops: int = 0
    placements: int = 0
    open_votes: int = 0
    declarations: int = 0
    signals: int = 0
    successors: int = 0  # curtains that said whose seat a newcomer took
    modes_chosen: list[Mode] = attrs.Factory(list)
    phases: set[Phase] = attrs.Factory(set)


class Driver:
    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.w = window
        self.c = window.controller
        self.seen = Seen()
        self.choose_mode: Callable[[int], Mode] = lambda r: Mode.HYBRID

    # --- setup through the new-session page -----------------------------------------

    def start(self, schedule_index: int, *, rounds: int = 3, seed: int = 3,
              secret_ballot: bool = False) -> None:
        self.qtbot.mouseClick(self.w.start.new_button, Qt.MouseButton.LeftButton)
        page = self.w.setup_page
        assert page is not None and page.isVisible()
        page.preset.setCurrentIndex(1)
        page.rounds.setValue(rounds)
        page.schedule.setCurrentIndex(schedule_index)
        page.seed.setValue(seed)
        page.turnover.setCurrentIndex(2)  # high turnover: newcomers in later rounds
        page.secret_ballot.setChecked(secret_ballot)
        self.configure(page)
        model = page.seats
        model.remove_seat(4)
        for row, (name, kind) in enumerate(
            (("Ana", PERSON), ("Ben", PERSON), ("Cleo", BOT), ("Dag", BOT))
        ):
            assert model.setData(model.index(row, 0), name)
            assert model.setData(model.index(row, 2), kind)
        # by the name the page shows, in the room's language (Civilsamhället in Swedish)
        sector_ids = [sector.id for sector in page.current_scenario.sectors]
        civil_society = model.sector_names[sector_ids.index("civil-society")]
        assert model.setData(model.index(0, 1), civil_society)
        self.qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
        assert self.c.has_game

    def configure(self, page: SetupPage) -> None:
        """More of the new-session page, set before the seats (a subclass's own options)."""

    # --- helpers -----------------------------------------------------------------------

    @property
    def view(self) -> PublicState:
        return self.c.view

    @property
    def curtain(self) -> Curtain:
        return self.w.game.curtain

    def settle(self) -> None:
        self.qtbot.waitUntil(lambda: not self.c.busy, timeout=5000)

    def button(self, key: str) -> QPushButton:
        self.qtbot.waitUntil(lambda: key in self.w.game.panel.buttons, timeout=2000)
        return self.w.game.panel.buttons[key]

    def click(self, widget: QWidget) -> None:
        assert widget.isVisible() and widget.isEnabled(), widget.accessibleName()
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def press(self, widget: QWidget, key: Qt.Key) -> None:
        self.qtbot.keyClick(widget, key)

    # --- playing -----------------------------------------------------------------------

    def play(self, max_steps: int = 2000) -> None:
        for _step in range(max_steps):
            self.settle()
            view = self.view
            self.seen.phases.add(view.phase)
            if view.phase is Phase.GAME_OVER:
                self.finish()
                return
            self.step()
        raise AssertionError("the game did not end")

    def step(self) -> None:
        """One decision of a person or the facilitator, through the widgets."""
        if self.curtain.active:
            self.private_turn()
        elif self.view.actor is not None:
            self.public_seat_turn()
        else:
            self.group_decision()
        self.settle()

    def play_until(self, done: Callable[[], bool], max_steps: int = 400) -> None:
        """Play decision after decision until ``done()`` holds."""
        self.settle()
        for _step in range(max_steps):
            if done():
                return
            assert self.view.phase is not Phase.GAME_OVER, "the game ended first"
            self.step()
        raise AssertionError("never got there")

    def private_turn(self) -> None:
        view = self.view
        seat = view.actor
        assert seat is not None
        name = view.participants[seat].name
        # the curtain, and nothing private on screen yet
        assert self.curtain.prompt_text.text() == curtain_text(view, seat)
        sector = sector_name(view.catalog, view.participants[seat].sector)  # room's language
        before = predecessor(view, seat)
        handoff = _("Pass to {name} ({sector}), seat {number}").format(
            name=name, sector=sector, number=seat + 1) if before is None else _(
            "Pass to {name} ({sector}), seat {number} — new, formerly {predecessor}'s "
            "seat").format(name=name, sector=sector, number=seat + 1, predecessor=before)
        assert self.curtain.prompt_text.text() == _(
            "{handoff} — everyone else, look away").format(handoff=handoff)
        if before is not None:
            self.seen.successors += 1
        assert self.curtain.panel is None
        assert not self.w.findChildren(PrivatePanel)
        assert self.w.board.header.status_label.text() == _("{name} is choosing…").format(
            name=name)
        self.seen.curtains += 1
        # a tap of Space does nothing: holding it shows the hand
        quick(self.curtain)
        wait_armed(self.qtbot, self.curtain)
        self.press(self.curtain, Qt.Key.Key_Space)
        assert self.curtain.panel is None
        hold_space(self.qtbot, self.curtain)
        panel = self.curtain.panel
        assert panel is not None and panel.isVisible()
        pv = player_view(self.c.state, seat)
        assert [c.text().split(" · ")[0] for c in panel.cards] == [
            card_text(view.catalog, card) for card in pv.private.hand
        ]
        assert hours(pv.private.hours) in panel.hours.text()
        assert panel.motivation.text() == _("Motivation: {motivation} of 5").format(
            motivation=pv.private.motivation)
        self.seen.hands += 1
        # Space hides it again at once (Done), then show it once more and choose
        self.press(panel.choices, Qt.Key.Key_Space)
        assert self.curtain.panel is None and not panel.isVisible()
        click_show(self.qtbot, self.curtain)
        panel = self.curtain.panel
        assert panel is not None
        wanted = bot_action(self.c.state, seat_policy(self.c.state, seat))
        group = next(i for i, g in enumerate(panel.groups) if wanted in g)
        assert panel.choices.hasFocus() and panel.choices.currentIndex().row() == 0
        self.arrow_to(panel, group)
        self.press(panel.choices, Qt.Key.Key_Return)
        if panel.asking_for_card:  # starting or joining: which card to signal
            self.seen.signals += 1
            choice = intent_text(view, pv.private.hand, wanted)[0]
            assert panel.confirm_text.text() == _(
                "{choice}: which card do you signal? It becomes public for good. Enter to "
                "confirm, Esc to go back.").format(choice=choice)
            self.arrow_to(panel, panel.groups[group].index(wanted))
            self.press(panel.choices, Qt.Key.Key_Return)
        if isinstance(wanted, Reveal) and wanted.slot is not None:
            assert self.curtain.panel is panel
            card = card_text(view.catalog, pv.private.hand[wanted.slot])
            assert panel.confirm_text.text() == _(
                "This card will be shown to everyone: {card}. Press Enter to show it, Esc to "
                "go back.").format(card=card)
            self.press(panel.confirm, Qt.Key.Key_Return)
            self.seen.reveals_confirmed += 1
        # the panel is gone at once: nothing private stays on screen
        assert self.curtain.panel is None
        assert not panel.isVisible()
        assert panel.parent() is None

    def arrow_to(self, panel: PrivatePanel, row: int) -> None:
        """Arrow keys down to ``row`` of the list that has the focus."""
        start = panel.choices.currentIndex().row()
        for _key in range(row - start):
            self.press(panel.choices, Qt.Key.Key_Down)
        assert panel.choices.currentIndex().row() == row

    def public_seat_turn(self) -> None:
        view = self.view
        seat = view.actor
        assert seat is not None
        if view.phase is Phase.DECLARE:
            self.seen.declarations += 1
            key = "plenary" if seat % 2 == 0 else "own"
            self.click(self.button(key))
        elif view.phase is Phase.VOTE:
            self.seen.open_votes += 1
            self.click(self.button(f"for-{seat}"))
        else:
            raise AssertionError(f"unexpected public turn in {view.phase}")

    def group_decision(self) -> None:
        view = self.view
        phase = view.phase
        if phase is Phase.MODE_CHOICE:
            mode = self.choose_mode(view.round)
            self.seen.modes_chosen.append(mode)
            self.click(self.button(f"mode-{mode.value}"))
        elif phase is Phase.INTRO_COUNT:
            self.click(self.button("intros-1"))
        elif phase is Phase.DELIBERATION:
            self.press(self.button("talked"), Qt.Key.Key_Return)
        elif phase is Phase.PLACEMENT:
            self.place()
        elif phase is Phase.PERSPECTIVE_CHECK:
            key = "invite" if view.round % 2 else "no-invite"
            self.click(self.button(key))
        elif phase is Phase.PIT_STOP:
            self.check_pit_stop()
            self.press(self.button("continue"), Qt.Key.Key_Return)
        else:
            raise AssertionError(f"no facilitator control for {phase}")

    def place(self) -> None:
        """Move the first person to another task by clicking the participant, then the
        task; place anyone unplaced the same way; then call the vote."""
        view = self.view
        board = self.w.board
        members = [s for s, t in enumerate(view.board) if self.c.session.is_person(s)]
        members = [s for s in members if view.participants[s].present]
        cards = [c for c in board.board.cards if c.isVisible() and c.task_id is not None]
        open_ids = {t.id for t in view.open_tasks}
        cards = [c for c in cards if c.task_id in open_ids]
        if members and view.failed_votes == 0:
            seat = members[0]
            target = next(c for c in cards if c.task_id != view.board[seat])
            self.click(board.strip.chips[seat])
            assert self.c.session.selected_seat == seat
            assert _("▶ SELECTED: now click a task") in board.strip.chips[seat]._state.full_text()
            self.click(target)
            assert self.view.board[seat] == target.task_id
            assert self.c.session.selected_seat is None
            self.seen.placements += 1
        view = self.view
        for seat, task in enumerate(view.board):
            if task is None and seat in self._plenary(view):
                self.click(board.strip.chips[seat])
                self.click(cards[0])
        self.click(self.button("vote"))

    def _plenary(self, view: PublicState) -> list[int]:
        from consortium.engine.plenary import plenary_seats

        return plenary_seats(view)

    def check_pit_stop(self) -> None:
        self.seen.pit_stops += 1
        view = self.view
        pit = self.c.state.public.pit_stops[-1]
        labels = self.w.board.pit_stop.labels
        for key, text in figure_texts(view, pit).items():
            assert labels[key].text() == text
        assert labels["impact_round"].text() == _("Impact this round: {impact}").format(
            impact=decimal(pit.impact_this_round, 1))
        assert self.w.board.pages.currentWidget() is self.w.board.pit_stop
        # the board after work: every shown card's progress and stamp equal the engine's
        for card in self.w.board.board.cards:
            if card.task_id is None or not card.isVisibleTo(self.w.board):
                continue
            task = self.c.state.public.task(card.task_id)
            assert card._progress.format() == _("{progress} of {effort} work units").format(
                progress=number(task.progress), effort=task.effort)
            if task.status == "finished":
                assert card._stamp.text() == _(
                    "FINISHED · quality {quality} · impact {impact}").format(
                    quality=percent(task.quality or 0.0), impact=decimal(task.impact, 1))
        bars = self.w.board.pit_stop.chart.bars
        assert [b.time for b in bars] == [p.time for p in view.pit_stops]

    def finish(self) -> None:
        assert self.w.board.pages.currentWidget() is self.w.board.debrief
        assert "jointholism" not in self._all_board_text().lower()
        self.press(self.button("reveal"), Qt.Key.Key_Return)
        debrief = self.w.board.debrief
        self.qtbot.waitUntil(debrief._revealed.isVisible, timeout=2000)
        m = game_metrics(self.c.state)
        record = build_debrief(self.c.state)
        joint, align = gauges(record)
        assert joint.name == _("Jointholism index") and joint.value == m.jointholism_index
        assert gauge_text(joint.name, m.jointholism_index, joint.verdict) in (
            debrief.jointholism.accessibleDescription())
        assert decimal(m.jointholism_index, 2) in debrief.jointholism.accessibleDescription()
        if m.alignophilia_index is None:
            assert "—" in debrief.alignophilia.accessibleDescription()
        else:
            assert decimal(m.alignophilia_index, 2) in debrief.alignophilia.accessibleDescription()
        assert gauge_text(align.name, m.alignophilia_index, align.verdict) in (
            debrief.alignophilia.accessibleDescription())
        assert decimal(m.impact, 1) in debrief.result.text()
        assert plain(m.target) in debrief.result.text()
        assert debrief.figures.text() == _(
            "Meeting hours: {meeting} · crowding hours: {crowding} · empty talk hours: "
            "{empty} · mismatch hours: {mismatch}").format(
            meeting=hours(m.meeting_hours), crowding=hours(m.crowding_hours),
            empty=hours(m.empty_talk_hours), mismatch=hours(m.mismatch_hours))
        assert debrief.talk_yield.text() == talk_yield_line(record)
        if m.alignophilia_ratio is not None:
            assert decimal(m.alignophilia_ratio, 1) + "×" in debrief.alike.text()
        assert debrief.concentration.text() == concentration_line(m)
        assert debrief.perspectives.text() == "\n".join(perspectives_lines(m))
        assert str(m.excluded_perspectives) in debrief.perspectives.text().splitlines()[0]
        assert [b.time for b in debrief.chart.bars] == [r.time for r in m.rounds]
        assert debrief.perspectives_model.rowCount() == (
            m.lost_perspectives_present + m.lost_perspectives_absent + m.excluded_perspectives
        )
        assert 2 <= len(debrief.prompts.text().splitlines()) <= 3
        names = {debrief.hands_model.index(r, 0).data()
                 for r in range(debrief.hands_model.rowCount())}
        assert {p.name for p in self.view.participants} <= names

    def _all_board_text(self) -> str:
        from PySide6.QtWidgets import QLabel

        return " ".join(lbl.text() for lbl in self.w.board.findChildren(QLabel))
