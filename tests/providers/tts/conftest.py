"""Fixtures: fake ElevenLabs and OpenAI servers on 127.0.0.1, one per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.providers.tts.fake_servers import FakeSpeech, start_elevenlabs, start_openai

ELEVENLABS_KEY = "xi-test-key-5f1c0ffee0d15ea5e"
OPENAI_KEY = "sk-test-key-0123456789abcdefSECRET"


@pytest.fixture
def elevenlabs_fake() -> Iterator[FakeSpeech]:
    """Serve the ElevenLabs with-timestamps endpoint for the length of a test."""
    state, running = start_elevenlabs(ELEVENLABS_KEY)
    yield state
    running.stop()


@pytest.fixture
def openai_fake() -> Iterator[FakeSpeech]:
    """Serve the OpenAI speech endpoint for the length of a test."""
    state, running = start_openai(OPENAI_KEY)
    yield state
    running.stop()
