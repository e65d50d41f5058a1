"""Counter writes. Anonymous counters are not user actions, so they write no audit entry (it would add the identity
the counter is designed not to hold)."""

from __future__ import annotations

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from tokt.audit.models import AuditAction
from tokt.audit.services import log_action
from tokt.stats import privacy
from tokt.stats.models import PageViewCount, PosterDownloadCount, PrivacyBudgetSpend, ScreeningCount


class StatsError(Exception):
    pass


def _bump(model, **fields) -> None:
    fields = {name: str(value)[: model._meta.get_field(name).max_length] for name, value in fields.items()}
    day = timezone.localdate()
    with transaction.atomic():
        if model.objects.filter(day=day, **fields).update(count=F("count") + 1):
            return
        try:
            with transaction.atomic():
                model.objects.create(day=day, count=1, **fields)
        except IntegrityError:
            # Another request created the row first.
            model.objects.filter(day=day, **fields).update(count=F("count") + 1)


def screening_count(*, role: str, placement: str) -> None:
    _bump(ScreeningCount, role=role, placement=placement)


def page_view_count(*, lang: str, page: str) -> None:
    _bump(PageViewCount, lang=lang, page=page)


def poster_download_count(*, lang: str, kind: str) -> None:
    _bump(PosterDownloadCount, lang=lang, kind=kind)


def public_release(*, user, year: int, epsilon: float, purpose: str) -> PrivacyBudgetSpend:
    """Release noisy counts for ``year``, spending ``epsilon`` of the year's budget, or refuse.

    The check and the ledger row are one transaction, with a lock per year, so two releases at once
    cannot both pass the check.
    """
    from tokt.stats.selectors import release_tables

    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [7301, year])
        spent = PrivacyBudgetSpend.objects.filter(year=year).aggregate(s=Sum("epsilon"))["s"] or 0.0
        try:
            privacy.check_budget(spent=spent, budget=settings.STATS_DP_BUDGET_PER_YEAR, epsilon=epsilon)
        except privacy.BudgetExceeded as exc:
            raise StatsError(
                _("Utgivelsen ville brukt mer enn årets personvernbudsjett (brukt %(spent)s av %(budget)s).")
                % {"spent": f"{spent:g}", "budget": f"{settings.STATS_DP_BUDGET_PER_YEAR:g}"}
            ) from exc
        tables = privacy.release(release_tables(year), epsilon)
        values = {
            t.name: {"values": t.values, "scale": t.scale, "epsilon": t.epsilon, "accuracy_95": t.accuracy_95}
            for t in tables
        }
        spend = PrivacyBudgetSpend.objects.create(
            year=year, epsilon=epsilon, purpose=purpose[:200], values=values, released_by=user
        )
        log_action(actor=user, action=AuditAction.STATS_RELEASE_PUBLISHED, target=spend, details={"epsilon": epsilon})
    return spend


def budget_spent(year: int) -> float:
    return PrivacyBudgetSpend.objects.filter(year=year).aggregate(s=Sum("epsilon"))["s"] or 0.0
