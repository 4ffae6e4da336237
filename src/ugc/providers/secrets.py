"""API keys: from the environment or per organisation (AES-256-GCM), and masking them in logs."""

from __future__ import annotations

import base64
import binascii
import logging
import os
import re
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MASK = "***"
_TOKEN_VERSION = "v1"
_NONCE_BYTES = 12
_MIN_SECRET = 6  # shorter values are too common in ordinary text to mask safely
# Shapes of credentials worth masking even when the value itself is unknown.
_KEY_SHAPES = (
    re.compile(r"\b(?:sk|pk|rk)-[A-Za-z0-9_-]{16,}"),
    re.compile(r"\b(?:whsec|ugc)_[A-Za-z0-9_+/=-]{12,}"),  # our webhook secrets and API keys
    re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"),  # JWTs
    re.compile(r"(?i)(\bbearer\s+)[A-Za-z0-9._~+/=-]{8,}"),
    re.compile(r"(?i)(\b(?:x-)?api[_-]?key\b['\"]?\s*[:=]\s*['\"]?)[^\s'\",&;]{6,}"),
)


class SecretError(ValueError):
    """A stored key could not be read back: wrong master key, wrong org, or tampered."""


class KeyProvider(Protocol):
    """Looks up an API key by name, optionally for one organisation."""

    def get(self, name: str, org_id: str | None = None) -> str | None:
        """Return the key, or None if there is none."""
        ...


class CiphertextBackend(Protocol):
    """Where per-organisation ciphertexts live (memory here; the DB repository later)."""

    def load(self, org_id: str, name: str) -> str | None:
        """Return the stored token, or None."""
        ...

    def save(self, org_id: str, name: str, token: str) -> None:
        """Store or replace a token."""
        ...

    def delete(self, org_id: str, name: str) -> None:
        """Remove a token if present."""
        ...


class MemoryBackend:
    """Ciphertexts in a dict; for tests and single-process use."""

    def __init__(self) -> None:
        """Start empty."""
        self._lock = threading.Lock()
        self._tokens: dict[tuple[str, str], str] = {}

    def load(self, org_id: str, name: str) -> str | None:
        """Return the stored token, or None."""
        with self._lock:
            return self._tokens.get((org_id, name))

    def save(self, org_id: str, name: str, token: str) -> None:
        """Store or replace a token."""
        with self._lock:
            self._tokens[(org_id, name)] = token

    def delete(self, org_id: str, name: str) -> None:
        """Remove a token if present."""
        with self._lock:
            self._tokens.pop((org_id, name), None)


class EnvKeyProvider:
    """Platform-wide keys from environment variables, e.g. UGC_KEY_OPENAI for 'openai'."""

    def __init__(self, environ: Mapping[str, str] | None = None, prefix: str = "UGC_KEY_") -> None:
        """Read from `environ` (os.environ by default) under `prefix`."""
        self._environ: Mapping[str, str] = os.environ if environ is None else environ
        self._prefix = prefix

    def get(self, name: str, org_id: str | None = None) -> str | None:  # noqa: ARG002
        """Return the key for `name` (upper-cased, '-' and '.' as '_'); org_id is ignored."""
        variable = self._prefix + re.sub(r"[-.\s]", "_", name).upper()
        value = self._environ.get(variable, "").strip()
        return value or None


class EncryptedKeyStore:
    """Per-organisation keys sealed with AES-256-GCM, bound to their org and name."""

    def __init__(self, master_key: str | bytes, backend: CiphertextBackend | None = None) -> None:
        """Use a 32-byte master key (raw bytes, or base64 text from settings)."""
        self._aead = AESGCM(_master_key(master_key))
        self.backend: CiphertextBackend = backend or MemoryBackend()

    @staticmethod
    def generate_master_key() -> str:
        """Return a fresh random master key as base64, for settings."""
        return base64.b64encode(AESGCM.generate_key(bit_length=256)).decode()

    def encrypt(self, org_id: str, name: str, secret: str) -> str:
        """Return 'v1:<b64 nonce>:<b64 ciphertext>' for this org and key name."""
        nonce = os.urandom(_NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, secret.encode(), _associated(org_id, name))
        return ":".join((_TOKEN_VERSION, _b64(nonce), _b64(sealed)))

    def decrypt(self, org_id: str, name: str, token: str) -> str:
        """Return the secret sealed in `token`; raise SecretError if it is not this org's key."""
        nonce, sealed = _parse(token, org_id, name)
        try:
            plain = self._aead.decrypt(nonce, sealed, _associated(org_id, name))
        except InvalidTag:
            raise SecretError(
                f"cannot decrypt key '{name}' for org '{org_id}': "
                "wrong master key, wrong organisation or tampered token"
            ) from None
        return plain.decode()

    def put(self, org_id: str, name: str, secret: str) -> None:
        """Encrypt and store an organisation's key."""
        self.backend.save(org_id, name, self.encrypt(org_id, name, secret))

    def get(self, name: str, org_id: str | None = None) -> str | None:
        """Return the organisation's key, or None if it has none (or no org is given)."""
        if org_id is None:
            return None
        token = self.backend.load(org_id, name)
        return None if token is None else self.decrypt(org_id, name, token)

    def delete(self, org_id: str, name: str) -> None:
        """Forget an organisation's key."""
        self.backend.delete(org_id, name)


class ChainKeyProvider:
    """Ask providers in order (org store first, then env); report each key handed out."""

    def __init__(
        self, providers: Sequence[KeyProvider], reveal: Callable[[str], None] | None = None
    ) -> None:
        """Ask `providers` in order; call `reveal` with each key returned (e.g. a SecretFilter)."""
        self._providers = tuple(providers)
        self._reveal = reveal

    def get(self, name: str, org_id: str | None = None) -> str | None:
        """Return the first key any provider has, or None."""
        for provider in self._providers:
            value = provider.get(name, org_id)
            if value:
                if self._reveal is not None:
                    self._reveal(value)
                return value
        return None


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """Return text with every known secret, and anything shaped like a key, masked."""
    for secret in sorted({s for s in secrets if len(s) >= _MIN_SECRET}, key=len, reverse=True):
        text = text.replace(secret, MASK)
    for shape in _KEY_SHAPES:
        text = shape.sub(lambda m: (m.group(1) if m.groups() else "") + MASK, text)
    return text


class SecretFilter(logging.Filter):
    """Mask known secret values (and key-shaped strings) in log records; attach to handlers."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        """Start with these secrets; add() more as keys are handed out."""
        super().__init__()
        self._lock = threading.Lock()
        self._secrets = {s for s in secrets if s}

    def add(self, secret: str) -> None:
        """Mask this value from now on."""
        if secret:
            with self._lock:
                self._secrets.add(secret)

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record's message, exception and stack text with secrets masked."""
        with self._lock:
            secrets = tuple(self._secrets)
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True  # a malformed record: leave it for the handler to report
        masked = redact(message, secrets)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text, secrets)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, secrets)
        return True


def _master_key(value: str | bytes) -> bytes:
    """Return the 32 raw bytes of a master key given raw or as base64 text."""
    if isinstance(value, str):
        try:
            value = base64.b64decode(value.strip(), validate=True)
        except (binascii.Error, ValueError):
            raise ValueError("master key must be base64 text") from None
    if len(value) != 32:
        raise ValueError(f"master key must be 32 bytes (AES-256), got {len(value)}")
    return value


def _associated(org_id: str, name: str) -> bytes:
    """Return the associated data binding a ciphertext to its org and key name."""
    if not org_id or not name or "\0" in org_id + name:
        raise ValueError("org id and key name must be non-empty and contain no NUL")
    return f"ugc-key:{_TOKEN_VERSION}\0{org_id}\0{name}".encode()


def _parse(token: str, org_id: str, name: str) -> tuple[bytes, bytes]:
    """Split a 'v1:<nonce>:<ct>' token; raise SecretError if it is malformed."""
    parts = token.split(":")
    try:
        if len(parts) != 3 or parts[0] != _TOKEN_VERSION:
            raise ValueError
        nonce = base64.b64decode(parts[1], validate=True)
        sealed = base64.b64decode(parts[2], validate=True)
    except (binascii.Error, ValueError):
        raise SecretError(f"malformed token for key '{name}' of org '{org_id}'") from None
    if len(nonce) != _NONCE_BYTES:
        raise SecretError(f"malformed token for key '{name}' of org '{org_id}'")
    return nonce, sealed


def _b64(data: bytes) -> str:
    """Return standard base64 text."""
    return base64.b64encode(data).decode()
