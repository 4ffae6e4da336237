"""The create-video wizard: brief, template and product-page starts, previews, quote, render."""

from __future__ import annotations

import contextlib
import io
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page, Route, expect

from tests.web.studio import ApiUser, Studio, add_role, api_user, check_a11y, shot, sign_in

EDITED = "My skin has honestly never looked this bright."


def _heading(page: Page, step: int, name: str) -> None:
    """Wait for a step and check that focus moved to its heading."""
    heading = page.get_by_role("heading", name=f"Step {step} of 6: {name}")
    expect(heading).to_be_visible()
    if step > 1:
        expect(heading).to_be_focused()


def _next(page: Page) -> None:
    page.get_by_role("button", name="Next", exact=True).click()


def _fill_brief(page: Page, name: str = "Glow Serum") -> None:
    page.get_by_label("Product name").fill(name)
    page.get_by_label("Description").fill(
        "A vitamin C serum that brightens dull skin in two weeks."
    )
    page.get_by_label("Benefit 1").fill("Brighter skin in 14 days")
    page.get_by_role("button", name="Add benefit").click()
    expect(page.get_by_label("Benefit 2")).to_be_focused()
    page.get_by_label("Benefit 2").fill("Fragrance free")


def _lines(page: Page, variant: int) -> list[str]:
    """Return the text of every line of one variant's script."""
    group = page.get_by_role("group", name=f"Variant {variant}", exact=True)
    values: list[str] = group.locator("textarea").evaluate_all("els => els.map(e => e.value)")
    return values


def _wait_loaded(page: Page, img: Locator) -> None:
    """Wait until an image has decoded pixels."""
    expect(img).to_be_visible()
    page.wait_for_function("i => i.complete && i.naturalWidth > 0", arg=img.element_handle())


def _api(studio: Studio, user: ApiUser) -> httpx.Client:
    return httpx.Client(base_url=studio.api, headers=user.headers, timeout=30)


def _to_scripts(page: Page, user: ApiUser, studio: Studio) -> None:
    """Sign in, fill a brief, and go on to the scripts step."""
    sign_in(page, studio, user)
    page.goto(f"{studio.url}/create")
    _heading(page, 1, "Start")
    _fill_brief(page)
    _next(page)
    _heading(page, 2, "Scripts")
    expect(page.get_by_label("Variant 1, line 1 (hook)")).not_to_have_value("")


def test_walk_from_a_brief_to_a_render(page: Page, studio: Studio, tmp_path: Path) -> None:
    user = api_user(studio)
    sign_in(page, studio, user)
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    page.goto(f"{studio.url}/create")
    _heading(page, 1, "Start")
    expect(page.get_by_role("navigation", name="Steps")).to_contain_text("Scripts")
    _fill_brief(page)
    page.get_by_label("Tone").select_option("energetic")
    page.get_by_label("15 seconds").check()
    image = tmp_path / "serum.png"
    image.write_bytes(_product_png())
    page.get_by_label("Product images").set_input_files(image)
    expect(page.get_by_role("button", name="Remove serum.png")).to_be_visible()
    check_a11y(page)
    shot(page, "create-step-1")
    _next(page)

    _heading(page, 2, "Scripts")
    expect(page.get_by_label("Variant 1, line 1 (hook)")).not_to_have_value("")
    expect(page.get_by_label("Variant 3, line 1 (hook)")).not_to_have_value("")
    page.get_by_label("Variant 1, line 2 (body)").fill(EDITED)
    before = _lines(page, 2)
    page.get_by_role("button", name="Regenerate this one (variant 2)").click()
    page.wait_for_function(
        """([group, before]) => JSON.stringify([...group.querySelectorAll('textarea')]
             .map(e => e.value)) !== JSON.stringify(before)""",
        arg=[page.get_by_role("group", name="Variant 2", exact=True).element_handle(), before],
    )
    regenerated = _lines(page, 2)
    expect(page.get_by_label("Variant 1, line 2 (body)")).to_have_value(EDITED)
    page.get_by_role("button", name="Back", exact=True).click()  # going back loses nothing
    _heading(page, 1, "Start")
    expect(page.get_by_label("Benefit 2")).to_have_value("Fragrance free")
    _next(page)
    _heading(page, 2, "Scripts")
    expect(page.get_by_label("Variant 1, line 2 (body)")).to_have_value(EDITED)
    assert _lines(page, 2) == regenerated
    check_a11y(page)
    shot(page, "create-step-2")
    _next(page)

    _heading(page, 3, "Look & sound")
    persona = page.get_by_role("group", name="Persona")
    expect(persona.get_by_role("radio", name="Let the studio choose")).to_be_checked()
    persona.get_by_role("radio", name="Maya").check()
    _wait_loaded(page, page.get_by_role("img", name="Preview of persona Maya"))
    captions = page.get_by_role("group", name="Caption style")
    captions.get_by_role("radio", name="Karaoke").check()
    _wait_loaded(page, page.get_by_role("img", name="Preview of caption style Karaoke"))
    # Radio groups move with the arrow keys, like any native radio group.
    page.get_by_role("group", name="Setting").get_by_role(
        "radio", name="Let the studio choose"
    ).focus()
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("group", name="Setting").get_by_role("radio").nth(1)).to_be_checked()
    page.get_by_role("group", name="Voice").get_by_role("radio", name="Joe (US English)").check()
    audio = page.locator("audio[aria-label='Sample of voice Joe (US English)']")
    expect(audio).to_be_attached()
    page.wait_for_function(
        "a => a.readyState >= 1 && isFinite(a.duration) && a.duration > 0",
        arg=audio.element_handle(),
    )
    check_a11y(page)
    shot(page, "create-step-3")
    _next(page)

    _heading(page, 4, "Formats")
    expect(page.get_by_label("9:16 — TikTok, Reels, Shorts")).to_be_checked()
    expect(page.get_by_label("16:9 — YouTube and the web")).not_to_be_checked()
    page.get_by_label("Number of variants").fill("2")
    expect(page.get_by_label("Seed")).to_be_hidden()  # advanced, collapsed
    check_a11y(page)
    shot(page, "create-step-4")
    _next(page)

    _heading(page, 5, "Quote")
    expect(page.get_by_text("2 credits for 2 videos.")).to_be_visible()
    expect(page.get_by_text("2: 2 variants in 1 format")).to_be_visible()
    check_a11y(page)
    shot(page, "create-step-5")
    page.get_by_role("button", name="Next: render").click()

    _heading(page, 6, "Render")
    check_a11y(page)
    shot(page, "create-step-6")
    assert not console, f"console errors in the wizard: {console}"
    # The first answer is lost on the way back (the job is made): the retry must reuse the key,
    # so the API answers with that job instead of making a second one.
    keys: list[str] = []

    def lose_first(route: Route) -> None:
        keys.append(route.request.headers["idempotency-key"])
        if len(keys) == 1:
            assert route.fetch().status == 202
            route.abort("aborted")
        else:
            route.continue_()

    page.route("**/api/v1/videos", lose_first)
    page.get_by_role("button", name="Render 2 videos").click()
    expect(page.get_by_role("alert")).to_contain_text("can't reach the studio")
    page.get_by_role("button", name="Render 2 videos").dblclick()
    page.wait_for_url(re.compile(r"/videos/vid_[A-Za-z0-9]+$"))
    video_id = page.url.rsplit("/", 1)[1]
    assert keys == [keys[0], keys[0]]

    with _api(studio, user) as c:
        video = c.get(f"/videos/{video_id}").raise_for_status().json()
        listed = c.get("/videos").raise_for_status().json()["items"]
    assert [v["id"] for v in listed] == [video_id], "the retry or a double click made a second job"
    assert video["aspects"] == ["9:16"]
    assert video["variants"] == 2
    brief: dict[str, Any] = video["brief"]
    assert brief["product"]["name"] == "Glow Serum"
    assert brief["product"]["benefits"] == ["Brighter skin in 14 days", "Fragrance free"]
    assert (brief["tone"], brief["target_seconds"]) == ("energetic", 15)
    assert [ref[:10] for ref in brief["assets"]["product_images"]] == ["asset:ast_"]
    options = brief["options"]
    assert (options["persona"], options["caption_style"], options["voice"]) == (
        "maya",
        "karaoke",
        "piper",
    )
    assert options["setting"] == "bedroom"
    scripts = options["scripts"]
    assert [s["variant"] for s in scripts] == [0, 1]
    assert scripts[0]["lines"][1]["text"] == EDITED
    assert [line["text"] for line in scripts[1]["lines"]] == regenerated


def test_start_from_a_template(page: Page, studio: Studio) -> None:
    user = api_user(studio)
    with _api(studio, user) as c:
        items = c.get("/templates", params={"limit": 100}).raise_for_status().json()["items"]
    template = next(t for t in items if t["id"].startswith("tpl_sys_") and t["system"])
    sign_in(page, studio, user)
    page.goto(f"{studio.url}/create?template={template['id']}")
    _heading(page, 1, "Start")
    expect(page.get_by_role("radio", name="Use a template")).to_be_checked()
    expect(page.get_by_role("combobox", name="Template")).to_have_value(template["id"])
    name = page.get_by_label("Product name")
    expect(name).to_have_attribute("aria-required", "true")
    _next(page)  # nothing filled yet: the required variables say so
    expect(name).to_have_accessible_description(re.compile("required"))
    expect(name).to_be_focused()
    name.fill("Glow Serum")
    page.get_by_label("What it is and does").fill("A vitamin C serum for dull skin.")
    page.get_by_label("Benefit 1").fill("Brighter skin in 14 days")
    page.get_by_role("button", name="Preview the brief").click()
    preview = page.get_by_role("region", name="The brief this template makes")
    expect(preview).to_contain_text("Glow Serum")
    expect(preview).to_contain_text("Brighter skin in 14 days")
    check_a11y(page)
    shot(page, "create-template")
    _next(page)
    _heading(page, 2, "Scripts")
    expect(page.get_by_label("Variant 1, line 1 (hook)")).not_to_have_value("")
    _next(page)
    _heading(page, 3, "Look & sound")
    _next(page)
    _heading(page, 4, "Formats")
    _next(page)
    _heading(page, 5, "Quote")
    expect(page.get_by_text(re.compile(r"^\d+ credits? for 3 videos\.$"))).to_be_visible()
    expect(page.get_by_role("region", name="Your choices")).to_contain_text(template["name"])
    # "Edit" goes back to its step with everything kept.
    page.get_by_role("button", name="Edit start").click()
    _heading(page, 1, "Start")
    expect(page.get_by_label("Product name")).to_have_value("Glow Serum")


def _product_png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (640, 640), (230, 120, 90)).save(buf, "PNG")
    return buf.getvalue()


PAGE = b"""<!doctype html><html><head><title>Glow Serum | Glow Co</title>
<meta property="og:title" content="Glow Serum">
<meta property="og:description" content="A vitamin C serum. Brightens dull skin in two weeks.">
<meta property="og:site_name" content="Glow Co">
<meta property="og:image" content="/serum.png">
</head><body><h1>Glow Serum</h1></body></html>"""


@pytest.fixture
def shop() -> Iterator[str]:
    """A one-product shop on loopback, with OpenGraph tags and a product image."""
    png = _product_png()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body, kind = (png, "image/png") if self.path == "/serum.png" else (PAGE, "text/html")
            self.send_response(200)
            self.send_header("content-type", kind)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            """Keep the test output quiet."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/products/glow-serum"
    finally:
        server.shutdown()
        server.server_close()


def test_import_a_product_page(page: Page, studio: Studio, shop: str) -> None:
    user = api_user(studio)
    sign_in(page, studio, user)
    page.goto(f"{studio.url}/create")
    page.get_by_role("radio", name="Import a product page").check()
    expect(page.get_by_label("Product name")).to_have_count(0)  # the form waits for the import
    page.get_by_label("Product page URL").fill(shop)
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_text("Imported from Glow Co.")).to_be_visible()
    expect(page.get_by_label("Product name")).to_have_value("Glow Serum")
    expect(page.get_by_label("Description")).to_have_value(re.compile("vitamin C serum"))
    expect(page.get_by_role("button", name="Remove Image 1 from the page")).to_be_visible()
    page.get_by_label("Product name").fill("Glow Serum Plus")
    check_a11y(page)
    shot(page, "create-import")
    _next(page)
    _heading(page, 2, "Scripts")
    hook = page.get_by_label("Variant 1, line 1 (hook)")
    expect(hook).not_to_have_value("")
    scripts = " ".join(_lines(page, 1) + _lines(page, 2))
    assert "Glow Serum Plus" in scripts


def test_errors_show_next_to_their_field(page: Page, studio: Studio) -> None:
    user = api_user(studio)
    with _api(studio, user) as c:
        kit = {"name": "Careful claims", "banned_words": ["miracle"]}
        c.post("/brand-kits", json=kit).raise_for_status()
    sign_in(page, studio, user)
    page.goto(f"{studio.url}/create")
    _heading(page, 1, "Start")
    expect(page.get_by_label("Brand kit")).to_have_value(re.compile("^brand_|^bk_"))
    _next(page)  # client side: required fields
    name = page.get_by_label("Product name")
    expect(name).to_have_accessible_description(re.compile("Enter the product's name"))
    expect(name).to_be_focused()
    expect(page.get_by_role("alert").first).to_contain_text("Product name")
    check_a11y(page)
    shot(page, "create-errors-client")

    # The server's refusal of a URL shows under the URL field.
    page.get_by_role("radio", name="Import a product page").check()
    page.get_by_label("Product page URL").fill("http://10.20.30.40/products/x")
    page.get_by_role("button", name="Import").click()
    url = page.get_by_label("Product page URL")
    expect(url).to_have_attribute("aria-invalid", "true")
    expect(url).to_have_accessible_description(re.compile(r"\S"))
    page.get_by_role("radio", name="Write a brief").check()

    _fill_brief(page)
    _next(page)
    _heading(page, 2, "Scripts")
    line = page.get_by_label("Variant 1, line 2 (body)")
    line.fill("This miracle serum changed my skin.")
    _next(page)
    _heading(page, 3, "Look & sound")
    _next(page)
    _heading(page, 4, "Formats")
    page.get_by_label("Number of variants").fill("1")
    _next(page)
    _heading(page, 5, "Quote")
    page.get_by_role("button", name="Next: render").click()
    page.get_by_role("button", name="Render 1 video").click()

    # The API refuses the banned word; the wizard goes back to the line that has it.
    _heading(page, 2, "Scripts")
    expect(line).to_have_attribute("aria-invalid", "true")
    expect(line).to_have_accessible_description(re.compile("banned word 'miracle'"))
    expect(page.get_by_role("alert").first).to_contain_text("Variant 1, line 2")
    check_a11y(page)
    shot(page, "create-errors-server")
    line.fill("This serum changed my skin.")
    expect(line).not_to_have_attribute("aria-invalid", "true")


def test_phone_steps_fit_without_sideways_scroll(phone: Page, studio: Studio) -> None:
    user = api_user(studio)
    _to_scripts(phone, user, studio)
    phone.get_by_role("button", name="Back", exact=True).click()
    _heading(phone, 1, "Start")
    wide = "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    assert phone.evaluate(wide), "step 1 scrolls sideways at 390 px"
    shot(phone, "create-phone-step-1")
    _next(phone)
    _heading(phone, 2, "Scripts")
    _next(phone)
    _heading(phone, 3, "Look & sound")
    phone.get_by_role("group", name="Persona").get_by_role("radio", name="Leo").check()
    _wait_loaded(phone, phone.get_by_role("img", name="Preview of persona Leo"))
    assert phone.evaluate(wide), "step 3 scrolls sideways at 390 px"
    shot(phone, "create-phone-step-3")


def test_viewers_are_told_they_cannot_create(page: Page, studio: Studio) -> None:
    owner = api_user(studio)
    viewer = add_role(studio, owner, "viewer")
    sign_in(page, studio, viewer)
    page.goto(f"{studio.url}/create")
    expect(page.get_by_text("can watch and download videos but not create them")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("Step 1 of 6"))).to_have_count(0)
    check_a11y(page)


def _settle(page: Page) -> None:
    """Let an answer that just arrived reach the screen."""
    page.evaluate("() => new Promise(done => setTimeout(done, 300))")


def test_a_late_draft_for_an_older_brief_is_dropped(page: Page, studio: Studio) -> None:
    user = api_user(studio)
    sign_in(page, studio, user)
    page.goto(f"{studio.url}/create")
    _fill_brief(page)
    held: list[Route] = []

    def hold_first(route: Route) -> None:
        if held:
            route.continue_()
        else:
            held.append(route)

    page.route("**/api/v1/scripts/draft", hold_first)
    _next(page)
    _heading(page, 2, "Scripts")
    expect(page.get_by_text("Writing scripts…")).to_be_visible()
    _next(page)  # nothing written yet: it waits
    expect(page.get_by_role("heading", name="Step 2 of 6: Scripts")).to_be_visible()
    expect(page.get_by_role("alert").filter(has_text="scripts aren't ready").first).to_be_visible()
    page.get_by_role("button", name="Back", exact=True).click()
    page.get_by_label("Product name").fill("Moon Balm")
    _next(page)
    _heading(page, 2, "Scripts")
    expect(page.get_by_label("Variant 1, line 1 (hook)")).not_to_have_value("")
    assert "Moon Balm" in " ".join(_lines(page, 1) + _lines(page, 2))

    # The first step 2's answer (for Glow Serum) comes late: it must not replace these.
    route = held[0]
    with contextlib.suppress(PlaywrightError):  # aborted when step 2 was left, as it should be
        route.fulfill(response=route.fetch())
    _settle(page)
    scripts = " ".join(_lines(page, 1) + _lines(page, 2))
    assert "Moon Balm" in scripts
    assert "Glow Serum" not in scripts

    # Edited scripts for an older brief: Next waits until they are rewritten or kept.
    page.get_by_label("Variant 1, line 2 (body)").fill(EDITED)
    page.get_by_role("button", name="Back", exact=True).click()
    page.get_by_label("Product name").fill("Star Gel")
    _next(page)
    _heading(page, 2, "Scripts")
    expect(page.get_by_text("Your brief changed after these scripts were written.")).to_be_visible()
    _next(page)
    expect(page.get_by_role("alert").filter(has_text="Rewrite them, or keep").first).to_be_visible()
    expect(page.get_by_role("heading", name="Step 2 of 6: Scripts")).to_be_visible()
    page.get_by_role("button", name="Rewrite all scripts").click()
    expect(page.get_by_label("Variant 1, line 2 (body)")).not_to_have_value(EDITED)
    assert "Star Gel" in " ".join(_lines(page, 1) + _lines(page, 2))
    _next(page)
    _heading(page, 3, "Look & sound")


def test_the_wizard_survives_a_reload_and_starts_over(
    page: Page, studio: Studio, tmp_path: Path
) -> None:
    user = api_user(studio)
    sign_in(page, studio, user)
    page.goto(f"{studio.url}/create")
    _fill_brief(page)
    image = tmp_path / "serum.png"
    image.write_bytes(_product_png())
    page.get_by_label("Product images").set_input_files(image)
    expect(page.get_by_role("button", name="Remove serum.png")).to_be_visible()
    _next(page)
    _heading(page, 2, "Scripts")
    page.get_by_label("Variant 1, line 2 (body)").fill(EDITED)

    page.reload()
    expect(page.get_by_role("heading", name="Step 2 of 6: Scripts")).to_be_visible()
    expect(page.get_by_text("We kept what you were making in this tab.")).to_be_visible()
    expect(page.get_by_label("Variant 1, line 2 (body)")).to_have_value(EDITED)
    kept: str = page.evaluate(
        "() => Object.keys(sessionStorage).filter(k => k.startsWith('ugc.create'))"
        ".map(k => sessionStorage.getItem(k)).join('')"
    )
    assert '"id":"ast_' in kept  # the upload as its asset id...
    assert "base64" not in kept  # ...never its bytes
    assert len(kept) < 50_000
    check_a11y(page)
    page.get_by_role("button", name="Back", exact=True).click()
    expect(page.get_by_label("Benefit 2")).to_have_value("Fragrance free")
    expect(page.get_by_role("button", name="Remove serum.png")).to_be_visible()

    page.get_by_role("button", name="Start over").click()
    _heading(page, 1, "Start")
    expect(page.get_by_label("Product name")).to_have_value("")
    expect(page.get_by_role("button", name="Remove serum.png")).to_have_count(0)
    page.reload()
    expect(page.get_by_label("Product name")).to_have_value("")
    expect(page.get_by_text("We kept what you were making in this tab.")).to_have_count(0)
