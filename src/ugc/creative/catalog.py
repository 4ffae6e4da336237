"""The catalog: every persona, setting, caption style, mood, voice, tone, format, aspect, font."""

from __future__ import annotations

from collections.abc import Sequence
from typing import get_args
from urllib.parse import quote

from ugc.brief.schema import Tone
from ugc.creative.schemas import Catalog, CatalogItem, VoiceItem
from ugc.pipeline.agents.captions import STYLES
from ugc.pipeline.agents.persona import PERSONAS, PersonaSpec
from ugc.pipeline.agents.setting import SETTINGS
from ugc.pipeline.render.layout import layout_for
from ugc.pipeline.types import ASPECTS, SCRIPT_FORMATS

PREVIEW = "/api/v1/catalog/{kind}/{id}/preview"

SETTING_TEXT = {
    "bedroom": "A cosy bedroom: bed, window light and a few plants",
    "car": "The driver's seat of a parked car, seat belt on",
    "kitchen": "A bright kitchen counter with tiles, cabinets and jars",
    "desk": "A home desk with a monitor, a lamp and a mug",
    "bathroom": "A bathroom vanity with a round mirror, tiles and towels",
}
CAPTION_TEXT = {
    "pop": "Bold white words; the spoken word pops larger in the brand's accent colour",
    "box": "The spoken word sits on a rounded box in the brand's primary colour",
    "karaoke": "Words fill with the accent colour as they are spoken",
    "subtle": "Plain white words on a dark band; a thin bar marks the spoken word",
}
MOOD_TEXT = {
    "upbeat": "Bright pop groove, about 112 BPM",
    "chill": "Laid-back lo-fi keys, about 85 BPM",
    "energetic": "Driving dance beat with claps, about 126 BPM",
    "warm": "Soft, warm piano and bass, about 96 BPM",
}
TONE_TEXT = {
    "friendly": "Warm and chatty, like a friend's tip",
    "energetic": "Fast, excited, lots of exclamation",
    "calm": "Unhurried and reassuring",
    "professional": "Clear and factual, no slang",
    "playful": "Light, jokey and cheeky",
}
FORMAT_TEXT = {
    "testimonial": "A creator shares their own results",
    "problem-solution": "Names a pain point, then shows the fix",
    "unboxing": "First look at the product out of the box",
    "review": "An honest verdict with the highlights",
    "listicle": "Reasons to buy, counted off one by one",
    "pov": "Point-of-view skit: 'POV: you just found...'",
}
ASPECT_TEXT = {
    "9:16": "Vertical: TikTok, Reels, Shorts",
    "1:1": "Square: feed posts",
    "4:5": "Portrait: Instagram and Facebook feeds",
    "16:9": "Landscape: YouTube and the web",
}


def build_catalog(
    moods: Sequence[str], voices: Sequence[tuple[str, str, str]], fonts: Sequence[str]
) -> Catalog:
    """Return the catalog for this server's engines, voices and fonts."""
    return Catalog(
        personas=[_item("personas", p.id, p.name, _persona_text(p)) for p in PERSONAS],
        settings=[_item("settings", s, s.title(), SETTING_TEXT.get(s)) for s in SETTINGS],
        caption_styles=[_item("caption-styles", s, s.title(), CAPTION_TEXT.get(s)) for s in STYLES],
        music_moods=[_item("music-moods", m, m.title(), MOOD_TEXT.get(m)) for m in moods],
        voices=[_voice(*v) for v in voices],
        tones=[CatalogItem(id=t, label=t.title(), description=TONE_TEXT.get(t)) for t in _tones()],
        formats=[
            CatalogItem(id=f, label=_label(f), description=FORMAT_TEXT.get(f))
            for f in SCRIPT_FORMATS
        ],
        aspects=[_aspect(a) for a in ASPECTS],
        fonts=[CatalogItem(id=f, label=f) for f in fonts],
    )


def _item(kind: str, ident: str, label: str, text: str | None) -> CatalogItem:
    """Return an item with a preview."""
    return CatalogItem(
        id=ident, label=label, description=text, preview_url=preview_url(kind, ident)
    )


def preview_url(kind: str, ident: str) -> str:
    """Return the API path of an item's preview."""
    return PREVIEW.format(kind=kind, id=quote(ident, safe=":"))


def _persona_text(p: PersonaSpec) -> str:
    """Describe a persona's look in a few words."""
    extras = [
        "glasses" if p.glasses else "",
        p.facial_hair if p.facial_hair != "none" else "",
        "freckles" if p.freckles else "",
        "earrings" if p.earrings else "",
    ]
    return ", ".join([f"{p.hair_style.title()} hair", p.top_style, *filter(None, extras)])


def _voice(ident: str, name: str, language: str) -> VoiceItem:
    """Return a voice item; 'piper' is the neural voice, the others are espeak-ng's."""
    engine = "Piper neural voice" if ident == "piper" else "espeak-ng voice"
    return VoiceItem(
        id=ident,
        label=name,
        description=f"{engine} ({language})",
        preview_url=preview_url("voices", ident),
        language=language,
    )


def _aspect(aspect: str) -> CatalogItem:
    """Return an aspect ratio with its frame size."""
    layout = layout_for(aspect)
    text = f"{ASPECT_TEXT.get(aspect, aspect)} ({layout.width}x{layout.height})"
    return CatalogItem(id=aspect, label=aspect, description=text)


def _tones() -> tuple[str, ...]:
    """Return the tones a brief accepts."""
    return get_args(Tone)


def _label(ident: str) -> str:
    """Turn an id such as 'problem-solution' into 'Problem-solution'; 'pov' into 'POV'."""
    return "POV" if ident == "pov" else ident.capitalize()
