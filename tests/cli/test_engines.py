"""The CLI builds the engine chain from settings and the brief's brand kit."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from pydantic import SecretStr

from ugc.cli.choices import check_options
from ugc.cli.engines import engines_for, offline_engines
from ugc.config import Settings
from ugc.errors import BriefError
from ugc.pipeline.types import BrandKit, Brief, FormatOptions, Product
from ugc.providers.errors import NotConfigured


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return offline_engines(Settings(cache_dir=tmp_path_factory.mktemp("cache")))


def _brief(**brand: object) -> Brief:
    product = Product("Glow", "A serum.", ("Brighter-looking skin",))
    return Brief(product, brand=BrandKit(**brand))  # type: ignore[arg-type]


def test_offline_by_default(base) -> None:  # type: ignore[no-untyped-def]
    engines = engines_for(Settings(cache_dir=Path("/tmp/unused")), base, _brief())
    assert engines.writer.name == "rule-copywriter"
    assert engines.voice.name == "piper"
    assert engines.avatar is None


def test_brand_order_overrides_settings_and_carries_banned_words(base) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(cache_dir=Path("/tmp/unused"))
    settings.llm.providers = ["openai"]
    settings.llm.openai_api_key = SecretStr("sk-test-openai")
    settings.llm.anthropic_api_key = SecretStr("sk-test-anthropic")
    brief = _brief(script_providers=("anthropic", "openai"), banned_words=("cheap",))
    writer = engines_for(settings, base, brief).writer
    assert writer.version.index("anthropic") < writer.version.index("openai")
    assert ":banned-" in writer.version  # the banned list is part of the step key


def test_listed_provider_without_a_key_is_a_clear_error(base) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(cache_dir=Path("/tmp/unused"))
    settings.llm.providers = ["anthropic"]
    with pytest.raises(NotConfigured, match="anthropic"):
        engines_for(settings, base, _brief())


def test_unknown_brand_provider_is_bad_input(base) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BriefError) as info:
        check_options(_brief(script_providers=("skynet",)), base)
    assert info.value.field == "brand.script_providers"


def test_unknown_creative_options_are_bad_input(base) -> None:  # type: ignore[no-untyped-def]
    brief = dataclasses.replace(_brief(), options=FormatOptions(music_mood="gloomy"))
    with pytest.raises(BriefError, match="music_mood"):
        check_options(brief, base)
    brief = dataclasses.replace(_brief(), options=FormatOptions(voice="espeak:nope-zz"))
    with pytest.raises(BriefError) as info:
        check_options(brief, base)
    assert info.value.field == "options.voice"
    cloud = dataclasses.replace(_brief(), options=FormatOptions(voice="elevenlabs:abc"))
    check_options(cloud, base, ("elevenlabs",))  # a configured provider's voice is accepted
