"""German phrasing: a smaller hook set plus connectors and CTA framing."""

from __future__ import annotations

from ugc.providers.offline.copy_hooks import hook
from ugc.providers.offline.copy_model import LangPack, word_set

_P = ("pain",)

DE = LangPack(
    code="de",
    hooks=(
        hook("hook.talk-about", "Okay, ich muss euch von {name} erzählen{end}", "T R U L"),
        hook("hook.question-pain", "{Pain}? Kenne ich nur zu gut{end}", "S T P", _P),
        hook(
            "hook.stop-scrolling",
            "Nicht weiterscrollen, wenn du das kennst: {pain}{end}",
            "S L P R",
            _P,
        ),
        hook("hook.pov-found", "POV: Du hast endlich {name} gefunden{end}", "P T U"),
        hook("hook.skeptical", "Ich war so skeptisch bei {name}{end}", "T R U S"),
        hook("hook.wish-knew", "Hätte ich {name} nur früher gekannt{end}", "T L P S"),
        hook("hook.honest-review", "Meine ehrliche Meinung zu {name}{end}", "R U"),
        hook("hook.unbox-together", "Es ist da{end} Lass uns {name} zusammen auspacken{end}", "U"),
        hook("hook.first-impressions", "Erster Eindruck von {name}, ungefiltert{end}", "U R"),
        hook(
            "hook.nobody-told",
            "Niemand hat mir von {name} erzählt, also erzähle ich es dir{end}",
            "T P L",
        ),
        hook(
            "hook.tried-everything",
            "Ich habe alles probiert, bis ich {name} gefunden habe{end}",
            "S T",
        ),
        hook("hook.not-gatekeeping", "Ich behalte {name} nicht mehr für mich{end}", "L P U T"),
        hook(
            "hook.reasons-count",
            "{Count} Gründe, warum ich zu {name} gewechselt bin{end}",
            "L",
            ("count",),
            one="Ein Grund, warum ich zu {name} gewechselt bin{end}",
        ),
        hook(
            "hook.unpopular-opinion", "Unpopuläre Meinung: {name} verdient den Hype{end}", "R T L"
        ),
        hook("hook.benefit-lead", "{Benefit}. Ja, wirklich{end}", "S R L T", ("benefit",)),
        hook("hook.pov-friend", "POV: Du hörst überall von {name}{end}", "P R T"),
        hook("hook.dont-buy-yet", "Kauf {name} nicht, bevor du das gesehen hast{end}", "R U"),
        hook(
            "hook.stop-scrolling-audience",
            "Das hier ist für {audience}{end}",
            "T S L P",
            ("audience",),
        ),
    ),
    templates={
        "benefit": (
            "Was mich überzeugt hat: {fact}{end}",
            "Das Beste: {fact}{end}",
            "{Adv}: {fact}{end}",
            "Und außerdem: {fact}{end}",
            "Ohne Übertreibung: {fact}{end}",
            "Mein Lieblingspunkt: {fact}{end}",
        ),
        "pain": (
            "Ich hatte so genug davon: {fact}{end}",
            "Kommt dir das bekannt vor? {Fact}{end}",
            "Mal ehrlich: {fact}{end}",
            "Mein größtes Problem: {fact}{end}",
        ),
        "description": ("Kurz gesagt: {fact}{end}", "Was ist das? {Fact}{end}"),
        "intro": ("Das ist {name}: {fact}{end}", "Darf ich vorstellen, {name}: {fact}{end}"),
        "intro.problem-solution": ("Dann habe ich {name} gefunden: {fact}{end}",),
        "intro.pov": ("Und dann findest du {name}: {fact}{end}",),
        "offer": ("Und gerade jetzt: {fact}{end}", "Achtung, Angebot: {fact}{end}"),
        "price": ("Preis: {fact}{end}", "Und das für {fact}{end}"),
        "audience": ("Gemacht für {fact}{end}", "Für wen? {Fact}{end}"),
        "item": ("{ordinal} {fact}{end}",),
        "recap": ("Nochmal, weil es wichtig ist: {fact}{end}", "Im Ernst: {fact}{end}"),
        "cta": (
            "{Cta}{end}",
            "Worauf wartest du? {Cta}{end}",
            "Vertrau mir: {cta}{end}",
            "Du weißt, was zu tun ist: {cta}{end}",
            "Nicht lange überlegen: {cta}{end}",
        ),
        "cta.fallback": ("Schau dir {name} an{end}",),
        "frame.unboxing": ("Dann machen wir es mal auf{end}", "Erster Blick, los geht's{end}"),
        "frame.review": ("Dann legen wir los{end}", "Hier meine ehrliche Meinung{end}"),
        "frame.pov": ("Und ab da gibt es kein Zurück{end}",),
        "frame.problem-solution": ("Es hat mich wahnsinnig gemacht{end}",),
        "verdict": ("Von mir ein klares Ja{end}", "Fazit: Das bleibt{end}"),
    },
    fillers={
        "any": (
            "Ich bin positiv überrascht{end}",
            "Glaub mir{end}",
            "Du wirst sehen, was ich meine{end}",
            "Speicher dir das{end}",
            "Schick das jemandem, der es braucht{end}",
            "Nicht verschlafen{end}",
            "Das bleibt bei mir{end}",
            "Das musste ich einfach teilen{end}",
            "Das ist dein Zeichen{end}",
            "Vertrau mir da{end}",
            "Kein Witz{end}",
            "Warum hat mir das keiner früher gesagt?",
            "{Adv}: Ich bin begeistert{end}",
        ),
    },
    tone_words={
        "friendly": {"adv": "ehrlich gesagt"},
        "energetic": {"adv": "wirklich"},
        "calm": {"adv": "ganz in Ruhe"},
        "professional": {"adv": "offen gesagt"},
        "playful": {"adv": "ganz ehrlich"},
    },
    counts=(
        "Null",
        "Ein",
        "Zwei",
        "Drei",
        "Vier",
        "Fünf",
        "Sechs",
        "Sieben",
        "Acht",
        "Neun",
        "Zehn",
    ),
    ordinals=(
        "Erstens:",
        "Zweitens:",
        "Drittens:",
        "Viertens:",
        "Fünftens:",
        "Sechstens:",
        "Siebtens:",
        "Achtens:",
        "Neuntens:",
        "Zehntens:",
    ),
    stopwords=word_set(
        "der die das und oder ein eine mit für in im zu von dein deine mein meine ist nicht "
        "auf den dem des"
    ),
    # German capitalises nouns, so a field's first letter is never lowered.
    lower_first=False,
)
