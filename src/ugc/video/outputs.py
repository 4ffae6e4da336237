"""Finish a job: deliver files with the pipeline, upload them, and sign download URLs."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any

from ugc.kit.clock import rfc3339
from ugc.pipeline.deliver import deliver, start_output
from ugc.storage.base import BlobStore
from ugc.video.planning import Planned


def deliver_files(
    planned: Planned, outputs: dict[str, dict[str, Any]], revision: int
) -> tuple[Path, dict[str, Any]]:
    """Write the revision's outputs and manifest into the job folder; return both."""
    out = planned.folder / f"out-r{revision}"
    start_output(out)
    manifest = deliver(planned.spec, planned.engines, planned.store, outputs, out)
    return out, manifest


def upload(blobs: BlobStore, out: Path, prefix: str) -> None:
    """Upload every delivered file under prefix (the manifest last, as the completion mark)."""
    files = sorted(p for p in out.rglob("*") if p.is_file() and not p.name.startswith("."))
    files.sort(key=lambda p: p.name == "manifest.json")
    for path in files:
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        blobs.put_file(f"{prefix}/{path.relative_to(out).as_posix()}", path, kind)


def describe(manifest: dict[str, Any], prefix: str) -> list[dict[str, Any]]:
    """Return the outputs to store on the job: blob keys, not URLs (URLs are signed per read)."""
    variants = []
    for v in manifest["variants"]:
        aspects = [
            {
                "aspect": o["aspect"],
                "width": o["width"],
                "height": o["height"],
                "duration": o["duration"],
                "qa_passed": o["qa_passed"],
                "video": f"{prefix}/{o['video']}",
                "srt": f"{prefix}/{v['captions']['srt']}",
                "vtt": f"{prefix}/{v['captions']['vtt']}",
                "qa_report": f"{prefix}/{o['qa']['json']}",
                "thumbnails": [f"{prefix}/{t['path']}" for t in o["thumbnails"]],
            }
            for o in v["outputs"]
        ]
        script = f"{prefix}/{v['script']}"
        variants.append(
            {"variant": v["variant"], "format": v["format"], "script": script, "outputs": aspects}
        )
    return variants


def sign(blobs: BlobStore, key: str, ttl_s: int) -> dict[str, str]:
    """Return a signed URL for one output."""
    url, expires = blobs.signed_url(key, ttl_s, Path(key).name)
    return {"url": url, "expires_at": rfc3339(expires) or ""}


def signed_outputs(
    blobs: BlobStore, variants: list[dict[str, Any]], ttl_s: int
) -> list[dict[str, Any]]:
    """Replace every blob key in stored outputs with a signed, expiring URL."""
    result = []
    for v in variants:
        aspects = []
        for o in v["outputs"]:
            signed = {k: sign(blobs, o[k], ttl_s) for k in ("video", "srt", "vtt", "qa_report")}
            thumbs = [sign(blobs, t, ttl_s) for t in o["thumbnails"]]
            aspects.append({**o, **signed, "thumbnails": thumbs})
        result.append({**v, "script": sign(blobs, v["script"], ttl_s), "outputs": aspects})
    return result
