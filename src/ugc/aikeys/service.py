"""Set, list and remove an organisation's provider keys; read them back for its jobs."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ugc.aikeys.repository import ProviderKeyRepository, RowBackend, providers_with_keys
from ugc.audit.service import record
from ugc.auth.principal import Principal
from ugc.errors import NotFound
from ugc.kit.crypto import Keys
from ugc.models import ProviderKey
from ugc.providers.secrets import EncryptedKeyStore


def _store(session: Session, keys: Keys) -> tuple[EncryptedKeyStore, RowBackend]:
    """Return the AES-256-GCM store over this session's rows."""
    backend = RowBackend(session)
    return EncryptedKeyStore(keys.provider, backend), backend


def put_key(
    session: Session, keys: Keys, who: Principal, provider: str, secret: str
) -> ProviderKey:
    """Seal and store (or replace) the organisation's key for a provider."""
    store, backend = _store(session, keys)
    backend.hints[(who.org, provider)] = secret.strip()[-4:]
    store.put(who.org, provider, secret.strip())
    record(session, who.subject, "provider_key.set", who.org, target=provider)
    row = ProviderKeyRepository(session, who.org).find(provider)
    assert row is not None
    return row


def list_keys(session: Session, org_id: str) -> list[ProviderKey]:
    """Return the organisation's keys (hints only)."""
    return ProviderKeyRepository(session, org_id).all()


def delete_key(session: Session, who: Principal, provider: str) -> None:
    """Forget the organisation's key for a provider."""
    repo = ProviderKeyRepository(session, who.org)
    row = repo.find(provider)
    if row is None:
        raise NotFound("provider key", provider)
    repo.delete(row)
    record(session, who.subject, "provider_key.deleted", who.org, target=provider)


def org_keys(session: Session, keys: Keys, org_id: str) -> dict[str, str]:
    """Return the organisation's decrypted keys by provider, for its jobs' engines."""
    store, _ = _store(session, keys)
    found = {name: store.get(name, org_id) for name in providers_with_keys(session, org_id)}
    return {name: key for name, key in found.items() if key}
