"""django-axes, configured to store neither IP addresses nor user agents."""

from __future__ import annotations

from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max


def no_client_ip(request) -> None:
    return None


def failures_for(username: str) -> int:
    found = AccessAttempt.objects.filter(username=username).aggregate(n=Max("failures_since_start"))["n"]
    return found or 0


def delay_minutes(failures: int) -> int:
    """1 minute at the failure limit, doubling with each failure after it, up to the maximum."""
    over = max(0, failures - settings.AXES_FAILURE_LIMIT)
    return min(settings.LOCKOUT_MAX_MINUTES, 2 ** min(over, 20))


def cool_off(request) -> timedelta:
    """How long a user name stays locked (django-axes calls this with the request, or None)."""
    username = ""
    if request is not None:
        username = request.POST.get("username", "") if request.method == "POST" else ""
    if not username:
        return timedelta(minutes=settings.LOCKOUT_MAX_MINUTES)
    return timedelta(minutes=delay_minutes(failures_for(username)))


def _forget_client(request) -> None:
    if request is None:
        return
    request.axes_ip_address = None
    request.axes_user_agent = ""
    request.axes_http_accept = ""
    request.axes_path_info = ""


class AnonymousDatabaseHandler(AxesDatabaseHandler):
    def is_locked(self, request, credentials=None) -> bool:
        _forget_client(request)
        return super().is_locked(request, credentials)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        _forget_client(request)
        return super().user_login_failed(sender, credentials, request, **kwargs)

    def user_logged_in(self, sender, request, user, **kwargs):
        _forget_client(request)
        return super().user_logged_in(sender, request, user, **kwargs)

    def user_logged_out(self, sender, request, user, **kwargs):
        _forget_client(request)
        return super().user_logged_out(sender, request, user, **kwargs)
