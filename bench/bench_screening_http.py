"""Benchmark "Sjekk tegnene" through gunicorn (2 sync workers) on loopback, bounded in time.

Usage: python bench/bench_screening_http.py [--seconds S] [--clients N] [--out FILE]

Starts gunicorn on a free loopback port against a throwaway SQLite database,
then a small Python load client (N threads, one request at a time each) asks
for, for S seconds each:

* the start page /sjekk/ (target: at least 1,000 requests per second),
* a bare Django view returning the same bytes through the same middleware
  (the ceiling the start page can reach in this setup),
* the result page for a typical case (target: p95 at most 50 ms).

Prints requests per second and p50/p95 latency, writes
bench/results/screening_http.json. The machine's load (other processes)
affects every number: compare the start page with the bare view.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "bench" / "results" / "screening_http.json"
START_TARGET_RPS = 1000
RESULT_TARGET_P95_MS = 50


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers={"Host": "localhost"})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def load(port: int, path: str, seconds: float, clients: int) -> dict[str, float]:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def worker() -> None:
        mine: list[float] = []
        while time.perf_counter() < stop:
            t = time.perf_counter()
            status, _ = get(port, path)
            mine.append((time.perf_counter() - t) * 1000)
            if status != 200:
                errors[0] += 1
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": errors[0],
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(statistics.median(latencies), 2),
        "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1], 2),
    }


def result_path() -> str:
    sys.path.insert(0, str(ROOT))
    from tokt.screening.engine import questions_for

    context = {"role": "nav", "sector": "fisheries", "municipality": "1804", "age_group": "adult"}
    answers = {}
    for step in questions_for("nav", "fisheries", "adult"):
        for i, q in enumerate(step.questions):
            answers[f"a_{q.id}"] = ("yes", "no", "unknown")[i % 3]
    return "/sjekk/sporsmal/?" + urlencode({**context, **answers, "step": "0", "result": "1"})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--out", default=str(DEFAULT_OUT))
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="tokt-bench-http-"))
    env = {
        **os.environ,
        "TOKT_ENV": "test",
        "TOKT_DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "bench.http_settings",
        "PYTHONPATH": str(ROOT),
    }
    py = str(ROOT / ".venv" / "bin" / "python")
    subprocess.run([py, "manage.py", "migrate", "--verbosity", "0"], cwd=ROOT, env=env, check=True)
    port = free_port()
    bare_file = tmp / "start_page.html"
    env["TOKT_BENCH_BARE_FILE"] = str(bare_file)
    server = subprocess.Popen(
        [py, "-m", "gunicorn", "--workers", "2", "--bind", f"127.0.0.1:{port}", "tokt.wsgi:application"],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "bench.http_settings"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                if get(port, "/sjekk/")[0] in (200, 301, 302):
                    break
            except OSError:
                time.sleep(0.1)
        start = "/sjekk/"
        status, body = get(port, start)
        if status in (301, 302):
            raise SystemExit(f"/sjekk/ redirects (status {status}); set the bench language")
        # The bare view returns these bytes: each worker reads the file on first use.
        bare_file.write_bytes(body)
        bare_path = "/bench/bare/"
        runs = {
            "start_page": load(port, start, args.seconds, args.clients),
            "bare_view_same_bytes": load(port, bare_path, args.seconds, args.clients),
            "result_page": load(port, result_path(), args.seconds, args.clients),
        }
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)
    out = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": platform.platform(),
        "cpus": os.cpu_count(),
        "setup": f"gunicorn 2 sync workers, {args.clients} client threads, {args.seconds} s per URL, loopback",
        "start_page_bytes": len(body),
        "targets": {"start_page_rps": START_TARGET_RPS, "result_page_p95_ms": RESULT_TARGET_P95_MS},
        **runs,
    }
    for name, run in runs.items():
        print(f"{name:22} {run['rps']:8.1f} req/s  p50 {run['p50_ms']:6.2f} ms  p95 {run['p95_ms']:6.2f} ms")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
