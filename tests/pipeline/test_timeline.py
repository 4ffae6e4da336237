"""The scene track: talking shots, product and B-roll cut-ins, and the closing CTA card."""

from __future__ import annotations

import itertools

from ugc.pipeline.timeline import TAIL, plan_segments
from ugc.pipeline.types import Script, ScriptLine, WordTiming


def _script() -> tuple[Script, list[WordTiming]]:
    lines = (
        ScriptLine("Stop scrolling right now", "hook", "product"),
        ScriptLine("It chops herbs in seconds flat", "body", "product"),
        ScriptLine("No more sticky knives at all", "body", "product"),
        ScriptLine("Honestly I love it so much", "body", "talk"),
        ScriptLine("Get yours today", "cta", "talk"),
    )
    words, t = [], 0.05
    for i, line in enumerate(lines):
        for w in line.text.split():
            words.append(WordTiming(w, t, t + 0.3, i))
            t += 0.35
        t += 0.3
    return Script(0, "review", "hook.x", lines), words


def test_hook_is_always_a_talking_shot_and_cta_closes() -> None:
    script, words = _script()
    segs = plan_segments(script, words, words[-1].end + TAIL, n_images=2)
    assert segs[0].kind == "talk"
    assert segs[0].start == 0.0
    assert segs[-1].kind == "cta"
    assert segs[-1].end == words[-1].end + TAIL
    assert all(a.end == b.start for a, b in itertools.pairwise(segs))


def test_product_lines_alternate_images_and_broll() -> None:
    script, words = _script()
    segs = plan_segments(script, words, words[-1].end + TAIL, n_images=2, n_broll=1)
    cut_ins = [(s.kind, s.image) for s in segs if s.kind in ("product", "broll")]
    assert cut_ins == [("product", 0), ("broll", 0)]


def test_no_assets_means_no_cut_ins() -> None:
    script, words = _script()
    segs = plan_segments(script, words, words[-1].end + TAIL, n_images=0)
    assert {s.kind for s in segs} == {"talk", "cta"}


def test_without_a_cta_line_the_card_takes_the_tail() -> None:
    script, words = _script()
    no_cta = Script(0, "creator", "creator-clip", script.lines[:-1])
    kept = [w for w in words if w.line < 4]
    duration = kept[-1].end + TAIL
    segs = plan_segments(no_cta, kept, duration, n_images=0)
    assert segs[-1].kind == "cta"
    assert abs(segs[-1].start - (duration - TAIL)) < 1e-9
