"""Opaque string ids with a type prefix: `vid_...`, `org_...`."""

from __future__ import annotations

import secrets

_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # Crockford base32, lower case


def new_id(prefix: str, length: int = 20) -> str:
    """Return a fresh random id such as `vid_3k9...`."""
    return f"{prefix}_{''.join(secrets.choice(_ALPHABET) for _ in range(length))}"


def has_prefix(value: str, prefix: str) -> bool:
    """Return True if value looks like an id of this type."""
    return value.startswith(prefix + "_") and len(value) > len(prefix) + 1
