"""Benchmark the public pages: weight, requests, server throughput and paint time on a slow network.

Usage: python bench/bench_public_pages.py [--out FILE] [--seconds S] [--no-browser]

1. Weight: every public page of every language, gzip bytes of the page plus
   the CSS and JS it loads, and the number of requests (largest and median).
   Budget: 20 KB per page.
2. Throughput: requests per second through the whole Django stack (all
   middleware) with the test client in one thread, cycling over every page,
   for a bounded time.
3. Paint: Debian's Chromium through Playwright with CDP network emulation
   (400 kbit/s down and up, 400 ms round trip, CPU slowed 4x), a fresh cache for every page;
   first contentful paint and largest contentful paint (the main content) for
   the landing page, every language's home page and the heaviest page.
   Target: under 2.5 s.

Prints the numbers and writes JSON to bench/results/public_pages.json.
The database is a throwaway SQLite file; no page needs it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_OUT = ROOT / "bench" / "results" / "public_pages.json"
BUDGET = 20 * 1024
PAINT_TARGET_MS = 2500
KBIT = 400
RTT_MS = 400
CPU_SLOWDOWN = 4  # a cheap phone


def _setup_django(tmp: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tokt.settings")
    os.environ.setdefault("TOKT_ENV", "test")
    os.environ["TOKT_DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
    os.environ.setdefault("TOKT_VAR_DIR", str(tmp))
    import django

    django.setup()


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def measure_weight() -> dict:
    from django.test import Client

    from tokt.public.export import public_paths
    from tokt.public.tests.helpers import resources, static_bytes

    client = Client()
    rows = []
    for path in public_paths():
        response = client.get(path)
        assert response.status_code == 200, path
        loaded = resources(response.content).loaded
        total = _gz(response.content) + sum(_gz(static_bytes(url)) for url in loaded)
        rows.append(
            {"path": path, "gzip_bytes": total, "html_gzip_bytes": _gz(response.content), "requests": 1 + len(loaded)}
        )
    sizes = [r["gzip_bytes"] for r in rows]
    largest = max(rows, key=lambda r: r["gzip_bytes"])
    return {
        "pages": len(rows),
        "largest_gzip_bytes": largest["gzip_bytes"],
        "largest_path": largest["path"],
        "median_gzip_bytes": int(statistics.median(sizes)),
        "budget_bytes": BUDGET,
        "within_budget": all(s <= BUDGET for s in sizes),
        "largest_requests": max(r["requests"] for r in rows),
        "median_requests": int(statistics.median(r["requests"] for r in rows)),
        "per_page": rows,
    }


def measure_throughput(seconds: float) -> dict:
    from django.test import Client

    from tokt.public.export import public_paths

    client = Client()
    paths = public_paths()
    for path in paths:  # warm the content and template caches
        client.get(path)
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for path in paths:
            assert client.get(path).status_code == 200
            done += 1
    elapsed = time.perf_counter() - start
    return {
        "requests": done,
        "seconds": round(elapsed, 2),
        "requests_per_second": round(done / elapsed, 1),
        "threads": 1,
    }


def _serve() -> tuple[str, object]:
    from wsgiref.simple_server import WSGIRequestHandler, make_server

    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.servers.basehttp import ThreadedWSGIServer
    from django.core.wsgi import get_wsgi_application

    class Quiet(WSGIRequestHandler):
        def log_message(self, *args):  # no client addresses in any output
            pass

    server = make_server(
        "127.0.0.1", 0, StaticFilesHandler(get_wsgi_application()), server_class=ThreadedWSGIServer, handler_class=Quiet
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server


_PAINT_JS = """() => new Promise(resolve => {
  let fcp = 0, lcp = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') fcp = e.startTime; })
    .observe({type: 'paint', buffered: true});
  new PerformanceObserver(list => { for (const e of list.getEntries()) lcp = e.startTime; })
    .observe({type: 'largest-contentful-paint', buffered: true});
  setTimeout(() => resolve({fcp: fcp || null, lcp: lcp || null,
    load: performance.getEntriesByType('navigation')[0].loadEventEnd}), 500);
})"""


def measure_paint(paths: list[str]) -> dict:
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    base, server = _serve()
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            for path in paths:
                context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
                throughput = KBIT * 1000 / 8  # bytes per second
                cdp.send(
                    "Network.emulateNetworkConditions",
                    {
                        "offline": False,
                        "latency": RTT_MS,
                        "downloadThroughput": throughput,
                        "uploadThroughput": throughput,
                    },
                )
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
                page.goto(base + path, wait_until="load", timeout=60_000)
                timing = page.evaluate(_PAINT_JS)
                rows.append(
                    {
                        "path": path,
                        "fcp_ms": round(timing["fcp"] or 0),
                        "lcp_ms": round(timing["lcp"] or 0),
                        "load_ms": round(timing["load"]),
                    }
                )
                context.close()
            browser.close()
    finally:
        server.shutdown()
    lcps = [r["lcp_ms"] for r in rows]
    return {
        "network": {
            "down_kbit_s": KBIT,
            "up_kbit_s": KBIT,
            "rtt_ms": RTT_MS,
            "cache": "disabled",
            "cpu_slowdown": CPU_SLOWDOWN,
        },
        "target_ms": PAINT_TARGET_MS,
        "largest_lcp_ms": max(lcps),
        "median_lcp_ms": int(statistics.median(lcps)),
        "largest_fcp_ms": max(r["fcp_ms"] for r in rows),
        "within_target": max(lcps) < PAINT_TARGET_MS,
        "per_page": rows,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--seconds", type=float, default=3.0, help="throughput run time")
    parser.add_argument("--no-browser", action="store_true", help="skip the paint measurement")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        _setup_django(Path(tmp))
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)
        from tokt.public.pages import current_site

        weight = measure_weight()
        print(f"Pages: {weight['pages']} in {len(current_site().languages)} languages")
        print(
            f"Weight (gzip, page+CSS+JS): largest {weight['largest_gzip_bytes']} B ({weight['largest_path']}), "
            f"median {weight['median_gzip_bytes']} B, budget {BUDGET} B: {'OK' if weight['within_budget'] else 'OVER'}"
        )
        print(f"Requests per page: largest {weight['largest_requests']}, median {weight['median_requests']}")
        throughput = measure_throughput(args.seconds)
        print(
            f"Throughput: {throughput['requests_per_second']} requests/s (Django test client, 1 thread, {throughput['seconds']} s)"
        )
        paint = None
        if not args.no_browser:
            sample = ["/"] + [f"/{code}/" for code in current_site().languages] + [weight["largest_path"]]
            paint = measure_paint(list(dict.fromkeys(sample)))
            print(
                f"Paint at {KBIT} kbit/s, {RTT_MS} ms RTT: LCP largest {paint['largest_lcp_ms']} ms, "
                f"median {paint['median_lcp_ms']} ms, FCP largest {paint['largest_fcp_ms']} ms "
                f"(target < {PAINT_TARGET_MS} ms: {'OK' if paint['within_target'] else 'MISSED'})"
            )

    record = {
        "benchmark": "public_pages",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "weight": weight,
        "throughput": throughput,
        "paint": paint,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Wrote {args.out}")
    # A measurement, not a gate: the test suite enforces the byte budget.
    return 0


if __name__ == "__main__":
    sys.exit(main())
