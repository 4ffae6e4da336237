"""Fontconfig lookup of the brand family and the script fallbacks setup installs."""

from __future__ import annotations

from pathlib import Path

from ugc.providers.offline.fonts import font_installed, resolve_fonts


def test_resolves_every_script_to_an_existing_file() -> None:
    fonts = resolve_fonts("Noto Sans")
    for path in (
        fonts.bold,
        fonts.regular,
        fonts.cjk,
        fonts.emoji,
        fonts.arabic,
        fonts.devanagari,
        fonts.thai,
    ):
        assert Path(path).is_file(), path
    assert "CJK" in fonts.cjk
    assert "Emoji" in fonts.emoji


def test_font_installed_rejects_fallbacks() -> None:
    assert font_installed("Noto Sans")
    assert font_installed("noto serif")
    assert not font_installed("Comic Nonexistent Display")
