"""Edited scripts in a brief: loaded into the options, or one BriefError naming the line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ugc.brief.loader import load_brief
from ugc.errors import BriefError
from ugc.pipeline.codec import brief_from_json, brief_to_json
from ugc.pipeline.types import ScriptLine

HOOK = {"role": "hook", "text": "Stop scrolling: this serum is different."}


def _brief(tmp_path: Path, scripts: Any, **extra: Any) -> Path:
    doc = {
        "product": {
            "name": "Glow Serum",
            "description": "A lightweight vitamin C serum.",
            "benefits": ["Brighter-looking skin"],
        },
        "options": {"scripts": scripts},
        **extra,
    }
    path = tmp_path / "brief.json"
    path.write_text(json.dumps(doc))
    return path


def _error(path: Path) -> BriefError:
    with pytest.raises(BriefError) as info:
        load_brief(path, lambda _lang: True)
    return info.value


def test_scripts_load_as_lines_with_talk_as_the_default_shot(tmp_path: Path) -> None:
    lines = [HOOK, {"role": "cta", "text": "Shop now!", "shot": "product"}]
    brief = load_brief(_brief(tmp_path, [{"variant": 2, "lines": lines}]), lambda _l: True)
    edit = brief.options.script_for(2)
    assert edit is not None
    assert edit.lines == (
        ScriptLine(HOOK["text"], "hook", "talk"),
        ScriptLine("Shop now!", "cta", "product"),
    )
    assert brief.options.script_for(0) is None


def test_a_brief_round_trips_with_its_scripts_and_old_briefs_still_load(tmp_path: Path) -> None:
    brief = load_brief(_brief(tmp_path, [{"variant": 0, "lines": [HOOK]}]), lambda _l: True)
    data = brief_to_json(brief)
    assert brief_from_json(data) == brief
    del data["options"]["scripts"]  # a manifest written before scripts existed
    assert brief_from_json(data).options.scripts == ()


@pytest.mark.parametrize(
    ("scripts", "field", "reason"),
    [
        ([{"variant": 0, "lines": []}], "options.scripts.0.lines", "at least 1"),
        ([{"variant": 0, "lines": [HOOK] * 31}], "options.scripts.0.lines", "at most 30"),
        ([{"variant": -1, "lines": [HOOK]}], "options.scripts.0.variant", "greater than"),
        (
            [{"variant": 0, "lines": [{"role": "outro", "text": "Bye"}]}],
            "options.scripts.0.lines.0.role",
            "'hook', 'body', 'cta' or 'disclosure'",
        ),
        (
            [{"variant": 0, "lines": [HOOK, {"role": "body", "text": "  "}]}],
            "options.scripts.0.lines.1.text",
            "at least 1 character",
        ),
        (
            [{"variant": 0, "lines": [{"role": "body", "text": "x" * 301}]}],
            "options.scripts.0.lines.0.text",
            "at most 300 characters",
        ),
        (
            [{"variant": 0, "lines": [{**HOOK, "shot": "drone"}]}],
            "options.scripts.0.lines.0.shot",
            "'talk', 'product' or 'broll'",
        ),
        (
            [{"variant": 1, "lines": [HOOK]}, {"variant": 1, "lines": [HOOK]}],
            "options.scripts",
            "variant 1 has two",
        ),
        (
            [{"variant": 0, "lines": [{**HOOK, "claims": []}]}],
            "options.scripts.0.lines.0.claims",
            "unknown field",
        ),
    ],
)
def test_bad_scripts_name_the_field(
    tmp_path: Path, scripts: list[dict[str, Any]], field: str, reason: str
) -> None:
    err = _error(_brief(tmp_path, scripts))
    assert err.field == field
    assert reason in err.reason


def test_a_banned_word_in_an_edited_line_is_refused(tmp_path: Path) -> None:
    lines = [HOOK, {"role": "body", "text": "It will CURE your dull skin."}]
    path = _brief(tmp_path, [{"variant": 0, "lines": lines}], brand={"banned_words": ["cure"]})
    err = _error(path)
    assert err.field == "options.scripts.0.lines.1.text"
    assert "'cure'" in err.reason


def test_a_creator_clip_cannot_take_edited_lines(tmp_path: Path) -> None:
    # The check runs before assets are opened, so the clip need not exist for this test.
    assets = {"creator_clip": "clip.mp4", "creator_transcript": "Hi there."}
    err = _error(_brief(tmp_path, [{"variant": 0, "lines": [HOOK]}], assets=assets))
    assert err.field == "options.scripts"
    assert "transcript" in err.reason
