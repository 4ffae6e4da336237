"""Brand kits: every field, logo upload, voice sample, save, default, delete, viewers, phones."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
from PIL import Image
from playwright.sync_api import FilePayload, Page, Route, expect

from tests.web.studio import ApiUser, Studio, add_role, api_user, check_a11y, shot, sign_in


def _png(path: Path) -> Path:
    """Write a small logo: a pink rounded mark on transparency."""
    img = Image.new("RGBA", (160, 64), (0, 0, 0, 0))
    img.paste((232, 93, 117, 255), (8, 8, 152, 56))
    img.save(path, "PNG")
    return path


def _kit(studio: Studio, user: ApiUser, kit_id: str) -> dict[str, object]:
    r = httpx.get(f"{studio.api}/brand-kits/{kit_id}", headers=user.headers)
    body: dict[str, object] = r.raise_for_status().json()
    return body


def _create_first_kit(page: Page) -> str:
    """Create a kit from the empty state; return its id once the editor opens."""
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Brand kits").click()
    expect(page.get_by_role("heading", name="No brand kits yet")).to_be_visible()
    check_a11y(page)
    shot(page, "brand-kits-empty")
    page.get_by_role("button", name="Create your first brand kit").click()
    page.get_by_label("Kit name").fill("Glow main")
    page.get_by_role("button", name="Create and edit").click()
    page.wait_for_url(re.compile(r"/brand/brand_\w+$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Glow main")
    return page.url.rsplit("/", 1)[1]


def _set_colours(page: Page) -> None:
    page.get_by_label("Primary colour hex code").fill("#e85d75")
    page.get_by_label("Text colour hex code").fill("#ffffff")
    expect(page.get_by_text(re.compile(r"Text on primary: 3\.\d:1 — hard to read"))).to_be_visible()
    page.get_by_label("Text colour picker").fill("#1a1a1a")
    expect(page.get_by_label("Text colour hex code")).to_have_value("#1a1a1a")
    expect(
        page.get_by_text(re.compile(r"Text on primary: \d\.\d:1 — easy to read"))
    ).to_be_visible()
    background = page.get_by_label("Background colour hex code")
    background.fill("fff4f0")  # no "#": added when the field loses focus
    background.press("Tab")
    expect(background).to_have_value("#fff4f0")
    page.get_by_label("Accent colour hex code").fill("#12345")  # one digit short


def _logo_errors(page: Page) -> None:
    """Refuse a text file and a huge image locally, and a fake PNG on the server."""
    upload = page.get_by_label("Upload a logo")
    upload.set_input_files({"name": "notes.txt", "mimeType": "text/plain", "buffer": b"hello"})
    expect(page.get_by_text("“notes.txt” isn't a PNG, JPEG, WebP or GIF image")).to_be_visible()
    big = FilePayload(name="huge.png", mimeType="image/png", buffer=b"\0" * (11 * 1024 * 1024))
    upload.set_input_files(big)
    expect(
        page.get_by_text(re.compile(r"“huge\.png” is 11\.0 MB; a logo can be up to 10 MB"))
    ).to_be_visible()
    fake = FilePayload(name="fake.png", mimeType="image/png", buffer=b"not really an image")
    upload.set_input_files(fake)
    expect(
        page.get_by_role("alert").filter(has_text=re.compile("^Unsupported file: it looks like"))
    ).to_be_visible()


def _fill_rest(page: Page, logo: Path) -> None:
    page.get_by_label("Heading font").select_option("Noto Sans Display")
    page.get_by_label("Body font").select_option("Noto Serif")
    page.get_by_label("Tone of voice").select_option("energetic")
    word = page.get_by_label("Add a banned word")
    word.fill("cure")
    word.press("Enter")
    word.fill("guaranteed")
    page.get_by_role("button", name="Add word").click()
    word.fill("miracle")
    word.press("Enter")
    word.fill("CURE")
    word.press("Enter")
    expect(page.get_by_text("“CURE” is already banned.")).to_be_visible()
    page.get_by_role("button", name="Remove miracle").click()
    chips = page.get_by_role("list", name="Banned words").get_by_role("listitem")
    expect(chips).to_have_text(["cure×", "guaranteed×"])
    page.get_by_label("Show an ad disclosure badge on every video").check()
    page.get_by_label("Disclosure text").fill("Paid partnership")
    page.get_by_label("Badge position").select_option("bottom-left")
    _logo_errors(page)
    page.get_by_label("Upload a logo").set_input_files(logo)
    preview = page.get_by_role("img", name="Logo preview")
    expect(preview).to_be_visible()
    page.wait_for_function(
        "() => document.querySelector('img[alt=\"Logo preview\"]')?.naturalWidth === 160"
    )


def _play_voice(page: Page) -> None:
    page.get_by_label("Voice-over voice").select_option("piper")
    page.get_by_role("button", name="Play voice sample").click()
    audio = page.locator("audio[aria-label^='Voice sample']")
    # The first sample of a voice is synthesised on demand, which can take a while on a busy box.
    expect(audio).to_have_attribute("src", re.compile(r"^blob:"), timeout=30_000)
    page.wait_for_function(
        "() => { const a = document.querySelector('audio');"
        " return !!a && a.duration > 0 && isFinite(a.duration); }",
        timeout=30_000,
    )


def _check_saved(page: Page) -> None:
    expect(page.get_by_label("Primary colour hex code")).to_have_value("#e85d75")
    expect(page.get_by_label("Text colour hex code")).to_have_value("#1a1a1a")
    expect(page.get_by_label("Accent colour hex code")).to_have_value("#2b2d42")
    expect(page.get_by_label("Secondary colour hex code")).to_have_value("")
    expect(page.get_by_label("Heading font")).to_have_value("Noto Sans Display")
    expect(page.get_by_label("Body font")).to_have_value("Noto Serif")
    expect(page.get_by_label("Voice-over voice")).to_have_value("piper")
    expect(page.get_by_label("Tone of voice")).to_have_value("energetic")
    chips = page.get_by_role("list", name="Banned words").get_by_role("listitem")
    expect(chips).to_have_text(["cure×", "guaranteed×"])
    expect(page.get_by_label("Show an ad disclosure badge on every video")).to_be_checked()
    expect(page.get_by_label("Disclosure text")).to_have_value("Paid partnership")
    expect(page.get_by_label("Badge position")).to_have_value("bottom-left")
    expect(page.get_by_role("img", name="Logo preview")).to_be_visible()


def test_editor_sets_every_field_saves_and_reloads(
    page: Page, studio: Studio, tmp_path: Path
) -> None:
    owner = api_user(studio)
    sign_in(page, studio, owner)
    kit_id = _create_first_kit(page)
    expect(page.get_by_text("Default kit")).to_be_visible()  # an organisation's first kit
    check_a11y(page)

    _set_colours(page)
    _fill_rest(page, _png(tmp_path / "logo.png"))
    _play_voice(page)
    expect(page.get_by_role("status").filter(has_text="Unsaved changes")).to_be_visible()
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("Use a colour like #1f6feb")).to_be_visible()  # checked before sending
    page.get_by_label("Accent colour hex code").fill("#2B2D42")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("status").filter(has_text="Saved")).to_have_text("Saved")
    check_a11y(page)
    shot(page, "brand-kit-editor")

    kit = _kit(studio, owner, kit_id)
    assert kit["colors"] == {
        "primary": "#e85d75",
        "secondary": None,
        "accent": "#2b2d42",
        "text": "#1a1a1a",
        "background": "#fff4f0",
    }
    assert kit["fonts"] == {"heading": "Noto Sans Display", "body": "Noto Serif"}
    assert kit["voice"] == "piper"
    assert kit["tone"] == "energetic"
    assert kit["banned_words"] == ["cure", "guaranteed"]
    assert kit["disclosure"] == {
        "enabled": True,
        "text": "Paid partnership",
        "position": "bottom-left",
    }
    assert str(kit["logo_asset_id"]).startswith("ast_")

    page.reload()
    _check_saved(page)


def test_api_field_errors_show_beside_the_field(page: Page, studio: Studio) -> None:
    owner = api_user(studio)
    with httpx.Client(base_url=studio.api, headers=owner.headers) as c:
        body = {"name": "Odd fonts"}
        kit = c.post("/brand-kits", json=body).raise_for_status().json()
    sign_in(page, studio, owner)
    # The catalog lists only installed fonts, so block it to get the free-text fallback.
    page.route("**/api/v1/catalog", lambda route: route.abort("aborted"))
    page.goto(f"{studio.url}/brand/{kit['id']}")
    expect(
        page.get_by_text("The list of fonts and voices isn't available right now")
    ).to_be_visible()
    page.get_by_label("Heading font").fill("Comic Papyrus")
    page.get_by_role("button", name="Save changes").click()
    heading = page.get_by_label("Heading font")
    expect(heading).to_have_attribute("aria-invalid", "true")
    expect(heading).to_have_accessible_description(re.compile("'Comic Papyrus' is not installed"))
    check_a11y(page)


def test_kits_list_makes_default_and_deletes(page: Page, studio: Studio) -> None:
    owner = api_user(studio)
    with httpx.Client(base_url=studio.api, headers=owner.headers) as c:
        colours = {"primary": "#e85d75", "accent": "#2b2d42", "background": "#fff4f0"}
        body = {"name": "Glow main", "colors": colours, "tone": "friendly"}
        first = c.post("/brand-kits", json=body).raise_for_status().json()
        second = c.post("/brand-kits", json={"name": "Summer drop"}).raise_for_status().json()
    sign_in(page, studio, owner)
    page.goto(f"{studio.url}/brand")
    summer = page.get_by_role("listitem").filter(
        has=page.get_by_role("heading", name="Summer drop")
    )
    glow = page.get_by_role("listitem").filter(has=page.get_by_role("heading", name="Glow main"))
    expect(glow.get_by_text("Default", exact=True)).to_be_visible()
    check_a11y(page)
    shot(page, "brand-kits")

    summer.get_by_role("button", name="Make default: Summer drop").click()
    expect(page.get_by_text("“Summer drop” is now the default brand kit.")).to_be_visible()
    expect(summer.get_by_text("Default", exact=True)).to_be_visible()
    expect(glow.get_by_text("Default", exact=True)).to_have_count(0)
    assert _kit(studio, owner, second["id"])["is_default"] is True
    assert _kit(studio, owner, first["id"])["is_default"] is False

    glow.get_by_role("button", name="Delete Glow main").click()
    dialog = page.get_by_role("dialog", name="Delete “Glow main”?")
    dialog.get_by_role("button", name="Cancel").click()
    expect(glow).to_be_visible()
    glow.get_by_role("button", name="Delete Glow main").click()
    dialog.get_by_role("button", name="Delete brand kit").click()
    expect(page.get_by_role("heading", name="Glow main")).to_have_count(0)
    r = httpx.get(f"{studio.api}/brand-kits/{first['id']}", headers=owner.headers)
    assert r.status_code == 404


def test_viewer_sees_kits_read_only(page: Page, studio: Studio) -> None:
    owner = api_user(studio)
    body = {"name": "Glow main", "colors": {"primary": "#e85d75"}, "banned_words": ["cure"]}
    with httpx.Client(base_url=studio.api, headers=owner.headers) as c:
        kit = c.post("/brand-kits", json=body).raise_for_status().json()
    viewer = add_role(studio, owner, "viewer")
    sign_in(page, studio, viewer)
    page.goto(f"{studio.url}/brand")
    expect(page.get_by_role("heading", name="Glow main")).to_be_visible()
    for name in ("New brand kit", "Make default: Glow main", "Delete Glow main"):
        expect(page.get_by_role("button", name=name)).to_have_count(0)
    page.get_by_role("link", name="View Glow main").click()
    expect(page).to_have_url(f"{studio.url}/brand/{kit['id']}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Glow main")
    expect(page.get_by_text("#e85d75")).to_be_visible()
    expect(page.get_by_text("cure")).to_be_visible()
    expect(page.get_by_role("button", name="Save changes")).to_have_count(0)
    expect(page.get_by_role("textbox")).to_have_count(0)
    expect(page.get_by_label("Upload a logo")).to_have_count(0)
    check_a11y(page)
    shot(page, "brand-kit-viewer")
    page.goto(f"{studio.url}/brand/new")
    expect(page.get_by_role("alert")).to_contain_text("don't have permission to create brand kits")


def test_editor_fits_a_phone(phone: Page, studio: Studio) -> None:
    owner = api_user(studio)
    with httpx.Client(base_url=studio.api, headers=owner.headers) as c:
        kit = c.post("/brand-kits", json={"name": "Glow main"}).raise_for_status().json()
    sign_in(phone, studio, owner)
    phone.goto(f"{studio.url}/brand/{kit['id']}")
    phone.get_by_label("Add a banned word").fill("a-rather-long-banned-word-that-wraps")
    phone.get_by_role("button", name="Add word").click()
    expect(phone.get_by_role("button", name="Save changes")).to_be_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the brand editor scrolls sideways on a phone: {width}px wide"
    check_a11y(phone)
    shot(phone, "brand-kit-editor-phone")


def test_a_late_sample_of_the_previous_voice_is_not_played(page: Page, studio: Studio) -> None:
    owner = api_user(studio)
    with httpx.Client(base_url=studio.api, headers=owner.headers) as c:
        kit = c.post("/brand-kits", json={"name": "Voices"}).raise_for_status().json()
    sign_in(page, studio, owner)
    page.goto(f"{studio.url}/brand/{kit['id']}")
    held: list[Route] = []
    page.route("**/api/v1/catalog/voices/*/preview", lambda route: held.append(route))
    voice = page.get_by_label("Voice-over voice")
    voice.select_option("piper")
    page.get_by_role("button", name="Play voice sample").click()
    expect(page.get_by_role("button", name="Play voice sample")).to_have_attribute(
        "aria-busy", "true"
    )
    other: str = voice.evaluate(
        "s => [...s.options].map(o => o.value).find(v => v && v !== 'piper')"
    )
    voice.select_option(other)
    # piper's sample arrives after the change: it must not play as the new voice's sample.
    route = held[0]
    with page.expect_event("requestfinished"):
        route.fulfill(response=route.fetch())
    page.evaluate("() => new Promise(done => setTimeout(done, 300))")
    expect(page.locator("audio")).to_have_count(0)
    expect(page.get_by_role("button", name="Play voice sample")).not_to_have_attribute(
        "aria-busy", "true"
    )
