"""A bare Django view returning fixed bytes: the yardstick for the public pages' throughput.

Served by gunicorn in bench/bench_public_gunicorn.py with the file named in
TOKT_BARE_BYTES (the bytes of /nb/ as ToKt serves them). No middleware, no database.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings

BODY = Path(os.environ["TOKT_BARE_BYTES"]).read_bytes()

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-only-not-secret",  # noqa: S106 - a throwaway process on loopback
    ALLOWED_HOSTS=["127.0.0.1"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402


def page(request):
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path("nb/", page)]
application = get_wsgi_application()
