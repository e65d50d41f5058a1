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
    }
