"""Image helpers for the renderer: loading brand assets, fitting and covering boxes."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFilter, ImageOps

from ugc.pipeline.render.layout import Box


def load_rgba(path: str) -> Image.Image:
    """Load an image (already validated by the brief loader) as RGBA."""
    with Image.open(path) as img:
        return ImageOps.exif_transpose(img).convert("RGBA")


def fit(img: Image.Image, w: int, h: int) -> Image.Image:
    """Scale an image to fit inside w x h, keeping its aspect ratio."""
    scale = min(w / img.width, h / img.height)
    size = (max(2, round(img.width * scale)), max(2, round(img.height * scale)))
    return img.resize(size, Image.Resampling.LANCZOS)


def cover(img: Image.Image, w: int, h: int) -> Image.Image:
    """Scale and centre-crop an image to fill w x h."""
    return ImageOps.fit(img, (w, h), Image.Resampling.LANCZOS)


def rounded_mask(w: int, h: int, radius: int) -> Image.Image:
    """Return an L mask of a rounded rectangle."""
    mask = Image.new("L", (w, h), 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, w - 1, h - 1), radius=radius, fill=255)
    return mask


def shadow(w: int, h: int, radius: int, blur: int, opacity: int = 110) -> Image.Image:
    """Return a soft drop shadow of a rounded box, padded by `blur` on each side."""
    img = Image.new("RGBA", (w + 4 * blur, h + 4 * blur), (0, 0, 0, 0))
    mask = Image.new("L", img.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle(
        (2 * blur, 2 * blur, 2 * blur + w, 2 * blur + h), radius=radius, fill=opacity
    )
    img.putalpha(mask.filter(ImageFilter.GaussianBlur(blur)))
    return img


def centered(box: Box, w: int, h: int) -> tuple[int, int]:
    """Return the top-left that centres a w x h image in a box."""
    return box.x + (box.w - w) // 2, box.y + (box.h - h) // 2
