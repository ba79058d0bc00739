"""What if — the same deal, played the other way: one band per policy on one shared axis.

For one measure (final impact by default; the jointholism index or lost perspectives as
options), each main policy gets a row: its name on the left, the 10th–90th percentile of the
bots' replays as a bar, the median as a heavy tick, and the figures in words on the right. The
group's own result is a dashed vertical line across every row, labelled with its value above
the rows. The title says "bots, not people". Colour is never alone: the tick, the dashed line
and the words carry the meaning, and a legend line says which is which.

Sizes come from the font it is given (on the board: the stage's unit, so it reads from the
back of the room). ``paint_what_if(painter, rect, result, measure, font)`` draws on any
painter — the widget, or a PDF page through ``QPdfWriter`` (the report) — and
``WhatIfBand.paint(painter, rect)`` does the same with the widget's own result and font.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from consortium.engine.what_if_bands import WhatIfResult
from consortium.present import what_if_words as words
from consortium.present.i18n import _
from consortium.present.numbers import decimal
from consortium.ui.kit.accessible import chart
from consortium.ui.kit.theme import ACCENT, CHART, INK, MUTED, PAPER

BAR_FILL = CHART.band
GROUP_LINE = CHART.group
ROW = 1.7  # a band's row, in lines
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter


def nice_step(span: float, count: int = 5) -> float:
    """A round axis step (1, 2 or 5 times a power of ten) giving about ``count`` ticks."""
    if span <= 0:
        return 1.0
    raw = span / count
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return float(factor * power)
    return float(10 * power)


def axis_range(result: WhatIfResult, measure: str) -> tuple[float, float, float]:
    """The shared axis: (low, high, step) covering every band and the group's value."""
    values = [v for b in result.bands for v in (words.band_of(b, measure).p10,
                                                 words.band_of(b, measure).p90)]
    if result.group is not None:
        values.append(words.group_value(result.group, measure))
    low, high = min(values, default=0.0), max(values, default=1.0)
    low = min(low, 0.0) if low >= 0 else low  # impact, indexes and counts start at 0
    if high <= low:
        high = low + (0.1 if measure == "jointholism" else 1.0)
    step = nice_step(high - low)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def tick_text(measure: str, value: float, step: float) -> str:
    if measure == "jointholism" or step < 1:
        return decimal(value, 2) if step < 0.1 else decimal(value, 1)
    return decimal(value, 0)


def lines_needed(result: WhatIfResult | None) -> float:
    """The drawing's height in lines of its body font."""
    if result is None:
        return 3.0
    return 1.6 + 1.3 + 1.3 + ROW * len(result.bands) + 1.6 + 1.3 + 0.5


def paint_what_if(painter: QPainter, rect: QRectF, result: WhatIfResult | None,
                  measure: str, font: QFont, progress: float | None = None) -> None:
    """Draw the bands of ``result`` for ``measure`` into ``rect`` with ``font`` as body text;
    ``None``: the bots are still replaying (with ``progress``, 0–1, when known)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    line = metrics.height()
    ink, muted = QColor(INK), QColor(MUTED)
    painter.fillRect(rect, QColor(PAPER))
    if result is None:
        text = _("Bots are replaying the same deal the other ways…")
        if progress is not None:
            text += " " + _("{percent} %").format(percent=decimal(progress * 100, 0))
        painter.setPen(ink)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
        painter.restore()
        return
    y = rect.top()
    # title
    bold = QFont(font)
    bold.setBold(True)
    bold.setPixelSize(max(1, round(_pixels(font) * 1.3)))
    painter.setFont(bold)
    painter.setPen(ink)
    title = words.title(result, measure)
    title_h = line * 1.6
    painter.drawText(QRectF(rect.left(), y, rect.width(), title_h), LEFT,
                     QFontMetricsF(bold).elidedText(title, Qt.TextElideMode.ElideRight,
                                                    rect.width()))
    y += title_h
    painter.setFont(font)
    painter.setPen(muted)
    painter.drawText(QRectF(rect.left(), y, rect.width(), line * 1.3), LEFT,
                     words.runs_line(result))
    y += line * 1.3
    # columns: names | bars | figures
    names = [words.policy_name(b.policy) for b in result.bands]
    figures = [words.band_short(words.band_of(b, measure), measure) for b in result.bands]
    header = _("median (10th–90th)")
    gap = line * 1.5
    name_w = min(max((metrics.horizontalAdvance(n) for n in names), default=0.0),
                 rect.width() * 0.34)
    figure_w = min(max((metrics.horizontalAdvance(f) for f in (*figures, header)),
                       default=0.0), rect.width() * 0.3)
    plot = QRectF(rect.left() + name_w + gap, 0.0,
                  max(line, rect.width() - name_w - figure_w - 2 * gap), 0.0)
    low, high, step = axis_range(result, measure)

    def x_of(value: float) -> float:
        return plot.left() + (value - low) / (high - low) * plot.width()

    group_label_y = y
    y += line * 1.3
    rows_top = y
    for band, name, fig in zip(result.bands, names, figures, strict=True):
        b = words.band_of(band, measure)
        row = QRectF(rect.left(), y, rect.width(), line * ROW)
        painter.setPen(ink)
        painter.drawText(QRectF(row.left(), row.top(), name_w, row.height()), LEFT,
                         metrics.elidedText(name, Qt.TextElideMode.ElideRight, name_w))
        bar = QRectF(x_of(b.p10), row.center().y() - line * 0.4,
                     max(2.0, x_of(b.p90) - x_of(b.p10)), line * 0.8)
        painter.fillRect(bar, QColor(BAR_FILL))
        painter.setPen(QPen(ink, max(1.0, line * 0.05)))
        painter.drawRect(bar)
        median = x_of(b.median)
        painter.setPen(QPen(ink, max(3.0, line * 0.16), Qt.PenStyle.SolidLine,
                            Qt.PenCapStyle.FlatCap))
        painter.drawLine(QLineF(median, row.center().y() - line * 0.6, median,
                         row.center().y() + line * 0.6))
        painter.setPen(ink)
        painter.drawText(QRectF(rect.right() - figure_w, row.top(), figure_w, row.height()),
                         RIGHT, metrics.elidedText(fig, Qt.TextElideMode.ElideRight, figure_w))
        y += line * ROW
    rows_bottom = y
    # the axis
    painter.setPen(QPen(ink, max(1.0, line * 0.05)))
    painter.drawLine(QLineF(plot.left(), y + line * 0.2, plot.right(), y + line * 0.2))
    value = low
    while value <= high + step / 2:
        x = x_of(value)
        painter.drawLine(QLineF(x, y + line * 0.2, x, y + line * 0.45))
        text = tick_text(measure, value, step)
        w = metrics.horizontalAdvance(text) + 4
        painter.drawText(QRectF(x - w / 2, y + line * 0.45, w, line), CENTRE, text)
        value += step
    painter.setPen(muted)
    painter.drawText(QRectF(rect.right() - figure_w, y + line * 0.3, figure_w, line), RIGHT,
                     metrics.elidedText(header, Qt.TextElideMode.ElideRight, figure_w))
    y += line * 1.6
    # the group's own result, across every band
    if result.group is not None:
        gx = x_of(words.group_value(result.group, measure))
        painter.setPen(QPen(QColor(GROUP_LINE), max(3.0, line * 0.12), Qt.PenStyle.DashLine,
                            Qt.PenCapStyle.FlatCap))
        painter.drawLine(QLineF(gx, rows_top - line * 0.15, gx, rows_bottom + line * 0.2))
        label = words.group_short(result.group, measure)
        bold_body = QFont(font)
        bold_body.setBold(True)
        lw = QFontMetricsF(bold_body).horizontalAdvance(label) + line * 0.4
        left = min(max(rect.left(), gx - lw / 2), rect.right() - lw)
        painter.setPen(ink)
        painter.setFont(bold_body)
        painter.drawText(QRectF(left, group_label_y, lw, line * 1.3), CENTRE, label)
        painter.setFont(font)
    # the legend: which mark means what, in words
    legend = _("Bar: 10th–90th percentile · heavy tick: median · dashed line: your group")
    painter.setPen(muted)
    painter.drawText(QRectF(rect.left(), y, rect.width(), line * 1.3), LEFT,
                     metrics.elidedText(legend, Qt.TextElideMode.ElideRight, rect.width()))
    painter.restore()


def _pixels(font: QFont) -> float:
    return font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF() * 4 / 3


@chart
class WhatIfBand(QWidget):
    """The what-if's bands for one measure (``impact``, ``jointholism`` or ``lost``). Shows
    what it is given (:meth:`set_result`, :meth:`set_progress`); listens to no signal."""

    def __init__(self, parent: QWidget | None = None, measure: str = "impact") -> None:
        super().__init__(parent)
        if measure not in words.MEASURES:
            raise ValueError(f"measure: one of {words.MEASURES}")
        self._measure = measure
        self._result: WhatIfResult | None = None
        self._progress: float | None = None
        self.setObjectName("whatIfBand")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._describe()

    # --- what it shows ----------------------------------------------------------------------

    @property
    def measure(self) -> str:
        return self._measure

    @property
    def result(self) -> WhatIfResult | None:
        return self._result

    def set_result(self, result: WhatIfResult | None) -> None:
        self._result = result
        self._describe()
        self.updateGeometry()
        self.update()

    def set_measure(self, measure: str) -> None:
        if measure not in words.MEASURES:
            raise ValueError(f"measure: one of {words.MEASURES}")
        self._measure = measure
        self._describe()
        self.update()

    def set_progress(self, share: float | None) -> None:
        """While the bots replay: the share done (0–1), shown in words."""
        self._progress = share
        if self._result is None:
            self._describe()
            self.update()

    def _describe(self) -> None:
        self.setAccessibleName(_("What if: {measure} — bots, not people").format(
            measure=words.measure_name(self._measure)))
        if self._result is None:
            self.setAccessibleDescription(
                _("Bots are replaying the same deal the other ways…"))
        else:
            self.setAccessibleDescription(words.description(self._result, self._measure))

    # --- drawing ----------------------------------------------------------------------------

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        """Draw into ``rect`` on any painter (this widget, a PDF page), in this font."""
        paint_what_if(painter, rect, self._result, self._measure, self.font(), self._progress)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self.paint(painter, QRectF(self.rect()).adjusted(2, 2, -2, -2))
            if self.hasFocus():
                painter.setPen(QPen(QColor(ACCENT), 3, Qt.PenStyle.DashLine))
                painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -2, -2))
        finally:
            painter.end()

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(line * 30, math.ceil(line * lines_needed(self._result)) + 4)

    def minimumSizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(line * 16, math.ceil(line * lines_needed(self._result)) + 4)


class WhatIfPicture:
    """The impact band of a finished what-if for a page (the report): ``paint(painter,
    rect)`` in the painter's font, without a widget (the command line has no QApplication)."""

    def __init__(self, result: WhatIfResult, measure: str = "impact") -> None:
        self.result = result
        self.measure = measure

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        # in the page's own pixels: a point-sized font and the title's pixel size would
        # disagree on a 1200-dpi PDF page
        font = QFont(painter.font())
        font.setPixelSize(max(8, round(rect.width() / 62)))
        paint_what_if(painter, rect, self.result, self.measure, font)
