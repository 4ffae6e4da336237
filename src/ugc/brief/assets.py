"""Check brief assets before anything renders: real images, real videos, no decompression bombs."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import av
from PIL import Image

from ugc.errors import BriefError

MAX_PIXELS = 40_000_000  # 40 MP: far above any product photo, far below a bomb
MAX_CLIP_SECONDS = 600
_STILLS = {"gif", "webp", "apng", "bmp"}  # demuxers that read pictures, not clips


def check_image(field: str, path: Path) -> None:
    """Raise BriefError unless path is a readable raster image of sane size."""
    _readable(field, path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as img:
                w, h = img.size
                if w * h > MAX_PIXELS:
                    raise BriefError(field, f"{path.name} is {w}x{h}; the limit is 40 megapixels")
                img.verify()
    except BriefError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise BriefError(field, f"{path.name} looks like a decompression bomb") from None
    except Exception:
        raise BriefError(field, f"{path.name} is not an image Pillow can read") from None


def check_video(field: str, path: Path) -> None:
    """Raise BriefError unless path is a decodable video with a picture stream."""
    _readable(field, path)
    try:
        container: Any = av.open(str(path))
    except Exception:
        raise BriefError(field, f"{path.name} is not a video file") from None
    try:
        streams = container.streams.video
        if not streams:
            raise BriefError(field, f"{path.name} has no video stream")
        fmt = str(container.format.name)
        if fmt.endswith("_pipe") or fmt.startswith("image2") or fmt in _STILLS:
            raise BriefError(field, f"{path.name} is a still image, not a video")
        seconds = float(container.duration or 0) / 1_000_000
        if seconds > MAX_CLIP_SECONDS:
            raise BriefError(field, f"{path.name} is {seconds:.0f} s; the limit is 600 s")
        next(container.decode(streams[0]), None)
    except BriefError:
        raise
    except Exception:
        raise BriefError(field, f"{path.name} could not be decoded as video") from None
    finally:
        container.close()


def check_audio(field: str, path: Path) -> None:
    """Raise BriefError unless path holds a decodable audio stream."""
    _readable(field, path)
    try:
        container: Any = av.open(str(path))
    except Exception:
        raise BriefError(field, f"{path.name} is not an audio file") from None
    try:
        if not container.streams.audio:
            raise BriefError(field, f"{path.name} has no audio stream")
    finally:
        container.close()


def _readable(field: str, path: Path) -> None:
    """Raise BriefError unless path is an existing, readable, non-empty file."""
    if not path.is_file():
        raise BriefError(field, f"file not found: {path}")
    try:
        with path.open("rb") as fh:
            if not fh.read(1):
                raise BriefError(field, f"{path.name} is empty")
    except OSError as exc:
        raise BriefError(field, f"cannot read {path.name}: {exc.strerror}") from None
