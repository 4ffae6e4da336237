"""A local shop for every importer test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.importer.site import Site, serve, stock


@pytest.fixture
def site() -> Iterator[Site]:
    """A shop on 127.0.0.1 with the sample images in stock."""
    with serve() as s:
        stock(s)
        yield s
