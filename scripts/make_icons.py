"""Draw the studio's PWA icons (a play button in a speech bubble) into web/public/icons/."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[1] / "web" / "public" / "icons"
TOP, BOTTOM = (91, 61, 245), (226, 61, 140)  # brand violet to pink


def gradient(size: int) -> Image.Image:
    """Return a vertical violet-to-pink gradient."""
    img = Image.new("RGB", (size, size))
    px = img.load()
    assert px is not None
    for y in range(size):
        t = y / (size - 1)
        row = tuple(round(a + (b - a) * t) for a, b in zip(TOP, BOTTOM, strict=True))
        for x in range(size):
            px[x, y] = row
    return img


def draw(size: int, inset: float) -> Image.Image:
    """Return the icon; `inset` shrinks the glyph into a maskable icon's safe zone."""
    s = 4 * size  # draw large, then downsample for smooth edges
    img = gradient(s).convert("RGBA")
    d = ImageDraw.Draw(img)
    m = s * inset
    box = (m + s * 0.16, m + s * 0.18, s - m - s * 0.16, s - m - s * 0.30)
    d.rounded_rectangle(box, radius=(box[3] - box[1]) * 0.22, fill="white")
    tail = [
        (box[0] + s * 0.12, box[3] - 2),
        (box[0] + s * 0.10, box[3] + s * 0.14),
        (box[0] + s * 0.30, box[3] - 2),
    ]
    d.polygon(tail, fill="white")
    cx, cy, r = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2, (box[3] - box[1]) * 0.26
    d.polygon([(cx - r * 0.8, cy - r), (cx - r * 0.8, cy + r), (cx + r, cy)], fill=TOP)
    return img.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    """Write icon-192.png, icon-512.png and maskable-512.png."""
    OUT.mkdir(parents=True, exist_ok=True)
    draw(192, 0.0).save(OUT / "icon-192.png", optimize=True)
    draw(512, 0.0).save(OUT / "icon-512.png", optimize=True)
    draw(512, 0.10).save(OUT / "maskable-512.png", optimize=True)


if __name__ == "__main__":
    main()
