"""A new user's whole path in Chromium: sign-up to a played, downloaded and re-rendered 9:16 ad."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.web.studio import PASSWORD, Studio, check_a11y, shot

pytestmark = pytest.mark.slow

RENDER_MS = 400_000  # two 15 s variants on a busy 2-core machine, with margin
NEW_HOOK = "Okay, this serum is the reason my mornings look brighter."


def _sign_up_and_verify(page: Page, studio: Studio, email: str) -> None:
    """Sign up in the studio, confirm the address from the mail, sign in, make an organisation."""
    page.goto(studio.url)
    expect(page).to_have_url(re.compile(r"/signin"))
    page.get_by_role("link", name="Create an account").click()
    page.get_by_label("Your name").fill("Maya Marketer")
    page.get_by_label("Work email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()
    page.goto(studio.mail_link(email, "verify"))
    expect(page.get_by_role("heading", name="E-mail address confirmed")).to_be_visible()
    page.get_by_role("link", name="Sign in").click()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Create your organisation")).to_be_visible()
    page.get_by_label("Organisation name").fill("Glow Labs")
    page.get_by_role("button", name="Create organisation").click()
    expect(page).to_have_url(re.compile(r"/videos$"))
    shot(page, "journey-1-empty-library")


def _brand_kit(page: Page) -> None:
    """Make the organisation's first brand kit: colours, tone, a banned word, the disclosure."""
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Brand kits").click()
    page.get_by_role("button", name="Create your first brand kit").click()
    page.get_by_label("Kit name").fill("Glow main")
    page.get_by_role("button", name="Create and edit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Glow main")
    page.get_by_label("Primary colour hex code").fill("#e85d75")
    page.get_by_label("Tone of voice").select_option("energetic")
    page.get_by_label("Add a banned word").fill("miracle")
    page.get_by_role("button", name="Add word").click()
    page.get_by_label("Show an ad disclosure badge on every video").check()
    page.get_by_label("Disclosure text").fill("#ad")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("status").filter(has_text="Saved")).to_be_visible()
    shot(page, "journey-2-brand-kit")


def _create_video(page: Page) -> str:
    """Walk the wizard from a brief to a render of two 15 s variants in 9:16; return its id."""
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Create").click()
    expect(page.get_by_role("heading", name="Step 1 of 6: Start")).to_be_visible()
    page.get_by_label("Product name").fill("Glow Serum")
    page.get_by_label("Description").fill("A vitamin C serum that brightens dull skin.")
    page.get_by_label("Benefit 1").fill("Brighter skin in 14 days")
    page.get_by_label("15 seconds").check()
    page.get_by_role("button", name="Next", exact=True).click()
    expect(page.get_by_label("Variant 1, line 1 (hook)")).not_to_have_value("")
    page.get_by_role("button", name="Next", exact=True).click()
    expect(page.get_by_role("heading", name="Step 3 of 6: Look & sound")).to_be_visible()
    page.get_by_role("group", name="Persona").get_by_role("radio", name="Maya").check()
    page.get_by_role("button", name="Next", exact=True).click()
    expect(page.get_by_label("9:16 — TikTok, Reels, Shorts")).to_be_checked()
    page.get_by_label("Number of variants").fill("2")
    page.get_by_role("button", name="Next", exact=True).click()
    expect(page.get_by_text("2 credits for 2 videos.")).to_be_visible()
    page.get_by_role("button", name="Next: render").click()
    page.get_by_role("button", name="Render 2 videos").click()
    page.wait_for_url(re.compile(r"/videos/vid_[A-Za-z0-9]+$"))
    return page.url.rsplit("/", 1)[1]


def _watch_to_the_end(page: Page) -> None:
    """See per-step progress live, then the finished result, without reloading."""
    expect(page.get_by_role("progressbar", name="Overall progress")).to_be_visible()
    expect(page.get_by_role("list", name="Steps for variant 2")).to_be_visible()
    shot(page, "journey-3-progress")
    expect(page.locator(".video-status")).to_have_text("Status: Succeeded", timeout=RENDER_MS)


def _play_and_download(page: Page, tmp_path: Path) -> None:
    """Play the 9:16 cut in the page, then download its MP4."""
    video = page.get_by_label("9:16 video")
    expect(video).to_be_visible()
    page.wait_for_function("v => v.readyState === 4", arg=video.element_handle(), timeout=30_000)
    size = video.evaluate("v => [v.videoWidth, v.videoHeight, v.duration]")
    assert size[:2] == [1080, 1920]
    assert 13 <= size[2] <= 17
    video.evaluate("v => { v.muted = true; return v.play(); }")
    page.wait_for_function("v => v.currentTime > 0.5", arg=video.element_handle())
    check_a11y(page)
    shot(page, "journey-4-result")
    with page.expect_download() as dl:
        page.get_by_role("link", name="Download MP4").click()
    saved = tmp_path / dl.value.suggested_filename
    dl.value.save_as(saved)
    assert saved.suffix == ".mp4"
    data = saved.read_bytes()
    assert data[4:8] == b"ftyp"
    assert len(data) > 100_000


def _spoken(vtt: str) -> str:
    """Return a WebVTT file's cue text as one line (karaoke word timings removed)."""
    cues = [ln for ln in vtt.splitlines()[1:] if ln and "-->" not in ln]
    return re.sub(r"<[^>]+>", "", " ".join(cues))


def _job(studio: Studio, email: str, video_id: str) -> dict[str, Any]:
    """Read the job through the API in a session of its own (the tab's tokens stay untouched)."""
    with httpx.Client(base_url=studio.api, timeout=30) as c:
        login = c.post("/auth/login", json={"email": email, "password": PASSWORD}).json()
        auth = {"authorization": f"Bearer {login['access_token']}"}
        org = c.get("/auth/me", headers=auth).json()["memberships"][0]["organization_id"]
        r = c.get(f"/videos/{video_id}", headers={**auth, "x-organization-id": org})
        body: dict[str, Any] = r.json()
    return body


def _edit_a_line_and_rerender(page: Page, studio: Studio, email: str, video_id: str) -> None:
    """Re-word variant 1's hook and re-render: variant 2's steps are reused, not re-run."""
    hook = page.get_by_label("Line 1 (hook)")
    expect(hook).not_to_have_value("")
    hook.fill(NEW_HOOK)
    page.get_by_role("button", name="Re-render").click()
    expect(page.get_by_label("Video details")).to_contain_text("Revision2")
    expect(page.get_by_role("list", name="Steps for variant 2")).to_contain_text("Reused")
    shot(page, "journey-5-rerender")
    expect(page.locator(".video-status")).to_have_text("Status: Succeeded", timeout=RENDER_MS)
    page.reload()  # the new revision's links, as a returning user would see them
    expect(page.get_by_label("Line 1 (hook)")).to_have_value(NEW_HOOK)
    vtt = page.get_by_role("link", name="Download captions (VTT)").get_attribute("href")
    assert "serum is the reason" in _spoken(page.request.get(f"{studio.url}{vtt}").text())

    job = _job(studio, email, video_id)
    ran = {s["name"] for s in job["steps"] if not s["cached"]}
    assert job["revision"] == 2
    assert job["brief"]["tone"] == "energetic"  # the brand kit's tone: the wizard left it unset
    assert job["brief"]["options"]["disclosure"] == "#ad"
    assert {"script/00", "fit/00", "render/00/9x16", "qa/00/9x16"} <= ran
    assert not [n for n in ran if n.split("/")[1] == "01"], ran  # variant 2 was reused whole


def test_new_user_goes_from_sign_up_to_a_played_downloaded_rerendered_ad(
    page: Page, studio: Studio, tmp_path: Path
) -> None:
    email = f"maya{time.monotonic_ns()}@brand.example"
    _sign_up_and_verify(page, studio, email)
    _brand_kit(page)
    video_id = _create_video(page)
    _watch_to_the_end(page)
    _play_and_download(page, tmp_path)
    _edit_a_line_and_rerender(page, studio, email, video_id)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Library").click()
    expect(page.get_by_role("link", name="Glow Serum")).to_be_visible()
    shot(page, "journey-6-library")
