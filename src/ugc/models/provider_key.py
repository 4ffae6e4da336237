"""Per-organisation AI provider keys, sealed with AES-256-GCM."""

from __future__ import annotations

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ugc.db.base import Base, IdMixin, OrgScoped, TimestampMixin


class ProviderKey(IdMixin, TimestampMixin, OrgScoped, Base):
    """One provider's key for one organisation; only the last four characters are shown."""

    __tablename__ = "provider_keys"
    __table_args__ = (UniqueConstraint("organization_id", "provider"),)

    provider: Mapped[str] = mapped_column(String(40))
    sealed: Mapped[str] = mapped_column(String(2000))
    hint: Mapped[str] = mapped_column(String(8))
