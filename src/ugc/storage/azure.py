"""Blobs in Azure Blob Storage (Azurite in tests); downloads through read-only SAS URLs."""

from __future__ import annotations

import contextlib
from datetime import datetime, timedelta
from pathlib import Path

from azure.core.exceptions import ResourceExistsError, ResourceNotFoundError
from azure.storage.blob import (
    BlobSasPermissions,
    BlobServiceClient,
    ContentSettings,
    generate_blob_sas,
)

from ugc.kit.clock import utcnow
from ugc.storage.base import check_key


class AzureBlobStore:
    """One container of an Azure storage account."""

    def __init__(self, connection_string: str, container: str) -> None:
        self._service = BlobServiceClient.from_connection_string(connection_string)
        self._container = self._service.get_container_client(container)
        with contextlib.suppress(ResourceExistsError):
            self._container.create_container()

    def put_bytes(self, key: str, data: bytes, content_type: str) -> None:
        """Upload data under key (overwrites)."""
        self._container.upload_blob(
            check_key(key),
            data,
            overwrite=True,
            content_settings=ContentSettings(content_type=content_type),
        )

    def put_file(self, key: str, path: Path, content_type: str) -> None:
        """Upload a file under key, streamed in blocks."""
        with path.open("rb") as f:
            self._container.upload_blob(
                check_key(key),
                f,
                overwrite=True,
                max_concurrency=2,
                content_settings=ContentSettings(content_type=content_type),
            )

    def get_bytes(self, key: str) -> bytes:
        """Download the blob's bytes."""
        try:
            return self._container.download_blob(check_key(key)).readall()
        except ResourceNotFoundError as exc:
            raise KeyError(key) from exc

    def download(self, key: str, dest: Path) -> None:
        """Download the blob to dest."""
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            stream = self._container.download_blob(check_key(key), max_concurrency=2)
        except ResourceNotFoundError as exc:
            raise KeyError(key) from exc
        with dest.open("wb") as f:
            stream.readinto(f)

    def exists(self, key: str) -> bool:
        """Return True if the blob exists."""
        return bool(self._container.get_blob_client(check_key(key)).exists())

    def delete(self, key: str) -> None:
        """Delete the blob if present."""
        with contextlib.suppress(ResourceNotFoundError):
            self._container.delete_blob(check_key(key))

    def signed_url(self, key: str, ttl_s: int, filename: str | None = None) -> tuple[str, datetime]:
        """Return a read-only SAS URL valid for ttl_s seconds."""
        expires = (utcnow() + timedelta(seconds=ttl_s)).replace(microsecond=0)  # as signed
        blob = self._container.get_blob_client(check_key(key))
        credential = self._service.credential
        sas = generate_blob_sas(
            account_name=blob.account_name or "",
            container_name=blob.container_name,
            blob_name=blob.blob_name,
            account_key=credential.account_key,
            permission=BlobSasPermissions(read=True),
            expiry=expires,
            content_disposition=f'attachment; filename="{filename}"' if filename else None,
        )
        return f"{blob.url}?{sas}", expires
