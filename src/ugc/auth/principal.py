"""Who is calling, in which organisation, with which permissions; roles and scopes."""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("viewer", "editor", "admin", "owner")

_VIEW = frozenset(
    {"org:read", "videos:read", "brand:read", "templates:read", "assets:read", "members:read"}
)
_EDIT = _VIEW | {"videos:write", "brand:write", "templates:write", "assets:write"}
_ADMIN = _EDIT | {
    "members:write",
    "keys:read",
    "keys:write",
    "webhooks:read",
    "webhooks:write",
    "audit:read",
    "provider_keys:write",
}
_OWNER = _ADMIN | {"org:write", "org:delete", "owners:write"}

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    "viewer": _VIEW,
    "editor": frozenset(_EDIT),
    "admin": frozenset(_ADMIN),
    "owner": frozenset(_OWNER),
}

# What a machine credential may be granted: no membership or ownership powers.
KEY_SCOPES = frozenset(
    {
        "videos:read",
        "videos:write",
        "brand:read",
        "brand:write",
        "templates:read",
        "templates:write",
        "assets:read",
        "assets:write",
        "webhooks:read",
        "webhooks:write",
        "org:read",
    }
)


@dataclass(frozen=True)
class Principal:
    """An authenticated caller; `organization_id` is None until an organisation is chosen."""

    kind: str  # "user", "api_key" or "client"
    subject: str  # usr_..., key_... or the OAuth client id
    organization_id: str | None
    role: str | None
    permissions: frozenset[str]
    user_id: str | None = None

    def can(self, permission: str) -> bool:
        """Return True if this caller holds the permission."""
        return permission in self.permissions

    @property
    def org(self) -> str:
        """Return the organisation id (callers check `organization_id` first)."""
        if self.organization_id is None:
            raise ValueError("principal has no organisation")
        return self.organization_id


def outranks(role: str, other: str) -> bool:
    """Return True if role is at least as strong as other."""
    return ROLES.index(role) >= ROLES.index(other)
