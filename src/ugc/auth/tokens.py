"""Short-lived JWT access tokens (HS256) for users and OAuth clients."""

from __future__ import annotations

import threading
from collections import OrderedDict
from datetime import timedelta
from typing import Any

import jwt

from ugc.errors import Unauthorized
from ugc.kit.clock import utcnow
from ugc.kit.ids import new_id

ISSUER = "ugc-studio"


def issue_access(key: bytes, subject: str, ttl_s: int, claims: dict[str, Any]) -> str:
    """Return a signed access token for subject, valid for ttl_s seconds."""
    now = utcnow()
    body = {
        "iss": ISSUER,
        "sub": subject,
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(seconds=ttl_s)).timestamp()),
        "jti": new_id("jti", 16),
        **claims,
    }
    return jwt.encode(body, key, algorithm="HS256")


_verified: OrderedDict[tuple[bytes, str], dict[str, Any]] = OrderedDict()
_lock = threading.Lock()
_CACHE = 4096


def read_access(key: bytes, token: str) -> dict[str, Any]:
    """Verify and decode an access token (each token's signature once), or raise Unauthorized."""
    with _lock:
        claims = _verified.get((key, token))
    if claims is None:
        claims = _decode(key, token)
        with _lock:
            _verified[(key, token)] = claims
            while len(_verified) > _CACHE:
                _verified.popitem(last=False)
    if int(claims["exp"]) <= int(utcnow().timestamp()):
        raise Unauthorized("access token expired")
    return claims


def _decode(key: bytes, token: str) -> dict[str, Any]:
    """Check the signature, issuer and expiry of a token and return its claims."""
    try:
        claims: dict[str, Any] = jwt.decode(
            token, key, algorithms=["HS256"], issuer=ISSUER, options={"require": ["exp", "sub"]}
        )
    except jwt.ExpiredSignatureError as exc:
        raise Unauthorized("access token expired") from exc
    except jwt.InvalidTokenError as exc:
        raise Unauthorized("invalid access token") from exc
    return claims
