#!/usr/bin/env bash
# Run the browser pass several times in a row while a CPU hog keeps every core
# busy: the harness must stay green under load (issue 9).
#
#   scripts/stress-test.sh [RUNS] [-- extra pytest arguments]
#
# RUNS defaults to 5. Prints each run's result; exits non-zero unless every run
# passed. The hog is bounded (it exits by itself after STRESS_HOG_SECONDS,
# default 3600) and is killed when this script exits, however it exits.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
RUNS=5
if [[ $# -gt 0 && $1 != "--" ]]; then RUNS=$1; shift; fi
[[ ${1:-} == "--" ]] && shift
export TOKT_ENV=test
unset TOKT_DATABASE_URL TOKT_DEMO_MODE
CORES=$(nproc)
HOG_SECONDS=${STRESS_HOG_SECONDS:-3600}
HOGS=()
LOGDIR=$(mktemp -d -t tokt-stress-XXXXXX)

stop_hogs() {
    for pid in "${HOGS[@]}"; do kill "$pid" 2>/dev/null; done
    wait "${HOGS[@]}" 2>/dev/null
    HOGS=()
}
trap stop_hogs EXIT
trap 'exit 130' INT TERM

for _ in $(seq "$CORES"); do
    timeout "$HOG_SECONDS" sh -c 'while :; do :; done' &
    HOGS+=("$!")
done
echo "== CPU hog: $CORES busy loop(s), pids ${HOGS[*]}; logs in $LOGDIR =="

green=0
for run in $(seq "$RUNS"); do
    start=$(date +%s)
    $PY -m pytest -m browser -q -p no:randomly "$@" >"$LOGDIR/run-$run.log" 2>&1
    rc=$?
    summary=$(tail -n 1 "$LOGDIR/run-$run.log")
    if [[ $rc -eq 0 ]]; then
        green=$((green + 1))
        echo "run $run/$RUNS: green ($(( $(date +%s) - start ))s) $summary"
    else
        echo "run $run/$RUNS: FAILED rc=$rc ($(( $(date +%s) - start ))s) $summary"
        grep -E "^(FAILED|ERROR)" "$LOGDIR/run-$run.log" | head -n 20
    fi
done
echo "== $green of $RUNS runs green =="
[[ $green -eq $RUNS ]]
