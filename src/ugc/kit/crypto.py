"""Token hashing, random secrets, HMAC signing and AES-256-GCM sealing of stored secrets."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets

from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def random_token(nbytes: int = 32) -> str:
    """Return a URL-safe random token."""
    return secrets.token_urlsafe(nbytes)


def token_hash(token: str) -> str:
    """Return the sha256 hex of a high-entropy token (safe to store and look up)."""
    return hashlib.sha256(token.encode()).hexdigest()


def sign(key: bytes, message: str) -> str:
    """Return a URL-safe HMAC-SHA256 of message."""
    mac = hmac.new(key, message.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).decode().rstrip("=")


def verify(key: bytes, message: str, signature: str) -> bool:
    """Check a signature made by `sign` in constant time."""
    return hmac.compare_digest(sign(key, message).encode(), signature.encode("utf-8", "replace"))


def derive(master: bytes, purpose: str) -> bytes:
    """Derive a 32-byte key for one purpose from the master secret."""
    return hmac.new(master, purpose.encode(), hashlib.sha256).digest()


def seal(key: bytes, plaintext: str, context: str) -> str:
    """Encrypt with AES-256-GCM, binding `context` as associated data."""
    nonce = os.urandom(12)
    ct = AESGCM(key).encrypt(nonce, plaintext.encode(), context.encode())
    return base64.b64encode(nonce + ct).decode()


def unseal(key: bytes, sealed: str, context: str) -> str:
    """Decrypt what `seal` produced; raises if tampered or the context differs."""
    raw = base64.b64decode(sealed)
    return AESGCM(key).decrypt(raw[:12], raw[12:], context.encode()).decode()


class Keys:
    """Per-purpose keys derived from the one master secret."""

    def __init__(self, master: bytes) -> None:
        self.jwt = derive(master, "jwt")
        self.urls = derive(master, "signed-urls")
        self.seal = derive(master, "seal")
        self.hashing = derive(master, "token-hash")
        self.provider = derive(master, "provider-keys")
