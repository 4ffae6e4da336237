"""The job loader the API uses for drafts, the catalog and previews."""

from __future__ import annotations

import pytest

from ugc.cli.engines import JobLoader
from ugc.config import Settings
from ugc.runtime import Runtime


@pytest.fixture
def loader(runtime: Runtime, settings: Settings) -> JobLoader:
    """Install the entry point's JobLoader on the test runtime, as `ugc serve` does."""
    runtime.engines = JobLoader(settings)
    return runtime.engines
