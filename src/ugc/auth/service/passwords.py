"""Argon2id password hashing with parameters from settings, and the password policy."""

from __future__ import annotations

from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ugc.auth.service.common import AuthLimits
from ugc.errors import FieldError, InvalidRequest

MIN_LENGTH = 10
MAX_LENGTH = 1024
_DECOY = "a password nobody has"


@lru_cache(maxsize=8)
def _hasher(time_cost: int, memory_kib: int, parallelism: int) -> PasswordHasher:
    """Return the hasher for one set of parameters."""
    return PasswordHasher(time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism)


def hasher(limits: AuthLimits) -> PasswordHasher:
    """Return the hasher the settings ask for."""
    return _hasher(limits.argon2_time_cost, limits.argon2_memory_kib, limits.argon2_parallelism)


@lru_cache(maxsize=8)
def _decoy_hash(ph: PasswordHasher) -> str:
    """Return a hash to verify against when there is no account, to spend the same time."""
    return ph.hash(_DECOY)


def hash_password(limits: AuthLimits, password: str) -> str:
    """Return the Argon2id hash of password."""
    return hasher(limits).hash(password)


def check_password(limits: AuthLimits, stored: str | None, password: str) -> bool:
    """Return True if password matches stored; with no stored hash, spend a check and fail."""
    ph = hasher(limits)
    try:
        ph.verify(stored if stored is not None else _decoy_hash(ph), password)
    except (VerificationError, InvalidHashError):
        return False
    return stored is not None


def needs_rehash(limits: AuthLimits, stored: str) -> bool:
    """Return True if stored was hashed with other parameters than the current ones."""
    try:
        return hasher(limits).check_needs_rehash(stored)
    except InvalidHashError:
        return True


def check_policy(email: str, password: str) -> None:
    """Raise a field error if password breaks the policy."""
    problems: list[str] = []
    if len(password) < MIN_LENGTH:
        problems.append(f"use at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        problems.append(f"use at most {MAX_LENGTH} characters")
    if password.strip().lower() == email.strip().lower():
        problems.append("must not be your e-mail address")
    if problems:
        errors = [FieldError("password", p) for p in problems]
        raise InvalidRequest("the password is too weak", errors)
