#!/usr/bin/env bash
# Regenerate the initial migration from the models (only until the first release ships a schema).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f src/ugc/db/migrations/versions/0001_initial.py /tmp/ugc-regen.db
# Later revisions point at 0001; keep them aside while 0001 is made again.
mkdir -p /tmp/ugc-regen-later && mv src/ugc/db/migrations/versions/0[0-9][0-9][2-9]_*.py /tmp/ugc-regen-later/ 2>/dev/null || true
trap 'mv /tmp/ugc-regen-later/*.py src/ugc/db/migrations/versions/ 2>/dev/null || true' EXIT
.venv/bin/python - <<'PY'
from alembic import command
from ugc.db.migrate import alembic_config
cfg = alembic_config("sqlite:////tmp/ugc-regen.db")
command.revision(cfg, message="initial schema", autogenerate=True, rev_id="0001")
PY
f=$(ls src/ugc/db/migrations/versions/0001_*.py)
mv "$f" src/ugc/db/migrations/versions/0001_initial.py
sed -i 's/astext_type=Text()/astext_type=sa.Text()/' src/ugc/db/migrations/versions/0001_initial.py
.venv/bin/ruff format -q src/ugc/db/migrations
.venv/bin/ruff check -q --fix src/ugc/db/migrations || true
