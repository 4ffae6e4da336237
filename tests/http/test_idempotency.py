"""Idempotency-Key: replays return the stored response; 50 concurrent sends make one job."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from tests.platform import Member, RecordingQueue
from ugc.models import IdempotencyRecord, VideoJob
from ugc.runtime import Runtime

BRIEF = {
    "product": {
        "name": "Trail Bottle",
        "description": "An insulated bottle that keeps water cold for a full day outside.",
        "benefits": ["Cold for 24 hours", "Fits every cup holder"],
    },
    "target_seconds": 15,
}


def count_jobs(runtime: Runtime) -> int:
    """Return how many video jobs exist."""
    with runtime.sessions() as s:
        return int(s.scalar(select(func.count()).select_from(VideoJob)) or 0)


def test_replay_returns_the_stored_response(
    client: TestClient, owner: Member, recorded: RecordingQueue, runtime: Runtime
) -> None:
    headers = {**owner.headers, "Idempotency-Key": "order-42"}
    first = client.post("/api/v1/videos", json={"brief": BRIEF}, headers=headers)
    again = client.post("/api/v1/videos", json={"brief": BRIEF}, headers=headers)
    assert first.status_code == again.status_code == 202
    assert again.json()["id"] == first.json()["id"]
    assert again.headers["idempotent-replayed"] == "true"
    assert count_jobs(runtime) == 1
    assert [n for n, _ in recorded.sent] == ["video.start"]


def test_same_key_different_body_is_422(
    client: TestClient, owner: Member, recorded: RecordingQueue
) -> None:
    headers = {**owner.headers, "Idempotency-Key": "k-1"}
    assert client.post("/api/v1/videos", json={"brief": BRIEF}, headers=headers).status_code == 202
    other = {"brief": BRIEF, "variants": 2}
    r = client.post("/api/v1/videos", json=other, headers=headers)
    assert r.status_code == 422
    assert r.json()["code"] == "validation_error"
    assert "different request body" in r.json()["detail"]
    assert len(recorded.sent) == 1


@pytest.mark.usefixtures("recorded")
def test_keys_are_per_organisation(client: TestClient, owner: Member, runtime: Runtime) -> None:
    from tests.platform import add_member

    other = add_member(runtime, "owner")
    for m in (owner, other):
        r = client.post(
            "/api/v1/videos", json={"brief": BRIEF}, headers={**m.headers, "Idempotency-Key": "k"}
        )
        assert r.status_code == 202
    assert count_jobs(runtime) == 2
    with runtime.sessions() as s:
        scopes = set(s.scalars(select(IdempotencyRecord.scope)))
    assert scopes == {f"{owner.org_id}:{owner.user_id}", f"{other.org_id}:{other.user_id}"}


@pytest.mark.usefixtures("recorded")
def test_another_member_never_gets_my_stored_response(
    client: TestClient, owner: Member, runtime: Runtime
) -> None:
    from tests.platform import add_member

    viewer = add_member(runtime, "viewer", owner.org_id)
    body = {"name": "ci", "scopes": ["videos:read"]}
    mine = client.post(
        "/api/v1/api-keys", json=body, headers={**owner.headers, "Idempotency-Key": "k"}
    )
    assert mine.status_code == 201
    theirs = client.post(
        "/api/v1/api-keys", json=body, headers={**viewer.headers, "Idempotency-Key": "k"}
    )
    assert theirs.status_code == 403  # their own request, judged by their own role
    assert mine.json()["key"] not in theirs.text


def test_failed_request_does_not_keep_the_key(
    client: TestClient, owner: Member, recorded: RecordingQueue
) -> None:
    headers = {**owner.headers, "Idempotency-Key": "k-2"}
    bad = client.post("/api/v1/videos", json={"brief": {"product": {}}}, headers=headers)
    assert bad.status_code == 422
    again = client.post("/api/v1/videos", json={"brief": {"product": {}}}, headers=headers)
    assert again.headers.get("idempotent-replayed") == "true"  # a 4xx answer is kept too
    assert len(recorded.sent) == 0


def test_fifty_concurrent_sends_make_one_job(
    live_url: str, owner: Member, recorded: RecordingQueue, runtime: Runtime
) -> None:
    headers = {**owner.headers, "Idempotency-Key": "burst-1"}

    def post(_: int) -> httpx.Response:
        with httpx.Client(base_url=live_url, timeout=60) as c:
            return c.post(
                "/api/v1/videos", json={"brief": BRIEF, "aspects": ["9:16"]}, headers=headers
            )

    with ThreadPoolExecutor(50) as pool:
        responses = list(pool.map(post, range(50)))
    assert {r.status_code for r in responses} == {202}, {r.status_code for r in responses}
    assert len({r.json()["id"] for r in responses}) == 1
    assert count_jobs(runtime) == 1
    assert sum(1 for n, _ in recorded.sent if n == "video.start") == 1


@pytest.mark.parametrize(
    ("path", "body", "secret_prefix"),
    [
        ("/api/v1/api-keys", {"name": "ci", "scopes": ["videos:read"]}, "ugc_"),
        ("/api/v1/webhooks/endpoints", {"url": "https://hooks.example/ugc"}, "whsec_"),
    ],
)
def test_secrets_shown_once_are_never_kept_for_replays(
    client: TestClient,
    owner: Member,
    runtime: Runtime,
    path: str,
    body: dict[str, object],
    secret_prefix: str,
) -> None:
    headers = {**owner.headers, "Idempotency-Key": f"secret-{path}"}
    first = client.post(path, json=body, headers=headers)
    assert first.status_code == 201, first.text
    assert first.headers["cache-control"] == "no-store"
    again = client.post(path, json=body, headers=headers)
    assert again.status_code == 409
    assert "shown only once" in again.json()["detail"]
    assert secret_prefix not in again.text
    with runtime.sessions() as s:
        stored = [str(r.response) for r in s.scalars(select(IdempotencyRecord))]
    assert stored
    assert not [r for r in stored if secret_prefix in r]
    listed = client.get(path, headers=owner.headers).json()["items"]
    assert len(listed) == 1  # the replay made no second key or endpoint
