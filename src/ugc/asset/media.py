"""What makes a file an asset: its limits, a sniffed and hashed copy on disk, and a probe."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from ugc.asset.sniff import ACCEPTED, HEAD_BYTES, Sniffed, describe, sniff
from ugc.brief.assets import Bounds, MediaInfo, probe_audio, probe_image, probe_video
from ugc.errors import BriefError, FieldError, InvalidRequest, PayloadTooLarge, UnsupportedMedia

MiB = 1024 * 1024
CHUNK = MiB


@dataclass(frozen=True)
class KindLimits:
    """How large an upload of one kind may be, on disk and once decoded."""

    max_bytes: int
    bounds: Bounds


# Every limit an upload meets, in one place.
LIMITS: dict[str, KindLimits] = {
    "image": KindLimits(20 * MiB, Bounds(max_pixels=40_000_000, max_side=8192, max_seconds=None)),
    "video": KindLimits(200 * MiB, Bounds(max_side=3840, max_seconds=120)),
    "audio": KindLimits(50 * MiB, Bounds(max_seconds=600)),
}


@dataclass(frozen=True)
class Spooled:
    """An upload copied to a local file, with its sniffed type, size and sha256."""

    path: Path
    media: Sniffed
    size: int
    sha256: str


def safe_stem(filename: str | None) -> str:
    """Return an ASCII file stem safe in blob keys, URLs and download headers."""
    name = PurePosixPath((filename or "").replace("\\", "/")).name
    stem = name.rsplit(".", 1)[0] if "." in name[1:] else name
    plain = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "-", plain).strip("-_")[:80].strip("-_")
    return cleaned or "file"


def spool(source: BinaryIO, folder: Path, stem: str) -> Spooled:
    """Stream source to folder/<stem><ext> in chunks, sniffing it and enforcing its size limit."""
    head = _read_head(source)
    media = sniff(head)
    if media is None:
        if not head:
            raise InvalidRequest("the file is empty", [FieldError("file", "the file is empty")])
        raise UnsupportedMedia(f"unsupported file: it looks like {describe(head)}; send {ACCEPTED}")
    limit = LIMITS[media.kind].max_bytes
    path = folder / f"{stem}{media.ext}"
    digest, size, chunk = hashlib.sha256(), 0, head
    with path.open("wb") as out:
        while chunk:
            size += len(chunk)
            if size > limit:
                raise PayloadTooLarge(
                    f"{media.kind} uploads are limited to {limit // MiB} MB; this file is larger"
                )
            digest.update(chunk)
            out.write(chunk)
            chunk = source.read(CHUNK)
    return Spooled(path, media, size, digest.hexdigest())


def _read_head(source: BinaryIO) -> bytes:
    """Read the first HEAD_BYTES bytes (fewer only at the end of the stream)."""
    head = b""
    while len(head) < HEAD_BYTES:
        more = source.read(HEAD_BYTES - len(head))
        if not more:
            break
        head += more
    return head


def probe(spooled: Spooled, field: str = "file") -> MediaInfo:
    """Check a spooled file against its kind's limits and decode it; raise a 422 naming why."""
    media, bounds = spooled.media, LIMITS[spooled.media.kind].bounds
    try:
        if media.kind == "image":
            return probe_image(field, spooled.path, bounds, decode=True)
        if media.kind == "video":
            return probe_video(field, spooled.path, bounds, media.demuxer)
        return probe_audio(field, spooled.path, bounds, media.demuxer)
    except BriefError as exc:
        raise InvalidRequest(exc.reason, [FieldError(field, exc.reason)]) from None
