"""Dependencies every endpoint uses: the runtime, one transaction, and the caller."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request, Response
from sqlalchemy.orm import Session

from ugc.auth.principal import Principal
from ugc.auth.resolve import resolve
from ugc.db.session import transaction
from ugc.errors import Forbidden, InvalidRequest, Unauthorized
from ugc.runtime import Runtime

ORG_HEADER = "X-Organization-Id"


def get_runtime(request: Request) -> Runtime:
    """Return the runtime the app was built with."""
    runtime: Runtime = request.app.state.runtime
    return runtime


def _session(request: Request) -> Iterator[Session]:
    """Yield the request's one session; commit before the response is sent."""
    with transaction(get_runtime(request).sessions) as session:
        yield session


Db = Annotated[Session, Depends(_session, scope="function")]
Rt = Annotated[Runtime, Depends(get_runtime)]


def bearer(request: Request) -> str:
    """Return the bearer credential of the request, or raise Unauthorized."""
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        raise Unauthorized("send 'Authorization: Bearer <token or API key>'")
    return value.strip()


def _caller(request: Request, session: Db, runtime: Rt) -> Principal:
    """Resolve the caller once per request (cached on request.state)."""
    cached: Principal | None = getattr(request.state, "principal", None)
    if cached is not None:
        return cached
    found = resolve(session, runtime.keys, bearer(request), request.headers.get(ORG_HEADER))
    request.state.principal = found
    return found


Caller = Annotated[Principal, Depends(_caller)]


class Require:
    """A dependency that demands one permission in the caller's organisation."""

    def __init__(self, permission: str) -> None:
        self.permission = permission

    async def __call__(self, caller: Caller) -> Principal:
        """Return the caller if allowed; otherwise raise Forbidden (async: no thread hop)."""
        if caller.organization_id is None:
            raise InvalidRequest(f"choose an organisation with the {ORG_HEADER} header")
        if not caller.can(self.permission):
            raise Forbidden(f"this needs the '{self.permission}' permission")
        return caller


async def require_user(caller: Caller) -> Principal:
    """Demand a signed-in person (not a machine credential)."""
    if caller.kind != "user":
        raise Forbidden("this needs a signed-in user, not an API key")
    return caller


User = Annotated[Principal, Depends(require_user)]


def _no_store(response: Response) -> None:
    """Mark the answer as holding a secret: no cache keeps it, nor does the idempotency store."""
    response.headers["cache-control"] = "no-store"


# On routes whose answer carries a secret or a token that is shown only once.
NO_STORE = Depends(_no_store)
