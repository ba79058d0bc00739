"""Help (F1): *How to play* for the players, the *Facilitator guide* for the trainer, and the
keys — each a tab, each printable to PDF (issue 15).

The two guides are the repository's own documents, docs/how-to-play.md and
docs/facilitator-guide.md, shipped as the package ``consortium.guide`` and shown with Qt's
Markdown reader: one copy of each, so what a newcomer reads on GitHub, what the trainer prints
and what the app shows never drift apart. A language's own version (``how-to-play.sv.md``) is
shown when the room plays in it and the file exists; otherwise the English one. A link to
another document of docs/ (the full rules, say) opens in the same tab, in the room's language
too: a Swedish guide links its twin (``how-to-play.sv.md``, so GitHub shows Swedish as well),
and a link to ``how-to-play.md`` from the English rules opens the Swedish page in a Swedish
room.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from consortium.present.i18n import _, language
from consortium.present.reason_words import os_reason
from consortium.resources import guide_text
from consortium.ui.kit.pdf import a4_writer
from consortium.ui.kit.widgets import button, label, scroll_down
from consortium.ui.shell.file_dialogs import PDF, FileDialogs

HOW_TO_PLAY = "how-to-play.md"
FACILITATOR_GUIDE = "facilitator-guide.md"


def guide(name: str) -> str:
    """A guide in the room's language if it has one, else in English. The language's own
    code first, then its main language (``sv_SE`` → ``sv``: CONSORTIUM_LANGUAGE is taken as
    typed, and gettext shows the Swedish catalogue for it, so the guides must follow)."""
    stem = name.removesuffix(".md")
    code = language()
    for tag in dict.fromkeys((code, code.partition("_")[0])):
        with contextlib.suppress(OSError):  # FileNotFoundError: no such twin
            return guide_text(f"{stem}.{tag}.md")
    return guide_text(name)


class GuideView(QTextBrowser):
    """One guide, rendered from its Markdown; links to other guides open here."""

    def __init__(self, name: str, accessible: str) -> None:
        super().__init__()
        self.setAccessibleName(accessible)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._on_link_clicked)
        self.show_guide(name)

    def show_guide(self, name: str) -> None:
        self.name = name
        self.setMarkdown(guide(name))

    def _on_link_clicked(self, url: QUrl) -> None:
        name = url.path().rsplit("/", maxsplit=1)[-1]
        if name.endswith(".md"):
            # a link to a file not shipped (a screenshot folder): stay where it was
            with contextlib.suppress(OSError):
                self.show_guide(name)
        if url.fragment():
            self.scrollToAnchor(url.fragment())


def write_guide_pdf(name: str, path: Path, title: str) -> None:
    """A guide as an A4 PDF: written beside ``path`` first and moved over it when whole, so a
    failed write never leaves half a file where a good one was. QPdfWriter says nothing when
    it cannot write, so the folder is checked first and the result after."""
    if not os.access(path.parent, os.W_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path.parent))
    part = path.with_name(path.name + ".part")
    document = QTextDocument()
    document.setMarkdown(guide(name))
    writer = a4_writer(part, title)
    document.print_(writer)
    del writer  # closes the file
    if not part.is_file() or part.stat().st_size == 0:
        raise OSError(errno.EIO, os.strerror(errno.EIO), str(part))
    os.replace(part, path)


class HelpDialog(QDialog):
    """The guides and the keys, with *Save as PDF…* for the tab shown."""

    def __init__(self, keys: str, files: Callable[[], FileDialogs],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._files = files
        self.setWindowTitle(_("Consortium — help"))
        self.setAccessibleName(_("Help"))
        self.how_to_play = GuideView(HOW_TO_PLAY, _("How to play"))
        self.facilitator_guide = GuideView(FACILITATOR_GUIDE, _("Facilitator guide"))
        self.keys = label(keys, wrap=True)
        self.keys.setAccessibleName(_("Keys"))
        keys_page = QWidget()
        keys_layout = QVBoxLayout(keys_page)
        keys_layout.addWidget(self.keys)
        keys_layout.addStretch(1)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Help"))
        self.tabs.addTab(self.how_to_play, _("How to play"))
        self.tabs.addTab(self.facilitator_guide, _("Facilitator guide"))
        self.tabs.addTab(scroll_down(keys_page), _("Keys"))  # long at 200 %
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.pdf_button = button(_("Save as PDF…"), "secondary",
                                 accessible=_("Save this guide as a PDF to print"),
                                 description=_("Saves the page shown in this window as a "
                                               "PDF file."))
        self.pdf_button.clicked.connect(self.save_pdf)
        self.status = label(name="hint", wrap=True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.pdf_button)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        screen = QGuiApplication.primaryScreen()
        if screen is not None:  # most of the laptop's screen: the guide is long
            room = screen.availableGeometry()
            self.resize(min(1100, int(room.width() * 0.85)), int(room.height() * 0.85))

    def shown_guide(self) -> GuideView | None:
        page = self.tabs.currentWidget()
        return page if isinstance(page, GuideView) else None

    def _on_tab_changed(self) -> None:
        self.pdf_button.setEnabled(self.shown_guide() is not None)
        self.status.clear()

    def save_pdf(self) -> Path | None:
        """The guide shown, as an A4 PDF with real text, where the trainer chooses."""
        view = self.shown_guide()
        if view is None:
            return None
        suggested = Path.home() / view.name.replace(".md", ".pdf")
        path = self._files().save_path(self, _("Save the guide as a PDF"), suggested, _(PDF))
        if path is None:
            return None
        try:
            write_guide_pdf(view.name, path, self.tabs.tabText(self.tabs.currentIndex()))
        except OSError as error:
            self.status.setText(_("Cannot write {path}: {reason}.").format(
                path=path, reason=os_reason(error)))
            return None
        self.status.setText(_("Saved {file}.").format(file=path.name))
        return path
