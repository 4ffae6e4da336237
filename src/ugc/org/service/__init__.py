"""Organisation use cases; the functions other domains may call are re-exported here."""

from ugc.org.service.invitations import (
    Joined,
    accept_invitation,
    invite,
    list_invitations,
    revoke_invitation,
)
from ugc.org.service.members import Member, change_role, list_members, remove_member
from ugc.org.service.orgs import (
    MyOrg,
    create_org,
    delete_org,
    get_membership,
    get_org,
    in_scope,
    list_my_orgs,
    lock_org,
    owner_ids,
    read_org,
    rename_org,
    role_of,
)

__all__ = [
    "Joined",
    "Member",
    "MyOrg",
    "accept_invitation",
    "change_role",
    "create_org",
    "delete_org",
    "get_membership",
    "get_org",
    "in_scope",
    "invite",
    "list_invitations",
    "list_members",
    "list_my_orgs",
    "lock_org",
    "owner_ids",
    "read_org",
    "remove_member",
    "rename_org",
    "revoke_invitation",
    "role_of",
]
