"""UGC backgrounds: softly lit rooms seen from the creator's phone, drawn procedurally."""

from __future__ import annotations

import random
import zlib
from collections.abc import Callable

from PIL import Image, ImageFilter

from ugc.pipeline.agents.setting_canvas import RGB, Canvas, rgb
from ugc.pipeline.agents.setting_rooms import bathroom, bedroom, kitchen
from ugc.pipeline.agents.setting_spaces import car, desk

SETTINGS: tuple[str, ...] = ("bedroom", "car", "kitchen", "desk", "bathroom")

_ROOMS: dict[str, Callable[[Canvas, RGB], None]] = {
    "bedroom": bedroom,
    "car": car,
    "kitchen": kitchen,
    "desk": desk,
    "bathroom": bathroom,
}
_DEFAULT_ACCENT: dict[str, str] = {
    "bedroom": "#F2A65A",
    "car": "#F2A65A",
    "kitchen": "#E4572E",
    "desk": "#3D7DD8",
    "bathroom": "#7FB8A4",
}
# Rooms are painted at reduced size and scaled up: the background is meant to be soft anyway,
# and painting a quarter of the pixels keeps big frames fast.
_DRAW_SCALE = 0.5
MIN_SIDE = 64


def draw_setting(
    name: str, width: int, height: int, seed: int, accent: str | None = None
) -> Image.Image:
    """Return an RGB background exactly width x height, deterministic for the same arguments."""
    room = _ROOMS.get(name)
    if room is None:
        raise ValueError(f"unknown setting {name!r}; choose one of: {', '.join(SETTINGS)}")
    if width < MIN_SIDE or height < MIN_SIDE:
        raise ValueError(
            f"setting size must be at least {MIN_SIDE}x{MIN_SIDE}, got {width}x{height}"
        )
    colour = rgb(accent if accent else _DEFAULT_ACCENT[name])
    # crc32, not hash(): str hashes change between processes and would break determinism.
    rng = random.Random(zlib.crc32(f"{name}:{seed}".encode()))
    dw, dh = max(32, round(width * _DRAW_SCALE)), max(32, round(height * _DRAW_SCALE))
    canvas = Canvas(dw, dh, rng, flip=rng.random() < 0.5)
    room(canvas, colour)
    img = canvas.img.resize((width, height), Image.Resampling.BICUBIC)
    # Depth of field: the room sits well behind the creator, so it is slightly out of focus.
    return img.filter(ImageFilter.GaussianBlur(min(width, height) * 0.0035))
