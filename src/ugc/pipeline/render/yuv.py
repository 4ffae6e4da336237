"""RGB(A) images as BT.709 limited-range YUV 4:2:0 planes, and alpha blending onto frames."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from PIL import Image

U8 = npt.NDArray[np.uint8]

# BT.709 limited range: the colour matrix x264 is tagged with, so players show true colours.
_M = np.array(
    [
        [0.2126 * 219 / 255, 0.7152 * 219 / 255, 0.0722 * 219 / 255],
        [-0.1146 * 224 / 255, -0.3854 * 224 / 255, 0.5 * 224 / 255],
        [0.5 * 224 / 255, -0.4542 * 224 / 255, -0.0458 * 224 / 255],
    ],
    dtype=np.float32,
)
_OFF = np.array([16.0, 128.0, 128.0], dtype=np.float32)


@dataclass(frozen=True, eq=False)
class Planes:
    """A picture as Y (h, w), U and V (h/2, w/2) planes; w and h are even."""

    y: U8
    u: U8
    v: U8

    @property
    def size(self) -> tuple[int, int]:
        """Return (width, height)."""
        return int(self.y.shape[1]), int(self.y.shape[0])

    def copy(self) -> Planes:
        """Return a deep copy."""
        return Planes(self.y.copy(), self.u.copy(), self.v.copy())

    def crop(self, x: int, y: int, w: int, h: int) -> Planes:
        """Return a copy of the region at even (x, y) with even (w, h)."""
        x, y = x & ~1, y & ~1
        cx, cy = x // 2, y // 2
        return Planes(
            self.y[y : y + h, x : x + w].copy(),
            self.u[cy : cy + h // 2, cx : cx + w // 2].copy(),
            self.v[cy : cy + h // 2, cx : cx + w // 2].copy(),
        )

    def to_i420(self) -> U8:
        """Return one (h*3/2, w) array in I420 order, as PyAV's yuv420p frames expect."""
        w, h = self.size
        flat = np.concatenate((self.y.ravel(), self.u.ravel(), self.v.ravel()))
        return flat.reshape(h * 3 // 2, w)

    def to_rgb(self) -> Image.Image:
        """Convert back to an RGB image (for thumbnails and checks)."""
        y = self.y.astype(np.float32) - 16.0
        u = np.repeat(np.repeat(self.u, 2, 0), 2, 1).astype(np.float32) - 128.0
        v = np.repeat(np.repeat(self.v, 2, 0), 2, 1).astype(np.float32) - 128.0
        yuv = np.stack((y, u, v), axis=-1)
        rgb = yuv @ np.linalg.inv(_M).T
        return Image.fromarray(np.clip(rgb + 0.5, 0, 255).astype(np.uint8), "RGB")


@dataclass(frozen=True, eq=False)
class Sprite:
    """A pre-converted RGBA image: planes plus full- and half-resolution alpha."""

    planes: Planes
    alpha: U8
    alpha2: U8
    text: U8 | None = None  # glyph fills (no outline), for measuring text contrast

    @property
    def size(self) -> tuple[int, int]:
        """Return (width, height)."""
        return self.planes.size


def _even(img: Image.Image) -> Image.Image:
    """Pad an image by one pixel where needed so both sides are even."""
    w, h = img.size
    if w % 2 == 0 and h % 2 == 0:
        return img
    canvas = Image.new(img.mode, (w + w % 2, h + h % 2))
    canvas.paste(img, (0, 0))
    return canvas


def rgb_to_planes(img: Image.Image) -> Planes:
    """Convert an RGB image (padded to even size) to YUV 4:2:0 planes."""
    rgb = np.asarray(_even(img.convert("RGB")), dtype=np.float32)
    yuv = rgb @ _M.T + _OFF
    h, w = rgb.shape[:2]
    y = np.clip(yuv[..., 0] + 0.5, 0, 255).astype(np.uint8)
    uv = yuv[..., 1:].reshape(h // 2, 2, w // 2, 2, 2).mean(axis=(1, 3))
    uv8 = np.clip(uv + 0.5, 0, 255).astype(np.uint8)
    return Planes(y, np.ascontiguousarray(uv8[..., 0]), np.ascontiguousarray(uv8[..., 1]))


def sprite_from_rgba(img: Image.Image, text: Image.Image | None = None) -> Sprite:
    """Convert an RGBA image (and an optional L mask of its glyph fills) into a Sprite."""
    rgba = _even(img.convert("RGBA"))
    planes = rgb_to_planes(rgba.convert("RGB"))
    alpha = np.asarray(rgba.getchannel("A"), dtype=np.uint8)
    h, w = alpha.shape
    alpha2 = alpha.reshape(h // 2, 2, w // 2, 2).mean(axis=(1, 3)).astype(np.uint8)
    mask = np.asarray(_even(text), dtype=np.uint8).copy() if text is not None else None
    return Sprite(planes, alpha.copy(), np.ascontiguousarray(alpha2), mask)


def solid_planes(width: int, height: int, rgb: tuple[int, int, int]) -> Planes:
    """Return planes of one colour."""
    px = rgb_to_planes(Image.new("RGB", (2, 2), rgb))
    return Planes(
        np.full((height, width), px.y[0, 0], np.uint8),
        np.full((height // 2, width // 2), px.u[0, 0], np.uint8),
        np.full((height // 2, width // 2), px.v[0, 0], np.uint8),
    )


def _blend(dst: U8, src: U8, alpha: U8) -> None:
    """Alpha-blend src over dst in place (both already clipped to the same shape)."""
    a = alpha.astype(np.uint16)
    out = src.astype(np.uint16) * a + dst.astype(np.uint16) * (255 - a) + 127
    dst[...] = ((out + (out >> 8)) >> 8).astype(np.uint8)


def paste(frame: Planes, sprite: Sprite, x: int, y: int) -> None:
    """Blend a sprite onto a frame at (x, y), clipping at the frame's edges."""
    x, y = x & ~1, y & ~1
    fw, fh = frame.size
    sw, sh = sprite.size
    x0, y0, x1, y1 = max(x, 0), max(y, 0), min(x + sw, fw), min(y + sh, fh)
    if x0 >= x1 or y0 >= y1:
        return
    sx, sy = x0 - x, y0 - y
    w, h = x1 - x0, y1 - y0
    _blend(
        frame.y[y0:y1, x0:x1],
        sprite.planes.y[sy : sy + h, sx : sx + w],
        sprite.alpha[sy : sy + h, sx : sx + w],
    )
    cx, cy, cw, ch, csx, csy = x0 // 2, y0 // 2, w // 2, h // 2, sx // 2, sy // 2
    a2 = sprite.alpha2[csy : csy + ch, csx : csx + cw]
    _blend(frame.u[cy : cy + ch, cx : cx + cw], sprite.planes.u[csy : csy + ch, csx : csx + cw], a2)
    _blend(frame.v[cy : cy + ch, cx : cx + cw], sprite.planes.v[csy : csy + ch, csx : csx + cw], a2)


def put(frame: Planes, src: Planes, x: int, y: int) -> None:
    """Copy opaque planes onto a frame at even (x, y), clipping at the edges."""
    x, y = x & ~1, y & ~1
    fw, fh = frame.size
    sw, sh = src.size
    x0, y0, x1, y1 = max(x, 0), max(y, 0), min(x + sw, fw), min(y + sh, fh)
    if x0 >= x1 or y0 >= y1:
        return
    sx, sy, w, h = x0 - x, y0 - y, x1 - x0, y1 - y0
    frame.y[y0:y1, x0:x1] = src.y[sy : sy + h, sx : sx + w]
    cx, cy, csx, csy = x0 // 2, y0 // 2, sx // 2, sy // 2
    frame.u[cy : cy + h // 2, cx : cx + w // 2] = src.u[csy : csy + h // 2, csx : csx + w // 2]
    frame.v[cy : cy + h // 2, cx : cx + w // 2] = src.v[csy : csy + h // 2, csx : csx + w // 2]
