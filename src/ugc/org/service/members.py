"""Members of an organisation: list, change roles, remove; never leave it without an owner."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from ugc.audit.service import record
from ugc.auth.principal import ROLES, Principal
from ugc.auth.service.accounts import get_users
from ugc.errors import Conflict, FieldError, Forbidden, InvalidRequest, NotFound
from ugc.kit.pagination import Page, paginate
from ugc.models import Membership, User
from ugc.org.repository import Memberships
from ugc.org.service.orgs import in_scope, lock_org

OWNER = "owner"


@dataclass(frozen=True)
class Member:
    """A membership with its user."""

    membership: Membership
    user: User


def list_members(
    session: Session, caller: Principal, org_id: str, limit: int, cursor: str | None
) -> Page[Member]:
    """Return a page of the organisation's members, newest first."""
    repo = Memberships(session, in_scope(caller, org_id))
    page: Page[Membership] = paginate(
        session, repo.select(), Membership.created_at, Membership.id, limit, cursor
    )
    users = get_users(session, [m.user_id for m in page.items])
    items = [Member(m, users[m.user_id]) for m in page.items if m.user_id in users]
    return Page(items, page.next_cursor)


def change_role(
    session: Session, caller: Principal, org_id: str, user_id: str, role: str, ip: str | None
) -> Member:
    """Give a member another role; only owners touch the owner role."""
    if role not in ROLES:
        raise InvalidRequest("unknown role", [FieldError("role", f"one of {', '.join(ROLES)}")])
    repo = Memberships(session, in_scope(caller, org_id))
    lock_org(session, org_id)
    member = _member(repo, user_id)
    old = member.role
    if old != role:
        _guard_owner_role(caller, old, role)
        if old == OWNER:
            _keep_an_owner(repo)
        member.role = role
        data = {"user": user_id, "from": old, "to": role}
        record(session, caller.subject, "member.role_changed", org_id, user_id, data, ip)
    return Member(member, get_users(session, [user_id])[user_id])


def remove_member(
    session: Session, caller: Principal, org_id: str, user_id: str, ip: str | None
) -> None:
    """Remove a member (anyone may leave; removing others needs members:write)."""
    repo = Memberships(session, in_scope(caller, org_id))
    leaving = user_id == caller.user_id
    if not leaving and not caller.can("members:write"):
        raise Forbidden("this needs the 'members:write' permission")
    lock_org(session, org_id)
    member = _member(repo, user_id)
    if member.role == OWNER:
        if not leaving:
            _guard_owner_role(caller, OWNER, "")
        _keep_an_owner(repo)
    repo.delete(member)
    data = {"user": user_id, "role": member.role}
    record(session, caller.subject, "member.removed", org_id, user_id, data, ip)


def _member(repo: Memberships, user_id: str) -> Membership:
    """Return a user's membership in the repository's organisation, or raise NotFound."""
    found = repo.of_user(user_id)
    if found is None:
        raise NotFound("member", user_id)
    return found


def _guard_owner_role(caller: Principal, old: str, new: str) -> None:
    """Only owners may grant the owner role or take it away."""
    if OWNER in (old, new) and not caller.can("owners:write"):
        raise Forbidden("only owners can grant or remove the owner role")


def _keep_an_owner(repo: Memberships) -> None:
    """Refuse to take away the last owner."""
    if repo.count_owners() <= 1:
        raise Conflict("an organisation needs at least one owner; make someone else owner first")
