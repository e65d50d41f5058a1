"""Benchmark the screening result page: time to render it for a typical case.

Usage: python bench/bench_screening_result_page.py [--out FILE] [--repeat N]

Posts the last step of "Sjekk tegnene" (a NAV caseworker, fish processing,
Bodø, an adult with a dozen answered questions) through Django's test client
against a throwaway SQLite database and times the full request: parsing the
form, the engine, contacts from the directory, knowledge links and the
template. Prints median and p95 and writes bench/results/screening_result_page.json.
"""

from __future__ import annotations

import argparse
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
DEFAULT_OUT = ROOT / "bench" / "results" / "screening_result_page.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(DEFAULT_OUT))
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()

    db = Path(tempfile.mkdtemp(prefix="tokt-bench-")) / "bench.sqlite3"
    os.environ["TOKT_DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("TOKT_ENV", "test")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tokt.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from tokt.screening.engine import questions_for

    call_command("migrate", verbosity=0)
    context = {
        "role": "nav",
        "sector": "fisheries",
        "municipality": "1804",
        "age_group": "adult",
        "exploitation_types": "labour",
    }
    answers = {}
    for step in questions_for("nav", "fisheries", "adult"):
        for n, question in enumerate(step.questions):
            answers[f"a_{question.id}"] = "yes" if n % 3 == 0 else ("no" if n % 3 == 1 else "unknown")
    data = {**context, **answers, "step": "99", "result": "1"}
    client = Client()
    url = reverse("screening:flow")
    for _ in range(10):  # warm caches (catalogue, questions, templates)
        assert client.post(url, data).status_code == 200
    timings = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        response = client.post(url, data)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    timings.sort()
    result = {
        "benchmark": "screening_result_page",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "repeat": args.repeat,
        "answered_questions": len(answers),
        "median_ms": round(statistics.median(timings), 2),
        "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 2),
        "bytes": len(response.content),
    }
    print(
        f"screening result page: median {result['median_ms']} ms, p95 {result['p95_ms']} ms "
        f"({result['answered_questions']} questions, {result['bytes']} bytes, {args.repeat} runs)"
    )
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
