"""Many variants: each gets its own script and cast, and renders to its own ad."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.helpers import GADGET, SIZES, TARGET_S, copy_brief, run_create, sha256, statuses
from ugc.brief.loader import load_brief
from ugc.pipeline.job import Engines, JobSpec, cast_variant, plan
from ugc.pipeline.store import FileArtifactStore
from ugc.providers.offline.copywriter import RuleBasedCopywriter
from ugc.providers.offline.fonts import resolve_fonts
from ugc.providers.offline.music import SynthMusic
from ugc.providers.offline.voices import default_voice_engines

pytestmark = pytest.mark.slow


def test_ten_variants_get_ten_distinct_scripts_and_casts(tmp_path: Path) -> None:
    # The pipeline seeds each variant's copywriter differently from the copywriter's own
    # tests (job_steps: seed = variant * 7919 + 13), so distinctness is checked on the plan.
    voices = default_voice_engines(tmp_path / "voices")
    engines = Engines(
        writer=RuleBasedCopywriter(),
        voice=voices[0],
        music=SynthMusic(),
        fonts=resolve_fonts(),
        ffmpeg="ffmpeg",
        ffprobe="ffprobe",
        voices=tuple(voices),
    )
    brief = load_brief(GADGET / "brief.yaml", lambda lang: any(v.supports(lang) for v in voices))
    spec = JobSpec(brief, 10, ("9:16",))
    steps = plan(spec, engines, FileArtifactStore(tmp_path / "cache"))
    scripts = [s.run({}, lambda _f: None).output["script"] for s in steps if s.kind == "script"]

    assert [s["variant"] for s in scripts] == list(range(10))
    texts = [" ".join(line["text"] for line in s["lines"]) for s in scripts]
    assert len(set(texts)) == 10, "two variants got the same script"
    formats = {s["format"] for s in scripts}
    assert formats <= set(brief.options.formats)
    assert len(formats) >= 3
    assert len({s["hook_id"] for s in scripts}) >= 5
    for s in scripts:
        assert s["lines"][0]["role"] == "hook"
        assert s["lines"][-1]["role"] == "cta"

    casts = [cast_variant(spec, engines.music.moods, i) for i in range(10)]
    assert len({c.persona for c in casts}) >= 5
    assert {c.setting for c in casts} == {"kitchen"}  # pinned by the brief
    assert {c.mood for c in casts} == {"energetic"}  # pinned by the brief


def test_three_variants_render_three_different_ads(tmp_path: Path) -> None:
    brief = copy_brief(tmp_path / "brief")
    out = tmp_path / "OUT"
    run = run_create(
        brief, out, tmp_path / "cache", "--variants", "3", "--aspects", "1:1", "--seed", "3"
    )
    assert run.returncode == 0, run.stderr[-3000:]
    m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert m["passed"] is True
    assert m["seed"] == 3
    variants = m["variants"]
    assert [v["variant"] for v in variants] == [0, 1, 2]
    assert len({v["seeds"]["script"] for v in variants}) == 3
    assert [v["seeds"]["render"] for v in variants] == [3, 4, 5]

    scripts = [(out / v["script"]).read_text(encoding="utf-8") for v in variants]
    assert len(set(scripts)) == 3, "two variants share a script"
    assert len({v["cast"]["persona"] for v in variants}) >= 2
    videos = [out / v["outputs"][0]["video"] for v in variants]
    assert len({sha256(p) for p in videos}) == 3
    for v, video in zip(variants, videos, strict=True):
        (o,) = v["outputs"]
        assert o["qa_passed"] is True
        assert video == out / f"variant-{v['variant']:02d}" / "1x1.mp4"
        assert (o["width"], o["height"]) == SIZES["1:1"]
        assert abs(float(o["duration"]) - TARGET_S) <= 0.1 * TARGET_S
        assert len(o["thumbnails"]) >= 3
    st = statuses(out)
    assert {n.split("/")[1] for n in st} == {"00", "01", "02"}
    assert set(st.values()) == {"ran"}
