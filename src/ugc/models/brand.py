"""Brand kits: colours, fonts, logo, voice, tone, banned words, disclosure."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from ugc.db.base import Base, IdMixin, OrgScoped, TimestampMixin
from ugc.kit.clock import utcnow


class BrandKit(IdMixin, TimestampMixin, OrgScoped, Base):
    """How an organisation's videos look and sound."""

    __tablename__ = "brand_kits"

    name: Mapped[str] = mapped_column(String(200))
    colors: Mapped[dict[str, Any]]
    fonts: Mapped[dict[str, Any]]
    logo_asset_id: Mapped[str | None] = mapped_column(String(40))
    voice: Mapped[str | None] = mapped_column(String(100))
    tone: Mapped[str | None] = mapped_column(String(100))
    banned_words: Mapped[list[Any]]
    disclosure: Mapped[dict[str, Any]]
    is_default: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
