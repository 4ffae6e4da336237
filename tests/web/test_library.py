"""The library and a video's page: live progress over SSE, playback, downloads, QA, edits."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import APIResponse, Locator, Page, Request, Route, expect

from tests.briefs import serum
from tests.web.studio import ApiUser, Studio, add_role, api_user, check_a11y, shot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.slow]

RENDER_MS = 300_000  # a 15 s, two-aspect render takes 20-40 s here; leave room for a slow machine

BRIEF: dict[str, Any] = serum(persona="maya", music_mood="upbeat", caption_style="pop")


@dataclass
class Rendered:
    """The owner of the test organisation and the video submitted for it."""

    owner: ApiUser
    video_id: str


def submit(studio: Studio, user: ApiUser, brief: dict[str, Any], aspects: list[str]) -> str:
    """Submit a video through the API; return its id."""
    r = httpx.post(
        f"{studio.api}/videos",
        json={"brief": brief, "aspects": aspects, "variants": 1},
        headers={**user.headers, "idempotency-key": f"web-{uuid.uuid4()}"},
        timeout=60,
    )
    assert r.status_code == 202, r.text
    video_id: str = r.json()["id"]
    return video_id


def fetch_video(studio: Studio, user: ApiUser, video_id: str) -> dict[str, Any]:
    """Read a video through the API."""
    r = httpx.get(f"{studio.api}/videos/{video_id}", headers=user.headers, timeout=30)
    r.raise_for_status()
    body: dict[str, Any] = r.json()
    return body


def cancel(studio: Studio, user: ApiUser, video_id: str) -> None:
    """Cancel a video through the API, so the worker moves on (it may have finished already)."""
    r = httpx.post(
        f"{studio.api}/videos/{video_id}/cancel",
        headers={**user.headers, "idempotency-key": f"cancel-{uuid.uuid4()}"},
        timeout=30,
    )
    assert r.status_code in (200, 202, 409), r.text


def settle(page: Page) -> None:
    """Let answers that just arrived reach the screen (turns of the event loop; no timers, which a
    test may have faked)."""
    page.evaluate(
        """() => new Promise(done => {
             const c = new MessageChannel();
             let n = 0;
             c.port1.onmessage = () => (++n >= 200 ? done() : c.port2.postMessage(0));
             c.port2.postMessage(0);
           })"""
    )


def hide(page: Page, hidden: bool) -> None:
    """Make the tab hidden (or shown again), as switching tabs would."""
    page.evaluate(
        """h => { Object.defineProperty(document, 'hidden', {value: h, configurable: true});
                  document.dispatchEvent(new Event('visibilitychange')); }""",
        hidden,
    )


@pytest.fixture(scope="module")
def rendered(studio: Studio) -> Rendered:
    """One 15 s video in 9:16 and 1:1, submitted (not awaited) for the whole module."""
    owner = api_user(studio, org_name="Library Tests")
    return Rendered(owner, submit(studio, owner, BRIEF, ["9:16", "1:1"]))


def a11y(page: Page) -> None:
    """Run axe on the whole page, header included."""
    check_a11y(page)


@pytest.fixture(autouse=True)
def no_console_errors(request: pytest.FixtureRequest) -> Iterator[list[str]]:
    """Fail a test whose tab logs a console error (a failed load or request shows up there).

    A test that makes requests fail on purpose takes this list and removes what it expects.
    """
    tab: Page = request.getfixturevalue("phone" if "phone" in request.fixturenames else "page")
    errors: list[str] = []
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield errors
    assert not errors, f"console errors: {errors}"


def expected_failures(errors: list[str], what: str) -> None:
    """Drop the console's "Failed to load resource" lines that mention `what`."""
    errors[:] = [e for e in errors if not (e.startswith("Failed to load resource") and what in e)]


def open_video(page: Page, studio: Studio, user: ApiUser, video_id: str) -> None:
    """Sign in and open the video's page."""
    sign_in(page, studio, user)
    page.goto(f"{studio.url}/videos/{video_id}")
    expect(page.get_by_role("heading", level=1, name="Glow Serum")).to_be_visible()


def status_badge(page: Page) -> Locator:
    """Return the page's status badge (in its live region)."""
    return page.locator(".video-status")


def wait_succeeded(page: Page) -> None:
    """Wait, without reloading, until the page says the video succeeded."""
    expect(status_badge(page)).to_have_text("Status: Succeeded", timeout=RENDER_MS)


def player(page: Page, aspect: str) -> Locator:
    """Return the <video> of an aspect once it can play through."""
    video = page.get_by_label(f"{aspect} video")
    expect(video).to_be_visible(timeout=30_000)
    page.wait_for_function("el => el.readyState === 4", arg=video.element_handle(), timeout=30_000)
    return video


def test_library_lists_the_video_with_status_and_search_narrows(
    page: Page, studio: Studio, rendered: Rendered
) -> None:
    sign_in(page, studio, rendered.owner)
    card = page.get_by_role("listitem").filter(has=page.get_by_role("link", name="Glow Serum"))
    expect(card).to_be_visible()
    expect(card.locator(".badge")).to_have_text(re.compile("Queued|Rendering"))
    expect(card.get_by_role("progressbar", name="Glow Serum: rendering progress")).to_be_visible()
    expect(card).to_contain_text("9:16 · 1:1")
    expect(page.get_by_role("link", name="Create video")).to_be_visible()
    a11y(page)
    shot(page, "library")

    search = page.get_by_label("Search by product")
    search.fill("no such product")
    expect(page.get_by_role("heading", name="No videos match")).to_be_visible()
    expect(page).to_have_url(re.compile(r"q=no\+such\+product"))
    search.fill("glow")
    expect(card).to_be_visible()
    page.get_by_label("Status").select_option("failed")
    expect(page.get_by_role("heading", name="No videos match")).to_be_visible()
    page.get_by_role("button", name="Clear filters").click()
    expect(search).to_have_value("")

    # While it renders the list refreshes itself: its progress moves without a reload.
    before = card.inner_text()
    page.wait_for_function(
        """before => {
             const card = [...document.querySelectorAll('.video-card')]
               .find(c => c.textContent.includes('Glow Serum'));
             const bar = card && card.querySelector('[role=progressbar]');
             const pct = bar ? bar.getAttribute('aria-valuenow') : '';
             return card && card.innerText + pct !== before;
           }""",
        arg=before + str(card.get_by_role("progressbar").get_attribute("aria-valuenow")),
        timeout=60_000,
    )


def test_detail_shows_live_steps_and_reaches_succeeded_without_reload(
    page: Page, studio: Studio, rendered: Rendered
) -> None:
    open_video(page, studio, rendered.owner, rendered.video_id)
    # Hold back two answers that say "rendering", to land after the render is done: an older
    # answer must never undo newer live progress or flip the finished video back.
    held: list[tuple[Route, APIResponse]] = []

    def hold_stale(route: Route) -> None:
        answer = route.fetch()
        if len(held) < 2 and answer.json()["status"] in ("queued", "running"):
            held.append((route, answer))
        else:
            route.fulfill(response=answer)

    page.route(re.compile(rf"/api/v1/videos/{rendered.video_id}$"), hold_stale)
    steps = page.get_by_role("list", name="Steps for variant 1")
    expect(steps).to_be_visible()
    expect(steps.get_by_role("listitem").first).to_contain_text("Write the script")
    expect(steps).to_contain_text("Render (9:16)")
    expect(steps).to_contain_text("Quality check (1:1)")
    expect(page.get_by_role("progressbar", name="Overall progress")).to_be_visible()
    expect(page.get_by_role("button", name="Cancel render")).to_be_visible()
    # Record every overall percentage and step state the page shows while it renders.
    page.evaluate(
        """() => {
             window.__seen = {pct: [], states: [], status: []};
             const note = () => {
               const badge = document.querySelector('.video-status');
               if (badge) window.__seen.status.push(badge.textContent);
               const bar = document.querySelector('[aria-label="Overall progress"]');
               if (bar) window.__seen.pct.push(bar.getAttribute('aria-valuenow'));
               document.querySelectorAll('.step-state')
                 .forEach(s => window.__seen.states.push(s.textContent));
             };
             new MutationObserver(note).observe(document.body,
               {subtree: true, childList: true, attributes: true, characterData: true});
           }"""
    )
    expect(steps).to_contain_text(re.compile(r"Running, \d+%|Done in"), timeout=60_000)
    a11y(page)
    shot(page, "progress")

    wait_succeeded(page)
    seen: dict[str, list[str | None]] = page.evaluate("window.__seen")
    assert len(set(seen["pct"])) >= 3, seen["pct"]  # SSE moved the bar, no reload did
    assert any(s and s.startswith("Done in") for s in seen["states"])
    expect(page.get_by_label("9:16 video")).to_be_visible(timeout=30_000)
    assert held, "no answer saying 'rendering' was held back"
    before = len(seen["status"])
    for route, answer in held:
        route.fulfill(response=answer)
    settle(page)
    later: list[str] = page.evaluate("n => window.__seen.status.slice(n)", before)
    assert all(s == "Status: Succeeded" for s in later), later
    expect(status_badge(page)).to_have_text("Status: Succeeded")
    expect(page.get_by_label("9:16 video")).to_be_visible()
    assert fetch_video(studio, rendered.owner, rendered.video_id)["status"] == "succeeded"


def test_results_play_switch_aspect_and_show_qa(
    page: Page, studio: Studio, rendered: Rendered
) -> None:
    sign_in(page, studio, rendered.owner)
    card = page.get_by_role("listitem").filter(has=page.get_by_role("link", name="Glow Serum"))
    expect(card.locator(".badge")).to_have_text("Succeeded", timeout=RENDER_MS)
    cover = card.locator(".video-cover img")
    page.wait_for_function("img => img.naturalWidth > 0", arg=cover.element_handle())
    card.get_by_role("link", name="Glow Serum").click()
    wait_succeeded(page)

    tall = player(page, "9:16")
    size = tall.evaluate("v => [v.videoWidth, v.videoHeight, v.duration, v.currentSrc]")
    assert size[:2] == [1080, 1920]
    assert abs(size[2] - 15) <= 1.5, size
    # Off by default: the captions are burned into the picture; the track is for players.
    assert page.locator("video track[kind=captions][srclang=en]").count() == 1
    expect(page.get_by_role("tab", name="9:16")).to_have_attribute("aria-selected", "true")

    page.get_by_role("tab", name="1:1").click()
    square = player(page, "1:1")
    after = square.evaluate("v => [v.videoWidth, v.videoHeight, v.currentSrc]")
    assert after[0] == after[1] == 1080
    assert after[2] != size[3]
    expect(page.get_by_label("9:16 video")).to_have_count(0)

    qa = page.get_by_role("list", name="Quality checks")
    expect(qa.get_by_role("listitem").first).to_be_visible()
    passed = qa.get_by_role("listitem").filter(has_text="Passed:")
    assert passed.count() >= 8
    expect(passed.filter(has_text="Length")).to_contain_text("target 15 s ± 10%")
    expect(passed.filter(has_text="Loudness")).to_contain_text("LUFS")
    expect(page.get_by_role("heading", name="Quality check (1:1)")).to_be_visible()
    thumb = page.get_by_role("link", name="Download thumbnail 1").locator("img")
    expect(thumb).to_be_visible()
    page.wait_for_function("img => img.naturalWidth > 0", arg=thumb.element_handle())
    expect(page.get_by_label("Video details")).to_contain_text("15 seconds")
    page.get_by_role("tab", name="1:1").press("ArrowLeft")
    expect(page.get_by_role("tab", name="9:16")).to_be_focused()
    expect(page.get_by_role("tab", name="9:16")).to_have_attribute("aria-selected", "true")
    player(page, "9:16")
    a11y(page)
    shot(page, "results")


def test_download_links_work(page: Page, studio: Studio, rendered: Rendered) -> None:
    open_video(page, studio, rendered.owner, rendered.video_id)
    wait_succeeded(page)
    with page.expect_download() as dl:
        page.get_by_role("link", name="Download MP4").click()
    mp4 = dl.value
    assert mp4.suggested_filename.endswith(".mp4")
    data = Path(mp4.path()).read_bytes()
    assert data[4:8] == b"ftyp"
    assert len(data) > 50_000

    def get(name: str) -> bytes:
        link = page.get_by_role("link", name=name)
        assert link.get_attribute("download"), name
        r = page.request.get(f"{studio.url}{link.get_attribute('href')}")
        assert r.ok, (name, r.status)
        return r.body()

    assert b"-->" in get("Download captions (SRT)")
    assert get("Download captions (VTT)").startswith(b"WEBVTT")
    assert get("Download thumbnail 1")[:3] == b"\xff\xd8\xff"
    report = json.loads(get("Download QA report").decode().replace("Infinity", "1e999"))
    assert {c["check"] for c in report["checks"]} >= {"duration_s", "integrated_loudness"}


def test_viewer_sees_no_write_controls(page: Page, studio: Studio, rendered: Rendered) -> None:
    # While it renders: a viewer gets no "Cancel render" (editors do, see the cancel test).
    video_id = submit(studio, rendered.owner, {**BRIEF, "target_seconds": 30}, ["9:16"])
    try:
        viewer = add_role(studio, rendered.owner, "viewer")
        open_video(page, studio, viewer, video_id)
        expect(status_badge(page)).to_have_text(re.compile("Status: (Queued|Rendering)"))
        expect(page.get_by_role("progressbar", name="Overall progress")).to_be_visible()
        expect(page.get_by_role("list", name="Steps for variant 1")).to_be_visible()
        for name in ("Cancel render", "Re-render", "Try again", "Render again"):
            expect(page.get_by_role("button", name=name)).to_have_count(0)
        a11y(page)
        # Finished: it plays and downloads, and the script can't be edited.
        page.goto(f"{studio.url}/videos")
        expect(page.get_by_role("link", name="Create video")).to_have_count(0)
        page.goto(f"{studio.url}/videos/{rendered.video_id}")
        wait_succeeded(page)
        player(page, "9:16")
        expect(page.get_by_role("link", name="Download MP4")).to_be_visible()
        for name in ("Cancel render", "Re-render", "Try again"):
            expect(page.get_by_role("button", name=name)).to_have_count(0)
        expect(page.get_by_label(re.compile(r"^Line \d+"))).to_have_count(0)
        expect(page.get_by_role("heading", name="Edit a line and re-render")).to_have_count(0)
    finally:
        cancel(studio, rendered.owner, video_id)


def test_a_refused_stream_stops_and_says_why(
    page: Page, studio: Studio, rendered: Rendered, no_console_errors: list[str]
) -> None:
    video_id = submit(studio, rendered.owner, {**BRIEF, "target_seconds": 30}, ["9:16"])
    try:
        streams: list[str] = []

        def gone(route: Route) -> None:
            streams.append(route.request.url)
            route.fulfill(status=404, json={"title": "Not found", "status": 404})

        page.route("**/api/v1/videos/*/events", gone)
        page.clock.install()
        open_video(page, studio, rendered.owner, video_id)
        expect(page.get_by_role("alert")).to_contain_text("couldn't find")
        # Reconnecting can't fix a 404: a minute later it still has not asked again.
        for _ in range(12):
            page.clock.run_for(5_000)
            settle(page)
        assert len(streams) == 1, streams
        expected_failures(no_console_errors, "404")
    finally:
        cancel(studio, rendered.owner, video_id)


def test_a_dropped_stream_reconnects_less_and_less_often(
    page: Page, studio: Studio, rendered: Rendered
) -> None:
    video_id = submit(studio, rendered.owner, {**BRIEF, "target_seconds": 30}, ["9:16"])
    try:
        streams: list[str] = []

        def drop(route: Route) -> None:
            # The stream ends at once, before any event (as a proxy cutting it would).
            streams.append(route.request.url)
            route.fulfill(status=200, headers={"content-type": "text/event-stream"}, body="")

        page.route("**/api/v1/videos/*/events", drop)
        page.clock.install()
        open_video(page, studio, rendered.owner, video_id)
        for _ in range(60):
            page.clock.run_for(1_000)
            settle(page)
        # Backing off (1, 2, 4, 8, 16, 32 s) makes about 6 tries a minute; a fixed 3 s makes 20.
        assert 3 <= len(streams) <= 8, len(streams)
    finally:
        cancel(studio, rendered.owner, video_id)


def test_library_keeps_covers_and_pauses_while_hidden(
    page: Page, studio: Studio, rendered: Rendered
) -> None:
    sign_in(page, studio, rendered.owner)
    card = page.locator(f"li:has(a[href$='{rendered.video_id}'])")
    expect(card.locator(".badge")).to_have_text("Succeeded", timeout=RENDER_MS)
    # A second video renders, so the library polls.
    video_id = submit(studio, rendered.owner, {**BRIEF, "target_seconds": 30}, ["9:16"])
    try:
        page.reload()
        cover = card.locator(".video-cover img")
        expect(cover).to_be_attached()
        src = cover.get_attribute("src")
        assert src
        assert "sig=" in src

        def listed(r: Request) -> bool:
            return "/api/v1/videos?" in r.url

        for _ in range(2):
            with page.expect_response(lambda r: listed(r.request), timeout=10_000) as polled:
                pass
            fresh = next(v for v in polled.value.json()["items"] if v["id"] == rendered.video_id)
            assert urlsplit(fresh["cover"]["url"]).path == urlsplit(src).path
        settle(page)
        # Re-signed on every poll, but the same file: the shown URL (and the download) stay.
        assert urlsplit(fresh["cover"]["url"]).query != urlsplit(src).query
        expect(cover).to_have_attribute("src", src)

        asked: list[str] = []
        page.on("request", lambda r: asked.append(r.url) if listed(r) else None)
        hide(page, True)
        page.wait_for_timeout(4_000)  # longer than a poll: a hidden tab asks nothing
        assert asked == []
        with page.expect_request(listed, timeout=10_000):
            hide(page, False)
    finally:
        cancel(studio, rendered.owner, video_id)


def test_signed_links_are_refreshed_on_an_open_page(
    page: Page, studio: Studio, rendered: Rendered
) -> None:
    page.clock.install()
    open_video(page, studio, rendered.owner, rendered.video_id)
    wait_succeeded(page)
    mp4 = page.get_by_role("link", name="Download MP4")
    expect(mp4).to_be_visible()

    def video_read(r: Request) -> bool:
        return r.method == "GET" and r.url.endswith(f"/api/v1/videos/{rendered.video_id}")

    # Back to a tab left for over half an hour: fresh links at once.
    hide(page, True)
    page.clock.fast_forward("31:00")
    with page.expect_request(video_read):
        hide(page, False)
    # Left open: fresh links before the hour is up.
    with page.expect_request(video_read):
        page.clock.fast_forward("46:00")
    player(page, "9:16")


def test_results_play_on_a_phone_without_sideways_scroll(
    phone: Page, studio: Studio, rendered: Rendered
) -> None:
    open_video(phone, studio, rendered.owner, rendered.video_id)
    wait_succeeded(phone)
    video = player(phone, "9:16")
    video.evaluate("v => { v.muted = true; return v.play(); }")
    phone.wait_for_function(
        "el => el.currentTime > 0.5", arg=video.element_handle(), timeout=20_000
    )
    box = video.bounding_box()
    assert box is not None
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= 390
    overflow = phone.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page scrolls sideways by {overflow} px"
    a11y(phone)
    shot(phone, "results-phone")


def test_cancel_from_the_detail_page(page: Page, studio: Studio, rendered: Rendered) -> None:
    brief = {**BRIEF, "target_seconds": 30}
    video_id = submit(studio, rendered.owner, brief, ["9:16"])
    open_video(page, studio, rendered.owner, video_id)
    page.get_by_role("button", name="Cancel render").click()
    expect(page.get_by_role("group")).to_contain_text("Stop this render?")
    page.get_by_role("button", name="Yes, cancel it").click()
    expect(status_badge(page)).to_have_text("Status: Cancelled")
    expect(page.get_by_role("heading", name="This render was cancelled")).to_be_visible()
    expect(page.get_by_role("button", name="Cancel render")).to_have_count(0)
    assert fetch_video(studio, rendered.owner, video_id)["status"] == "cancelled"
    a11y(page)


def test_edit_a_line_and_rerender(page: Page, studio: Studio, rendered: Rendered) -> None:
    # Needs the brief's options.scripts (a person's lines for a variant) on the API side.
    open_video(page, studio, rendered.owner, rendered.video_id)
    wait_succeeded(page)
    hook = page.get_by_label("Line 1 (hook)")
    expect(hook).not_to_have_value("")
    original = [page.get_by_label(re.compile(rf"^Line {i + 1} ")).input_value() for i in range(2)]
    new_hook = "Hello sunshine, this serum changed my mornings."
    hook.fill(new_hook)
    a11y(page)
    page.get_by_role("button", name="Re-render").click()

    expect(page.get_by_role("progressbar", name="Overall progress")).to_be_visible()
    expect(page.get_by_label("Video details")).to_contain_text("Revision2")
    wait_succeeded(page)
    body = fetch_video(studio, rendered.owner, rendered.video_id)
    assert body["revision"] == 2
    (script,) = body["brief"]["options"]["scripts"]
    assert script["variant"] == 0
    assert (script["lines"][0]["role"], script["lines"][0]["text"]) == ("hook", new_hook)
    assert script["lines"][1]["text"] == original[1]
    vtt = page.get_by_role("link", name="Download captions (VTT)").get_attribute("href")
    captions = page.request.get(f"{studio.url}{vtt}").text().lower()
    assert "sunshine" in captions
    expect(page.get_by_label("Line 1 (hook)")).to_have_value(new_hook)
    player(page, "9:16")
