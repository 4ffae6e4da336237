"""Routes for organisations, their members and invitations."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from ugc.auth.principal import Principal
from ugc.http.deps import Db, Require, Rt, User
from ugc.org import service
from ugc.org.schemas import (
    AcceptIn,
    InvitationIn,
    InvitationOut,
    InvitationPage,
    JoinedOut,
    MemberOut,
    MemberPage,
    OrgIn,
    OrgOut,
    OrgPage,
    RoleIn,
)

router = APIRouter(tags=["organizations"])
Limit = Annotated[int, Query(ge=1, le=100)]
OrgRead = Annotated[Principal, Depends(Require("org:read"))]
OrgWrite = Annotated[Principal, Depends(Require("org:write"))]
OrgDelete = Annotated[Principal, Depends(Require("org:delete"))]
MembersRead = Annotated[Principal, Depends(Require("members:read"))]
MembersWrite = Annotated[Principal, Depends(Require("members:write"))]


def _ip(request: Request) -> str | None:
    """Return the client address for the audit log."""
    return request.client.host if request.client else None


@router.post("/orgs", status_code=201, summary="Create an organisation")
def create_org(body: OrgIn, request: Request, user: User, db: Db) -> OrgOut:
    """Create an organisation; the caller becomes its owner."""
    return OrgOut.of(service.create_org(db, user, body.name, _ip(request)))


@router.get("/orgs", summary="List my organisations")
def list_orgs(user: User, db: Db, limit: Limit = 20, cursor: str | None = None) -> OrgPage:
    """List the organisations the signed-in user belongs to."""
    page = service.list_my_orgs(db, user.subject, limit, cursor)
    return OrgPage(items=[OrgOut.of(o) for o in page.items], next_cursor=page.next_cursor)


@router.get("/orgs/{org_id}", summary="Get an organisation")
def get_org(org_id: str, caller: OrgRead, db: Db) -> OrgOut:
    """Return the organisation chosen with X-Organization-Id (404 for any other)."""
    return OrgOut.of(service.read_org(db, caller, org_id))


@router.patch("/orgs/{org_id}", summary="Rename an organisation")
def rename_org(org_id: str, body: OrgIn, request: Request, caller: OrgWrite, db: Db) -> OrgOut:
    """Rename the organisation."""
    return OrgOut.of(service.rename_org(db, caller, org_id, body.name, _ip(request)))


@router.delete(
    "/orgs/{org_id}", status_code=204, response_class=Response, summary="Delete an organisation"
)
def delete_org(org_id: str, request: Request, caller: OrgDelete, db: Db) -> None:
    """Delete the organisation and everything it owns (owners only; the audit log stays)."""
    service.delete_org(db, caller, org_id, _ip(request))


@router.get("/orgs/{org_id}/members", summary="List members")
def list_members(
    org_id: str, caller: MembersRead, db: Db, limit: Limit = 20, cursor: str | None = None
) -> MemberPage:
    """List the organisation's members, newest first."""
    page = service.list_members(db, caller, org_id, limit, cursor)
    return MemberPage(items=[MemberOut.of(m) for m in page.items], next_cursor=page.next_cursor)


@router.patch("/orgs/{org_id}/members/{user_id}", summary="Change a member's role")
def change_role(
    org_id: str, user_id: str, body: RoleIn, request: Request, caller: MembersWrite, db: Db
) -> MemberOut:
    """Change a role; only owners grant or remove owner, and one owner always remains."""
    found = service.change_role(db, caller, org_id, user_id, body.role, _ip(request))
    return MemberOut.of(found)


@router.delete(
    "/orgs/{org_id}/members/{user_id}",
    status_code=204,
    response_class=Response,
    summary="Remove a member",
)
def remove_member(org_id: str, user_id: str, request: Request, caller: OrgRead, db: Db) -> None:
    """Remove a member (members:write), or leave the organisation yourself."""
    service.remove_member(db, caller, org_id, user_id, _ip(request))


@router.post("/orgs/{org_id}/invitations", status_code=201, summary="Invite someone")
def invite(
    org_id: str, body: InvitationIn, request: Request, caller: MembersWrite, db: Db, rt: Rt
) -> InvitationOut:
    """E-mail an invitation link to join with a role."""
    row = service.invite(db, rt, caller, org_id, str(body.email), body.role, _ip(request))
    return InvitationOut.of(row)


@router.get("/orgs/{org_id}/invitations", summary="List invitations")
def list_invitations(
    org_id: str, caller: MembersRead, db: Db, limit: Limit = 20, cursor: str | None = None
) -> InvitationPage:
    """List the organisation's invitations, newest first."""
    page = service.list_invitations(db, caller, org_id, limit, cursor)
    items = [InvitationOut.of(i) for i in page.items]
    return InvitationPage(items=items, next_cursor=page.next_cursor)


@router.delete(
    "/orgs/{org_id}/invitations/{invitation_id}",
    status_code=204,
    response_class=Response,
    summary="Revoke an invitation",
)
def revoke_invitation(
    org_id: str, invitation_id: str, request: Request, caller: MembersWrite, db: Db
) -> None:
    """Revoke an open invitation; its link stops working."""
    service.revoke_invitation(db, caller, org_id, invitation_id, _ip(request))


@router.post("/invitations/accept", summary="Accept an invitation")
def accept(body: AcceptIn, request: Request, user: User, db: Db) -> JoinedOut:
    """Join the organisation as the signed-in user the invitation was sent to."""
    return JoinedOut.of(service.accept_invitation(db, user, body.token, _ip(request)))
