"""URLs for bench_screening_http.py only: the site plus a bare view returning the start page's bytes.

The bare view goes through the same middleware, so the difference to the
real start page is what the screening view itself costs.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from django.http import HttpResponse
from django.urls import path

from tokt.urls import urlpatterns as site


@functools.cache
def _bytes() -> bytes:
    # Written by the bench before the load starts (the start page as served).
    return Path(os.environ["TOKT_BENCH_BARE_FILE"]).read_bytes()


def bare(request):
    return HttpResponse(_bytes(), content_type="text/html; charset=utf-8")


urlpatterns = [path("bench/bare/", bare), *site]
