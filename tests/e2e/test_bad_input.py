"""Bad input through the CLI: exit 2, one stderr line naming the field and the reason, no output."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml

from tests.conftest import write_png_header_only
from tests.e2e.helpers import GADGET, copy_brief, run_create

pytestmark = pytest.mark.slow

Doc = dict[str, Any]
Prepare = Callable[[Path, Doc], None]


def _brief(tmp_path: Path, prepare: Prepare) -> Path:
    """Copy the gadget brief, let `prepare` change its document and files, and write it back."""
    brief = copy_brief(tmp_path / "brief")
    doc = yaml.safe_load(brief.read_text(encoding="utf-8"))
    prepare(brief.parent, doc)
    brief.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return brief


def _one_error_line(proc: subprocess.CompletedProcess[str]) -> str:
    """Return the single non-empty stderr line, failing if there are more."""
    lines = [ln for ln in proc.stderr.strip().splitlines() if ln.strip()]
    assert len(lines) == 1, f"expected one line on stderr, got {len(lines)}:\n{proc.stderr}"
    return lines[0]


def _missing_benefits(_folder: Path, doc: Doc) -> None:
    del doc["product"]["benefits"]


def _missing_image(_folder: Path, doc: Doc) -> None:
    doc["assets"]["product_images"][0] = "no_such_photo.png"


def _empty_image(folder: Path, doc: Doc) -> None:
    (folder / "empty.png").write_bytes(b"")
    doc["assets"]["product_images"][0] = "empty.png"


def _folder_as_image(folder: Path, doc: Doc) -> None:
    (folder / "photos.png").mkdir()
    doc["assets"]["product_images"][0] = "photos.png"


def _text_as_image(folder: Path, doc: Doc) -> None:
    (folder / "fake.png").write_text("this is not a picture\n" * 20)
    doc["assets"]["product_images"][1] = "fake.png"


def _bomb_image(folder: Path, doc: Doc) -> None:
    write_png_header_only(folder / "bomb.png", 30000, 30000)
    doc["assets"]["product_images"][0] = "bomb.png"


def _bomb_logo(folder: Path, doc: Doc) -> None:
    write_png_header_only(folder / "bomb.png", 30000, 30000)
    doc["brand"]["logo"] = "bomb.png"


def _png_as_clip(_folder: Path, doc: Doc) -> None:
    doc["assets"]["creator_clip"] = "gadget_hero.png"
    doc["assets"]["creator_transcript"] = "I love this chopper."


def _noise_as_clip(folder: Path, doc: Doc) -> None:
    (folder / "clip.mp4").write_bytes(np.random.default_rng(3).bytes(64_000))
    doc["assets"]["creator_clip"] = "clip.mp4"
    doc["assets"]["creator_transcript"] = "I love this chopper."


def _unknown_language(_folder: Path, doc: Doc) -> None:
    doc["language"] = "xx"


CASES: dict[str, tuple[Prepare, str, str]] = {
    # name: (prepare, field named, reason pattern)
    "missing-benefits": (_missing_benefits, "product.benefits", r"required field is missing"),
    "missing-image": (_missing_image, "assets.product_images[0]", r"not found.*no_such_photo"),
    "empty-image": (_empty_image, "assets.product_images[0]", r"empty\.png is empty"),
    "folder-as-image": (_folder_as_image, "assets.product_images[0]", r"not found|not a file"),
    "text-as-image": (_text_as_image, "assets.product_images[1]", r"fake\.png is not an image"),
    "bomb-image": (_bomb_image, "assets.product_images[0]", r"bomb|40 megapixels"),
    "bomb-logo": (_bomb_logo, "brand.logo", r"bomb|40 megapixels"),
    "png-as-clip": (_png_as_clip, "assets.creator_clip", r"still image|not a video"),
    "noise-as-clip": (_noise_as_clip, "assets.creator_clip", r"not a video|could not be decoded"),
    "unknown-language": (_unknown_language, "language", r"unknown language 'xx'"),
}


def _assert_rejected(
    proc: subprocess.CompletedProcess[str], field: str, reason: str, out: Path
) -> None:
    assert proc.returncode == 2, f"exit {proc.returncode}:\n{proc.stderr[-2000:]}"
    line = _one_error_line(proc)
    assert line.startswith("error:"), line
    assert re.search(rf"(^|\s){re.escape(field)}:", line), f"{field!r} not named in: {line}"
    assert re.search(reason, line), f"reason {reason!r} not in: {line}"
    assert proc.stdout.strip() == ""
    assert not out.exists(), "a rejected brief created the output folder"


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_brief_is_rejected_with_one_line(tmp_path: Path, case: str) -> None:
    prepare, field, reason = CASES[case]
    brief = _brief(tmp_path, prepare)
    out = tmp_path / "OUT"
    proc = run_create(brief, out, tmp_path / "cache", "--aspects", "9:16", timeout=120)
    _assert_rejected(proc, field, reason, out)


def test_malformed_yaml(tmp_path: Path) -> None:
    brief = copy_brief(tmp_path / "brief")
    text = brief.read_text(encoding="utf-8")
    brief.write_text(text.replace('  cta: "Get yours today"', '  cta: "Get yours today'))
    out = tmp_path / "OUT"
    proc = run_create(brief, out, tmp_path / "cache", timeout=120)
    _assert_rejected(proc, "brief", r"malformed YAML at line \d+", out)


def test_missing_brief_file(tmp_path: Path) -> None:
    out = tmp_path / "OUT"
    proc = run_create(tmp_path / "nope.yaml", out, tmp_path / "cache", timeout=120)
    _assert_rejected(proc, "brief", r"cannot read", out)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_asset(tmp_path: Path) -> None:
    def lock(folder: Path, _doc: Doc) -> None:
        (folder / "gadget_hero.png").chmod(0)

    brief = _brief(tmp_path, lock)
    out = tmp_path / "OUT"
    proc = run_create(brief, out, tmp_path / "cache", timeout=120)
    _assert_rejected(proc, "assets.product_images[0]", r"cannot read|not found", out)


def test_existing_output_folder_gets_no_manifest(tmp_path: Path) -> None:
    brief = _brief(tmp_path, _missing_benefits)
    out = tmp_path / "OUT"
    out.mkdir()
    proc = run_create(brief, out, tmp_path / "cache", timeout=120)
    assert proc.returncode == 2
    assert list(out.iterdir()) == []


def test_unknown_aspect_is_a_usage_error(tmp_path: Path) -> None:
    out = tmp_path / "OUT"
    proc = run_create(GADGET / "brief.yaml", out, tmp_path / "cache", "--aspects", "9:16,3:2")
    assert proc.returncode == 2
    assert "unknown aspect '3:2'" in proc.stderr
    assert re.search(r"9:16, 1:1, 4:5, 16:9", proc.stderr), proc.stderr
    assert "Traceback" not in proc.stderr
    assert not out.exists()


@pytest.mark.parametrize("name", ["shot[hero].png", "shot[/x].png"])
def test_error_names_the_file_verbatim(tmp_path: Path, name: str) -> None:
    def missing(_folder: Path, doc: Doc) -> None:
        doc["assets"]["product_images"][0] = name

    brief = _brief(tmp_path, missing)
    out = tmp_path / "OUT"
    proc = run_create(brief, out, tmp_path / "cache", timeout=120)
    _assert_rejected(proc, "assets.product_images[0]", re.escape(name), out)


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the option cases, so the voice is synthesised once."""
    return tmp_path_factory.mktemp("options-cache")


@pytest.mark.parametrize(
    ("field", "value"),
    [("persona", "zorg"), ("setting", "moon"), ("music_mood", "gloomy")],
)
def test_unknown_creative_option_is_bad_input(
    tmp_path: Path, shared_cache: Path, field: str, value: str
) -> None:
    def choose(_folder: Path, doc: Doc) -> None:
        doc["options"][field] = value

    brief = _brief(tmp_path, choose)
    out = tmp_path / "OUT"
    proc = run_create(brief, out, shared_cache, "--aspects", "9:16", timeout=300)
    _assert_rejected(proc, f"options.{field}", re.escape(value), out)
