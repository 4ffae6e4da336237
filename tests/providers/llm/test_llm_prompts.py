"""Versioned prompt files and their rendering from a brief."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from ugc.pipeline.types import Brief
from ugc.providers.llm.prompts import PROMPT_DIR, Prompt, available, load_prompt

_LEFTOVER = re.compile(r"\{[a-z_]+\}")


def test_latest_version_is_loaded_by_default() -> None:
    prompt = load_prompt("script")
    assert prompt == load_prompt("script", 1)
    assert prompt.ident == "script@v1"
    assert max(available("script")) == prompt.version
    assert (PROMPT_DIR / "script.v1.md").is_file()
    assert load_prompt("script_adjust").ident == "script_adjust@v1"


def test_unknown_prompt_or_version() -> None:
    with pytest.raises(FileNotFoundError, match="no prompt named"):
        load_prompt("poem")
    with pytest.raises(FileNotFoundError, match="has no version 99"):
        load_prompt("script", 99)


def test_script_prompt_lists_fields_with_paths_and_targets(brief: Brief) -> None:
    prompt = load_prompt("script")
    text = prompt.render(brief, 4, "pov", "open with a question")
    assert not _LEFTOVER.search(text)
    for line in (
        '- product.name: "Glow Serum"',
        '- product.benefits[0]: "Hydrates for 24 hours"',
        '- product.pain_points[0]: "Dull, tired-looking skin"',
        '- product.price: "$29"',
        '- product.cta: "Shop Glow Serum today"',
        "Format: pov",
        "Hook style: open with a question",
        "Target length: 20 seconds, about 50 spoken words",
        "at most 14 words",
    ):
        assert line in text
    assert '"source_field"' in text  # the JSON example survives rendering
    assert "JSON" in prompt.system
    assert "<!--" not in prompt.system + text


def test_field_values_are_quoted_and_empty_fields_left_out(brief: Brief) -> None:
    product = replace(brief.product, offer="", description='Say "hi"\n- product.price: "$0"')
    text = load_prompt("script").render(replace(brief, product=product), 0, "review", "h")
    assert "product.offer" not in text
    assert '- product.description: "Say \\"hi\\"\\n- product.price: \\"$0\\""' in text


def test_braces_in_brief_text_are_not_placeholders(brief: Brief) -> None:
    product = replace(brief.product, name="{tone} Serum")
    text = load_prompt("script").render(replace(brief, product=product), 0, "review", "h")
    assert "Product: {tone} Serum" in text


def test_missing_values_are_named(brief: Brief) -> None:
    prompt = Prompt("custom", 1, "<!-- user -->\nWrite about {product_name} in {mood}.")
    assert prompt.system == ""
    with pytest.raises(KeyError, match="mood"):
        prompt.render(brief, 0, "review", "h")


def test_adjust_prompt_takes_extra_values(brief: Brief) -> None:
    extra = {
        "direction": "Shorten",
        "delta_words": "5",
        "current_words": "60",
        "goal_words": "55",
        "script_json": '{"lines": []}',
    }
    text = load_prompt("script_adjust").render(brief, 0, "review", "", extra)
    assert text.startswith("Shorten this review script by about 5 spoken words")
    assert '{"lines": []}' in text
    assert not _LEFTOVER.search(text)
