"""Tell media types apart by their magic bytes; the client's content type is never trusted."""

from __future__ import annotations

from dataclasses import dataclass

HEAD_BYTES = 512  # enough for every signature below


@dataclass(frozen=True)
class Sniffed:
    """A recognised media type: its kind, MIME type, file extension and PyAV demuxer."""

    kind: str  # image | video | audio
    content_type: str
    ext: str
    label: str
    demuxer: str | None = None


PNG = Sniffed("image", "image/png", ".png", "PNG image")
JPEG = Sniffed("image", "image/jpeg", ".jpg", "JPEG image")
WEBP = Sniffed("image", "image/webp", ".webp", "WebP image")
GIF = Sniffed("image", "image/gif", ".gif", "GIF image")
MP4 = Sniffed("video", "video/mp4", ".mp4", "MP4 video", "mov")
MOV = Sniffed("video", "video/quicktime", ".mov", "QuickTime video", "mov")
WEBM = Sniffed("video", "video/webm", ".webm", "WebM video", "matroska")
MKV = Sniffed("video", "video/x-matroska", ".mkv", "Matroska video", "matroska")
WAV = Sniffed("audio", "audio/wav", ".wav", "WAV audio", "wav")
MP3 = Sniffed("audio", "audio/mpeg", ".mp3", "MP3 audio", "mp3")
M4A = Sniffed("audio", "audio/mp4", ".m4a", "M4A audio", "mov")
OGG = Sniffed("audio", "audio/ogg", ".ogg", "Ogg audio", "ogg")
FLAC = Sniffed("audio", "audio/flac", ".flac", "FLAC audio", "flac")

ACCEPTED = "PNG, JPEG, WebP or GIF images; MP4, MOV or WebM video; WAV, MP3, M4A, OGG or FLAC audio"

_AUDIO_BRANDS = {b"M4A ", b"M4B ", b"M4P "}
_QT_BRANDS = {b"qt  "}
# ISO-BMFF brands that are still pictures, not movies (named so the refusal is clear).
_PICTURE_BRANDS = {
    b"heic": "a HEIC image",
    b"heix": "a HEIC image",
    b"hevc": "a HEIC image sequence",
    b"mif1": "a HEIF image",
    b"msf1": "a HEIF image sequence",
    b"avif": "an AVIF image",
    b"avis": "an AVIF image sequence",
}
# Things people upload by mistake, by prefix: named in the 415 answer.
_NAMED = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "a Linux executable"),
    (b"MZ", "a Windows executable"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", "a BMP image"),
    (b"8BPS", "a Photoshop document"),
    (b"\x00\x00\x00\x0cjP  ", "a JPEG 2000 image"),
    (b"\x00\x00\x01\xba", "an MPEG program stream"),
    (b"#EXTM3U", "an HLS playlist"),
)
_TEXT = (
    (b"<svg", "an SVG image"),
    (b"<?xml", "an XML document"),
    (b"<!doctype html", "an HTML page"),
    (b"<html", "an HTML page"),
    (b"{", "JSON text"),
    (b"[", "JSON text"),
)


def sniff(head: bytes) -> Sniffed | None:
    """Return the media type the first bytes announce, or None if it is not one we accept."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return WAV
    if head[4:8] == b"ftyp":
        return _iso_bmff(head[8:12])
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return WEBM if b"webm" in head[:HEAD_BYTES] else MKV
    if head.startswith((b"OggS",)):
        return OGG
    if head.startswith(b"fLaC"):
        return FLAC
    if head.startswith(b"ID3") or _mp3_frame(head):
        return MP3
    return None


def _iso_bmff(brand: bytes) -> Sniffed | None:
    """Classify an ISO base media file by its major brand."""
    if brand in _PICTURE_BRANDS:
        return None
    if brand in _AUDIO_BRANDS:
        return M4A
    if brand in _QT_BRANDS:
        return MOV
    return MP4


def _mp3_frame(head: bytes) -> bool:
    """Return True if head starts with an MPEG-1/2 Layer III frame header."""
    if len(head) < 4 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0:
        return False
    version, layer = (head[1] >> 3) & 0b11, (head[1] >> 1) & 0b11
    bitrate, rate = head[2] >> 4, (head[2] >> 2) & 0b11
    return version != 0b01 and layer == 0b01 and bitrate not in (0, 15) and rate != 0b11


def describe(head: bytes) -> str:
    """Name what an unaccepted file looks like, for the error message."""
    if not head:
        return "an empty file"
    if head[4:8] == b"ftyp":
        return _PICTURE_BRANDS.get(head[8:12], "an ISO media file of an unknown brand")
    if head[:4] == b"RIFF":
        return f"a RIFF file of type {head[8:12].decode('latin-1')!r}"
    for prefix, name in _NAMED:
        if head.startswith(prefix):
            return name
    if len(head) > 376 and head[0] == head[188] == head[376] == 0x47:
        return "an MPEG transport stream"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    for prefix, name in _TEXT:
        if text.startswith(prefix):
            return name
    if all(32 <= b < 127 or b in b"\t\r\n" for b in head):
        return "plain text"
    return f"unrecognised binary data (starting {head[:8].hex(' ')})"
