#!/usr/bin/env bash
# Runs every benchmark in bench/ (each prints its numbers and writes
# bench/results/<name>.json), then prints a one-line summary per result file.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export TOKT_ENV=test PYTHONPATH=.
mkdir -p bench/results
# bench_screening_http.py: the start page, a bare view with the same bytes and the result page through gunicorn.
for script in bench/bench_*.py; do
  echo "== $script =="
  $PY "$script"
done
echo "== Results in bench/results/ =="
ls -1 bench/results/*.json
