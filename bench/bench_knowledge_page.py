"""Throughput of the whole search page through gunicorn, next to a bare Django view.

Usage: python bench/bench_knowledge_page.py [--seconds S] [--workers N] [--clients N] [--postgresql]

Starts gunicorn (sync workers, as in production) on a throwaway SQLite file with
the real articles (or on TOKT_DATABASE_URL with --postgresql), requests
/kunnskap/?q=tvangsarbeid from client processes for a fixed time and counts
answers per second; then does the same for bench/bare_django.py (one view, no
middleware, no database), the most any Django page can do on this machine.
Client and server share the machine's cores, so compare the two numbers rather
than reading either alone. Writes bench/results/knowledge_page.json.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "bench" / "results" / "knowledge_page.json"
PAGE = "/kunnskap/?q=tvangsarbeid"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _client(port: int, path: str, seconds: float, counts) -> None:
    done, errors, deadline = 0, 0, time.monotonic() + seconds
    while time.monotonic() < deadline:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            done += response.status == 200
            errors += response.status != 200
        except OSError:
            errors += 1
        finally:
            conn.close()
    counts.put((done, errors))


def _wait_until_up(port: int, path: str) -> None:
    for _ in range(300):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", path)
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server on port {port} did not answer {path}")


def measure(app: str, path: str, env: dict, *, workers: int, clients: int, seconds: float) -> dict:
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            app,
            "-w",
            str(workers),
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        _wait_until_up(port, path)
        # Warm every worker (index build, template cache) before counting.
        for _ in range(workers * 10):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", path)
            conn.getresponse().read()
        counts = multiprocessing.Queue()
        procs = [multiprocessing.Process(target=_client, args=(port, path, seconds, counts)) for _ in range(clients)]
        for proc in procs:
            proc.start()
        results = [counts.get() for _ in procs]
        for proc in procs:
            proc.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
    done = sum(r[0] for r in results)
    return {
        "app": app,
        "path": path,
        "requests": done,
        "errors": sum(r[1] for r in results),
        "requests_per_second": round(done / seconds, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--postgresql", action="store_true", help="use the database in TOKT_DATABASE_URL")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tokt-page-bench-") as tmp:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tokt.settings", "TOKT_ENV": "test", "TOKT_VAR_DIR": tmp}
        if not args.postgresql:
            env["TOKT_DATABASE_URL"] = f"sqlite:///{tmp}/page.sqlite3"
        subprocess.run([sys.executable, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
        page = measure(
            "tokt.wsgi:application", PAGE, env, workers=args.workers, clients=args.clients, seconds=args.seconds
        )
        bare_env = {k: v for k, v in env.items() if k != "DJANGO_SETTINGS_MODULE"}
        bare = measure(
            "bench.bare_django:application",
            "/",
            bare_env,
            workers=args.workers,
            clients=args.clients,
            seconds=args.seconds,
        )
    for row in (page, bare):
        print(f"{row['app']} {row['path']}: {row['requests_per_second']} req/s ({row['errors']} errors)")
    result = {
        "benchmark": "knowledge_page",
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "workers": args.workers,
        "clients": args.clients,
        "seconds": args.seconds,
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "page": page,
        "bare_django": bare,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
