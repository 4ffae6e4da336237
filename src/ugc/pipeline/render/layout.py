"""Per-platform layouts: where each track goes, inside each profile's safe zone (QUALITY.md)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in frame pixels."""

    x: int
    y: int
    w: int
    h: int

    @property
    def x1(self) -> int:
        """Return the right edge (exclusive)."""
        return self.x + self.w

    @property
    def y1(self) -> int:
        """Return the bottom edge (exclusive)."""
        return self.y + self.h

    def contains(self, other: Box) -> bool:
        """Return True if other lies wholly inside this box."""
        return (
            other.x >= self.x and other.y >= self.y and other.x1 <= self.x1 and other.y1 <= self.y1
        )

    def as_list(self) -> list[int]:
        """Return [x, y, w, h] for JSON."""
        return [self.x, self.y, self.w, self.h]


@dataclass(frozen=True)
class Layout:
    """Placement of every track for one aspect ratio."""

    aspect: str
    width: int
    height: int
    safe: Box
    face_center: tuple[int, int]  # where the persona's face centre goes
    face_height: int  # persona face height in px
    captions: Box  # caption block area; text is centred inside it
    caption_size: int  # caption font size in px
    product: Box  # product cut-in card
    product_full: bool  # True: the cut-in takes the whole frame (blurred backdrop + card)
    logo: Box
    badge: Box  # disclosure badge ("#ad")
    cta: Box  # CTA card content area


def _safe(w: int, h: int, top: int, bottom: int, left: int, right: int) -> Box:
    """Build the safe box from the margins."""
    return Box(left, top, w - left - right, h - top - bottom)


# 9:16 margins are the union of the TikTok and Meta Reels zones: top 270, bottom 670,
# left 65, right 150.
_LAYOUTS: dict[str, Layout] = {
    "9:16": Layout(
        aspect="9:16",
        width=1080,
        height=1920,
        safe=_safe(1080, 1920, 270, 670, 65, 150),
        face_center=(498, 640),
        face_height=400,
        captions=Box(85, 1000, 826, 230),
        caption_size=74,
        product=Box(148, 300, 700, 640),
        product_full=True,
        logo=Box(85, 290, 150, 110),
        badge=Box(750, 290, 160, 56),
        cta=Box(85, 300, 826, 680),
    ),
    "1:1": Layout(
        aspect="1:1",
        width=1080,
        height=1080,
        safe=_safe(1080, 1080, 54, 54, 54, 54),
        face_center=(330, 330),
        face_height=270,
        captions=Box(74, 790, 932, 210),
        caption_size=62,
        product=Box(590, 150, 400, 440),
        product_full=False,
        logo=Box(74, 74, 120, 90),
        badge=Box(860, 74, 146, 50),
        cta=Box(74, 74, 932, 690),
    ),
    "4:5": Layout(
        aspect="4:5",
        width=1080,
        height=1350,
        safe=_safe(1080, 1350, 54, 54, 54, 54),
        face_center=(340, 420),
        face_height=300,
        captions=Box(74, 1040, 932, 230),
        caption_size=66,
        product=Box(590, 190, 400, 500),
        product_full=False,
        logo=Box(74, 74, 130, 96),
        badge=Box(860, 74, 146, 50),
        cta=Box(74, 90, 932, 920),
    ),
    "16:9": Layout(
        aspect="16:9",
        width=1920,
        height=1080,
        safe=_safe(1920, 1080, 54, 54, 96, 96),
        face_center=(600, 340),
        face_height=300,
        captions=Box(200, 800, 1520, 200),
        caption_size=64,
        product=Box(1080, 110, 620, 620),
        product_full=False,
        logo=Box(116, 74, 140, 100),
        badge=Box(1658, 74, 146, 50),
        cta=Box(116, 74, 1688, 700),
    ),
}


def layout_for(aspect: str) -> Layout:
    """Return the layout of an aspect ratio, or raise ValueError naming the choices."""
    try:
        return _LAYOUTS[aspect]
    except KeyError:
        raise ValueError(f"unknown aspect {aspect!r}; choose from {', '.join(_LAYOUTS)}") from None


def all_aspects() -> tuple[str, ...]:
    """Return every supported aspect ratio."""
    return tuple(_LAYOUTS)
