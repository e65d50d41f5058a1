"""Reads: what a user sees of a case, and what needs them (the inbox)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count
from django.utils import timezone

from tokt.cases.access import Access, visible_cases
from tokt.cases.choices import (
    COUNTRIES,
    FORM_LABELS,
    SECTOR_LABELS,
    AgeGroup,
    CaseStatus,
    Gender,
    ReferralStatus,
    Region,
    Source,
    TransferStatus,
)
from tokt.cases.models import Action, Case, Referral, Transfer

_RARE_CACHE: dict[str, object] = {"at": 0.0, "common": frozenset()}
_RARE_TTL_SECONDS = 300


def common_countries() -> frozenset[str]:
    """Countries named by enough cases to be shown outside the owning agency (cached for five minutes)."""
    now = time.monotonic()
    if now - float(_RARE_CACHE["at"]) > _RARE_TTL_SECONDS:
        rows = Case.objects.exclude(country="").values("country").annotate(n=Count("pk")).order_by()
        _RARE_CACHE["common"] = frozenset(r["country"] for r in rows if r["n"] >= settings.CASE_RARE_COUNTRY_MIN)
        _RARE_CACHE["at"] = now
    return _RARE_CACHE["common"]  # type: ignore[return-value]


def reset_country_cache() -> None:
    _RARE_CACHE["at"] = 0.0


def origin_label(case: Case, access: Access) -> str:
    """The country where the viewer may see it, else the region (a rare country could identify a person)."""
    if case.country and (access >= Access.DETAILS or case.country in common_countries()):
        return str(COUNTRIES[case.country][0]) if case.country in COUNTRIES else case.country
    return _label(Region, case.region)


def _label(choices, value: str) -> str:
    """A choice's label (Django's get_FOO_display hashes every choice each call: slow in long lists)."""
    try:
        return str(choices(value).label)
    except ValueError:
        return value


@dataclass
class CaseCard:
    """The pseudonymised fields of a case, as shown to anyone who may see it."""

    public_id: str
    code: str
    agency: str
    status: str
    status_label: str
    age_group: str
    gender: str
    origin: str
    municipality: str
    sector: str
    forms: list[str] = field(default_factory=list)
    source: str = ""
    met_on: object = None
    review_on: object = None
    anonymised: bool = False

    @classmethod
    def of(cls, case: Case, access: Access) -> CaseCard:
        return cls(
            public_id=case.public_id,
            code=case.code,
            agency=case.agency.name,
            status=case.status,
            status_label=_label(CaseStatus, case.status),
            age_group=_label(AgeGroup, case.age_group),
            gender=_label(Gender, case.gender),
            origin=origin_label(case, access),
            municipality=case.municipality.name,
            sector=str(SECTOR_LABELS.get(case.sector, case.sector)) if case.sector else "",
            forms=[str(FORM_LABELS.get(f, f)) for f in case.forms],
            source=_label(Source, case.source),
            # Outside the owning agency the date is shown by month only.
            met_on=case.met_on if access == Access.OWNER else case.met_on.replace(day=1),
            review_on=case.review_on if access == Access.OWNER else None,
            anonymised=case.anonymised_at is not None,
        )


def case_list(user, *, status: str = "", own_only: bool = False, limit: int = 50, offset: int = 0):
    """Rows for the case list: pseudonymised fields only, never free text."""
    cases = visible_cases(user).select_related("agency", "municipality")
    if status:
        cases = cases.filter(status=status)
    if own_only:
        cases = cases.filter(agency=user.agency_id)
    total = cases.count()
    rows = []
    for case in cases.order_by("-pk")[offset : offset + limit]:
        access = Access.OWNER if case.agency_id == user.agency_id else Access.PSEUDONYMISED
        rows.append(CaseCard.of(case, access))
    return rows, total


@dataclass
class Inbox:
    referrals: list = field(default_factory=list)
    transfers: list = field(default_factory=list)
    actions: list = field(default_factory=list)
    overdue_actions: int = 0
    past_review: list = field(default_factory=list)
    new_tips: int = 0

    @property
    def empty(self) -> bool:
        return not (self.referrals or self.transfers or self.actions or self.past_review or self.new_tips)


def inbox_for(user) -> Inbox:
    from tokt.accounts.permissions import Perm, role_grants

    inbox = Inbox()
    if role_grants(user, Perm.TRIAGE_TIPS):
        from tokt.public.models import Tip, TipStatus

        inbox.new_tips = Tip.objects.filter(status=TipStatus.NEW).count()
    if not role_grants(user, Perm.WORK_CASES):
        return inbox
    today = timezone.localdate()
    inbox.referrals = list(
        Referral.objects.filter(agency=user.agency_id, status=ReferralStatus.SENT).select_related("case")[:20]
    )
    inbox.transfers = list(
        Transfer.objects.filter(to_agency=user.agency_id, status=TransferStatus.REQUESTED).select_related("case")[:20]
    )
    actions = Action.objects.open().for_user(user).select_related("item__case", "item__conference")
    inbox.actions = list(actions[:20])
    inbox.overdue_actions = sum(1 for a in inbox.actions if a.due_on < today)
    inbox.past_review = list(
        Case.objects.filter(agency=user.agency_id, review_on__lt=today).exclude(status=CaseStatus.CLOSED)[:20]
    )
    return inbox
