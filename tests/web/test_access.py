"""Getting in: sign up, verify, sign in (with MFA), onboarding, reset a password."""

from __future__ import annotations

import re
import time

import httpx
import pyotp
from playwright.sync_api import Page, expect

from tests.web.studio import PASSWORD, Studio, api_user, check_a11y, shot, sign_in


def _fill_sign_in(page: Page, email: str, password: str = PASSWORD) -> None:
    """Fill the sign-in form and press Sign in."""
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_sign_up_verify_sign_in_and_create_an_organisation(page: Page, studio: Studio) -> None:
    email = f"new{time.monotonic_ns()}@brand.example"
    # Sent here from a deep link: the way back survives the trip through the inbox.
    page.goto(f"{studio.url}/signup?next=%2Fteam")
    expect(page.get_by_role("heading", name="Create your account")).to_be_visible()
    check_a11y(page)
    shot(page, "signup")
    page.get_by_label("Your name").fill("Maya Marketer")
    page.get_by_label("Work email").fill(email)
    page.get_by_label("Password").fill("short")
    page.get_by_role("button", name="Create account").click()
    # The API's own rule, next to the field it is about.
    expect(page.get_by_text("Use at least 10 characters.")).to_be_visible()
    check_a11y(page)

    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()
    expect(page.get_by_text(email)).to_be_visible()
    check_a11y(page)
    shot(page, "signup-inbox")
    page.get_by_role("button", name="Send it again").click()
    expect(page.get_by_role("status").filter(has_text="We've sent a new link")).to_be_visible()

    page.goto(studio.mail_link(email, "verify"))
    expect(page.get_by_role("heading", name="E-mail address confirmed")).to_be_visible()
    check_a11y(page)
    shot(page, "verify")
    sign_in_link = page.get_by_role("link", name="Sign in")
    expect(sign_in_link).to_have_attribute("href", "/signin?next=%2Fteam")
    sign_in_link.click()
    _fill_sign_in(page, email)

    # No organisation yet: onboarding first.
    expect(page).to_have_url(re.compile(r"/onboarding$"))
    expect(page.get_by_role("heading", name="Create your organisation")).to_be_visible()
    check_a11y(page)
    shot(page, "onboarding")
    page.get_by_label("Organisation name").fill("Sunny Skincare")
    page.get_by_role("button", name="Create organisation").click()
    expect(page).to_have_url(re.compile(r"/videos$"))
    switcher = page.get_by_label("Organisation", exact=True)
    expect(switcher.locator("option:checked")).to_have_text("Sunny Skincare (owner)")


def test_a_bad_verification_link_offers_a_new_one(page: Page, studio: Studio) -> None:
    page.goto(f"{studio.url}/verify?token=not-a-real-token")
    expect(page.get_by_role("heading", name="We couldn't confirm your address")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("invalid, was already used or has expired")
    page.get_by_label("Email").fill("someone@brand.example")
    page.get_by_role("button", name="Send a new link").click()
    expect(page.get_by_text("a new link is on its way")).to_be_visible()
    check_a11y(page)
    shot(page, "verify-bad-link")


def test_signing_in_before_confirming_offers_the_link_again(page: Page, studio: Studio) -> None:
    email = f"early{time.monotonic_ns()}@brand.example"
    body = {"email": email, "password": PASSWORD, "name": "Early Bird"}
    httpx.post(f"{studio.api}/auth/signup", json=body).raise_for_status()
    page.goto(f"{studio.url}/signin")
    _fill_sign_in(page, email)
    expect(page.get_by_text("Please confirm your e-mail address first")).to_be_visible()
    page.get_by_role("button", name="Send it again").click()
    expect(page.get_by_text(f"We've sent a new link to {email}.")).to_be_visible()
    check_a11y(page)
    shot(page, "signin-unverified")


def test_wrong_password_then_lockout_show_clear_messages(page: Page, studio: Studio) -> None:
    user = api_user(studio)
    # An address on another site is never followed after sign-in.
    page.goto(f"{studio.url}/signin?next=%2F%2Fevil.example%2F")
    _fill_sign_in(page, user.email, "not my password")
    expect(page.get_by_role("alert")).to_have_text("Invalid email or password.")
    check_a11y(page)
    shot(page, "signin-wrong-password")
    _fill_sign_in(page, user.email)
    expect(page).to_have_url(f"{studio.url}/videos")

    # Signed out again (the session lives in localStorage), five more failures lock the account.
    page.evaluate("localStorage.clear()")
    page.goto(f"{studio.url}/signin")
    for _ in range(5):
        _fill_sign_in(page, user.email, "still not my password")
        expect(page.get_by_role("alert")).to_have_text("Invalid email or password.")
        # Wait for the form to be usable again before the next attempt.
        expect(page.get_by_role("button", name="Sign in")).to_be_enabled()
    _fill_sign_in(page, user.email)
    expect(page.get_by_role("alert")).to_have_text(
        re.compile(r"^Too many attempts\. Try again in \d+ seconds\.$")
    )


def test_signed_out_visit_returns_to_the_page_after_sign_in(page: Page, studio: Studio) -> None:
    user = api_user(studio)
    page.goto(f"{studio.url}/team")
    expect(page).to_have_url(f"{studio.url}/signin?next=%2Fteam")
    _fill_sign_in(page, user.email)
    expect(page).to_have_url(f"{studio.url}/team")
    expect(page.get_by_role("heading", name="Team", exact=True)).to_be_visible()


def test_forgot_and_reset_password_through_the_mailed_link(page: Page, studio: Studio) -> None:
    user = api_user(studio)
    page.goto(f"{studio.url}/signin")
    page.get_by_role("link", name="Forgot password?").click()
    expect(page.get_by_role("heading", name="Reset your password")).to_be_visible()
    check_a11y(page)
    shot(page, "forgot")
    page.get_by_label("Email").fill(user.email)
    page.get_by_role("button", name="Send reset link").click()
    expect(page.get_by_text(f"If an account uses {user.email}")).to_be_visible()
    check_a11y(page)

    link = studio.mail_link(user.email, "reset-password")
    page.goto(link)
    expect(page.get_by_role("heading", name="Choose a new password")).to_be_visible()
    new = "a brand new passphrase 42"
    page.get_by_label("New password", exact=True).fill(new)
    page.get_by_label("Repeat the new password").fill(new + "!")
    page.get_by_role("button", name="Save new password").click()
    expect(page.get_by_text("The two passwords don't match.")).to_be_visible()
    check_a11y(page)
    shot(page, "reset-password")
    page.get_by_label("Repeat the new password").fill(new)
    page.get_by_role("button", name="Save new password").click()
    expect(page.get_by_role("heading", name="Password changed")).to_be_visible()
    check_a11y(page)
    page.get_by_role("link", name="Sign in").click()
    _fill_sign_in(page, user.email, PASSWORD)
    expect(page.get_by_role("alert")).to_have_text("Invalid email or password.")
    _fill_sign_in(page, user.email, new)
    expect(page).to_have_url(f"{studio.url}/videos")

    # The link works once.
    page.goto(link)
    page.get_by_label("New password", exact=True).fill(new)
    page.get_by_label("Repeat the new password").fill(new)
    page.get_by_role("button", name="Save new password").click()
    expect(page.get_by_role("heading", name="This reset link doesn't work")).to_be_visible()


def _wrong_code(totp: pyotp.TOTP) -> str:
    """Return a 6-digit code that no nearby time step accepts."""
    now = time.time()
    taken = {totp.at(now + d) for d in (-60, -30, 0, 30, 60)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in taken)


def test_two_factor_enrol_then_sign_in_with_a_code(page: Page, studio: Studio) -> None:
    user = api_user(studio)
    sign_in(page, studio, user)
    page.goto(f"{studio.url}/account")
    expect(page.get_by_role("heading", name="Your account")).to_be_visible()
    expect(page.get_by_text(user.email)).to_be_visible()
    check_a11y(page)
    shot(page, "account")

    page.get_by_role("button", name="Set up two-factor sign-in").click()
    expect(page.get_by_role("img", name=re.compile("QR code"))).to_be_visible()
    page.get_by_text("Can't scan it? Enter a key instead").click()
    totp = pyotp.TOTP(page.get_by_label("Secret key").input_value())
    check_a11y(page)
    shot(page, "account-mfa-enrol")
    page.get_by_label("6-digit code").fill(_wrong_code(totp))
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    expect(page.get_by_text("That code didn't work.")).to_be_visible()
    page.get_by_label("6-digit code").fill(totp.now())
    page.get_by_role("button", name="Turn on two-factor sign-in").click()

    codes = page.get_by_role("list", name="Recovery codes").get_by_role("listitem")
    expect(codes).to_have_count(10)
    recovery = codes.all_inner_texts()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=studio.url)
    page.get_by_role("button", name="Copy codes").click()
    expect(page.get_by_text("Copied to the clipboard.")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()").split("\n") == recovery
    check_a11y(page)
    shot(page, "account-recovery-codes")
    page.get_by_role("button", name="I've saved them").click()
    expect(page.get_by_text("On", exact=True)).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/signin(\?|$)"))
    _fill_sign_in(page, user.email)
    expect(page.get_by_role("heading", name="Two-step verification")).to_be_visible()
    check_a11y(page)
    shot(page, "signin-mfa")
    page.get_by_label("6-digit code").fill(_wrong_code(totp))
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_role("alert")).to_contain_text("That code didn't work.")
    # The enrolment spent this time step's code: the next step's code is accepted too.
    page.get_by_label("6-digit code").fill(totp.at(time.time() + 30))
    page.get_by_role("button", name="Verify").click()
    # Back in the studio (signing out from /account may have kept it as ?next=).
    expect(page).to_have_url(re.compile(r"/(videos|account)$"))

    # And off again, with a recovery code.
    page.goto(f"{studio.url}/account")
    page.get_by_role("button", name="Turn off two-factor sign-in…").click()
    page.get_by_label("Authenticator code or recovery code").fill(recovery[0])
    page.get_by_role("button", name="Turn off", exact=True).click()
    expect(page.get_by_text("Two-factor sign-in is off.")).to_be_visible()
    expect(page.get_by_text("Off", exact=True)).to_be_visible()
