"""The laptop's pieces for large text (issue 15), each by what a person sees: a button
narrower than its words shows them on two lines and asks for the height; a row of buttons
too wide for its window goes onto more lines instead of widening it; a heading whose longest
word is wider than it shrinks until that word fits; and the layout check reports what would
still be cut (a button narrower than its longest word, contents past a scroll area's edge)."""

from __future__ import annotations

from PySide6.QtWidgets import QSizePolicy, QWidget
from pytestqt.qtbot import QtBot

from consortium.ui.kit.button_row import ButtonRow
from consortium.ui.kit.fit_label import FitLabel
from consortium.ui.kit.layout_audit import clipped_texts, unreachable
from consortium.ui.kit.widgets import scroll_down
from consortium.ui.kit.wrap_button import WrapButton
from tests.ui.test_layout_audit import shown


def test_a_button_narrower_than_its_words_wraps_them_and_is_as_tall_as_they_need(
    qtbot: QtBot
) -> None:
    button = WrapButton("Go with the most hands (Enter)")
    one_line = button.sizeHint()
    below = QWidget()  # as in the facilitator's column: the room left goes below the button
    below.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
    window = shown(qtbot, button, below, width=one_line.width() + 40)
    assert not button.wrapped() and button.height() == one_line.height()
    assert clipped_texts(window) == []
    window.resize(one_line.width() // 2, 300)
    qtbot.wait(10)
    assert button.wrapped() and button.width() < one_line.width()
    assert button.height() == button.heightForWidth(button.width()) > one_line.height()
    assert clipped_texts(window) == []
    # narrower than its longest word: the check says so
    word = button.fontMetrics().horizontalAdvance("hands")
    button.setFixedWidth(word // 2)
    qtbot.wait(10)
    found = clipped_texts(window)
    assert len(found) == 1 and "(wrapped)" in found[0], found


def test_a_row_of_buttons_goes_onto_more_lines_instead_of_widening_the_window(
    qtbot: QtBot
) -> None:
    row = ButtonRow()
    buttons = [row.add(WrapButton(text)) for text in
               ("Back", "Open a save file…", "Remove from the list (Delete)",
                "Open the selected session (Enter)")]
    one_line = sum(b.sizeHint().width() for b in buttons)
    window = shown(qtbot, row, width=one_line + 100)
    assert row.lines() == 1
    window.resize(one_line // 2, 300)
    qtbot.wait(10)
    assert row.lines() >= 2 and window.width() == one_line // 2
    assert clipped_texts(window) == []
    assert all(window.rect().contains(b.geometry().translated(row.pos())) for b in buttons)


def test_a_heading_shrinks_until_its_longest_word_fits(qtbot: QtBot) -> None:
    """Whatever size the look gives the heading (an earlier test may have applied the style
    sheet to the application, whose font size then wins over a widget's own font), it keeps
    that size while its words fit, shrinks only as far as the longest word needs in a narrow
    column, and grows back when there is room again."""
    heading = FitLabel("Ana: Presentationsrundor")
    heading.setWordWrap(True)
    font = heading.font()
    font.setPointSizeF(30)
    heading.setFont(font)
    window = shown(qtbot, heading, width=3000)
    natural = heading.font().pointSizeF()
    word = heading.fontMetrics().horizontalAdvance("Presentationsrundor")
    heading.setFixedWidth(word + 60)
    qtbot.wait(10)
    assert heading.font().pointSizeF() == natural
    heading.setFixedWidth(word * 2 // 3)  # the column it is in is that narrow
    qtbot.wait(10)
    assert heading.font().pointSizeF() < natural
    assert clipped_texts(window) == []
    heading.setFixedWidth(word + 60)  # room again: its own size again
    qtbot.wait(10)
    assert heading.font().pointSizeF() == natural


def test_contents_wider_than_a_scroll_area_with_no_sideways_bar_are_reported(
    qtbot: QtBot
) -> None:
    area = scroll_down(QWidget())
    window = shown(qtbot, area, width=400)
    assert unreachable(window) == []
    wide = QWidget()
    wide.setMinimumWidth(900)
    area.takeWidget()
    super(type(area), area).setWidget(wide)  # a plain scroll area's way: wider than its view
    wide.setMaximumWidth(2000)
    wide.resize(900, 100)
    qtbot.wait(10)
    found = unreachable(window)
    assert len(found) == 1 and "no scroll bar" in found[0], found
