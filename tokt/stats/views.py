from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from tokt.accounts.permissions import Perm, require
from tokt.audit.models import AuditAction
from tokt.audit.services import log_action
from tokt.stats import selectors
from tokt.stats.annual import annual_report, render_pdf, render_xlsx
from tokt.stats.forms import OWN, DashboardForm, ReleaseForm, year_choices
from tokt.stats.models import PrivacyBudgetSpend
from tokt.stats.report import Filter, municipality_names, overview
from tokt.stats.services import StatsError, public_release


def _form(request) -> DashboardForm:
    years = selectors.case_years()
    data = request.GET if request.GET else None
    form = DashboardForm(data, years=years, municipalities=municipality_names())
    return form


def _latest(form: DashboardForm) -> int:
    """The newest year with cases (the choices run newest first and always include this year)."""
    years = [value for value, _label in form.fields["year"].choices]
    with_cases = set(selectors.case_years())
    return next((y for y in years if y in with_cases), years[0])


@require(Perm.VIEW_STATISTICS)
@require_GET
def dashboard(request):
    form = _form(request)
    if form.is_bound and form.is_valid():
        view, scope = form.view(), form.chosen_scope()
    else:
        view, scope = Filter(year=_latest(form)), "network"
    agency = request.user.agency if scope == OWN else None
    context = {"form": form, "overview": overview(view, agency=agency)}
    return render(request, "stats/dashboard.html", context)


def _year_or_404(year: int) -> int:
    if year < 2000 or year > timezone.localdate().year:
        raise Http404
    return year


@require(Perm.VIEW_STATISTICS)
@require_GET
def annual(request):
    years = year_choices(selectors.case_years())
    chosen = request.GET.get("year", "")
    valid = {value for value, _label in years}
    year = int(chosen) if chosen.isdigit() and int(chosen) in valid else years[0][0]
    return render(request, "stats/annual.html", {"years": years, "year": year})


def _download(request, year: int, content: bytes, content_type: str, extension: str) -> HttpResponse:
    # An existing action, so the audit app needs no migration for this export.
    log_action(
        actor=request.user,
        action=AuditAction.RECORD_READ,
        target_type="stats.annual_report",
        target_id=str(year),
        details={"format": extension},
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="tokt-arsrapport-{year}.{extension}"'
    return response


@require(Perm.VIEW_STATISTICS)
@require_GET
def annual_pdf(request, year: int):
    report = annual_report(_year_or_404(year))
    return _download(request, year, render_pdf(report), "application/pdf", "pdf")


@require(Perm.VIEW_STATISTICS)
@require_GET
def annual_xlsx(request, year: int):
    report = annual_report(_year_or_404(year))
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return _download(request, year, render_xlsx(report), xlsx, "xlsx")


@require(Perm.VIEW_STATISTICS)
@require_http_methods(["GET", "POST"])
def releases(request):
    form = ReleaseForm(request.POST or None, years=year_choices(selectors.case_years()))
    if request.method == "POST" and form.is_valid():
        try:
            public_release(user=request.user, **form.cleaned_data)
        except StatsError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("stats:releases")
    ledger = PrivacyBudgetSpend.objects.order_by("-year", "-released_at")
    context = {"form": form, "ledger": ledger, "budget": settings.STATS_DP_BUDGET_PER_YEAR}
    return render(request, "stats/releases.html", context)
