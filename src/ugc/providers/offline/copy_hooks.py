"""The English hook library: UGC-style openers with stable ids, grouped by format."""

from __future__ import annotations

from ugc.providers.offline.copy_model import TONES, Hook

# Short format codes keep the table readable.
_CODES = {
    "T": "testimonial",
    "S": "problem-solution",
    "U": "unboxing",
    "R": "review",
    "L": "listicle",
    "P": "pov",
}
_WARM = frozenset({"friendly", "energetic", "playful"})


def hook(
    hook_id: str,
    template: str,
    codes: str,
    needs: tuple[str, ...] = (),
    one: str = "",
    tones: frozenset[str] = frozenset(TONES),
) -> Hook:
    """Build a hook from a compact format code string such as 'T R U'."""
    formats = frozenset(_CODES[code] for code in codes.split())
    return Hook(hook_id, template, formats, needs, one, tones)


EN_HOOKS: tuple[Hook, ...] = (
    hook("hook.talk-about", "{Opener}, I need to talk about {name}{end}", "T R U L"),
    hook("hook.question-pain", "{Pain}? Yeah, I've been there{end}", "S T P", ("pain",)),
    hook(
        "hook.stop-scrolling",
        "Stop scrolling if this sounds like you: {pain}{end}",
        "S L P R",
        ("pain",),
    ),
    hook(
        "hook.stop-scrolling-audience",
        "Stop scrolling, this one's for {audience}{end}",
        "T S L P",
        ("audience",),
    ),
    hook("hook.pov-found", "POV: you finally found {name}{end}", "P T U"),
    hook("hook.pov-pain", "POV: you're so over this: {pain}{end}", "P S", ("pain",)),
    hook("hook.pov-friend", "POV: your friend won't stop talking about {name}{end}", "P R T"),
    hook(
        "hook.reasons-count",
        "{Count} reasons I switched to {name}{end}",
        "L",
        ("count",),
        one="One reason I switched to {name}{end}",
    ),
    hook(
        "hook.things-love",
        "{Count} things I love about {name}{end}",
        "L",
        ("count",),
        one="One thing I love about {name}{end}",
    ),
    hook("hook.unpopular-opinion", "Unpopular opinion: {name} deserves the hype{end}", "R T L"),
    hook("hook.skeptical", "I was {adv} so skeptical about {name}{end}", "T R U S"),
    hook("hook.wish-knew", "I wish I'd known about {name} sooner{end}", "T L P S"),
    hook("hook.unbox-together", "It's here{end} Let's unbox {name} together{end}", "U"),
    hook("hook.first-impressions", "First impressions of {name}, no filter{end}", "U R"),
    hook("hook.honest-review", "My honest review of {name}{end}", "R U"),
    hook("hook.bestie-tip", "Bestie, you need to hear this{end}", "T P L U", tones=_WARM),
    hook("hook.benefit-lead", "{Benefit}. Yes, really{end}", "S R L T", ("benefit",)),
    hook("hook.nobody-told", "Nobody told me about {name}, so I'm telling you{end}", "T P L"),
    hook("hook.not-gatekeeping", "I'm not gatekeeping {name} anymore{end}", "T L P U"),
    hook("hook.dont-buy-yet", "Don't buy {name} until you watch this{end}", "R U"),
    hook("hook.put-to-test", "I put {name} to the test{end}", "R U"),
    hook(
        "hook.problem-fix",
        "Here's what finally helped with this: {pain}{end}",
        "S",
        ("pain",),
    ),
    hook("hook.tried-everything", "I tried everything until I found {name}{end}", "S T"),
)
