"""Organisations, memberships with roles, and invitations."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ugc.db.base import Base, IdMixin, OrgScoped, TimestampMixin


class Organization(IdMixin, TimestampMixin, Base):
    """A tenant: a brand or an agency."""

    __tablename__ = "organizations"

    name: Mapped[str] = mapped_column(String(200))


class Membership(IdMixin, TimestampMixin, OrgScoped, Base):
    """A user's role in an organisation: owner, admin, editor or viewer."""

    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("organization_id", "user_id"),)

    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))


class Invitation(IdMixin, TimestampMixin, OrgScoped, Base):
    """An e-mailed invitation to join with a role."""

    __tablename__ = "invitations"

    email: Mapped[str] = mapped_column(String(320))
    role: Mapped[str] = mapped_column(String(20))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    invited_by: Mapped[str] = mapped_column(String(40))
    expires_at: Mapped[datetime]
    accepted_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
