"""The main navigation: one list, filtered by what the signed-in user may use."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tokt.accounts.permissions import Perm, has_perm


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    perm: Perm | None  # None: shown to everyone


NAV_ITEMS = [
    NavItem(_("Start"), "core:home", Perm.USE_START_PAGE),
    NavItem(_("Sjekk tegnene"), "screening:start", None),
    NavItem(_("Kunnskapsbank"), "knowledge:index", None),
    NavItem(_("Aktører og henvisning"), "directory:index", Perm.READ_DIRECTORY),
    NavItem(_("Opplæring"), "training:index", Perm.TAKE_TRAINING),
    NavItem(_("Tips"), "public_admin:tips", Perm.TRIAGE_TIPS),
    NavItem(_("Brukere"), "accounts:user_list", Perm.MANAGE_USERS),
    NavItem(_("Revisjonslogg"), "audit:list", Perm.READ_AUDIT),
]


def nav_for(request) -> list[dict]:
    items = []
    for item in NAV_ITEMS:
        if item.perm is not None and not has_perm(request.user, item.perm):
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue  # the capability is not installed
        items.append(
            {
                "label": item.label,
                "url": url,
                "current": request.path == url or (url != "/" and request.path.startswith(url)),
            }
        )
    return items
