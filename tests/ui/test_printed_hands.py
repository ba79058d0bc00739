"""Printed hands through the real window (docs/printed-hands.md): the option on the
new-session page, a whole game where every private act is entered by the facilitator as a
public act and no curtain, private panel or hidden card ever appears on any screen, the PDF
from Session → Print hands…, and a resumed session that keeps the mode."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from consortium.engine.actions import Vote
from consortium.engine.sheets import printed_sheets
from consortium.engine.simulate import bot_action, seat_policy
from consortium.engine.state import Catalog, Phase
from consortium.play.printed import ballot_voters
from consortium.present.labels import card_short, card_text
from consortium.present.sheet_words import pages
from consortium.store.save_load import read_save_file
from consortium.store.sessions import save_versions
from consortium.ui.laptop.printed_holder_dialog import PrintedHolderDialog
from consortium.ui.laptop.private_panel import PrivatePanel
from consortium.ui.shell.file_dialogs import ScriptedFiles
from consortium.ui.shell.main_window import MainWindow
from consortium.ui.shell.setup_page import HANDS_PRINTED, SetupPage
from tests.play.test_printed_hands import said_aloud
from tests.ui.driver import Driver
from tests.ui.widget_text import dump

PLENARY, MIXED = 1, 3


def choose(combo: QComboBox | None, data: object) -> None:
    assert combo is not None
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


class PrintedDriver(Driver):
    """Plays as the driver does, but with printed hands: the facilitator enters each seat's
    act on the public-acts panel, as the person said it aloud; after every step nothing
    private may be on any screen."""

    acts_entered = 0
    ballots_counted = 0
    leaks_checked = 0

    def configure(self, page: SetupPage) -> None:
        choose(page.hands, HANDS_PRINTED)

    def start(self, schedule_index: int, *, rounds: int = 3, seed: int = 3,
              secret_ballot: bool = False) -> None:
        super().start(schedule_index, rounds=rounds, seed=seed, secret_ballot=secret_ballot)
        assert self.c.session.printed_hands

    def step(self) -> None:
        self.no_private_on_screen()
        acts = self.w.game.acts
        assert not self.curtain.active
        if acts.active:
            assert self.w.game.side.currentWidget() is acts
            self.public_act()
        else:
            super().step()
        self.settle()
        self.no_private_on_screen()

    def public_act(self) -> None:
        acts = self.w.game.acts
        state = self.c.state
        seat = state.public.actor
        assert seat is not None and acts.seat == seat
        self.seen.phases.add(state.public.phase)
        if state.public.phase is Phase.VOTE:
            voters = ballot_voters(state.public, self.c.session.people)
            assert acts.ballots_for is not None and acts.ballots_for.maximum() == len(voters)
            acts.ballots_for.setValue(len(voters))  # the paper ballots all say yes
            self.click(acts.buttons["count"])
            self.ballots_counted += 1
            return
        act = said_aloud(state, bot_action(state, seat_policy(state, seat)))
        self.acts_entered += 1
        if act.kind in ("reveal", "initiate", "join"):
            if act.task is not None:
                choose(acts.task, act.task)
            choose(acts.domain, act.domain)
            if acts.closed is not None:
                acts.closed.setChecked(act.closed)
        self.click(acts.buttons[act.kind])

    def no_private_on_screen(self) -> None:
        """No private panel, no curtain, and no hidden card of any seat in any widget text
        (a card's words with its level, as the private panel or the board would show it)."""
        assert not self.w.findChildren(PrivatePanel)
        state = self.c.state
        public = state.public
        catalog = public.catalog
        shown = {(c.domain, c.level) for p in public.participants for c in p.public_cards
                 if c is not None}
        hidden = [card for seat, p in enumerate(public.participants)
                  for slot, card in enumerate(state.seats[seat].hand)
                  if p.public_cards[slot] is None and (card.domain, card.level) not in shown]
        if public.phase is Phase.GAME_OVER:
            return
        text = "\n".join(dump(self.w) + dump(self.w.board))
        for card in hidden:
            assert card_text(catalog, card) not in text
            assert card_short(catalog, card) not in text
        assert "Motivation:" not in text
        self.leaks_checked += 1


def test_printed_hands_game_through_the_window(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    c = window.controller
    asked: list[int] = []
    original = c.play.player_view

    def watched(seat: int):  # type: ignore[no-untyped-def]
        asked.append(seat)
        return original(seat)

    monkeypatch.setattr(c.play, "player_view", watched)
    driver = PrintedDriver(qtbot, window)
    driver.start(PLENARY, seed=9, secret_ballot=True)
    # Session → Print hands…: one page per seat and per possible newcomer
    out = tmp_path / "hands.pdf"
    window.files = ScriptedFiles([out])
    assert window.menu.print_hands.isEnabled()
    window.menu.print_hands.trigger()
    assert out.exists()
    book = pages(printed_sheets(c.play.history.start), Catalog.of(c.state.ctx.scenario))
    data = out.read_bytes()
    assert len(re.findall(rb"/Type\s*/Page(?![s\w])", data)) == len(book) == 4 + 4 * 2 + 0
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, check=True,
                              text=True).stdout
        for name in ("Ana", "Ben", "Cleo", "Dag"):
            assert name in text
        words = " ".join(unicodedata.normalize("NFKC", text).split())  # ligatures: "ﬁ"
        for page in book:  # each page's title and cards, as printed (lines may wrap)
            assert " ".join(page.title.split()) in words
            for card in page.cards:
                assert " ".join(card.split()) in words
    driver.play()
    assert driver.acts_entered >= 6  # introductions: every person shows a card each round
    assert driver.ballots_counted >= 3
    assert driver.leaks_checked > 20
    assert asked == []  # no player view was ever asked for
    people_votes = [a for a in c.actions if isinstance(a, Vote) and c.session.is_person(a.seat)]
    assert len(people_votes) >= 6


def test_a_resumed_printed_session_keeps_its_mode(qtbot: QtBot, window: MainWindow) -> None:
    c = window.controller
    driver = PrintedDriver(qtbot, window)
    driver.start(MIXED, seed=4)
    driver.play_until(lambda: c.view.round == 2 and window.game.acts.active)
    assert c.saving is not None
    status = c.saving.flush()
    assert status is not None and status.ok and status.folder is not None
    assert status.saved_step == len(c.actions), (status.saved_step, len(c.actions))
    loaded = read_save_file(save_versions(status.folder)[-1])
    assert loaded.room.printed_hands
    c.resume(loaded)
    assert c.session.printed_hands
    driver.settle()
    # the next private turn (here at once) is a public act again, never a curtain
    driver.play_until(lambda: window.game.acts.active or driver.curtain.active)
    assert window.game.acts.active and not driver.curtain.active, (
        c.view.phase, c.view.actor, c.session, len(c.actions))
    assert window.menu.print_hands.isEnabled()
    # Name a holder: no hidden card is listed; the holder says it aloud
    assert window.menu.name_holder.isEnabled()
    window.menu.name_holder.trigger()
    dialog = window.printed_holder_dialog
    assert isinstance(dialog, PrintedHolderDialog) and dialog.isVisible()
    driver.no_private_on_screen()
    state = c.state
    seat, slot = next((s, i) for s, p in enumerate(state.public.participants)
                      for i, card in enumerate(p.public_cards) if card is None)
    card = state.seats[seat].hand[slot]
    choose(dialog.who, seat)
    choose(dialog.card, card.domain)
    driver.click(dialog.show_button)
    assert c.view.participants[seat].public_cards[slot] == card


def test_printed_hands_mixed_game_through_the_window(qtbot: QtBot, window: MainWindow) -> None:
    """Mixed rounds: introductions, declarations, own-way turns (stay, sit out, start, join,
    with the signalled card named), all entered on the public-acts panel."""
    driver = PrintedDriver(qtbot, window)
    driver.start(MIXED, seed=5)
    driver.play()
    c = window.controller
    kinds = {type(a).__name__ for a in c.actions if c.session.is_person(getattr(a, "seat", -1))}
    assert {"Reveal", "Declare"} <= kinds
    assert kinds & {"Stay", "Initiate", "Join", "SitOut"}
    assert driver.acts_entered >= 6
    assert driver.leaks_checked > 20
    assert Phase.TURNS in driver.seen.phases
