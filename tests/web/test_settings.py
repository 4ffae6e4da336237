"""Settings: API keys (shown once, used, revoked), webhooks (test, log, replay), admins only."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from playwright.sync_api import Page, Route, expect

from tests.web.studio import Studio, add_role, api_user, check_a11y, shot, sign_in
from ugc.webhook.signature import verify_signature


@dataclass
class Receiver:
    """A tiny local webhook receiver that records every request and answers 200."""

    url: str
    calls: list[tuple[dict[str, str], bytes]] = field(default_factory=list)
    arrived: threading.Condition = field(default_factory=threading.Condition)

    def wait_for(self, count: int, timeout: float = 15.0) -> None:
        """Wait until `count` requests have arrived (woken by each one, not by polling)."""
        with self.arrived:
            self.arrived.wait_for(lambda: len(self.calls) >= count, timeout)
        assert len(self.calls) >= count, f"{len(self.calls)} webhook calls, wanted {count}"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    """Serve a receiver on 127.0.0.1 (the studio fixture allows loopback webhook hosts)."""
    received = Receiver("")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", 0)))
            self.send_response(200)
            self.send_header("content-length", "0")
            self.end_headers()
            with received.arrived:
                received.calls.append(({k.lower(): v for k, v in self.headers.items()}, body))
                received.arrived.notify_all()

        def log_message(self, format: str, *args: object) -> None:
            """Keep the test output quiet."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    received.url = f"http://127.0.0.1:{server.server_port}/hooks/ugc"
    try:
        yield received
    finally:
        server.shutdown()
        server.server_close()


def _brand_kits_status(studio: Studio, key: str) -> int:
    r = httpx.get(f"{studio.api}/brand-kits", headers={"authorization": f"Bearer {key}"})
    return r.status_code


def test_api_key_secret_is_shown_once_works_and_is_revoked(page: Page, studio: Studio) -> None:
    owner = api_user(studio)
    sign_in(page, studio, owner)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Settings").click()
    expect(page).to_have_url(re.compile(r"/settings/keys$"))
    expect(page.get_by_role("heading", name="No API keys yet")).to_be_visible()
    check_a11y(page)

    page.get_by_role("button", name="New API key").click()
    page.get_by_label("Key name").fill("CI renders")
    page.get_by_label("See brand kits").check()
    expect(page.get_by_label("Manage team members")).to_have_count(0)  # never a key scope
    check_a11y(page)
    page.get_by_role("button", name="Create key").click()

    expect(page.get_by_text("you won't see it again")).to_be_visible()
    secret = page.get_by_label("Your new API key").input_value()
    assert secret.startswith("ugc_")
    check_a11y(page)
    shot(page, "settings-api-key-created")
    assert _brand_kits_status(studio, secret) == 200

    page.get_by_role("button", name="I've saved it").click()
    row = page.get_by_role("row").filter(has_text="CI renders")
    expect(row.get_by_text("Active")).to_be_visible()
    expect(row).to_contain_text("brand:read, videos:read, videos:write")
    assert secret not in page.content()
    page.reload()
    expect(row).to_be_visible()
    assert secret not in page.content()

    row.get_by_role("button", name="Revoke CI renders").click()
    dialog = page.get_by_role("dialog", name="Revoke “CI renders”?")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Revoke key").click()
    expect(dialog).to_be_hidden()
    expect(row.get_by_text("Revoked")).to_be_visible()
    expect(row.get_by_role("button", name="Revoke CI renders")).to_have_count(0)
    assert _brand_kits_status(studio, secret) == 401
    check_a11y(page)
    shot(page, "settings-api-keys")


def test_webhook_endpoint_test_event_log_and_replay(
    page: Page, studio: Studio, receiver: Receiver
) -> None:
    owner = api_user(studio)
    sign_in(page, studio, owner)
    page.goto(f"{studio.url}/settings/webhooks")
    expect(page.get_by_role("heading", name="No webhook endpoints yet")).to_be_visible()
    check_a11y(page)

    page.get_by_role("button", name="New endpoint").click()
    url = page.get_by_label("Endpoint URL")
    url.fill("http://10.1.2.3/hooks")
    page.get_by_role("button", name="Add endpoint").click()
    expect(page.get_by_text("10.1.2.3 is a private address")).to_be_visible()
    expect(url).to_have_attribute("aria-invalid", "true")
    check_a11y(page)

    url.fill(receiver.url)
    page.get_by_label("Description (optional)").fill("Local receiver")
    page.get_by_role("button", name="Add endpoint").click()
    secret = page.get_by_label("Signing secret", exact=True).input_value()
    assert secret.startswith("whsec_")
    expect(page.get_by_text("you won't see it again")).to_be_visible()
    page.get_by_role("link", name="Open the endpoint").click()

    expect(page.get_by_role("heading", name=receiver.url)).to_be_visible()
    expect(page.get_by_role("heading", name="No deliveries yet")).to_be_visible()
    page.get_by_role("button", name="Send test event").click()
    row = page.get_by_role("row").filter(has_text="webhook.test")
    expect(row.get_by_text("Delivered")).to_be_visible()
    expect(row.get_by_role("cell", name="200", exact=True)).to_be_visible()
    receiver.wait_for(1)
    headers, body = receiver.calls[0]
    verify_signature(secret, headers, body)
    check_a11y(page)
    shot(page, "settings-webhook-deliveries")

    row.get_by_role("button", name="Replay webhook.test delivery").click()
    expect(page.get_by_text("Replaying the webhook.test event.")).to_be_visible()
    receiver.wait_for(2)
    assert receiver.calls[1][0]["webhook-id"] == headers["webhook-id"]  # the same event again
    verify_signature(secret, receiver.calls[1][0], receiver.calls[1][1])
    expect(row.get_by_text("Delivered")).to_be_visible()

    row.get_by_role("button", name="Details of webhook.test delivery").click()
    detail = page.get_by_role("region", name="Delivery details")
    attempts = detail.get_by_role("table", name="Attempts").get_by_role("row")
    expect(attempts).to_have_count(3)  # a header and one row per send
    expect(detail).to_contain_text("200")
    check_a11y(page)
    shot(page, "settings-webhook-delivery-detail")


def test_webhook_endpoint_disable_rotate_and_delete(
    page: Page, studio: Studio, receiver: Receiver
) -> None:
    owner = api_user(studio)
    with httpx.Client(base_url=studio.api, headers=owner.headers) as c:
        made = c.post("/webhooks/endpoints", json={"url": receiver.url}).raise_for_status()
    endpoint = made.json()
    sign_in(page, studio, owner)
    page.goto(f"{studio.url}/settings/webhooks/{endpoint['id']}")

    page.get_by_role("button", name="Disable").click()
    expect(page.get_by_text("Endpoint disabled")).to_be_visible()
    expect(page.get_by_role("button", name="Send test event")).to_be_disabled()
    page.get_by_role("button", name="Enable").click()
    expect(page.get_by_text("Endpoint enabled")).to_be_visible()

    page.get_by_role("button", name="Rotate secret").click()
    page.get_by_role("dialog").get_by_role("button", name="Rotate secret").click()
    rotated = page.get_by_label("Signing secret", exact=True).input_value()
    assert rotated.startswith("whsec_")
    assert rotated != endpoint["secret"]
    page.get_by_role("button", name="I've saved it").click()

    page.get_by_role("button", name="Delete endpoint").click()
    page.get_by_role("dialog").get_by_role("button", name="Delete endpoint").click()
    expect(page).to_have_url(re.compile(r"/settings/webhooks$"))
    expect(page.get_by_role("heading", name="No webhook endpoints yet")).to_be_visible()


def test_editor_sees_no_settings(page: Page, studio: Studio) -> None:
    owner = api_user(studio)
    editor = add_role(studio, owner, "editor")
    sign_in(page, studio, editor)
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Brand kits")).to_be_visible()
    expect(nav.get_by_role("link", name="Settings")).to_have_count(0)
    page.goto(f"{studio.url}/settings/keys")
    expect(page.get_by_role("alert")).to_contain_text("Settings are for admins only")
    expect(page.get_by_role("button", name="New API key")).to_have_count(0)
    check_a11y(page)


def _delivery(endpoint_id: str, next_in: timedelta) -> dict[str, object]:
    """A delivery retrying after a failed attempt, its next attempt `next_in` from now."""
    now = datetime.now(UTC)
    return {
        "id": f"dlv_{int(next_in.total_seconds())}",
        "endpoint_id": endpoint_id,
        "event_id": "evt_1",
        "event_type": "video.succeeded",
        "status": "retrying",
        "attempts": 3,
        "last_status_code": 500,
        "last_error": "HTTP 500",
        "created_at": (now - timedelta(hours=1)).isoformat(),
        "delivered_at": None,
        "next_attempt_at": (now + next_in).isoformat(),
    }


def test_delivery_log_polls_only_while_a_retry_is_near(page: Page, studio: Studio) -> None:
    owner = api_user(studio)
    with httpx.Client(base_url=studio.api, headers=owner.headers) as c:
        made = c.post("/webhooks/endpoints", json={"url": "http://127.0.0.1:9/x"})
    endpoint = made.raise_for_status().json()
    retries = [_delivery(endpoint["id"], timedelta(hours=3))]
    asked: list[str] = []

    def deliveries(route: Route) -> None:
        asked.append(route.request.url)
        route.fulfill(json={"items": retries, "next_cursor": None})

    page.route(f"**/webhooks/endpoints/{endpoint['id']}/deliveries*", deliveries)
    page.clock.install()
    sign_in(page, studio, owner)
    page.goto(f"{studio.url}/settings/webhooks/{endpoint['id']}")
    expect(page.get_by_role("row").filter(has_text="video.succeeded")).to_contain_text("Retrying")
    # The next try is hours away: a minute passes without asking again.
    for _ in range(12):
        page.clock.run_for(5_000)
    assert len(asked) == 1, asked
    # Within a minute of a retry it follows the log closely again.
    retries[:] = [_delivery(endpoint["id"], timedelta(seconds=30))]
    page.get_by_role("button", name="Refresh").click()
    for _ in range(10):
        page.clock.run_for(2_000)
    assert len(asked) >= 4, asked
    # A hidden tab asks nothing.
    page.evaluate(
        """() => { Object.defineProperty(document, 'hidden', {value: true, configurable: true});
                   document.dispatchEvent(new Event('visibilitychange')); }"""
    )
    page.wait_for_timeout(300)  # an answer already on its way may still land
    settled = len(asked)
    for _ in range(4):
        page.clock.run_for(2_000)
    assert len(asked) == settled, asked
