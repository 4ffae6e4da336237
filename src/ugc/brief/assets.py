"""Check brief assets before anything renders: real images, real videos, no decompression bombs."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import av
from PIL import Image

from ugc.errors import BriefError

MAX_PIXELS = 40_000_000  # 40 MP: far above any product photo, far below a bomb
MAX_CLIP_SECONDS = 600
_STILLS = {"gif", "webp", "apng", "bmp"}  # demuxers that read pictures, not clips


@dataclass(frozen=True)
class Bounds:
    """What a probe refuses before decoding: pixels, side length and duration."""

    max_pixels: int = MAX_PIXELS
    max_side: int | None = None
    max_seconds: float | None = MAX_CLIP_SECONDS


@dataclass(frozen=True)
class MediaInfo:
    """What a probe read from a file: picture size and duration where they apply."""

    width: int | None = None
    height: int | None = None
    duration_s: float | None = None


BRIEF_BOUNDS = Bounds()


def check_image(field: str, path: Path) -> None:
    """Raise BriefError unless path is a readable raster image of sane size."""
    probe_image(field, path)


def probe_image(
    field: str, path: Path, bounds: Bounds = BRIEF_BOUNDS, decode: bool = False
) -> MediaInfo:
    """Read the size from the header, check it before decoding, then verify or fully decode."""
    _readable(field, path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as img:
                w, h = img.size
                _check_picture(field, path.name, w, h, bounds)
                if decode:
                    img.load()
                else:
                    img.verify()
    except BriefError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise BriefError(field, f"{path.name} looks like a decompression bomb") from None
    except Exception:
        raise BriefError(field, f"{path.name} is not an image Pillow can read") from None
    return MediaInfo(w, h)


def _check_picture(field: str, name: str, w: int, h: int, bounds: Bounds) -> None:
    """Raise BriefError if a picture is over the pixel or side limit."""
    if w * h > bounds.max_pixels:
        mp = bounds.max_pixels // 1_000_000
        raise BriefError(field, f"{name} is {w}x{h}; the limit is {mp} megapixels")
    if bounds.max_side is not None and max(w, h) > bounds.max_side:
        raise BriefError(field, f"{name} is {w}x{h}; the limit is {bounds.max_side} px a side")


def check_video(field: str, path: Path) -> None:
    """Raise BriefError unless path is a decodable video with a picture stream."""
    probe_video(field, path)


def probe_video(
    field: str, path: Path, bounds: Bounds = BRIEF_BOUNDS, fmt: str | None = None
) -> MediaInfo:
    """Return a video's size and duration after checking them and decoding its first frame."""
    container = _open(field, path, fmt, "video")
    try:
        streams = container.streams.video
        if not streams:
            raise BriefError(field, f"{path.name} has no video stream")
        name = str(container.format.name)
        if name.endswith("_pipe") or name.startswith("image2") or name in _STILLS:
            raise BriefError(field, f"{path.name} is a still image, not a video")
        ctx = streams[0].codec_context
        info = MediaInfo(int(ctx.width), int(ctx.height), _seconds(container))
        _check_picture(field, path.name, info.width or 0, info.height or 0, bounds)
        _check_seconds(field, path.name, info.duration_s, bounds)
        if next(container.decode(streams[0]), None) is None:
            raise BriefError(field, f"{path.name} could not be decoded as video")
        return info
    except BriefError:
        raise
    except Exception:
        raise BriefError(field, f"{path.name} could not be decoded as video") from None
    finally:
        container.close()


def check_audio(field: str, path: Path) -> None:
    """Raise BriefError unless path holds a decodable audio stream."""
    probe_audio(field, path, Bounds(max_seconds=None))


def probe_audio(
    field: str, path: Path, bounds: Bounds = BRIEF_BOUNDS, fmt: str | None = None
) -> MediaInfo:
    """Return an audio file's duration after checking it and decoding its first frame."""
    container = _open(field, path, fmt, "audio")
    try:
        if not container.streams.audio:
            raise BriefError(field, f"{path.name} has no audio stream")
        info = MediaInfo(duration_s=_seconds(container))
        _check_seconds(field, path.name, info.duration_s, bounds)
        if next(container.decode(container.streams.audio[0]), None) is None:
            raise BriefError(field, f"{path.name} could not be decoded as audio")
        return info
    except BriefError:
        raise
    except Exception:
        raise BriefError(field, f"{path.name} could not be decoded as audio") from None
    finally:
        container.close()


def _open(field: str, path: Path, fmt: str | None, what: str) -> Any:
    """Open a media container (with a forced demuxer when the caller sniffed one)."""
    _readable(field, path)
    try:
        return av.open(str(path), format=fmt)
    except Exception:
        raise BriefError(
            field, f"{path.name} is not {'a video' if what == 'video' else 'an audio'} file"
        ) from None


def _seconds(container: Any) -> float | None:
    """Return the container's duration in seconds, from the container or its first stream."""
    if container.duration:
        return float(container.duration) / 1_000_000
    for stream in container.streams:
        if stream.duration and stream.time_base:
            return float(stream.duration * stream.time_base)
    return None


def _check_seconds(field: str, name: str, seconds: float | None, bounds: Bounds) -> None:
    """Raise BriefError if the media is longer than allowed."""
    if bounds.max_seconds is not None and seconds is not None and seconds > bounds.max_seconds:
        limit = f"{bounds.max_seconds:g}"
        raise BriefError(field, f"{name} is {seconds:.0f} s; the limit is {limit} s")


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
