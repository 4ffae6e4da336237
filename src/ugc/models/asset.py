"""Uploaded media, checked and probed, stored in the blob store."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from ugc.db.base import Base, IdMixin, OrgScoped, TimestampMixin


class Asset(IdMixin, TimestampMixin, OrgScoped, Base):
    """An image, video or audio file an organisation uploaded."""

    __tablename__ = "assets"

    kind: Mapped[str] = mapped_column(String(10))
    content_type: Mapped[str] = mapped_column(String(100))
    filename: Mapped[str] = mapped_column(String(255))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    width: Mapped[int | None]
    height: Mapped[int | None]
    duration_s: Mapped[float | None]
    blob_key: Mapped[str] = mapped_column(String(300))
    created_by: Mapped[str] = mapped_column(String(40))
