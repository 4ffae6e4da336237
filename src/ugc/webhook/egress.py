"""Where webhooks may be sent: public addresses only, checked at creation and pinned per send."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

import httpx

from ugc.errors import FieldError, InvalidRequest
from ugc.importer.fetch import (
    FetchPolicy,
    FetchRefused,
    PinnedTransport,
    Resolver,
    forbidden,
    host_of,
    resolve,
    system_resolver,
)

_LOCAL_NAMES = ("localhost", "localhost.localdomain")


def check_destination(url: str, allow_hosts: Iterable[str]) -> None:
    """Refuse a URL whose host is a private, loopback, link-local or metadata address."""
    parsed = httpx.URL(url)
    host = host_of(parsed)
    if host in {h.lower() for h in allow_hosts}:
        return
    try:
        why = forbidden(ipaddress.ip_address(host))
    except ValueError:
        why = "loopback" if host in _LOCAL_NAMES or host.endswith(".localhost") else None
    if why:
        reason = f"{host} is a {why} address; webhooks go to public hosts only"
        raise InvalidRequest("invalid webhook URL", [FieldError("url", reason)])


def pinned_client(
    url: str, allow_hosts: Iterable[str], timeout_s: float, resolver: Resolver = system_resolver
) -> httpx.Client:
    """Resolve the host once, refuse non-public addresses, and connect only to that address."""
    parsed = httpx.URL(url)
    policy = FetchPolicy(allow_hosts=tuple(h.lower() for h in allow_hosts))
    try:
        address = resolve(parsed, policy, resolver)
    except FetchRefused as exc:
        raise RefusedDestination(exc.reason) from None
    transport = PinnedTransport(host_of(parsed), address)
    return httpx.Client(transport=transport, timeout=timeout_s, follow_redirects=False)


class RefusedDestination(Exception):
    """The endpoint's host resolved to an address webhooks must not reach."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
