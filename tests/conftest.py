"""Shared fixtures: tiny media made by the tests themselves."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image


def write_png_header_only(path: Path, width: int, height: int) -> None:
    """Write a valid-looking PNG that claims huge dimensions (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


@pytest.fixture
def product_png(tmp_path: Path) -> Path:
    """A small product image with some structure."""
    rng = np.random.default_rng(1)
    arr = (rng.random((240, 240, 3)) * 80 + 120).astype(np.uint8)
    arr[60:180, 90:150] = (230, 120, 140)
    path = tmp_path / "product.png"
    Image.fromarray(arr).save(path)
    return path


@pytest.fixture
def logo_png(tmp_path: Path) -> Path:
    """A transparent logo."""
    img = Image.new("RGBA", (128, 128), (0, 0, 0, 0))
    img.paste((240, 240, 240, 255), (24, 24, 104, 104))
    path = tmp_path / "logo.png"
    img.save(path)
    return path


pytest_plugins = ["tests.platform", "tests.azurite"]
