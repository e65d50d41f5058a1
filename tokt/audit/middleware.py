from __future__ import annotations

from tokt.audit.models import AuditAction
from tokt.audit.services import log_action_aggregated


class RefusalAuditMiddleware:
    """Every 403 is audited: who (if signed in) asked for which path. Aggregated per user and path."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 403:
            user = getattr(request, "user", None)
            signed_in = user is not None and user.is_authenticated
            path = request.path[:200]
            log_action_aggregated(
                key=f"denied:{user.pk if signed_in else '-'}:{request.method}:{path}",
                actor=user if signed_in else None,
                action=AuditAction.ACCESS_DENIED,
                details={"path": path, "method": request.method},
            )
        return response
