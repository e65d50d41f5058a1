"""Benchmark the case pages at 100,000 synthetic cases through gunicorn on loopback.

Usage: python bench/bench_cases.py [--count N] [--agencies N] [--users 20] [--seconds S] [--out FILE]

1. A throwaway database (SQLite file in a temp dir, or PostgreSQL when
   TOKT_BENCH_DATABASE_URL is set) is migrated and filled by the synthetic
   generator (tokt/cases/synthetic.py): --count cases over --agencies agencies.
2. gunicorn serves ToKt (2 sync workers, one per core) on 127.0.0.1; demo mode
   (password login, no TOTP) so the clients can sign in.
3. --users client threads each sign in as their own fagperson in the largest
   agency, then, with no think time, request the case list, a case page (each
   read writes an audit entry) and a conference page in turn for --seconds.
4. Reports median and p95 per page, throughput, and peak memory (VmHWM) per worker.

Targets: case list p95 <= 100 ms, case page p95 <= 150 ms. No think time makes
this a worst case: 20 users clicking continuously, far above real use.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_OUT = ROOT / "bench" / "results" / "cases.json"
PASSWORD = "Bench-passord-2026"
TARGETS_MS = {"list": 100, "case": 150}


def _bench_database_url() -> str:
    """PostgreSQL when asked: TOKT_BENCH_DATABASE_URL, or the private server of
    `python -m tests.pgserver -- python bench/bench_cases.py` (it exports TOKT_DATABASE_URL)."""
    explicit = os.environ.get("TOKT_BENCH_DATABASE_URL", "")
    inherited = os.environ.get("TOKT_DATABASE_URL", "")
    return explicit or (inherited if inherited.startswith("postgres") else "")


def _env(tmp: Path) -> dict:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "tokt.settings",
            "TOKT_ENV": "test",
            "TOKT_DEMO_MODE": "1",
            "TOKT_VAR_DIR": str(tmp),
            "TOKT_DATABASE_URL": _bench_database_url() or f"sqlite:///{tmp / 'bench.sqlite3'}",
            "TOKT_LOGIN_FAILURE_LIMIT": "1000",
            "PYTHONPATH": str(ROOT),
        }
    )
    return env


def prepare(env: dict, count: int, agencies: int, users: int, wal: bool = False) -> dict:
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from tokt.accounts.tests.factories import make_user
    from tokt.cases import services, synthetic
    from tokt.cases.models import Case

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    synthetic.generate(count=count, agencies=agencies)
    generated_s = time.perf_counter() - start
    owner_agency = synthetic.synthetic_agencies(agencies)[0]
    names = []
    for n in range(users):
        user = make_user(
            username=f"bench{n}", role="fagperson", agency=owner_agency, password=PASSWORD, with_totp=False
        )
        names.append(user.username)
    first = make_user(username="benchorg", role="fagperson", agency=owner_agency, password=PASSWORD, with_totp=False)
    conference = services.conference_create(
        user=first, title="Benchmark", date=timezone.localdate(), place="Bodø", agencies=synthetic.synthetic_agencies(3)
    )
    own = list(Case.objects.filter(agency=owner_agency).open().values_list("public_id", flat=True)[:500])
    for public_id in own[:2]:
        services.agenda_add(user=first, conference=conference, case=Case.objects.get(public_id=public_id))
    from django.db import connection, connections

    if wal and connection.vendor == "sqlite":
        # WAL is a property of the database file, so gunicorn's connections use it too.
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode=WAL")
    connections.close_all()
    return {
        "users": names,
        "cases": own,
        "conference": conference.public_id,
        "generated_seconds": round(generated_s, 1),
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _sign_in(session, base: str, username: str) -> None:
    page = session.get(f"{base}/konto/logg-inn/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = session.post(
        f"{base}/konto/logg-inn/",
        data={"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
        headers={"Origin": base},
        allow_redirects=False,
    )
    assert response.status_code == 302, (response.status_code, response.text[:300])


def _client(session, username, base, data, clock, results, lock, errors):
    rnd = random.Random(username)
    until = clock["until"]
    pages = [
        ("list", lambda: f"{base}/saker/"),
        ("case", lambda: f"{base}/saker/sak/{rnd.choice(data['cases'])}/"),
        ("conference", lambda: f"{base}/saker/moter/{data['conference']}/"),
    ]
    i = 0
    while time.perf_counter() < until:
        kind, url = pages[i % len(pages)]
        i += 1
        start = time.perf_counter()
        response = session.get(url(), allow_redirects=False)
        elapsed = (time.perf_counter() - start) * 1000
        with lock:
            if response.status_code != 200:
                errors.append((kind, response.status_code))
            results[kind].append(elapsed)


def _worker_memory_kb(master_pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(master_pid)], capture_output=True, text=True).stdout
    peaks = []
    for pid in out.split():
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        match = re.search(r"VmHWM:\s+(\d+) kB", status)
        if match:
            peaks.append(int(match.group(1)))
    return peaks


def _summary(values: list[float]) -> dict:
    values = sorted(values)
    p95 = values[max(0, int(round(0.95 * len(values))) - 1)] if values else None
    return {
        "requests": len(values),
        "median_ms": round(statistics.median(values), 1) if values else None,
        "p95_ms": round(p95, 1) if p95 is not None else None,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--agencies", type=int, default=40)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=None, help="default: bench/results/cases[_postgresql].json")
    parser.add_argument("--wal", action="store_true", help="SQLite: put the database in WAL journal mode")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = _env(tmp)
        data = prepare(env, args.count, args.agencies, args.users, wal=args.wal)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        gunicorn = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "gunicorn"), "tokt.wsgi", "-w", str(args.workers), "-b", f"127.0.0.1:{port}"],
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
            # Warm every worker (imports, template and country caches) before measuring.
            import requests

            warm = requests.Session()
            _sign_in(warm, base, data["users"][0])
            for _ in range(10 * args.workers):
                warm.get(f"{base}/saker/")
                warm.get(f"{base}/saker/sak/{data['cases'][0]}/")
            # Sign everyone in first (Argon2 is slow on purpose); only page views are measured.
            sessions = {}
            for name in data["users"]:
                sessions[name] = requests.Session()
                _sign_in(sessions[name], base, name)
            results = {"list": [], "case": [], "conference": []}
            errors: list = []
            lock = threading.Lock()
            clock = {"until": time.perf_counter() + args.seconds}
            threads = [
                threading.Thread(target=_client, args=(sessions[name], name, base, data, clock, results, lock, errors))
                for name in data["users"]
            ]
            start = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.perf_counter() - start
            memory = _worker_memory_kb(gunicorn.pid)
        finally:
            gunicorn.terminate()
            gunicorn.wait(timeout=10)
    database = "postgresql" if _bench_database_url().startswith("postgres") else "sqlite"
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        # A shared machine's load skews every number: it is reported with them.
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "load_average": os.getloadavg()},
        "database": database,
        "sqlite_wal": bool(args.wal and database == "sqlite"),
        "cases": args.count,
        "agencies": args.agencies,
        "concurrent_users": args.users,
        "gunicorn_workers": args.workers,
        "seconds": round(elapsed, 1),
        "generated_seconds": data["generated_seconds"],
        "pages": {kind: _summary(values) for kind, values in results.items()},
        "requests_per_second": round(sum(len(v) for v in results.values()) / elapsed, 1),
        "errors": len(errors),
        "peak_memory_per_worker_mb": [round(kb / 1024, 1) for kb in memory],
        "targets_p95_ms": TARGETS_MS,
    }
    report["within_targets"] = all(
        report["pages"][k]["p95_ms"] is not None and report["pages"][k]["p95_ms"] <= v for k, v in TARGETS_MS.items()
    )
    print(json.dumps(report, indent=2))
    if args.out is None:
        args.out = DEFAULT_OUT if database == "sqlite" else DEFAULT_OUT.with_name(f"cases_{database}.json")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
