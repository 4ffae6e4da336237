"""Queue an e-mail in the transaction; it is sent only after the commit."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ugc.db.session import after_commit
from ugc.kit.ids import new_id
from ugc.mail.senders import Mailer
from ugc.models import OutboxMail


def queue_mail(session: Session, mailer: Mailer, to: str, subject: str, body: str) -> OutboxMail:
    """Record the mail in the outbox and send it once the transaction commits."""
    mail = OutboxMail(id=new_id("mail"), to=to, subject=subject, body=body)
    session.add(mail)

    def deliver() -> None:
        mailer.send(to, subject, body, mail.id)

    after_commit(session, deliver)
    return mail
