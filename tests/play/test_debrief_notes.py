"""What the room says in the debrief (store/notes.py) belongs to the session: recorded before
the Reveal, kept through an undo and a redo, in the room a save writes, and the predictions
closed once the answers are on the board."""

from __future__ import annotations

from consortium.store.notes import DebriefNotes, Predictions
from tests.play.table import PEOPLE, person_decides, sit_down


def test_predictions_survive_undo_and_close_with_the_reveal() -> None:
    table = sit_down()
    session = table.session
    placed: set[int] = set()
    for _ in range(5000):
        if session.state.over:
            break
        if session.next_move_in() is not None:
            session.move()
        else:
            person_decides(table, placed)
    assert session.state.over
    p = Predictions(best_way=(("democratic", 1), ("self-selection", 4), ("hybrid", 0)),
                    named=(PEOPLE[0],))
    assert session.record_predictions(p)
    assert session.room.notes.predictions == p
    assert not session.undo()  # nothing is undone past the end of the game…
    assert session.room.notes.predictions == p  # …and the refusal keeps what the room said
    session.reveal()
    assert not session.record_predictions(Predictions())  # the answers are on the board
    assert session.set_agreement("  One knowledge owner per task.  ")
    assert session.room.notes == DebriefNotes(p, "One knowledge owner per task.")
    session.show_debrief_screen(4)
    assert session.session.debrief_screen == 4


def test_an_undo_in_a_session_with_notes_keeps_them() -> None:
    """Notes taken over with a game (a resumed save that holds them) stay through an undo and
    a redo: the rewind moves the game, not what the room said."""
    table = sit_down()
    session = table.session
    notes = DebriefNotes(Predictions(named=(0,)), "kept")
    history = session.history
    session.take_over(history, session.session.people, talk_clock=True, notes=notes)
    placed: set[int] = set()
    for _ in range(400):
        if session.undo_answer().possible and session.state.public.round >= 2:
            break
        if session.next_move_in() is not None:
            session.move()
        else:
            person_decides(table, placed)
    assert session.undo()
    assert session.session.notes == notes
    assert session.redo()
    assert session.room.notes == notes
