"""OpenAI speech adapter against a local server speaking its /v1/audio/speech wire format."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from tests.providers.tts.conftest import OPENAI_KEY
from tests.providers.tts.fake_servers import Failure, FakeSpeech, line_shift

from ugc.pipeline import text
from ugc.providers.errors import NotConfigured, ProviderError
from ugc.providers.tts.openai_voice import OpenAIVoice

LINES = (
    "Honestly, I did not expect this serum to work so fast 😍",
    "My skin looks brighter after two weeks, and it feels soft.",
)
PRICE = 0.015
TOLERANCE_S = 0.080


def voice(fake: FakeSpeech, key: str = OPENAI_KEY, timeout_s: float = 10.0) -> OpenAIVoice:
    """Return an adapter pointed at the fake."""
    return OpenAIVoice(key, base_url=fake.base_url, price_per_1k_chars=PRICE, timeout_s=timeout_s)


def test_aligned_words_land_within_80_ms(openai_fake: FakeSpeech) -> None:
    track = voice(openai_fake).synthesize(LINES, "en", None)
    for index, spoken in enumerate(openai_fake.spoken):
        ours = [w for w in track.words if w.line == index and text.is_spoken(w.text)]
        truth = [w for w in spoken.words if text.is_spoken(w.text)]
        # Line 0 sits at the trim shift; later lines after a pause, so compare within them.
        offset = line_shift(spoken) if index == 0 else ours[0].start - truth[0].start
        errors = [abs(m.start - (t.start + offset)) for m, t in zip(ours, truth, strict=True)]
        assert max(errors) <= TOLERANCE_S, errors


def test_one_timing_per_token_and_phonemes(openai_fake: FakeSpeech) -> None:
    track = voice(openai_fake).synthesize(LINES, "en", None)
    expected = [(tok, i) for i, line in enumerate(LINES) for tok in text.tokenize(line)]
    assert [(w.text, w.line) for w in track.words] == expected
    for before, after in itertools.pairwise(track.words):
        assert before.start <= before.end <= after.start + 1e-6
    assert all(w.end - w.start > 0.03 for w in track.words if text.is_spoken(w.text))
    assert len([p for p in track.phonemes if p.phoneme != "_"]) > 40
    for sound, following in itertools.pairwise(track.phonemes):
        assert sound.start < sound.end <= following.start + 1e-6
    loud = np.flatnonzero(np.abs(track.samples) > 10 ** (-40 / 20))
    assert loud[0] / track.sample_rate <= 0.1


def test_request_shape_and_provenance(openai_fake: FakeSpeech) -> None:
    adapter = voice(openai_fake)
    track = adapter.synthesize(LINES, "en", "openai:nova")
    first = openai_fake.received[0]
    assert first.path == "/v1/audio/speech"
    assert first.headers["authorization"] == f"Bearer {OPENAI_KEY}"
    assert first.body["response_format"] == "pcm"
    assert first.body["voice"] == "nova"
    assert first.body["model"] == "gpt-4o-mini-tts"
    assert first.body["input"] == LINES[0].removesuffix(" 😍")
    chars = sum(len(r.body["input"]) for r in openai_fake.received)
    assert track.provenance is not None
    assert track.provenance.provider == "openai-tts"
    assert track.provenance.units == chars
    assert track.provenance.cost_usd == pytest.approx(chars / 1000 * PRICE)
    assert adapter.version == "openai-tts:gpt-4o-mini-tts:alloy"


@pytest.mark.parametrize(
    ("failure", "retryable", "retry_after", "status"),
    [
        (
            Failure(429, (("retry-after", "12"),), body='{"error": {"message": "slow"}}'),
            True,
            12,
            429,
        ),
        (Failure(429, (("retry-after-ms", "1500"),), body="{}"), True, 1.5, 429),
        (Failure(503, body='{"error": {"message": "overloaded"}}'), True, None, 503),
        (Failure(400, body='{"error": {"message": "bad voice"}}'), False, None, 400),
        (Failure(malformed=True), True, None, None),
        (Failure(delay_s=1.0), True, None, None),
    ],
    ids=["429", "429-ms", "503", "400", "malformed", "timeout"],
)
def test_failures_map_to_provider_errors(
    openai_fake: FakeSpeech,
    failure: Failure,
    retryable: bool,
    retry_after: float | None,
    status: int | None,
) -> None:
    openai_fake.failures.append(failure)
    with pytest.raises(ProviderError) as caught:
        voice(openai_fake, timeout_s=0.3).synthesize(LINES[:1], "en", None)
    error = caught.value
    assert (error.retryable, error.retry_after, error.status) == (retryable, retry_after, status)
    assert error.provider == "openai-tts"
    assert len(openai_fake.received) == 1  # max_retries=0: the router does the retrying
    assert OPENAI_KEY not in f"{error!s} {error!r} {error.__cause__!s}"


def test_a_wrong_key_is_final_and_scrubbed_even_when_echoed(openai_fake: FakeSpeech) -> None:
    wrong = "sk-wrong-key-echoed-back-by-the-server"
    with pytest.raises(ProviderError) as caught:
        voice(openai_fake, key=wrong).synthesize(LINES, "en", None)
    assert (caught.value.retryable, caught.value.status) == (False, 401)
    assert "Incorrect API key" in str(caught.value)
    assert wrong not in f"{caught.value!s} {caught.value!r}"


def test_requires_key_and_checks_languages() -> None:
    with pytest.raises(NotConfigured):
        OpenAIVoice("")
    adapter = OpenAIVoice("key", base_url="http://127.0.0.1:9/v1")
    assert adapter.supports("en-US")
    assert adapter.supports("de")
    assert not adapter.supports("xx")
