"""Draw the application icon: four overlapping circles, one per sector (technical, social,
institutional, economic), outlined in ink so the shape reads on light and dark desktops.

    python packaging/make_icon.py        # rewrites assets/icons/

One geometry feeds both outputs, so the SVG source and the bitmaps cannot drift apart:
``consortium.svg`` (the source, for Linux icon themes), ``consortium.png`` (256 px, the Linux
build's icon), ``consortium.ico`` (16–256 px, Windows) and ``consortium.icns`` (128–1024 px,
macOS). Bitmaps are drawn with QPainter on the offscreen platform, and ICO and ICNS are written
here (PNG entries in both formats), so the output is the same on every machine with the same
Qt and needs neither Pillow nor iconutil.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen

OUT = Path(__file__).resolve().parents[1] / "assets" / "icons"
CANVAS = 256
INK = "#111111"
PAPER = "#ffffff"
# The charts' palette (ui/board/time_chart.py), one colour per sector, clockwise from top left.
CIRCLES = (
    (98.0, 98.0, "#00798c"),
    (158.0, 98.0, "#edae49"),
    (158.0, 158.0, "#d1495b"),
    (98.0, 158.0, "#66a182"),
)
RADIUS = 66.0
FILL_OPACITY = 0.82
OUTLINE = 7.0
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = ((b"ic07", 128), (b"ic08", 256), (b"ic09", 512), (b"ic10", 1024))


def svg() -> str:
    """The icon as SVG: a paper underlay (so the overlaps mix but nothing is see-through),
    the fills, then every outline on top, like a Venn diagram."""
    paper = "\n".join(
        f'  <circle cx="{x:g}" cy="{y:g}" r="{RADIUS:g}" fill="{PAPER}"/>' for x, y, _ in CIRCLES
    )
    fills = "\n".join(
        f'  <circle cx="{x:g}" cy="{y:g}" r="{RADIUS:g}" fill="{c}" '
        f'fill-opacity="{FILL_OPACITY:g}"/>'
        for x, y, c in CIRCLES
    )
    lines = "\n".join(
        f'  <circle cx="{x:g}" cy="{y:g}" r="{RADIUS:g}" fill="none" stroke="{INK}" '
        f'stroke-width="{OUTLINE:g}"/>'
        for x, y, _ in CIRCLES
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{CANVAS}" height="{CANVAS}" '
        f'viewBox="0 0 {CANVAS} {CANVAS}">\n'
        "  <title>Consortium</title>\n"
        f"{paper}\n{fills}\n{lines}\n</svg>\n"
    )


def draw(size: int) -> QImage:
    """The icon at ``size`` pixels, drawn from the same geometry as :func:`svg`."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / CANVAS, size / CANVAS)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(PAPER))
    for x, y, _ in CIRCLES:
        painter.drawEllipse(QPointF(x, y), RADIUS, RADIUS)
    for x, y, colour in CIRCLES:
        fill = QColor(colour)
        fill.setAlphaF(FILL_OPACITY)
        painter.setBrush(fill)
        painter.drawEllipse(QPointF(x, y), RADIUS, RADIUS)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor(INK), OUTLINE))
    for x, y, _ in CIRCLES:
        painter.drawEllipse(QPointF(x, y), RADIUS, RADIUS)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not write a PNG")
    buffer.close()
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO file with PNG entries (Windows Vista and later read these at every size)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    directory = b""
    body = b""
    offset = 6 + 16 * len(pngs)
    for size, data in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data),
                                 offset + len(body))
        body += data
    return header + directory + body


def icns(pngs: dict[bytes, bytes]) -> bytes:
    """An ICNS file with PNG entries (macOS 10.7 and later)."""
    body = b"".join(kind + struct.pack(">I", 8 + len(data)) + data for kind, data in pngs.items())
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "consortium.svg").write_text(svg(), "utf-8")
    (OUT / "consortium.png").write_bytes(png_bytes(draw(256)))
    (OUT / "consortium.ico").write_bytes(ico({s: png_bytes(draw(s)) for s in ICO_SIZES}))
    (OUT / "consortium.icns").write_bytes(
        icns({kind: png_bytes(draw(s)) for kind, s in ICNS_TYPES})
    )
    for path in sorted(OUT.iterdir()):
        print(f"{path.relative_to(OUT.parents[1])}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
