"""API keys: env lookup, per-organisation AES-256-GCM store, chain order, and masking."""

from __future__ import annotations

import base64
import logging

import pytest

from ugc.providers.secrets import (
    ChainKeyProvider,
    EncryptedKeyStore,
    EnvKeyProvider,
    KeyProvider,
    MemoryBackend,
    SecretError,
    SecretFilter,
    redact,
)

MASTER = base64.b64encode(bytes(range(32))).decode()
SECRET = "sk-live-0123456789abcdefghij"


@pytest.fixture
def store() -> EncryptedKeyStore:
    """A store with a fixed master key and an in-memory backend."""
    return EncryptedKeyStore(MASTER, MemoryBackend())


def flip(token: str, part: int) -> str:
    """Return the token with one bit of one base64 part flipped."""
    pieces = token.split(":")
    raw = bytearray(base64.b64decode(pieces[part]))
    raw[0] ^= 0x01
    pieces[part] = base64.b64encode(bytes(raw)).decode()
    return ":".join(pieces)


def test_roundtrip_and_token_format(store: EncryptedKeyStore) -> None:
    token = store.encrypt("org-1", "openai", SECRET)
    version, nonce, sealed = token.split(":")
    assert version == "v1"
    assert len(base64.b64decode(nonce)) == 12
    assert len(base64.b64decode(sealed)) == len(SECRET) + 16  # GCM tag
    assert SECRET not in token
    assert store.decrypt("org-1", "openai", token) == SECRET


@pytest.mark.parametrize(
    ("org", "name"), [("org-2", "openai"), ("org-1", "anthropic")], ids=["org", "name"]
)
def test_ciphertext_moved_elsewhere_fails(store: EncryptedKeyStore, org: str, name: str) -> None:
    token = store.encrypt("org-1", "openai", SECRET)
    with pytest.raises(SecretError, match="wrong organisation or tampered") as caught:
        store.decrypt(org, name, token)
    assert SECRET not in str(caught.value)


@pytest.mark.parametrize("part", [1, 2], ids=["nonce", "ciphertext"])
def test_tampering_fails(store: EncryptedKeyStore, part: int) -> None:
    token = store.encrypt("org-1", "openai", SECRET)
    with pytest.raises(SecretError) as caught:
        store.decrypt("org-1", "openai", flip(token, part))
    assert SECRET not in str(caught.value)


@pytest.mark.parametrize("token", ["v2:AAAA:AAAA", "v1:AAAA", "v1:!!:AAAA", "v1:AAAA:AAAA", ""])
def test_malformed_tokens_fail_clearly(store: EncryptedKeyStore, token: str) -> None:
    with pytest.raises(SecretError, match="malformed token for key 'openai' of org 'org-1'"):
        store.decrypt("org-1", "openai", token)


def test_another_master_key_cannot_read(store: EncryptedKeyStore) -> None:
    token = store.encrypt("org-1", "openai", SECRET)
    other = EncryptedKeyStore(EncryptedKeyStore.generate_master_key())
    with pytest.raises(SecretError, match="wrong master key"):
        other.decrypt("org-1", "openai", token)


def test_every_encryption_uses_a_fresh_nonce(store: EncryptedKeyStore) -> None:
    tokens = [store.encrypt("org-1", "openai", SECRET) for _ in range(200)]
    assert len({t.split(":")[1] for t in tokens}) == 200


@pytest.mark.parametrize(
    "key", ["not base64!", base64.b64encode(b"short").decode(), b"x" * 31], ids=str
)
def test_master_key_must_be_32_bytes(key: str | bytes) -> None:
    with pytest.raises(ValueError, match="master key must be") as caught:
        EncryptedKeyStore(key)
    assert str(key) not in str(caught.value)


def test_store_keeps_ciphertext_only() -> None:
    backend = MemoryBackend()
    keys = EncryptedKeyStore(MASTER, backend)
    keys.put("org-1", "openai", SECRET)
    token = backend.load("org-1", "openai")
    assert token is not None
    assert token.startswith("v1:")
    assert SECRET not in token
    assert keys.get("openai", "org-1") == SECRET
    assert keys.get("openai", "org-2") is None
    assert keys.get("openai") is None
    keys.delete("org-1", "openai")
    assert keys.get("openai", "org-1") is None


def test_env_provider_reads_prefixed_upper_case_names() -> None:
    env = EnvKeyProvider({"UGC_KEY_OPENAI": "sk-env", "UGC_KEY_OPENAI_TTS": " ", "OPENAI": "no"})
    assert env.get("openai") == "sk-env"
    assert env.get("openai", "org-1") == "sk-env"  # platform keys serve every org
    assert env.get("openai-tts") is None  # blank counts as unset
    assert env.get("anthropic") is None
    assert EnvKeyProvider({"X_ELEVENLABS": "k"}, prefix="X_").get("elevenlabs") == "k"


def test_chain_asks_the_org_store_before_the_env(store: EncryptedKeyStore) -> None:
    store.put("org-1", "openai", "sk-org-one")
    revealed: list[str] = []
    env = EnvKeyProvider({"UGC_KEY_OPENAI": "sk-platform", "UGC_KEY_ANTHROPIC": "sk-ant"})
    chain: KeyProvider = ChainKeyProvider([store, env], reveal=revealed.append)
    assert chain.get("openai", "org-1") == "sk-org-one"
    assert chain.get("openai", "org-2") == "sk-platform"
    assert chain.get("openai") == "sk-platform"
    assert chain.get("anthropic", "org-1") == "sk-ant"
    assert chain.get("elevenlabs", "org-1") is None
    assert revealed == ["sk-org-one", "sk-platform", "sk-platform", "sk-ant"]


def test_redact_masks_known_values_and_key_shapes() -> None:
    text = f"failed with {SECRET} and Bearer abc.def-ghi_jkl and api_key=zzzzzz; x-api-key: qqqqqq"
    masked = redact(text, [SECRET, "abc"])
    assert masked == "failed with *** and Bearer *** and api_key=***; x-api-key: ***"
    assert redact("hunter2 is a hunter", ["hunter2"]) == "*** is a hunter"
    assert redact("a short key abc", ["abc"]) == "a short key abc"  # too short to mask safely
    assert redact("my-own-secret-value", ["my-own-secret-value"]) == "***"


def test_log_filter_masks_messages_args_and_tracebacks(caplog: pytest.LogCaptureFixture) -> None:
    secrets = SecretFilter(["org-key-123456"])
    secrets.add("late-added-key-42")
    caplog.handler.addFilter(secrets)
    log = logging.getLogger("ugc.test.secrets")
    with caplog.at_level(logging.INFO, logger="ugc.test.secrets"):
        log.info("calling with %s and %s", "org-key-123456", "late-added-key-42")
        try:
            raise RuntimeError("boom org-key-123456")
        except RuntimeError:
            log.exception("failed")
    caplog.handler.removeFilter(secrets)
    assert "org-key-123456" not in caplog.text
    assert "late-added-key-42" not in caplog.text
    assert "calling with *** and ***" in caplog.text
    assert "RuntimeError: boom ***" in caplog.text


def test_log_filter_leaves_malformed_records_to_the_handler() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "%s and %s", ("one",), None)
    assert SecretFilter(["secret-value"]).filter(record)
