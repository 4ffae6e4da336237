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
# mbtree=0: x264's macroblock-tree reads uninitialised lookahead memory when a side is not a
# multiple of 16 (1080 is not), so encodes differed run to run; see docs/adr/0004.
X264_PARAMS = "colorprim=bt709:transfer=bt709:colormatrix=bt709:mbtree=0"


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


def replace_audio(src: Path, audio: FloatArray, out: Path) -> None:
    """Copy src's H.264 stream untouched into out and encode new audio beside it."""
    inp: Any = av.open(str(src))
    container: Any = av.open(str(out), "w", options={"movflags": "+faststart"})
    try:
        vin = inp.streams.video[0]
        vout = container.add_stream_from_template(vin)
        aout = _add_audio(container)
        writer = _AudioOnly(container, aout, audio)
        for packet in inp.demux(vin):
            if packet.dts is None:
                continue
            packet.stream = vout
            container.mux(packet)
            writer.push_until(float(packet.pts * vin.time_base) + 0.5)
        writer.finish()
    finally:
        inp.close()
        container.close()


class _AudioOnly:
    """Feed AAC frames of a float array into a container, in step with copied video."""

    def __init__(self, container: Any, stream: Any, audio: FloatArray) -> None:
        self.container, self.stream = container, stream
        self.pcm = np.ascontiguousarray(audio.T, dtype=np.float32)
        self.sent = 0

    def push_until(self, seconds: float, final: bool = False) -> None:
        """Encode audio up to a time (all of it when final)."""
        until = self.pcm.shape[1] if final else min(int(seconds * SAMPLE_RATE), self.pcm.shape[1])
        while self.sent + AAC_FRAME <= until or (final and self.sent < until):
            chunk = np.ascontiguousarray(self.pcm[:, self.sent : self.sent + AAC_FRAME])
            af = av.AudioFrame.from_ndarray(chunk, format="fltp", layout="stereo")
            af.sample_rate, af.pts = SAMPLE_RATE, self.sent
            af.time_base = Fraction(1, SAMPLE_RATE)
            self.sent += chunk.shape[1]
            for packet in self.stream.encode(af):
                self.container.mux(packet)

    def finish(self) -> None:
        """Encode the rest and flush the encoder."""
        self.push_until(0.0, final=True)
        for packet in self.stream.encode(None):
            self.container.mux(packet)
