"""JSON round-trips for pipeline values stored as step outputs."""

from __future__ import annotations

import dataclasses
import io
from typing import Any

import numpy as np

from ugc.pipeline.store import FileArtifactStore
from ugc.pipeline.types import (
    Assets,
    BrandKit,
    Brief,
    Claim,
    FloatArray,
    FormatOptions,
    PhonemeTiming,
    Product,
    Provenance,
    Script,
    ScriptEdit,
    ScriptLine,
    VoiceTrack,
    WordTiming,
)


def script_to_json(script: Script) -> dict[str, Any]:
    """Serialise a script."""
    return dataclasses.asdict(script)


def script_from_json(data: dict[str, Any]) -> Script:
    """Load a script."""
    lines = lines_from_json(data["lines"])
    return Script(
        variant=data["variant"],
        format=data["format"],
        hook_id=data["hook_id"],
        lines=lines,
        language=data["language"],
        disclosure=data.get("disclosure"),
        provenance=provenance_from_json(data.get("provenance")),
    )


def lines_from_json(data: list[dict[str, Any]]) -> tuple[ScriptLine, ...]:
    """Load script lines; claims and emphasis may be absent (a person's edit has none)."""
    return tuple(
        ScriptLine(
            text=ln["text"],
            role=ln["role"],
            shot=ln.get("shot", "talk"),
            claims=tuple(Claim(**c) for c in ln.get("claims", ())),
            emphasis=tuple(ln.get("emphasis", ())),
            kept=bool(ln.get("kept", False)),
        )
        for ln in data
    )


def options_from_json(data: dict[str, Any]) -> FormatOptions:
    """Load creative options (lists become tuples; briefs from before edits have no scripts)."""
    scripts = tuple(
        ScriptEdit(int(s["variant"]), lines_from_json(s["lines"])) for s in data.get("scripts", ())
    )
    return FormatOptions(**{**data, "formats": tuple(data["formats"]), "scripts": scripts})


def provenance_from_json(data: dict[str, Any] | None) -> Provenance | None:
    """Load a Provenance written by dataclasses.asdict."""
    if data is None:
        return None
    return Provenance(
        **{
            **data,
            "fallbacks": tuple(data.get("fallbacks", ())),
            "notes": tuple(data.get("notes", ())),
        }
    )


def brief_to_json(brief: Brief) -> dict[str, Any]:
    """Serialise a brief."""
    return dataclasses.asdict(brief)


def brief_from_json(data: dict[str, Any]) -> Brief:
    """Load a brief."""
    p = data["product"]
    product = Product(
        **{**p, "benefits": tuple(p["benefits"]), "pain_points": tuple(p["pain_points"])}
    )
    a = data["assets"]
    assets = Assets(
        **{**a, "product_images": tuple(a["product_images"]), "broll": tuple(a["broll"])}
    )
    options = options_from_json(data["options"])
    return Brief(
        product=product,
        tone=data["tone"],
        language=data["language"],
        target_seconds=data["target_seconds"],
        brand=BrandKit.from_json(data["brand"]),
        assets=assets,
        options=options,
    )


def save_array(store: FileArtifactStore, arr: FloatArray) -> str:
    """Store a numpy array as .npy and return its key."""
    buf = io.BytesIO()
    np.save(buf, np.ascontiguousarray(arr), allow_pickle=False)
    return store.put_bytes(buf.getvalue(), ".npy")


def load_array(store: FileArtifactStore, key: str) -> FloatArray:
    """Load a stored .npy array."""
    arr: FloatArray = np.load(store.path(key), allow_pickle=False)
    return arr


def voice_to_json(store: FileArtifactStore, track: VoiceTrack) -> dict[str, Any]:
    """Store a voice track's samples and return its JSON description."""
    return {
        "samples": save_array(store, track.samples.astype(np.float32)),
        "sample_rate": track.sample_rate,
        "words": [dataclasses.asdict(w) for w in track.words],
        "phonemes": [dataclasses.asdict(p) for p in track.phonemes],
        "engine": track.engine,
        "engine_version": track.engine_version,
        "provenance": dataclasses.asdict(track.provenance) if track.provenance else None,
    }


def voice_from_json(store: FileArtifactStore, data: dict[str, Any]) -> VoiceTrack:
    """Load a voice track stored by voice_to_json."""
    return VoiceTrack(
        samples=load_array(store, data["samples"]),
        sample_rate=int(data["sample_rate"]),
        words=tuple(WordTiming(**w) for w in data["words"]),
        phonemes=tuple(PhonemeTiming(**p) for p in data["phonemes"]),
        engine=data["engine"],
        engine_version=data["engine_version"],
        provenance=provenance_from_json(data.get("provenance")),
    )
