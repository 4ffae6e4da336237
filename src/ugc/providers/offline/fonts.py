"""Resolve the studio's fonts through fontconfig (installed by setup: Noto + DejaVu)."""

from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache

from ugc.pipeline.render.fonts import FontSet

_WANTED = {
    "bold": "{family}:bold",
    "regular": "{family}",
    "cjk": "Noto Sans CJK SC:bold",
    "emoji": "Noto Color Emoji",
    "arabic": "Noto Sans Arabic:bold",
    "devanagari": "Noto Sans Devanagari:bold",
    "thai": "Noto Sans Thai:bold",
}


class FontError(RuntimeError):
    """A required font is not installed."""


@lru_cache(maxsize=8)
def resolve_fonts(family: str = "Noto Sans") -> FontSet:
    """Return font files for the brand family plus script and emoji fallbacks."""
    if shutil.which("fc-match") is None:
        raise FontError("fontconfig (fc-match) is not installed; run the README setup")
    found = {key: _match(pattern.format(family=family)) for key, pattern in _WANTED.items()}
    return FontSet(**found)


def font_installed(family: str) -> bool:
    """Return True if fontconfig has the family itself (not a fallback for it)."""
    if shutil.which("fc-match") is None:
        return False
    got = subprocess.run(
        ["fc-match", "-f", "%{family}", family], capture_output=True, text=True, check=False
    ).stdout
    return family.casefold() in (f.strip().casefold() for f in got.split(","))


def _match(pattern: str) -> str:
    """Return the file fontconfig picks for a pattern."""
    out = subprocess.run(
        ["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True, check=True
    ).stdout.strip()
    if not out:
        raise FontError(f"no font matches {pattern!r}; run the README setup")
    return out
