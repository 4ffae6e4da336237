"""Previews of catalog items, drawn and voiced by the job's own engines, cached by content key."""

from __future__ import annotations

import dataclasses
import io
import threading
import wave
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PIL import Image

from ugc.creative.engines import StudioEngines
from ugc.errors import NotFound
from ugc.pipeline.agents.captions import STYLES, Cue
from ugc.pipeline.agents.persona import PERSONAS, build_rig, get_persona
from ugc.pipeline.agents.setting import SETTINGS, draw_setting
from ugc.pipeline.job import CODE
from ugc.pipeline.ports import MusicSource, VoiceEngine
from ugc.pipeline.render.caption_draw import CaptionPainter
from ugc.pipeline.render.fonts import FontSet
from ugc.pipeline.render.layout import Box, layout_for
from ugc.pipeline.render.talent import NEUTRAL
from ugc.pipeline.store import FileArtifactStore, content_key
from ugc.pipeline.types import BrandKit, FloatArray

REVISION = "1"  # bump when the way a preview is composed changes
WIDTH, HEIGHT = 360, 640  # a 9:16 frame at a third of the render size
SEED = 7
VOICE_SECONDS = 4.0
MUSIC_SECONDS, MUSIC_RATE = 5.0, 32_000
CUE = ("This", "changed", "everything!")
SAMPLES = {
    "en": "Hi! This is how I'll sound in your video.",
    "de": "Hallo! So klinge ich in deinem Video.",
    "es": "¡Hola! Así sonaré en tu vídeo.",
    "fr": "Salut ! Voici ma voix dans ta vidéo.",
    "it": "Ciao! Ecco come suonerò nel tuo video.",
    "pt": "Olá! É assim que vou soar no seu vídeo.",
    "nl": "Hoi! Zo klink ik in jouw video.",
}
PNG, WAV = "image/png", "audio/wav"
Engines = Callable[[], StudioEngines]  # asked only by kinds that need the engines


@dataclass(frozen=True)
class Recipe:
    """How to make one preview: what its bytes depend on, their media type, and a maker."""

    version: str
    media_type: str
    make: Callable[[], bytes]


@dataclass(frozen=True)
class Preview:
    """A preview's bytes, media type and content key."""

    body: bytes
    media_type: str
    key: str


def preview(store: FileArtifactStore, kind: str, item_id: str, engines: Engines) -> Preview:
    """Return an item's preview from the cache, making and storing it on the first call."""
    r = recipe(kind, item_id, engines)
    key = content_key("preview", kind, item_id, r.version)
    with _lock_for(key):  # many first views of one item make it once, not once each
        hit = store.get_step(key)
        if hit is not None:
            return Preview(store.path(hit["output"]["file"]).read_bytes(), r.media_type, key)
        body = r.make()
        file = store.put_bytes(body, ".png" if r.media_type == PNG else ".wav")
        store.put_step(key, {"output": {"file": file}, "artifacts": [file], "step": "preview"})
    return Preview(body, r.media_type, key)


_LOCKS: dict[str, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


def _lock_for(key: str) -> threading.Lock:
    """Return the lock of one preview key (the set of keys is bounded by the catalog)."""
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(key, threading.Lock())


def recipe(kind: str, item_id: str, engines: Engines) -> Recipe:
    """Return how to make a preview, or raise NotFound for an unknown item."""
    drawn = f"{CODE}+{REVISION}"  # drawn by pipeline code: any change there redraws
    if kind == "personas" and item_id in {p.id for p in PERSONAS}:
        return Recipe(drawn, PNG, lambda: persona_png(item_id))
    if kind == "settings" and item_id in SETTINGS:
        return Recipe(drawn, PNG, lambda: _png(draw_setting(item_id, WIDTH, HEIGHT, SEED)))
    if kind == "caption-styles" and item_id in STYLES:
        fonts = engines().base().fonts
        version = f"{drawn}+{content_key(dataclasses.asdict(fonts))}"
        return Recipe(version, PNG, lambda: caption_png(item_id, fonts))
    if kind == "voices":
        return _voice_recipe(engines(), item_id)
    if kind == "music-moods":
        music = engines().base().music
        if item_id in music.moods:
            return Recipe(f"{music.version}+{REVISION}", WAV, lambda: music_wav(music, item_id))
    raise NotFound(kind.removesuffix("s").replace("-", " "), item_id)


def _voice_recipe(loader: StudioEngines, voice_id: str) -> Recipe:
    """Return how to voice the sample sentence with one of the offline voices."""
    found = next((v for v in loader.voice_choices() if v[0] == voice_id), None)
    prefix = voice_id.split(":", 1)[0]  # 'piper' or 'espeak', as the engines are named
    engine = next((e for e in loader.base().voices if e.name.startswith(prefix)), None)
    if found is None or engine is None:
        raise NotFound("voice", voice_id)
    language = found[2]
    return Recipe(
        f"{engine.version}+{REVISION}", WAV, lambda: voice_wav(engine, voice_id, language)
    )


def persona_png(persona_id: str) -> bytes:
    """Draw the persona at rest, waist up, on a transparent canvas WIDTH wide."""
    rig = build_rig(get_persona(persona_id), round(WIDTH / 0.8))  # a rig is 0.8 as wide as tall
    return _png(rig.render(NEUTRAL))


def caption_png(style: str, fonts: FontSet) -> bytes:
    """Draw a sample caption, middle word active, where a 9:16 video puts it."""
    layout = layout_for("9:16")
    s = WIDTH / layout.width
    b = layout.captions
    box = Box(round(b.x * s), round(b.y * s), round(b.w * s), round(b.h * s))
    painter = CaptionPainter(fonts, style, box, round(layout.caption_size * s), BrandKit())
    img, xy = painter.render(Cue(0.0, 1.5, CUE, (0.0, 0.4, 0.8)), 1)
    frame = _neutral_frame()
    frame.paste(img, xy, img)
    return _png(frame)


def voice_wav(engine: VoiceEngine, voice_id: str, language: str) -> bytes:
    """Speak the sample sentence in the voice's language (English where we have none)."""
    text = SAMPLES.get(language.split("-")[0], SAMPLES["en"])
    track = engine.synthesize([text], language, None if voice_id == "piper" else voice_id)
    return wav_bytes(_clip(track.samples, track.sample_rate, VOICE_SECONDS), track.sample_rate)


def music_wav(music: MusicSource, mood: str) -> bytes:
    """Render a few seconds of the mood's music bed."""
    return wav_bytes(music.render(mood, MUSIC_SECONDS, MUSIC_RATE, SEED), MUSIC_RATE)


def wav_bytes(samples: FloatArray, rate: int) -> bytes:
    """Encode float samples in [-1, 1], mono (n,) or multi-channel (n, c), as 16-bit WAV."""
    pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2")
    buf = io.BytesIO()
    with wave.open(buf, "wb") as out:
        out.setnchannels(1 if samples.ndim == 1 else samples.shape[1])
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm.tobytes())
    return buf.getvalue()


def _clip(samples: FloatArray, rate: int, seconds: float) -> FloatArray:
    """Cut audio to at most `seconds`, fading the cut so it does not click."""
    n = int(seconds * rate)
    if len(samples) <= n:
        return samples
    cut = samples[:n].copy()
    fade = min(n, int(0.05 * rate))
    cut[n - fade :] *= np.linspace(1.0, 0.0, fade, dtype=np.float32)
    return cut


def _neutral_frame() -> Image.Image:
    """Return a WIDTH x HEIGHT grey gradient, like a dim room behind the captions."""
    ramp = np.linspace(0.0, 1.0, HEIGHT, dtype=np.float32)[:, None, None]
    top, bottom = np.array([128, 133, 142]), np.array([46, 50, 58])
    rows = (top + (bottom - top) * ramp).astype(np.uint8)
    return Image.fromarray(np.broadcast_to(rows, (HEIGHT, WIDTH, 3)).copy(), "RGB")


def _png(img: Image.Image) -> bytes:
    """Encode an image as PNG."""
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=True)
    return buf.getvalue()
