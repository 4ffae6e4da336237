"""Mail senders: SMTP for production, .eml files in a folder for the embedded mode."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol
from urllib.parse import urlparse


class Mailer(Protocol):
    """Sends one e-mail."""

    def send(self, to: str, subject: str, body: str, ident: str) -> None:
        """Deliver the message (idempotent per ident)."""


def _message(sender: str, to: str, subject: str, body: str, ident: str) -> EmailMessage:
    """Build a plain-text message."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, to, subject
    msg["Message-ID"] = f"<{ident}@ugc.local>"
    msg.set_content(body)
    return msg


class FileMailer:
    """Writes each message to <folder>/<id>.eml: the embedded mode's inbox."""

    def __init__(self, folder: Path, sender: str) -> None:
        self.folder = folder
        self.sender = sender

    def send(self, to: str, subject: str, body: str, ident: str) -> None:
        """Write the message file (overwrites the same id: idempotent)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        raw = _message(self.sender, to, subject, body, ident).as_bytes()
        tmp = self.folder / f".{ident}.tmp"
        tmp.write_bytes(raw)
        tmp.replace(self.folder / f"{ident}.eml")


class SmtpMailer:
    """Sends through an SMTP server given as smtp://user:pass@host:port."""

    def __init__(self, url: str, sender: str) -> None:
        self.url = urlparse(url)
        self.sender = sender

    def send(self, to: str, subject: str, body: str, ident: str) -> None:
        """Send over SMTP (STARTTLS for smtps:// or port 587)."""
        host, port = self.url.hostname or "127.0.0.1", self.url.port or 25
        with smtplib.SMTP(host, port, timeout=30) as smtp:
            if self.url.scheme == "smtps" or port == 587:
                smtp.starttls()
            if self.url.username:
                smtp.login(self.url.username, self.url.password or "")
            smtp.send_message(_message(self.sender, to, subject, body, ident))
