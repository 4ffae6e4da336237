"""English phrasing: connectors, CTA framing, tone words and non-claim filler."""

from __future__ import annotations

from ugc.providers.offline.copy_hooks import EN_HOOKS
from ugc.providers.offline.copy_model import LangPack, word_set

# Slots: {fact}/{Fact} is a brief field (mid-sentence / sentence start); {end} is tone
# punctuation; {adv} {love} {great} {opener} are tone words. Nothing here states a fact.
_TEMPLATES: dict[str, tuple[str, ...]] = {
    "benefit": (
        "What sold me: {fact}{end}",
        "The part I didn't expect: {fact}{end}",
        "{Fact}, and I'm not exaggerating{end}",
        "And the best part? {Fact}{end}",
        "{Love} this: {fact}{end}",
        "{Adv}? {Fact}{end}",
        "Also: {fact}{end}",
        "Then there's this: {fact}{end}",
        "{Fact}. {Great}{end}",
        "My favourite thing: {fact}{end}",
        "Here's the thing: {fact}{end}",
    ),
    "pain": (
        "I was so tired of this: {fact}{end}",
        "Sound familiar? {Fact}{end}",
        "Real talk: {fact}{end}",
        "My biggest struggle: {fact}{end}",
        "{Fact}? Been there{end}",
    ),
    "description": (
        "Quick rundown: {fact}{end}",
        "So what is it? {Fact}{end}",
        "In short: {fact}{end}",
        "If you're wondering what it is: {fact}{end}",
    ),
    "intro": (
        "Meet {name}: {fact}{end}",
        "So this is {name}: {fact}{end}",
        "Enter {name}: {fact}{end}",
        "This is {name}: {fact}{end}",
    ),
    "intro.problem-solution": (
        "Then I found {name}: {fact}{end}",
        "That's where {name} comes in: {fact}{end}",
        "Enter {name}: {fact}{end}",
    ),
    "intro.pov": ("Then you find {name}: {fact}{end}", "Enter {name}: {fact}{end}"),
    "offer": (
        "Oh, and right now: {fact}{end}",
        "Plus, there's a deal: {fact}{end}",
        "And the offer? {Fact}{end}",
        "Heads up: {fact}{end}",
    ),
    "price": (
        "And it's {fact}{end}",
        "Price check: {fact}{end}",
        "All for {fact}{end}",
        "For {fact}? {Great}{end}",
    ),
    "audience": (
        "Made for {fact}{end}",
        "Built with {fact} in mind{end}",
        "Who's it for? {Fact}{end}",
        "It's for {fact}{end}",
    ),
    "item": ("{ordinal} {fact}{end}",),
    "recap": (
        "Just saying it again: {fact}{end}",
        "Seriously though: {fact}{end}",
        "In case you missed it: {fact}{end}",
    ),
    "cta": (
        "{Cta}{end}",
        "Go on, {cta}{end}",
        "If that's you, {cta}{end}",
        "You know what to do: {cta}{end}",
        "Don't overthink it: {cta}{end}",
        "Trust me: {cta}{end}",
        "{Cta} and thank me later{end}",
        "Your move: {cta}{end}",
    ),
    "cta.fallback": ("Go check out {name}{end}", "Take a look at {name}{end}"),
    "frame.unboxing": (
        "Okay, let's open it up{end}",
        "First look, let's go{end}",
        "Let's see what's inside{end}",
    ),
    "frame.review": (
        "Let's get into it{end}",
        "Here's my honest take{end}",
        "No fluff, just my take{end}",
    ),
    "frame.pov": ("{Adv}? Game changer{end}", "And just like that, you're hooked{end}"),
    "frame.problem-solution": ("It was driving me up the wall{end}", "I was over it{end}"),
    "verdict": (
        "It's a yes from me{end}",
        "Verdict? I'm keeping it{end}",
        "{Adv}? I get the hype now{end}",
        "Would I recommend it? Yes{end}",
    ),
}

_FILLERS: dict[str, tuple[str, ...]] = {
    "any": (
        "I had to share this{end}",
        "This is your sign{end}",
        "Trust me on this one{end}",
        "I'm not even kidding{end}",
        "Why did nobody tell me sooner?",
        "Okay, hear me out{end}",
        "No, really{end}",
        "Let that sink in{end}",
        "I'm telling you{end}",
        "You can thank me later{end}",
        "This one's a keeper{end}",
        "Don't sleep on this{end}",
        "Save this for later{end}",
        "Send this to someone who needs it{end}",
        "Yep, you heard that right{end}",
        "I'm not gatekeeping this{end}",
    ),
    "friendly": (
        "Honestly, I'm obsessed{end}",
        "You're welcome in advance{end}",
        "I wish I'd had this sooner{end}",
        "It just makes me happy{end}",
    ),
    "energetic": (
        "Obsessed. Like, actually obsessed{end}",
        "I'm literally so hyped{end}",
        "I can't stop talking about it{end}",
        "Like, are you even seeing this?",
    ),
    "calm": (
        "No rush, just take a look{end}",
        "It quietly earned its spot{end}",
        "Sometimes simple is enough{end}",
        "Take your time with it{end}",
    ),
    "professional": (
        "It's worth a closer look{end}",
        "That's my honest assessment{end}",
        "I'd recommend taking a look{end}",
        "The details matter here{end}",
    ),
    "playful": (
        "Not sponsored... okay, a little sponsored{end}",
        "Lowkey obsessed, highkey telling everyone{end}",
        "Bestie, you need this{end}",
        "Main character energy, honestly{end}",
    ),
}

_TONE_WORDS: dict[str, dict[str, str]] = {
    "friendly": {"adv": "honestly", "love": "I love", "great": "so good", "opener": "okay"},
    "energetic": {
        "adv": "literally",
        "love": "I'm obsessed with",
        "great": "unreal",
        "opener": "okay okay",
    },
    "calm": {"adv": "genuinely", "love": "I really appreciate", "great": "lovely", "opener": "so"},
    "professional": {"adv": "frankly", "love": "I value", "great": "impressive", "opener": "so"},
    "playful": {
        "adv": "lowkey",
        "love": "I'm weirdly in love with",
        "great": "chef's kiss",
        "opener": "okay bestie",
    },
}

_STOPWORDS = word_set(
    "a an the and or of to in on for with your you my me it is its it's that this i i'm "
    "so at by from as be are was just no not all any more less than into out up across "
    "enough about after before over under while within without through there their what "
    "what's which who one"
)

EN = LangPack(
    code="en",
    hooks=EN_HOOKS,
    templates=_TEMPLATES,
    fillers=_FILLERS,
    tone_words=_TONE_WORDS,
    ordinals=(
        "First:",
        "Second:",
        "Third:",
        "Fourth:",
        "Fifth:",
        "Sixth:",
        "Seventh:",
        "Eighth:",
        "Ninth:",
        "Tenth:",
    ),
    counts=("Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"),
    stopwords=_STOPWORDS,
)
