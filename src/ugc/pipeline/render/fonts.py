"""Pick a font file per character run, so Latin, CJK, Arabic, Devanagari and emoji all render."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

EMOJI_NATIVE = 109  # Noto Color Emoji is a bitmap (CBDT) font that only loads at this size

_SCRIPTS = (
    ("cjk", re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]")),
    ("arabic", re.compile(r"[\u0600-\u06ff\u0750-\u077f]")),
    ("devanagari", re.compile(r"[\u0900-\u097f]")),
    ("thai", re.compile(r"[\u0e00-\u0e7f]")),
)


@dataclass(frozen=True)
class FontSet:
    """Font files by script; the entry point resolves them (fontconfig) and passes them in."""

    bold: str
    regular: str
    cjk: str
    emoji: str
    arabic: str
    devanagari: str
    thai: str


def is_emoji(ch: str) -> bool:
    """Return True for pictographic characters that need the colour emoji font."""
    cp = ord(ch)
    return (
        0x1F000 <= cp <= 0x1FAFF
        or 0x2600 <= cp <= 0x27BF
        or cp in (0x200D, 0xFE0F)
        or (unicodedata.category(ch) == "So" and cp > 0x2100)
    )


def script_of(ch: str) -> str:
    """Return the font family key for one character."""
    if is_emoji(ch):
        return "emoji"
    for name, pattern in _SCRIPTS:
        if pattern.match(ch):
            return name
    return "latin"


def runs(text: str) -> list[tuple[str, str]]:
    """Split text into (script, text) runs; neutral characters join the previous run."""
    out: list[tuple[str, str]] = []
    for ch in text:
        kind = script_of(ch)
        if out and (kind == out[-1][0] or (kind == "latin" and not ch.isalnum())):
            out[-1] = (out[-1][0], out[-1][1] + ch)
        else:
            out.append((kind, ch))
    return out


@lru_cache(maxsize=64)
def load_font(path: str, size: int) -> ImageFont.FreeTypeFont:
    """Load (and cache) a font at a size."""
    return ImageFont.truetype(path, size)


def font_path(fonts: FontSet, kind: str, bold: bool = True) -> str:
    """Return the file for a script kind."""
    if kind == "latin":
        return fonts.bold if bold else fonts.regular
    return str(getattr(fonts, kind))


@lru_cache(maxsize=256)
def emoji_image(fonts: FontSet, text: str, size: int) -> Image.Image:
    """Render emoji at the font's native size and scale to `size` px high."""
    font = load_font(fonts.emoji, EMOJI_NATIVE)
    left, top, right, bottom = (int(v) for v in font.getbbox(text))
    img = Image.new("RGBA", (max(1, right - left), max(1, bottom - top)))

    ImageDraw.Draw(img).text((-left, -top), text, font=font, embedded_color=True)
    scale = size / EMOJI_NATIVE
    return img.resize(
        (max(1, round(img.width * scale)), max(1, round(img.height * scale))),
        Image.Resampling.LANCZOS,
    )
