"""Aggregates for the dashboard and the annual report, counted in the database (GROUP BY), then protected.

A case belongs to the year it was first met (``met_on``). Network-wide numbers
(outside the owning agency) go through small-cell suppression for the whole
year's cube at once (tokt/stats/cube.py); an agency's view of its own cases is
exact.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Case as When_
from django.db.models import CharField, Count, F, Max, Min, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, ExtractMonth
from django.utils import timezone

from tokt.cases.choices import ConferenceStatus
from tokt.cases.models import Action, AgendaItem, Case, Conference, Referral
from tokt.core.models import Municipality
from tokt.stats.cube import Geography, Row, build_counts, protect_breakdowns, protect_cube
from tokt.stats.suppression import Protected
from tokt.stats.vocabulary import DIMENSIONS, SECTORS, TTR_BUCKETS


def threshold() -> int:
    return settings.STATS_THRESHOLD


def geography() -> Geography:
    salten, others = set(), set()
    for number, in_salten in Municipality.objects.values_list("number", "salten"):
        (salten if in_salten else others).add(number)
    return Geography(salten=frozenset(salten), others=frozenset(others))


def case_years() -> list[int]:
    # Min and max, not DISTINCT on a truncated date: SQLite truncates dates in Python, row by row.
    span = Case.objects.aggregate(first=Min("met_on"), last=Max("met_on"))
    if span["first"] is None:
        return []
    return list(range(span["first"].year, span["last"].year + 1))


def _cases(year: int, agency=None):
    cases = Case.objects.filter(met_on__gte=dt.date(year, 1, 1), met_on__lt=dt.date(year + 1, 1, 1))
    return cases.filter(agency=agency) if agency is not None else cases


def _dimension_expression(name: str):
    if name == "month":
        return ExtractMonth("met_on")
    if name == "referral_outcome":
        latest = Referral.objects.filter(case=OuterRef("pk")).order_by("-sent_at", "-pk").values("status")[:1]
        return Coalesce(Subquery(latest), Value("none"), output_field=CharField())
    if name == "time_to_referral":
        first = Referral.objects.filter(case=OuterRef("pk")).order_by("sent_at", "pk").values("sent_at")[:1]
        bounds = [(bucket, dt.timedelta(days=days)) for bucket, days in TTR_BUCKETS if days is not None]
        return When_(
            When(first_referral__isnull=True, then=Value("none")),
            *[When(first_referral__lte=F("created_at") + delta, then=Value(bucket)) for bucket, delta in bounds],
            default=Value(TTR_BUCKETS[-1][0]),
            output_field=CharField(),
        ), first
    return F(name)


def _rows(cases, dimension: str | None) -> list[Row]:
    if dimension is None:
        grouped = cases.values("municipality_id", "sector", "forms").annotate(n=Count("pk"))
        return [Row(r["municipality_id"], r["sector"], tuple(sorted(r["forms"] or [])), "", r["n"]) for r in grouped]
    expression = _dimension_expression(dimension)
    if isinstance(expression, tuple):
        expression, first = expression
        cases = cases.annotate(first_referral=Subquery(first))
    grouped = cases.annotate(value=expression).values("municipality_id", "sector", "forms", "value")
    grouped = grouped.annotate(n=Count("pk")).order_by()
    return [
        Row(
            r["municipality_id"], r["sector"], tuple(sorted(r["forms"] or [])), _as_value(dimension, r["value"]), r["n"]
        )
        for r in grouped
    ]


def _as_value(dimension: str, value) -> str:
    return f"{int(value):02d}" if dimension == "month" else str(value)


def _data_version() -> tuple:
    cases = Case.objects.aggregate(n=Count("pk"), changed=Max("updated_at"))
    referrals = Referral.objects.aggregate(n=Count("pk"), sent=Max("sent_at"), answered=Max("answered_at"))
    return (cases["n"], str(cases["changed"]), referrals["n"], str(referrals["sent"]), str(referrals["answered"]))


def case_counts(year: int, agency=None) -> dict:
    """Exact counts of every key of the year's cube (see tokt/stats/cube.py)."""
    cases = _cases(year, agency)
    breakdowns = {name: _rows(cases, name) for name in DIMENSIONS}
    return build_counts(_rows(cases, None), breakdowns, geography())


# Protected cubes kept in this process, keyed by year, threshold and the data version: protecting a
# year of 30,000 cases takes seconds, reading it back from memory takes nothing (no pickling, unlike a cache).
_CUBES: dict[tuple, Protected] = {}
_CUBES_MAX = 16


def data_version() -> tuple:
    return _data_version()


def case_cube(year: int, *, agency=None, version: tuple | None = None) -> Protected:
    """The year's cube: protected for the network, exact for one agency's own cases."""
    if agency is not None:
        return Protected(counts=case_counts(year, agency), hidden=set(), threshold=threshold())
    key = (year, threshold(), version or _data_version())
    found = _CUBES.get(key)
    if found is None:
        counts = case_counts(year)
        found = protect_cube(counts, geography(), [*SECTORS, ""], threshold())
        if len(_CUBES) >= _CUBES_MAX:
            _CUBES.pop(next(iter(_CUBES)))
        _CUBES[key] = found
    return found


@dataclass(frozen=True)
class Breakdowns:
    protected: Protected
    tables: dict[str, list[str]]

    def value(self, table: str, value: str) -> int | None:
        return self.protected.value((table, value))

    @property
    def total(self) -> int | None:
        return self.protected.value(("", ""))


def _protected_tables(total: int, tables: dict[str, dict[str, int]]) -> Breakdowns:
    protected = protect_breakdowns(total, tables, threshold())
    return Breakdowns(protected, {name: sorted(table) for name, table in tables.items()})


def _table(queryset, field: str, expression=None) -> dict[str, int]:
    if expression is not None:
        queryset = queryset.annotate(**{field: expression})
    rows = queryset.values(field).annotate(n=Count("pk")).order_by()
    return {_month_or_str(r[field]): r["n"] for r in rows}


def _month_or_str(value) -> str:
    return f"{value:02d}" if isinstance(value, int) else str(value)


def tip_tables(year: int) -> Breakdowns:
    from tokt.public.models import Tip

    tips = Tip.objects.filter(created_on__year=year)
    tables = {
        "month": _table(tips, "month", ExtractMonth("created_on")),
        "lang": _table(tips, "lang"),
        "status": _table(tips, "status"),
    }
    return _protected_tables(tips.count(), tables)


def _summed(queryset, field: str, expression=None) -> dict[str, int]:
    from django.db.models import Sum

    if expression is not None:
        queryset = queryset.annotate(**{field: expression})
    rows = queryset.values(field).annotate(n=Sum("count")).order_by()
    return {_month_or_str(r[field]): r["n"] for r in rows}


def screening_tables(year: int) -> Breakdowns:
    from tokt.stats.models import ScreeningCount

    counts = ScreeningCount.objects.filter(day__year=year)
    tables = {
        "month": _summed(counts, "month", ExtractMonth("day")),
        "role": _summed(counts, "role"),
        "placement": _summed(counts, "placement"),
    }
    return _protected_tables(sum(tables["month"].values()), tables)


def reach_tables(year: int) -> dict[str, dict[str, int]]:
    """Page views and poster downloads: about no person, so exact."""
    from tokt.stats.models import PageViewCount, PosterDownloadCount

    views = PageViewCount.objects.filter(day__year=year)
    posters = PosterDownloadCount.objects.filter(day__year=year)
    return {
        "views_by_lang": _summed(views, "lang"),
        "views_by_page": _summed(views, "page"),
        "views_by_month": _summed(views, "month", ExtractMonth("day")),
        "posters_by_lang": _summed(posters, "lang"),
        "posters_by_kind": _summed(posters, "kind"),
    }


@dataclass(frozen=True)
class ConferenceActivity:
    """The network's own work (meetings and actions), about no person: exact."""

    conferences_by_month: dict[str, int]
    cases_discussed: int
    actions_open: int
    actions_overdue: int
    actions_done: int


def conference_activity(year: int) -> ConferenceActivity:
    today = timezone.localdate()
    held = Conference.objects.filter(date__year=year).exclude(status=ConferenceStatus.PLANNED)
    actions = Action.objects.filter(item__conference__date__year=year)
    counted = actions.aggregate(
        open=Count("pk", filter=Q(done_at__isnull=True)),
        overdue=Count("pk", filter=Q(done_at__isnull=True, due_on__lt=today)),
        done=Count("pk", filter=Q(done_at__isnull=False)),
    )
    return ConferenceActivity(
        conferences_by_month=_table(held, "month", ExtractMonth("date")),
        cases_discussed=AgendaItem.objects.filter(conference__in=held).values("case").distinct().count(),
        actions_open=counted["open"],
        actions_overdue=counted["overdue"],
        actions_done=counted["done"],
    )


def release_tables(year: int) -> dict[str, dict[str, int]]:
    """Exact counts for a differentially private release, over fixed category lists (absent ones count 0)."""
    from tokt.cases.choices import AgeGroup, Gender
    from tokt.stats.privacy import MAX_FORMS
    from tokt.stats.vocabulary import FORMS

    cases = _cases(year)
    tables = {
        "total": {"all": cases.count()},
        "sector": dict.fromkeys([*SECTORS, ""], 0) | _table(cases, "sector"),
        "gender": dict.fromkeys(Gender.values, 0) | _table(cases, "gender"),
        "age_group": dict.fromkeys(AgeGroup.values, 0) | _table(cases, "age_group"),
    }
    forms = dict.fromkeys(FORMS, 0)
    for row in cases.values("forms").annotate(n=Count("pk")).order_by():
        # At most MAX_FORMS forms per case count, which bounds the table's sensitivity.
        for form in sorted(row["forms"] or [])[:MAX_FORMS]:
            if form in forms:
                forms[form] += row["n"]
    tables["form"] = forms
    return tables
