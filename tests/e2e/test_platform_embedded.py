"""`ugc serve` with no settings: a new user goes from sign-up to a video and a signed webhook."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.e2e.scenario import Receiver, receiver, run_scenario  # noqa: F401
from ugc.config import Settings

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("embedded")]


def test_whole_story_embedded(client: TestClient, settings: Settings, receiver: Receiver) -> None:  # noqa: F811
    def fetch(url: str) -> bytes:
        r = client.get("/" + url.split("://", 1)[1].split("/", 1)[1])
        assert r.status_code == 200, r.text
        return r.content

    run_scenario(client, settings.data_dir / "mail", receiver, fetch)
