"""Benchmark the statistics dashboard and the annual report at 100,000 synthetic cases through gunicorn.

Usage: python bench/bench_stats.py [--count N] [--users 4] [--seconds S] [--out FILE]

A throwaway database (SQLite, or PostgreSQL as in bench_cases.py) is filled by
the cases generator (tokt/cases/synthetic.py); gunicorn serves ToKt with two
workers. The first dashboard request per worker computes and protects the cube
of every year (reported as ``cold_ms``); then --users coordinators request the
dashboard with random filters for --seconds (the p95 target: 300 ms); then the
annual report is downloaded as PDF and as spreadsheet (target: 60 s).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_cases import PASSWORD, _bench_database_url, _env, _free_port, _sign_in, _summary  # noqa: E402

DEFAULT_OUT = ROOT / "bench" / "results" / "stats.json"
TARGETS = {"dashboard_p95_ms": 300, "annual_report_s": 60}
AREAS = ["nordland", "salten", "1804", "1841", "1840"]
SECTORS = ["*", "fisheries", "construction", "cleaning"]
FORMS = ["*", "forced_labour", "sexual_exploitation"]


def prepare(env: dict, count: int, agencies: int) -> dict:
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    from tokt.accounts.tests.factories import make_user
    from tokt.cases import synthetic
    from tokt.stats import selectors

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    synthetic.generate(count=count, agencies=agencies)
    generated = time.perf_counter() - start
    agency = synthetic.synthetic_agencies(agencies)[0]
    make_user(username="benchkoord", role="koordinator", agency=agency, password=PASSWORD, with_totp=False)
    years = selectors.case_years()
    connections.close_all()
    return {"years": years, "generated_seconds": round(generated, 1)}


def _client(session, base, years, until, results, lock, errors, seed):
    rnd = random.Random(seed)
    while time.perf_counter() < until:
        query = {"year": rnd.choice(years), "area": rnd.choice(AREAS), "sector": rnd.choice(SECTORS)}
        query["form"] = rnd.choice(FORMS)
        start = time.perf_counter()
        response = session.get(f"{base}/styringsdata/", params=query, allow_redirects=False)
        elapsed = (time.perf_counter() - start) * 1000
        with lock:
            if response.status_code != 200:
                errors.append(response.status_code)
            results.append(elapsed)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--agencies", type=int, default=40)
    parser.add_argument("--users", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    import requests

    with tempfile.TemporaryDirectory() as tmp_name:
        env = _env(Path(tmp_name))
        data = prepare(env, args.count, args.agencies)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        gunicorn = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "gunicorn"), "tokt.wsgi", "-w", str(args.workers), "-b", f"127.0.0.1:{port}"]
            + ["--timeout", "300"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.2)
            sessions = []
            for _n in range(args.users):
                session = requests.Session()
                _sign_in(session, base, "benchkoord")
                sessions.append(session)
            # Cold: each worker computes and protects every year's cube once (then cached for 5 minutes).
            cold = []
            for _ in range(2 * args.workers):
                start = time.perf_counter()
                sessions[0].get(f"{base}/styringsdata/")
                cold.append(round((time.perf_counter() - start) * 1000))
            results: list[float] = []
            errors: list = []
            lock = threading.Lock()
            until = time.perf_counter() + args.seconds
            threads = [
                threading.Thread(target=_client, args=(s, base, data["years"], until, results, lock, errors, i))
                for i, s in enumerate(sessions)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            year = max(data["years"])
            timings = {}
            for extension in ("pdf", "xlsx"):
                start = time.perf_counter()
                response = sessions[0].get(f"{base}/styringsdata/arsrapport/{year}.{extension}")
                timings[extension] = round(time.perf_counter() - start, 2)
                assert response.status_code == 200, (extension, response.status_code)
        finally:
            gunicorn.terminate()
            gunicorn.wait(timeout=10)
    database = "postgresql" if _bench_database_url().startswith("postgres") else "sqlite"
    dashboard = _summary(results)
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "load_average": os.getloadavg()},
        "database": database,
        "cases": args.count,
        "generated_seconds": data["generated_seconds"],
        "concurrent_users": args.users,
        "gunicorn_workers": args.workers,
        "dashboard_cold_ms": cold,
        "dashboard": dashboard,
        "errors": len(errors),
        "annual_report_seconds": timings,
        "targets": TARGETS,
    }
    report["within_targets"] = (dashboard["p95_ms"] or 1e9) <= TARGETS["dashboard_p95_ms"] and max(
        timings.values()
    ) <= TARGETS["annual_report_s"]
    print(json.dumps(report, indent=2))
    out = args.out or (DEFAULT_OUT if database == "sqlite" else DEFAULT_OUT.with_name(f"stats_{database}.json"))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
