"""A screenshot as a colour-blind reader sees it: protanopia, deuteranopia or tritanopia at
severity 1.0 (Machado, Oliveira & Fernandes 2009, the colour-science library's matrices,
applied in linear sRGB), the same simulation as ``tests/ui/test_colour_blind.py``.

    python scripts/colour_blind.py shot.png shot-deuteranopia.png --sight deuteranopia

colour-science is in the test extra (``pip install ".[test]"``); the program never needs it.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage

with warnings.catch_warnings():
    # colour-science notes on import that SciPy and Matplotlib are absent (not needed here)
    warnings.simplefilter("ignore")
    import colour

SIGHTS = {"protanopia": "Protanomaly", "deuteranopia": "Deuteranomaly",
          "tritanopia": "Tritanomaly"}


def simulate(image: QImage, sight: str) -> QImage:
    """``image`` as seen with ``sight`` (one of :data:`SIGHTS`)."""
    with warnings.catch_warnings():
        # colour-science notes that Machado's tritanomaly approximates tritanopia
        warnings.simplefilter("ignore")
        matrix = colour.blindness.matrix_cvd_Machado2009(SIGHTS[sight], 1.0)
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    data = np.frombuffer(rgb.constBits(), np.uint8).reshape(height, stride)
    pixels = data[:, :width * 3].reshape(height, width, 3) / 255.0
    linear = colour.cctf_decoding(pixels, function="sRGB")
    seen = np.clip(linear @ matrix.T, 0.0, 1.0)
    out = np.ascontiguousarray(
        np.round(colour.cctf_encoding(seen, function="sRGB") * 255).astype(np.uint8))
    result = QImage(out.data, width, height, width * 3, QImage.Format.Format_RGB888)
    return result.copy()  # its own pixels, not numpy's


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("image", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--sight", choices=sorted(SIGHTS), default="deuteranopia")
    args = parser.parse_args(argv)
    image = QImage(str(args.image))
    if image.isNull():
        print(f"not an image: {args.image}", file=sys.stderr)
        return 1
    if not simulate(image, args.sight).save(str(args.out)):
        print(f"could not write {args.out}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
