"""Qt's own words in the language of ours: the buttons of a ``QMessageBox`` (Yes, No, OK,
Show Details…), the file dialogs and the editing menus come from the ``qtbase`` catalogue Qt
ships, not from :mod:`consortium.present.i18n`.

English needs none (Qt's source language), and neither does the pseudo-locale (its test looks
at our words only); a language Qt has no catalogue for keeps Qt's English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from consortium.present.i18n import PSEUDO_LANGUAGE, SOURCE_LANGUAGE


def install_qt_translations(app: QCoreApplication, language: str) -> QTranslator | None:
    """Install Qt's ``qtbase_<language>.qm`` on ``app``; the translator, or ``None`` when
    none is needed or Qt ships none for ``language``."""
    if language in (SOURCE_LANGUAGE, PSEUDO_LANGUAGE):
        return None
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(QLocale(language), "qtbase", "_", folder):
        translator.deleteLater()
        return None
    app.installTranslator(translator)
    return translator
