"""What every auth service shares: typed limits and the durable side transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import TypeVar

from argon2 import PasswordHasher
from sqlalchemy.orm import Session

from ugc.db.session import transaction
from ugc.runtime import Runtime

T = TypeVar("T")
MAX_ACCESS_TTL_S = 900
_ARGON2 = PasswordHasher()


@dataclass(frozen=True)
class AuthLimits:
    """The `auth` settings group, with the same defaults as AuthSettings."""

    access_ttl_s: int = 900
    refresh_ttl_s: int = 30 * 24 * 3600
    refresh_grace_s: int = 20
    lockout_after: int = 5
    lockout_base_s: float = 30.0
    lockout_cap_s: float = 3600.0
    email_token_ttl_s: int = 24 * 3600
    reset_token_ttl_s: int = 3600
    invitation_ttl_s: int = 7 * 24 * 3600
    mfa_token_ttl_s: int = 300
    argon2_time_cost: int = _ARGON2.time_cost
    argon2_memory_kib: int = _ARGON2.memory_cost
    argon2_parallelism: int = _ARGON2.parallelism

    @property
    def access_ttl(self) -> int:
        """Return the access-token lifetime, never above 15 minutes."""
        return min(int(self.access_ttl_s), MAX_ACCESS_TTL_S)


_KNOWN = frozenset(f.name for f in fields(AuthLimits))


def auth_limits(rt: Runtime) -> AuthLimits:
    """Return the runtime's auth limits; keys it lacks keep their defaults."""
    raw = rt.limits.get("auth", {})
    return AuthLimits(**{k: v for k, v in raw.items() if k in _KNOWN})


def normalize_email(email: str) -> str:
    """Return the comparable form of an e-mail address."""
    return email.strip().lower()


def link(rt: Runtime, path: str, token: str) -> str:
    """Return a link into the web app that carries a token."""
    return f"{rt.public_url.rstrip('/')}/{path}?token={token}"


def durable(session: Session, rt: Runtime, write: Callable[[Session], T]) -> T:
    """Commit `write` in a short transaction of its own, outside the failing request's one."""
    # The caller is about to raise, so the Db dependency will roll the request's transaction
    # back, and what `write` records (failed sign-ins, lockouts, revoked token families and
    # their audit events) must outlive that rollback. Services never commit the request's
    # transaction, so this opens a second one. The request's transaction is rolled back first
    # (it would be anyway): on SQLite, where every transaction takes the one write lock at
    # BEGIN, and under PostgreSQL row or advisory locks, the side transaction could otherwise
    # wait on its own request until the busy timeout.
    session.rollback()
    with transaction(rt.sessions) as side:
        return write(side)
