"""The layout audit sees what a person would notice (issue 12): a progress bar whose text is
wider than the bar (".0 of 34 work unit" on every task card), and a label cut short with "…"
that keeps nowhere the words it lost."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QScrollArea, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from consortium.ui.kit.elided_label import ElidedLabel, show_elided
from consortium.ui.kit.layout_audit import clipped_texts


def shown(qtbot: QtBot, *widgets: QWidget, width: int = 400) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    for widget in widgets:
        layout.addWidget(widget)
    window.resize(width, 300)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(10)
    return window


def test_a_progress_bar_whose_text_does_not_fit_is_reported(qtbot: QtBot) -> None:
    bar = QProgressBar()
    bar.setRange(0, 340)
    bar.setValue(0)
    bar.setTextVisible(True)
    bar.setFormat("0.0 of 34 work units")
    window = shown(qtbot, bar, width=400)
    assert clipped_texts(window) == []  # room enough
    window.resize(60, 300)
    qtbot.wait(10)
    found = clipped_texts(window)
    assert len(found) == 1 and found[0].startswith("QProgressBar '0.0 of 34 work units'")
    bar.setFormat("0 / 34")
    window.resize(bar.fontMetrics().horizontalAdvance("0 / 34") * 3, 300)
    qtbot.wait(10)
    assert clipped_texts(window) == []


def test_an_elided_label_keeps_the_whole_text_in_its_tooltip(qtbot: QtBot) -> None:
    title = "Standardised cancer pathway for every region of the country"
    elided = ElidedLabel("big", lines=2)
    show_elided(elided, title)
    window = shown(qtbot, elided, width=120)
    assert elided.text().endswith("…") and elided.text() != title
    assert elided.text().count("\n") <= 1  # two lines at most
    assert elided.toolTip() == title and elided.full_text() == title
    assert clipped_texts(window) == []
    # the same label losing its tooltip: the audit says so
    elided.setToolTip("")
    found = clipped_texts(window)
    assert len(found) == 1 and "no tooltip" in found[0]
    # wide enough: the whole title, no tooltip needed
    window.resize(2000, 300)
    qtbot.wait(10)
    assert elided.text().replace("\n", " ") == title and elided.toolTip() == ""
    assert clipped_texts(window) == []


def test_a_plain_label_that_clips_is_still_reported(qtbot: QtBot) -> None:
    plain = QLabel("Impact 0.0 of target 23 and a long way to go")
    window = shown(qtbot, plain, width=400)
    window.setFixedWidth(80)
    qtbot.wait(10)
    assert clipped_texts(window)


def test_a_growing_label_says_it_all_when_the_card_has_room(qtbot: QtBot) -> None:
    """A task card's needs: one line with "…" when the board is crowded, every need when the
    card has height to spare (a normal game's board never cuts what it has room for)."""
    needs = ("Needs: Genomics, Pathology & laboratory medicine, Clinical oncology, "
             "Health data & AI · 2 hidden")
    label = ElidedLabel(grow=True)
    show_elided(label, needs)
    window = shown(qtbot, label, width=220)
    window.resize(220, 400)  # room for many lines
    qtbot.wait(10)
    assert label.text().replace("\n", " ") == needs and label.toolTip() == ""
    assert clipped_texts(window) == []
    line = label.fontMetrics().lineSpacing()
    window.resize(220, line + 30)  # crowded: about one line
    qtbot.wait(10)
    assert label.text().endswith("…") and label.toolTip() == needs
    assert clipped_texts(window) == []


def test_a_label_whose_text_outgrows_it_is_reported_at_the_same_size(qtbot: QtBot) -> None:
    """The audit measures each text once; a label that keeps its size while its text grows
    (a header line on the next move) is measured afresh and reported."""
    line = QLabel("Round 1")
    window = shown(qtbot, line, width=400)
    window.setFixedWidth(window.width())
    assert clipped_texts(window) == []
    assert clipped_texts(window) == []  # measured once, the same answer
    size = line.size()
    line.setText("Round 1 · Placement · Ana is choosing where the team goes next, and why")
    assert line.size() == size
    found = clipped_texts(window)
    assert len(found) == 1 and found[0].startswith("QLabel 'Round 1 · Placement")
    line.setText("Round 2")
    assert clipped_texts(window) == []


def test_a_label_cut_by_a_parent_further_up_is_reported_and_a_scrolled_one_is_not(
    qtbot: QtBot,
) -> None:
    """"Cut at the edge of a parent" is any parent up to the root, not only the nearest: a
    label well inside its own box, whose box runs past the window's edge, is cut there. In a
    scroll area it is not (the scroll bar says so)."""
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(300, 200)
    box = QWidget(window)
    box.setGeometry(0, 150, 300, 200)  # its lower part is past the window's edge
    inner = QLabel("Fine", box)
    inner.setGeometry(10, 10, 100, 30)  # inside the window too
    cut = QLabel("Cut", box)
    cut.setGeometry(10, 60, 100, 30)  # inside its box, below the window's edge
    area = QScrollArea(window)
    area.setGeometry(0, 0, 300, 100)
    content = QWidget()
    content.resize(300, 600)
    QLabel("Scrolled", content).setGeometry(10, 400, 100, 30)
    area.setWidget(content)
    window.show()
    qtbot.waitExposed(window)
    found = clipped_texts(window)
    assert len(found) == 1, found
    assert found[0].startswith("QLabel 'Cut': cut at the edge of QWidget")
