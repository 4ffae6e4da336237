"""Independent measurements of a finished MP4 with ffprobe and ffmpeg (ebur128, black, freeze)."""

from __future__ import annotations

import json
import re
import struct
import subprocess
from pathlib import Path
from typing import Any

from ugc.pipeline.errors import StepError


def ffprobe(ffprobe_bin: str, path: Path) -> dict[str, Any]:
    """Return ffprobe's streams and format as JSON."""
    proc = subprocess.run(
        [ffprobe_bin, "-v", "error", "-show_streams", "-show_format", "-of", "json", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise StepError("qa", f"ffprobe could not read {path.name}: {proc.stderr.strip()[:200]}")
    data: dict[str, Any] = json.loads(proc.stdout)
    return data


def analyse(ffmpeg_bin: str, path: Path) -> dict[str, Any]:
    """Decode once: integrated loudness, true peak, black and frozen stretches over 0.5 s."""
    graph = (
        "[0:v]scale=iw/4:ih/4,blackdetect=d=0.5:pix_th=0.10,freezedetect=n=-60dB:d=0.5[v];"
        "[0:a]ebur128=peak=true[a]"
    )
    proc = subprocess.run(
        [
            ffmpeg_bin,
            "-hide_banner",
            "-nostats",
            "-i",
            str(path),
            "-filter_complex",
            graph,
            "-map",
            "[v]",
            "-map",
            "[a]",
            "-f",
            "null",
            "-",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise StepError("qa", f"ffmpeg could not decode {path.name}: {proc.stderr[-200:]}")
    log = proc.stderr
    return {
        "integrated_lufs": _summary_value(log, r"I:\s+(-?[\d.]+|-inf) LUFS"),
        "true_peak_dbtp": _summary_value(log, r"Peak:\s+(-?[\d.]+|-inf) dBFS"),
        "black": _spans(log, "black_start", "black_end"),
        "frozen": _spans(log, "freeze_start", "freeze_end"),
    }


def _summary_value(log: str, pattern: str) -> float:
    """Return the last match of a number in ebur128's summary."""
    found = re.findall(pattern, log.split("Summary:")[-1])
    if not found:
        raise StepError("qa", "ffmpeg ebur128 printed no summary")
    return float("-inf") if found[-1] == "-inf" else float(found[-1])


def _spans(log: str, start_key: str, end_key: str) -> list[list[float]]:
    """Collect (start, end) spans from blackdetect/freezedetect log lines."""
    starts = [float(x) for x in re.findall(start_key + r"[:=]\s*([\d.]+)", log)]
    ends = [float(x) for x in re.findall(end_key + r"[:=]\s*([\d.]+)", log)]
    spans = [[s, ends[i] if i < len(ends) else float("nan")] for i, s in enumerate(starts)]
    return spans


def moov_before_mdat(path: Path) -> bool:
    """Return True if the file is fast-start (the moov atom precedes mdat)."""
    with path.open("rb") as fh:
        while header := fh.read(8):
            if len(header) < 8:
                return False
            size, kind = struct.unpack(">I4s", header)
            if kind == b"moov":
                return True
            if kind == b"mdat":
                return False
            if size == 1:
                size = struct.unpack(">Q", fh.read(8))[0] - 8
            fh.seek(size - 8, 1)
    return False
