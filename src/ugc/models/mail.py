"""Outgoing mail, recorded before it is sent (and read back by tests)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ugc.db.base import Base, IdMixin, TimestampMixin


class OutboxMail(IdMixin, TimestampMixin, Base):
    """One e-mail to send after the transaction commits."""

    __tablename__ = "outbox_mail"

    to: Mapped[str] = mapped_column(String(320), index=True)
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    sent_at: Mapped[datetime | None]
