#!/usr/bin/env bash
# Regenerate the web studio's typed API client from the API's OpenAPI document.
# tests/web/test_client_fresh.py fails when the committed client is stale: run this after
# changing any endpoint or schema.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-web/src/api/schema.d.ts}
doc=$(mktemp --suffix=.json)
trap 'rm -f "$doc"' EXIT
.venv/bin/ugc openapi --out "$doc" 2>/dev/null
web/node_modules/.bin/openapi-typescript "$doc" -o "$out" >/dev/null
echo "wrote $out"
