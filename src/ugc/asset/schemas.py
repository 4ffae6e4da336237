"""Request and response bodies of the asset API."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ugc.kit.clock import rfc3339
from ugc.models import Asset

Kind = Literal["image", "video", "audio"]

_EXAMPLE: dict[str, Any] = {
    "id": "ast_0123456789abcdefghjk",
    "kind": "image",
    "content_type": "image/png",
    "filename": "serum-bottle.png",
    "size": 48213,
    "sha256": "9f2c" + "0" * 60,
    "width": 1080,
    "height": 1350,
    "duration_s": None,
    "created_at": "2025-01-31T12:00:00Z",
}


class AssetOut(BaseModel):
    """An uploaded image, video or audio file, as sniffed and probed."""

    model_config = ConfigDict(json_schema_extra={"examples": [_EXAMPLE]})

    id: str
    kind: Kind
    content_type: str = Field(description="Detected from the file's bytes, not the client.")
    filename: str
    size: int = Field(description="Bytes.")
    sha256: str
    width: int | None = None
    height: int | None = None
    duration_s: float | None = None
    created_at: str

    @classmethod
    def of(cls, row: Asset) -> AssetOut:
        """Build the response body from a row."""
        return cls(
            id=row.id,
            kind=row.kind,
            content_type=row.content_type,
            filename=row.filename,
            size=row.size,
            sha256=row.sha256,
            width=row.width,
            height=row.height,
            duration_s=row.duration_s,
            created_at=rfc3339(row.created_at) or "",
        )


class AssetDetail(AssetOut):
    """An asset with a signed, expiring download URL."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _EXAMPLE
                | {
                    "download_url": "https://studio.example/api/v1/blobs/orgs/...?exp=...&sig=...",
                    "expires_at": "2025-01-31T13:00:00Z",
                }
            ]
        }
    )

    download_url: str
    expires_at: str

    @classmethod
    def linked(cls, row: Asset, url: str, expires: datetime) -> AssetDetail:
        """Build the body from a row and its signed URL."""
        base = AssetOut.of(row).model_dump()
        return cls.model_validate(base | {"download_url": url, "expires_at": rfc3339(expires)})


class AssetPage(BaseModel):
    """One page of assets, newest first."""

    items: list[AssetOut]
    next_cursor: str | None
