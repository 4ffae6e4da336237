"""Sniffing by magic bytes, per-kind limits, bomb guards and probing, without a database."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.asset.media import audio_file, image_bytes, video_file, wav_bytes
from tests.conftest import write_png_header_only
from ugc.asset.media import LIMITS, MiB, probe, safe_stem, spool
from ugc.asset.sniff import describe, sniff
from ugc.brief.assets import check_image
from ugc.errors import InvalidRequest, PayloadTooLarge, UnsupportedMedia


def _media(tmp_path: Path, name: str) -> bytes:
    """Return one sample file by name: an image format or a suffix."""
    if name in ("PNG", "JPEG", "WEBP", "GIF"):
        return image_bytes(name)
    if name == ".wav":
        return wav_bytes()
    if name in (".mp4", ".mov", ".webm"):
        return video_file(tmp_path / f"v{name}").read_bytes()
    return audio_file(tmp_path / f"a{name}").read_bytes()


@pytest.mark.parametrize(
    ("name", "kind", "content_type"),
    [
        ("PNG", "image", "image/png"),
        ("JPEG", "image", "image/jpeg"),
        ("WEBP", "image", "image/webp"),
        ("GIF", "image", "image/gif"),
        (".mp4", "video", "video/mp4"),
        (".mov", "video", "video/quicktime"),
        (".webm", "video", "video/webm"),
        (".wav", "audio", "audio/wav"),
        (".mp3", "audio", "audio/mpeg"),
        (".m4a", "audio", "audio/mp4"),
        (".ogg", "audio", "audio/ogg"),
        (".flac", "audio", "audio/flac"),
    ],
)
def test_every_accepted_format_is_sniffed_and_probed(
    tmp_path: Path, name: str, kind: str, content_type: str
) -> None:
    data = _media(tmp_path, name)
    spooled = spool(io.BytesIO(data), tmp_path, "sample")
    assert (spooled.media.kind, spooled.media.content_type) == (kind, content_type)
    assert spooled.size == len(data)
    assert spooled.path.read_bytes() == data
    info = probe(spooled)
    if kind == "audio":
        assert info.duration_s == pytest.approx(0.5, abs=0.05)
        assert info.width is None
    else:
        assert (info.width, info.height) == (32, 24)
    if kind == "video":
        assert info.duration_s == pytest.approx(1.0, abs=0.05)


def test_bare_mp3_frame_without_id3_is_audio() -> None:
    assert sniff(b"\xff\xfb\x90\x64" + b"\x00" * 60) is not None
    # ADTS AAC shares the sync word but is layer 0: not MP3, and not accepted
    assert sniff(b"\xff\xf1\x50\x80" + b"\x00" * 60) is None


@pytest.mark.parametrize(
    ("head", "looks_like"),
    [
        (b"%PDF-1.7\n", "PDF"),
        (b"PK\x03\x04rest", "ZIP"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "SVG"),
        (b"\xef\xbb\xbf<!DOCTYPE html><html>", "HTML"),
        (b"\x00\x00\x00\x1cftypheic\x00\x00\x00\x00", "HEIC"),
        (b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00", "AVIF"),
        (b"RIFF\x00\x00\x00\x00AVI LIST", "AVI"),
        (b"#EXTM3U\n#EXT-X-VERSION:3\n", "HLS"),
        (b"just some words\n", "plain text"),
        (b"\x01\x02\x03\x04\xfe\xfd", "unrecognised binary data"),
    ],
)
def test_other_files_are_415_naming_what_they_look_like(
    tmp_path: Path, head: bytes, looks_like: str
) -> None:
    assert sniff(head) is None
    assert looks_like in describe(head)
    with pytest.raises(UnsupportedMedia, match=looks_like):
        spool(io.BytesIO(head), tmp_path, "upload")


def test_content_is_trusted_over_the_name(tmp_path: Path) -> None:
    spooled = spool(io.BytesIO(image_bytes("JPEG")), tmp_path, safe_stem("holiday.png"))
    assert spooled.path.name == "holiday.jpg"
    assert spooled.media.content_type == "image/jpeg"


@pytest.mark.parametrize(
    ("given", "stem"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\Été photo (1).PNG", "Ete-photo-1"),
        (".hidden", "hidden"),
        ("", "file"),
        (None, "file"),
        ("日本.png", "file"),
    ],
)
def test_safe_stem(given: str | None, stem: str) -> None:
    assert safe_stem(given) == stem


def test_empty_file_is_a_validation_error(tmp_path: Path) -> None:
    with pytest.raises(InvalidRequest, match="empty"):
        spool(io.BytesIO(b""), tmp_path, "x")


def test_size_limit_per_kind_stops_reading(tmp_path: Path) -> None:
    limit = LIMITS["image"].max_bytes
    assert limit == 20 * MiB
    big = io.BytesIO(image_bytes("PNG") + b"\x00" * limit)
    with pytest.raises(PayloadTooLarge, match="20 MB"):
        spool(big, tmp_path, "big")
    assert big.tell() <= limit + 2 * MiB  # stopped soon after the limit, not at the end


@pytest.mark.parametrize(
    ("size", "reason"),
    [
        ((9000, 100), "8192 px a side"),
        ((7000, 7000), "40 megapixels"),
        ((100_000, 100_000), "decompression bomb|megapixels"),
    ],
)
def test_image_dimensions_checked_from_header_before_decoding(
    tmp_path: Path, size: tuple[int, int], reason: str
) -> None:
    src = tmp_path / "bomb.png"
    write_png_header_only(src, *size)  # the pixel data is junk: decoding would fail differently
    spooled = spool(io.BytesIO(src.read_bytes()), tmp_path, "claimed")
    with pytest.raises(InvalidRequest, match=reason):
        probe(spooled)


def test_images_are_fully_decoded_not_just_verified(tmp_path: Path) -> None:
    src = tmp_path / "short.png"
    write_png_header_only(src, 16, 16)  # valid chunks and CRCs, too little pixel data
    check_image("x", src)  # a header-and-CRC check passes ...
    spooled = spool(io.BytesIO(src.read_bytes()), tmp_path, "short")
    with pytest.raises(InvalidRequest, match="not an image"):
        probe(spooled)  # ... decoding every pixel does not


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: video_file(p / "long.mp4", seconds=121, fps=1, size=(16, 16)), "limit is 120 s"),
        (lambda p: video_file(p / "wide.mp4", seconds=0.25, size=(3856, 16)), "3840 px a side"),
        (lambda p: _write(p / "long.wav", wav_bytes(601, rate=1000)), "limit is 600 s"),
        (lambda p: _write(p / "junk.mp4", b"\x00\x00\x00\x18ftypisom" + b"junk" * 64), "video"),
        (lambda p: _write(p / "junk.flac", b"fLaC" + b"\x00" * 200), "audio"),
    ],
)
def test_media_limits_and_undecodable_files(tmp_path: Path, make: object, reason: str) -> None:
    path: Path = make(tmp_path)  # type: ignore[operator]
    folder = tmp_path / "spool"
    folder.mkdir()
    spooled = spool(io.BytesIO(path.read_bytes()), folder, "upload")
    with pytest.raises(InvalidRequest, match=reason) as err:
        probe(spooled)
    assert err.value.errors[0].field == "file"


def _write(path: Path, data: bytes) -> Path:
    """Write bytes and return the path."""
    path.write_bytes(data)
    return path
