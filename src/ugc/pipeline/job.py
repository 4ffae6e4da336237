"""Plan a job as a DAG of cached steps: script, fit, music, mix, motion, timeline, render, QA."""

from __future__ import annotations

import dataclasses
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ugc.pipeline.agents.captions import STYLES
from ugc.pipeline.agents.persona import PERSONAS
from ugc.pipeline.agents.setting import SETTINGS
from ugc.pipeline.codec import brief_to_json
from ugc.pipeline.coordinator import Step, step_key
from ugc.pipeline.job_steps import StepBodies
from ugc.pipeline.ports import AvatarRenderer, MusicSource, ScriptWriter, VoiceEngine
from ugc.pipeline.render.fonts import FontSet
from ugc.pipeline.store import FileArtifactStore, file_digest, source_fingerprint
from ugc.pipeline.types import Brief

# Steps built from this package's code re-run whenever that code changes.
CODE = source_fingerprint(Path(__file__).resolve().parent)


@dataclass(frozen=True)
class Engines:
    """The ports a job runs on, chosen by the entry point."""

    writer: ScriptWriter
    voice: VoiceEngine
    music: MusicSource
    fonts: FontSet
    ffmpeg: str
    ffprobe: str
    voices: tuple[VoiceEngine, ...] = ()
    avatar: AvatarRenderer | None = None  # an external talking-head provider, off by default


@dataclass(frozen=True)
class JobSpec:
    """What to make: a brief, how many variants, which aspects, and the seed."""

    brief: Brief
    variants: int
    aspects: tuple[str, ...]
    seed: int = 7
    brief_path: str = ""  # where the brief came from, recorded in the manifest
    brief_sha256: str = ""


@dataclass(frozen=True)
class Cast:
    """Per-variant creative choices."""

    persona: str
    setting: str
    mood: str
    caption_style: str


def cast_variant(spec: JobSpec, moods: Sequence[str], i: int) -> Cast:
    """Pick persona, setting, music mood and caption style for variant i (brief options win)."""
    o = spec.brief.options
    # Mix the product into the seed so different briefs do not all open with the same creator.
    s = spec.seed + zlib.crc32(spec.brief.product.name.encode())
    return Cast(
        persona=o.persona or PERSONAS[(s + i * 3) % len(PERSONAS)].id,
        setting=o.setting or SETTINGS[(s + i) % len(SETTINGS)],
        mood=o.music_mood or moods[(s + i) % len(moods)],
        caption_style=o.caption_style or STYLES[(s + i) % len(STYLES)],
    )


def input_hashes(brief: Brief) -> dict[str, str]:
    """Return the sha256 of every asset file the brief names."""
    a = brief.assets
    paths = [*a.product_images, *a.broll, a.creator_clip, a.music, brief.brand.logo]
    return {p: file_digest(Path(p)) for p in paths if p}


def _uses_avatar(spec: JobSpec, e: Engines) -> bool:
    """Return True when an external avatar speaks instead of the procedural persona."""
    return e.avatar is not None and not spec.brief.assets.creator_clip


def plan(spec: JobSpec, engines: Engines, store: FileArtifactStore) -> list[Step]:
    """Return every step of the job."""
    bodies = StepBodies(spec.brief, engines, store)
    hashes = input_hashes(spec.brief)
    steps: list[Step] = []
    for i in range(spec.variants):
        steps += _variant_steps(spec, engines, bodies, hashes, i)
    return steps


def _script_step(spec: JobSpec, e: Engines, b: StepBodies, copy_in: dict[str, Any], i: int) -> Step:
    """Return variant i's script step: the writer's draft, or the brief's edit of it."""
    name, params = f"script/{i:02d}", {"brief": copy_in, "variant": i, "seed": spec.seed}
    draft = Step(name, "script", e.writer.version, params, b.script(i))
    edit = spec.brief.options.script_for(i)
    if edit is None:
        return draft
    # Only this variant's params carry the edit, so the other variants keep their step keys
    # (and their whole chain of cached steps); the edit applies to the unedited step's draft.
    edited = {**params, "edit": dataclasses.asdict(edit)}
    return Step(name, "script", e.writer.version, edited, b.script(i, step_key(draft, {})))


def _variant_steps(
    spec: JobSpec, e: Engines, b: StepBodies, hashes: dict[str, str], i: int
) -> list[Step]:
    """Return the steps of one variant."""
    brief, cast = spec.brief, cast_variant(spec, e.music.moods, i)
    copy = brief_to_json(brief)
    copy_in = {
        "product": copy["product"],
        "tone": brief.tone,
        "language": brief.language,
        "target": brief.target_seconds,
        "formats": list(brief.options.formats),
        "disclosure": brief.options.disclosure,
    }
    v = f"{i:02d}"
    steps = [
        _script_step(spec, e, b, copy_in, i),
        Step(
            f"fit/{v}",
            "fit",
            f"{CODE}+{e.voice.version}+{e.writer.version}",
            {"brief": copy_in, "voice": brief.options.voice},
            b.fit,
            (f"script/{v}",),
        ),
        Step(
            f"music/{v}",
            "music",
            e.music.version,
            {
                "mood": cast.mood,
                "seed": spec.seed + i,
                "track": hashes.get(brief.assets.music or ""),
            },
            b.music(cast.mood, spec.seed + i),
            (f"fit/{v}",),
        ),
        Step(f"mix/{v}", "mix", CODE, {}, b.mix, (f"fit/{v}", f"music/{v}")),
        Step(
            f"motion/{v}",
            "motion",
            CODE,
            {"seed": spec.seed + i},
            b.motion(spec.seed + i),
            (f"fit/{v}",),
        ),
        Step(
            f"timeline/{v}",
            "timeline",
            CODE,
            {
                "cast": cast.__dict__,
                "brand": copy["brand"],
                "assets": hashes,
                "seed": spec.seed + i,
            },
            b.timeline(cast, spec.seed + i),
            (f"fit/{v}", f"avatar/{v}") if _uses_avatar(spec, e) else (f"fit/{v}",),
        ),
    ]
    if _uses_avatar(spec, e):
        assert e.avatar is not None
        steps.append(
            Step(
                f"avatar/{v}",
                "avatar",
                e.avatar.version,
                {"persona": cast.persona},
                b.avatar(cast.persona),
                (f"fit/{v}",),
            )
        )
    for aspect in spec.aspects:
        a = aspect.replace(":", "x")
        deps = (f"timeline/{v}", f"motion/{v}", f"mix/{v}")
        steps.append(
            Step(
                f"render/{v}/{a}",
                "render",
                CODE,
                {"aspect": aspect},
                b.render(aspect),
                deps,
                heavy=True,
            )
        )
        steps.append(
            Step(
                f"thumbs/{v}/{a}",
                "thumbs",
                CODE,
                {"aspect": aspect},
                b.thumbs(aspect),
                (f"render/{v}/{a}", f"timeline/{v}"),
            )
        )
        steps.append(
            Step(
                f"qa/{v}/{a}",
                "qa",
                CODE,
                {"aspect": aspect},
                b.qa(aspect),
                (f"render/{v}/{a}", f"fit/{v}", f"motion/{v}", f"timeline/{v}", f"mix/{v}"),
                heavy=True,
            )
        )
    return steps
