from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from tokt.accounts import services
from tokt.accounts.services import LOGIN_AT, SEEN_AT


class SessionLifetimeMiddleware:
    """Ends a signed-in session after the idle timeout or the absolute lifetime."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            now = time.time()
            login_at = request.session.get(LOGIN_AT, 0)
            seen_at = request.session.get(SEEN_AT, 0)
            if now - login_at > settings.SESSION_MAX_SECONDS:
                return self._expire(
                    request,
                    _("Økten din er avsluttet fordi den har vart i mer enn %(hours)s timer. Logg inn på nytt.")
                    % {"hours": settings.SESSION_MAX_SECONDS // 3600},
                    "absolute",
                )
            if now - seen_at > settings.SESSION_IDLE_SECONDS:
                return self._expire(
                    request,
                    _("Økten din er avsluttet fordi du har vært inaktiv i %(minutes)s minutter. Logg inn på nytt.")
                    % {"minutes": settings.SESSION_IDLE_SECONDS // 60},
                    "idle",
                )
            request.session[SEEN_AT] = now
        return self.get_response(request)

    def _expire(self, request, message: str, reason: str):
        services.session_expire(request=request, reason=reason)
        messages.info(request, message)
        return redirect(settings.LOGIN_URL)
