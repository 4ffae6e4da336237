"""The team screen: inviting, accepting, roles, what a viewer sees, a refused call, phones."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.web.studio import PASSWORD, Studio, add_role, api_user, check_a11y, shot, sign_in


@pytest.fixture
def other_tab(browser: Browser) -> Iterator[Page]:
    """A second desktop tab with its own storage: someone else's browser."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    ctx.set_default_timeout(15_000)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    ctx.close()
    assert not errors, f"uncaught errors in the page: {errors}"


def _no_horizontal_scroll(page: Page) -> None:
    """Fail if the page is wider than the phone's 390 px."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{page.url} scrolls sideways: {width}px wide"


def test_owner_invites_the_invitee_joins_and_gets_a_new_role(
    page: Page, other_tab: Page, studio: Studio
) -> None:
    owner = api_user(studio, "Team Co")
    invitee = api_user(studio, org_id="none")  # a verified account that belongs nowhere yet
    sign_in(page, studio, owner)
    page.goto(f"{studio.url}/team")
    expect(page.get_by_role("cell", name=owner.email)).to_be_visible()
    check_a11y(page)
    shot(page, "team")

    page.get_by_label("Email address").fill(invitee.email)
    page.get_by_label("Role", exact=True).select_option("viewer")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text(f"Invitation sent to {invitee.email} as viewer.")).to_be_visible()
    pending = page.get_by_role("list", name="Pending invitations")
    expect(pending.get_by_role("listitem").filter(has_text=invitee.email)).to_be_visible()

    # The invitee follows the mailed link while signed out, signs in and lands in Team Co.
    other_tab.goto(studio.mail_link(invitee.email, "invite"))
    expect(other_tab.get_by_role("heading", name="You're invited")).to_be_visible()
    check_a11y(other_tab)
    shot(other_tab, "invite")
    other_tab.get_by_role("link", name="Sign in to accept").click()
    expect(other_tab).to_have_url(re.compile(r"/signin\?next=%2Finvite%3Ftoken%3D"))
    other_tab.get_by_label("Email").fill(invitee.email)
    other_tab.get_by_label("Password").fill(PASSWORD)
    other_tab.get_by_role("button", name="Sign in").click()
    expect(other_tab).to_have_url(f"{studio.url}/videos")
    switcher = other_tab.get_by_label("Organisation", exact=True)
    expect(switcher.locator("option:checked")).to_have_text("Team Co (viewer)")

    # The owner sees the new member and makes them an editor.
    page.reload()
    role = page.get_by_label(f"Role for Test User ({invitee.email})", exact=True)
    expect(role).to_have_value("viewer")
    expect(pending).to_have_count(0)
    role.select_option("editor")
    save = page.get_by_role("button", name=f"Save role for Test User ({invitee.email})")
    save.click()
    expect(save).to_have_count(0)
    expect(role).to_have_value("editor")
    other_tab.reload()
    expect(switcher.locator("option:checked")).to_have_text("Team Co (editor)")

    # An invitation can be taken back before it is answered.
    stranger = f"later{time.monotonic_ns()}@brand.example"
    page.get_by_label("Email address").fill(stranger)
    page.get_by_role("button", name="Send invitation").click()
    page.get_by_role("button", name=f"Revoke the invitation for {stranger}").click()
    expect(page.get_by_text("No invitations are waiting for an answer.")).to_be_visible()


def test_an_invitation_for_someone_else_says_so(page: Page, studio: Studio) -> None:
    owner = api_user(studio, "Addressed Co")
    bystander = api_user(studio, "Elsewhere Co")
    invited = f"meant{time.monotonic_ns()}@brand.example"
    httpx.post(
        f"{studio.api}/orgs/{owner.org_id}/invitations",
        json={"email": invited, "role": "editor"},
        headers=owner.headers,
    ).raise_for_status()
    sign_in(page, studio, bystander)
    page.goto(studio.mail_link(invited, "invite"))
    expect(page.get_by_role("alert")).to_have_text(
        "This invitation was sent to another e-mail address."
    )
    expect(page.get_by_text(f"You're signed in as {bystander.email}.")).to_be_visible()
    check_a11y(page)
    shot(page, "invite-wrong-account")
    page.get_by_role("button", name="Sign out and switch account").click()
    expect(page).to_have_url(re.compile(r"/signin\?next=%2Finvite%3Ftoken%3D"))


def test_viewer_sees_the_team_read_only(page: Page, studio: Studio) -> None:
    owner = api_user(studio, "Read Only Co")
    viewer = add_role(studio, owner, "viewer")
    waiting = f"waiting{time.monotonic_ns()}@brand.example"
    httpx.post(
        f"{studio.api}/orgs/{owner.org_id}/invitations",
        json={"email": waiting, "role": "editor"},
        headers=owner.headers,
    ).raise_for_status()
    sign_in(page, studio, viewer)
    page.goto(f"{studio.url}/team")
    expect(page.get_by_role("cell", name=owner.email)).to_be_visible()
    expect(page.get_by_role("cell", name=viewer.email)).to_be_visible()
    expect(page.get_by_text(waiting)).to_be_visible()
    main = page.get_by_role("main")
    expect(main.get_by_role("button", name=re.compile("invit", re.I))).to_have_count(0)
    expect(main.get_by_role("combobox")).to_have_count(0)
    expect(main.get_by_role("button", name=re.compile(r"^(Remove|Revoke|Save)"))).to_have_count(0)
    expect(
        page.get_by_text("Only admins and owners can invite people or change roles.")
    ).to_be_visible()
    check_a11y(page)
    shot(page, "team-viewer")


def test_a_refused_change_shows_the_api_message(page: Page, studio: Studio) -> None:
    owner = api_user(studio, "Shifting Co")
    admin = add_role(studio, owner, "admin")
    sign_in(page, studio, admin)
    page.goto(f"{studio.url}/team")
    expect(page.get_by_role("button", name="Send invitation")).to_be_visible()

    # While the page is open, the owner makes the admin a viewer.
    me = httpx.get(f"{studio.api}/auth/me", headers=admin.headers).raise_for_status().json()
    httpx.patch(
        f"{studio.api}/orgs/{owner.org_id}/members/{me['id']}",
        json={"role": "viewer"},
        headers=owner.headers,
    ).raise_for_status()

    page.get_by_label("Email address").fill(f"late{time.monotonic_ns()}@brand.example")
    page.get_by_role("button", name="Send invitation").click()
    refused = page.get_by_role("alert").filter(has_text="You don't have permission to do that.")
    expect(refused).to_be_visible()
    expect(refused).to_contain_text("members:write")
    # The page catches up with the new role; the message stays.
    expect(page.get_by_role("button", name="Send invitation")).to_have_count(0)
    expect(refused).to_be_visible()
    check_a11y(page)
    shot(page, "team-refused")


def test_sign_in_and_team_fit_a_phone(phone: Page, studio: Studio) -> None:
    owner = api_user(studio, "Pocket Co")
    member = add_role(studio, owner, "editor")
    phone.goto(f"{studio.url}/signin")
    expect(phone.get_by_role("button", name="Sign in")).to_be_visible()
    _no_horizontal_scroll(phone)
    check_a11y(phone)
    shot(phone, "signin-phone")

    sign_in(phone, studio, owner)
    phone.goto(f"{studio.url}/team")
    role = phone.get_by_label(f"Role for Test User ({member.email})", exact=True)
    expect(role).to_be_visible()
    expect(phone.get_by_role("button", name="Send invitation")).to_be_visible()
    _no_horizontal_scroll(phone)
    role.select_option("admin")
    phone.get_by_role("button", name=f"Save role for Test User ({member.email})").click()
    expect(role).to_have_value("admin")
    expect(phone.get_by_role("button", name=re.compile("^Save role"))).to_have_count(0)
    _no_horizontal_scroll(phone)
    check_a11y(phone)
    shot(phone, "team-phone")
