"""Organisations: create, read, rename, delete; who belongs with which role."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from ugc.audit.service import record
from ugc.auth.principal import Principal
from ugc.errors import Forbidden, NotFound
from ugc.kit.ids import new_id
from ugc.kit.pagination import Page, paginate
from ugc.models import Membership, Organization
from ugc.org import repository
from ugc.org.repository import Memberships


@dataclass(frozen=True)
class MyOrg:
    """An organisation and the caller's role in it."""

    org: Organization
    role: str | None


def get_org(session: Session, org_id: str) -> Organization:
    """Return an organisation, or raise NotFound."""
    org = repository.get_org(session, org_id)
    if org is None:
        raise NotFound("organization", org_id)
    return org


def lock_org(session: Session, org_id: str) -> Organization:
    """Return an organisation, holding its row for this transaction (membership changes)."""
    org = repository.get_org(session, org_id, lock=True)
    if org is None:
        raise NotFound("organization", org_id)
    return org


def in_scope(caller: Principal, org_id: str) -> str:
    """Return org_id if it is the caller's organisation; otherwise raise NotFound."""
    if caller.organization_id != org_id:
        raise NotFound("organization", org_id)
    return org_id


def get_membership(session: Session, org_id: str, user_id: str) -> Membership | None:
    """Return a user's membership of an organisation, if any."""
    return Memberships(session, org_id).of_user(user_id)


def role_of(session: Session, org_id: str, user_id: str) -> str | None:
    """Return a user's role in an organisation, or None if they do not belong."""
    found = get_membership(session, org_id, user_id)
    return found.role if found else None


def owner_ids(session: Session, org_id: str) -> list[str]:
    """Return the user ids of an organisation's owners, oldest first."""
    return [m.user_id for m in Memberships(session, org_id).owners()]


def create_org(session: Session, caller: Principal, name: str, ip: str | None) -> MyOrg:
    """Create an organisation with the calling user as its owner."""
    if caller.user_id is None:
        raise Forbidden("only a signed-in user can create an organisation")
    org = Organization(id=new_id("org"), name=name.strip())
    session.add(org)
    session.flush()
    member = Membership(id=new_id("mem"), user_id=caller.user_id, role="owner")
    Memberships(session, org.id).add(member)
    record(
        session,
        caller.subject,
        "org.created",
        org.id,
        target=org.id,
        data={"name": org.name},
        ip=ip,
    )
    return MyOrg(org, "owner")


def list_my_orgs(session: Session, user_id: str, limit: int, cursor: str | None) -> Page[MyOrg]:
    """Return a page of the user's organisations, most recently joined first."""
    query = repository.memberships_of_user(user_id)
    page: Page[Membership] = paginate(
        session, query, Membership.created_at, Membership.id, limit, cursor
    )
    orgs = repository.orgs_by_ids(session, [m.organization_id for m in page.items])
    items = [
        MyOrg(orgs[m.organization_id], m.role) for m in page.items if m.organization_id in orgs
    ]
    return Page(items, page.next_cursor)


def read_org(session: Session, caller: Principal, org_id: str) -> MyOrg:
    """Return the caller's organisation (404 for any other)."""
    return MyOrg(get_org(session, in_scope(caller, org_id)), caller.role)


def rename_org(
    session: Session, caller: Principal, org_id: str, name: str, ip: str | None
) -> MyOrg:
    """Rename the caller's organisation."""
    org = get_org(session, in_scope(caller, org_id))
    old, org.name = org.name, name.strip()
    data = {"from": old, "to": org.name}
    record(session, caller.subject, "org.updated", org.id, target=org.id, data=data, ip=ip)
    return MyOrg(org, caller.role)


def delete_org(session: Session, caller: Principal, org_id: str, ip: str | None) -> None:
    """Delete the caller's organisation and every row it owns (the audit log stays)."""
    org = lock_org(session, in_scope(caller, org_id))
    data = {"name": org.name}
    record(session, caller.subject, "org.deleted", org.id, target=org.id, data=data, ip=ip)
    repository.purge(session, org.id)
