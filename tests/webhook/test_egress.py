"""Webhooks reach public hosts only: refused at creation, re-checked and pinned at each send."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.e2e.scenario import Receiver
from tests.platform import Member
from ugc.app import create_app
from ugc.runtime import Runtime
from ugc.webhook.egress import RefusedDestination, pinned_client


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9000/hook",
        "http://10.1.2.3/hook",
        "http://192.168.0.10/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/hook",
        "http://localhost/hook",
        "http://100.64.0.1/hook",
    ],
)
def test_private_destinations_are_refused(runtime: Runtime, owner: Member, url: str) -> None:
    runtime.limits["webhook_allow_hosts"] = []
    client = TestClient(create_app(runtime))
    r = client.post("/api/v1/webhooks/endpoints", json={"url": url}, headers=owner.headers)
    assert r.status_code == 422, r.text
    assert r.json()["errors"][0]["field"] == "url"
    assert "public hosts only" in r.json()["errors"][0]["message"]


def test_a_name_that_resolves_inward_is_refused_when_sending() -> None:
    with pytest.raises(RefusedDestination, match=r"127\.0\.0\.1"):
        pinned_client("http://hooks.example.test/x", [], 1.0, resolver=lambda _h, _p: ["127.0.0.1"])
    with pytest.raises(RefusedDestination):
        pinned_client(
            "http://meta.example.test/", [], 1.0, resolver=lambda _h, _p: ["169.254.169.254"]
        )


def test_the_send_goes_to_the_checked_address() -> None:
    receiver = Receiver()
    port = receiver.url.split(":")[2].split("/")[0]
    try:
        url = f"http://hooks.example.test:{port}/in"
        with pinned_client(
            url, ["hooks.example.test"], 5.0, resolver=lambda _h, _p: ["127.0.0.1"]
        ) as c:
            assert c.post(url, content=b"{}").status_code == 204
        headers, _ = receiver.received[-1]
        assert headers["host"] == f"hooks.example.test:{port}"
    finally:
        receiver.server.shutdown()
