"""Tiny media files the asset tests make themselves, in every accepted format."""

from __future__ import annotations

import io
import wave
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from PIL import Image


def image_bytes(fmt: str, width: int = 32, height: int = 24) -> bytes:
    """Return a small image encoded by Pillow (PNG, JPEG, WEBP or GIF)."""
    rng = np.random.default_rng(3)
    arr = (rng.random((height, width, 3)) * 255).astype(np.uint8)
    buf = io.BytesIO()
    Image.fromarray(arr).save(buf, format=fmt)
    return buf.getvalue()


def video_file(
    path: Path, seconds: float = 1.0, size: tuple[int, int] = (32, 24), fps: int = 4
) -> Path:
    """Write a short silent video; the container follows the suffix (.mp4, .mov, .webm)."""
    codec = {"webm": "libvpx", "mkv": "libvpx"}.get(path.suffix[1:], "mpeg4")
    with av.open(str(path), "w") as out:
        stream = out.add_stream(codec, rate=fps)
        stream.width, stream.height = size
        stream.pix_fmt = "yuv420p"
        for i in range(max(1, round(seconds * fps))):
            arr = np.full((size[1], size[0], 3), (i * 40) % 255, np.uint8)
            frame = av.VideoFrame.from_ndarray(arr, format="rgb24")
            frame.pts, frame.time_base = i, Fraction(1, fps)
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))
    return path


def wav_bytes(seconds: float = 0.5, rate: int = 8000) -> bytes:
    """Return a mono 16-bit WAV tone."""
    t = np.arange(int(seconds * rate)) / rate
    pcm = (np.sin(2 * np.pi * 220 * t) * 8000).astype("<i2")
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())
    return buf.getvalue()


_SAMPLES: dict[str, tuple[float, type]] = {"s16": (32767.0, np.int16), "s32": (2.1e9, np.int32)}


def audio_file(path: Path, seconds: float = 0.5) -> Path:
    """Encode a tone as .mp3, .m4a, .ogg or .flac (the codec follows the suffix)."""
    codec, rate, fmt = {
        ".mp3": ("libmp3lame", 22050, "mp3"),
        ".m4a": ("aac", 22050, "ipod"),
        ".ogg": ("libopus", 48000, "ogg"),
        ".flac": ("flac", 8000, "flac"),
    }[path.suffix]
    with av.open(str(path), "w", format=fmt) as out:
        stream = out.add_stream(codec, rate=rate, layout="mono")
        t = np.arange(int(seconds * rate)) / rate
        samples = (np.sin(2 * np.pi * 220 * t) * 0.3).astype(np.float32)
        sample_fmt = stream.format.name
        step = stream.frame_size or 1024
        for start in range(0, len(samples), step):
            chunk = samples[start : start + step]
            scale, dtype = _SAMPLES.get(sample_fmt.rstrip("p"), (1.0, np.float32))
            data = (chunk * scale).astype(dtype).reshape(1, -1)
            frame = av.AudioFrame.from_ndarray(data, format=sample_fmt, layout="mono")
            frame.sample_rate, frame.pts = rate, start
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))
    return path
