"""Sign and verify webhook messages per the Standard Webhooks spec (stdlib only).

The secret is `whsec_<base64 of random bytes>`; the HMAC key is those bytes (the
base64-decoded part after the prefix). A message is signed as
`v1,<base64 HMAC-SHA256(key, "{webhook-id}.{webhook-timestamp}.{body}")>`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import time
from collections.abc import Mapping

PREFIX = "whsec_"
SECRET_BYTES = 32


class WebhookVerificationError(ValueError):
    """The message's signature is missing, wrong, or outside the time tolerance."""


def new_secret(nbytes: int = SECRET_BYTES) -> str:
    """Return a fresh `whsec_...` signing secret."""
    return PREFIX + base64.b64encode(secrets.token_bytes(nbytes)).decode()


def secret_key(secret: str) -> bytes:
    """Return the HMAC key of a secret: the base64-decoded part after `whsec_`."""
    try:
        return base64.b64decode(secret.removeprefix(PREFIX), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise WebhookVerificationError("the secret is not whsec_<base64>") from exc


def _mac(key: bytes, msg_id: str, timestamp: str, body: bytes) -> str:
    """Return the base64 HMAC-SHA256 of `id.timestamp.body`."""
    content = f"{msg_id}.{timestamp}.".encode() + body
    return base64.b64encode(hmac.new(key, content, hashlib.sha256).digest()).decode()


def sign(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    """Return the `webhook-signature` header value for one message."""
    return "v1," + _mac(secret_key(secret), msg_id, str(timestamp), body)


def signed_headers(secret: str, msg_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    """Return the three Standard Webhooks headers for one message."""
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign(secret, msg_id, timestamp, body),
    }


def _stamp(value: str, tolerance_s: float, now: float | None) -> None:
    """Raise unless the timestamp header is an integer within the tolerance of now."""
    try:
        sent = int(value)
    except ValueError as exc:
        raise WebhookVerificationError("webhook-timestamp is not an integer") from exc
    current = time.time() if now is None else now
    if abs(current - sent) > tolerance_s:
        raise WebhookVerificationError("webhook-timestamp is outside the tolerance")


def verify_signature(
    secret: str,
    headers: Mapping[str, str],
    body: bytes | str,
    tolerance_s: float = 300,
    now: float | None = None,
) -> None:
    """Raise WebhookVerificationError unless the headers sign body recently enough."""
    lower = {k.lower(): v for k, v in headers.items()}
    msg_id = lower.get("webhook-id", "")
    timestamp = lower.get("webhook-timestamp", "")
    signatures = lower.get("webhook-signature", "")
    if not (msg_id and timestamp and signatures):
        raise WebhookVerificationError("missing webhook-id, webhook-timestamp or signature")
    _stamp(timestamp, tolerance_s, now)
    raw = body.encode() if isinstance(body, str) else body
    expected = _mac(secret_key(secret), msg_id, timestamp, raw).encode()
    for candidate in signatures.split():
        version, _, value = candidate.partition(",")
        if version == "v1" and hmac.compare_digest(value.encode(), expected):
            return
    raise WebhookVerificationError("no signature matches")
