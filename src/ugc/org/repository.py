"""Queries over organisations, their memberships and their invitations."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, delete, func, select
from sqlalchemy.orm import Session

from ugc.db.base import Base
from ugc.kit.repository import ScopedRepository
from ugc.models import Invitation, Membership, Organization

# The append-only audit log outlives the organisation it mentions (and its hash chain).
KEEP_ON_PURGE = frozenset({"audit_events"})


class Memberships(ScopedRepository[Membership]):
    """An organisation's memberships."""

    model = Membership
    kind = "member"

    def of_user(self, user_id: str) -> Membership | None:
        """Return this user's membership, if any."""
        return self.session.scalars(self.select().where(Membership.user_id == user_id)).first()

    def count_owners(self) -> int:
        """Return how many owners the organisation has."""
        query = (
            select(func.count())
            .select_from(Membership)
            .where(
                Membership.organization_id == self.organization_id,
                Membership.role == "owner",
            )
        )
        return int(self.session.scalar(query) or 0)

    def owners(self) -> list[Membership]:
        """Return the owners' memberships, oldest first."""
        query = self.select().where(Membership.role == "owner").order_by(Membership.created_at)
        return list(self.session.scalars(query))


class Invitations(ScopedRepository[Invitation]):
    """An organisation's invitations."""

    model = Invitation
    kind = "invitation"

    def pending_for(self, email: str) -> list[Invitation]:
        """Return the open (not accepted, not revoked) invitations of an address."""
        query = self.select().where(
            Invitation.email == email,
            Invitation.accepted_at.is_(None),
            Invitation.revoked_at.is_(None),
        )
        return list(self.session.scalars(query))


def get_org(session: Session, org_id: str, lock: bool = False) -> Organization | None:
    """Return an organisation; with lock, hold its row until the transaction ends."""
    query = select(Organization).where(Organization.id == org_id)
    if lock:
        # Serialises membership changes per organisation, so two owners demoting each other
        # at once cannot both pass the "one owner must remain" check.
        query = query.with_for_update()
    return session.scalars(query).first()


def orgs_by_ids(session: Session, ids: list[str]) -> dict[str, Organization]:
    """Return the organisations with these ids, keyed by id."""
    if not ids:
        return {}
    rows = session.scalars(select(Organization).where(Organization.id.in_(ids)))
    return {o.id: o for o in rows}


def memberships_of_user(user_id: str) -> Select[Any]:
    """Return a SELECT of one user's memberships across organisations."""
    # Not tenant data read across tenants: the rows are the user's own memberships.
    return select(Membership).where(Membership.user_id == user_id)


def invitation_by_hash(session: Session, hashed: str) -> Invitation | None:
    """Return the invitation with this token hash, if any."""
    # Lookup by credential: the token itself names its organisation.
    return session.scalars(select(Invitation).where(Invitation.token_hash == hashed)).first()


def purge(session: Session, org_id: str) -> None:
    """Delete every row any table keeps for the organisation, then the organisation."""
    # Children before parents, as foreign keys between tenant tables demand.
    for table in reversed(Base.metadata.sorted_tables):
        column = table.c.get("organization_id")
        if column is not None and table.name not in KEEP_ON_PURGE:
            session.execute(delete(table).where(column == org_id))
    session.execute(delete(Organization).where(Organization.id == org_id))
