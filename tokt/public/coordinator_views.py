"""Coordinator pages for the public site: tips, translation status, print material."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tokt.accounts.permissions import Perm, require
from tokt.audit.models import AuditAction
from tokt.audit.services import log_action, read_with_audit
from tokt.public import printing
from tokt.public.forms import TipFilterForm, TipTriageForm
from tokt.public.models import Tip
from tokt.public.pages import current_site
from tokt.public.selectors import tip_counts, tips_for_triage, translation_status
from tokt.public.services import PublicError, tip_triage
from tokt.stats.services import poster_download_count


@require(Perm.TRIAGE_TIPS)
def tip_list(request):
    form = TipFilterForm(request.GET or None)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    with transaction.atomic():
        # The list shows the start of each message: reading it is recorded.
        log_action(
            actor=request.user,
            action=AuditAction.RECORD_READ,
            target_type="public.tip",
            details={"view": "list", "status": status},
        )
        tips = list(tips_for_triage(status=status)[:200])
    return render(request, "public_admin/tip_list.html", {"form": form, "tips": tips, "counts": tip_counts()})


@require(Perm.TRIAGE_TIPS)
def tip_detail(request, pk: int):
    tip = get_object_or_404(Tip, pk=pk)
    form = TipTriageForm(request.POST or None, initial={"status": tip.status, "triage_note": tip.triage_note})
    if request.method == "POST" and form.is_valid():
        try:
            tip_triage(actor=request.user, tip=tip, **form.cleaned_data)
        except PublicError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Vurderingen er lagret."))
            return redirect("public_admin:tips")
    read_with_audit(actor=request.user, target=tip, load=lambda: None, details={"view": "detail"})
    return render(request, "public_admin/tip_detail.html", {"tip": tip, "form": form})


STATUS_LABELS = {
    "original": _("Original"),
    "machine_assisted": _("Maskinassistert"),
    "reviewed": _("Gjennomgått"),
    "missing": _("Mangler"),
}


@require(Perm.REVIEW_TRANSLATIONS)
def translations(request):
    site = current_site()
    rows = translation_status(site)
    context = {"rows": rows, "page_ids": site.page_ids, "problems": site.problems, "labels": STATUS_LABELS}
    return render(request, "public_admin/translations.html", context)


@require(Perm.DOWNLOAD_PRINT_MATERIAL)
@require_GET
def print_material(request):
    site = current_site()
    languages = [(code, language.name, printing.public_url(code)) for code, language in site.languages.items()]
    return render(request, "public_admin/print_material.html", {"languages": languages})


@require(Perm.DOWNLOAD_PRINT_MATERIAL)
@require_GET
def print_download(request, lang: str, kind: str):
    if lang not in current_site().languages or kind not in printing.KINDS:
        raise Http404
    response = HttpResponse(printing.render_pdf(lang, kind), content_type="application/pdf")
    poster_download_count(lang=lang, kind=kind)
    response["Content-Disposition"] = f'attachment; filename="{printing.file_name(lang, kind)}"'
    return response
