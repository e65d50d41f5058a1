from django.conf import settings

from tokt.accounts.permissions import is_signed_in, menu_for
from tokt.core.navigation import nav_for


def site(request):
    user = getattr(request, "user", None)
    return {
        "network_name": settings.NETWORK_NAME,
        "demo_mode": settings.DEMO_MODE,
        "signed_in": is_signed_in(user),
        "can": menu_for(user),
        "nav_items": nav_for(request) if user is not None else [],
        "session_idle_seconds": settings.SESSION_IDLE_SECONDS,
        "session_warning_minutes": max(1, min(120, settings.SESSION_IDLE_SECONDS // 2) // 60),
    }
