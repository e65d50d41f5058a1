"""E-mail notices that something in ToKt needs attention. They never name case content.

A notice says only that there is something to look at and links to the start
page; what it is about is seen after signing in. Sent after the transaction
commits, so a rolled-back action sends nothing.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

logger = logging.getLogger(__name__)


def _recipients(*, agency_id: int | None = None, user=None) -> list[str]:
    from tokt.accounts.models import Role, User

    if user is not None:
        return [user.email] if user.email and user.is_active else []
    users = User.objects.filter(agency=agency_id, is_active=True, role__in=[Role.FAGPERSON, Role.KOORDINATOR])
    return [u.email for u in users.exclude(email="")]


def _send(recipients: list[str], subject: str) -> None:
    if not recipients:
        return
    start = settings.PUBLIC_BASE_URL.rstrip("/") + reverse("core:home")
    with override("nb"):
        body = _("Noe i ToKt venter på deg. Logg inn for å se det: %(url)s") % {"url": start}
        body += "\n\n" + _("E-posten sier med vilje ikke hva det gjelder.")
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in recipients]
    try:
        send_mass_mail(messages, fail_silently=False)
    except OSError:
        # A mail server that is down must not undo the work; the start page shows it anyway.
        logger.warning("case notice could not be sent to %d recipient(s)", len(recipients))


def notify_agency(agency_id: int, subject: str) -> None:
    transaction.on_commit(lambda: _send(_recipients(agency_id=agency_id), subject))


def notify_user(user, subject: str) -> None:
    transaction.on_commit(lambda: _send(_recipients(user=user), subject))
