"""Cheap password hashing for every test here that runs the app."""

from __future__ import annotations

import pytest

from tests.auth.helpers import light_hashing


@pytest.fixture(autouse=True)
def _light_hashing(request: pytest.FixtureRequest) -> None:
    """Use light Argon2 parameters wherever a runtime is in play."""
    if "runtime" in request.fixturenames:
        light_hashing(request.getfixturevalue("runtime"))
