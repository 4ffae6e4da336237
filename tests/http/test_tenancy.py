"""Walk every route as another organisation and as each weaker role: 404 or 403, never data.

Routes are enumerated from the app's routers, so a new route joins this test by itself; one
that neither demands a permission nor appears in PUBLIC fails `test_every_route_is_guarded`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from PIL import Image

from tests.platform import Member, add_member
from ugc.app import ROUTERS, create_app
from ugc.auth.principal import ROLE_PERMISSIONS, ROLES
from ugc.http.deps import Require, require_user
from ugc.kit.ids import new_id
from ugc.models import VideoJob
from ugc.runtime import Runtime

# Routes reachable without a bearer credential, each for a reason.
PUBLIC = {
    ("POST", "/auth/signup"): "creates an account",
    ("POST", "/auth/verify"): "the e-mailed token is the credential",
    ("POST", "/auth/verify/resend"): "answers the same for every address",
    ("POST", "/auth/login"): "exchanges a password for tokens",
    ("POST", "/auth/login/mfa"): "the MFA token is the credential",
    ("POST", "/auth/refresh"): "the refresh token is the credential",
    ("POST", "/auth/logout"): "the refresh token is the credential",
    ("POST", "/auth/password/forgot"): "answers the same for every address",
    ("POST", "/auth/password/reset"): "the e-mailed token is the credential",
    ("POST", "/oauth/token"): "client credentials are the credential",
    ("GET", "/blobs/{key:path}"): "the signed URL is the credential",
}


# Path parameters that are fixed names, not ids of one organisation's rows.
NAMES = {"provider": "openai", "kind": "personas", "item_id": "maya"}


@dataclass(frozen=True)
class Route:
    """One method of one route, with the permission it demands (None: a signed-in user)."""

    method: str
    path: str
    route: APIRoute
    permission: str | None
    user_only: bool


def _walk(router: Any, prefix: str = "") -> Iterator[tuple[str, APIRoute]]:
    """Yield every APIRoute of a router, following included routers."""
    for r in router.routes:
        if isinstance(r, APIRoute):
            yield prefix + r.path, r
        elif hasattr(r, "original_router"):
            yield from _walk(r.original_router, prefix + (r.include_context.prefix or ""))


def _guards(route: APIRoute) -> tuple[str | None, bool]:
    """Return the Require permission and whether a signed-in user is demanded."""
    perm, user = None, False
    stack = [route.dependant]
    while stack:
        dep = stack.pop()
        if isinstance(dep.call, Require):
            perm = dep.call.permission
        if dep.call is require_user:
            user = True
        stack.extend(dep.dependencies)
    return perm, user


def all_routes() -> list[Route]:
    """Return every method of every API route."""
    found = []
    for router in ROUTERS:
        for path, r in _walk(router):
            perm, user = _guards(r)
            found += [Route(m, path, r, perm, user) for m in sorted(r.methods)]
    return found


def test_every_route_is_guarded() -> None:
    unguarded = [
        f"{r.method} {r.path}"
        for r in all_routes()
        if r.permission is None and not r.user_only and (r.method, r.path) not in PUBLIC
    ]
    assert not unguarded, f"routes with no permission check: {unguarded}"


def _png() -> bytes:
    """Return a small PNG."""
    buf = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 40, 90)).save(buf, "PNG")
    return buf.getvalue()


@dataclass
class World:
    """Organisation A's resources, by the path parameter that names them."""

    owner: Member
    ids: dict[str, str]


def _made(r: Any, key: str = "id") -> str:
    """Return the id from a creation response."""
    assert r.status_code in (200, 201, 202), r.text
    return str(r.json()[key])


@pytest.fixture
def world(client: TestClient, runtime: Runtime) -> World:
    """Organisation A with one of every kind of resource."""
    a = add_member(runtime, "owner")
    h = a.headers
    editor = add_member(runtime, "editor", a.org_id)
    ids = {"org_id": a.org_id, "user_id": editor.user_id}
    ids["key_id"] = _made(
        client.post("/api/v1/api-keys", json={"name": "ci", "scopes": ["videos:read"]}, headers=h)
    )
    ids["client_ref"] = _made(
        client.post(
            "/api/v1/oauth-clients", json={"name": "zap", "scopes": ["videos:read"]}, headers=h
        )
    )
    ids["invitation_id"] = _made(
        client.post(
            f"/api/v1/orgs/{a.org_id}/invitations",
            json={"email": "new@example.com", "role": "viewer"},
            headers=h,
        )
    )
    ids["asset_id"] = _made(
        client.post("/api/v1/assets", files={"file": ("logo.png", _png(), "image/png")}, headers=h)
    )
    ids["kit_id"] = _made(client.post("/api/v1/brand-kits", json={"name": "Kit A"}, headers=h))
    ids["template_id"] = _made(
        client.post("/api/v1/templates", json=_example("/templates", "POST"), headers=h)
    )
    ids["endpoint_id"] = _made(
        client.post(
            "/api/v1/webhooks/endpoints", json={"url": "https://hooks.example.com/a"}, headers=h
        )
    )
    r = client.put("/api/v1/provider-keys/openai", json={"key": "sk-a-0123456789"}, headers=h)
    assert r.status_code == 200, r.text
    ids["delivery_id"] = _made(
        client.post(f"/api/v1/webhooks/endpoints/{ids['endpoint_id']}/test", headers=h)
    )
    with runtime.sessions() as s:
        vid = new_id("vid")
        s.add(
            VideoJob(
                id=vid,
                organization_id=a.org_id,
                created_by=a.user_id,
                status="failed",
                brief={"product": {"name": "A"}},
                aspects=["9:16"],
                variants=1,
                seed=7,
                quote={},
            )
        )
        s.commit()
    ids["video_id"] = vid
    return World(a, ids)


def _example(path: str, method: str) -> Any:
    """Return the first OpenAPI example of a route's JSON body, or an empty object."""
    from tests.platform import Settings  # noqa: F401  (keeps fixtures importable)

    route = next(r for r in all_routes() if r.path == path and r.method == method)
    body = route.route.body_field
    if body is None:
        return None
    schema = getattr(body.field_info.annotation, "model_config", {}).get("json_schema_extra") or {}
    examples = schema.get("examples") if isinstance(schema, dict) else None
    return examples[0] if examples else {}


def _call(client: TestClient, route: Route, ids: dict[str, str], headers: dict[str, str]) -> Any:
    """Call a route with organisation A's ids in its path and an example body."""
    values = {**NAMES, **ids}
    path = re.sub(r"{(\w+)(:\w+)?}", lambda m: values.get(m.group(1), "x"), route.path)
    kwargs: dict[str, Any] = {"headers": headers}
    if route.method in ("POST", "PATCH", "PUT") and route.route.body_field is not None:
        if route.path == "/assets":
            kwargs["files"] = {"file": ("x.png", _png(), "image/png")}
        else:
            kwargs["json"] = _example(route.path, route.method)
    return client.request(route.method, "/api/v1" + path, **kwargs)


def _names_a_resource(route: Route) -> bool:
    """Return True if the route's path names one of A's resources (not a fixed name)."""
    params = set(re.findall(r"{(\w+)}", route.path))
    return bool(params - set(NAMES))


def test_another_organisation_gets_404_or_403_everywhere(
    client: TestClient, runtime: Runtime, world: World
) -> None:
    b = add_member(runtime, "owner")
    leaks, wrong = [], []
    for route in all_routes():
        if (route.method, route.path) in PUBLIC or route.path == "/oauth/token":
            continue
        r = _call(client, route, world.ids, b.headers)
        if _names_a_resource(route) and r.status_code not in (403, 404):
            wrong.append(f"{route.method} {route.path} -> {r.status_code} {r.text[:120]}")
        sent = str(r.request.url)  # a 404 may echo the id the caller sent; that is no leak
        leaked = [k for k, v in world.ids.items() if v not in sent and v in r.text]
        if leaked:
            leaks.append(f"{route.method} {route.path} shows A's {leaked}")
    assert not wrong, "\n".join(wrong)
    assert not leaks, "\n".join(leaks)


@pytest.mark.parametrize("role", ROLES)
def test_each_role_is_refused_what_it_lacks(
    client: TestClient, runtime: Runtime, world: World, role: str
) -> None:
    member = add_member(runtime, role, world.owner.org_id)
    held = ROLE_PERMISSIONS[role]
    wrong = []
    for route in all_routes():
        if route.permission is None or route.permission in held:
            continue
        r = _call(client, route, world.ids, member.headers)
        if r.status_code != 403:
            wrong.append(f"{role}: {route.method} {route.path} -> {r.status_code} {r.text[:120]}")
    assert not wrong, "\n".join(wrong)


def test_new_routes_are_walked(runtime: Runtime) -> None:
    app = create_app(runtime)
    walked = {(r.method, re.sub(r":\w+}", "}", r.path)) for r in all_routes()}
    documented = {
        (m.upper(), p.removeprefix("/api/v1"))
        for p, ops in app.openapi()["paths"].items()
        if p.startswith("/api/v1")
        for m in ops
    }
    assert documented == walked
