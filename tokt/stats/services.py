"""Counter writes. Anonymous counters are not user actions, so they write no audit entry (it would add the identity
the counter is designed not to hold)."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from tokt.stats.models import PageViewCount, PosterDownloadCount, ScreeningCount


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
