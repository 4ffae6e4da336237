"""The app's plumbing: problem+json, request ids, security headers, body limits."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.platform import Member


def test_unknown_route_is_problem_json(client: TestClient) -> None:
    r = client.get("/api/v1/no-such-thing")
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/problem+json"
    body = r.json()
    assert body["code"] == "not_found"
    assert body["request_id"] == r.headers["request-id"]


def test_security_headers_on_every_response(client: TestClient) -> None:
    r = client.get("/healthz")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]


def test_readyz_checks_database(client: TestClient) -> None:
    r = client.get("/readyz")
    assert r.status_code == 200
    assert r.json()["checks"]["database"] == "ok"


def test_body_over_limit_is_413(client: TestClient, owner: Member) -> None:
    r = client.post("/api/v1/anything", content=b"x" * (2 * 1024 * 1024), headers=owner.headers)
    assert r.status_code == 413
    assert r.json()["code"] == "payload_too_large"


def test_openapi_served_under_v1(client: TestClient) -> None:
    r = client.get("/api/v1/openapi.json")
    assert r.status_code == 200
    assert r.json()["info"]["title"] == "UGC Creator Studio API"
