"""Helpers for the end-to-end tests: run the CLI, read its cache, measure MP4s independently."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import struct
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import ugc.pipeline
from tests.media import ebur128 as ebur128  # re-exported for the e2e tests
from ugc.pipeline.store import source_fingerprint

REPO = Path(__file__).resolve().parents[2]
GADGET = REPO / "examples" / "gadget"
GADGET_FILES = ("gadget_hero.png", "gadget_in_use.png", "logo.png")
SIZES = {"9:16": (1080, 1920), "1:1": (1080, 1080), "4:5": (1080, 1350), "16:9": (1920, 1080)}
TARGET_S = 15.0
# Steps upstream of the renders: one of each per variant.
UPSTREAM = ("script", "fit", "music", "mix", "motion", "timeline")
CLI_TIMEOUT_S = 420
SHARED_ASPECTS = ("9:16", "1:1")  # the shared render's aspects (see conftest.py)


def code_fingerprint() -> str:
    """Return the fingerprint the pipeline puts in its step versions (job.CODE), read afresh."""
    return source_fingerprint(Path(ugc.pipeline.__file__).resolve().parent)


def skip_if_code_changed(before: str) -> None:
    """Skip when the pipeline's source changed mid-test: every step key changed with it.

    Cache hits and byte-identical re-renders are only promised for the same code; this
    guards against edits made while the suite runs (never the case in CI).
    """
    now = code_fingerprint()
    if now != before:
        pytest.skip(f"ugc/pipeline changed ({before} -> {now}) while this test ran")


def copy_brief(dest: Path) -> Path:
    """Copy the 15 s gadget brief and its images into dest; return the brief's path."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("brief.yaml", *GADGET_FILES):
        shutil.copy2(GADGET / name, dest / name)
    return dest / "brief.yaml"


def edit_brief(brief: Path, old: str, new: str) -> None:
    """Replace one exact line fragment of a brief, as a person editing it would."""
    text = brief.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur exactly once in {brief}"
    brief.write_text(text.replace(old, new), encoding="utf-8")


def cli_env(cache: Path) -> dict[str, str]:
    """The environment for a CLI run: ours, minus any UGC_ settings, plus a private cache."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("UGC_")}
    env["UGC_CACHE_DIR"] = str(cache)
    return env


def create_cmd(brief: Path, out: Path, *args: str) -> list[str]:
    """The `ugc create` command line, run through the current interpreter."""
    return [sys.executable, "-m", "ugc.cli.main", "create", str(brief), "--out", str(out), *args]


def run_create(
    brief: Path, out: Path, cache: Path, *args: str, timeout: float = CLI_TIMEOUT_S
) -> subprocess.CompletedProcess[str]:
    """Run `ugc create` to completion and return the finished process."""
    return subprocess.run(
        create_cmd(brief, out, *args),
        env=cli_env(cache),
        cwd=brief.parent,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def start_create(
    brief: Path, out: Path, cache: Path, log: Path, *args: str
) -> subprocess.Popen[bytes]:
    """Start `ugc create` in its own process group (so a signal reaches ffmpeg children too)."""
    with log.open("wb") as fh:
        return subprocess.Popen(
            create_cmd(brief, out, *args),
            env=cli_env(cache),
            cwd=brief.parent,
            stdout=fh,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def statuses(out: Path) -> dict[str, str]:
    """Return {step name: 'ran' | 'cached' | ...} from OUT/run.json."""
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    return {s["step"]: s["status"] for s in run["steps"]}


def step_records(cache: Path, kind: str | None = None) -> list[dict[str, Any]]:
    """Return the finished-step records in a cache, optionally only those of one kind."""
    records = []
    for path in sorted((cache / "steps").glob("*.json")):
        try:
            record = json.loads(path.read_bytes())
        except (OSError, json.JSONDecodeError):
            continue  # being written right now
        if kind is None or record.get("step") == kind:
            records.append(record)
    return records


def cached_object(cache: Path, key: str) -> Path:
    """Return the on-disk path of an artifact key (the store's layout: objects/<k[:2]>/<k>)."""
    return cache / "objects" / key[:2] / key


def tree(folder: Path) -> set[str]:
    """Return every file under folder, relative to it."""
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def sha256(path: Path) -> str:
    """Return a file's sha256."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def ffprobe(path: Path) -> dict[str, Any]:
    """Return ffprobe's streams and format for a file."""
    proc = subprocess.run(
        ["ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    data: dict[str, Any] = json.loads(proc.stdout)
    return data


def stream(info: dict[str, Any], kind: str) -> dict[str, Any]:
    """Return the only stream of a kind ('video' or 'audio')."""
    found: list[dict[str, Any]] = [s for s in info["streams"] if s["codec_type"] == kind]
    assert len(found) == 1, f"expected one {kind} stream, got {len(found)}"
    return found[0]


def top_level_atoms(path: Path) -> list[str]:
    """Return the MP4's top-level box types in file order."""
    kinds = []
    size_total = path.stat().st_size
    with path.open("rb") as fh:
        pos = 0
        while pos + 8 <= size_total:
            fh.seek(pos)
            size, kind = struct.unpack(">I4s", fh.read(8))
            if size == 1:
                size = struct.unpack(">Q", fh.read(8))[0]
            elif size == 0:
                size = size_total - pos
            assert size >= 8, f"corrupt box {kind!r} of size {size} at {pos}"
            kinds.append(kind.decode("latin-1"))
            pos += size
        assert pos == size_total, "boxes do not add up to the file size"
    return kinds


def framemd5(path: Path, which: str) -> list[str]:
    """Return the per-frame MD5 lines of the decoded video ('v') or audio ('a') stream."""
    proc = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(path), "-map", f"0:{which}", "-f", "framemd5", "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return [ln for ln in proc.stdout.splitlines() if ln and not ln.startswith("#")]


@dataclass(frozen=True)
class Render:
    """One finished `ugc create` run: where its brief, outputs and cache are."""

    brief: Path
    out: Path
    cache: Path
    aspects: tuple[str, ...]
    proc: subprocess.CompletedProcess[str]
    code: str  # code_fingerprint() when the run started

    @property
    def manifest(self) -> dict[str, Any]:
        """Return OUT/manifest.json."""
        data: dict[str, Any] = json.loads((self.out / "manifest.json").read_text("utf-8"))
        return data

    def video(self, aspect: str, variant: int = 0) -> Path:
        """Return the delivered MP4 of one variant and aspect."""
        return self.out / f"variant-{variant:02d}" / f"{aspect.replace(':', 'x')}.mp4"


# -- captions ----------------------------------------------------------------------------------

_SRT_TIME = re.compile(r"^(\d\d):(\d\d):(\d\d),(\d\d\d) --> (\d\d):(\d\d):(\d\d),(\d\d\d)$")
_VTT_TIME = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d\d\d) --> (\d\d):(\d\d):(\d\d)\.(\d\d\d)$")
_VTT_TAG = re.compile(r"<(\d\d):(\d\d):(\d\d)\.(\d\d\d)>")


def _secs(h: str, m: str, s: str, ms: str) -> float:
    return int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000


@dataclass(frozen=True)
class ParsedCue:
    """A caption cue: its span, and (for WebVTT) each word with its highlight time."""

    start: float
    end: float
    words: tuple[str, ...]
    word_times: tuple[float, ...]


def parse_srt(text: str) -> list[ParsedCue]:
    """Parse SubRip strictly: numbered blocks, a timing line, then text."""
    cues = []
    blocks = [b for b in text.strip().split("\n\n") if b.strip()]
    for n, block in enumerate(blocks, 1):
        lines = block.split("\n")
        assert lines[0] == str(n), f"SRT block {n} is numbered {lines[0]!r}"
        m = _SRT_TIME.match(lines[1])
        assert m, f"bad SRT timing line {lines[1]!r}"
        g = m.groups()
        words = tuple(" ".join(lines[2:]).split())
        assert words, f"SRT cue {n} has no text"
        cues.append(ParsedCue(_secs(*g[:4]), _secs(*g[4:]), words, ()))
    return cues


def parse_vtt(text: str) -> list[ParsedCue]:
    """Parse WebVTT with inline <hh:mm:ss.mmm> word timestamps (first word starts the cue)."""
    blocks = [b for b in text.strip().split("\n\n") if b.strip()]
    assert blocks[0].split("\n")[0] == "WEBVTT", "missing WEBVTT header"
    cues = []
    for block in blocks[1:]:
        lines = block.split("\n")
        m = _VTT_TIME.match(lines[0])
        assert m, f"bad VTT timing line {lines[0]!r}"
        g = m.groups()
        start, end = _secs(*g[:4]), _secs(*g[4:])
        words: list[str] = []
        times: list[float] = []
        for token in " ".join(lines[1:]).split():
            tag = _VTT_TAG.match(token)
            if tag:
                times.append(_secs(*tag.groups()))
                words.append(token[tag.end() :])
            else:
                assert not words, f"untimed word {token!r} after the first in a VTT cue"
                times.append(start)
                words.append(token)
        cues.append(ParsedCue(start, end, tuple(words), tuple(times)))
    return cues
