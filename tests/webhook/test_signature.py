"""Signing and verification against vectors computed by hand and the spec's own vector."""

from __future__ import annotations

import base64
import hashlib
import hmac

import pytest

from ugc.webhook.signature import (
    WebhookVerificationError,
    new_secret,
    sign,
    signed_headers,
    verify_signature,
)

KEY = bytes(range(32))
SECRET = "whsec_" + base64.b64encode(KEY).decode()
MSG_ID = "evt_2k4m6p8r0t2v4x6z8b0d"
STAMP = 1_700_000_000
BODY = b'{"data":{"id":"vid_1"},"timestamp":"2023-11-14T22:13:20Z","type":"video.succeeded"}'


def by_hand(key: bytes, msg_id: str, stamp: int, body: bytes) -> str:
    """Compute the expected header value independently of the code under test."""
    mac = hmac.new(key, f"{msg_id}.{stamp}.".encode() + body, hashlib.sha256).digest()
    return "v1," + base64.b64encode(mac).decode()


def test_sign_matches_a_vector_computed_by_hand() -> None:
    assert sign(SECRET, MSG_ID, STAMP, BODY) == by_hand(KEY, MSG_ID, STAMP, BODY)


def test_key_is_the_decoded_secret_not_its_text() -> None:
    wrong = by_hand(SECRET.encode(), MSG_ID, STAMP, BODY)
    assert sign(SECRET, MSG_ID, STAMP, BODY) != wrong


def test_standard_webhooks_published_vector() -> None:
    headers = {
        "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
        "webhook-timestamp": "1614265330",
        "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    }
    body = b'{"test": 2432232314}'
    verify_signature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", headers, body, now=1614265330)


def test_verify_accepts_a_good_signature_among_several() -> None:
    good = by_hand(KEY, MSG_ID, STAMP, BODY)
    headers = {
        "Webhook-Id": MSG_ID,
        "Webhook-Timestamp": str(STAMP),
        "Webhook-Signature": f"v1,{base64.b64encode(b'x' * 32).decode()} {good}",
    }
    verify_signature(SECRET, headers, BODY, now=STAMP + 10)
    verify_signature(SECRET, headers, BODY.decode(), now=STAMP - 10)


@pytest.mark.parametrize(
    ("change", "body", "secret", "now"),
    [
        ({}, BODY + b" ", SECRET, STAMP),
        ({}, BODY, new_secret(), STAMP),
        ({"webhook-id": "evt_other"}, BODY, SECRET, STAMP),
        ({"webhook-timestamp": str(STAMP + 1)}, BODY, SECRET, STAMP),
        ({"webhook-signature": "v2," + by_hand(KEY, MSG_ID, STAMP, BODY)[3:]}, BODY, SECRET, STAMP),
        ({}, BODY, SECRET, STAMP + 301),
        ({}, BODY, SECRET, STAMP - 301),
        ({"webhook-timestamp": "soon"}, BODY, SECRET, STAMP),
        ({"webhook-signature": ""}, BODY, SECRET, STAMP),
    ],
)
def test_verify_rejects_tampering_and_old_or_future_messages(
    change: dict[str, str], body: bytes, secret: str, now: int
) -> None:
    headers = signed_headers(SECRET, MSG_ID, STAMP, BODY) | change
    with pytest.raises(WebhookVerificationError):
        verify_signature(secret, headers, body, now=now)


def test_tolerance_is_configurable() -> None:
    headers = signed_headers(SECRET, MSG_ID, STAMP, BODY)
    verify_signature(SECRET, headers, BODY, tolerance_s=3600, now=STAMP + 3000)
    with pytest.raises(WebhookVerificationError):
        verify_signature(SECRET, headers, BODY, tolerance_s=60, now=STAMP + 61)


def test_new_secrets_are_whsec_base64_of_32_random_bytes() -> None:
    a, b = new_secret(), new_secret()
    assert a != b
    assert a.startswith("whsec_")
    assert len(base64.b64decode(a.removeprefix("whsec_"), validate=True)) == 32


def test_a_malformed_secret_is_refused() -> None:
    with pytest.raises(WebhookVerificationError):
        sign("whsec_not base64!", MSG_ID, STAMP, BODY)
