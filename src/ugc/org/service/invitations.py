"""Invitations: mail a link that lets the invited address join with a role."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.orm import Session

from ugc.audit.service import record
from ugc.auth.errors import EmailNotVerified
from ugc.auth.principal import Principal
from ugc.auth.service.accounts import find_user_by_email, get_user
from ugc.auth.service.common import auth_limits, link, normalize_email
from ugc.errors import Conflict, FieldError, Forbidden, InvalidRequest
from ugc.kit.clock import utcnow
from ugc.kit.crypto import random_token, token_hash
from ugc.kit.ids import new_id
from ugc.kit.pagination import Page, paginate
from ugc.mail.service import queue_mail
from ugc.models import Invitation, Membership, Organization
from ugc.org import repository
from ugc.org.repository import Invitations, Memberships
from ugc.org.service.orgs import get_org, in_scope, lock_org
from ugc.runtime import Runtime


@dataclass(frozen=True)
class Joined:
    """The organisation an accepted invitation joined, and the role held there."""

    org: Organization
    membership: Membership


def invite(
    session: Session,
    rt: Runtime,
    caller: Principal,
    org_id: str,
    email: str,
    role: str,
    ip: str | None,
) -> Invitation:
    """Invite an address with a role; a newer invitation replaces an open one."""
    org = get_org(session, in_scope(caller, org_id))
    if role == "owner" and not caller.can("owners:write"):
        raise Forbidden("only owners can invite owners")
    email = normalize_email(email)
    existing = find_user_by_email(session, email)
    if existing is not None and Memberships(session, org.id).of_user(existing.id) is not None:
        raise Conflict("this address already belongs to a member")
    repo = Invitations(session, org.id)
    now = utcnow()
    for old in repo.pending_for(email):
        old.revoked_at = now
    token = random_token(32)
    ttl = auth_limits(rt).invitation_ttl_s
    row = Invitation(
        id=new_id("inv"),
        email=email,
        role=role,
        token_hash=token_hash(token),
        invited_by=caller.subject,
        expires_at=now + timedelta(seconds=ttl),
    )
    repo.add(row)
    _mail(session, rt, org, row, token)
    data = {"email": email, "role": role}
    record(session, caller.subject, "invitation.created", org.id, row.id, data, ip)
    return row


def list_invitations(
    session: Session, caller: Principal, org_id: str, limit: int, cursor: str | None
) -> Page[Invitation]:
    """Return a page of the organisation's invitations, newest first."""
    repo = Invitations(session, in_scope(caller, org_id))
    return paginate(session, repo.select(), Invitation.created_at, Invitation.id, limit, cursor)


def revoke_invitation(
    session: Session, caller: Principal, org_id: str, invitation_id: str, ip: str | None
) -> Invitation:
    """Revoke an open invitation (revoking twice is harmless)."""
    row = Invitations(session, in_scope(caller, org_id)).get(invitation_id)
    if row.accepted_at is not None:
        raise Conflict("this invitation was already accepted; remove the member instead")
    if row.revoked_at is None:
        row.revoked_at = utcnow()
        record(session, caller.subject, "invitation.revoked", org_id, row.id, ip=ip)
    return row


def accept_invitation(session: Session, caller: Principal, token: str, ip: str | None) -> Joined:
    """Join the invitation's organisation as the signed-in user it was sent to."""
    row = repository.invitation_by_hash(session, token_hash(token))
    now = utcnow()
    if row is None or row.accepted_at or row.revoked_at or row.expires_at <= now:
        err = FieldError("token", "the invitation is invalid, used, revoked or expired")
        raise InvalidRequest("the invitation cannot be accepted", [err])
    user = get_user(session, caller.user_id or "")
    if user.email_verified_at is None:
        raise EmailNotVerified("confirm your e-mail address before accepting invitations")
    if user.email != row.email:
        raise Forbidden("this invitation was sent to another e-mail address")
    org = lock_org(session, row.organization_id)
    members = Memberships(session, org.id)
    membership = members.of_user(user.id)
    if membership is None:
        membership = members.add(Membership(id=new_id("mem"), user_id=user.id, role=row.role))
    row.accepted_at = now
    data = {"user": user.id, "role": membership.role}
    record(session, user.id, "invitation.accepted", org.id, row.id, data, ip)
    return Joined(org, membership)


def _mail(session: Session, rt: Runtime, org: Organization, row: Invitation, token: str) -> None:
    """Queue the invitation e-mail with its link."""
    days = max(1, (row.expires_at - utcnow()).days)
    body = (
        f"You are invited to join {org.name} on UGC Creator Studio as {row.role}.\n\n"
        f"Accept here (sign up or sign in with this address first; the link works for "
        f"{days} days):\n{link(rt, 'invite', token)}\n"
    )
    queue_mail(session, rt.mailer, row.email, f"Join {org.name} on UGC Creator Studio", body)
