"""A job's working folder: its assets fetched from the blob store and the brief as a file."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ugc.pipeline.job import Engines
from ugc.pipeline.types import Brief

ASSET_REF = "asset:"  # a brief names uploaded media as "asset:<asset id>"

JobLoader = Callable[[Path, Mapping[str, str]], tuple[Brief, Engines]]
Fetch = Callable[[str, Path], Path]  # (asset id, folder) -> local file


def job_dir(cache_dir: Path, job_id: str) -> Path:
    """Return the job's folder (stable across revisions, so step keys stay stable)."""
    return cache_dir / "jobs" / job_id


def asset_refs(brief: dict[str, Any]) -> list[str]:
    """Return every asset id the brief refers to, in order."""
    found: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str) and value.startswith(ASSET_REF):
            found.append(value.removeprefix(ASSET_REF))
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(brief)
    return found


def resolve_refs(brief: dict[str, Any], paths: dict[str, Path]) -> dict[str, Any]:
    """Return the brief with every `asset:<id>` replaced by its local path."""

    def swap(value: Any) -> Any:
        if isinstance(value, str) and value.startswith(ASSET_REF):
            return str(paths[value.removeprefix(ASSET_REF)])
        if isinstance(value, dict):
            return {k: swap(v) for k, v in value.items()}
        if isinstance(value, list):
            return [swap(v) for v in value]
        return value

    result: dict[str, Any] = swap(brief)
    return result


def write_brief(folder: Path, brief: dict[str, Any], revision: int, fetch: Fetch) -> Path:
    """Fetch the brief's assets into the folder and write brief-r<revision>.json there."""
    assets = folder / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    paths = {ident: fetch(ident, assets) for ident in dict.fromkeys(asset_refs(brief))}
    path = folder / f"brief-r{revision}.json"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(resolve_refs(brief, paths), ensure_ascii=False, indent=1))
    os.replace(tmp, path)
    return path
