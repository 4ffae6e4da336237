"""Request and response bodies of organisations, members and invitations."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from ugc.kit.clock import rfc3339, utcnow
from ugc.models import Invitation
from ugc.org.service import Joined, Member, MyOrg

Role = Literal["viewer", "editor", "admin", "owner"]


class OrgIn(BaseModel):
    """A new organisation, or its new name."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"name": "Acme Skincare"}]})

    name: str = Field(min_length=1, max_length=200)


class OrgOut(BaseModel):
    """An organisation, with the caller's role in it (None for machine credentials)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "org_3k9d0c2m4x7b1q8v6t5r",
                    "name": "Acme Skincare",
                    "created_at": "2026-05-01T12:00:00Z",
                    "role": "owner",
                }
            ]
        }
    )

    id: str
    name: str
    created_at: str
    role: str | None

    @classmethod
    def of(cls, found: MyOrg) -> OrgOut:
        """Build from the service's view."""
        org = found.org
        return cls(
            id=org.id, name=org.name, created_at=rfc3339(org.created_at) or "", role=found.role
        )


class OrgPage(BaseModel):
    """A page of organisations."""

    items: list[OrgOut]
    next_cursor: str | None


class RoleIn(BaseModel):
    """A member's new role."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"role": "editor"}]})

    role: Role


class MemberOut(BaseModel):
    """A member of the organisation."""

    user_id: str
    email: str
    name: str
    role: str
    joined_at: str

    @classmethod
    def of(cls, found: Member) -> MemberOut:
        """Build from the service's view."""
        m, user = found.membership, found.user
        return cls(
            user_id=user.id,
            email=user.email,
            name=user.name,
            role=m.role,
            joined_at=rfc3339(m.created_at) or "",
        )


class MemberPage(BaseModel):
    """A page of members."""

    items: list[MemberOut]
    next_cursor: str | None


class InvitationIn(BaseModel):
    """Who to invite, with which role."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"email": "grace@example.com", "role": "editor"}]}
    )

    email: EmailStr = Field(max_length=320)
    role: Role


class InvitationOut(BaseModel):
    """An invitation (its token went by e-mail only)."""

    id: str
    email: str
    role: str
    invited_by: str
    status: Literal["pending", "accepted", "revoked", "expired"]
    created_at: str
    expires_at: str

    @classmethod
    def of(cls, row: Invitation) -> InvitationOut:
        """Build from the ORM row."""
        return cls(
            id=row.id,
            email=row.email,
            role=row.role,
            invited_by=row.invited_by,
            status=_status(row),
            created_at=rfc3339(row.created_at) or "",
            expires_at=rfc3339(row.expires_at) or "",
        )


def _status(row: Invitation) -> Literal["pending", "accepted", "revoked", "expired"]:
    """Return where an invitation stands."""
    if row.accepted_at is not None:
        return "accepted"
    if row.revoked_at is not None:
        return "revoked"
    return "expired" if row.expires_at <= utcnow() else "pending"


class InvitationPage(BaseModel):
    """A page of invitations."""

    items: list[InvitationOut]
    next_cursor: str | None


class AcceptIn(BaseModel):
    """The token from an invitation e-mail."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"token": "Zq3x...from-the-link"}]})

    token: str = Field(min_length=1, max_length=200)


class JoinedOut(BaseModel):
    """The organisation joined, and the role held there."""

    organization_id: str
    name: str
    role: str

    @classmethod
    def of(cls, found: Joined) -> JoinedOut:
        """Build from the service's view."""
        return cls(organization_id=found.org.id, name=found.org.name, role=found.membership.role)
