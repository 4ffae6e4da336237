"""Independent measurements of test outputs with the ffmpeg command-line tools."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import numpy as np


def ebur128(path: Path) -> tuple[float, float]:
    """Measure integrated loudness (LUFS) and true peak (dBTP) of the file's audio."""
    graph = ["-map", "0:a", "-af", "ebur128=peak=true", "-f", "null", "-"]
    proc = subprocess.run(
        ["ffmpeg", "-hide_banner", "-nostats", "-i", str(path), *graph],
        capture_output=True,
        text=True,
        check=True,
    )
    summary = proc.stderr.split("Summary:")[-1]
    lufs = re.search(r"I:\s+(-?[\d.]+|-inf) LUFS", summary)
    peak = re.search(r"True peak:\s+Peak:\s+(-?[\d.]+|-inf) dBFS", summary)
    assert lufs, f"no integrated loudness in: {summary[-500:]}"
    assert peak, f"no true peak in: {summary[-500:]}"
    return float(lufs.group(1)), float(peak.group(1))


LOUD = 10 ** (-40 / 20)  # -40 dBFS: the level where a word's sound starts


def rms(samples: np.ndarray) -> float:
    """Return the root-mean-square level of a stretch of samples."""
    return float(np.sqrt(np.mean(np.square(samples, dtype=np.float64)))) if len(samples) else 0.0
