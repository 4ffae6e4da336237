"""An external avatar becomes the talking layer; a failing one falls back to the persona."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from tests.e2e.helpers import GADGET
from ugc.brief.loader import load_brief
from ugc.cli.engines import offline_engines
from ugc.config import Settings
from ugc.pipeline.coordinator import Coordinator, LocalExecutor
from ugc.pipeline.deliver import deliver
from ugc.pipeline.job import JobSpec, plan
from ugc.pipeline.render.encode import Mp4Writer
from ugc.pipeline.render.yuv import solid_planes
from ugc.pipeline.store import FileArtifactStore
from ugc.pipeline.types import VoiceTrack
from ugc.providers.errors import ProviderError

pytestmark = pytest.mark.slow
GREEN = (20, 200, 60)


class ClipAvatar:
    """An AvatarRenderer double: a solid green clip as long as the voice."""

    name = "fake-avatar"
    version = "1"

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.calls = 0

    def render(self, voice: VoiceTrack, persona: str, out_dir: Path) -> Path:  # noqa: ARG002
        self.calls += 1
        if self.fail:
            raise ProviderError(self.name, "503 from the avatar API", retryable=True)
        out_dir.mkdir(parents=True, exist_ok=True)
        frames = int(voice.duration * 30) + 1
        path = out_dir / "avatar.mp4"
        with Mp4Writer(path, 540, 960, np.zeros((frames * 1600, 2), np.float32)) as w:
            for _ in range(frames):
                w.write(solid_planes(540, 960, GREEN))
        return path


def _run(tmp_path: Path, avatar: ClipAvatar) -> dict[str, object]:
    settings = Settings(cache_dir=tmp_path / "cache")
    base = offline_engines(settings)
    brief = load_brief(GADGET / "brief.yaml", lambda _lang: True)
    engines = dataclasses.replace(base, voice=base.voices[0], avatar=avatar)
    spec = JobSpec(brief, 1, ("9:16",), 7)
    store = FileArtifactStore(settings.cache_dir)
    ex = LocalExecutor(2)
    try:
        outputs = Coordinator(store, ex).run(plan(spec, engines, store))
    finally:
        ex.shutdown()
    return deliver(spec, engines, store, outputs, tmp_path / "OUT")


def _pixel(video: Path, t: float) -> np.ndarray:
    import av

    with av.open(str(video)) as c:
        for frame in c.decode(video=0):
            if frame.time is not None and frame.time >= t:
                r, g, b = (int(v) for v in frame.to_ndarray(format="rgb24")[960, 540])
                return np.array([r, g, b])
    raise AssertionError("no frame at that time")


def test_avatar_clip_is_the_talking_layer(tmp_path: Path) -> None:
    avatar = ClipAvatar()
    manifest = _run(tmp_path, avatar)
    variant = manifest["variants"][0]  # type: ignore[index]
    assert variant["avatar"] == {"provider": "fake-avatar", "fallback": None}
    assert avatar.calls == 1
    px = _pixel(tmp_path / "OUT" / "variant-00" / "9x16.mp4", 1.0)
    assert abs(px[1] - GREEN[1]) < 25, px
    assert px[1] > px[0] + 100, px


def test_failing_avatar_falls_back_to_the_persona(tmp_path: Path) -> None:
    manifest = _run(tmp_path, ClipAvatar(fail=True))
    variant = manifest["variants"][0]  # type: ignore[index]
    assert variant["avatar"]["provider"] == "procedural"
    assert "503" in variant["avatar"]["fallback"]
    px = _pixel(tmp_path / "OUT" / "variant-00" / "9x16.mp4", 1.0)
    assert not (px[1] > px[0] + 100 and px[1] > px[2] + 100), px  # the clip is not shown
