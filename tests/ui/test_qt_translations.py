"""Qt's own words (dialog buttons, file dialogs) come from the qtbase catalogue Qt ships, for
the language our words are in (consortium.ui.kit.qt_translations)."""

from __future__ import annotations

from datetime import UTC

from PySide6.QtWidgets import QApplication

from consortium.ui.kit.qt_translations import install_qt_translations


def test_a_language_qt_ships_gets_its_qtbase_catalogue(qapp: QApplication) -> None:
    translator = install_qt_translations(qapp, "de")
    assert translator is not None and translator.language().startswith("de")
    try:
        cancel = QApplication.translate("QPlatformTheme", "Cancel")
        assert cancel and cancel != "Cancel"  # Qt's button, in the room's language
    finally:
        qapp.removeTranslator(translator)
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_english_and_the_pseudo_locale_need_none(qapp: QApplication) -> None:
    assert install_qt_translations(qapp, "en") is None  # Qt's source language
    assert install_qt_translations(qapp, "qps") is None  # the test of our words only
    assert install_qt_translations(qapp, "xx") is None  # no catalogue: Qt's English


def test_a_saves_time_names_day_and_month_in_the_language_of_the_words() -> None:
    """The resume list's "Last saved": Qt's locale data, as the rest of the words."""
    from datetime import datetime

    from consortium.present.i18n import language, use_language
    from consortium.ui.shell.resume_page import when

    moment = datetime(2025, 11, 28, 13, 5, tzinfo=UTC)
    before = language()
    try:
        use_language("en")
        english = when(moment)
        assert english == moment.astimezone().strftime("%a %d %b, %H:%M")  # as before
        use_language("de")
        german = when(moment)
        assert german != english and german.endswith(english[-5:])  # same time, other words
    finally:
        use_language(before)
