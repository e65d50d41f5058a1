#!/usr/bin/env bash
# The whole test suite: SQLite, then PostgreSQL (a private server started for
# each pass), then the real-browser tests on SQLite and a browser smoke subset
# on PostgreSQL. Any failure stops the run.
#
# TOKT_TEST_WORKERS (default 2) sets the pytest-xdist workers for the two
# unit/integration passes; each worker has its own test database (pytest-django
# appends _gw0, _gw1, ... on PostgreSQL). Set it to 0 to run in one process.
# The browser passes run in one process: they share one live server each.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
WORKERS=${TOKT_TEST_WORKERS:-2}
XDIST=()
[[ $WORKERS != 0 ]] && XDIST=(-n "$WORKERS")
export TOKT_ENV=test
unset TOKT_DATABASE_URL TOKT_DEMO_MODE TOKT_EXPECT_DB_VENDOR

# pytest exits with 5 when no test ran (none collected or all deselected), so
# a pass that silently selects nothing fails the run under `set -e`.
echo "== 1/4 Unit and integration tests on SQLite =="
$PY -m pytest -m "not browser" -q "${XDIST[@]}"
echo "== 2/4 The same tests on PostgreSQL =="
$PY -m tests.pgserver -- $PY -m pytest -m "not browser" -q "${XDIST[@]}" -p no:randomly
echo "== 3/4 Browser tests (Chromium, axe-core) on SQLite =="
$PY -m pytest -m browser -q
echo "== 4/4 Browser smoke tests on PostgreSQL =="
# TOKT_EXPECT_DB_VENDOR makes the live-server fixture fail unless it really runs on PostgreSQL.
TOKT_EXPECT_DB_VENDOR=postgresql $PY -m tests.pgserver -- $PY -m pytest -m browser_pg -q -p no:randomly
