"""Upload, list, sign, fetch and delete an organisation's media."""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.orm import Session

from ugc.asset.media import probe, safe_stem, spool
from ugc.asset.repository import AssetRepository
from ugc.audit.service import record
from ugc.db.session import after_commit
from ugc.errors import FieldError, InvalidRequest, NotFound
from ugc.kit.ids import new_id
from ugc.kit.pagination import Page, paginate
from ugc.models import Asset
from ugc.storage.base import BlobStore

KINDS = ("image", "video", "audio")


def create_asset(
    session: Session,
    blobs: BlobStore,
    org_id: str,
    actor: str,
    source: BinaryIO,
    filename: str | None,
    kind: str | None = None,
) -> Asset:
    """Sniff, limit, probe and store an upload, then add its row."""
    if kind is not None and kind not in KINDS:
        raise InvalidRequest("unknown kind", [FieldError("kind", f"choose one of {KINDS}")])
    with tempfile.TemporaryDirectory(prefix="ugc-asset-") as tmp:
        spooled = spool(source, Path(tmp), safe_stem(filename))
        if kind is not None and kind != spooled.media.kind:
            reason = f"the file is a {spooled.media.label}, not {kind}"
            raise InvalidRequest(reason, [FieldError("kind", reason)])
        info = probe(spooled)
        asset_id = new_id("ast")
        key = f"orgs/{org_id}/assets/{asset_id}/{spooled.path.name}"
        blobs.put_file(key, spooled.path, spooled.media.content_type)
    row = Asset(
        id=asset_id,
        kind=spooled.media.kind,
        content_type=spooled.media.content_type,
        filename=spooled.path.name,
        size=spooled.size,
        sha256=spooled.sha256,
        width=info.width,
        height=info.height,
        duration_s=info.duration_s,
        blob_key=key,
        created_by=actor[:40],
    )
    try:
        return AssetRepository(session, org_id).add(row)
    except BaseException:
        blobs.delete(key)
        raise


def list_assets(
    session: Session, org_id: str, limit: int, cursor: str | None, kind: str | None = None
) -> Page[Asset]:
    """Return a page of the organisation's assets, newest first, optionally of one kind."""
    repo = AssetRepository(session, org_id)
    query = repo.select()
    if kind is not None:
        query = query.where(Asset.kind == kind)
    return paginate(session, query, Asset.created_at, Asset.id, limit, cursor)


def get_asset(session: Session, org_id: str, asset_id: str) -> Asset:
    """Return one of the organisation's assets, or raise NotFound."""
    return AssetRepository(session, org_id).get(asset_id)


def get_with_link(
    session: Session, blobs: BlobStore, org_id: str, asset_id: str, ttl_s: int
) -> tuple[Asset, str, datetime]:
    """Return an asset with a signed URL that downloads it under its filename, and its expiry."""
    row = get_asset(session, org_id, asset_id)
    url, expires = blobs.signed_url(row.blob_key, ttl_s, row.filename)
    return row, url, expires


def delete_asset(
    session: Session, blobs: BlobStore, org_id: str, asset_id: str, actor: str
) -> None:
    """Delete the row now and the blob once the deletion commits."""
    repo = AssetRepository(session, org_id)
    row = repo.get(asset_id)
    key = row.blob_key
    repo.delete(row)
    record(session, actor, "asset.delete", organization_id=org_id, target=asset_id)
    after_commit(session, lambda: blobs.delete(key))


def materialize(
    session: Session, blobs: BlobStore, org_id: str, asset_id: str, dest_dir: Path
) -> Path:
    """Download the asset into dest_dir (once; assets never change) and return its path."""
    row = get_asset(session, org_id, asset_id)
    dest = dest_dir / f"{row.id}{Path(row.filename).suffix}"
    if dest.is_file() and dest.stat().st_size == row.size:
        return dest
    dest_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest_dir, prefix=f".{row.id}-", suffix=".part")
    os.close(fd)
    part = Path(tmp)
    try:
        blobs.download(row.blob_key, part)
        os.replace(part, dest)
    except KeyError:
        raise NotFound("asset file", asset_id) from None
    finally:
        part.unlink(missing_ok=True)
    return dest
