"""django-axes, configured to store neither IP addresses nor user agents."""

from __future__ import annotations

from axes.handlers.database import AxesDatabaseHandler


def no_client_ip(request) -> None:
    return None


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
