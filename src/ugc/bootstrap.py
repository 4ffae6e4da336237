"""Build the Runtime from Settings (entry points only): database, keys, blobs, mail."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from ugc.config import Settings
from ugc.db.migrate import upgrade
from ugc.db.session import make_engine, make_sessionmaker
from ugc.kit.crypto import Keys
from ugc.runtime import Runtime, install
from ugc.storage.local import LocalBlobStore


def master_secret(settings: Settings) -> bytes:
    """Return the master secret: from settings, or generated once into data_dir."""
    if settings.secret_key is not None:
        return settings.secret_key.get_secret_value().encode()
    path = settings.data_dir / "secret.key"
    if not path.exists():
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_urlsafe(48))
    return path.read_text().strip().encode()


def make_blobs(settings: Settings, keys: Keys) -> object:
    """Return the configured blob store."""
    if settings.blob.backend == "azure":
        from ugc.storage.azure import AzureBlobStore

        conn = settings.blob.azure_connection_string
        if conn is None:
            raise ValueError("UGC_BLOB__AZURE_CONNECTION_STRING is required for the azure backend")
        return AzureBlobStore(conn.get_secret_value(), settings.blob.azure_container)
    return LocalBlobStore(settings.data_dir / "blobs", keys.urls, settings.api.public_url)


def make_mailer(settings: Settings) -> object:
    """Return the configured mailer: SMTP, or files in data_dir/mail."""
    from ugc.mail.senders import FileMailer, SmtpMailer

    if settings.smtp_url:
        return SmtpMailer(settings.smtp_url, settings.mail_from)
    return FileMailer(settings.data_dir / "mail", settings.mail_from)


def build_runtime(settings: Settings, migrate: bool = True) -> Runtime:
    """Create engines and stores from settings, install them, and return the runtime."""
    url = settings.db_url()
    if migrate:
        if url.startswith("sqlite"):
            Path(settings.data_dir).mkdir(parents=True, exist_ok=True)
        upgrade(url)
    engine = make_engine(url)
    keys = Keys(master_secret(settings))
    runtime = Runtime(
        engine=engine,
        sessions=make_sessionmaker(engine),
        keys=keys,
        blobs=make_blobs(settings, keys),
        mailer=make_mailer(settings),
        cache_dir=settings.cache_dir,
        public_url=settings.api.public_url,
        limits=settings.api.model_dump()
        | settings.queue.model_dump()
        | {"auth": settings.auth.model_dump()},
    )
    runtime.extras["rate_counter"] = make_counter(settings)
    runtime.extras["importer"] = settings.importer.model_dump()
    return install(runtime)


def make_counter(settings: Settings) -> object:
    """Return the rate-limit counter: Redis when configured, else in memory."""
    from ugc.http.ratelimit import MemoryCounter, RedisCounter

    if settings.redis_url:
        from redis import asyncio as aioredis

        return RedisCounter(aioredis.Redis.from_url(settings.redis_url, socket_timeout=2))
    return MemoryCounter()
