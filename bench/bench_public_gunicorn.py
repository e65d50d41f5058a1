"""Public pages through gunicorn (2 workers) side by side with a bare Django view returning the same bytes.

Usage: python bench/bench_public_gunicorn.py [--seconds S] [--connections N] [--out FILE]

Both servers run on 127.0.0.1 only, one after the other, under the same bounded
load (N client threads for S seconds, one request at a time each). The target
(issue 15): /nb/ at no less than half of the bare view's requests per second.
Writes bench/results/public_gunicorn.json.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "bench" / "results" / "public_gunicorn.json"
PATHS = ("/nb/", "/nb/help/", "/pl/help/")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers={"Host": "127.0.0.1"})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def _serve(app: str, env: dict) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    command = [str(ROOT / ".venv/bin/gunicorn"), "--workers", "2", "--bind", f"127.0.0.1:{port}", app]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            _get(port, "/nb/")
            return process, port
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise RuntimeError(f"gunicorn {app} did not start")


def _load(port: int, path: str, seconds: float, connections: int) -> float:
    done = [0] * connections
    stop = time.monotonic() + seconds

    def worker(index: int) -> None:
        while time.monotonic() < stop:
            status, _body = _get(port, path)
            if status == 200:
                done[index] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done) / seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = os.environ | {
            "DJANGO_SETTINGS_MODULE": "tokt.settings",
            "TOKT_ENV": "test",
            "TOKT_DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
            "TOKT_VAR_DIR": tmp,
            "PYTHONPATH": str(ROOT),
        }
        subprocess.run(
            [str(ROOT / ".venv/bin/python"), "manage.py", "migrate", "--noinput", "-v", "0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        tokt, tokt_port = _serve("tokt.wsgi:application", env)
        try:
            status, body = _get(tokt_port, "/nb/")
            assert status == 200
            (Path(tmp) / "nb.html").write_bytes(body)
            bare, bare_port = _serve("bench.bare_wsgi:application", env | {"TOKT_BARE_BYTES": f"{tmp}/nb.html"})
            try:
                assert _get(bare_port, "/nb/")[1] == body
                bare_rps = _load(bare_port, "/nb/", args.seconds, args.connections)
            finally:
                bare.terminate()
                bare.wait()
            pages = {path: _load(tokt_port, path, args.seconds, args.connections) for path in PATHS}
        finally:
            tokt.terminate()
            tokt.wait()
    ratio = pages["/nb/"] / bare_rps if bare_rps else 0.0
    print(f"gunicorn, 2 workers, {args.connections} connections, {args.seconds} s each, loopback:")
    print(f"  bare Django view, same bytes as /nb/: {bare_rps:.0f} req/s")
    for path, rps in pages.items():
        print(f"  ToKt {path}: {rps:.0f} req/s ({rps / bare_rps:.2f} of bare)")
    print(f"  target /nb/ >= 0.5 of bare: {'OK' if ratio >= 0.5 else 'MISSED'} ({ratio:.2f})")
    record = {
        "benchmark": "public_gunicorn",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "seconds": args.seconds,
        "connections": args.connections,
        "bare_requests_per_second": round(bare_rps),
        "pages_requests_per_second": {p: round(r) for p, r in pages.items()},
        "ratio_nb_to_bare": round(ratio, 3),
        "within_target": ratio >= 0.5,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
