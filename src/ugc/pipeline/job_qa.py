"""QA and thumbnail step bodies: measure each output, and rank thumbnail candidates."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from ugc.pipeline.agents import probe
from ugc.pipeline.agents.motion import lip_sync_error_frames
from ugc.pipeline.agents.qa import Expect, build_report, caption_offsets
from ugc.pipeline.agents.repair import relayout, remix_gain
from ugc.pipeline.codec import load_array, voice_from_json
from ugc.pipeline.coordinator import Outputs, StepResult
from ugc.pipeline.render import color
from ugc.pipeline.render.encode import replace_audio
from ugc.pipeline.render.fonts import FontSet
from ugc.pipeline.render.layout import layout_for
from ugc.pipeline.render.text_draw import draw_text, text_width
from ugc.pipeline.render.video import render_video
from ugc.pipeline.store import FileArtifactStore
from ugc.pipeline.text import is_spoken, join_tokens, tokenize
from ugc.pipeline.timeline import Timeline
from ugc.pipeline.types import FPS, Brief

if TYPE_CHECKING:
    from ugc.pipeline.job import Engines


def qa_body(
    store: FileArtifactStore, e: Engines, brief: Brief, aspect: str, deps: Outputs
) -> StepResult:
    """Measure the rendered MP4, repair what can be repaired, and store the report."""
    v = next(iter(deps)).split("/")[1]
    ctx = _QaContext(store, e, brief, aspect, deps, v)
    video, render = ctx.render["video"], ctx.render
    report = ctx.measure(video, render)
    repairs: list[dict[str, Any]] = []
    if _failed(report, _LAYOUT_CHECKS):
        video, render = ctx.relayout()
        report = ctx.measure(video, render)
        repairs.append(
            {
                "action": "re-layout",
                "reason": "text outside the safe zone or low contrast",
                "result": "passed" if not _failed(report, _LAYOUT_CHECKS) else "still failing",
            }
        )
    if _failed(report, _LOUDNESS_CHECKS):
        video, fixed = ctx.remix(video, report)
        report = ctx.measure(video, render)
        repairs.append(
            {
                "action": "re-mix",
                "reason": f"loudness {fixed:.1f} LUFS off target",
                "result": "passed" if not _failed(report, _LOUDNESS_CHECKS) else "still failing",
            }
        )
    report["aspect"], report["repairs"] = aspect, repairs
    report["resolutions"] = ctx.fit.get("resolutions", [])
    key = store.put_json(report)
    return StepResult(
        {"report": key, "video": video, "passed": report["passed"], "failed": report["failed"]},
        (key, video),
    )


_LAYOUT_CHECKS = ("safe_zone_overflow_px", "face_outside_safe_frames", "text_contrast")
_LOUDNESS_CHECKS = ("integrated_loudness", "true_peak")


def _failed(report: dict[str, Any], names: tuple[str, ...]) -> bool:
    """Return True if any of the named checks failed."""
    return any(name in report["failed"] for name in names)


class _QaContext:
    """What the QA step needs to measure and repair one output."""

    def __init__(
        self, store: FileArtifactStore, e: Engines, brief: Brief, aspect: str, deps: Outputs, v: str
    ) -> None:
        from ugc.pipeline.agents.persona import Pose

        self.store, self.e, self.brief, self.aspect = store, e, brief, aspect
        self.render = deps[f"render/{v}/{aspect.replace(':', 'x')}"]
        self.fit, self.mix = deps[f"fit/{v}"], deps[f"mix/{v}"]
        self.voice = voice_from_json(store, self.fit["voice"])
        self.tl = Timeline.from_json(store.get_json(deps[f"timeline/{v}"]["timeline"]))
        self.poses = [Pose(**p) for p in store.get_json(deps[f"motion/{v}"]["poses"])]
        self.layout = layout_for(aspect)

    def measure(self, video: str, render: dict[str, Any]) -> dict[str, Any]:
        """Measure a stored MP4 against every target."""
        path = self.store.path(video)
        onsets = [s for cue in self.tl.cues for s in cue.starts]
        spoken = [w for w in self.voice.words if is_spoken(w.text)]
        expect = Expect(
            width=self.layout.width,
            height=self.layout.height,
            target_seconds=float(self.brief.target_seconds),
            first_word=spoken[0].start if spoken else 0.0,
            lip_sync_frames=lip_sync_error_frames(self.poses, self.voice.phonemes, FPS),
            caption_offsets_ms=tuple(
                caption_offsets(
                    self.voice.words, onsets, self.voice.samples, self.voice.sample_rate
                )
            ),
            contrast_min=float(render["contrast_min"]),
            outside_safe_px=int(render["outside_safe_px"]),
            face_outside=int(render["face_outside"]),
        )
        return build_report(
            probe.ffprobe(self.e.ffprobe, path),
            probe.analyse(self.e.ffmpeg, path),
            probe.moov_before_mdat(path),
            expect,
        )

    def relayout(self) -> tuple[str, dict[str, Any]]:
        """Re-render with smaller captions on a solid band."""
        layout, tl = relayout(self.layout, self.tl)
        out = self.store.scratch(".mp4")
        report = render_video(
            tl,
            layout,
            self.poses,
            self.e.fonts,
            load_array(self.store, self.mix["audio"]),
            out,
            [],
            lambda _f: None,
        )
        render = {
            "contrast_min": min(report.contrast_min, 99.0),
            "outside_safe_px": report.outside_safe_px,
            "face_outside": report.face_outside,
        }
        return self.store.put_file(out, ".mp4"), render

    def remix(self, video: str, report: dict[str, Any]) -> tuple[str, float]:
        """Move the mix to -14 LUFS under the peak ceiling and swap it into the video."""
        lufs = next(c["value"] for c in report["checks"] if c["check"] == "integrated_loudness")
        fixed = remix_gain(load_array(self.store, self.mix["audio"]), float(lufs))
        out = self.store.scratch(".mp4")
        replace_audio(self.store.path(video), fixed, out)
        return self.store.put_file(out, ".mp4"), float(lufs)


def thumbs_body(store: FileArtifactStore, fonts: FontSet, aspect: str, deps: Outputs) -> StepResult:
    """Title each captured frame, score it, and return the candidates best first."""
    v = next(iter(deps)).split("/")[1]
    render = deps[f"render/{v}/{aspect.replace(':', 'x')}"]
    tl = Timeline.from_json(store.get_json(deps[f"timeline/{v}"]["timeline"]))
    title = join_tokens([w for cue in tl.cues[:2] for w in cue.words])
    ranked: list[dict[str, Any]] = []
    for frame, key in render["frames"].items():
        img = Image.open(store.path(key)).convert("RGB")
        kind = tl.segment_at(int(frame) / FPS).kind
        titled = _title(img, title, fonts, tl.brand.primary, aspect)
        score, reason = _score(titled, kind)
        buf = io.BytesIO()
        titled.save(buf, "JPEG", quality=88, optimize=True)
        jpg = store.put_bytes(buf.getvalue(), ".jpg")
        ranked.append(
            {"image": jpg, "frame": int(frame), "shot": kind, "score": score, "reason": reason}
        )
    ranked.sort(key=lambda c: (-c["score"], c["frame"]))
    for rank, cand in enumerate(ranked, 1):
        cand["rank"] = rank
    return StepResult({"candidates": ranked}, tuple(c["image"] for c in ranked))


def _title(img: Image.Image, text: str, fonts: FontSet, primary: str, aspect: str) -> Image.Image:
    """Draw the hook as a title band inside the layout's safe zone."""
    safe = layout_for(aspect).safe
    size = max(28, safe.w // 14)
    lines = _wrap_title(tokenize(text), fonts, size, safe.w * 0.86)[:3]
    band_h = int(size * 1.35 * len(lines) + size * 0.7)
    bg = color.hex_rgb(primary)
    ink = color.readable_on(bg)
    y0 = safe.y + safe.h // 2 - band_h // 2 if aspect == "16:9" else safe.y + int(safe.h * 0.4)
    out = img.convert("RGBA")
    ImageDraw.Draw(out).rounded_rectangle(
        (safe.x + 10, y0, safe.x1 - 10, y0 + band_h), radius=size // 2, fill=(*bg, 255)
    )
    for i, line in enumerate(lines):
        x = safe.x + (safe.w - text_width(fonts, line, size)) // 2
        draw_text(out, (x, int(y0 + size * 0.35 + i * size * 1.35)), line, fonts, size, ink)
    return out.convert("RGB")


def _wrap_title(tokens: list[str], fonts: FontSet, size: int, width: float) -> list[str]:
    """Greedy-wrap tokens into lines no wider than width."""
    lines: list[list[str]] = [[]]
    for tok in tokens:
        if lines[-1] and text_width(fonts, join_tokens([*lines[-1], tok]), size) > width:
            lines.append([])
        lines[-1].append(tok)
    return [join_tokens(line) for line in lines if line]


def _score(img: Image.Image, shot: str) -> tuple[float, str]:
    """Score a thumbnail by sharpness, colourfulness and whether a face is on screen."""
    small = img.resize((img.width // 4, img.height // 4))
    grey = np.asarray(small.convert("L").filter(ImageFilter.FIND_EDGES), dtype=np.float32)
    sharp = float(grey.var()) / 100
    rgb = np.asarray(small, dtype=np.float32)
    rg, yb = rgb[..., 0] - rgb[..., 1], 0.5 * (rgb[..., 0] + rgb[..., 1]) - rgb[..., 2]
    colour = float(np.hypot(rg.std(), yb.std()) + 0.3 * np.hypot(rg.mean(), yb.mean())) / 10
    face = {"talk": 3.0, "product": 1.5, "cta": 0.5}.get(shot, 1.0)
    score = round(sharp + colour + face, 3)
    reason = (
        f"{shot} shot; edge detail {sharp:.2f}, colourfulness {colour:.2f}, "
        f"{'face on screen' if shot == 'talk' else 'no face'} (+{face})"
    )
    return score, reason
