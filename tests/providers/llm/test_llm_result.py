"""The result processor: schema, roles, banned words, claim checks and line splitting."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ugc.pipeline.text import count_words
from ugc.pipeline.types import Brief, Claim
from ugc.providers.errors import InvalidOutput
from ugc.providers.llm.backends import ChatResult
from ugc.providers.llm.result import ParsedScript, Shape, parse_script, strip_fences

SHAPE = Shape(3, "review", "llm.question")
SAID = "Hydrates for 24 hours"
HOOK: dict[str, Any] = {"role": "hook", "text": "Okay, I need to talk about Glow Serum!"}
CTA: dict[str, Any] = {
    "role": "cta",
    "text": "Shop Glow Serum today!",
    "claims": [{"text": "Shop Glow Serum today", "source_field": "product.cta"}],
}


def _body(text: str, claims: list[tuple[str, str]], **extra: Any) -> dict[str, Any]:
    cited = [{"text": t, "source_field": f} for t, f in claims]
    return {"role": "body", "text": text, "claims": cited, **extra}


def _parse(brief: Brief, *body: dict[str, Any], banned: tuple[str, ...] = ()) -> ParsedScript:
    text = json.dumps({"lines": [HOOK, *body, CTA]})
    return parse_script(ChatResult(text, 10, 5), brief, SHAPE, provider="p", banned_words=banned)


def test_valid_answer_becomes_a_script(brief: Brief) -> None:
    body = _body(
        "It hydrates for 24 hours, honestly.",
        [("hydrates for 24 hours", "product.benefits[0]")],
        shot="product",
        emphasis=["hours", "never-said"],
    )
    parsed = _parse(brief, body)
    script = parsed.script
    assert (script.variant, script.format, script.hook_id) == (3, "review", "llm.question")
    assert [line.role for line in script.lines] == ["hook", "body", "cta"]
    assert script.lines[1].claims == (Claim("hydrates for 24 hours", "product.benefits[0]"),)
    assert script.lines[1].emphasis == ("hours",)
    assert script.lines[1].shot == "product"
    assert script.lines[0].shot == "talk"
    assert (parsed.input_tokens, parsed.output_tokens) == (10, 5)
    assert parsed.removed_claims == ()
    assert script.language == brief.language


def test_shot_defaults_to_product_for_product_claims(brief: Brief) -> None:
    body = _body("Only $29!", [("$29", "product.price")])
    assert _parse(brief, body).script.lines[1].shot == "product"


@pytest.mark.parametrize(
    "text",
    [
        '```json\n{"lines": []}\n```',
        '```\n{"lines": []}\n```',
        'Sure! Here is the script:\n{"lines": []}\nEnjoy.',
        '  {"lines": []}  ',
    ],
)
def test_strip_fences(text: str) -> None:
    assert json.loads(strip_fences(text)) == {"lines": []}


def test_fenced_answer_parses(brief: Brief) -> None:
    text = "```json\n" + json.dumps({"lines": [HOOK, CTA]}) + "\n```"
    parsed = parse_script(ChatResult(text, 1, 1), brief, SHAPE, provider="p")
    assert len(parsed.script.lines) == 2


@pytest.mark.parametrize(
    ("answer", "needle"),
    [
        ("not json at all", "not valid JSON"),
        ('{"lines": [', "not valid JSON"),
        ('{"script": []}', "schema"),
        (json.dumps({"lines": [HOOK, {**CTA, "mood": "happy"}]}), "lines.1.mood"),
        (json.dumps({"lines": [HOOK, {**CTA, "role": "outro"}]}), "lines.1.role"),
        (json.dumps({"lines": [HOOK, {**CTA, "text": 5}]}), "lines.1.text"),
        (json.dumps({"lines": [HOOK]}), "lines"),
    ],
)
def test_bad_shapes_are_invalid_output(brief: Brief, answer: str, needle: str) -> None:
    with pytest.raises(InvalidOutput) as info:
        parse_script(ChatResult(answer, 1, 1), brief, SHAPE, provider="p")
    assert needle in info.value.message
    assert not info.value.retryable


@pytest.mark.parametrize(
    "roles", [["body", "body", "cta"], ["hook", "body", "body"], ["hook", "cta", "body", "cta"]]
)
def test_roles_must_run_hook_body_cta(brief: Brief, roles: list[str]) -> None:
    lines = [{"role": role, "text": f"Line {i}."} for i, role in enumerate(roles)]
    with pytest.raises(InvalidOutput, match=r"roles must be hook, body\.\.\., cta"):
        parse_script(ChatResult(json.dumps({"lines": lines}), 1, 1), brief, SHAPE, provider="p")


def test_banned_word_rejects_the_script(brief: Brief) -> None:
    body = _body("This serum is a total MIRACLE for me.", [])
    with pytest.raises(InvalidOutput, match="banned word 'miracle'"):
        _parse(brief, body, banned=("cure", "miracle"))


def test_banned_words_match_whole_words_only(brief: Brief) -> None:
    body = _body("It feels secure and curated.", [])
    assert len(_parse(brief, body, banned=("cure", "cur")).script.lines) == 3


def test_banned_phrase(brief: Brief) -> None:
    with pytest.raises(InvalidOutput, match="'clinically proven'"):
        _parse(
            brief,
            _body("It is Clinically  proven? No: clinically proven.", []),
            banned=("clinically proven",),
        )


def test_claim_match_ignores_case_and_spacing(brief: Brief) -> None:
    claim = ("fades dark  SPOTS in 4 weeks", "product.benefits[1]")
    body = _body("FADES   dark spots in 4 weeks, wow.", [claim])
    parsed = _parse(brief, body)
    assert parsed.removed_claims == ()
    assert len(parsed.script.lines[1].claims) == 1


@pytest.mark.parametrize(
    ("text", "claim", "field", "reason"),
    [
        (SAID, SAID, "product.benefits[9]", "no brief field"),
        (SAID, SAID, "product.benefits", "no brief field"),
        (SAID, SAID, "product.ingredients", "no brief field"),
        (SAID, SAID, "product.offer[0]", "no brief field"),
        (SAID, SAID, "product.benefits[1]", "not in"),
        ("I love it so much.", "Hydrates for 24 hours", "product.benefits[0]", "does not say"),
        ("I love it so much.", "  ", "product.benefits[0]", "empty claim"),
    ],
)
def test_unbacked_claims_are_removed_and_reported(
    brief: Brief, text: str, claim: str, field: str, reason: str
) -> None:
    parsed = _parse(brief, _body(text, [(claim, field)]))
    assert len(parsed.script.lines) == 3  # the text is in the brief, so the line stays
    assert parsed.script.lines[1].claims == ()
    (removed,) = parsed.removed_claims
    assert (removed.line, removed.text, removed.source_field) == (2, claim.strip(), field)
    assert reason in removed.reason
    assert removed.as_dict()["reason"] == removed.reason


def test_invented_claim_voiced_in_a_body_line_drops_the_line(brief: Brief) -> None:
    invented = _body("It cures acne overnight.", [("cures acne overnight", "product.benefits[0]")])
    fact = "Fades dark spots in 4 weeks"
    kept = _body(f"{fact}.", [(fact, "product.benefits[1]")])
    parsed = _parse(brief, invented, kept)
    assert [line.text for line in parsed.script.lines][1:-1] == ["Fades dark spots in 4 weeks."]
    assert parsed.dropped_lines == ("It cures acne overnight.",)
    assert parsed.removed_claims[0].text == "cures acne overnight"
    assert all("acne" not in line.text for line in parsed.script.lines)


def test_invented_claim_in_the_hook_is_invalid(brief: Brief) -> None:
    hook = {**HOOK, "claims": [{"text": "talk about", "source_field": "product.awards"}]}
    text = json.dumps({"lines": [hook, CTA]})
    with pytest.raises(InvalidOutput, match="hook"):
        parse_script(ChatResult(text, 1, 1), brief, SHAPE, provider="p")


def test_long_line_splits_at_punctuation_keeping_claims_whole(brief: Brief) -> None:
    text = (
        "I tried everything for my skin and nothing worked at all. "
        "Then this one fades dark spots in 4 weeks, and I am hooked."
    )
    claim = ("fades dark spots in 4 weeks", "product.benefits[1]")
    body = _body(text, [claim], emphasis=["hooked"])
    parsed = _parse(brief, body)
    lines = parsed.script.lines
    assert parsed.split_lines == 1
    assert [line.role for line in lines] == ["hook", "body", "body", "cta"]
    assert lines[1].text == "I tried everything for my skin and nothing worked at all."
    assert lines[2].text.startswith("Then this one fades")
    assert lines[1].claims == ()
    assert lines[2].claims[0].source_field == "product.benefits[1]"
    assert lines[2].emphasis == ("hooked",)
    assert all(count_words(line.text) <= 14 for line in lines)


def test_long_line_without_breaks_is_invalid(brief: Brief) -> None:
    text = " ".join(["really"] * 16) + " good."
    with pytest.raises(InvalidOutput, match="at most 14"):
        _parse(brief, _body(text, []))
