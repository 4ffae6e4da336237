"""French phrasing: a smaller hook set plus connectors and CTA framing."""

from __future__ import annotations

from ugc.providers.offline.copy_hooks import hook
from ugc.providers.offline.copy_model import LangPack, word_set

_P = ("pain",)

FR = LangPack(
    code="fr",
    hooks=(
        hook("hook.talk-about", "Bon, il faut que je te parle de {name}{end}", "T R U L"),
        hook("hook.question-pain", "{Pain}? Je connais trop bien{end}", "S T P", _P),
        hook(
            "hook.stop-scrolling", "Arrête de scroller si ça te parle: {pain}{end}", "S L P R", _P
        ),
        hook("hook.pov-found", "POV: tu as enfin trouvé {name}{end}", "P T U"),
        hook("hook.skeptical", "J'étais tellement sceptique avec {name}{end}", "T R U S"),
        hook("hook.wish-knew", "J'aurais aimé connaître {name} plus tôt{end}", "T L P S"),
        hook("hook.honest-review", "Mon avis honnête sur {name}{end}", "R U"),
        hook("hook.unbox-together", "C'est arrivé{end} On ouvre {name} ensemble{end}", "U"),
        hook("hook.first-impressions", "Premières impressions sur {name}, sans filtre{end}", "U R"),
        hook(
            "hook.nobody-told", "Personne ne m'a parlé de {name}, alors je t'en parle{end}", "T P L"
        ),
        hook("hook.tried-everything", "J'ai tout essayé avant de trouver {name}{end}", "S T"),
        hook("hook.not-gatekeeping", "Je ne garde plus {name} pour moi{end}", "L P U T"),
        hook(
            "hook.reasons-count",
            "{Count} raisons pour lesquelles j'ai adopté {name}{end}",
            "L",
            ("count",),
            one="Une raison d'adopter {name}{end}",
        ),
        hook(
            "hook.unpopular-opinion", "Avis impopulaire: {name} mérite sa réputation{end}", "R T L"
        ),
        hook("hook.benefit-lead", "{Benefit}. Oui, vraiment{end}", "S R L T", ("benefit",)),
        hook("hook.pov-friend", "POV: tout le monde te parle de {name}{end}", "P R T"),
        hook("hook.dont-buy-yet", "N'achète pas {name} avant d'avoir vu ça{end}", "R U"),
        hook(
            "hook.stop-scrolling-audience",
            "Ça, c'est pour {audience}{end}",
            "T S L P",
            ("audience",),
        ),
    ),
    templates={
        "benefit": (
            "Ce qui m'a fait craquer: {fact}{end}",
            "Le meilleur: {fact}{end}",
            "{Adv}, {fact}{end}",
            "Et en plus: {fact}{end}",
            "Sans exagérer: {fact}{end}",
            "Mon point préféré: {fact}{end}",
        ),
        "pain": (
            "J'en avais marre de ça: {fact}{end}",
            "Ça te parle? {Fact}{end}",
            "Soyons honnêtes: {fact}{end}",
            "Mon plus gros problème: {fact}{end}",
        ),
        "description": ("En bref: {fact}{end}", "C'est quoi? {Fact}{end}"),
        "intro": ("Je te présente {name}: {fact}{end}", "Voici {name}: {fact}{end}"),
        "intro.problem-solution": ("Et puis j'ai trouvé {name}: {fact}{end}",),
        "intro.pov": ("Et là, tu trouves {name}: {fact}{end}",),
        "offer": ("Et en ce moment: {fact}{end}", "Petite info: {fact}{end}"),
        "price": ("Le prix: {fact}{end}", "Et tout ça pour {fact}{end}"),
        "audience": ("Pensé pour {fact}{end}", "C'est pour qui? {Fact}{end}"),
        "item": ("{ordinal} {fact}{end}",),
        "recap": ("Je le redis: {fact}{end}", "Sérieusement: {fact}{end}"),
        "cta": (
            "{Cta}{end}",
            "Qu'est-ce que tu attends? {Cta}{end}",
            "Fais-moi confiance: {cta}{end}",
            "Tu sais ce qu'il te reste à faire: {cta}{end}",
            "N'hésite plus: {cta}{end}",
        ),
        "cta.fallback": ("Va voir {name}{end}",),
        "frame.unboxing": ("Allez, on l'ouvre{end}", "Premier coup d'œil, c'est parti{end}"),
        "frame.review": ("Allons droit au but{end}", "Voici mon avis honnête{end}"),
        "frame.pov": ("Et là, plus de retour en arrière{end}",),
        "frame.problem-solution": ("Ça me rendait dingue{end}",),
        "verdict": ("Pour moi, c'est oui{end}", "Verdict: je le garde{end}"),
    },
    fillers={
        "any": (
            "Franchement, bonne surprise{end}",
            "Crois-moi{end}",
            "Tu verras ce que je veux dire{end}",
            "Enregistre ça pour plus tard{end}",
            "Envoie ça à quelqu'un qui en a besoin{end}",
            "Ne passe pas à côté{end}",
            "Je le garde, celui-là{end}",
            "Il fallait que je le partage{end}",
            "C'est ton signe{end}",
            "Fais-moi confiance{end}",
            "Sans blague{end}",
            "Pourquoi personne ne me l'a dit plus tôt?",
            "{Adv}, j'adore{end}",
        ),
    },
    tone_words={
        "friendly": {"adv": "honnêtement"},
        "energetic": {"adv": "littéralement"},
        "calm": {"adv": "sincèrement"},
        "professional": {"adv": "objectivement"},
        "playful": {"adv": "sérieux"},
    },
    counts=("Zéro", "Une", "Deux", "Trois", "Quatre", "Cinq", "Six", "Sept", "Huit", "Neuf", "Dix"),
    ordinals=(
        "Premièrement:",
        "Deuxièmement:",
        "Troisièmement:",
        "Quatrièmement:",
        "Cinquièmement:",
        "Sixièmement:",
        "Septièmement:",
        "Huitièmement:",
        "Neuvièmement:",
        "Dixièmement:",
    ),
    stopwords=word_set(
        "le la les un une et ou de des du en avec pour ton ta tes mon ma mes est pas sur au "
        "aux que qui"
    ),
)
