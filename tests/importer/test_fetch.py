"""The SSRF guard: checked schemes, ports and addresses, pinned connections, capped bodies."""

from __future__ import annotations

import ipaddress

import pytest

from tests.importer.site import Site, og_page
from ugc.importer.fetch import FetchPolicy, FetchRefused, fetch, forbidden

OPEN = FetchPolicy(timeout_s=5, allow_hosts=("127.0.0.1",))
GUARDED = FetchPolicy(timeout_s=5)


class Resolver:
    """A DNS fake: fixed answers per host, counting lookups."""

    def __init__(self, *answers: list[str], host: str = "shop.test") -> None:
        self.answers = list(answers)
        self.host = host
        self.calls = 0

    def __call__(self, host: str, port: int) -> list[str]:
        assert host == self.host, host
        assert port > 0
        self.calls += 1
        return self.answers[min(self.calls, len(self.answers)) - 1]


def test_allow_listed_host_is_fetched(site: Site) -> None:
    url = site.add("/p", og_page())
    got = fetch(url, OPEN)
    assert got.url == url
    assert got.content_type.startswith("text/html")
    assert b"Glow Serum" in got.body


def test_connection_goes_to_the_checked_address_with_the_original_host(site: Site) -> None:
    site.add("/p", og_page())
    # The first answer is checked and pinned; a second lookup would point nowhere useful.
    dns = Resolver(["127.0.0.1"], ["127.0.0.2"])
    policy = FetchPolicy(timeout_s=5, allow_hosts=("shop.test",))
    got = fetch(site.url("/p", host="shop.test"), policy, resolver=dns)
    assert b"Glow Serum" in got.body
    assert dns.calls == 1
    assert site.hits == [("/p", f"shop.test:{site.port}")]


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1/", "loopback"),
        ("http://127.1.2.3/admin", "loopback"),
        ("http://10.1.2.3/", "private"),
        ("http://172.16.0.1/", "private"),
        ("http://192.168.1.1/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "cloud metadata"),
        ("http://169.254.1.1/", "link-local"),
        ("http://100.64.0.1/", "carrier-grade NAT"),
        ("http://0.0.0.0/", "'this network'"),
        ("http://224.0.0.1/", "multicast"),
        ("http://240.0.0.1/", "reserved"),
        ("http://[::1]/", "loopback"),
        ("http://[::ffff:127.0.0.1]/", "IPv4-mapped"),
        ("http://[::ffff:a9fe:a9fe]/", "IPv4-mapped"),
        ("http://[fd00::1]/", "unique-local"),
        ("http://[fe80::1]/", "link-local"),
        ("http://[64:ff9b::a00:1]/", "NAT64"),
        ("http://localhost/", "loopback"),
        ("http://2130706433/", "loopback"),  # 127.0.0.1 as one decimal number
        ("http://0x7f.1/", "loopback"),
    ],
)
def test_non_public_addresses_are_refused(site: Site, url: str, reason: str) -> None:
    with pytest.raises(FetchRefused, match=reason) as err:
        fetch(url, GUARDED)
    assert err.value.code == "validation_error"
    assert err.value.errors[0].field == "url"
    assert site.hits == []


@pytest.mark.parametrize(
    ("answers", "reason"),
    [
        (["127.0.0.1"], "shop.test resolves to 127.0.0.1, which is a loopback address"),
        (["93.184.216.34", "10.0.0.7"], "resolves to 10.0.0.7, which is a private address"),
        (["::1"], "loopback"),
    ],
)
def test_names_that_resolve_inside_are_refused(answers: list[str], reason: str) -> None:
    dns = Resolver(answers)
    with pytest.raises(FetchRefused, match=reason):
        fetch("https://shop.test/product", GUARDED, resolver=dns)


def test_unresolvable_host_is_refused() -> None:
    def nowhere(host: str, port: int) -> list[str]:
        raise OSError(f"NXDOMAIN {host}:{port}")

    with pytest.raises(FetchRefused, match=r"nowhere\.test does not resolve"):
        fetch("http://nowhere.test/", GUARDED, resolver=nowhere)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://shop.test/a", "only http and https"),
        ("file:///etc/passwd", "only http and https"),
        ("gopher://shop.test/", "only http and https"),
        ("http://shop.test:8080/", "port 8080 is not allowed"),
        ("https://shop.test:22/", "port 22 is not allowed"),
        ("http://admin:hunter2@shop.test/", "user name or password"),
        ("not a url", "only http and https"),
        ("http:///nohost", "no host"),
    ],
)
def test_bad_urls_are_refused_before_any_lookup(url: str, reason: str) -> None:
    dns = Resolver(["93.184.216.34"])
    with pytest.raises(FetchRefused, match=reason):
        fetch(url, GUARDED, resolver=dns)
    assert dns.calls == 0


@pytest.mark.parametrize(
    ("location", "reason"),
    [
        ("http://169.254.169.254/latest/meta-data/iam/", "cloud metadata"),
        ("http://10.0.0.1/admin", "private"),
        ("http://[::1]/", "loopback"),
        ("http://localhost:{port}/p", "port"),
    ],
)
def test_every_redirect_hop_is_checked(site: Site, location: str, reason: str) -> None:
    site.add("/p", og_page())
    url = site.redirect("/go", location.format(port=site.port))
    with pytest.raises(FetchRefused, match=f"redirects to .*{reason}"):
        fetch(url, OPEN)
    assert [path for path, _ in site.hits] == ["/go"]


def test_allowed_redirects_are_followed(site: Site) -> None:
    site.add("/final", og_page())
    site.redirect("/b", "/final", 301)
    url = site.redirect("/a", site.url("/b"), 307)
    got = fetch(url, OPEN)
    assert got.url == site.url("/final")
    assert [path for path, _ in site.hits] == ["/a", "/b", "/final"]


def test_redirect_chains_stop_after_five(site: Site) -> None:
    for i in range(7):
        site.redirect(f"/r{i}", f"/r{i + 1}")
    with pytest.raises(FetchRefused, match="more than 5 redirects"):
        fetch(site.url("/r0"), OPEN)
    assert len(site.hits) == 6


@pytest.mark.parametrize("send_length", [True, False])
def test_oversize_pages_are_refused(site: Site, send_length: bool) -> None:
    url = site.add("/big", "<html>" + "x" * 300_000, send_length=send_length)
    policy = FetchPolicy(timeout_s=5, max_bytes=100_000, allow_hosts=("127.0.0.1",))
    with pytest.raises(FetchRefused, match="larger than the 100000 byte limit"):
        fetch(url, policy)


@pytest.mark.parametrize(
    ("ctype", "want", "reason"),
    [
        ("application/json", "page", "application/json, not an HTML page"),
        ("image/png", "page", "not an HTML page"),
        ("text/html", "image", "text/html, not an image"),
    ],
)
def test_content_type_must_fit(site: Site, ctype: str, want: str, reason: str) -> None:
    url = site.add("/thing", b"{}", ctype)
    with pytest.raises(FetchRefused, match=reason):
        fetch(url, OPEN, want)  # type: ignore[arg-type]


def test_error_status_is_refused(site: Site) -> None:
    with pytest.raises(FetchRefused, match="HTTP 404"):
        fetch(site.url("/missing"), OPEN)


def test_slow_servers_time_out(site: Site) -> None:
    url = site.add("/slow", og_page(), delay_s=1.5)
    policy = FetchPolicy(timeout_s=0.3, allow_hosts=("127.0.0.1",))
    with pytest.raises(FetchRefused, match=r"timed out after 0\.3 s"):
        fetch(url, policy)


@pytest.mark.parametrize(
    ("address", "public"),
    [("93.184.216.34", True), ("2606:4700::1111", True), ("198.18.0.1", False)],
)
def test_forbidden(address: str, public: bool) -> None:
    assert (forbidden(ipaddress.ip_address(address)) is None) is public


def test_policy_from_settings() -> None:
    policy = FetchPolicy.of({"timeout_s": 3, "max_images": 2, "allow_hosts": ["LocalHost"]})
    assert (policy.timeout_s, policy.max_images, policy.max_bytes) == (3.0, 2, 2 * 1024 * 1024)
    assert policy.allows("localhost")
    assert FetchPolicy.of(None) == FetchPolicy()
    assert FetchPolicy.of({"allow_hosts": "127.0.0.1, shop.test"}).allow_hosts == (
        "127.0.0.1",
        "shop.test",
    )
