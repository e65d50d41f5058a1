#!/usr/bin/env bash
# The whole test suite: SQLite, then PostgreSQL (a private server started for
# the run), then the real-browser tests. Any failure stops the run.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export TOKT_ENV=test
unset TOKT_DATABASE_URL TOKT_DEMO_MODE
echo "== 1/3 Unit and integration tests on SQLite =="
$PY -m pytest -m "not browser" -q
echo "== 2/3 The same tests on PostgreSQL =="
$PY -m tests.pgserver -- $PY -m pytest -m "not browser" -q -p no:randomly
echo "== 3/3 Browser tests (Chromium, axe-core) =="
$PY -m pytest -m browser -q
