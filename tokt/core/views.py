from __future__ import annotations

import datetime

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

from tokt.accounts.permissions import Perm, public, require
from tokt.core import wcag

ACCESSIBILITY_LAST_REVIEWED = datetime.date(2026, 11, 27)


@require(Perm.USE_START_PAGE)
def home(request):
    from tokt.cases.selectors import inbox_for

    return render(request, "core/home.html", {"inbox": inbox_for(request.user), "today": timezone.localdate()})


@public
def accessibility(request):
    labels = {wcag.MET: _("Oppfylt"), wcag.NOT_APPLICABLE: _("Ikke relevant"), wcag.DEVIATION: _("Avvik")}
    criteria = [
        {"number": n, "level": lvl, "name": name, "status_label": labels[status], "note": wcag.NOTES.get(n, "")}
        for n, lvl, name, status in wcag.CRITERIA
    ]
    deviations = [
        c for c, (_n, _l, _name, status) in zip(criteria, wcag.CRITERIA, strict=True) if status == wcag.DEVIATION
    ]
    context = {"last_reviewed": ACCESSIBILITY_LAST_REVIEWED, "criteria": criteria, "deviations": deviations}
    return render(request, "core/accessibility.html", context)


@requires_csrf_token
def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


@requires_csrf_token
def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


@requires_csrf_token
def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    return render(request, "500.html", status=500)


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)
