"""An A4 page for the program's PDFs (printed hands, the report, the handout), written with
QPdfWriter and QPainter (QtGui; the trimmed QtPdf module only reads PDFs)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

RESOLUTION = 300  # dots per inch of the PDF's coordinate system
MARGIN_MM = 15.0


def a4_writer(path: Path, title: str = "", *, landscape: bool = False) -> QPdfWriter:
    """A portrait (or ``landscape``: the comparison of tables) A4 writer at
    :data:`RESOLUTION` with :data:`MARGIN_MM` margins."""
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    orientation = (QPageLayout.Orientation.Landscape if landscape
                   else QPageLayout.Orientation.Portrait)
    writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), orientation,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter,
    ))
    writer.setTitle(title)
    writer.setCreator("Consortium")
    return writer
