"""The bodies of a job's steps: each reads its deps' outputs and returns a StepResult."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from ugc.pipeline.agents.brand_check import brand_resolutions
from ugc.pipeline.agents.captions import group_cues, to_srt, to_vtt
from ugc.pipeline.agents.fit import fit_length
from ugc.pipeline.agents.motion import plan_motion
from ugc.pipeline.codec import (
    load_array,
    save_array,
    script_from_json,
    script_to_json,
    voice_from_json,
    voice_to_json,
)
from ugc.pipeline.coordinator import Outputs, Progress, StepResult
from ugc.pipeline.errors import ProviderFailure
from ugc.pipeline.job_qa import qa_body, thumbs_body
from ugc.pipeline.render import audio
from ugc.pipeline.render.layout import layout_for
from ugc.pipeline.render.video import render_video
from ugc.pipeline.store import FileArtifactStore, content_key
from ugc.pipeline.timeline import TAIL, Timeline, plan_segments
from ugc.pipeline.types import FPS, SAMPLE_RATE, Brief, Script, ScriptEdit, VoiceTrack

if TYPE_CHECKING:
    from ugc.pipeline.job import Cast, Engines

Body = Callable[[Outputs, Progress], StepResult]
EDITED = "script lines edited in the brief"


def writer_seed(variant: int, attempt: int = 0) -> int:
    """Return the writer's seed for a variant's draft; each further attempt gives another draft."""
    return variant * 7919 + 13 + attempt * 104_729


def apply_edit(draft: Script, edit: ScriptEdit) -> Script:
    """Return the draft with a person's lines; a line kept word for word keeps its claims.

    A line the person changed is marked `kept`, so fitting the script to its length trims or
    pads around it and never drops or rewrites it.
    """
    said = {ln.text: ln for ln in draft.lines}
    lines = tuple(
        dataclasses.replace(ln, claims=said[ln.text].claims, emphasis=said[ln.text].emphasis)
        if ln.text in said
        else dataclasses.replace(ln, kept=True)
        for ln in edit.lines
    )
    p = draft.provenance
    noted = dataclasses.replace(p, notes=(*p.notes, EDITED)) if p else None
    return dataclasses.replace(draft, lines=lines, provenance=noted)


class StepBodies:
    """Closures over the brief, engines and store that build each step's body."""

    def __init__(self, brief: Brief, engines: Engines, store: FileArtifactStore) -> None:
        self.brief, self.e, self.store = brief, engines, store

    def script(self, variant: int, draft_key: str = "") -> Body:
        """Write variant `variant`'s first draft, or put the brief's edited lines into it."""

        def run(_deps: Outputs, _p: Progress) -> StepResult:
            edit = self.brief.options.script_for(variant)
            draft = self._draft(variant, draft_key)
            return StepResult(
                {"script": script_to_json(apply_edit(draft, edit) if edit else draft)}
            )

        return run

    def _draft(self, variant: int, key: str) -> Script:
        """Return the writer's draft; with key, reuse (or record) the unedited step's draft."""
        hit = self.store.get_step(key) if key else None
        if hit is not None:  # a model may not write the same draft twice; edit the one it wrote
            return script_from_json(hit["output"]["script"])
        draft = self.e.writer.write(self.brief, variant, seed=writer_seed(variant))
        if key:
            out = {"script": script_to_json(draft)}
            self.store.put_step(key, {"output": out, "artifacts": [], "step": "script"})
        return draft

    def fit(self, deps: Outputs, _p: Progress) -> StepResult:
        """Voice the script and resolve its length against the target."""
        (dep,) = deps.values()
        fitted = fit_length(
            script_from_json(dep["script"]), self.brief, self.e.writer, self._speak, TAIL
        )
        voice = voice_to_json(self.store, fitted.voice)
        return StepResult(
            {
                "script": script_to_json(fitted.script),
                "voice": voice,
                "duration": round(fitted.voice.duration + TAIL, 3),
                "resolutions": list(fitted.resolutions),
            },
            (voice["samples"],),
        )

    def _speak(self, script: Script) -> VoiceTrack:
        """Synthesise a script's lines, reusing any earlier identical synthesis."""
        lines = [ln.text for ln in script.lines]
        key = content_key(
            "voice", self.e.voice.version, lines, script.language, self.brief.options.voice
        )
        hit = self.store.get_step(key)
        if hit is not None:
            return voice_from_json(self.store, hit["output"])
        track = self.e.voice.synthesize(lines, script.language, self.brief.options.voice)
        out = voice_to_json(self.store, track)
        self.store.put_step(key, {"output": out, "artifacts": [out["samples"]], "step": "voice"})
        return track

    def music(self, mood: str, seed: int) -> Body:
        """Generate (or load) the music bed for the fitted duration."""

        def run(deps: Outputs, _p: Progress) -> StepResult:
            seconds = float(next(iter(deps.values()))["duration"])
            track = self.brief.assets.music
            bed = (
                audio.decode_track(track, seconds)
                if track
                else self.e.music.render(mood, seconds, SAMPLE_RATE, seed)
            )
            key = save_array(self.store, bed.astype(np.float32))
            return StepResult({"music": key, "mood": "supplied" if track else mood}, (key,))

        return run

    def mix(self, deps: Outputs, _p: Progress) -> StepResult:
        """Resample the voice, duck the music under it, and normalise the loudness."""
        fit, music = deps["fit/" + _variant(deps)], deps["music/" + _variant(deps)]
        voice = voice_from_json(self.store, fit["voice"])
        total = round(float(fit["duration"]) * FPS) * SAMPLE_RATE // FPS
        voice48 = audio.resample(voice.samples, voice.sample_rate)
        mixed = audio.mix(voice48, load_array(self.store, music["music"]), total)
        normed, stats = audio.loudnorm(self.e.ffmpeg, mixed)
        key = save_array(self.store, normed)
        return StepResult({"audio": key, "loudnorm": stats}, (key,))

    def motion(self, seed: int) -> Body:
        """Plan the persona's per-frame poses from the voice timings."""

        def run(deps: Outputs, _p: Progress) -> StepResult:
            fit = next(iter(deps.values()))
            voice = voice_from_json(self.store, fit["voice"])
            script = script_from_json(fit["script"])
            energy, rate = _energy(voice)
            emphasis = [w for ln in script.lines for w in ln.emphasis]
            poses = plan_motion(
                voice.phonemes,
                voice.words,
                emphasis,
                energy,
                rate,
                float(fit["duration"]),
                FPS,
                seed,
            )
            key = self.store.put_json([dataclasses.asdict(p) for p in poses])
            return StepResult({"poses": key}, (key,))

        return run

    def timeline(self, cast: Cast, seed: int) -> Body:
        """Build the timeline IR and the caption files."""

        def run(deps: Outputs, _p: Progress) -> StepResult:
            v = _variant(deps)
            fit, avatar = deps[f"fit/{v}"], deps.get(f"avatar/{v}", {})
            clip = str(self.store.path(avatar["clip"])) if avatar.get("clip") else None
            tl = build_timeline(self.brief, cast, seed, fit, self.store, clip)
            srt = self.store.put_bytes(to_srt(tl.cues).encode(), ".srt")
            vtt = self.store.put_bytes(to_vtt(tl.cues).encode(), ".vtt")
            key = self.store.put_json(tl.to_json())
            fixes = brand_resolutions(self.brief.brand)
            return StepResult(
                {"timeline": key, "srt": srt, "vtt": vtt, "resolutions": fixes}, (key, srt, vtt)
            )

        return run

    def avatar(self, persona: str) -> Body:
        """Have the external avatar provider speak the voice; fall back to the persona."""

        def run(deps: Outputs, _p: Progress) -> StepResult:
            assert self.e.avatar is not None
            voice = voice_from_json(self.store, next(iter(deps.values()))["voice"])
            folder = self.store.scratch(".avatar")
            folder.unlink()
            try:
                clip = self.e.avatar.render(voice, persona, folder)
            except ProviderFailure as exc:
                reason = f"{self.e.avatar.name}: {exc.message}"
                return StepResult({"clip": None, "provider": None, "fallback": reason})
            key = self.store.put_file(clip, ".mp4")
            return StepResult(
                {"clip": key, "provider": self.e.avatar.name, "fallback": None}, (key,)
            )

        return run

    def render(self, aspect: str) -> Body:
        """Render and encode one aspect."""

        def run(deps: Outputs, progress: Progress) -> StepResult:
            return render_body(self, aspect, deps, progress)

        return run

    def thumbs(self, aspect: str) -> Body:
        """Rank thumbnail candidates for one aspect."""
        return lambda deps, _p: thumbs_body(self.store, self.e.fonts, aspect, deps)

    def qa(self, aspect: str) -> Body:
        """Measure one aspect's output and repair what can be repaired."""
        return lambda deps, _p: qa_body(self.store, self.e, self.brief, aspect, deps)


def _variant(deps: Outputs) -> str:
    """Return the variant suffix shared by a step's deps."""
    return next(iter(deps)).split("/")[1]


def _energy(voice: VoiceTrack) -> tuple[list[float], float]:
    """Return a 100 Hz RMS envelope of the voice, scaled to 0..1."""
    hop = max(1, voice.sample_rate // 100)
    n = len(voice.samples) // hop
    rms = np.sqrt((voice.samples[: n * hop].reshape(n, hop) ** 2).mean(axis=1) + 1e-12)
    peak = float(rms.max()) if n else 1.0
    return [float(x) for x in rms / max(peak, 1e-6)], 100.0


def build_timeline(
    brief: Brief,
    cast: Cast,
    seed: int,
    fit: dict[str, Any],
    store: FileArtifactStore,
    avatar_clip: str | None = None,
) -> Timeline:
    """Assemble the Timeline from the fitted script and voice plus the casting choices."""
    script = script_from_json(fit["script"])
    voice = voice_from_json(store, fit["voice"])
    duration = float(fit["duration"])
    p = brief.product
    return Timeline(
        duration=duration,
        segments=plan_segments(
            script, voice.words, duration, len(brief.assets.product_images), len(brief.assets.broll)
        ),
        cues=tuple(group_cues(voice.words)),
        persona=cast.persona,
        setting=cast.setting,
        caption_style=cast.caption_style,
        brand=brief.brand,
        product_name=p.name,
        offer=p.offer,
        cta=p.cta,
        price=p.price,
        disclosure=script.disclosure,
        product_images=brief.assets.product_images,
        talking_clip=brief.assets.creator_clip or avatar_clip,
        broll=brief.assets.broll,
        seed=seed,
    )


def thumb_frames(tl: Timeline) -> list[int]:
    """Pick candidate frames: the hook, the first product shot, mid-talk, and the CTA card."""
    picks = [0.7]
    for kind in ("product", "talk", "cta"):
        segs = [s for s in tl.segments if s.kind == kind]
        if segs:
            s = segs[len(segs) // 2] if kind == "talk" else segs[0]
            picks.append((s.start + s.end) / 2)
    return sorted({min(round(t * FPS), round(tl.duration * FPS) - 1) for t in picks})


def render_body(b: StepBodies, aspect: str, deps: Outputs, progress: Progress) -> StepResult:
    """Render one aspect to MP4 and store its captured frames."""
    from ugc.pipeline.agents.persona import Pose

    v = _variant(deps)
    tl = Timeline.from_json(b.store.get_json(deps[f"timeline/{v}"]["timeline"]))
    poses = [Pose(**p) for p in b.store.get_json(deps[f"motion/{v}"]["poses"])]
    sound = load_array(b.store, deps[f"mix/{v}"]["audio"])
    out = b.store.scratch(".mp4")
    report = render_video(
        tl, layout_for(aspect), poses, b.e.fonts, sound, out, thumb_frames(tl), progress
    )
    video = b.store.put_file(out, ".mp4")
    frames = {}
    for idx, img in report.thumbs.items():
        buf = io.BytesIO()
        img.save(buf, "PNG")
        frames[str(idx)] = b.store.put_bytes(buf.getvalue(), ".png")
    return StepResult(
        {
            "video": video,
            "frames": frames,
            "outside_safe_px": report.outside_safe_px,
            "face_outside": report.face_outside,
            "contrast_min": min(report.contrast_min, 99.0),
        },
        (video, *frames.values()),
    )
