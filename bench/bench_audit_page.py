"""Benchmark the audit page (/revisjonslogg/) on a trail of 1,000,000 entries (SQLite).

Usage: python bench/bench_audit_page.py [--entries N] [--repeat N] [--out FILE]

Builds a throwaway SQLite database, writes N chained, HMAC-signed entries
(as log_action would, in bulk), runs the full verification once (as the daily
`verify-audit` does; it leaves the signed "verified up to" marker), adds 100
ordinary entries through log_action, then times complete GET requests of the
audit page by a signed-in data-protection officer: first page, a filtered page
and a deep page. Each request also writes its own AUDIT_VIEWED entry and
verifies every entry added since the last verified position.
Target: p95 under 300 ms. Prints the numbers and writes bench/results/audit_page.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_OUT = ROOT / "bench" / "results" / "audit_page.json"
TARGET_P95_MS = 300.0


def _setup_django(tmp: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tokt.settings")
    os.environ.setdefault("TOKT_ENV", "test")
    os.environ["TOKT_DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
    os.environ["TOKT_VAR_DIR"] = str(tmp)
    os.environ["TOKT_AUDIT_CHECKPOINT_FILE"] = str(tmp / "audit-checkpoint.json")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _bulk_entries(count: int) -> float:
    """Write ``count`` entries exactly as log_action would hash and sign them; return seconds taken."""
    from django.db import connection, transaction

    from tokt.audit import anchor
    from tokt.audit.chain import GENESIS_HASH, entry_hash, entry_mac
    from tokt.audit.models import AuditEntry

    key = anchor.audit_key()
    start = time.perf_counter()
    base = datetime(2026, 1, 1, tzinfo=UTC)
    prev = GENESIS_HASH
    actions = ["login", "logout", "record_read", "audit_viewed", "directory_actor_updated"]
    batch = []
    sql = (
        "INSERT INTO audit_auditentry (seq, created_at, actor_id, actor_username, action, target_type, target_id,"
        " details, prev_hash, entry_hash, mac) VALUES (%s, %s, NULL, %s, %s, %s, %s, %s, %s, %s, %s)"
    )
    with transaction.atomic(), connection.cursor() as cursor:
        for seq in range(1, count + 1):
            entry = AuditEntry(
                seq=seq,
                created_at=base + dt.timedelta(seconds=seq * 7),
                actor_username=f"user{seq % 40}",
                action=actions[seq % len(actions)],
                target_type="accounts.user",
                target_id=str(seq % 40),
                details={"n": seq % 10},
            )
            digest = entry_hash(prev, entry.hashed_fields())
            stored_time = entry.created_at.strftime("%Y-%m-%d %H:%M:%S")
            batch.append(
                (
                    seq,
                    stored_time,
                    entry.actor_username,
                    entry.action,
                    entry.target_type,
                    entry.target_id,
                    json.dumps(entry.details),
                    prev,
                    digest,
                    entry_mac(key, digest),
                )
            )
            prev = digest
            if len(batch) == 20_000:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
    anchor.checkpoint_write(seq=count, entry_hash=prev)
    return time.perf_counter() - start


def _time(client, url: str, params: dict, repeat: int, *, audit_page: bool = True) -> dict:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url, params)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
        if audit_page:
            assert "Kjeden er kontrollert" in response.content.decode(), "the chain did not verify"
    timings.sort()
    return {
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[max(0, int(len(timings) * 0.95) - 1)], 1),
        "max_ms": round(timings[-1], 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        _setup_django(Path(tmp))
        from django.test import Client
        from django.urls import reverse

        from tokt.accounts.tests.factories import make_user, sign_in
        from tokt.audit.models import AuditAction
        from tokt.audit.selectors import audit_chain_break
        from tokt.audit.services import log_action
        from tokt.core.models import Agency

        build_s = _bulk_entries(args.entries)
        start = time.perf_counter()
        assert audit_chain_break() is None
        full_verify_s = time.perf_counter() - start
        officer = make_user(username="pvo", role="personvernombud", agency=Agency.objects.first())
        for n in range(100):
            log_action(actor=officer, action=AuditAction.RECORD_READ, details={"after_verify": n})
        client = Client()
        sign_in(client, officer)
        url = reverse("audit:list")
        results = {
            "first_page": _time(client, url, {}, args.repeat),
            "filtered_by_action": _time(client, url, {"action": "logout"}, args.repeat),
            "page_1000": _time(client, url, {"side": "1000"}, args.repeat),
        }
        # The same client on a page without the audit trail: how fast this machine is right now.
        baseline = _time(client, reverse("core:home"), {}, args.repeat, audit_page=False)
    worst_p95 = max(r["p95_ms"] for r in results.values())
    report = {
        "benchmark": "audit_page",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "entries": args.entries,
        "build_seconds": round(build_s, 1),
        "full_verify_seconds": round(full_verify_s, 1),
        "requests": results,
        "baseline_signed_in_start_page": baseline,
        "load_average_1min": round(os.getloadavg()[0], 1),
        "target_p95_ms": TARGET_P95_MS,
        "meets_target": worst_p95 < TARGET_P95_MS,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    return 0 if report["meets_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
