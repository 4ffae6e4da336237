"""Colour parsing and WCAG contrast."""

from __future__ import annotations

RGB = tuple[int, int, int]
WHITE: RGB = (255, 255, 255)
INK: RGB = (17, 17, 17)
HIGHLIGHT: RGB = (255, 214, 10)


def hex_rgb(value: str) -> RGB:
    """Parse '#RRGGBB' into an RGB tuple."""
    v = value.lstrip("#")
    return int(v[0:2], 16), int(v[2:4], 16), int(v[4:6], 16)


def luminance(rgb: RGB) -> float:
    """Return WCAG relative luminance."""

    def lin(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def contrast(a: RGB, b: RGB) -> float:
    """Return the WCAG contrast ratio of two colours."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_on(bg: RGB) -> RGB:
    """Return white or near-black, whichever reads better on bg."""
    return WHITE if contrast(WHITE, bg) >= contrast(INK, bg) else INK


def pick(preferred: RGB, against: RGB, fallback: RGB, minimum: float = 4.5) -> RGB:
    """Return preferred if it meets the contrast minimum against a colour, else fallback."""
    return preferred if contrast(preferred, against) >= minimum else fallback


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """Blend two colours; t=0 gives a, t=1 gives b."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )
