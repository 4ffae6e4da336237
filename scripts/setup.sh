#!/usr/bin/env bash
# Set up a fresh Debian/Ubuntu machine: system packages, fonts, and the .venv with every pin.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(ffmpeg espeak-ng fontconfig fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji
              fonts-dejavu-core python3-venv chromium)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fc-cache -f >/dev/null 2>&1 || true
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q -r requirements.lock
.venv/bin/python -m pip install -q --no-deps -e .
# Node.js 20.19+ builds the web studio (Vite 8); npm brings Azurite for the storage tests.
if ! command -v npm >/dev/null; then
  echo "setup: error: Node.js 20.19+ and npm are needed to build the web studio (web/)" >&2
  exit 1
fi
npm ci --no-audit --no-fund --loglevel=error >/dev/null
# The web studio: pinned in web/package-lock.json, built into web/dist (served by `ugc serve`).
(cd web && npm ci --no-audit --no-fund --loglevel=error >/dev/null && npm run --silent build >/dev/null)
echo "setup: ready (.venv/bin/ugc)"
