"""What this domain needs from the engine loader the entry point installs on the runtime."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

from ugc.errors import AppError
from ugc.pipeline.job import Engines
from ugc.pipeline.types import Brief
from ugc.runtime import Runtime


@runtime_checkable
class StudioEngines(Protocol):
    """Loads briefs and engines like a job does, and lists the offline voices and fonts."""

    def __call__(
        self, brief_path: Path, org_keys: Mapping[str, str] | None = None
    ) -> tuple[Brief, Engines]:
        """Parse and check a brief file, and pick the engines its job would run on."""
        ...

    def base(self) -> Engines:
        """Return the offline engines shared by every job of this process."""
        ...

    def voice_choices(self) -> Sequence[tuple[str, str, str]]:
        """Return the offline voices a brief may name, as (id, name, language)."""
        ...

    def font_families(self) -> Sequence[str]:
        """Return the brand font families installed here."""
        ...


class EnginesUnavailable(AppError):
    """The process was started without engines (only entry points install them)."""

    code = "internal"
    status = 503


def studio_engines(runtime: Runtime) -> StudioEngines:
    """Return the runtime's engine loader, or raise when this process has none."""
    loader = runtime.engines
    if not isinstance(loader, StudioEngines):
        raise EnginesUnavailable("this server has no media engines; start it with `ugc serve`")
    return loader
