"""A creator clip's own speech becomes the voice track; transcript words land on its speech."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ugc.pipeline.render.audio import resample
from ugc.pipeline.render.encode import Mp4Writer
from ugc.pipeline.render.yuv import solid_planes
from ugc.providers.offline.clip_voice import RATE, ClipVoice, align, speech_regions
from ugc.providers.offline.espeak_voice import EspeakEngine

LINES = ["Okay, this thing is great.", "I use it every single day."]


def test_speech_regions_find_bursts() -> None:
    t = np.arange(RATE * 3) / RATE
    audio = np.where(
        (t > 0.5) & (t < 1.2) | (t > 2.0) & (t < 2.6), 0.3 * np.sin(2 * np.pi * 200 * t), 0
    ).astype(np.float32)
    regions = speech_regions(audio)
    assert len(regions) == 2
    assert abs(regions[0][0] - 0.5) < 0.03
    assert abs(regions[1][1] - 2.6) < 0.03


def test_align_places_a_line_after_a_pause_on_its_onset() -> None:
    track = EspeakEngine().synthesize(LINES, "en", None)
    audio = resample(track.samples, track.sample_rate).mean(axis=1)
    audio24 = audio[::2].astype(np.float32)  # 48 kHz -> 24 kHz for the aligner
    words = align(LINES, audio24)
    assert [w.text for w in words] == " ".join(LINES).split()
    truth = {w.text: w.start for w in track.words}
    # The first word of each line follows silence, so its onset is measurable.
    for first in ("Okay,", "I"):
        got = next(w.start for w in words if w.text == first)
        assert abs(got - truth[first]) < 0.1


def test_clip_voice_reads_the_clip_audio(tmp_path: Path) -> None:
    track = EspeakEngine().synthesize(LINES, "en", None)
    stereo = resample(track.samples, track.sample_rate)
    frames = len(stereo) // 1600 + 1
    pad = np.zeros((frames * 1600, 2), np.float32)
    pad[: len(stereo)] = stereo
    clip = tmp_path / "creator.mp4"
    with Mp4Writer(clip, 320, 568, pad) as w:
        for _ in range(frames):
            w.write(solid_planes(320, 568, (180, 150, 130)))
    voice = ClipVoice(str(clip)).synthesize(LINES, "en", None)
    assert voice.sample_rate == RATE
    assert abs(voice.duration - frames / 30) < 0.1
    assert len(voice.words) == len(" ".join(LINES).split())
    assert voice.engine_version.startswith("clip-2+")
    truth = [w.start for w in track.words]
    got = [w.start for w in voice.words]
    assert max(abs(a - b) for a, b in zip(got, truth, strict=True)) < 0.08  # DTW alignment
