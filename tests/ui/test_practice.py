"""The practice round (issue 15; play/practice.py): reachable from the start screen, two
tasks, a Plenary round then a Pick-your-own round, a coach line on the board at every step,
never saved, no debrief — and afterwards the real game starts from the same seats with other
hands than the practice showed."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from consortium.engine.simulate import bot_config
from consortium.engine.state import Mode, Phase
from consortium.play.practice import practice_scenario, practice_setup
from consortium.play.records import SessionSetup
from consortium.present.i18n import _
from consortium.present.practice_words import COACH
from consortium.store.scenarios import shipped_scenarios
from consortium.store.sessions import save_versions
from consortium.ui.shell.main_window import MainWindow
from tests.ui.driver import Driver


class PracticeDriver(Driver):
    """Plays the practice through the window, checking the coach line after every step."""

    coached: set[Phase]

    def step(self) -> None:
        header = self.w.board.header
        assert header.coach_label.isVisibleTo(self.w.board)
        assert header.coach_label.text() != ""
        self.coached.add(self.view.phase)
        super().step()


def test_the_practice_scenario_is_two_small_tasks_without_events() -> None:
    for scenario in shipped_scenarios().values():
        practice = practice_scenario(scenario)
        assert len(practice.tasks) == 2 and practice.events == ()
        smallest = sorted(t.effort for t in scenario.tasks)[:2]
        assert sorted(t.effort for t in practice.tasks) == smallest


def test_a_practice_from_the_start_screen_then_the_real_game(
        qtbot: QtBot, window: MainWindow) -> None:
    w = window
    driver = PracticeDriver(qtbot, w)
    driver.coached = set()
    w.start.practice_button.click()
    page = w.setup_page
    assert page is not None and w.pages.currentWidget() is page
    assert page.practice_button.hasFocus()
    model = page.seats
    for row, name in enumerate(("Ana", "Ben", "Cleo")):
        model.setData(model.index(row, 0), name)
    model.setData(model.index(0, 2), "Person")
    page.seed.setValue(12)
    real_setup = page.setup()
    page.practice_button.click()
    c = w.controller
    assert c.has_game and c.session.practice
    assert [t.id for t in c.state.public.tasks] == [
        t.id for t in practice_scenario(real_setup.scenario).tasks]
    assert c.state.public.mode is Mode.DEMOCRATIC
    sessions = w.paths.sessions if w.paths is not None else None
    driver.play_until(lambda: c.view.phase is Phase.GAME_OVER)
    assert {Phase.INTRODUCTIONS, Phase.PIT_STOP, Phase.TURNS} <= driver.coached
    assert [p.mode for p in c.state.public.pit_stops] == [Mode.DEMOCRATIC,
                                                           Mode.SELF_SELECTION]
    # over: no reveal, no debrief; the coach line says so; nothing was saved
    assert w.board.pages.currentWidget() is w.board.board
    assert w.board.header.coach_label.text() == _(COACH[Phase.GAME_OVER])
    done = driver.button("practice-done")  # the column follows the board by a turn
    assert "reveal" not in w.game.panel.buttons
    assert sessions is not None
    assert not sessions.exists() or not any(save_versions(f) for f in sessions.iterdir()
                                            if f.is_dir())
    practice_hands = [seat.hand for seat in c.state.seats]
    driver.click(done)
    assert w.pages.currentWidget() is page
    assert not page.practice_button.isDefault()  # Enter starts the real game now
    assert [s.name for s in page.seats.seats()][:3] == ["Ana", "Ben", "Cleo"]
    page.start_button.click()
    assert not c.session.practice
    assert c.state.ctx.config.seed == 12
    assert len(c.state.public.tasks) > 2
    assert [seat.hand for seat in c.state.seats] != practice_hands
    assert not w.board.header.coach_label.isVisibleTo(w.board)


def test_the_practice_can_be_ended_at_any_step(qtbot: QtBot, window: MainWindow) -> None:
    w = window
    w.show_setup()
    page = w.setup_page
    assert page is not None
    page.practice_button.click()
    c = w.controller
    assert c.view.phase is not Phase.GAME_OVER
    end = w.game.panel.buttons["end-practice"]
    assert end is not w.game.panel.primary  # Enter still does what the step asks
    end.click()
    assert w.pages.currentWidget() is page


def test_every_phase_has_a_coach_line_and_the_practice_is_dealt_anew() -> None:
    assert set(COACH) == set(Phase)
    scenario = shipped_scenarios()["cancer-care"]
    setup = practice_setup(SessionSetup(scenario, bot_config(scenario, "balanced", seed=3)))
    assert setup.practice and setup.config.turnover == 0 and setup.config.rounds == 2
    assert setup.config.seed != 3
