"""Script-aware text: measure and draw runs with the right font per script, emoji included."""

from __future__ import annotations

from PIL import Image, ImageDraw

from ugc.pipeline.render.color import RGB
from ugc.pipeline.render.fonts import FontSet, emoji_image, font_path, load_font, runs
from ugc.pipeline.text import no_space_between


def text_width(fonts: FontSet, text: str, size: int, bold: bool = True) -> int:
    """Return the advance width of text across its script runs."""
    total = 0
    for kind, run in runs(text):
        if kind == "emoji":
            total += emoji_image(fonts, run, size).width
        else:
            total += int(load_font(font_path(fonts, kind, bold), size).getlength(run))
    return total


def draw_text(
    canvas: Image.Image,
    xy: tuple[int, int],
    text: str,
    fonts: FontSet,
    size: int,
    fill: RGB,
    *,
    bold: bool = True,
    stroke: int = 0,
    stroke_fill: RGB = (17, 17, 17),
    fills: Image.Image | None = None,
) -> int:
    """Draw text run by run onto an RGBA canvas; mark glyph fills in `fills`; return the end x."""
    x, y = xy
    draw = ImageDraw.Draw(canvas)
    for kind, run in runs(text):
        if kind == "emoji":
            img = emoji_image(fonts, run, size)
            canvas.alpha_composite(img, (max(x, 0), max(y + size // 8, 0)))
            x += img.width
            continue
        font = load_font(font_path(fonts, kind, bold), size)
        draw.text(
            (x, y),
            run,
            font=font,
            fill=(*fill, 255),
            stroke_width=stroke,
            stroke_fill=(*stroke_fill, 255),
        )
        if fills is not None:
            ImageDraw.Draw(fills).text((x, y), run, font=font, fill=255)
        x += int(font.getlength(run))
    return x


def fit_size(fonts: FontSet, text: str, size: int, width: float, bold: bool = True) -> int:
    """Shrink a font size until text fits the width (never below 12 px)."""
    while text_width(fonts, text, size, bold) > width and size > 12:
        size = max(12, int(size * 0.92))
    return size


def gap_between(a: str, b: str, size: int) -> int:
    """Return the space to leave between two tokens (none inside CJK or Thai runs)."""
    return 0 if no_space_between(a, b) else int(size * 0.34)
