"""Spanish phrasing: a smaller hook set plus connectors and CTA framing."""

from __future__ import annotations

from ugc.providers.offline.copy_hooks import hook
from ugc.providers.offline.copy_model import LangPack, word_set

_P = ("pain",)

ES = LangPack(
    code="es",
    hooks=(
        hook("hook.talk-about", "Vale, tengo que hablarte de {name}{end}", "T R U L"),
        hook("hook.question-pain", "¿{Pain}? Yo también he pasado por eso{end}", "S T P", _P),
        hook(
            "hook.stop-scrolling", "No sigas bajando si esto te suena: {pain}{end}", "S L P R", _P
        ),
        hook("hook.pov-found", "POV: por fin encontraste {name}{end}", "P T U"),
        hook("hook.skeptical", "{Adv}, no me fiaba nada de {name}{end}", "T R U S"),
        hook("hook.wish-knew", "Ojalá hubiera conocido {name} antes{end}", "T L P S"),
        hook("hook.honest-review", "Mi opinión sincera sobre {name}{end}", "R U"),
        hook("hook.unbox-together", "Ya llegó{end} Abramos {name} juntos{end}", "U"),
        hook("hook.first-impressions", "Primeras impresiones de {name}, sin filtros{end}", "U R"),
        hook("hook.nobody-told", "Nadie me habló de {name}, así que te lo cuento{end}", "T P L"),
        hook("hook.tried-everything", "Lo probé todo hasta que encontré {name}{end}", "S T"),
        hook("hook.not-gatekeeping", "Ya no me guardo el secreto: {name}{end}", "L P U T"),
        hook(
            "hook.reasons-count",
            "{Count} razones por las que me pasé a {name}{end}",
            "L",
            ("count",),
            one="Una razón para pasarme a {name}{end}",
        ),
        hook("hook.unpopular-opinion", "Opinión impopular: {name} merece la fama{end}", "R T L"),
        hook("hook.benefit-lead", "{Benefit}. Sí, de verdad{end}", "S R L T", ("benefit",)),
        hook("hook.pov-friend", "POV: no paras de oír hablar de {name}{end}", "P R T"),
        hook("hook.dont-buy-yet", "No compres {name} sin ver esto{end}", "R U"),
        hook(
            "hook.stop-scrolling-audience", "Esto es para {audience}{end}", "T S L P", ("audience",)
        ),
    ),
    templates={
        "benefit": (
            "Lo que me convenció: {fact}{end}",
            "Lo mejor: {fact}{end}",
            "{Adv}, {fact}{end}",
            "Y además: {fact}{end}",
            "No exagero: {fact}{end}",
            "Mi parte favorita: {fact}{end}",
        ),
        "pain": (
            "Ya no podía más con esto: {fact}{end}",
            "¿Te suena? {Fact}{end}",
            "Seamos sinceros: {fact}{end}",
            "Mi mayor problema: {fact}{end}",
        ),
        "description": ("En resumen: {fact}{end}", "¿Qué es? {Fact}{end}"),
        "intro": ("Te presento {name}: {fact}{end}", "Esto es {name}: {fact}{end}"),
        "intro.problem-solution": (
            "Entonces encontré {name}: {fact}{end}",
            "Y llegó {name}: {fact}{end}",
        ),
        "intro.pov": ("Y entonces encuentras {name}: {fact}{end}",),
        "offer": ("Y ahora mismo: {fact}{end}", "Ojo a la oferta: {fact}{end}"),
        "price": ("Y cuesta {fact}{end}", "Precio: {fact}{end}"),
        "audience": ("Pensado para {fact}{end}", "Es para {fact}{end}"),
        # A fixed full stop: an opening '¡' would hide the ordinal from renumbering.
        "item": ("{ordinal} {fact}.",),
        "recap": ("Lo repito: {fact}{end}", "En serio: {fact}{end}"),
        "cta": (
            "{Cta}{end}",
            "¿A qué esperas? {Cta}{end}",
            "Hazme caso: {cta}{end}",
            "Si eres tú, {cta}{end}",
            "Ya sabes qué hacer: {cta}{end}",
            "No lo pienses más: {cta}{end}",
        ),
        "cta.fallback": ("Echa un vistazo a {name}{end}",),
        "frame.unboxing": ("Vamos a abrirlo{end}", "Primer vistazo, vamos allá{end}"),
        "frame.review": ("Vamos al grano{end}", "Esta es mi opinión sincera{end}"),
        "frame.pov": ("Y ya no hay vuelta atrás{end}",),
        "frame.problem-solution": ("No podía más{end}",),
        "verdict": ("Para mí, es un sí{end}", "Veredicto: me lo quedo{end}"),
    },
    fillers={
        "any": (
            "Me ha sorprendido{end}",
            "Confía en mí{end}",
            "Ya me entenderás{end}",
            "Guárdalo para luego{end}",
            "Mándaselo a quien lo necesite{end}",
            "No lo dejes pasar{end}",
            "Esto se queda conmigo{end}",
            "Tenía que contártelo{end}",
            "Esta es tu señal{end}",
            "Hazme caso en esto{end}",
            "No es broma{end}",
            "¿Por qué nadie me lo dijo antes?",
            "{Adv}, me encanta{end}",
        ),
    },
    tone_words={
        "friendly": {"adv": "sinceramente"},
        "energetic": {"adv": "literalmente"},
        "calm": {"adv": "de verdad"},
        "professional": {"adv": "francamente"},
        "playful": {"adv": "en serio"},
    },
    counts=(
        "Cero",
        "Una",
        "Dos",
        "Tres",
        "Cuatro",
        "Cinco",
        "Seis",
        "Siete",
        "Ocho",
        "Nueve",
        "Diez",
    ),
    ordinals=(
        "Primero:",
        "Segundo:",
        "Tercero:",
        "Cuarto:",
        "Quinto:",
        "Sexto:",
        "Séptimo:",
        "Octavo:",
        "Noveno:",
        "Décimo:",
    ),
    stopwords=word_set(
        "el la los las un una y o de del en con para por tu tus mi mis que es se lo al su "
        "sus más muy"
    ),
)
