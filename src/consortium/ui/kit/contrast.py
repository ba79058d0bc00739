"""How far apart two colours are for reading: WCAG 2's contrast ratio.

1:1 is the same colour, 21:1 black on white. Text needs 4.5:1 (AA; 3:1 for large type) and
7:1 for AAA, which the high-contrast theme meets (ui/kit/theme.py). Pure Python, so the check
runs without a window.
"""

from __future__ import annotations

AA = 4.5
AAA = 7.0


def _channel(value: int) -> float:
    """An sRGB channel (0–255) in linear light."""
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG's relative luminance of ``#rrggbb`` (or ``#rgb``): 0 for black, 1 for white."""
    hex_digits = colour.lstrip("#")
    if len(hex_digits) == 3:
        hex_digits = "".join(d * 2 for d in hex_digits)
    if len(hex_digits) != 6 or any(d not in "0123456789abcdefABCDEF" for d in hex_digits):
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    red, green, blue = (int(hex_digits[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(foreground: str, background: str) -> float:
    """(lighter + 0.05) / (darker + 0.05), from 1 to 21; the order does not matter."""
    light, dark = sorted((relative_luminance(foreground), relative_luminance(background)),
                         reverse=True)
    return (light + 0.05) / (dark + 0.05)
