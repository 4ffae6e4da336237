"""ElevenLabs adapter against a local server speaking its with-timestamps wire format."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from tests.providers.tts.conftest import ELEVENLABS_KEY
from tests.providers.tts.fake_servers import Failure, FakeSpeech, line_shift

from ugc.pipeline import text
from ugc.providers.errors import NotConfigured, ProviderError
from ugc.providers.tts.elevenlabs_voice import ElevenLabsVoice

LINES = ("Hello there, friend. Meet GlowPro 😍", "Red, green, blue, and gold.")
PRICE = 0.30


def voice(fake: FakeSpeech, key: str = ELEVENLABS_KEY, timeout_s: float = 10.0) -> ElevenLabsVoice:
    """Return an adapter pointed at the fake."""
    return ElevenLabsVoice(
        key, "voice-1", base_url=fake.base_url, price_per_1k_chars=PRICE, timeout_s=timeout_s
    )


def test_word_timings_are_the_character_timestamps(elevenlabs_fake: FakeSpeech) -> None:
    track = voice(elevenlabs_fake).synthesize(LINES, "en", None)
    for index, spoken in enumerate(elevenlabs_fake.spoken):
        ours = [w for w in track.words if w.line == index and text.is_spoken(w.text)]
        sent = [w for w in spoken.words if text.is_spoken(w.text)]
        assert [w.text for w in ours] == [w.text for w in sent]
        # Line 0 sits at the trim shift; later lines sit after a pause, so compare within them.
        offset = line_shift(spoken) if index == 0 else ours[0].start - sent[0].start
        for mine, theirs in zip(ours, sent, strict=True):
            assert mine.start == pytest.approx(theirs.start + offset, abs=1e-3)
            assert mine.end == pytest.approx(theirs.end + offset, abs=1e-3)


def test_one_timing_per_token_and_short_leading_silence(elevenlabs_fake: FakeSpeech) -> None:
    track = voice(elevenlabs_fake).synthesize(LINES, "en", None)
    expected = [(tok, i) for i, line in enumerate(LINES) for tok in text.tokenize(line)]
    assert [(w.text, w.line) for w in track.words] == expected
    emoji = next(w for w in track.words if w.text == "😍")
    assert emoji.start == emoji.end  # unspoken: zero length at the previous word's end
    for before, after in itertools.pairwise(track.words):
        assert before.start <= before.end <= after.start + 1e-6
    loud = np.flatnonzero(np.abs(track.samples) > 10 ** (-40 / 20))
    assert loud[0] / track.sample_rate <= 0.1  # the fake led with 0.3 s of silence
    assert track.words[-1].end <= track.duration + 1e-6
    assert track.sample_rate == 24_000


def test_phonemes_follow_the_words(elevenlabs_fake: FakeSpeech) -> None:
    track = voice(elevenlabs_fake).synthesize(LINES, "en", None)
    assert len([p for p in track.phonemes if p.phoneme != "_"]) > 20
    for sound, following in itertools.pairwise(track.phonemes):
        assert sound.start < sound.end <= following.start + 1e-6
    first = next(p for p in track.phonemes if p.phoneme != "_")
    assert first.start == pytest.approx(track.words[0].start, abs=1e-3)
    assert track.phonemes[-1].end <= track.duration + 1e-6


def test_requests_carry_key_format_and_cleaned_text(elevenlabs_fake: FakeSpeech) -> None:
    voice(elevenlabs_fake).synthesize(LINES, "en", "elevenlabs:other-voice")
    first, second = elevenlabs_fake.received
    assert first.path == "/v1/text-to-speech/other-voice/with-timestamps"
    assert first.headers["xi-api-key"] == ELEVENLABS_KEY
    assert first.query["output_format"] == ["pcm_24000"]
    assert first.body["text"] == "Hello there, friend. Meet GlowPro"  # emoji never sent
    assert first.body["model_id"] == "eleven_multilingual_v2"
    assert first.body["next_text"] == second.body["text"] == LINES[1]
    assert second.body["previous_text"] == first.body["text"]


def test_provenance_counts_characters_and_cost(elevenlabs_fake: FakeSpeech) -> None:
    adapter = voice(elevenlabs_fake)
    track = adapter.synthesize(LINES, "en", None)
    chars = sum(len(r.body["text"]) for r in elevenlabs_fake.received)
    assert track.provenance is not None
    assert track.provenance.provider == "elevenlabs"
    assert track.provenance.model == "eleven_multilingual_v2"
    assert track.provenance.units == chars
    assert track.provenance.cost_usd == pytest.approx(chars / 1000 * PRICE)
    assert (track.engine, track.engine_version) == ("elevenlabs", adapter.version)
    assert adapter.version == "elevenlabs:eleven_multilingual_v2:voice-1"


@pytest.mark.parametrize(
    ("failure", "retryable", "retry_after", "status"),
    [
        (
            Failure(429, (("retry-after", "7"),), body='{"detail": {"message": "slow"}}'),
            True,
            7,
            429,
        ),
        (Failure(500, body='{"detail": "boom"}'), True, None, 500),
        (Failure(400, body='{"detail": {"message": "bad voice"}}'), False, None, 400),
        (Failure(malformed=True), True, None, None),
        (Failure(delay_s=1.0), True, None, None),
    ],
    ids=["429", "500", "400", "malformed", "timeout"],
)
def test_failures_map_to_provider_errors(
    elevenlabs_fake: FakeSpeech,
    failure: Failure,
    retryable: bool,
    retry_after: float | None,
    status: int | None,
) -> None:
    elevenlabs_fake.failures.append(failure)
    with pytest.raises(ProviderError) as caught:
        voice(elevenlabs_fake, timeout_s=0.3).synthesize(LINES[:1], "en", None)
    error = caught.value
    assert (error.retryable, error.retry_after, error.status) == (retryable, retry_after, status)
    assert error.provider == "elevenlabs"
    assert len(elevenlabs_fake.received) == 1  # the SDK's own retries are off
    assert ELEVENLABS_KEY not in f"{error!s} {error!r} {error.__cause__!s}"


def test_a_wrong_key_is_final_and_never_shown(elevenlabs_fake: FakeSpeech) -> None:
    wrong = "xi-wrong-key-000000000000"
    with pytest.raises(ProviderError) as caught:
        voice(elevenlabs_fake, key=wrong).synthesize(LINES, "en", None)
    assert (caught.value.retryable, caught.value.status) == (False, 401)
    assert wrong not in str(caught.value)


def test_requires_key_and_voice() -> None:
    with pytest.raises(NotConfigured):
        ElevenLabsVoice("", "voice-1")
    with pytest.raises(NotConfigured):
        ElevenLabsVoice("key", "")


def test_supports_multilingual_v2_languages() -> None:
    adapter = ElevenLabsVoice("key", "voice-1", base_url="http://127.0.0.1:9")
    assert all(adapter.supports(code) for code in ("en", "en-US", "pt_BR", "zh", "fil", "ja"))
    assert not adapter.supports("th")
