"""The session across tabs and time: per-tab organisation, shared refresh, expiry, offline."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Browser, Page, Request, Route, expect

from tests.web.conftest import watch
from tests.web.studio import PASSWORD, ApiUser, Studio, api_user, check_a11y, sign_in


@pytest.fixture
def lossy(browser: Browser) -> Iterator[Page]:
    """A tab for tests that cut the network: its failed calls may log; nothing else may."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    ctx.set_default_timeout(15_000)
    page = ctx.new_page()
    errors = watch(page)
    yield page
    ctx.close()
    unexpected = [e for e in errors if "net::ERR_" not in e]
    assert not unexpected, f"errors in the page: {unexpected}"


def _second_org(studio: Studio, user: ApiUser, name: str) -> str:
    """Create another organisation owned by `user` and return its id."""
    r = httpx.post(f"{studio.api}/orgs", json={"name": name}, headers=user.headers)
    org_id: str = r.raise_for_status().json()["id"]
    return org_id


def _switch(page: Page, option: str) -> None:
    """Choose an organisation in the switcher and press Switch."""
    page.get_by_label("Organisation", exact=True).select_option(label=option)
    page.get_by_role("button", name="Switch organisation").click()
    expect(page.get_by_label("Organisation", exact=True).locator("option:checked")).to_have_text(
        option
    )


class Hold:
    """A route handler that keeps every matching request waiting until released."""

    def __init__(self) -> None:
        self.routes: list[Route] = []
        self.open = False

    def __call__(self, route: Route) -> None:
        """Keep the request (or let it through once released)."""
        if self.open:
            route.continue_()
        else:
            self.routes.append(route)

    def release(self) -> None:
        """Let the held requests, and any later ones, through."""
        self.open = True
        for route in self.routes:
            route.continue_()


def _org_of_next_call(page: Page, go: str) -> str | None:
    """Follow the `go` navigation link and return the organisation its first API call names."""

    def api_call(req: Request) -> bool:
        return "/api/v1/" in req.url and "/auth/" not in req.url

    with page.expect_request(api_call) as call:
        page.get_by_role("link", name=go, exact=True).click()
    return call.value.headers.get("x-organization-id")


def test_each_tab_keeps_its_own_organisation(page: Page, studio: Studio) -> None:
    user = api_user(studio, "Tab A Co")
    b_org = _second_org(studio, user, "Tab B Co")
    sign_in(page, studio, user)
    _switch(page, "Tab A Co (owner)")

    other = page.context.new_page()
    errors = watch(other)
    other.goto(f"{studio.url}/videos")
    # Choosing alone changes nothing (WCAG 3.2.2): the Switch button does.
    switcher = other.get_by_label("Organisation", exact=True)
    switcher.select_option(label="Tab B Co (owner)")
    assert _org_of_next_call(other, "Templates") == user.org_id
    _switch(other, "Tab B Co (owner)")
    assert _org_of_next_call(other, "Team") == b_org

    # The first tab's calls still go to its own organisation, and it is told about the other.
    assert _org_of_next_call(page, "Templates") == user.org_id
    notice = page.get_by_role("status").filter(has_text="Another tab is now working in Tab B Co")
    expect(notice).to_contain_text("This tab stays in Tab A Co")
    check_a11y(page)
    notice.get_by_role("button", name="Stay in Tab A Co").click()
    expect(notice).to_have_count(0)
    # A reload keeps the tab's own choice; a new tab starts from the last one made.
    page.reload()
    checked = page.get_by_label("Organisation", exact=True).locator("option:checked")
    expect(checked).to_have_text("Tab A Co (owner)")
    assert _org_of_next_call(page, "Brand kits") == user.org_id
    third = page.context.new_page()
    errors_third = watch(third)
    third.goto(f"{studio.url}/videos")
    expect(third.get_by_label("Organisation", exact=True).locator("option:checked")).to_have_text(
        "Tab B Co (owner)"
    )
    assert not errors + errors_third, errors + errors_third


def test_two_tabs_reloading_together_stay_signed_in(page: Page, studio: Studio) -> None:
    sign_in(page, studio, api_user(studio, "Twin Tabs Co"))
    other = page.context.new_page()
    errors = watch(other)
    other.goto(f"{studio.url}/videos")
    expect(other.get_by_role("heading", name="Videos", level=1)).to_be_visible()

    # Hold every refresh until both tabs had the chance to send theirs (the race that revoked).
    held = Hold()
    page.context.route("**/api/v1/auth/refresh", held)
    page.reload()
    other.reload()
    page.wait_for_timeout(1000)
    assert held.routes, "no tab asked for a refresh"
    held.release()

    for tab in (page, other):
        expect(tab.get_by_role("heading", name="Videos", level=1)).to_be_visible()
    # Both keep working afterwards: nothing was revoked.
    other.reload()
    expect(other.get_by_role("heading", name="Videos", level=1)).to_be_visible()
    page.reload()
    expect(page.get_by_role("heading", name="Videos", level=1)).to_be_visible()
    assert not errors, errors


def test_an_expired_access_token_is_refreshed_for_auth_calls(
    page: Page, brief_studio: Studio
) -> None:
    sign_in(page, brief_studio, api_user(brief_studio, "Brief Co"))
    page.get_by_role("link", name="Account", exact=True).click()
    expect(page.get_by_role("heading", name="Your account", level=1)).to_be_visible()
    page.wait_for_timeout(3500)  # the access token (3 s) has expired
    page.get_by_role("button", name="Set up two-factor sign-in").click()
    expect(page.get_by_role("heading", name="Scan this QR code")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/account$"))


def test_a_failed_retry_after_refresh_reads_as_a_network_error(
    lossy: Page, brief_studio: Studio
) -> None:
    sign_in(lossy, brief_studio, api_user(brief_studio, "Flaky Co"))
    lossy.get_by_role("link", name="Account", exact=True).click()
    expect(lossy.get_by_role("heading", name="Your account", level=1)).to_be_visible()
    lossy.wait_for_timeout(3500)
    calls: list[str] = []

    def first_through_then_cut(route: Route) -> None:
        calls.append(route.request.url)
        if len(calls) == 1:
            route.continue_()  # answered 401: the token expired
        else:
            route.abort()  # the retry after the refresh never arrives

    lossy.route("**/api/v1/auth/mfa/enroll", first_through_then_cut)
    lossy.get_by_role("button", name="Set up two-factor sign-in").click()
    expect(lossy.get_by_role("alert")).to_have_text(
        "We can't reach the studio right now. Check your connection, then try again."
    )
    assert len(calls) == 2


def test_next_cannot_leave_the_site(page: Page, studio: Studio) -> None:
    user = api_user(studio, "Next Co")
    page.goto(f"{studio.url}/signin?next=%2F%09%2Fevil.example")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{studio.url}/videos")
    # Signed in already: the sign-in screen sends a safe next on, and a hostile one home.
    page.goto(f"{studio.url}/signin?next=%2Fteam%3Fq%3D1")
    expect(page).to_have_url(f"{studio.url}/team?q=1")
    page.goto(f"{studio.url}/signin?next=%2F%5C%09evil.example")
    expect(page).to_have_url(f"{studio.url}/videos")


def test_titles_name_each_page_and_focus_follows_navigation(page: Page, studio: Studio) -> None:
    sign_in(page, studio, api_user(studio, "Titles Co"))
    expect(page).to_have_title("Videos · UGC Studio")
    page.get_by_role("link", name="Team", exact=True).click()
    expect(page).to_have_title("Team · UGC Studio")
    expect(page.get_by_role("heading", name="Team", level=1)).to_be_focused()
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_title("Sign in · UGC Studio")
    expect(page.get_by_role("heading", name="Sign in", level=1)).to_be_focused()


def test_a_busy_button_stays_disabled(page: Page, studio: Studio) -> None:
    email = f"busy{time.monotonic_ns()}@brand.example"
    body = {"email": email, "password": PASSWORD, "name": "Busy Bee"}
    httpx.post(f"{studio.api}/auth/signup", json=body).raise_for_status()
    page.goto(f"{studio.url}/signin")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    held = Hold()
    page.route("**/api/v1/auth/verify/resend", held)
    resend = page.get_by_role("button", name="Send it again")
    resend.click()
    expect(resend).to_be_disabled()  # a second press would send a second mail
    assert len(held.routes) == 1
    held.release()
    expect(resend).to_be_enabled()


def test_a_confirmation_stays_open_while_busy(page: Page, studio: Studio) -> None:
    owner = api_user(studio, "Confirm Co")
    key = {"name": "Slow key", "scopes": ["videos:read"]}
    httpx.post(f"{studio.api}/api-keys", json=key, headers=owner.headers).raise_for_status()
    sign_in(page, studio, owner)
    page.goto(f"{studio.url}/settings/keys")
    page.get_by_role("button", name="Revoke Slow key").click()
    dialog = page.get_by_role("dialog", name="Revoke “Slow key”?")
    held = Hold()
    page.route("**/api/v1/api-keys/*", held)
    dialog.get_by_role("button", name="Revoke key").click()
    expect(dialog.get_by_role("button", name="Revoke key")).to_be_disabled()
    page.keyboard.press("Escape")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("button", name="Cancel")).to_be_disabled()
    problem = '{"title": "Conflict", "status": 409, "detail": "This key is in use right now."}'
    held.routes[0].fulfill(status=409, content_type="application/problem+json", body=problem)
    expect(dialog.get_by_role("alert")).to_have_text("This key is in use right now.")
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()


def test_offline_start_says_so_and_recovers(lossy: Page, studio: Studio) -> None:
    sign_in(lossy, studio, api_user(studio, "Offline Co"))
    lossy.evaluate("navigator.serviceWorker.ready.then(() => true)")
    lossy.reload()
    expect(lossy.get_by_role("heading", name="Videos", level=1)).to_be_visible()
    lossy.context.set_offline(True)
    lossy.reload()  # the worker serves the shell; the session can't be refreshed
    expect(lossy.get_by_role("heading", name="You're offline", level=1)).to_be_visible()
    expect(lossy).to_have_title("You're offline · UGC Studio")
    check_a11y(lossy)
    lossy.context.set_offline(False)  # back online: the stored session opens by itself
    expect(lossy.get_by_role("heading", name="Videos", level=1)).to_be_visible()


def test_a_server_error_on_start_keeps_the_session(lossy: Page, studio: Studio) -> None:
    sign_in(lossy, studio, api_user(studio, "Outage Co"))
    lossy.route("**/api/v1/auth/refresh", lambda route: route.abort())
    lossy.reload()
    expect(lossy.get_by_role("heading", name="We can't reach the studio", level=1)).to_be_visible()
    assert lossy.evaluate("localStorage.getItem('ugc.refresh')")
    lossy.unroute("**/api/v1/auth/refresh")
    lossy.get_by_role("button", name="Try again").click()
    expect(lossy.get_by_role("heading", name="Videos", level=1)).to_be_visible()
