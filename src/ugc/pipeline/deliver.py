"""Deliver: copy outputs into OUT with stable names and write manifest.json last, atomically."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from ugc.pipeline.job import Engines, JobSpec, cast_variant, input_hashes
from ugc.pipeline.store import FileArtifactStore
from ugc.pipeline.types import FPS

MANIFEST = "manifest.json"


def start_output(out: Path) -> None:
    """Create OUT and remove a previous manifest, so a half-finished run never looks complete."""
    out.mkdir(parents=True, exist_ok=True)
    (out / MANIFEST).unlink(missing_ok=True)


def deliver(
    spec: JobSpec,
    engines: Engines,
    store: FileArtifactStore,
    outputs: dict[str, dict[str, Any]],
    out: Path,
) -> dict[str, Any]:
    """Copy every variant's files into OUT and write the manifest; return it."""
    variants = [_variant(spec, engines, store, outputs, out, i) for i in range(spec.variants)]
    manifest = {
        "version": 1,
        "job": {
            "brief": spec.brief_path,
            "brief_sha256": spec.brief_sha256,
            "variants": spec.variants,
            "aspects": list(spec.aspects),
            "seed": spec.seed,
        },
        "product": spec.brief.product.name,
        "target_seconds": spec.brief.target_seconds,
        "seed": spec.seed,
        "aspects": list(spec.aspects),
        "engines": {
            "script": f"{engines.writer.name} {engines.writer.version}",
            "voice": f"{engines.voice.name} {engines.voice.version}",
            "music": f"{engines.music.name} {engines.music.version}",
        },
        "inputs": _inputs(spec),
        "passed": all(o["qa_passed"] for v in variants for o in v["outputs"]),
        "cost_usd": round(sum(_cost(v) for v in variants), 6),
        "variants": variants,
    }
    _atomic_json(out / MANIFEST, manifest)
    return manifest


def _cost(variant: dict[str, Any]) -> float:
    """Return what the cloud providers charged for a variant's script and voice."""
    parts = (variant.get("script_provenance"), variant["voice"].get("provenance"))
    return float(sum(p["cost_usd"] for p in parts if p))


def _avatar(out: dict[str, Any] | None) -> dict[str, Any]:
    """Describe the talking layer: the procedural persona, or the external avatar used."""
    if out is None:
        return {"provider": "procedural", "fallback": None}
    return {"provider": out["provider"] or "procedural", "fallback": out["fallback"]}


def _inputs(spec: JobSpec) -> dict[str, str]:
    """Return sha256 per input file, keyed by its path relative to the brief's folder."""
    base = Path(spec.brief_path).parent if spec.brief_path else None
    out: dict[str, str] = {}
    for path, digest in input_hashes(spec.brief).items():
        p = Path(path)
        out[str(p.relative_to(base)) if base and p.is_relative_to(base) else p.name] = digest
    return out


def _variant(
    spec: JobSpec,
    e: Engines,
    store: FileArtifactStore,
    outputs: dict[str, dict[str, Any]],
    out: Path,
    i: int,
) -> dict[str, Any]:
    """Deliver one variant and describe it."""
    v = f"{i:02d}"
    folder = out / f"variant-{v}"
    folder.mkdir(parents=True, exist_ok=True)
    fit, tl = outputs[f"fit/{v}"], outputs[f"timeline/{v}"]
    _write(folder / "script.json", json.dumps(fit["script"], indent=2, ensure_ascii=False))
    _copy(store, tl["srt"], folder / "captions.srt")
    _copy(store, tl["vtt"], folder / "captions.vtt")
    script = fit["script"]
    return {
        "variant": i,
        "format": script["format"],
        "hook": script["hook_id"],
        "cast": cast_variant(spec, e.music.moods, i).__dict__,
        "script": f"variant-{v}/script.json",
        "captions": {"srt": f"variant-{v}/captions.srt", "vtt": f"variant-{v}/captions.vtt"},
        "claims": [c for line in script["lines"] for c in line["claims"]],
        "disclosure": script.get("disclosure"),
        "resolutions": [*fit["resolutions"], *tl.get("resolutions", [])],
        "seeds": {"script": i * 7919 + 13, "render": spec.seed + i},
        "voice": {
            "engine": fit["voice"]["engine"],
            "version": fit["voice"]["engine_version"],
            "provenance": fit["voice"].get("provenance"),
        },
        "script_provenance": script.get("provenance"),
        "avatar": _avatar(outputs.get(f"avatar/{v}")),
        "outputs": [_aspect(store, outputs, folder, v, a) for a in spec.aspects],
    }


def _aspect(
    store: FileArtifactStore, outputs: dict[str, dict[str, Any]], folder: Path, v: str, aspect: str
) -> dict[str, Any]:
    """Deliver one aspect of one variant."""
    a = aspect.replace(":", "x")
    render, qa, thumbs = (
        outputs[f"render/{v}/{a}"],
        outputs[f"qa/{v}/{a}"],
        outputs[f"thumbs/{v}/{a}"],
    )
    rel = f"variant-{v}"
    video = qa.get("video", render["video"])  # QA may have repaired the render
    _copy(store, video, folder / f"{a}.mp4")
    report = store.get_json(qa["report"])
    _write(folder / f"qa-{a}.json", json.dumps(report, indent=2, ensure_ascii=False))
    _write(folder / f"qa-{a}.txt", summary(report))
    thumbs_out = []
    for c in thumbs["candidates"]:
        name = f"thumb-{a}-{c['rank']}.jpg"
        _copy(store, c["image"], folder / name)
        thumbs_out.append(
            {"path": f"{rel}/{name}", "rank": c["rank"], "score": c["score"], "reason": c["reason"]}
        )
    probe = {c["check"]: c["value"] for c in report["checks"]}
    w, h = (int(x) for x in probe["profile_conformance"]["size"].split("x"))
    return {
        "aspect": aspect,
        "video": f"{rel}/{a}.mp4",
        "width": w,
        "height": h,
        "duration": probe["duration_s"],
        "fps": FPS,
        "thumbnails": thumbs_out,
        "qa": {"json": f"{rel}/qa-{a}.json", "summary": f"{rel}/qa-{a}.txt"},
        "qa_passed": report["passed"],
        "sha256": render["video"].split(".")[0],
    }


def summary(report: dict[str, Any]) -> str:
    """Render a QA report as a readable checklist."""
    lines = [f"QA {report.get('aspect', '')}: {'PASSED' if report['passed'] else 'FAILED'}", ""]
    for c in report["checks"]:
        mark = "ok  " if c["passed"] else "FAIL"
        detail = f"  ({c['detail']})" if c["detail"] else ""
        lines.append(f"[{mark}] {c['check']}: {c['value']}  target {c['target']}{detail}")
    return "\n".join(lines) + "\n"


def _copy(store: FileArtifactStore, key: str, dest: Path) -> None:
    """Copy an artifact to dest atomically."""
    tmp = dest.with_name(f".{dest.name}.tmp")
    shutil.copyfile(store.path(key), tmp)
    os.replace(tmp, dest)


def _write(dest: Path, text: str) -> None:
    """Write text to dest atomically."""
    tmp = dest.with_name(f".{dest.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, dest)


def _umask() -> int:
    """Return the process umask (reading it means setting it, so put it straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _atomic_json(dest: Path, value: Any) -> None:
    """Write JSON to dest via a temp file in the same folder."""
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".manifest-")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(value, fh, indent=2, ensure_ascii=False)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; match the other outputs
    os.replace(tmp, dest)
