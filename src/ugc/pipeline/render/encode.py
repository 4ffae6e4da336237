"""Stream frames and audio into an MP4 per QUALITY.md: H.264 High, yuv420p, 30 fps, AAC 48 kHz."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from types import TracebackType
from typing import Any

import av
import numpy as np

from ugc.pipeline.render.yuv import Planes
from ugc.pipeline.types import FPS, SAMPLE_RATE, FloatArray

PRESET = "veryfast"
CRF = 23  # the QUALITY.md ceiling; x264's own default
AAC_FRAME = 1024
X264_PARAMS = "colorprim=bt709:transfer=bt709:colormatrix=bt709"


class Mp4Writer:
    """Encode I420 frames and interleave stereo audio; close() finalises with faststart."""

    def __init__(self, path: Path, width: int, height: int, audio: FloatArray) -> None:
        self._container: Any = av.open(str(path), "w", options={"movflags": "+faststart"})
        self._video = _add_video(self._container, width, height)
        self._audio = _add_audio(self._container)
        self._pcm = np.ascontiguousarray(audio.T, dtype=np.float32)  # (2, n) planar
        self._sent = 0
        self._frames = 0

    def write(self, frame: Planes) -> None:
        """Encode one frame and the audio that plays during it."""
        vf = av.VideoFrame.from_ndarray(frame.to_i420(), format="yuv420p")
        vf.pts = self._frames
        self._frames += 1
        self._mux(self._video.encode(vf))
        self._push_audio(self._frames * SAMPLE_RATE // FPS)

    def close(self) -> None:
        """Flush both encoders (padding audio to the end) and finalise the file."""
        self._push_audio(self._pcm.shape[1], final=True)
        self._mux(self._video.encode(None))
        self._mux(self._audio.encode(None))
        self._container.close()

    def __enter__(self) -> Mp4Writer:
        return self

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        if et is None:
            self.close()
        else:
            self._container.close()

    def _push_audio(self, until: int, final: bool = False) -> None:
        """Encode whole AAC frames of audio up to sample `until`."""
        until = min(until, self._pcm.shape[1])
        while self._sent + AAC_FRAME <= until or (final and self._sent < until):
            chunk = self._pcm[:, self._sent : self._sent + AAC_FRAME]
            af = av.AudioFrame.from_ndarray(
                np.ascontiguousarray(chunk), format="fltp", layout="stereo"
            )
            af.sample_rate = SAMPLE_RATE
            af.pts = self._sent
            af.time_base = Fraction(1, SAMPLE_RATE)
            self._sent += chunk.shape[1]
            self._mux(self._audio.encode(af))

    def _mux(self, packets: list[Any]) -> None:
        """Write packets to the container."""
        for packet in packets:
            self._container.mux(packet)


def _add_video(container: Any, width: int, height: int) -> Any:
    """Add the H.264 stream with the house encoding settings."""
    stream = container.add_stream("libx264", rate=FPS)
    stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
    stream.options = {
        "preset": PRESET,
        "crf": str(CRF),
        "profile": "high",
        "x264-params": X264_PARAMS,
    }
    stream.codec_context.color_range = 1  # limited (MPEG) range, as the planes are built
    return stream


def _add_audio(container: Any) -> Any:
    """Add the AAC-LC stereo stream at 48 kHz."""
    stream = container.add_stream("aac", rate=SAMPLE_RATE)
    stream.layout = "stereo"
    stream.bit_rate = 160_000
    return stream
