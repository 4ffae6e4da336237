"""Language selection, and the native pack that speaks only the brief's own words."""

from __future__ import annotations

from ugc.pipeline.types import SCRIPT_FORMATS
from ugc.providers.offline.copy_en import EN
from ugc.providers.offline.copy_lang_de import DE
from ugc.providers.offline.copy_lang_es import ES
from ugc.providers.offline.copy_lang_fr import FR
from ugc.providers.offline.copy_model import Hook, LangPack

_ALL = frozenset(SCRIPT_FORMATS)
_BARE = ("{Fact}{end}",)

# Languages without templates: every word comes from the brief, only punctuation is added.
NATIVE = LangPack(
    code="native",
    hooks=(
        Hook("hook.native-pain", "{Pain}{end}", _ALL, ("pain",)),
        Hook("hook.native-intro", "{name}. {Description}{end}", _ALL, ("description",)),
        Hook("hook.native-name", "{name}{end}", _ALL, fallback=True),
    ),
    templates={
        "benefit": _BARE,
        "pain": _BARE,
        "description": _BARE,
        "offer": _BARE,
        "price": _BARE,
        "audience": _BARE,
        "item": _BARE,
        "intro": ("{name}. {Fact}{end}", "{Fact}{end}"),
        "recap": ("{name}: {Fact}{end}",),
        "cta": ("{Cta}{end}", "{name}. {Cta}{end}"),
        "cta.fallback": ("{name}{end}",),
    },
    lower_first=False,
    strict_case=False,
)

_PACKS = {pack.code: pack for pack in (EN, ES, DE, FR)}


def pack_for(language: str) -> LangPack:
    """Return the phrasing pack for a language tag such as 'es' or 'es-MX'."""
    code = language.replace("_", "-").split("-")[0].strip().lower()
    return _PACKS.get(code, NATIVE)
