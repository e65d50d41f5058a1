"""Settings for bench_screening_http.py: the project's settings with the bench URLs added."""

from __future__ import annotations

from tokt.settings import *  # noqa: F403 - a bench-only overlay of the one settings module

ROOT_URLCONF = "bench.http_urls"
