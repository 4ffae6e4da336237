"""Provider key routes: PUT a key, list hints, DELETE; the key itself never comes back."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from ugc.aikeys import service
from ugc.aikeys.schemas import Provider, ProviderKeyIn, ProviderKeyList, ProviderKeyOut
from ugc.auth.principal import Principal
from ugc.http.deps import Db, Require, Rt
from ugc.kit.clock import rfc3339
from ugc.models import ProviderKey

router = APIRouter(prefix="/provider-keys", tags=["provider keys"])
Admin = Annotated[Principal, Depends(Require("provider_keys:write"))]


def _out(row: ProviderKey) -> ProviderKeyOut:
    """Describe a stored key."""
    return ProviderKeyOut(
        provider=row.provider, hint=row.hint, created_at=rfc3339(row.created_at) or ""
    )


@router.put("/{provider}", response_model=ProviderKeyOut, summary="Set a provider key")
def put_provider_key(
    provider: Provider, body: ProviderKeyIn, db: Db, rt: Rt, who: Admin
) -> ProviderKeyOut:
    """Store the organisation's own key for an AI provider (sealed with AES-256-GCM)."""
    return _out(service.put_key(db, rt.keys, who, provider, body.key))


@router.get("", response_model=ProviderKeyList, summary="List provider keys")
def list_provider_keys(db: Db, who: Admin) -> ProviderKeyList:
    """List which providers have a key, with the key's last four characters."""
    return ProviderKeyList(items=[_out(r) for r in service.list_keys(db, who.org)])


@router.delete("/{provider}", status_code=204, summary="Remove a provider key")
def delete_provider_key(provider: Provider, db: Db, who: Admin) -> None:
    """Forget the organisation's key; its jobs fall back to the platform's keys."""
    service.delete_key(db, who, provider)
