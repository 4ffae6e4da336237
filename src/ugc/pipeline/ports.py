"""Protocols the pipeline needs; real adapters live in ugc.providers."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from ugc.pipeline.types import Brief, FloatArray, Script, VoiceTrack


class ScriptWriter(Protocol):
    """Writes one script variant from a brief; every claim must cite a brief field."""

    name: str
    version: str

    def write(self, brief: Brief, variant: int, seed: int) -> Script:
        """Return variant number `variant` (0-based); distinct variants never repeat."""
        ...

    def adjust(self, script: Script, brief: Brief, delta_words: int) -> Script:
        """Return the script lengthened (delta>0) or shortened (delta<0) by about delta words."""
        ...


class VoiceEngine(Protocol):
    """Speaks lines; returns audio with one WordTiming per `text.tokenize` token of each line."""

    name: str
    version: str

    def supports(self, language: str) -> bool:
        """Return True if the engine can speak this language code."""
        ...

    def synthesize(self, lines: Sequence[str], language: str, voice: str | None) -> VoiceTrack:
        """Speak the lines in order, with no more than 0.1 s of leading silence."""
        ...


class MusicSource(Protocol):
    """Produces a music bed."""

    name: str
    version: str
    moods: tuple[str, ...]

    def render(self, mood: str, seconds: float, sample_rate: int, seed: int) -> FloatArray:
        """Return stereo float32 audio, shape (n, 2), exactly `seconds` long, faded at the end."""
        ...


class AvatarRenderer(Protocol):
    """Renders an external talking-head clip (cloud avatars); the procedural persona is built in."""

    name: str
    version: str

    def render(self, voice: VoiceTrack, persona: str, out_dir: Path) -> Path:
        """Return the path of a video clip of the persona speaking the voice track."""
        ...


class ArtifactStore(Protocol):
    """Content-addressed storage for step outputs, plus the step index used for resume."""

    root: Path

    def put_file(self, src: Path, suffix: str) -> str:
        """Move a finished file into the store and return its content key."""
        ...

    def put_bytes(self, data: bytes, suffix: str) -> str:
        """Store bytes and return their content key."""
        ...

    def path(self, key: str) -> Path:
        """Return the on-disk path of a stored artifact."""
        ...

    def get_step(self, step_key: str) -> dict[str, Any] | None:
        """Return the recorded result of a finished step, or None."""
        ...

    def put_step(self, step_key: str, record: dict[str, Any]) -> None:
        """Record a finished step atomically."""
        ...
