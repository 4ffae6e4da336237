"""Fetch a public web page or image without letting the URL reach inside our network (SSRF).

Every hop is checked: http/https only, ports 80/443 only, and the host is resolved here and
refused if any address is loopback, private, link-local (cloud metadata), CGNAT, unique-local,
IPv4-mapped, multicast, reserved or otherwise not global. The connection then goes to the
address that was checked (the Host header and TLS SNI keep the name), so DNS rebinding between
the check and the connect cannot win. Redirects are followed by hand, re-checked each time.
Bodies are capped in bytes (counted after decompression) and in total time.
"""

from __future__ import annotations

import functools
import ipaddress
import socket
import ssl
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

import httpcore
import httpx

from ugc.errors import FieldError, InvalidRequest

Resolver = Callable[[str, int], list[str]]  # (host, port) -> IP addresses
Want = Literal["page", "image"]

MAX_REDIRECTS = 5
USER_AGENT = "UGC-Studio-Importer/1.0 (+https://docs.ugc.studio/import)"
_PORTS = (80, 443)
_IP = ipaddress.IPv4Address | ipaddress.IPv6Address
# Why an address is refused, most specific first; anything else not global is refused too.
_BLOCKED = tuple(
    (ipaddress.ip_network(net), why)
    for net, why in (
        ("169.254.169.254/32", "cloud metadata"),
        ("0.0.0.0/8", "'this network'"),
        ("10.0.0.0/8", "private"),
        ("100.64.0.0/10", "carrier-grade NAT"),
        ("127.0.0.0/8", "loopback"),
        ("169.254.0.0/16", "link-local"),
        ("172.16.0.0/12", "private"),
        ("192.168.0.0/16", "private"),
        ("224.0.0.0/4", "multicast"),
        ("240.0.0.0/4", "reserved"),
        ("::/128", "unspecified"),
        ("::1/128", "loopback"),
        ("::ffff:0:0/96", "IPv4-mapped"),
        ("::/96", "IPv4-compatible"),
        ("64:ff9b::/96", "NAT64"),
        ("64:ff9b:1::/48", "NAT64"),
        ("2002::/16", "6to4"),
        ("2001::/32", "Teredo"),
        ("fc00::/7", "unique-local"),
        ("fe80::/10", "link-local"),
        ("fec0::/10", "site-local"),
        ("ff00::/8", "multicast"),
    )
)


@dataclass(frozen=True)
class FetchPolicy:
    """Limits of one import; `allow_hosts` (tests only) skips the address and port checks."""

    timeout_s: float = 10.0
    max_bytes: int = 2 * 1024 * 1024
    max_images: int = 4
    allow_hosts: tuple[str, ...] = ()

    @classmethod
    def of(cls, raw: Mapping[str, Any] | None) -> FetchPolicy:
        """Build a policy from settings-like keys, with defaults for what is missing."""
        raw = raw or {}
        d = cls()
        hosts = raw.get("allow_hosts") or ()
        if isinstance(hosts, str):
            hosts = hosts.split(",")
        return cls(
            timeout_s=float(raw.get("timeout_s", d.timeout_s)),
            max_bytes=int(raw.get("max_bytes", d.max_bytes)),
            max_images=int(raw.get("max_images", d.max_images)),
            allow_hosts=tuple(h.strip().lower() for h in hosts if h.strip()),
        )

    def allows(self, host: str) -> bool:
        """Return True if the host is on the test allow-list."""
        return host.lower() in self.allow_hosts


@dataclass(frozen=True)
class Fetched:
    """A response body that passed every check, and the URL it finally came from."""

    url: str
    content_type: str
    body: bytes


class FetchRefused(InvalidRequest):
    """The URL, or a hop it redirected to, is not something we fetch; `url` and `reason` say why."""

    def __init__(self, url: str, reason: str, field: str = "url") -> None:
        super().__init__(f"cannot import {url}: {reason}", [FieldError(field, reason)])
        self.url = url
        self.reason = reason


def system_resolver(host: str, port: int) -> list[str]:
    """Resolve a host name with the operating system's resolver."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]).split("%")[0] for info in infos))


def fetch(
    url: str, policy: FetchPolicy, want: Want = "page", resolver: Resolver = system_resolver
) -> Fetched:
    """GET a page or image through the SSRF guard, following up to five checked redirects."""
    deadline = time.monotonic() + policy.timeout_s
    current = url
    for hop in range(MAX_REDIRECTS + 1):
        try:
            target = check_url(current, policy)
            got = _get(target, resolve(target, policy, resolver), policy, want, deadline)
        except FetchRefused as exc:
            if hop == 0:
                raise
            raise FetchRefused(url, f"it redirects to {exc.url}, and {exc.reason}") from None
        if isinstance(got, Fetched):
            return got
        current = got
    raise FetchRefused(url, f"more than {MAX_REDIRECTS} redirects")


def check_url(url: str, policy: FetchPolicy) -> httpx.URL:
    """Parse a URL and refuse schemes, credentials and ports we never fetch."""
    if len(url) > 2048:
        raise FetchRefused(url[:80] + "...", "the URL is longer than 2048 characters")
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError):
        raise FetchRefused(url, "not a valid URL") from None
    if parsed.scheme not in ("http", "https"):
        raise FetchRefused(url, "only http and https URLs can be imported")
    if not parsed.raw_host:
        raise FetchRefused(url, "the URL has no host")
    if parsed.userinfo:
        raise FetchRefused(url, "URLs with a user name or password are not allowed")
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    if port not in _PORTS and not policy.allows(host_of(parsed)):
        raise FetchRefused(url, f"port {port} is not allowed (only 80 and 443)")
    return parsed


def resolve(url: httpx.URL, policy: FetchPolicy, resolver: Resolver) -> str:
    """Resolve the URL's host once and return an address; refuse if any address is not public."""
    host, port = host_of(url), url.port or (443 if url.scheme == "https" else 80)
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        try:
            addresses = [ipaddress.ip_address(a) for a in resolver(host, port)]
        except (OSError, UnicodeError, ValueError):
            raise FetchRefused(str(url), f"the host {host} does not resolve") from None
    if not addresses:
        raise FetchRefused(str(url), f"the host {host} does not resolve")
    if not policy.allows(host):
        for address in addresses:
            why = forbidden(address)
            if why:
                shown = "" if str(address) == host else f" resolves to {address}, which"
                raise FetchRefused(str(url), f"{host}{shown} is a {why} address")
    return str(addresses[0])


def host_of(url: httpx.URL) -> str:
    """Return the URL's host as sent on the wire (IDNA-encoded, lower case, no brackets)."""
    return url.raw_host.decode("ascii").lower()


def forbidden(address: _IP) -> str | None:
    """Return why an address must not be fetched from, or None if it is public."""
    for net, why in _BLOCKED:
        if address.version == net.version and address in net:
            return why
    if address.is_reserved or address.is_multicast or not address.is_global:
        return "non-public"
    return None


def _get(
    url: httpx.URL, address: str, policy: FetchPolicy, want: Want, deadline: float
) -> Fetched | str:
    """Send one GET to the pinned address; return the body or the next hop's URL."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchRefused(str(url), f"timed out after {policy.timeout_s:g} s")
    headers = {"User-Agent": USER_AGENT, "Accept": _ACCEPT[want]}
    client = httpx.Client(
        transport=PinnedTransport(host_of(url), address),
        timeout=httpx.Timeout(remaining),
        follow_redirects=False,
        trust_env=False,  # an environment proxy would connect somewhere we did not check
    )
    try:
        with client, client.stream("GET", url, headers=headers) as response:
            if response.is_redirect:
                return _next_hop(url, response)
            _check_response(url, response, want)
            body = _read(url, response, policy, deadline)
            ctype = response.headers.get("content-type", "")
            return Fetched(str(url), ctype, body)
    except httpx.TimeoutException:
        raise FetchRefused(str(url), f"timed out after {policy.timeout_s:g} s") from None
    except httpx.HTTPError as exc:
        raise FetchRefused(str(url), f"could not fetch it ({type(exc).__name__})") from None


_ACCEPT = {
    "page": "text/html,application/xhtml+xml;q=0.9",
    "image": "image/png,image/jpeg,image/webp,image/gif;q=0.9",
}


def _next_hop(url: httpx.URL, response: httpx.Response) -> str:
    """Return the absolute URL a redirect points to."""
    location = response.headers.get("location")
    if not location:
        raise FetchRefused(str(url), f"a {response.status_code} redirect without a Location")
    try:
        return str(url.join(location))
    except httpx.InvalidURL:
        raise FetchRefused(str(url), "it redirects to an invalid URL") from None


def _check_response(url: httpx.URL, response: httpx.Response, want: Want) -> None:
    """Refuse error statuses and content types other than HTML pages or images."""
    if response.status_code != 200:
        raise FetchRefused(str(url), f"the server answered HTTP {response.status_code}")
    ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if want == "page" and ctype not in ("text/html", "application/xhtml+xml"):
        raise FetchRefused(str(url), f"it is {ctype or 'of no stated type'}, not an HTML page")
    if want == "image" and not ctype.startswith("image/"):
        raise FetchRefused(str(url), f"it is {ctype or 'of no stated type'}, not an image")


def _read(url: httpx.URL, response: httpx.Response, policy: FetchPolicy, deadline: float) -> bytes:
    """Read the body, refusing it past max_bytes (after decompression) or past the deadline."""
    declared = response.headers.get("content-length", "")
    too_big = f"it is larger than the {policy.max_bytes} byte limit"
    if declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchRefused(str(url), too_big)
    body = bytearray()
    for chunk in response.iter_bytes(64 * 1024):
        body += chunk
        if len(body) > policy.max_bytes:
            raise FetchRefused(str(url), too_big)
        if time.monotonic() > deadline:
            raise FetchRefused(str(url), f"timed out after {policy.timeout_s:g} s")
    return bytes(body)


class _PinnedBackend(httpcore.NetworkBackend):
    """Opens TCP connections to one checked address, whatever the name asked for."""

    def __init__(self, host: str, address: str) -> None:
        self._host = host.lower()
        self._address = address
        self._tcp = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        """Connect to the pinned address (the TLS layer still verifies the host name)."""
        if host.lower() != self._host:
            raise httpcore.ConnectError(f"refusing to connect to unchecked host {host}")
        return self._tcp.connect_tcp(self._address, port, timeout, local_address, socket_options)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        """Refuse Unix sockets."""
        del path, timeout, socket_options
        raise httpcore.ConnectError("unix sockets are not allowed")

    def sleep(self, seconds: float) -> None:
        """Sleep (used between connection retries)."""
        self._tcp.sleep(seconds)


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """Return the verifying TLS context (loading the CA bundle once per process)."""
    return httpx.create_ssl_context(trust_env=False)


class PinnedTransport(httpx.HTTPTransport):
    """An httpx transport whose every connection goes to one pre-checked IP address."""

    def __init__(self, host: str, address: str) -> None:
        ssl_context = _ssl_context()
        super().__init__(verify=ssl_context, trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context,
            max_connections=1,
            network_backend=_PinnedBackend(host, address),
        )
