"""What one `ugc create` run delivers: manifest, streams, loudness, captions and safe zones."""

from __future__ import annotations

import itertools
import json
import re
import stat
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml
from PIL import Image

from tests.e2e.helpers import (
    GADGET_FILES,
    SHARED_ASPECTS,
    SIZES,
    TARGET_S,
    UPSTREAM,
    Render,
    cached_object,
    ebur128,
    ffprobe,
    parse_srt,
    parse_vtt,
    sha256,
    statuses,
    step_records,
    stream,
    top_level_atoms,
)
from ugc.pipeline.agents.persona import Pose
from ugc.pipeline.render.layout import all_aspects, layout_for
from ugc.pipeline.render.scene import Scene
from ugc.pipeline.render.video import overlay_mask
from ugc.pipeline.store import FileArtifactStore
from ugc.pipeline.timeline import Timeline
from ugc.providers.offline.fonts import resolve_fonts

pytestmark = pytest.mark.slow

_FIELD = re.compile(r"^product\.(\w+)(?:\[(\d+)\])?$")
_EDGE_PUNCT = " .,!?;:'\"…"


def _inside(out: Path, rel: str) -> Path:
    """Resolve a manifest path, insisting it is relative and stays inside OUT."""
    assert not Path(rel).is_absolute(), f"manifest path {rel!r} is absolute"
    path = (out / rel).resolve()
    assert path.is_relative_to(out.resolve()), f"manifest path {rel!r} leaves OUT"
    assert path.is_file(), f"manifest lists {rel!r}, which does not exist"
    return path


def _brief_field(doc: dict[str, Any], source: str) -> str:
    """Return the brief value a claim's source_field points at, e.g. product.benefits[1]."""
    m = _FIELD.match(source)
    assert m, f"source_field {source!r} is not a product field path"
    value = doc["product"][m.group(1)]
    if m.group(2) is not None:
        value = value[int(m.group(2))]
    assert isinstance(value, str), f"{source} is not a text field"
    return value


def _fold(text: str) -> str:
    """Lower-case and collapse whitespace, for 'this text appears in that text' checks."""
    return " ".join(text.lower().split())


def test_manifest_lists_every_output_and_where_it_came_from(gadget: Render) -> None:
    m, out = gadget.manifest, gadget.out
    doc = yaml.safe_load(gadget.brief.read_text(encoding="utf-8"))
    assert m["passed"] is True
    assert m["aspects"] == list(SHARED_ASPECTS)
    assert m["target_seconds"] == 15
    assert m["product"] == doc["product"]["name"]
    assert isinstance(m["seed"], int)
    for engine in ("script", "voice", "music"):
        assert re.fullmatch(r"\S+ \S+", m["engines"][engine]), m["engines"]
    # Input hashes are the sha256 of the very files the brief names, recomputed here.
    assert m["inputs"] == {name: sha256(gadget.brief.parent / name) for name in GADGET_FILES}

    assert [v["variant"] for v in m["variants"]] == [0]
    for v in m["variants"]:
        script = json.loads(_inside(out, v["script"]).read_text(encoding="utf-8"))
        _inside(out, v["captions"]["srt"])
        _inside(out, v["captions"]["vtt"])
        assert v["format"] == script["format"]
        assert v["hook"] == script["hook_id"]
        assert v["format"] in doc["options"]["formats"]

        spoken = _fold(" ".join(line["text"] for line in script["lines"]))
        assert v["claims"], "a script with no claims from the brief"
        assert v["claims"] == [c for line in script["lines"] for c in line["claims"]]
        for claim in v["claims"]:
            assert set(claim) == {"text", "source_field"}
            text = claim["text"].strip(_EDGE_PUNCT)
            assert text, claim
            assert _fold(text) in spoken, f"claim {text!r} is not in the script"
            source = _brief_field(doc, claim["source_field"])
            assert _fold(text) in _fold(source), f"claim {text!r} is not in {source!r}"

        assert v["seeds"]["render"] == m["seed"] + v["variant"]
        assert isinstance(v["seeds"]["script"], int)
        assert f"{v['voice']['engine']} {v['voice']['version']}" == m["engines"]["voice"]
        assert v["disclosure"] == doc["options"]["disclosure"]

        assert [o["aspect"] for o in v["outputs"]] == list(SHARED_ASPECTS)
        for o in v["outputs"]:
            _check_output(out, o)


def _check_output(out: Path, o: dict[str, Any]) -> None:
    """Check one aspect's entry: video, size, duration, thumbnails and QA reports."""
    aspect = o["aspect"]
    video = _inside(out, o["video"])
    assert (o["width"], o["height"]) == SIZES[aspect]
    assert o["fps"] == 30
    assert abs(float(o["duration"]) - TARGET_S) <= 0.1 * TARGET_S
    probed = float(ffprobe(video)["format"]["duration"])
    assert abs(float(o["duration"]) - probed) < 0.002, "manifest duration is not the file's"
    assert o["sha256"] == sha256(video), "manifest sha256 is not the delivered file's"

    thumbs = o["thumbnails"]
    assert len(thumbs) >= 3
    assert [t["rank"] for t in thumbs] == list(range(1, len(thumbs) + 1))
    scores = [t["score"] for t in thumbs]
    assert scores == sorted(scores, reverse=True), "thumbnails are not ranked by score"
    for t in thumbs:
        assert isinstance(t["reason"], str)
        assert len(t["reason"]) > 10
        with Image.open(_inside(out, t["path"])) as img:
            assert img.format == "JPEG"
            assert img.size == SIZES[aspect]

    report = json.loads(_inside(out, o["qa"]["json"]).read_text(encoding="utf-8"))
    assert report["aspect"] == aspect
    assert report["checks"], "an empty QA report"
    failed = [c["check"] for c in report["checks"] if c["passed"] is not True]
    assert not failed, f"QA {aspect} failed: {failed}"
    assert report["passed"] is True
    assert o["qa_passed"] is True
    summary = _inside(out, o["qa"]["summary"]).read_text(encoding="utf-8")
    assert summary.splitlines()[0] == f"QA {aspect}: PASSED"
    assert summary.count("[ok  ]") == len(report["checks"])


def test_run_json_lists_every_step_as_ran_on_a_cold_cache(gadget: Render) -> None:
    st = statuses(gadget.out)
    expected = {f"{kind}/00" for kind in UPSTREAM}
    for aspect in SHARED_ASPECTS:
        a = aspect.replace(":", "x")
        expected |= {f"render/00/{a}", f"thumbs/00/{a}", f"qa/00/{a}"}
    assert set(st) == expected
    assert set(st.values()) == {"ran"}


def test_manifest_is_as_readable_as_the_other_outputs(gadget: Render) -> None:
    video = gadget.video(SHARED_ASPECTS[0])
    manifest = gadget.out / "manifest.json"
    others = stat.S_IMODE(video.stat().st_mode)
    if others == 0o600:
        pytest.skip("this umask makes every output 0600, so the difference cannot show")
    assert stat.S_IMODE(manifest.stat().st_mode) == others


@pytest.mark.parametrize("aspect", SHARED_ASPECTS)
def test_streams_match_the_delivery_profile(gadget: Render, aspect: str) -> None:
    path = gadget.video(aspect)
    info = ffprobe(path)
    v, a = stream(info, "video"), stream(info, "audio")
    assert v["codec_name"] == "h264"
    assert v["profile"] == "High"
    assert v["pix_fmt"] == "yuv420p"
    assert v["r_frame_rate"] == "30/1"
    assert v["avg_frame_rate"] == "30/1"
    assert (v["width"], v["height"]) == SIZES[aspect]
    assert a["codec_name"] == "aac"
    assert a["profile"] == "LC"
    assert a["sample_rate"] == "48000"
    assert a["channels"] == 2

    atoms = top_level_atoms(path)
    assert "moov" in atoms, atoms
    assert "mdat" in atoms, atoms
    assert atoms.index("moov") < atoms.index("mdat"), f"not faststart: {atoms}"

    vd, ad = float(v["duration"]), float(a["duration"])
    assert abs(vd - ad) <= 0.033, f"video {vd:.3f} s vs audio {ad:.3f} s"
    total = float(info["format"]["duration"])
    assert abs(total - TARGET_S) <= 0.1 * TARGET_S
    assert int(v["nb_frames"]) == round(vd * 30), "frame count does not match 30 fps"


@pytest.mark.parametrize("aspect", SHARED_ASPECTS)
def test_loudness_measured_independently(gadget: Render, aspect: str) -> None:
    lufs, true_peak = ebur128(gadget.video(aspect))
    assert abs(lufs + 14.0) <= 1.0, f"integrated loudness {lufs} LUFS"
    assert true_peak <= -1.0, f"true peak {true_peak} dBTP"


def _fit_output(gadget: Render, script: dict[str, Any]) -> dict[str, Any]:
    """Return the cached fit step output whose script is the delivered one."""
    fits: list[dict[str, Any]] = [r["output"] for r in step_records(gadget.cache, "fit")]
    match = [f for f in fits if f["script"] == script]
    assert len(match) == 1, f"{len(match)} fit records match the delivered script"
    return match[0]


def test_captions_follow_the_voice(gadget: Render) -> None:
    folder = gadget.out / "variant-00"
    srt = parse_srt((folder / "captions.srt").read_text(encoding="utf-8"))
    vtt = parse_vtt((folder / "captions.vtt").read_text(encoding="utf-8"))
    script = json.loads((folder / "script.json").read_text(encoding="utf-8"))
    shortest = min(
        float(stream(ffprobe(gadget.video(a)), "video")["duration"]) for a in SHARED_ASPECTS
    )

    assert srt
    assert len(srt) == len(vtt)
    for s, v in zip(srt, vtt, strict=True):
        assert (s.start, s.end, s.words) == (v.start, v.end, v.words)
    for prev, cue in itertools.pairwise(srt):
        assert prev.end <= cue.start, f"cues overlap or go backwards at {cue.start}"
    for cue in srt:
        assert 0 <= cue.start < cue.end <= shortest + 1e-3, cue
    assert srt[0].start <= 0.3, f"first caption at {srt[0].start} s"

    # The words on screen are the words of the script, in order.
    spoken = " ".join(line["text"] for line in script["lines"]).split()
    assert [w for cue in srt for w in cue.words] == spoken

    # Each word is highlighted when the voice says it (the fit step's word timings).
    words = _fit_output(gadget, script)["voice"]["words"]
    shown = [(w, t) for cue in vtt for w, t in zip(cue.words, cue.word_times, strict=True)]
    assert [w for w, _ in shown] == [w["text"] for w in words]
    for (text, t), word in zip(shown, words, strict=True):
        assert abs(t - word["start"]) <= 0.001, f"{text!r} at {t} s, voice at {word['start']} s"
    for cue in vtt:
        assert list(cue.word_times) == sorted(cue.word_times)
        assert cue.start <= cue.word_times[0]
        assert cue.word_times[-1] < cue.end


@pytest.fixture(scope="module")
def cached_scene_inputs(gadget: Render) -> tuple[Timeline, list[Pose]]:
    """Load the job's timeline and poses from its cache, as the render step does."""
    store = FileArtifactStore(gadget.cache)
    (tl_rec,) = step_records(gadget.cache, "timeline")
    (motion_rec,) = step_records(gadget.cache, "motion")
    assert cached_object(gadget.cache, tl_rec["output"]["timeline"]).is_file()
    tl = Timeline.from_json(store.get_json(tl_rec["output"]["timeline"]))
    poses = [Pose(**p) for p in store.get_json(motion_rec["output"]["poses"])]
    return tl, poses


@pytest.mark.parametrize("aspect", all_aspects())
def test_overlays_stay_inside_the_safe_zone(
    cached_scene_inputs: tuple[Timeline, list[Pose]], aspect: str
) -> None:
    tl, poses = cached_scene_inputs
    layout = layout_for(aspect)
    scene = Scene(tl, layout, poses, resolve_fonts())
    safe = layout.safe
    inked = 0
    for i in range(0, scene.n_frames, 5):
        mask = overlay_mask(scene, i)
        assert mask.shape == (layout.height, layout.width)
        inked += bool(mask.any())
        outside = mask.copy()
        outside[safe.y : safe.y1, safe.x : safe.x1] = 0
        ys, xs = np.nonzero(outside)
        assert not ys.size, (
            f"{ys.size} overlay pixels outside the safe zone at frame {i}, "
            f"e.g. x={xs[0]} y={ys[0]}; safe={safe}"
        )
        # overlay_mask clips at the frame edge; ink beyond the frame would hide from it.
        for sprite, (x, y) in scene.overlays(i):
            sy, sx = np.nonzero(sprite.alpha)
            if sy.size:
                assert x + sx.min() >= 0
                assert y + sy.min() >= 0
                assert x + sx.max() < layout.width
                assert y + sy.max() < layout.height
    # The mask is not trivially empty: captions, logo and badge are on screen throughout.
    assert inked >= 0.9 * len(range(0, scene.n_frames, 5))
