"""ProviderKey rows as the ciphertext backend of the encrypted key store, per organisation."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ugc.kit.ids import new_id
from ugc.kit.repository import ScopedRepository
from ugc.models import ProviderKey


class ProviderKeyRepository(ScopedRepository[ProviderKey]):
    """One organisation's sealed provider keys."""

    model = ProviderKey
    kind = "provider key"

    def all(self) -> list[ProviderKey]:
        """Return every key row of the organisation, by provider."""
        return list(self.session.scalars(self.select().order_by(ProviderKey.provider)))

    def find(self, provider: str) -> ProviderKey | None:
        """Return the row for one provider."""
        return self.session.scalars(self.select().where(ProviderKey.provider == provider)).first()


class RowBackend:
    """A CiphertextBackend (ugc.providers.secrets) over ProviderKey rows; hints kept beside."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.hints: dict[tuple[str, str], str] = {}

    def load(self, org_id: str, name: str) -> str | None:
        """Return the stored token, or None."""
        row = ProviderKeyRepository(self.session, org_id).find(name)
        return row.sealed if row else None

    def save(self, org_id: str, name: str, token: str) -> None:
        """Store or replace a token."""
        repo = ProviderKeyRepository(self.session, org_id)
        row = repo.find(name)
        hint = self.hints.get((org_id, name), "")
        if row is None:
            repo.add(ProviderKey(id=new_id("pk"), provider=name, sealed=token, hint=hint))
            return
        row.sealed, row.hint = token, hint
        self.session.flush()

    def delete(self, org_id: str, name: str) -> None:
        """Remove a token if present."""
        repo = ProviderKeyRepository(self.session, org_id)
        row = repo.find(name)
        if row is not None:
            repo.delete(row)


def providers_with_keys(session: Session, org_id: str) -> list[str]:
    """Return the providers an organisation has keys for."""
    query = select(ProviderKey.provider).where(ProviderKey.organization_id == org_id)
    return list(session.scalars(query))
